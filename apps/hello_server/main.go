// Command hello_server serves greetings over HTTP: the example service to copy
// for a real one. Standard library and libs/ only.
//
//	bazel run //apps/hello_server                       # listens on :8080
//	curl 'localhost:8080/hello?name=Ada'                # Hello, Ada!
//	curl -i localhost:8080/readyz                       # 200 ready (503 while shutting down)
//
// Every flag falls back to an environment variable (HELLO_SERVER_ADDR, ...;
// see -help), which is how the Kubernetes manifest configures it. SIGTERM or
// SIGINT starts a graceful shutdown: /readyz turns 503, and in-flight
// requests get -shutdown-timeout to finish; the exit code is 0 if they did.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"example.com/monorepo/apps/hello_server/api"
	"example.com/monorepo/libs/envflag"
	"example.com/monorepo/libs/httpserver"
)

// Stamped by --config=release from tools/release/status.sh (Gazelle turns
// each //bazel:stamp line into x_defs); other builds keep these values, so
// their bytes do not depend on the commit.
var (
	//bazel:stamp STABLE_VERSION
	version = "dev"
	//bazel:stamp STABLE_GIT_COMMIT
	revision = "unstamped"
)

const envPrefix = "HELLO_SERVER"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr))
}

// config is what the flags (or their variables) set.
type config struct {
	addr       string
	logLevel   slog.Level
	helloDelay time.Duration
	server     httpserver.Config
}

func parse(args []string, lookup func(string) (string, bool), stderr io.Writer) (config, error) {
	c := config{server: httpserver.DefaultConfig()}
	fs := flag.NewFlagSet("hello_server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", ":8080", "address to listen on")
	fs.TextVar(&c.logLevel, "log-level", slog.LevelInfo, "log level: debug, info, warn or error")
	fs.DurationVar(&c.server.ShutdownDelay, "shutdown-delay", c.server.ShutdownDelay,
		"on SIGTERM, how long /readyz says 503 before the listener closes")
	fs.DurationVar(&c.server.ShutdownTimeout, "shutdown-timeout", c.server.ShutdownTimeout,
		"on SIGTERM, how long in-flight requests get to finish")
	fs.DurationVar(&c.helloDelay, "hello-delay", 0,
		"artificial latency for /hello, for shutdown drills and load tests (keep 0 in production)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage of hello_server (%s, %s):\n%s", version, revision, envflag.Usage(fs, envPrefix))
	}
	if err := envflag.Parse(fs, args, envPrefix, lookup); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return c, nil
}

// run is main without the process: it serves until ctx is done and returns
// the exit code (0 clean, 1 failed, 2 bad usage).
func run(ctx context.Context, args []string, lookup func(string) (string, bool), stdout, stderr io.Writer) int {
	c, err := parse(args, lookup, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return 0
	} else if err != nil {
		fmt.Fprintf(stderr, "hello_server: %v\n", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stdout, &slog.HandlerOptions{Level: c.logLevel}))
	log.Info("starting", "version", version, "revision", revision, "go", runtime.Version())

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		log.Error("cannot listen", "addr", c.addr, "err", err.Error())
		return 1
	}
	srv := httpserver.New(api.Routes(c.helloDelay), c.server, log)
	if err := srv.Serve(ctx, ln); err != nil {
		log.Error("server failed", "err", err.Error())
		return 1
	}
	return 0
}
