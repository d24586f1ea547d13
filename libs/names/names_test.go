package names_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/monorepo/libs/names"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    string
		wantErr error
	}{
		{name: "plain", in: "Ada", want: "Ada"},
		{name: "trims and collapses space", in: "  Ada \t Lovelace\n", want: "Ada Lovelace"},
		{name: "punctuation found in names", in: "Mary-Jane O'Neil Jr.", want: "Mary-Jane O'Neil Jr."},
		{name: "non-latin letters and marks", in: "Zoë 李", want: "Zoë 李"},
		{name: "longest allowed", in: strings.Repeat("a", names.MaxLen), want: strings.Repeat("a", names.MaxLen)},
		{name: "empty", in: "", wantErr: names.ErrEmpty},
		{name: "only space", in: " \t\n", wantErr: names.ErrEmpty},
		{name: "too long", in: strings.Repeat("a", names.MaxLen+1), wantErr: names.ErrTooLong},
		{name: "markup", in: "<script>", wantErr: names.ErrInvalidChar},
		{name: "control character", in: "Ada\x00", wantErr: names.ErrInvalidChar},
		{name: "invalid utf-8", in: "Ada\xff", wantErr: names.ErrInvalidUTF8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := names.Normalize(tc.in)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				assert.Empty(t, got)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestNormalizeErrorNamesTheCharacter(t *testing.T) {
	_, err := names.Normalize("Ada!")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `'!'`)
}
