// Package envflag lets every command-line flag fall back to an environment
// variable, so one binary is configured by flags on a laptop and by env in a
// container (Kubernetes, docker run -e) without a config file.
//
// The variable for flag "shutdown-timeout" with prefix "HELLO_SERVER" is
// HELLO_SERVER_SHUTDOWN_TIMEOUT. Precedence: flag, then variable, then the
// flag's default.
package envflag

import (
	"flag"
	"fmt"
	"strings"
)

// Var returns the environment variable that backs flag name under prefix.
func Var(prefix, name string) string {
	v := strings.ToUpper(strings.NewReplacer("-", "_", ".", "_").Replace(name))
	if prefix == "" {
		return v
	}
	return prefix + "_" + v
}

// Parse parses args into fs, then sets every flag that args did not set from
// its variable (see Var) when lookup finds one (pass os.LookupEnv). A value
// the flag rejects is an error naming the variable.
func Parse(fs *flag.FlagSet, args []string, prefix string, lookup func(string) (string, bool)) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if set[f.Name] || err != nil {
			return
		}
		name := Var(prefix, f.Name)
		if value, ok := lookup(name); ok {
			if e := fs.Set(f.Name, value); e != nil {
				err = fmt.Errorf("environment variable %s=%q (flag -%s): %w", name, value, f.Name, e)
			}
		}
	})
	return err
}

// Usage returns fs's usage text with each flag's variable named, for -help.
func Usage(fs *flag.FlagSet, prefix string) string {
	var b strings.Builder
	fs.VisitAll(func(f *flag.Flag) {
		fmt.Fprintf(&b, "  -%s (env %s, default %q)\n    \t%s\n", f.Name, Var(prefix, f.Name), f.DefValue, f.Usage)
	})
	return b.String()
}
