// Command plan is the release plan of a push to main (tools/release/publish.sh):
// for each app, the image index digest the registry holds under TAG and the
// digest just built. Images are reproducible, so equal digests mean the app
// did not change and need not ship. It prints a table, writes the plan as
// JSON (the deploy step's input), and lists the apps to push on stdout's last
// line.
//
//	plan --registry HOST[:PORT][/PATH] --tag TAG --out PLAN.json APP=DIGEST_FILE...
//
// DIGEST_FILE is an oci_image_index's .digest output (bazel-bin/apps/APP/image_index.digest).
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/remote/transport"
)

// App is one line of the plan.
type App struct {
	App        string `json:"app"`
	Repository string `json:"repository"`
	// Registry is the digest the registry holds under the tag, "" if none.
	Registry string `json:"registry_digest"`
	Digest   string `json:"digest"`
	Changed  bool   `json:"changed"`
}

// Plan is what --out holds.
type Plan struct {
	Tag  string `json:"tag"`
	Apps []App  `json:"apps"`
}

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintf(os.Stderr, "plan: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("plan", flag.ContinueOnError)
	registry := fs.String("registry", "", "where apps are pushed: HOST[:PORT][/PATH]; app APP goes to REGISTRY/APP")
	tag := fs.String("tag", "main", "the tag that names each app's current image")
	out := fs.String("out", "", "write the plan as JSON here")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *registry == "" || *out == "" || fs.NArg() == 0 {
		return fmt.Errorf("usage: plan --registry HOST[:PORT][/PATH] --tag TAG --out PLAN.json APP=DIGEST_FILE...")
	}
	wd := os.Getenv("BUILD_WORKSPACE_DIRECTORY") // relative paths are the caller's
	p := Plan{Tag: *tag}
	for _, arg := range fs.Args() {
		app, file, ok := strings.Cut(arg, "=")
		if !ok {
			return fmt.Errorf("%q: want APP=DIGEST_FILE", arg)
		}
		if !filepath.IsAbs(file) && wd != "" {
			file = filepath.Join(wd, file)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("%s: the built digest: %w", app, err)
		}
		repo := strings.TrimSuffix(*registry, "/") + "/" + app
		ref, err := name.NewTag(repo+":"+*tag, name.StrictValidation)
		if err != nil {
			return fmt.Errorf("%s: %w", app, err)
		}
		held, err := remoteDigest(ctx, ref)
		if err != nil {
			return err
		}
		digest := strings.TrimSpace(string(b))
		p.Apps = append(p.Apps, App{App: app, Repository: repo, Registry: held, Digest: digest, Changed: held != digest})
	}
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(*out, append(data, '\n'), 0o644); err != nil {
		return fmt.Errorf("writing the plan: %w", err)
	}
	return printPlan(stdout, p)
}

// printPlan writes the table, then "push: APP..." (the changed apps).
func printPlan(w io.Writer, p Plan) error {
	tw := tabwriter.NewWriter(w, 0, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "APP\tIN THE REGISTRY (:%s)\tBUILT\tCHANGED\n", p.Tag)
	var push []string
	for _, a := range p.Apps {
		held, changed := short(a.Registry), "no"
		if held == "" {
			held = "(none)"
		}
		if a.Changed {
			changed = "yes"
			push = append(push, a.App)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.App, held, short(a.Digest), changed)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "push: %s\n", strings.Join(push, " "))
	return err
}

// short is a digest's first 12 hex digits.
func short(d string) string {
	if h, ok := strings.CutPrefix(d, "sha256:"); ok && len(h) > 12 {
		return "sha256:" + h[:12]
	}
	return d
}

// remoteDigest is the digest a registry holds under a tag, "" if it holds
// none, asked with the credentials docker login wrote.
func remoteDigest(ctx context.Context, ref name.Tag) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	desc, err := remote.Head(ref, remote.WithContext(ctx), remote.WithAuthFromKeychain(authn.DefaultKeychain))
	var terr *transport.Error
	var nerr net.Error
	switch {
	case err == nil:
		return desc.Digest.String(), nil
	case errors.As(err, &terr) && terr.StatusCode == http.StatusNotFound:
		return "", nil // never pushed: the app is new
	case errors.As(err, &terr) && (terr.StatusCode == http.StatusUnauthorized || terr.StatusCode == http.StatusForbidden):
		return "", fmt.Errorf("%s: registry %s refused us (HTTP %d): log in with `docker login %s`, or check read rights on %s: %w",
			ref, ref.RegistryStr(), terr.StatusCode, ref.RegistryStr(), ref.RepositoryStr(), err)
	case errors.As(err, &nerr), errors.Is(err, context.DeadlineExceeded):
		return "", fmt.Errorf("%s: registry %s is unreachable: is it running, and is IMAGE_REGISTRY right? %w", ref, ref.RegistryStr(), err)
	}
	return "", fmt.Errorf("%s: %w", ref, err)
}
