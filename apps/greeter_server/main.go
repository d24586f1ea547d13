// Command greeter_server serves the Greeter gRPC API (libs/greeterpb): the
// example gRPC service to copy, beside hello_server's HTTP one.
//
//	bazel run //apps/greeter_server                      # listens on :9090
//	bazel run //apps/greeter_cli -- -name Ada            # Hello, Ada!
//	grpcurl -plaintext localhost:9090 list               # server reflection
//	grpcurl -plaintext localhost:9090 grpc.health.v1.Health/Check
//
// It serves the standard health service (grpc.health.v1, which Kubernetes'
// gRPC probes call) and server reflection. Every call gets a deadline: the
// client's, or -request-timeout when the client sets none or a later one.
// Every flag falls back to an environment variable (GREETER_SERVER_ADDR, ...;
// see -help). SIGTERM or SIGINT starts a graceful stop: health turns
// NOT_SERVING, new calls are refused, and in-flight calls get
// -shutdown-timeout to finish; the exit code is 0 if they did.
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

	"example.com/monorepo/libs/envflag"
	"example.com/monorepo/libs/greeterpb"
	"example.com/monorepo/libs/greeting"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/reflection"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"
)

// Stamped by --config=release (tools/release/status.sh); see hello_server.
var (
	//bazel:stamp STABLE_VERSION
	version = "dev"
	//bazel:stamp STABLE_GIT_COMMIT
	revision = "unstamped"
)

const envPrefix = "GREETER_SERVER"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr))
}

// config is what the flags (or their variables) set.
type config struct {
	addr            string
	logLevel        slog.Level
	requestTimeout  time.Duration
	shutdownTimeout time.Duration
}

func parse(args []string, lookup func(string) (string, bool), stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("greeter_server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.addr, "addr", ":9090", "address to listen on")
	fs.TextVar(&c.logLevel, "log-level", slog.LevelInfo, "log level: debug, info, warn or error")
	fs.DurationVar(&c.requestTimeout, "request-timeout", 5*time.Second,
		"the longest a call may take (a client's shorter deadline wins)")
	fs.DurationVar(&c.shutdownTimeout, "shutdown-timeout", 20*time.Second,
		"on SIGTERM, how long in-flight calls get to finish")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage of greeter_server (%s, %s):\n%s", version, revision, envflag.Usage(fs, envPrefix))
	}
	if err := envflag.Parse(fs, args, envPrefix, lookup); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.requestTimeout <= 0 || c.shutdownTimeout <= 0 {
		return c, errors.New("-request-timeout and -shutdown-timeout must be positive")
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
		fmt.Fprintf(stderr, "greeter_server: %v\n", err)
		return 2
	}
	log := slog.New(slog.NewJSONHandler(stdout, &slog.HandlerOptions{Level: c.logLevel}))
	log.Info("starting", "version", version, "revision", revision, "go", runtime.Version())
	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		log.Error("cannot listen", "addr", c.addr, "err", err.Error())
		return 1
	}
	if err := serve(ctx, ln, c, log); err != nil {
		log.Error("server failed", "err", err.Error())
		return 1
	}
	return 0
}

// serve serves Greeter, health and reflection on ln until ctx is done, then
// stops gracefully within c.shutdownTimeout.
func serve(ctx context.Context, ln net.Listener, c config, log *slog.Logger) error {
	srv := grpc.NewServer(grpc.ChainUnaryInterceptor(accessLog(log), deadline(c.requestTimeout)))
	greeterpb.RegisterGreeterServer(srv, greeter{})
	hs := health.NewServer()
	healthpb.RegisterHealthServer(srv, hs)
	hs.SetServingStatus(greeterpb.Greeter_ServiceDesc.ServiceName, healthpb.HealthCheckResponse_SERVING)
	reflection.Register(srv)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	log.Info("serving", "addr", ln.Addr().String())
	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	log.Info("stopping", "timeout", c.shutdownTimeout.String())
	hs.Shutdown() // health checks say NOT_SERVING from now on
	stopped := make(chan struct{})
	go func() {
		srv.GracefulStop()
		close(stopped)
	}()
	select {
	case <-stopped:
		log.Info("stopped")
		return nil
	case <-time.After(c.shutdownTimeout):
		srv.Stop()
		return fmt.Errorf("in-flight calls still running after %s; stopped them", c.shutdownTimeout)
	}
}

// greeter implements the Greeter API with libs/greeting.
type greeter struct {
	greeterpb.UnimplementedGreeterServer
}

// SayHello greets req's name; a name libs/names rejects is INVALID_ARGUMENT.
func (greeter) SayHello(ctx context.Context, req *greeterpb.HelloRequest) (*greeterpb.HelloReply, error) {
	name := req.GetName()
	if name == "" {
		name = greeting.DefaultName
	}
	msg, err := greeting.Greet(name)
	if err != nil {
		return nil, status.Error(codes.InvalidArgument, err.Error())
	}
	return &greeterpb.HelloReply{Message: msg, ServedAt: timestamppb.Now()}, nil
}

// deadline gives every call at most max: the client's deadline when it is sooner.
func deadline(max time.Duration) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, _ *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if d, ok := ctx.Deadline(); !ok || time.Until(d) > max {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, max)
			defer cancel()
		}
		return handler(ctx, req)
	}
}

// accessLog logs every call: method, status code and duration.
func accessLog(log *slog.Logger) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		start := time.Now()
		resp, err := handler(ctx, req)
		log.Info("call", "method", info.FullMethod, "code", status.Code(err).String(), "duration", time.Since(start).String())
		return resp, err
	}
}
