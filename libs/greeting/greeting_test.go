package greeting_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/monorepo/libs/greeting"
	"example.com/monorepo/libs/names"
)

func TestGreet(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{name: "default name", in: greeting.DefaultName, want: "Hello, world!"},
		{name: "a person", in: "Ada", want: "Hello, Ada!"},
		{name: "normalized first", in: "  Ada   Lovelace ", want: "Hello, Ada Lovelace!"},
		{name: "empty", in: "", wantErr: names.ErrEmpty},
		{name: "invalid character", in: "Ada; rm -rf /", wantErr: names.ErrInvalidChar},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := greeting.Greet(tc.in)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				assert.Contains(t, err.Error(), "greet")
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}
