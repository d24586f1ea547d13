// Package greeting builds the greetings that the monorepo's apps print and
// serve. It is the example shared library: apps import it by module path.
package greeting

import (
	"fmt"

	"example.com/monorepo/libs/names"
)

// DefaultName is who is greeted when nobody is named.
const DefaultName = "world"

// Greet returns "Hello, NAME!" for a valid name. The name is normalized by
// names.Normalize first; an invalid name yields an error that wraps the
// names.Err* reason.
func Greet(name string) (string, error) {
	normalized, err := names.Normalize(name)
	if err != nil {
		return "", fmt.Errorf("greet %q: %w", name, err)
	}
	return "Hello, " + normalized + "!", nil
}
