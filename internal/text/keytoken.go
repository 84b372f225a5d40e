package text

import (
	"unicode"
	"unicode/utf8"
)

// KeyToken is a token of a matching key, by key byte offsets.
type KeyToken struct {
	Start, End int
	Kind       TokenKind
	// SpaceBefore tells whether whitespace separates it from the token before.
	SpaceBefore bool
}

// KeyTokens splits a matching key into words (letters and marks), numbers
// (ASCII digits: the key has folded every digit script) and single
// punctuation characters. The stages that match on keys (dates, names) all
// split this way, so a lexicon form and a text agree on their tokens.
func KeyTokens(k string) []KeyToken {
	out := make([]KeyToken, 0, len(k)/5)
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
			out = append(out, KeyToken{i, j, Number, space})
			i = j
		case c < utf8.RuneSelf && !isASCIILetter(c):
			out = append(out, KeyToken{i, i + 1, Punct, space})
			i++
		default:
			r, n := utf8.DecodeRuneInString(k[i:])
			if !isKeyLetter(r) {
				out = append(out, KeyToken{i, i + n, Punct, space})
				i += n
				break
			}
			j := i + n
			for j < len(k) {
				if k[j] < utf8.RuneSelf {
					if !isASCIILetter(k[j]) {
						break
					}
					j++
					continue
				}
				r2, n2 := utf8.DecodeRuneInString(k[j:])
				if !isKeyLetter(r2) {
					break
				}
				j += n2
			}
			out = append(out, KeyToken{i, j, Word, space})
			i = j
		}
		space = false
	}
	return out
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// arabicLetters caches isKeyLetter for the Arabic block, the hot path.
var arabicLetters = func() (t [256]bool) {
	for i := range t {
		r := rune(0x0600 + i)
		t[i] = unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
	}
	return t
}()

func isKeyLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIILetter(byte(r))
	}
	if r >= 0x0600 && r <= 0x06ff {
		return arabicLetters[r-0x0600]
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}
