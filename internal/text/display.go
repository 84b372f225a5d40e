package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// DisplayReport says what Display had to repair in its input.
type DisplayReport struct {
	// InvalidUTF8 counts the byte sequences that were not UTF-8 and were
	// replaced by U+FFFD.
	InvalidUTF8 int
}

const (
	zwnj = '\u200c'
	zwj  = '\u200d'
)

// Display returns the display-safe form of s, the form rasad stores and shows:
// invalid UTF-8 repaired, line breaks unified to "\n", NFC, byte order marks,
// bidi controls, soft hyphens, zero-width spaces and tatweel removed, exotic
// spaces turned into U+0020, Arabic presentation forms folded to their base
// letters, and ZWNJ runs collapsed and dropped where they touch no letter on
// one side. It never rewrites ordinary letters, digits or punctuation.
func Display(s string) (string, DisplayReport) {
	var rep DisplayReport
	if !utf8.ValidString(s) {
		s, rep.InvalidUTF8 = repairUTF8(s)
	}
	if displayClean(s) {
		return s, rep
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			b.WriteByte('\n')
			if i < len(s) && s[i] == '\n' {
				i++
			}
		case dropInDisplay(r):
		case isExoticSpace(r):
			b.WriteByte(' ')
		case r == zwnj:
			// Keep one ZWNJ only between two letters (marks count as part of
			// the letter before them).
			for i < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[i:])
				if r2 != zwnj {
					break
				}
				i += n2
			}
			next, _ := utf8.DecodeRuneInString(s[i:])
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			if isWordRune(prev) && isWordRune(next) {
				b.WriteRune(zwnj)
			}
		case isPresentationForm(r):
			b.WriteString(norm.NFKC.String(string(r)))
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if !norm.NFC.IsNormalString(out) {
		out = norm.NFC.String(out)
	}
	return out, rep
}

// displayClean reports whether s needs no change by Display, so the common
// case of clean text costs one scan and no allocation.
func displayClean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '\r' || (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f {
				return false
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == zwnj || dropInDisplay(r) || isExoticSpace(r) || isPresentationForm(r) {
			return false
		}
		i += n - 1
	}
	return norm.NFC.IsNormalString(s)
}

func repairUTF8(s string) (string, int) {
	var b strings.Builder
	b.Grow(len(s))
	bad := 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
			b.WriteRune(utf8.RuneError)
			// Swallow the rest of the broken sequence as one replacement.
			i++
			for i < len(s) && !utf8.RuneStart(s[i]) {
				i++
			}
			continue
		}
		b.WriteString(s[i : i+n])
		i += n
	}
	return b.String(), bad
}

// dropInDisplay lists the invisible characters the display layer removes.
func dropInDisplay(r rune) bool {
	switch {
	case r == '\ufeff', r == '\u00ad', r == '\u0640', r == '\u200b', r == '\u2060':
		return true
	case r == '\u200e', r == '\u200f', r == '\u061c':
		return true
	case r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return true
	case r < 0x20 && r != '\n' && r != '\t' && r != '\r' && r != '\v' && r != '\f', r == 0x7f:
		return true
	}
	return false
}

func isExoticSpace(r rune) bool {
	switch {
	case r == '\u00a0', r == '\u1680', r == '\u202f', r == '\u205f', r == '\u3000':
		return true
	case r >= '\u2000' && r <= '\u200a':
		return true
	case r == '\v', r == '\f':
		return true
	}
	return false
}

func isPresentationForm(r rune) bool {
	return (r >= '\ufb50' && r <= '\ufdff') || (r >= '\ufe70' && r <= '\ufefe')
}

// isWordRune reports whether r can sit inside a word: a letter, digit or
// combining mark.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}
