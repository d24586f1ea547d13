package main

//bazel:stamp STABLE_BUILD_NUMBER
var build = 7

func main() { _ = build }
