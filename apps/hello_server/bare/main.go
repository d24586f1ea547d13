// Command bare serves hello_server's API (apps/hello_server/api) with a bare
// net/http server: no timeouts, probes, access log or graceful shutdown. It
// exists only as the baseline tools/bench/http_load.sh measures
// hello_server's overhead against; never deploy it.
//
//	bare -addr 127.0.0.1:8081
package main

import (
	"flag"
	"log"
	"net/http"

	"example.com/monorepo/apps/hello_server/api"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "address to listen on")
	flag.Parse()
	log.Fatal(http.ListenAndServe(*addr, api.Routes(0)))
}
