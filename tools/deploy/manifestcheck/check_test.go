package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const digest = "sha256:00f604a59785d3b1a0cff045d43d03c628a8e5edf7ec4af03ee7fe78acfced5a"

var p = policy{Digest: digest, UID: 65532, Liveness: "/healthz", Readiness: "/readyz"}

// good meets the policy: the pod sets the user and seccomp, the container the rest.
const good = `apiVersion: v1
kind: Service
metadata: {name: web}
spec: {ports: [{port: 80}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        runAsUser: 65532
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: web
          image: registry.example.com/web@` + digest + `
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
          livenessProbe: {httpGet: {path: /healthz, port: http}}
          readinessProbe: {httpGet: {path: /readyz, port: http}}
          resources:
            requests: {cpu: 50m, memory: 32Mi}
            limits: {memory: 64Mi}
`

func TestGoodManifest(t *testing.T) {
	require.NoError(t, check([]byte(good), p))
}

func TestEachRuleFails(t *testing.T) {
	for _, tc := range []struct{ from, to, want string }{
		{"/web@" + digest, "/web:latest", `image "registry.example.com/web:latest" is not REPOSITORY@sha256:00f6`},
		{digest + "\n", "sha256:0000\n", "is not REPOSITORY@sha256:00f6"},
		{"runAsNonRoot: true", "runAsNonRoot: false", "securityContext.runAsNonRoot is not true"},
		{"runAsUser: 65532", "runAsUser: 0", "securityContext.runAsUser is not 65532"},
		{"allowPrivilegeEscalation: false", "allowPrivilegeEscalation: true", "allowPrivilegeEscalation is not false"},
		{"readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false", "readOnlyRootFilesystem is not true"},
		{"drop: [ALL]", "drop: [NET_RAW]", "capabilities.drop does not hold ALL"},
		{"seccompProfile: {type: RuntimeDefault}", "seccompProfile: {type: Unconfined}", "seccompProfile.type is not RuntimeDefault"},
		{"path: /healthz", "path: /", "livenessProbe is neither an httpGet of /healthz nor a grpc health check"},
		{"readinessProbe: {httpGet: {path: /readyz, port: http}}", "readinessProbe: {tcpSocket: {port: http}}", "readinessProbe is neither an httpGet of /readyz nor a grpc health check"},
		{"readinessProbe: {httpGet: {path: /readyz, port: http}}", "readinessProbe: {grpc: {service: x}}", "readinessProbe is neither an httpGet of /readyz nor a grpc health check with a port"},
		{"cpu: 50m, ", "", "resources.requests.cpu is not set"},
		{"limits: {memory: 64Mi}", "limits: {}", "resources.limits.memory is not set"},
		{"kind: Deployment", "kind: Deployment\n  bad: [", "not valid YAML"},
	} {
		bad := strings.Replace(good, tc.from, tc.to, 1)
		require.NotEqual(t, good, bad, "test case %q does not change the manifest", tc.from)
		err := check([]byte(bad), p)
		if assert.Error(t, err, tc.to) {
			assert.Contains(t, err.Error(), tc.want)
			if !strings.Contains(tc.want, "YAML") {
				assert.Contains(t, err.Error(), "Deployment/web container web: ", "the error names the container")
			}
		}
	}
}

// A gRPC service probes with Kubernetes' gRPC health checks (apps/greeter_server).
func TestGRPCProbes(t *testing.T) {
	grpc := strings.NewReplacer(
		"livenessProbe: {httpGet: {path: /healthz, port: http}}", "livenessProbe: {grpc: {port: 9090}}",
		"readinessProbe: {httpGet: {path: /readyz, port: http}}", "readinessProbe: {grpc: {port: 9090, service: greeter.v1.Greeter}}",
	).Replace(good)
	require.NotEqual(t, good, grpc)
	require.NoError(t, check([]byte(grpc), p))
}

func TestContainerOverridesPod(t *testing.T) {
	bad := strings.Replace(good, "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: true\n            runAsUser: 0", 1)
	err := check([]byte(bad), p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "runAsUser is not 65532")
}

func TestNoWorkload(t *testing.T) {
	err := check([]byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n"), p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no workload")
}

func TestInitContainersNeedNoProbes(t *testing.T) {
	withInit := strings.Replace(good, "      containers:\n", `      initContainers:
        - name: migrate
          image: registry.example.com/web@`+digest+`
          securityContext:
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
      containers:
`, 1)
	require.NoError(t, check([]byte(withInit), p))
}
