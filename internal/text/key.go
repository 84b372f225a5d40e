package text

import (
	"strings"
	"sync"
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
	// A key rune's text ends where the next key rune's text starts, but for
	// the characters the key dropped without attaching them (ZWNJ): cut
	// lists, in order, each key offset whose preceding rune ends earlier
	// than its own start, and where it ends.
	cut []keyCut
	// lastEnd is where the text of the last key rune ends.
	lastEnd int32
	// toks are the key's tokens, split once for every stage that reads them
	toksOnce sync.Once
	toks     []KeyToken
}

// Tokens are the key's tokens (KeyTokens of Key), split on first use and
// shared by the stages: the slice must not be changed.
func (k *Keyed) Tokens() []KeyToken {
	k.toksOnce.Do(func() { k.toks = KeyTokens(k.Key) })
	return k.toks
}

type keyCut struct{ at, end int32 }

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
	if r >= 0x0600 && r <= 0x06ff {
		return r, keyKeep // the rest of the Arabic block is kept as is
	}
	if unicode.IsSpace(r) {
		return ' ', keySpace
	}
	if unicode.IsUpper(r) {
		return unicode.ToLower(r), keyKeep
	}
	return r, keyKeep
}

// foldTable holds foldRune for the Arabic block U+0600–U+06FF, the hot path.
var foldTable = func() (t [256]struct {
	out rune
	act keyAction
}) {
	for i := range t {
		t[i].out, t[i].act = foldRune(rune(0x0600 + i))
	}
	return t
}()

// Key builds the matching key of a display text (the output of Display) with
// its offset map.
func Key(text string) *Keyed {
	key := make([]byte, 0, len(text)+8)
	k := &Keyed{start: make([]int32, 0, len(text)+9)}
	lastSpace := false
	end := int32(0) // where the text of the last key rune ends
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf && c != ' ' && c != '\n' && c != '\t' && c != '\r' && c != '\v' && c != '\f' {
			if 'A' <= c && c <= 'Z' {
				c += 32
			}
			if end != int32(i) && len(key) > 0 {
				k.cut = append(k.cut, keyCut{int32(len(key)), end})
			}
			key = append(key, c)
			k.start = append(k.start, int32(i))
			lastSpace = false
			i++
			end = int32(i)
			continue
		}
		// The hot path: a two-byte letter of the Arabic block kept as is.
		if (c == 0xd8 || c == 0xd9 || c == 0xda || c == 0xdb) && i+1 < len(text) {
			r := rune(c&0x1f)<<6 | rune(text[i+1]&0x3f)
			if f := foldTable[r-0x0600]; f.act == keyKeep && f.out == r {
				if end != int32(i) && len(key) > 0 {
					k.cut = append(k.cut, keyCut{int32(len(key)), end})
				}
				key = append(key, c, text[i+1])
				k.start = append(k.start, int32(i), int32(i))
				lastSpace = false
				i += 2
				end = int32(i)
				continue
			}
		}
		r, size := decodeRune(text, i)
		var out rune
		var act keyAction
		if r >= 0x0600 && r <= 0x06ff {
			f := foldTable[r-0x0600]
			out, act = f.out, f.act
		} else {
			out, act = foldRune(r)
		}
		switch act {
		case keySpace:
			if lastSpace {
				end = int32(i + size)
				i += size
				continue
			}
			lastSpace = true
		case keyAttach:
			if len(key) > 0 {
				end = int32(i + size)
			}
			i += size
			continue
		case keyDrop:
			i += size
			continue
		default:
			lastSpace = false
		}
		if end != int32(i) && len(key) > 0 {
			k.cut = append(k.cut, keyCut{int32(len(key)), end})
		}
		var w int
		switch {
		case out == r:
			key = append(key, text[i:i+size]...)
			w = size
		case out < utf8.RuneSelf:
			key = append(key, byte(out))
			w = 1
		default:
			w = utf8.EncodeRune(buf[:], out)
			key = append(key, buf[:w]...)
		}
		for range w {
			k.start = append(k.start, int32(i))
		}
		i += size
		end = int32(i)
	}
	k.Key = string(key)
	k.start = append(k.start, int32(len(text)))
	k.lastEnd = end
	return k
}

// Span maps the key byte span [ks, ke) to the display text span it covers.
func (k *Keyed) Span(ks, ke int) (int, int) {
	s := int(k.start[ks])
	if ke <= ks {
		return s, s
	}
	if ke >= len(k.Key) {
		return s, int(k.lastEnd)
	}
	// The rune before ke ends where the rune at ke starts, unless a cut
	// says otherwise.
	e := int(k.start[ke])
	lo, hi := 0, len(k.cut)
	for lo < hi {
		m := (lo + hi) / 2
		if int(k.cut[m].at) < ke {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(k.cut) && int(k.cut[lo].at) == ke {
		e = int(k.cut[lo].end)
	}
	return s, e
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
