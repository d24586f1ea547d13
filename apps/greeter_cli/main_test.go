package main

import (
	"bytes"
	"context"
	"net"
	"testing"
	"time"

	"example.com/monorepo/libs/greeterpb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/mock/gomock"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func noEnv(string) (string, bool) { return "", false }

// The mock (mock_greeter_test.go, from the //go:generate line in main.go)
// checks what greet sends: the name, and a deadline no later than -timeout.
func TestGreetSetsTheDeadline(t *testing.T) {
	client := NewMockGreeterClient(gomock.NewController(t))
	client.EXPECT().SayHello(gomock.Any(), gomock.Any()).DoAndReturn(
		func(ctx context.Context, req *greeterpb.HelloRequest, _ ...grpc.CallOption) (*greeterpb.HelloReply, error) {
			d, ok := ctx.Deadline()
			assert.True(t, ok, "the call has a deadline")
			assert.LessOrEqual(t, time.Until(d), 3*time.Second)
			assert.Equal(t, "Ada", req.GetName())
			return &greeterpb.HelloReply{Message: "Hello, Ada!"}, nil
		})
	var out bytes.Buffer
	require.NoError(t, greet(context.Background(), client, "Ada", 3*time.Second, &out))
	assert.Equal(t, "Hello, Ada!\n", out.String())
}

func TestGreetReportsTheStatus(t *testing.T) {
	client := NewMockGreeterClient(gomock.NewController(t))
	client.EXPECT().SayHello(gomock.Any(), gomock.Any()).Return(nil, status.Error(codes.InvalidArgument, "bad name"))
	err := greet(context.Background(), client, "x", time.Second, &bytes.Buffer{})
	assert.EqualError(t, err, "SayHello: InvalidArgument: bad name")
}

// fakeServer answers like apps/greeter_server, for the end-to-end test.
type fakeServer struct {
	greeterpb.UnimplementedGreeterServer
}

func (fakeServer) SayHello(_ context.Context, req *greeterpb.HelloRequest) (*greeterpb.HelloReply, error) {
	return &greeterpb.HelloReply{Message: "Hello, " + req.GetName() + "!"}, nil
}

// run over a real loopback connection: flags, dial, call, output.
func TestRunAgainstAServer(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	srv := grpc.NewServer()
	greeterpb.RegisterGreeterServer(srv, fakeServer{})
	go srv.Serve(ln) //nolint:errcheck // ends with Stop
	t.Cleanup(srv.Stop)

	var out, errOut bytes.Buffer
	env := func(k string) (string, bool) { return ln.Addr().String(), k == "GREETER_CLI_ADDR" }
	assert.Equal(t, 0, run(context.Background(), []string{"-name", "Ada"}, env, &out, &errOut), errOut.String())
	assert.Equal(t, "Hello, Ada!\n", out.String())

	srv.Stop()
	errOut.Reset()
	assert.Equal(t, 1, run(context.Background(), []string{"-timeout", "1s"}, env, &out, &errOut))
	assert.Contains(t, errOut.String(), "SayHello: Unavailable")
	assert.Equal(t, 2, run(context.Background(), []string{"extra"}, noEnv, &out, &errOut))
}
