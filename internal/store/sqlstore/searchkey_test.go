package sqlstore

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/text"
)

func TestSearchKey(t *testing.T) {
	for _, tc := range []struct{ display, want string }{
		{"", ""},
		{"  «نشست» سه‌جانبه، گفت؛  ", "نشست سهجانبه گفت سه جانبه"},
		{"كرملين: ۱۴۰۰/۸/۱۰", "کرملین 1400 8 10"},
		{"Erdoğan–Çavuşoğlu (Soçi)", "erdogan cavusoglu soci"},
		{"Kılıçdaroğlu, Łódź, Øresund, Straße", "kilicdaroglu lodz oresund strasse"},
		{"Россия, Путин!", "россия путин"},
		{"e\u0301te\u0301", "ete"}, // decomposed accents go too
		{"مُحَمَّد", "محمد"},
	} {
		if got := SearchKey(tc.display); got != tc.want {
			t.Errorf("SearchKey(%q) = %q, want %q", tc.display, got, tc.want)
		}
	}
}

func TestSearchTerms(t *testing.T) {
	terms, keys := SearchTerms("«Erdoğan», قره‌باغ؟")
	if strings.Join(terms, " ") != "erdogan قرهباغ" || strings.Join(keys, " ") != "erdoğan قرهباغ" {
		t.Errorf("SearchTerms = %q, %q", terms, keys)
	}
	if terms, _ := SearchTerms(" ، « » "); len(terms) != 0 {
		t.Errorf("punctuation alone gives terms %q", terms)
	}
}

// The index form is words of letters, digits and marks, one space apart,
// that the index form leaves as they are: what FTS5's ascii tokenizer and
// PostgreSQL's simple parser both split at the spaces.
func FuzzSearchKey(f *testing.F) {
	for _, s := range []string{"", "«نشست» سه‌جانبه، گفت؛", "Erdoğan–Çavuşoğlu", "e\u0301", "\u0301x", "a\u200c\u200cb", "ǅ ǈ ﬁ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, display string) {
		if !utf8.ValidString(display) {
			return
		}
		k := SearchKey(display)
		if k != strings.Join(strings.Fields(k), " ") {
			t.Fatalf("SearchKey(%q) = %q: not words one space apart", display, k)
		}
		for _, r := range k {
			if r != ' ' && !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) {
				t.Fatalf("SearchKey(%q) = %q holds %q", display, k, r)
			}
		}
		var b strings.Builder
		indexWords(&b, k)
		if b.String() != k {
			t.Fatalf("the index form of %q is not stable: %q, then %q", display, k, b.String())
		}
	})
}

func BenchmarkSearchKey(b *testing.B) {
	display := strings.Repeat("سخنگوی کرملین روز جمعه گفت که ولادیمیر پوتین در گفت‌وگوی تلفنی با رجب طیب اردوغان درباره قره‌باغ رایزنی کرد. Erdoğan, «Putin». ", 40)
	key := text.KeyOf(display)
	b.SetBytes(int64(len(display)))
	for b.Loop() {
		SearchKeyOf(display, key)
	}
}

// zwnjWords finds what strings.Fields would, less the words without a ZWNJ.
func FuzzZWNJWords(f *testing.F) {
	for _, s := range []string{"", "گفت‌وگو", "\u200c", " a\u200cb\u200cc  d e\u200c", "\u00a0\u200c\u00a0x\u200c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want, got []string
		for _, w := range strings.Fields(s) {
			if strings.ContainsRune(w, '\u200c') {
				want = append(want, w)
			}
		}
		for w := range zwnjWords(s) {
			got = append(got, w)
		}
		if strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("zwnjWords(%q) = %q, want %q", s, got, want)
		}
	})
}
