package x

import _ "github.com/pkg/errors"

// X is imported by apps/a.
const X = "x"
