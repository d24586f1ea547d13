// Command greeter_cli calls the Greeter gRPC API (libs/greeterpb) of
// apps/greeter_server and prints the greeting:
//
//	bazel run //apps/greeter_cli -- -name Ada                     # Hello, Ada!
//	bazel run //apps/greeter_cli -- -addr greeter:9090 -timeout 2s -name Ada
//
// Every flag falls back to an environment variable (GREETER_CLI_ADDR, ...).
// The call has a deadline (-timeout); a failed call prints its gRPC status
// and exits 1.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"example.com/monorepo/libs/envflag"
	"example.com/monorepo/libs/greeterpb"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
)

//go:generate mockgen -source=../../libs/greeterpb/greeter_grpc.pb.go -destination=mock_greeter_test.go -package=main -write_source_comment=false -exclude_interfaces=GreeterServer,UnsafeGreeterServer

const envPrefix = "GREETER_CLI"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.LookupEnv, os.Stdout, os.Stderr))
}

// run is main without the process; it returns the exit code (0 greeted,
// 1 the call failed, 2 bad usage).
func run(ctx context.Context, args []string, lookup func(string) (string, bool), stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("greeter_cli", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "localhost:9090", "the Greeter server (host:port)")
	name := fs.String("name", "", "who to greet (default: the world)")
	timeout := fs.Duration("timeout", 5*time.Second, "the call's deadline")
	fs.Usage = func() { fmt.Fprintf(stderr, "Usage of greeter_cli:\n%s", envflag.Usage(fs, envPrefix)) }
	if err := envflag.Parse(fs, args, envPrefix, lookup); errors.Is(err, flag.ErrHelp) {
		return 0
	} else if err != nil || fs.NArg() > 0 {
		fmt.Fprintf(stderr, "greeter_cli: bad usage: %v %q\n", err, fs.Args())
		return 2
	}
	conn, err := grpc.NewClient(*addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		fmt.Fprintf(stderr, "greeter_cli: %v\n", err)
		return 2
	}
	defer conn.Close()
	if err := greet(ctx, greeterpb.NewGreeterClient(conn), *name, *timeout, stdout); err != nil {
		fmt.Fprintf(stderr, "greeter_cli: %s: %v\n", *addr, err)
		return 1
	}
	return 0
}

// greet asks client to greet name within timeout and prints the greeting.
func greet(ctx context.Context, client greeterpb.GreeterClient, name string, timeout time.Duration, out io.Writer) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	reply, err := client.SayHello(ctx, &greeterpb.HelloRequest{Name: name})
	if err != nil {
		s := status.Convert(err)
		return fmt.Errorf("SayHello: %s: %s", s.Code(), s.Message())
	}
	_, err = fmt.Fprintln(out, reply.GetMessage())
	return err
}
