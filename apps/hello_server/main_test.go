package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func noEnv(string) (string, bool) { return "", false }

func TestParse(t *testing.T) {
	env := func(k string) (string, bool) {
		v, ok := map[string]string{"HELLO_SERVER_ADDR": "127.0.0.1:9000", "HELLO_SERVER_SHUTDOWN_TIMEOUT": "3s"}[k]
		return v, ok
	}
	c, err := parse(nil, env, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:9000", c.addr)
	assert.Equal(t, 3*time.Second, c.server.ShutdownTimeout)
	assert.Equal(t, 5*time.Second, c.server.ReadHeaderTimeout, "limits stay on")

	c, err = parse([]string{"-addr", ":1234", "-log-level", "debug"}, env, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, ":1234", c.addr, "a flag beats its variable")
	assert.Equal(t, "DEBUG", c.logLevel.String())
}

func TestRunUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		env  map[string]string
		code int
		want string
	}{
		{[]string{"-help"}, nil, 0, "-addr (env HELLO_SERVER_ADDR"},
		{[]string{"extra"}, nil, 2, `unexpected arguments ["extra"]`},
		{nil, map[string]string{"HELLO_SERVER_LOG_LEVEL": "loud"}, 2, "HELLO_SERVER_LOG_LEVEL"},
		{[]string{"-addr", "256.0.0.1:1"}, nil, 1, "cannot listen"},
	} {
		var out, errs strings.Builder
		lookup := func(k string) (string, bool) { v, ok := tc.env[k]; return v, ok }
		code := run(context.Background(), tc.args, lookup, &out, &errs)
		assert.Equal(t, tc.code, code, tc.args)
		assert.Contains(t, out.String()+errs.String(), tc.want, tc.args)
	}
}

// TestRunServesAndStops runs the whole program on a free port: it logs where
// it listens, serves /hello and the probes, and exits 0 when ctx ends.
func TestRunServesAndStops(t *testing.T) {
	logs, w := io.Pipe()
	ctx, cancel := context.WithCancel(context.Background())
	code := make(chan int, 1)
	go func() {
		code <- run(ctx, []string{"-addr", "127.0.0.1:0"}, noEnv, w, io.Discard)
		w.Close()
	}()

	lines := bufio.NewScanner(logs)
	var addr string
	for addr == "" && lines.Scan() {
		var entry struct{ Msg, Addr, Version string }
		require.NoError(t, json.Unmarshal(lines.Bytes(), &entry), lines.Text())
		if entry.Msg == "starting" {
			assert.Equal(t, "dev", entry.Version)
		}
		if entry.Msg == "serving" {
			addr = entry.Addr
		}
	}
	require.NotEmpty(t, addr, "no 'serving' log line")
	go func() { _, _ = io.Copy(io.Discard, logs) }() // drain the rest of the log

	resp, err := http.Get("http://" + addr + "/hello?name=Ada")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, "Hello, Ada!\n", string(body))

	resp, err = http.Get("http://" + addr + "/readyz")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)

	cancel()
	select {
	case c := <-code:
		assert.Equal(t, 0, c)
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after its context ended")
	}
}
