// Package buildinfo says which release this is.
package buildinfo

//bazel:stamp STABLE_VERSION
var version = "dev"

// Version is the release version.
func Version() string { return version }
