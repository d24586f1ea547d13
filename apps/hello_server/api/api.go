// Package api is hello_server's HTTP API, apart from the server around it
// (cmd: apps/hello_server), so tests and the bare comparison server in
// apps/hello_server/bare serve exactly the same handlers.
package api

import (
	"net/http"
	"time"

	"example.com/monorepo/libs/greeting"
	"example.com/monorepo/libs/httpserver"
)

// Routes returns the API: GET /hello?name=NAME answers "Hello, NAME!" (400
// for an invalid name). delay is added to every /hello, for shutdown drills
// and load tests; keep it 0 in production.
func Routes(delay time.Duration) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /hello", func(w http.ResponseWriter, r *http.Request) {
		if delay > 0 {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		name := greeting.DefaultName
		if r.URL.Query().Has("name") {
			name = r.URL.Query().Get("name")
		}
		msg, err := greeting.Greet(name)
		if err != nil {
			httpserver.Text(w, http.StatusBadRequest, err.Error())
			return
		}
		httpserver.Text(w, http.StatusOK, msg)
	})
	return mux
}
