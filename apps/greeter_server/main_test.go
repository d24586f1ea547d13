package main

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net"
	"sync"
	"testing"
	"time"

	"example.com/monorepo/libs/greeterpb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	reflectionpb "google.golang.org/grpc/reflection/grpc_reflection_v1"
	"google.golang.org/grpc/status"
)

func noEnv(string) (string, bool) { return "", false }

func TestParse(t *testing.T) {
	env := func(k string) (string, bool) {
		v, ok := map[string]string{"GREETER_SERVER_ADDR": "127.0.0.1:9999", "GREETER_SERVER_REQUEST_TIMEOUT": "2s"}[k]
		return v, ok
	}
	c, err := parse(nil, env, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:9999", c.addr)
	assert.Equal(t, 2*time.Second, c.requestTimeout)
	assert.Equal(t, 20*time.Second, c.shutdownTimeout)

	c, err = parse([]string{"-addr", ":1234"}, env, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, ":1234", c.addr, "a flag beats its variable")

	_, err = parse([]string{"-request-timeout", "0s"}, noEnv, io.Discard)
	assert.ErrorContains(t, err, "must be positive")
	assert.Equal(t, 2, run(context.Background(), []string{"extra"}, noEnv, io.Discard, io.Discard))
}

// syncBuffer is a log sink the server goroutine and the test share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start serves on a real loopback listener until the test ends (or stop is
// called) and returns a client connection to it.
func start(t *testing.T, c config) (conn *grpc.ClientConn, logs *syncBuffer, stop func() error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	logs = &syncBuffer{}
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, c, slog.New(slog.NewJSONHandler(logs, nil))) }()
	conn, err = grpc.NewClient(ln.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	var once sync.Once
	var stopErr error
	stop = func() error {
		once.Do(func() {
			cancel()
			stopErr = <-done
		})
		return stopErr
	}
	t.Cleanup(func() {
		conn.Close()
		stop()
	})
	return conn, logs, stop
}

var testConfig = config{requestTimeout: time.Second, shutdownTimeout: 5 * time.Second}

func TestSayHello(t *testing.T) {
	conn, logs, _ := start(t, testConfig)
	client := greeterpb.NewGreeterClient(conn)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()

	reply, err := client.SayHello(ctx, &greeterpb.HelloRequest{Name: " Ada "})
	require.NoError(t, err)
	assert.Equal(t, "Hello, Ada!", reply.GetMessage())
	assert.WithinDuration(t, time.Now(), reply.GetServedAt().AsTime(), time.Minute)

	reply, err = client.SayHello(ctx, &greeterpb.HelloRequest{})
	require.NoError(t, err)
	assert.Equal(t, "Hello, world!", reply.GetMessage(), "no name greets the world")

	_, err = client.SayHello(ctx, &greeterpb.HelloRequest{Name: "ada<script>"})
	assert.Equal(t, codes.InvalidArgument, status.Code(err), "%v", err)
	assert.Contains(t, logs.String(), `"method":"/greeter.v1.Greeter/SayHello","code":"InvalidArgument"`)
}

func TestHealthAndReflection(t *testing.T) {
	conn, _, stop := start(t, testConfig)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	health := healthpb.NewHealthClient(conn)
	for _, service := range []string{"", "greeter.v1.Greeter"} {
		resp, err := health.Check(ctx, &healthpb.HealthCheckRequest{Service: service})
		require.NoError(t, err, service)
		assert.Equal(t, healthpb.HealthCheckResponse_SERVING, resp.GetStatus(), service)
	}

	stream, err := reflectionpb.NewServerReflectionClient(conn).ServerReflectionInfo(ctx)
	require.NoError(t, err)
	require.NoError(t, stream.Send(&reflectionpb.ServerReflectionRequest{
		MessageRequest: &reflectionpb.ServerReflectionRequest_ListServices{},
	}))
	resp, err := stream.Recv()
	require.NoError(t, err)
	var services []string
	for _, s := range resp.GetListServicesResponse().GetService() {
		services = append(services, s.GetName())
	}
	assert.Subset(t, services, []string{"greeter.v1.Greeter", "grpc.health.v1.Health"})
	require.NoError(t, stream.CloseSend())

	require.NoError(t, stop(), "a graceful stop with nothing in flight")
	_, err = greeterpb.NewGreeterClient(conn).SayHello(ctx, &greeterpb.HelloRequest{Name: "Ada"})
	assert.Equal(t, codes.Unavailable, status.Code(err), "stopped: %v", err)
}

func TestDeadline(t *testing.T) {
	var got time.Duration
	handler := func(ctx context.Context, _ any) (any, error) {
		d, ok := ctx.Deadline()
		require.True(t, ok, "every call has a deadline")
		got = time.Until(d)
		return nil, nil
	}
	interceptor := deadline(time.Second)
	_, _ = interceptor(context.Background(), nil, nil, handler)
	assert.InDelta(t, time.Second, got, float64(100*time.Millisecond), "none from the client: -request-timeout")

	ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
	defer cancel()
	_, _ = interceptor(ctx, nil, nil, handler)
	assert.InDelta(t, time.Second, got, float64(100*time.Millisecond), "a later one from the client: -request-timeout")

	ctx, cancel = context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, _ = interceptor(ctx, nil, nil, handler)
	assert.InDelta(t, 200*time.Millisecond, got, float64(100*time.Millisecond), "a sooner one from the client wins")
}
