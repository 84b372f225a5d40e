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
	var b strings.Builder
	changed := false
	last := 0       // start of the stretch of s not yet copied
	inert := true   // NFC is certain without a check
	prev := rune(0) // the last rune kept
	flush := func(i int) {
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:i])
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				flush(i)
				b.WriteByte('\n')
				i++
				if i < len(s) && s[i] == '\n' {
					i++
				}
				last, prev = i, '\n'
				continue
			case c == '\v' || c == '\f':
				flush(i)
				b.WriteByte(' ')
				i++
				last, prev = i, ' '
				continue
			case c < 0x20 && c != '\n' && c != '\t' || c == 0x7f:
				flush(i)
				i++
				last = i
				continue
			}
			prev = rune(c)
			i++
			continue
		}
		r, n := decodeRune(s, i)
		switch {
		case r == zwnj:
			// Keep one ZWNJ, and only between two letters.
			j := i + n
			for j < len(s) {
				if r2, n2 := decodeRune(s, j); r2 == zwnj {
					j += n2
					continue
				}
				break
			}
			next, _ := utf8.DecodeRuneInString(s[j:])
			keep := isWordRune(prev) && isWordRune(next)
			if keep && j == i+n {
				prev, i = r, j
				continue
			}
			flush(i)
			if keep {
				b.WriteRune(zwnj)
				prev = zwnj
			}
			i, last = j, j
			continue
		case dropInDisplay(r):
			flush(i)
			i += n
			last = i
			continue
		case isExoticSpace(r):
			flush(i)
			b.WriteByte(' ')
			i += n
			last, prev = i, ' '
			continue
		case isPresentationForm(r):
			flush(i)
			for _, base := range norm.NFKC.String(string(r)) {
				if !dropInDisplay(base) {
					b.WriteRune(base)
					prev = base
				}
			}
			inert = false
			i += n
			last = i
			continue
		case isHaraka(r):
			// One haraka after a letter is in NFC; a run of them may need
			// canonical reordering.
			if isHaraka(prev) || !nfcInert(prev) {
				inert = false
			}
		case !nfcInert(r):
			inert = false
		}
		prev = r
		i += n
	}
	out := s
	if changed {
		flush(len(s))
		out = b.String()
	}
	if !inert {
		out = nfcLocal(out)
	}
	return out, rep
}

// nfcLocal puts s in NFC, checking only the stretches around runes that are
// not NFC-inert: inert runes are starters that compose with nothing before
// them, so they bound the segments normalization can touch.
func nfcLocal(s string) string {
	var b strings.Builder
	last := 0 // end of what is copied or checked
	for i := 0; i < len(s); {
		r, n := decodeRune(s, i)
		if r < utf8.RuneSelf || nfcInert(r) {
			i += n
			continue
		}
		// The segment: the rune before (its base) through the run of
		// non-inert runes.
		start := i
		if start > last {
			_, pn := utf8.DecodeLastRuneInString(s[last:start])
			start -= pn
		}
		end := i + n
		for end < len(s) {
			r2, n2 := decodeRune(s, end)
			if r2 < utf8.RuneSelf || nfcInert(r2) {
				break
			}
			end += n2
		}
		if seg := s[start:end]; !norm.NFC.IsNormalString(seg) {
			if b.Len() == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:start])
			b.WriteString(norm.NFC.String(seg))
			last = end
		}
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// decodeRune decodes the rune at s[i], with a fast path for the two-byte
// runes of the Arabic script.
func decodeRune(s string, i int) (rune, int) {
	c := s[i]
	if c&0xe0 == 0xc0 && i+1 < len(s) && s[i+1]&0xc0 == 0x80 && c >= 0xc2 {
		return rune(c&0x1f)<<6 | rune(s[i+1]&0x3f), 2
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isHaraka reports whether r is an Arabic vowel sign or similar mark that
// composes with no letter (the combining hamzas U+0653–U+0655 do compose).
func isHaraka(r rune) bool {
	return r >= 0x064b && r <= 0x0652 || r >= 0x0656 && r <= 0x065f || r == 0x0670
}

// nfcInert reports whether r is NFC-stable and never composes with what
// follows it unless a combining mark follows (and marks are not inert): true
// for everything below U+0300 and for the Arabic letters, digits and
// punctuation that make up most of rasad's text.
func nfcInert(r rune) bool {
	switch {
	case r < 0x0300:
		return true
	case r >= 0x0600 && r <= 0x064a, r >= 0x0660 && r <= 0x066f, r >= 0x0671 && r <= 0x06d5, r >= 0x06ee && r <= 0x06ff:
		return true
	case r >= 0x200c && r <= 0x200d, r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x205e:
		return true
	}
	return false
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
			// A run of broken bytes becomes one replacement.
			i++
			for i < len(s) {
				if r2, n2 := utf8.DecodeRuneInString(s[i:]); r2 != utf8.RuneError || n2 != 1 {
					break
				}
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
