package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRun(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStdout string
		wantStderr string
	}{
		{name: "default", wantCode: 0, wantStdout: "pay_api: hello, world\n"},
		{name: "named", args: []string{"--name", "Ada"}, wantCode: 0, wantStdout: "pay_api: hello, Ada\n"},
		{name: "empty name", args: []string{"--name", ""}, wantCode: 1, wantStderr: "pay_api: --name is empty"},
		{name: "unknown flag", args: []string{"--nme", "Ada"}, wantCode: 2, wantStderr: "flag provided but not defined: -nme"},
		{name: "stray argument", args: []string{"Ada"}, wantCode: 2, wantStderr: "unexpected arguments"},
		{name: "help", args: []string{"-h"}, wantCode: 0, wantStderr: "who to greet"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			assert.Equal(t, tc.wantCode, code, "stderr: %s", stderr.String())
			assert.Equal(t, tc.wantStdout, stdout.String())
			if tc.wantStderr == "" {
				assert.Empty(t, stderr.String())
			} else {
				assert.Contains(t, stderr.String(), tc.wantStderr)
			}
		})
	}
}
