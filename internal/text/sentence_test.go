package text

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, text[s.Start:s.End])
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"persian full stops", "پوتین گفت. اردوغان پاسخ داد.", []string{"پوتین گفت.", "اردوغان پاسخ داد."}},
		{"persian question mark", "آیا توافق اجرا می‌شود؟ پاشینیان گفت بله.", []string{"آیا توافق اجرا می‌شود؟", "پاشینیان گفت بله."}},
		{"arabic question and semicolon", "هل يصمد الاتفاق؟ قال الكرملين نعم؛ وأضاف التفاصيل.", []string{"هل يصمد الاتفاق؟", "قال الكرملين نعم؛", "وأضاف التفاصيل."}},
		{"exclamation", "Stop! Now.", []string{"Stop!", "Now."}},
		{"decimal numbers", "رشد ۳.۵ درصد بود. نرخ 2.7 شد.", []string{"رشد ۳.۵ درصد بود.", "نرخ 2.7 شد."}},
		{"arabic decimal separator", "بلغ النمو ٣٫٥ في المئة. ثم تراجع.", []string{"بلغ النمو ٣٫٥ في المئة.", "ثم تراجع."}},
		{"dotted date", "The talks on 10.11.2020 ended. Next.", []string{"The talks on 10.11.2020 ended.", "Next."}},
		{"abbreviations", "Mr. Lavrov met Dr. Mirzoyan in the U.S. capital. Then he left.", []string{"Mr. Lavrov met Dr. Mirzoyan in the U.S. capital.", "Then he left."}},
		{"initials", "J. Biden spoke. Aliyev answered.", []string{"J. Biden spoke.", "Aliyev answered."}},
		{"closing quotes stay", "گفت: «این مهم است.» سپس رفت.", []string{"گفت: «این مهم است.»", "سپس رفت."}},
		{"line breaks", "عنوان خبر\nمتن اول خبر.\n\nمتن دوم", []string{"عنوان خبر", "متن اول خبر.", "متن دوم"}},
		{"ellipsis", "He paused... Then spoke.", []string{"He paused...", "Then spoke."}},
		{"lower-case after dot is not a new sentence", "It rose approx. five percent.", []string{"It rose approx. five percent."}},
		{"empty", "", nil},
		{"only spaces", " \n\t ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sentenceTexts(tt.in)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// Seed 003 is hard-wrapped: a sentence runs across blank lines.
func TestSentencesHardWrappedSeed(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/seeds/003_71ca3bdb161265d3.txt")
	if err != nil {
		t.Skip("shared seeds not present:", err)
	}
	display, _ := Display(string(raw))
	got := sentenceTexts(display)
	if got[0] != "پوتین و علی اف درباره قره باغ گفت و گو کردند" {
		t.Errorf("title sentence = %q", got[0])
	}
	want := "ولادیمیر پوتین رئیس جمهوری روسیه و الهام علی اف همتای آذربایجانی خود در مسکو دیدار و دو طرف درباره مساله\n\nقره باغ و همکاری های اقتصادی مسکو و باکو گفت و گو کردند."
	if got[1] != want {
		t.Errorf("wrapped sentence = %q", got[1])
	}
}

// Seed 000 is not wrapped: its unpunctuated lead stays a sentence of its own.
func TestSentencesLeadWithoutFullStop(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/seeds/000_457b7404f182c581.txt")
	if err != nil {
		t.Skip("shared seeds not present:", err)
	}
	display, _ := Display(string(raw))
	got := sentenceTexts(display)
	if got[1] != "رئیس جمهوری روسیه با همتای ترکیهای خود در باره مساله قرهباغ و مبارزه با ویروس کرونا گفت و گو کردند" {
		t.Errorf("lead = %q", got[1])
	}
}

func TestClauses(t *testing.T) {
	text := "ولادیمیر پوتین، رئیس جمهور روسیه، با اردوغان گفت‌وگو کرد؛ قیمت 1,000 دلار بود"
	var got []string
	for _, c := range Clauses(text, Span{0, len(text)}) {
		got = append(got, text[c.Start:c.End])
	}
	want := []string{"ولادیمیر پوتین،", "رئیس جمهور روسیه،", "با اردوغان گفت‌وگو کرد؛", "قیمت 1,000 دلار بود"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Clauses = %q, want %q", got, want)
	}
}

func FuzzSentences(f *testing.F) {
	for _, s := range []string{"", "a. b", "۳.۵", "«x.» y", "\n\n", "Mr. X", "؟؟!!..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		display, _ := Display(s)
		prev := 0
		for _, sp := range Sentences(display) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(display) {
				t.Fatalf("bad span %v after %d in %d bytes", sp, prev, len(display))
			}
			if !utf8.ValidString(display[sp.Start:sp.End]) {
				t.Fatalf("span %v cuts a rune", sp)
			}
			for _, c := range Clauses(display, sp) {
				if c.Start < sp.Start || c.End > sp.End || c.End <= c.Start {
					t.Fatalf("clause %v outside sentence %v", c, sp)
				}
			}
			prev = sp.End
		}
	})
}
