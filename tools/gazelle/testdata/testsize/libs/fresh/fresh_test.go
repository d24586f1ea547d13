package fresh

import "testing"

func TestX(t *testing.T) {}
