package main

import (
	"fmt"
	"go/format"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Shape is a synthetic monorepo: libs l0000.. form a DAG (each depends on up
// to three libs with a lower index, so low indices are depended on most) and
// each app imports a few of the libs with the highest indices.
type Shape struct {
	Libs, Apps int
	Seed       int64
}

// lib returns the dependencies of lib i, sorted.
func (s Shape) deps(r *rand.Rand, i int) []int {
	if i == 0 {
		return nil
	}
	seen := map[int]bool{}
	for k := 0; k < 3 && len(seen) < i; k++ {
		seen[r.Intn(i)] = true
	}
	var d []int
	for j := range seen {
		d = append(d, j)
	}
	sort.Ints(d)
	return d
}

// graph returns every lib's and app's dependencies, deterministic in Seed.
func (s Shape) graph() (libs, apps [][]int) {
	r := rand.New(rand.NewSource(s.Seed))
	libs = make([][]int, s.Libs)
	for i := range libs {
		libs[i] = s.deps(r, i)
	}
	apps = make([][]int, s.Apps)
	top := max(1, s.Libs/4) // apps use the libs nothing else depends on much
	for a := range apps {
		seen := map[int]bool{}
		for k := 0; k < 4; k++ {
			seen[s.Libs-1-r.Intn(top)] = true
		}
		for j := range seen {
			apps[a] = append(apps[a], j)
		}
		sort.Ints(apps[a])
	}
	return libs, apps
}

// value is what lib i's Value(x) returns: the generated tests assert it.
func value(libs [][]int, memo map[[2]int]int, i, x int) int {
	if v, ok := memo[[2]int{i, x}]; ok {
		return v
	}
	v := x*(i%7+2) + i
	for _, d := range libs[i] {
		v += value(libs, memo, d, x) % 1000
	}
	memo[[2]int{i, x}] = v
	return v
}

func libName(i int) string { return fmt.Sprintf("l%04d", i) }
func appName(a int) string { return fmt.Sprintf("a%03d", a) }

// Generate writes the libs and apps of s under root (libs/, apps/), with
// the BUILD files our Gazelle (tools/gazelle) writes for them, importing
// module/libs/NAME. apps/BUILD.bazel excludes the apps' images: the benchmark
// compares Go builds and tests with plain go, which builds no images.
func Generate(root, module string, s Shape) error {
	libs, apps := s.graph()
	memo := map[[2]int]int{}
	files := map[string]string{}
	for i, deps := range libs {
		name := libName(i)
		dir := "libs/" + name
		var imports, calls, buildDeps []string
		for _, d := range deps {
			imports = append(imports, fmt.Sprintf("\t%q", module+"/libs/"+libName(d)))
			calls = append(calls, fmt.Sprintf("\tv += %s.Value(x) %% 1000", libName(d)))
			buildDeps = append(buildDeps, fmt.Sprintf("        %q,", "//libs/"+libName(d)))
		}
		files[dir+"/"+name+".go"] = libSource(name, imports, calls, i)
		files[dir+"/"+name+"_test.go"] = fmt.Sprintf(libTest, name, module, name, value(libs, memo, i, 3), name, name)
		files[dir+"/BUILD.bazel"] = libBuild(name, module, buildDeps)
	}
	for a, deps := range apps {
		name := appName(a)
		var imports, sum, buildDeps []string
		for _, d := range deps {
			imports = append(imports, fmt.Sprintf("\t%q", module+"/libs/"+libName(d)))
			sum = append(sum, libName(d)+".Value(x)")
			buildDeps = append(buildDeps, fmt.Sprintf("        %q,", "//libs/"+libName(d)))
		}
		want := 0
		for _, d := range deps {
			want += value(libs, memo, d, 2)
		}
		dir := "apps/" + name
		files[dir+"/main.go"] = fmt.Sprintf(appMain, name, strings.Join(imports, "\n"), strings.Join(sum, " + "))
		files[dir+"/main_test.go"] = fmt.Sprintf(appTest, want)
		files[dir+"/BUILD.bazel"] = appBuild(name, module, buildDeps)
	}
	// The apps root, as in this repository: apps are private to apps/. No
	// images: plain go builds none, and the benchmark compares the two.
	files["apps/BUILD.bazel"] = "# gazelle:go_image_exclude .\n\npackage(default_visibility = [\"//apps:__subpackages__\"])\n"
	for path, content := range files {
		if strings.HasSuffix(path, ".go") {
			// gofmt'ed, as the repository's gofmt gate wants every Go file.
			src, err := format.Source([]byte(content))
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			content = string(src)
		}
		p := filepath.Join(root, path)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Leaf and Root are the libs the incremental runs edit: one nothing depends
// on, and the one most depended on.
func (s Shape) Leaf() string { return libName(s.Libs - 1) }

// Root is lib 0, the most depended-on lib.
func (s Shape) Root() string { return libName(0) }

// Edit changes the body of lib's Value without changing what it returns for
// the tested inputs (a branch for x == -n): the object code and the inlinable
// body in the export data change, the API does not, as in most day-to-day
// edits. Everything that depends on lib compiles, links and tests again.
func Edit(root, lib string, n int) error {
	path := filepath.Join(root, "libs", lib, lib+".go")
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	const ret = "\treturn v\n}\n"
	i := strings.Index(string(src), ret)
	if i < 0 {
		return fmt.Errorf("edit %s: no %q in %s", lib, ret, path)
	}
	edited := string(src[:i]) + fmt.Sprintf("\tif x == -%d {\n\t\tv++\n\t}\n", n) + string(src[i:])
	return os.WriteFile(path, []byte(edited), 0o644)
}

// AppendLine makes a one-line edit to a Go file of a real lib, a package
// variable at its end, which changes what the package compiles to.
func AppendLine(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(src, "\nvar monobenchEdit = 1\n"...), 0o644)
}

func libSource(name string, imports, calls []string, i int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "// Package %s is generated by tools/bench/monobench.\npackage %s\n\n", name, name)
	b.WriteString("import (\n\t\"fmt\"\n\t\"strings\"\n")
	if len(imports) > 0 {
		b.WriteString("\n" + strings.Join(imports, "\n") + "\n")
	}
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "// Value is %d*x + %d plus each dependency's Value(x) mod 1000.\nfunc Value(x int) int {\n\tv := x*%d + %d\n", i%7+2, i, i%7+2, i)
	if len(calls) > 0 {
		b.WriteString(strings.Join(calls, "\n") + "\n")
	}
	b.WriteString("\treturn v\n}\n\n")
	// Some bulk, so a package costs the compiler about what a small real one does.
	for k := 0; k < 4; k++ {
		fmt.Fprintf(&b, `// Describe%d formats v the way number %d does.
func Describe%d(v int, tags []string) string {
	var b strings.Builder
	for i, t := range tags {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "%%s=%%d", strings.ToUpper(t), v+i*%d)
	}
	return b.String()
}

`, k, k, k, k+1)
	}
	return b.String()
}

const libTest = `package %s_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"%s/libs/%s"
)

func TestValue(t *testing.T) {
	assert.Equal(t, %d, %s.Value(3))
	assert.Equal(t, "A=1, B=2", %s.Describe0(1, []string{"a", "b"}))
}
`

func libBuild(name, module string, deps []string) string {
	var b strings.Builder
	b.WriteString("load(\"@io_bazel_rules_go//go:def.bzl\", \"go_library\", \"go_test\")\n\n")
	fmt.Fprintf(&b, "go_library(\n    name = %q,\n    srcs = [%q],\n    importpath = %q,\n    visibility = [\"//visibility:public\"],\n", name, name+".go", module+"/libs/"+name)
	writeDeps(&b, deps)
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "go_test(\n    name = %q,\n    size = \"small\",\n    srcs = [%q],\n    deps = [\n        %q,\n        \"@com_github_stretchr_testify//assert\",\n    ],\n)\n", name+"_test", name+"_test.go", ":"+name)
	return b.String()
}

