package sqlstore

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/rasad/rasad/internal/text"
)

// SearchKey is the text a document is indexed under: the words of its
// matching key, then the parts of every word written with a ZWNJ
// («قره‌باغ» is «قرهباغ» in the key, and also «قره» and «باغ», as Arabic
// writes it), so either spelling finds it. Words are runs of letters,
// digits and marks, separated by one space; Latin letters lose their
// diacritics («Erdoğan» is «erdogan»). Both engines split it at spaces
// alone (SQLite's FTS5 with its fast ascii tokenizer).
func SearchKey(display string) string { return SearchKeyOf(display, text.KeyOf(display)) }

// SearchKeyOf is SearchKey of a display text whose matching key
// (text.KeyOf) is key.
func SearchKeyOf(display, key string) string {
	var b strings.Builder
	b.Grow(len(key))
	indexWords(&b, key)
	for w := range zwnjWords(display) {
		indexWords(&b, text.KeyOf(strings.ReplaceAll(w, "\u200c", " ")))
	}
	return b.String()
}

// zwnjWords yields the words (as strings.Fields splits them) that hold a
// ZWNJ, looking only around each ZWNJ.
func zwnjWords(display string) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		for i := 0; i < len(display); {
			j := strings.IndexRune(display[i:], '\u200c')
			if j < 0 {
				return
			}
			start, end := i+j, i+j
			for start > i {
				r, n := utf8.DecodeLastRuneInString(display[i:start])
				if unicode.IsSpace(r) {
					break
				}
				start -= n
			}
			for end < len(display) {
				r, n := utf8.DecodeRuneInString(display[end:])
				if unicode.IsSpace(r) {
					break
				}
				end += n
			}
			if !yield(display[start:end]) {
				return
			}
			i = end
		}
	}
}

// SearchTerms are the words a query looks for in the index (as SearchKey
// writes them), and the same words as matching keys, which find them in
// a text's key (for snippets).
func SearchTerms(q string) (terms, keys []string) {
	key := text.KeyOf(q)
	for _, t := range text.KeyTokens(key) {
		if t.Kind == text.Punct {
			continue
		}
		w := key[t.Start:t.End]
		var b strings.Builder
		indexWords(&b, w)
		if ws := strings.Fields(b.String()); len(ws) > 0 {
			terms = append(terms, ws...)
			keys = append(keys, w)
		}
	}
	return terms, keys
}

// indexWords appends the words of a key to b, each after a space when b
// is not empty.
func indexWords(b *strings.Builder, key string) {
	classes := runeClasses()
	inWord := false
	for _, r := range key {
		c := classOf(classes, r)
		switch {
		case c == breaks, c == mark && !inWord:
			inWord = false
			continue
		case !inWord && b.Len() > 0:
			b.WriteByte(' ')
		}
		inWord = true
		switch c {
		case letter:
			if r < utf8.RuneSelf {
				b.WriteByte(byte(r))
			} else {
				b.WriteRune(r)
			}
		case upper:
			b.WriteRune(unicode.ToLower(r))
		case mark:
			if !isLatinMark(r) {
				b.WriteRune(r)
			}
		case folded:
			b.WriteString(latinFold[r])
		}
	}
}

// What a rune is to the index.
const (
	breaks = iota // between words
	letter        // a letter or digit
	upper         // a letter to write in lower case (keys have few)
	mark          // a combining mark: part of the word it follows
	folded        // a Latin letter written without its diacritics
)

// runeClasses are the classes of the runes of the Basic Multilingual Plane,
// looked up once (unicode's tables are searched, and keys are long).
var runeClasses = sync.OnceValue(func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for r := range rune(len(t)) {
		t[r] = classify(r)
	}
	return &t
})

func classOf(t *[0x10000]uint8, r rune) uint8 {
	if r < 0x10000 {
		return t[r]
	}
	return classify(r)
}

func classify(r rune) uint8 {
	switch _, fold := latinFold[r]; {
	case fold:
		return folded
	case unicode.ToLower(r) != r:
		return upper
	case unicode.IsLetter(r), unicode.IsDigit(r):
		return letter
	case unicode.IsMark(r):
		return mark
	}
	return breaks
}

// isLatinMark tells the combining diacritics that Latin letters carry
// (dropped, as their precomposed letters are folded).
func isLatinMark(r rune) bool { return 0x0300 <= r && r <= 0x036f }

// latinFold maps the Latin letters with diacritics to their base letters
// (Unicode's canonical decomposition, less its marks), and a few letters
// that have none but are written for plain ones: Turkish «ı», «ø», «ł».
var latinFold = func() map[rune]string {
	m := map[rune]string{'ı': "i", 'ø': "o", 'Ø': "o", 'ł': "l", 'Ł': "l", 'đ': "d", 'Đ': "d",
		'ß': "ss", 'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe"}
	for _, block := range [][2]rune{{0x00c0, 0x024f}, {0x1e00, 0x1eff}} {
		for r := block[0]; r <= block[1]; r++ {
			if _, ok := m[r]; ok || !unicode.IsLetter(r) {
				continue
			}
			base, _ := utf8.DecodeRuneInString(norm.NFD.String(string(r)))
			if base != r && base < utf8.RuneSelf {
				m[r] = strings.ToLower(string(base))
			}
		}
	}
	return m
}()
