// Command resolve is the build action of k8s_manifest (tools/deploy): it
// writes a Kubernetes manifest from its template with the image by digest,
// and refuses a template that is not valid YAML, naming its file and line.
//
//	resolve TEMPLATE REPOSITORY DIGEST_FILE OUT
package main

import (
	"fmt"
	"os"
	"strings"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: resolve TEMPLATE REPOSITORY DIGEST_FILE OUT")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2], os.Args[3], os.Args[4]); err != nil {
		fmt.Fprintf(os.Stderr, "k8s_manifest: %v\n", err)
		os.Exit(1)
	}
}

func run(templatePath, repository, digestPath, outPath string) error {
	template, err := os.ReadFile(templatePath)
	if err != nil {
		return err
	}
	digest, err := os.ReadFile(digestPath)
	if err != nil {
		return err
	}
	out, err := Resolve(templatePath, template, repository+"@"+strings.TrimSpace(string(digest)))
	if err != nil {
		return err
	}
	return os.WriteFile(outPath, out, 0o644)
}
