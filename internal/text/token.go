package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"
)

// TokenKind classifies a word token.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, possibly with marks, ZWNJ and digits
	Number                  // starts with a digit of any script
	Punct                   // anything else that is not space
)

// Token is a word token of a display text, by byte offsets.
type Token struct {
	Start, End int
	Kind       TokenKind
}

// Tokens splits text into word tokens by Unicode text segmentation (UAX #29),
// which keeps words joined by ZWNJ («می‌گوید», «ترکیه‌ای») whole. Whitespace is
// not returned.
func Tokens(text string) []Token {
	var out []Token
	it := words.FromString(text)
	for it.Next() {
		v := it.Value()
		r, _ := utf8.DecodeRuneInString(v)
		var kind TokenKind
		switch {
		case unicode.IsSpace(r):
			continue
		case unicode.IsDigit(r):
			kind = Number
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			kind = Word
		default:
			kind = Punct
		}
		out = append(out, Token{Start: it.Start(), End: it.End(), Kind: kind})
	}
	return out
}
