package main

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// mapping is one --proto_path: Virtual (a directory or file name as imports
// spell it, "" for a plain directory) found at Disk.
type mapping struct {
	Virtual, Disk string
}

// output is one --NAME_out: the plugin NAME, its parameter and directory.
type output struct {
	Name, Parameter, Dir string
}

// options are protoc's command line, as far as this compiler implements it.
type options struct {
	protoPaths        []mapping
	descriptorSetIn   []string
	descriptorSetOut  string
	includeImports    bool
	includeSourceInfo bool
	plugins           map[string]string // NAME -> executable
	outputs           []output
	opts              map[string][]string // NAME -> --NAME_opt values
	directDeps        map[string]bool     // nil: not checked
	violationMsg      string
	files             []string
	version, help     bool
}

const defaultViolationMsg = "File is imported but not declared in --direct_dependencies: %s"

// errUsage is a command-line error; its text is printed as is, as protoc does.
type errUsage string

func (e errUsage) Error() string { return string(e) }

// expandParams replaces each @FILE argument by the lines of FILE, one argument a line.
func expandParams(args []string) ([]string, error) {
	var out []string
	for _, a := range args {
		if !strings.HasPrefix(a, "@") {
			out = append(out, a)
			continue
		}
		f, err := os.Open(a[1:])
		if err != nil {
			return nil, errUsage(fmt.Sprintf("%s: %v", a[1:], errors.Unwrap(err)))
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if line := sc.Text(); line != "" {
				out = append(out, line)
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("%s: %w", a[1:], err)
		}
	}
	return out, nil
}

// parseArgs reads protoc's command line: -IPATH, -I PATH, --proto_path=PATH
// (PATH may be VIRTUAL=DISK), -o, --descriptor_set_out, --descriptor_set_in,
// --include_imports, --include_source_info, --plugin, --NAME_out, --NAME_opt,
// --direct_dependencies, --direct_dependencies_violation_msg and @params files.
func parseArgs(args []string) (*options, error) {
	args, err := expandParams(args)
	if err != nil {
		return nil, err
	}
	o := &options{plugins: map[string]string{}, opts: map[string][]string{}, violationMsg: defaultViolationMsg}
	once := map[string]bool{}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "-") || a == "-" {
			o.files = append(o.files, a)
			continue
		}
		name, value, hasValue := a, "", false
		if strings.HasPrefix(a, "--") {
			name, value, hasValue = strings.Cut(a, "=")
		} else if len(a) > 2 { // -Ipath, -ofile
			name, value, hasValue = a[:2], a[2:], true
		}
		switch name {
		case "--include_imports", "--include_source_info", "--version", "-h", "--help":
			if hasValue {
				return nil, errUsage(fmt.Sprintf("%s does not take a value.", name))
			}
		default:
			if !hasValue {
				if i+1 == len(args) {
					return nil, errUsage(fmt.Sprintf("Missing value for flag: %s", name))
				}
				i++
				value = args[i]
			}
		}
		switch {
		case name == "-I" || name == "--proto_path":
			for _, p := range filepath.SplitList(value) {
				virtual, disk, isMapping := strings.Cut(p, "=")
				if !isMapping {
					virtual, disk = "", p
				}
				o.protoPaths = append(o.protoPaths, mapping{Virtual: virtual, Disk: disk})
			}
		case name == "-o" || name == "--descriptor_set_out":
			if once[name] {
				return nil, errUsage(name + " may only be passed once.")
			}
			once["-o"], once["--descriptor_set_out"] = true, true
			o.descriptorSetOut = value
		case name == "--descriptor_set_in":
			o.descriptorSetIn = append(o.descriptorSetIn, filepath.SplitList(value)...)
		case name == "--include_imports":
			o.includeImports = true
		case name == "--include_source_info":
			o.includeSourceInfo = true
		case name == "--version":
			o.version = true
		case name == "-h" || name == "--help":
			o.help = true
		case name == "--plugin":
			pname, path, named := strings.Cut(value, "=")
			if !named {
				pname, path = filepath.Base(value), value
			}
			o.plugins[strings.TrimPrefix(pname, "protoc-gen-")] = path
		case name == "--direct_dependencies":
			o.directDeps = map[string]bool{}
			for _, d := range strings.Split(value, ":") {
				if d != "" {
					o.directDeps[d] = true
				}
			}
		case name == "--direct_dependencies_violation_msg":
			o.violationMsg = value
		case strings.HasPrefix(name, "--") && strings.HasSuffix(name, "_out"):
			out := output{Name: strings.TrimSuffix(name[2:], "_out"), Dir: value}
			if param, dir, ok := strings.Cut(value, ":"); ok {
				out.Parameter, out.Dir = param, dir
			}
			o.outputs = append(o.outputs, out)
		case strings.HasPrefix(name, "--") && strings.HasSuffix(name, "_opt"):
			pname := strings.TrimSuffix(name[2:], "_opt")
			o.opts[pname] = append(o.opts[pname], value)
		default:
			return nil, errUsage("Unknown flag: " + name)
		}
	}
	if o.version || o.help {
		return o, nil
	}
	if len(o.files) == 0 {
		return nil, errUsage("Missing input file.")
	}
	if o.descriptorSetOut == "" && len(o.outputs) == 0 {
		return nil, errUsage("Missing output directives.")
	}
	if len(o.descriptorSetIn) > 0 && len(o.protoPaths) == 0 {
		return o, nil
	}
	if len(o.protoPaths) == 0 {
		o.protoPaths = []mapping{{Disk: "."}} // protoc's default: the working directory
	}
	return o, nil
}

// parameter is the plugin parameter of out: its --NAME_out parameter and --NAME_opt values, comma-joined.
func (o *options) parameter(out output) string {
	var parts []string
	if out.Parameter != "" {
		parts = append(parts, out.Parameter)
	}
	return strings.Join(append(parts, o.opts[out.Name]...), ",")
}
