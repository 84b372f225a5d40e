package text

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// tricky is the alphabet of the property test: letters of both scripts and
// every rune the key layer folds, drops or attaches.
var tricky = []rune("پوتینكيىةۀأإآٱؤئءًٌٍَُِّْٰٕ\u0654\u200c\u200d۱۲٠١٫٬ـ \n\tAbc.،؟«»\ufe8e\ufefb\u00a0\u202b")

func randomText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		b.WriteRune(tricky[r.IntN(len(tricky))])
	}
	return b.String()
}

// checkKeyMap checks the offset map of Key on a display text: every key rune
// maps inside the text on rune boundaries, and a key span between
// non-space runes maps to text whose own key is that span.
func checkKeyMap(t *testing.T, display string) {
	t.Helper()
	k := Key(display)
	var starts []int // key byte offsets of rune starts, plus len
	for i := range k.Key {
		starts = append(starts, i)
	}
	starts = append(starts, len(k.Key))
	for j := 0; j+1 < len(starts); j++ {
		s, e := k.Span(starts[j], starts[j+1])
		if s < 0 || e > len(display) || s > e {
			t.Fatalf("key rune at %d maps to [%d,%d) outside %d bytes of %+q", starts[j], s, e, len(display), display)
		}
		if !utf8.ValidString(display[s:e]) {
			t.Fatalf("span [%d,%d) cuts a rune of %+q", s, e, display)
		}
	}
	for a := 0; a < len(starts); a++ {
		for b := a + 1; b < len(starts) && b <= a+6; b++ {
			ks, ke := starts[a], starts[b]
			seg := k.Key[ks:ke]
			if strings.HasPrefix(seg, " ") || strings.HasSuffix(seg, " ") {
				continue
			}
			s, e := k.Span(ks, ke)
			if got := KeyOf(display[s:e]); got != seg {
				t.Fatalf("key span %+q maps to text %+q whose key is %+q", seg, display[s:e], got)
			}
		}
	}
}

func TestKeyOffsetsProperty(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		display, _ := Display(randomText(r, 1+r.IntN(40)))
		checkKeyMap(t, display)
	}
}

func TestKeySpanOnSeedsForms(t *testing.T) {
	display := "رئیس جمهوری روسیه با همتای ترکیه‌ای خود در باره مساله قره‌باغ"
	k := Key(display)
	i := strings.Index(k.Key, "ترکیهای")
	s, e := k.Span(i, i+len("ترکیه"))
	if got := display[s:e]; got != "ترکیه" {
		t.Errorf("span of ترکیه = %q", got)
	}
	i = strings.Index(k.Key, "قرهباغ")
	s, e = k.Span(i, i+len("قرهباغ"))
	if got := display[s:e]; got != "قره\u200cباغ" {
		t.Errorf("span of قرهباغ = %+q", got)
	}
	// A trailing mark belongs to the letter before it.
	display = "بُوتِينُ قال"
	k = Key(display)
	s, e = k.Span(0, len("بوتین"))
	if got := display[s:e]; got != "بُوتِينُ" {
		t.Errorf("span with harakat = %q", got)
	}
}

func FuzzKey(f *testing.F) {
	for _, s := range []string{"", "پوتین", "ترکیه\u200cای", "١١ نوفمبر ٢٠٢٠", "كَتَبَ", "a  \n b", "\xff\xfe", "\ufefb\u0654"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		display, _ := Display(s)
		if !utf8.ValidString(display) {
			t.Fatalf("Display gave invalid UTF-8")
		}
		if again, _ := Display(display); again != display {
			t.Fatalf("Display not idempotent: %+q -> %+q", display, again)
		}
		if len(display) > 200 {
			display = display[:200]
			for !utf8.ValidString(display) {
				display = display[:len(display)-1]
			}
		}
		checkKeyMap(t, display)
	})
}
