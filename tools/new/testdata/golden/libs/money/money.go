// Package money is a shared library of the monorepo. Import it as
// example.com/monorepo/libs/money; its Bazel label is //libs/money.
package money

import "fmt"

// Describe says what this library is; replace it with the library's API.
func Describe(subject string) (string, error) {
	if subject == "" {
		return "", fmt.Errorf("money: describe: subject is empty")
	}
	return subject + " is described by money", nil
}
