package money

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDescribe(t *testing.T) {
	got, err := Describe("the moon")
	require.NoError(t, err)
	assert.Equal(t, "the moon is described by money", got)

	_, err = Describe("")
	assert.ErrorContains(t, err, "subject is empty")
}
