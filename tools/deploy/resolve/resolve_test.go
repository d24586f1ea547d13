package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const image = "registry.example/app@sha256:0123"

func TestResolveReplacesTheImageOutsideComments(t *testing.T) {
	template := "# image: \"{IMAGE}\" is replaced below\nkind: Deployment\nspec:\n  containers:\n    - image: \"{IMAGE}\"\n---\nkind: Service\n"
	out, err := Resolve("k8s.template.yaml", []byte(template), image)
	require.NoError(t, err)
	assert.Equal(t, "# image: \"{IMAGE}\" is replaced below\nkind: Deployment\nspec:\n  containers:\n    - image: \""+image+"\"\n---\nkind: Service\n", string(out))
}

func TestResolveRefusesBadTemplates(t *testing.T) {
	tests := []struct{ name, template, want string }{
		{"no image", "kind: Deployment\n# image: {IMAGE}\n", `apps/x/k8s.template.yaml: no {IMAGE} outside comments: write image: "{IMAGE}"`},
		// A missing space after the colon of a key on line 5 (an error of yaml.v3's scanner).
		{"bad mapping", "kind: Deployment\nspec:\n  containers:\n    - image: \"{IMAGE}\"\n      name:x\n      ports: []\n", "apps/x/k8s.template.yaml:5: not valid YAML: could not find expected ':'\n     4 |     - image: \"{IMAGE}\"\n     5 |       name:x"},
		// An unclosed flow sequence on line 3 (an error of its parser).
		{"unclosed", "kind: Deployment\nimage: \"{IMAGE}\"\nports: [80\nname: x\n", "apps/x/k8s.template.yaml:3: not valid YAML: did not find expected ',' or ']'"},
		{"tab", "kind: Deployment\nspec:\n\tcontainers: \"{IMAGE}\"\n", "apps/x/k8s.template.yaml:3: not valid YAML: found character that cannot start any token"},
		{"second document", "image: \"{IMAGE}\"\n---\nkind: [Service\n", "apps/x/k8s.template.yaml:3: not valid YAML: did not find expected ',' or ']'\n     2 | ---\n     3 | kind: [Service"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Resolve("apps/x/k8s.template.yaml", []byte(tc.template), image)
			assert.ErrorContains(t, err, tc.want)
		})
	}
}