const appMain = `// Command %s is generated by tools/bench/monobench.
package main

import (
	"fmt"

%s
)

func sum(x int) int { return %s }

func main() { fmt.Println(sum(2)) }
`

const appTest = `package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSum(t *testing.T) {
	assert.Equal(t, %d, sum(2))
}
`

func appBuild(name, module string, deps []string) string {
	var b strings.Builder
	b.WriteString("load(\"@io_bazel_rules_go//go:def.bzl\", \"go_binary\", \"go_library\", \"go_test\")\n\n")
	b.WriteString("package(default_visibility = [\"//apps:__subpackages__\"])\n\n")
	fmt.Fprintf(&b, "go_library(\n    name = %q,\n    srcs = [\"main.go\"],\n    importpath = %q,\n", name+"_lib", module+"/apps/"+name)
	writeDeps(&b, deps)
	b.WriteString(")\n\n")
	fmt.Fprintf(&b, "go_binary(\n    name = %q,\n    embed = [%q],\n)\n\n", name, ":"+name+"_lib")
	fmt.Fprintf(&b, "go_test(\n    name = %q,\n    size = \"small\",\n    srcs = [\"main_test.go\"],\n    embed = [%q],\n    deps = [\"@com_github_stretchr_testify//assert\"],\n)\n", name+"_test", ":"+name+"_lib")
	return b.String()
}

func writeDeps(b *strings.Builder, deps []string) {
	switch len(deps) {
	case 0:
	case 1:
		fmt.Fprintf(b, "    deps = [%s],\n", strings.TrimSuffix(strings.TrimSpace(deps[0]), ","))
	default:
		fmt.Fprintf(b, "    deps = [\n%s\n    ],\n", strings.Join(deps, "\n"))
	}
}
