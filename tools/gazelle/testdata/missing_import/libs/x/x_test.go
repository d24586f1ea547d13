package x

import (
	"testing"

	"github.com/stretchr/testify/assert"
	_ "golang.org/x/exp/slices"
)

func TestX(t *testing.T) { assert.Equal(t, "x", X) }
