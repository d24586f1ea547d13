// Command pay_api is a new app of the monorepo: it greets whoever --name
// says. Replace run with what the app does.
//
//	bazel run //apps/pay_api                 # pay_api: hello, world
//	bazel run //apps/pay_api -- --name Ada   # pay_api: hello, Ada
//
// To use a shared library, import it ("example.com/monorepo/libs/NAME") and run
// `bazel run //:gazelle`; apps/hello_world shows one.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is main without the process: it parses args, writes to stdout and
// returns the exit code (0 ok, 1 failed, 2 bad usage).
func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pay_api", flag.ContinueOnError)
	fs.SetOutput(stderr)
	name := fs.String("name", "world", "who to greet")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "pay_api: unexpected arguments %q; use --name NAME\n", fs.Args())
		return 2
	}
	if *name == "" {
		fmt.Fprintln(stderr, "pay_api: --name is empty")
		return 1
	}
	fmt.Fprintf(stdout, "pay_api: hello, %s\n", *name)
	return 0
}
