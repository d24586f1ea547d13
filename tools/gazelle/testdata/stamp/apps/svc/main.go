package main

// Stamped by --config=release.
var (
	// version is the release, "dev" in other builds.
	//bazel:stamp STABLE_VERSION
	version = "dev"
	//bazel:stamp STABLE_GIT_COMMIT
	revision   string
	notStamped = "x"
)

//bazel:stamp BUILD_USER
var builtBy string = "nobody"

func main() { _, _, _, _ = version, revision, notStamped, builtBy }
