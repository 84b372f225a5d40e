package text

import (
	"strings"
	"testing"
)

func TestTokensKeepZWNJWords(t *testing.T) {
	text := "اردوغان می‌گوید همتای ترکیه‌ای، ۲۰ آبان؛ 3.5% Putin's"
	var words []string
	for _, tok := range Tokens(text) {
		words = append(words, text[tok.Start:tok.End])
	}
	want := []string{"اردوغان", "می‌گوید", "همتای", "ترکیه‌ای", "،", "۲۰", "آبان", "؛", "3.5", "%", "Putin's"}
	if strings.Join(words, "|") != strings.Join(want, "|") {
		t.Errorf("Tokens = %q\nwant %q", words, want)
	}
	kinds := Tokens("۲۰ آبان ،")
	if kinds[0].Kind != Number || kinds[1].Kind != Word || kinds[2].Kind != Punct {
		t.Errorf("kinds = %v", kinds)
	}
}
