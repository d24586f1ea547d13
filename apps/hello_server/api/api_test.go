package api_test

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"

	"example.com/monorepo/apps/hello_server/api"
)

func TestHello(t *testing.T) {
	h := api.Routes(0)
	for _, tc := range []struct {
		method, target string
		status         int
		body           string
	}{
		{"GET", "/hello", 200, "Hello, world!\n"},
		{"GET", "/hello?name=Ada", 200, "Hello, Ada!\n"},
		{"GET", "/hello?name=%20Zo%C3%AB%20", 200, "Hello, Zoë!\n"},
		{"GET", "/hello?name=", 400, "greet \"\": name is empty\n"},
		{"GET", "/hello?name=%3Cscript%3E", 400, "greet \"<script>\": name contains a character that is not allowed: '<' at byte 0\n"},
		{"POST", "/hello", 405, ""},
		{"GET", "/nope", 404, ""},
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.target, nil))
		assert.Equal(t, tc.status, rec.Code, tc.target)
		if tc.body != "" {
			assert.Equal(t, tc.body, rec.Body.String(), tc.target)
			assert.Equal(t, "text/plain; charset=utf-8", rec.Header().Get("Content-Type"))
		}
	}
}
