// Command hello_world prints a greeting built by the shared greeting library.
//
//	bazel run //apps/hello_world                 # Hello, world!
//	bazel run //apps/hello_world -- --name Ada   # Hello, Ada!
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"example.com/monorepo/libs/greeting"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it parses args, writes the greeting to
// stdout and returns the exit code (0 ok, 1 bad name, 2 bad usage).
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("hello_world", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", greeting.DefaultName, "who to greet")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "hello_world: unexpected arguments %q; use --name NAME\n", fs.Args())
		return 2
	}
	msg, err := greeting.Greet(*name)
	if err != nil {
		fmt.Fprintf(stderr, "hello_world: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, msg)
	return 0
}
