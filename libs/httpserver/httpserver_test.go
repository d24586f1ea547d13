package httpserver_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/monorepo/libs/httpserver"
)

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// app serves /slow (blocks until release is closed, then answers "done"),
// /panic and /hi.
func app(release <-chan struct{}, started chan<- struct{}) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, _ *http.Request) {
		started <- struct{}{}
		<-release
		httpserver.Text(w, http.StatusOK, "done")
	})
	mux.HandleFunc("/panic", func(http.ResponseWriter, *http.Request) { panic("boom") })
	mux.HandleFunc("/hi", func(w http.ResponseWriter, _ *http.Request) { httpserver.Text(w, http.StatusOK, "hi") })
	return mux
}

// start serves on 127.0.0.1:0 and returns the base URL, the cancel that
// starts the shutdown, and a channel with Serve's result.
func start(t *testing.T, s *httpserver.Server) (string, context.CancelFunc, <-chan error) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(cancel)
	require.Eventually(t, s.Ready, time.Second, 5*time.Millisecond)
	return "http://" + ln.Addr().String(), cancel, done
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(body)
}

func TestProbesAndPanics(t *testing.T) {
	logs := &syncBuffer{}
	s := httpserver.New(app(nil, nil), httpserver.DefaultConfig(), slog.New(slog.NewJSONHandler(logs, nil)))
	h := s.Handler()

	for path, want := range map[string]int{"/healthz": 200, "/readyz": 503, "/hi": 200, "/panic": 500} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		assert.Equal(t, want, rec.Code, path)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/healthz", nil))
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code, "probes are GET only")

	assert.Contains(t, logs.String(), `"msg":"handler panic"`)
	assert.Contains(t, logs.String(), `"path":"/hi","status":200`)
	assert.NotContains(t, logs.String(), `"path":"/healthz"`, "probes log at debug level")
}

func TestGracefulShutdownFinishesInFlightRequests(t *testing.T) {
	release, started := make(chan struct{}), make(chan struct{}, 1)
	cfg := httpserver.DefaultConfig()
	cfg.ShutdownDelay = 200 * time.Millisecond
	s := httpserver.New(app(release, started), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	url, shutdown, done := start(t, s)

	status, body := get(t, url+"/readyz")
	assert.Equal(t, 200, status)
	assert.Equal(t, "ready\n", body)

	type result struct {
		status int
		body   string
		err    error
	}
	slow := make(chan result, 1)
	go func() {
		resp, err := http.Get(url + "/slow")
		if err != nil {
			slow <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		slow <- result{resp.StatusCode, string(b), err}
	}()
	<-started
	shutdown()

	// During the delay the listener is open and readiness says no.
	require.Eventually(t, func() bool { return !s.Ready() }, time.Second, 5*time.Millisecond)
	status, _ = get(t, url+"/readyz")
	assert.Equal(t, http.StatusServiceUnavailable, status)

	select {
	case err := <-done:
		t.Fatalf("Serve returned %v with a request in flight", err)
	case <-time.After(300 * time.Millisecond):
	}
	close(release)
	r := <-slow
	require.NoError(t, r.err)
	assert.Equal(t, 200, r.status)
	assert.Equal(t, "done\n", r.body)
	require.NoError(t, <-done)

	_, err := http.Get(url + "/hi")
	assert.Error(t, err, "no new connections after shutdown")
}

func TestShutdownDeadline(t *testing.T) {
	release, started := make(chan struct{}), make(chan struct{}, 1)
	defer close(release)
	cfg := httpserver.DefaultConfig()
	cfg.ShutdownTimeout = 100 * time.Millisecond
	s := httpserver.New(app(release, started), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	url, shutdown, done := start(t, s)

	go func() {
		if resp, err := http.Get(url + "/slow"); err == nil {
			resp.Body.Close()
		}
	}()
	<-started
	shutdown()
	err := <-done
	require.Error(t, err)
	assert.Contains(t, err.Error(), "in-flight requests still running after 100ms")
	assert.True(t, errors.Is(err, context.DeadlineExceeded))
}

func TestBadClients(t *testing.T) {
	cfg := httpserver.DefaultConfig()
	cfg.ReadHeaderTimeout = 200 * time.Millisecond
	cfg.MaxHeaderBytes = 1 << 10
	s := httpserver.New(app(nil, nil), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	url, _, _ := start(t, s)

	// Oversized headers: 431, and the server goes on serving.
	req, err := http.NewRequest(http.MethodGet, url+"/hi", nil)
	require.NoError(t, err)
	req.Header.Set("X-Big", strings.Repeat("a", 64<<10))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode)

	// A slow client that never finishes its headers is cut off.
	conn, err := net.Dial("tcp", strings.TrimPrefix(url, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("GET /hi HTTP/1.1\r\nHost: x\r\nX-Slow: "))
	require.NoError(t, err)
	require.NoError(t, conn.SetReadDeadline(time.Now().Add(5*time.Second)))
	began := time.Now()
	_, err = bufio.NewReader(conn).ReadString('\n')
	assert.ErrorIs(t, err, io.EOF, "the server closes the connection")
	assert.Less(t, time.Since(began), 4*time.Second, "closed by ReadHeaderTimeout, not by our deadline")

	status, body := get(t, url+"/hi")
	assert.Equal(t, 200, status)
	assert.Equal(t, "hi\n", body)
}
