package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// KeyVersion names the rule set of the matching-key layer. Anything that
// persists keys (search indexes, dedup fingerprints) records it, so that a
// change of rules is detectable and keys can be rebuilt.
const KeyVersion = 1

// Keyed is the matching key of a display text with a map from every key byte
// back to the display text, so that a span found on the key is reported on
// the text exactly.
type Keyed struct {
	// Key is the matching-key form of the text.
	Key string
	// start[i] is the text offset where the key rune covering key byte i
	// begins; start[len(Key)] is the text length.
	start []int32
	// end[e] is the text offset where the key rune whose last byte is e-1
	// ends, including the marks the key dropped after it; end[0] is unused.
	end []int32
}

// keyAction says what the key layer does with one display rune.
type keyAction uint8

const (
	keyKeep   keyAction = iota // write the mapped rune
	keyAttach                  // drop it, and let it belong to the rune before
	keyDrop                    // drop it, belonging to nothing (ZWNJ, ZWJ)
	keySpace                   // whitespace: one space for a run
)

// foldRune maps one display rune to its key rune and says what to do with it.
func foldRune(r rune) (rune, keyAction) {
	if r < utf8.RuneSelf {
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 32, keyKeep
		case r == ' ', r == '\n', r == '\t', r == '\r', r == '\v', r == '\f':
			return ' ', keySpace
		}
		return r, keyKeep
	}
	switch {
	case r >= '\u06f0' && r <= '\u06f9': // Persian digits
		return '0' + r - '\u06f0', keyKeep
	case r >= '\u0660' && r <= '\u0669': // Arabic-Indic digits
		return '0' + r - '\u0660', keyKeep
	case r >= '\u064b' && r <= '\u065f', r == '\u0670',
		r >= '\u0610' && r <= '\u061a', r >= '\u06d6' && r <= '\u06ed':
		return 0, keyAttach // harakat, combining hamza, Quranic marks
	}
	switch r {
	case '\u066b': // Arabic decimal separator
		return '.', keyKeep
	case '\u066c', '\u0621': // Arabic thousands separator, lone hamza
		return 0, keyAttach
	case zwnj, zwj:
		return 0, keyDrop
	case 'ي', 'ى', 'ې', 'ۍ', 'ے', 'ٸ', 'ئ', '\u06d3':
		return 'ی', keyKeep
	case 'ك', 'ڪ', 'ګ':
		return 'ک', keyKeep
	case 'ھ', 'ہ', 'ە', 'ۃ', 'ۀ', 'ة', 'ۂ':
		return 'ه', keyKeep
	case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
		return 'ا', keyKeep
	case 'ؤ':
		return 'و', keyKeep
	case '\u00a0', '\u2028', '\u2029':
		return ' ', keySpace
	}
	if unicode.IsSpace(r) {
		return ' ', keySpace
	}
	if unicode.IsUpper(r) {
		return unicode.ToLower(r), keyKeep
	}
	return r, keyKeep
}

// Key builds the matching key of a display text (the output of Display) with
// its offset map.
func Key(text string) *Keyed {
	k := &Keyed{
		start: make([]int32, 0, len(text)+1),
		end:   make([]int32, 1, len(text)+2),
	}
	var b strings.Builder
	b.Grow(len(text))
	lastSpace := false
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		out, act := foldRune(r)
		switch act {
		case keySpace:
			if lastSpace {
				k.end[len(k.end)-1] = int32(i + n)
				i += n
				continue
			}
			lastSpace = true
		case keyAttach:
			if len(k.end) > 1 {
				k.end[len(k.end)-1] = int32(i + n)
			}
			i += n
			continue
		case keyDrop:
			i += n
			continue
		default:
			lastSpace = false
		}
		w := utf8.EncodeRune(buf[:], out)
		b.Write(buf[:w])
		for j := 0; j < w; j++ {
			k.start = append(k.start, int32(i))
			k.end = append(k.end, int32(i+n))
		}
		i += n
	}
	k.Key = b.String()
	k.start = append(k.start, int32(len(text)))
	return k
}

// Span maps the key byte span [ks, ke) to the display text span it covers.
func (k *Keyed) Span(ks, ke int) (int, int) {
	if ke <= ks {
		s := int(k.start[ks])
		return s, s
	}
	return int(k.start[ks]), int(k.end[ke])
}

// KeyOf returns the matching key of a display string without an offset map,
// trimmed of outer whitespace: the form used for names, queries and index
// entries.
func KeyOf(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	lastSpace := true // trims leading space
	for _, r := range s {
		out, act := foldRune(r)
		switch act {
		case keyAttach, keyDrop:
			continue
		case keySpace:
			if lastSpace {
				continue
			}
			lastSpace = true
		default:
			lastSpace = false
		}
		b.WriteRune(out)
	}
	return strings.TrimRight(b.String(), " ")
}
