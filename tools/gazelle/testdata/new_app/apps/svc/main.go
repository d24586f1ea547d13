package main

import _ "example.com/m/apps/svc/api"

func main() {}
