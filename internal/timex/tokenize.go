package timex

import (
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
)

// ktok is a token of a matching key, by key byte offsets.
type ktok struct {
	start, end int
	kind       tokKind
	// spaceBefore tells whether whitespace separates it from the token before.
	spaceBefore bool
}

// tokenize splits a matching key into words (letters and marks), numbers
// (ASCII digits; the key has already folded every digit script) and single
// punctuation characters.
func tokenize(k string) []ktok {
	out := make([]ktok, 0, len(k)/5)
	space := false
	for i := 0; i < len(k); {
		c := k[i]
		switch {
		case c == ' ':
			space = true
			i++
			continue
		case c >= '0' && c <= '9':
			j := i + 1
			for j < len(k) && k[j] >= '0' && k[j] <= '9' {
				j++
			}
			out = append(out, ktok{i, j, tNum, space})
			i = j
		case c < utf8.RuneSelf && !isASCIILetter(c):
			out = append(out, ktok{i, i + 1, tPunct, space})
			i++
		default:
			r, n := utf8.DecodeRuneInString(k[i:])
			if !isLetter(r) {
				out = append(out, ktok{i, i + n, tPunct, space})
				i += n
				break
			}
			j := i + n
			for j < len(k) {
				r2, n2 := utf8.DecodeRuneInString(k[j:])
				if !isLetter(r2) {
					break
				}
				j += n2
			}
			out = append(out, ktok{i, j, tWord, space})
			i = j
		}
		space = false
	}
	return out
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}
