package slow

import "testing"

func TestX(t *testing.T) {}
