package envflag_test

import (
	"flag"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/monorepo/libs/envflag"
)

func newFlags() (*flag.FlagSet, *string, *time.Duration) {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", ":8080", "listen address")
	timeout := fs.Duration("shutdown-timeout", 20*time.Second, "drain deadline")
	return fs, addr, timeout
}

func env(vars map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := vars[k]; return v, ok }
}

func TestVar(t *testing.T) {
	assert.Equal(t, "HELLO_SERVER_SHUTDOWN_TIMEOUT", envflag.Var("HELLO_SERVER", "shutdown-timeout"))
	assert.Equal(t, "LOG_LEVEL", envflag.Var("", "log.level"))
}

func TestParsePrecedence(t *testing.T) {
	vars := env(map[string]string{"APP_ADDR": ":9000", "APP_SHUTDOWN_TIMEOUT": "5s"})

	fs, addr, timeout := newFlags()
	require.NoError(t, envflag.Parse(fs, nil, "APP", vars))
	assert.Equal(t, ":9000", *addr, "variable beats default")
	assert.Equal(t, 5*time.Second, *timeout)

	fs, addr, timeout = newFlags()
	require.NoError(t, envflag.Parse(fs, []string{"-addr", ":7000"}, "APP", vars))
	assert.Equal(t, ":7000", *addr, "flag beats variable")
	assert.Equal(t, 5*time.Second, *timeout)

	fs, addr, timeout = newFlags()
	require.NoError(t, envflag.Parse(fs, nil, "APP", env(nil)))
	assert.Equal(t, ":8080", *addr, "default when neither")
	assert.Equal(t, 20*time.Second, *timeout)
}

func TestParseErrors(t *testing.T) {
	fs, _, _ := newFlags()
	err := envflag.Parse(fs, nil, "APP", env(map[string]string{"APP_SHUTDOWN_TIMEOUT": "soon"}))
	require.Error(t, err)
	assert.Contains(t, err.Error(), `environment variable APP_SHUTDOWN_TIMEOUT="soon" (flag -shutdown-timeout)`)

	fs, _, _ = newFlags()
	assert.Error(t, envflag.Parse(fs, []string{"-nope"}, "APP", env(nil)), "unknown flag")
}

func TestUsageNamesVariables(t *testing.T) {
	fs, _, _ := newFlags()
	u := envflag.Usage(fs, "APP")
	assert.Contains(t, u, "-addr (env APP_ADDR, default \":8080\")")
	assert.Contains(t, u, "-shutdown-timeout (env APP_SHUTDOWN_TIMEOUT, default \"20s\")")
}
