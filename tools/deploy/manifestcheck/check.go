package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// The parts of a Kubernetes workload the policy looks at.
type object struct {
	Kind     string `yaml:"kind"`
	Metadata struct {
		Name string `yaml:"name"`
	} `yaml:"metadata"`
	Spec struct {
		Template *struct {
			Spec podSpec `yaml:"spec"`
		} `yaml:"template"`
	} `yaml:"spec"`
}

type podSpec struct {
	SecurityContext security    `yaml:"securityContext"`
	InitContainers  []container `yaml:"initContainers"`
	Containers      []container `yaml:"containers"`
}

type security struct {
	RunAsNonRoot             *bool  `yaml:"runAsNonRoot"`
	RunAsUser                *int64 `yaml:"runAsUser"`
	AllowPrivilegeEscalation *bool  `yaml:"allowPrivilegeEscalation"`
	ReadOnlyRootFilesystem   *bool  `yaml:"readOnlyRootFilesystem"`
	Capabilities             struct {
		Drop []string `yaml:"drop"`
	} `yaml:"capabilities"`
	SeccompProfile struct {
		Type string `yaml:"type"`
	} `yaml:"seccompProfile"`
}

type container struct {
	Name            string   `yaml:"name"`
	Image           string   `yaml:"image"`
	SecurityContext security `yaml:"securityContext"`
	LivenessProbe   *probe   `yaml:"livenessProbe"`
	ReadinessProbe  *probe   `yaml:"readinessProbe"`
	Resources       struct {
		Requests map[string]string `yaml:"requests"`
		Limits   map[string]string `yaml:"limits"`
	} `yaml:"resources"`
}

type probe struct {
	HTTPGet *struct {
		Path string `yaml:"path"`
	} `yaml:"httpGet"`
	GRPC *struct {
		Port int `yaml:"port"`
	} `yaml:"grpc"`
}

// ok: an httpGet of path, or a gRPC health check (grpc.health.v1) on a port.
func (p *probe) ok(path string) bool {
	return p != nil && (p.HTTPGet != nil && p.HTTPGet.Path == path || p.GRPC != nil && p.GRPC.Port > 0)
}

// policy is what every workload in a manifest must meet.
type policy struct {
	Digest    string // every container image is REPOSITORY@Digest
	UID       int64  // the image's non-root user
	Liveness  string // HTTP path of the liveness probe (unless it is a gRPC health check)
	Readiness string // HTTP path of the readiness probe (unless it is a gRPC health check)
}

// check reads the YAML documents of a manifest and returns every way its
// workloads break p, or nil. It fails if there is no workload at all.
func check(manifest []byte, p policy) error {
	dec := yaml.NewDecoder(bytes.NewReader(manifest))
	var problems []string
	workloads := 0
	for {
		var o object
		err := dec.Decode(&o)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return fmt.Errorf("not valid YAML: %w", err)
		}
		if o.Spec.Template == nil {
			continue // a Service, ConfigMap, ...: no pods
		}
		workloads++
		name := o.Kind + "/" + o.Metadata.Name
		pod := o.Spec.Template.Spec
		if len(pod.Containers) == 0 {
			problems = append(problems, name+": no containers")
		}
		for i, c := range slices.Concat(pod.InitContainers, pod.Containers) {
			where := fmt.Sprintf("%s container %s", name, c.Name)
			problems = append(problems, checkContainer(where, c, pod.SecurityContext, p, i >= len(pod.InitContainers))...)
		}
	}
	if workloads == 0 {
		return errors.New("no workload (Deployment, StatefulSet, DaemonSet, Job) with a pod template")
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

func checkContainer(where string, c container, pod security, p policy, serving bool) []string {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, where+": "+fmt.Sprintf(format, args...))
	}
	if _, digest, ok := strings.Cut(c.Image, "@"); !ok || digest != p.Digest {
		bad("image %q is not REPOSITORY@%s (the digest image_push pushes)", c.Image, p.Digest)
	}
	sc := c.SecurityContext
	if !isTrue(sc.RunAsNonRoot, pod.RunAsNonRoot) {
		bad("securityContext.runAsNonRoot is not true")
	}
	if uid := first(sc.RunAsUser, pod.RunAsUser); uid == nil || *uid != p.UID {
		bad("securityContext.runAsUser is not %d (the image's user)", p.UID)
	}
	if sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
		bad("securityContext.allowPrivilegeEscalation is not false")
	}
	if sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
		bad("securityContext.readOnlyRootFilesystem is not true")
	}
	if !slices.Contains(sc.Capabilities.Drop, "ALL") {
		bad("securityContext.capabilities.drop does not hold ALL")
	}
	if seccomp := cmp.Or(sc.SeccompProfile.Type, pod.SeccompProfile.Type); seccomp != "RuntimeDefault" {
		bad("securityContext.seccompProfile.type is not RuntimeDefault")
	}
	if !serving {
		return problems
	}
	if !c.LivenessProbe.ok(p.Liveness) {
		bad("livenessProbe is neither an httpGet of %s nor a grpc health check with a port", p.Liveness)
	}
	if !c.ReadinessProbe.ok(p.Readiness) {
		bad("readinessProbe is neither an httpGet of %s nor a grpc health check with a port", p.Readiness)
	}
	for _, r := range []string{"cpu", "memory"} {
		if c.Resources.Requests[r] == "" {
			bad("resources.requests.%s is not set", r)
		}
	}
	if c.Resources.Limits["memory"] == "" {
		bad("resources.limits.memory is not set")
	}
	return problems
}

// isTrue is the container's setting, else the pod's, is true.
func isTrue(container, pod *bool) bool {
	v := first(container, pod)
	return v != nil && *v
}

func first[T any](container, pod *T) *T {
	if container != nil {
		return container
	}
	return pod
}
