// Package names validates and normalizes the personal names that the
// monorepo's services accept as input.
package names

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the longest name, in runes, that Normalize accepts.
const MaxLen = 64

// Errors returned (wrapped) by Normalize; test for them with errors.Is.
var (
	ErrEmpty       = errors.New("name is empty")
	ErrTooLong     = fmt.Errorf("name is longer than %d characters", MaxLen)
	ErrInvalidUTF8 = errors.New("name is not valid UTF-8")
	ErrInvalidChar = errors.New("name contains a character that is not allowed")
)

// Normalize trims surrounding white space from name, collapses inner runs of
// white space to one space and checks what is left: it must be non-empty, at
// most MaxLen runes, and made of letters, marks, digits, spaces and the
// punctuation found in names (hyphen, apostrophe, period).
func Normalize(name string) (string, error) {
	if !utf8.ValidString(name) {
		return "", ErrInvalidUTF8
	}
	normalized := strings.Join(strings.Fields(name), " ")
	if normalized == "" {
		return "", ErrEmpty
	}
	if n := utf8.RuneCountInString(normalized); n > MaxLen {
		return "", fmt.Errorf("%w (got %d)", ErrTooLong, n)
	}
	for i, r := range normalized {
		if !allowed(r) {
			return "", fmt.Errorf("%w: %q at byte %d", ErrInvalidChar, r, i)
		}
	}
	return normalized, nil
}

func allowed(r rune) bool {
	switch r {
	case ' ', '-', '\'', '.', '’':
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}
