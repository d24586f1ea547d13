// Package httpserver runs an http.Handler the way a production service needs:
// timeouts and a header size limit on by default, liveness and readiness
// endpoints, a structured access log, recovery from handler panics, and a
// graceful shutdown that lets in-flight requests finish.
package httpserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Config holds the server's limits. Start from DefaultConfig.
type Config struct {
	// ReadHeaderTimeout bounds reading a request's headers (slow clients).
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request, body included.
	ReadTimeout time.Duration
	// WriteTimeout bounds a request from the end of its headers to the end of
	// the response; it must exceed the slowest handler.
	WriteTimeout time.Duration
	// IdleTimeout closes keep-alive connections idle this long.
	IdleTimeout time.Duration
	// MaxHeaderBytes caps request headers; larger ones get 431.
	MaxHeaderBytes int
	// ShutdownDelay is how long /readyz reports 503 before the listener
	// closes, so load balancers stop sending traffic first.
	ShutdownDelay time.Duration
	// ShutdownTimeout is the deadline for in-flight requests to finish.
	ShutdownTimeout time.Duration
}

// DefaultConfig returns limits suited to a small JSON/text API.
func DefaultConfig() Config {
	return Config{
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ShutdownDelay:     0,
		ShutdownTimeout:   20 * time.Second,
	}
}

// Server serves one handler plus GET /healthz and GET /readyz.
type Server struct {
	cfg   Config
	log   *slog.Logger
	http  *http.Server
	ready atomic.Bool
}

// New returns a server for app with cfg's limits, logging to log.
func New(app http.Handler, cfg Config, log *slog.Logger) *Server {
	s := &Server{cfg: cfg, log: log}
	mux := http.NewServeMux()
	mux.Handle("/healthz", getOnly(func(w http.ResponseWriter, _ *http.Request) {
		Text(w, http.StatusOK, "ok")
	}))
	mux.Handle("/readyz", getOnly(func(w http.ResponseWriter, _ *http.Request) {
		if s.ready.Load() {
			Text(w, http.StatusOK, "ready")
		} else {
			Text(w, http.StatusServiceUnavailable, "not ready")
		}
	}))
	mux.Handle("/", app)
	s.http = &http.Server{
		Handler:           s.accessLog(recoverPanics(mux, log)),
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		MaxHeaderBytes:    cfg.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	return s
}

// Handler returns everything the server serves, for tests with httptest.
func (s *Server) Handler() http.Handler { return s.http.Handler }

// Ready reports whether /readyz answers 200.
func (s *Server) Ready() bool { return s.ready.Load() }

// Serve serves on ln until ctx is done, then shuts down gracefully: /readyz
// turns 503, after ShutdownDelay the listener closes, and in-flight requests
// get ShutdownTimeout to finish. It returns nil after a clean drain, and an
// error if serving failed or requests were cut off at the deadline.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	failed := make(chan error, 1)
	go func() {
		if err := s.http.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			failed <- err
		}
	}()
	s.ready.Store(true)
	s.log.Info("serving", "addr", ln.Addr().String())

	select {
	case err := <-failed:
		s.ready.Store(false)
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.ready.Store(false)
	s.log.Info("shutting down", "cause", context.Cause(ctx).Error(),
		"delay", s.cfg.ShutdownDelay.String(), "timeout", s.cfg.ShutdownTimeout.String())
	time.Sleep(s.cfg.ShutdownDelay)

	drain, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	start := time.Now()
	if err := s.http.Shutdown(drain); err != nil {
		s.http.Close()
		return fmt.Errorf("in-flight requests still running after %s: %w", s.cfg.ShutdownTimeout, err)
	}
	s.log.Info("stopped", "drained_in", time.Since(start).String())
	return nil
}

// Text writes body and a newline as a plain-text response with status.
func Text(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	fmt.Fprintln(w, body)
}
