package gazetteer

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/text"
)

func mini(t testing.TB) *Gazetteer {
	t.Helper()
	f, err := os.Open("testdata/mini.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := NewBuilder()
	if err := b.AddJSONL("mini.jsonl", f); err != nil {
		t.Fatal(err)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Problems) > 0 {
		t.Fatalf("problems: %v", g.Problems)
	}
	return g
}

// found renders the mentions of a text as "id:text" items.
func found(g *Gazetteer, s, lang, date string) []string {
	display, _ := text.Display(s)
	var d time.Time
	if date != "" {
		d, _ = time.Parse("2006-01-02", date)
	}
	var out []string
	for _, m := range g.Match(display, text.Key(display), Options{Lang: lang, Date: d}) {
		out = append(out, m.Entity.ID+":"+display[m.Start:m.End])
	}
	return out
}

func TestMatch(t *testing.T) {
	g := mini(t)
	tests := []struct {
		name, lang, date, in string
		want                 []string
	}{
		{"arabic clitics", "ar", "", "وبوتين قال للكرملين إن بالكرملين اجتماعا",
			[]string{"vladimir-putin:بوتين", "moscow-kremlin:كرملين", "moscow-kremlin:الكرملين"}},
		{"persian suffix after lost zwnj", "fa", "", "پوتین با همتای ترکیهای خود",
			[]string{"vladimir-putin:پوتین", "turkey:ترکیهای"}},
		{"names split and joined", "fa", "", "قرهباغ و قره باغ و قره‌باغ",
			[]string{"nagorno-karabakh:قرهباغ", "nagorno-karabakh:قره باغ", "nagorno-karabakh:قره‌باغ"}},
		{"not inside other words", "ar", "", "البوتينات والروسيات",
			nil},
		{"longest match wins", "fa", "", "ولادیمیر پوتین در کاخ کرملین",
			[]string{"vladimir-putin:ولادیمیر پوتین", "moscow-kremlin:کاخ کرملین"}},
		{"acronym is case-sensitive", "en", "", "The US said it would help us.",
			[]string{"united-states:US"}},
		{"context word needed", "ar", "", "المصدر: تاس. تاس اسم.",
			[]string{"tass:تاس"}},
		{"surname after a full mention", "fa", "", "آرارات میرزویان گفت. میرزویان افزود.",
			[]string{"ararat-mirzoyan:آرارات میرزویان", "ararat-mirzoyan:میرزویان"}},
		{"surname without a full mention is nobody", "fa", "", "میرزویان افزود.",
			nil},
		{"aliyev by date: heydar in 2002", "fa", "2002-05-01", "علی‌اف گفت",
			[]string{"heydar-aliyev:علی‌اف"}},
		{"aliyev by date: ilham in 2021", "fa", "2021-05-01", "علی اف گفت",
			[]string{"ilham-aliyev:علی اف"}},
		{"role phrase by date", "fa", "2021-01-11", "رئیس جمهوری روسیه گفت",
			[]string{"vladimir-putin:رئیس جمهوری روسیه", "russia:روسیه"}},
		{"role phrase in 2010 is medvedev", "fa", "2010-01-11", "رئیس جمهوری روسیه گفت",
			[]string{"dmitry-medvedev:رئیس جمهوری روسیه", "russia:روسیه"}},
		{"counterpart", "fa", "2021-01-11", "رئیس جمهوری روسیه با همتای ترکیهای خود گفت و گو کرد",
			[]string{"vladimir-putin:رئیس جمهوری روسیه", "russia:روسیه", "recep-tayyip-erdogan:همتای ترکیهای خود", "turkey:ترکیهای"}},
		{"arabic role and counterpart", "ar", "2020-11-11", "ناقش الرئيس الروسي ونظيره التركي",
			[]string{"vladimir-putin:الرئيس الروسي", "russia:الروسي", "recep-tayyip-erdogan:نظيره التركي", "turkey:التركي"}},
		{"foreign minister counterpart", "fa", "2021-11-01", "سرگئی لاوروف وزیر امور خارجه روسیه با آرارات میرزویان همتای ارمنی خود",
			[]string{"sergey-lavrov:سرگئی لاوروف", "sergey-lavrov:وزیر امور خارجه روسیه", "russia:روسیه", "ararat-mirzoyan:آرارات میرزویان", "ararat-mirzoyan:همتای ارمنی خود", "armenia:ارمنی"}},
		{"apposition without a date", "fa", "", "ولادیمیر پوتین رئیس جمهوری روسیه گفت",
			[]string{"vladimir-putin:ولادیمیر پوتین", "vladimir-putin:رئیس جمهوری روسیه", "russia:روسیه"}},
		{"no date, no apposition: no holder", "fa", "", "رئیس جمهوری روسیه گفت",
			[]string{"russia:روسیه"}},
		{"a deputy's office is not the holder's", "ar", "2020-11-11", "استقبل نائب الرئيس الروسي ومستشار الرئيس الروسي",
			[]string{"russia:الروسي", "russia:الروسي"}},
		{"a former holder is not today's", "fa", "2021-01-11", "رئیس جمهوری روسیه سابق و معاون رئیس جمهوری روسیه",
			[]string{"russia:روسیه", "russia:روسیه"}},
		{"english former president", "en", "2021-04-09", "The former Turkish president met the Turkish president.",
			[]string{"turkey:Turkish", "recep-tayyip-erdogan:Turkish president", "turkey:Turkish"}},
		{"english role", "en", "2021-04-09", "The Turkish president spoke to President of Russia.",
			[]string{"recep-tayyip-erdogan:Turkish president", "turkey:Turkish", "vladimir-putin:President of Russia", "russia:Russia"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := found(g, tt.in, tt.lang, tt.date)
			if strings.Join(got, " | ") != strings.Join(tt.want, " | ") {
				t.Errorf("%q\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func FuzzMatch(f *testing.F) {
	g := mini(f)
	for _, s := range []string{"وبوتين قال للكرملين", "پوتین با همتای ترکیهای خود", "US us U.S.", "المصدر: تاس", "رئیس جمهوری روسیه"} {
		f.Add(s, "fa", int64(0))
		f.Add(s, "ar", int64(1600000000))
	}
	f.Fuzz(func(t *testing.T, s, lang string, unix int64) {
		display, _ := text.Display(s)
		var d time.Time
		if unix > 0 {
			d = time.Unix(unix%4e9, 0).UTC()
		}
		for _, m := range g.Match(display, text.Key(display), Options{Lang: lang, Date: d}) {
			if m.Start < 0 || m.End > len(display) || m.Start > m.End {
				t.Fatalf("mention %+v outside %d bytes", m, len(display))
			}
		}
	})
}

// A form in the Arabic script matches only in the languages that write it.
func TestFormsKeepTheirLanguage(t *testing.T) {
	b := NewBuilder()
	b.Add(&Entity{ID: "turkey", Kind: KindCountry, Name: "Turkey", Names: map[string][]string{"en": {"Turkey"}, "fa": {"ترکیه"}, "ar": {"تركيا"}},
		Adjectives: map[string][]string{"fa": {"ترک"}, "ar": {"التركي"}, "en": {"Turkish"}}}, "t", 1)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if got := found(g, "ترك الوزير القاعة", "ar", ""); len(got) != 0 {
		t.Errorf("Persian «ترک» matched the Arabic verb: %v", got)
	}
	if got := found(g, "دو ترک در جلسه بودند", "fa", ""); len(got) != 1 {
		t.Errorf("Persian «ترک» in Persian: %v", got)
	}
	if got := found(g, "قال Turkey إن", "ar", ""); len(got) != 1 {
		t.Errorf("a Latin form in an Arabic text: %v", got)
	}
}

// A Persian suffix is stripped only where Persian writes one: the ezafe ی
// after a long vowel, «ای» after a silent ه; «تهرانی» is a surname.
func TestPersianSuffixes(t *testing.T) {
	b := NewBuilder()
	b.Add(&Entity{ID: "tehran", Kind: KindPlace, Name: "Tehran", Names: map[string][]string{"en": {"Tehran"}, "fa": {"تهران"}, "ar": {"طهران"}}}, "t", 1)
	b.Add(&Entity{ID: "united-states", Kind: KindCountry, Name: "United States", Names: map[string][]string{"en": {"United States"}, "fa": {"آمریکا"}, "ar": {"أمريكا"}}}, "t", 2)
	b.Add(&Entity{ID: "turkey", Kind: KindCountry, Name: "Turkey", Names: map[string][]string{"en": {"Turkey"}, "fa": {"ترکیه"}, "ar": {"تركيا"}}}, "t", 3)
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		in   string
		want []string
	}{
		{"آقای تهرانی گفت", nil},
		{"در تهران و تهرانها", []string{"tehran:تهران", "tehran:تهران"}},
		{"کنگره آمریکای شمالی", []string{"united-states:آمریکا"}},
		{"مقامهای ترکیهای", []string{"turkey:ترکیه"}},
	}
	for _, tt := range tests {
		if got := found(g, tt.in, "fa", ""); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("%q: got %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestPluralRoles(t *testing.T) {
	g := mini(t)
	got := found(g, "دیدار روسای جمهوری روسیه و آذربایجان و نخست وزیر ارمنستان", "fa", "2021-01-11")
	want := "ilham-aliyev:روسای جمهوری روسیه و آذربایجان | vladimir-putin:روسای جمهوری روسیه | russia:روسیه | azerbaijan:آذربایجان | nikol-pashinyan:نخست وزیر ارمنستان | armenia:ارمنستان"
	if strings.Join(got, " | ") != want {
		t.Errorf("got  %q\nwant %q", strings.Join(got, " | "), want)
	}
}
