package analyze

import (
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite golden files")

// checkSpans checks that every offset of an analysis points into its text
// and that the quoted text is exactly text[start:end] in code points.
func checkSpans(t *testing.T, a *Analysis) {
	t.Helper()
	runes := []rune(a.Text)
	sub := func(s, e int) string {
		if s < 0 || e > len(runes) || s > e {
			t.Fatalf("span [%d,%d) outside %d code points", s, e, len(runes))
		}
		return string(runes[s:e])
	}
	for _, d := range a.Dates {
		if got := sub(d.Start, d.End); got != d.Text {
			t.Errorf("date span [%d,%d) is %q, reported %q", d.Start, d.End, got, d.Text)
		}
	}
	for _, s := range a.Sentences {
		sub(s.Start, s.End)
	}
	if p := a.PublishedEvidence; p != nil {
		if got := sub(p.Start, p.End); got != p.Text {
			t.Errorf("published evidence [%d,%d) is %q, reported %q", p.Start, p.End, got, p.Text)
		}
	}
}

type expected struct {
	Documents []struct {
		File      string  `json:"file"`
		Lang      string  `json:"lang"`
		Published *string `json:"published"`
		Dates     []struct {
			Text  string `json:"text"`
			Value string `json:"value"`
		} `json:"dates"`
		Entities    []string `json:"entities"`
		MayAlsoName []string `json:"may_also_name"`
	} `json:"documents"`
}

// TestSeeds checks what the analyst reads out of the seeds: language,
// publication date and every date, with exact spans.
func TestSeeds(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(testcorpus.SharedDir(), "seeds", "expected.json"))
	if err != nil {
		t.Skip("shared seeds not present:", err)
	}
	var exp expected
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	for _, doc := range exp.Documents {
		t.Run(doc.File[:3], func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(testcorpus.SharedDir(), "seeds", doc.File))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Analyze(Document{Text: string(data)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkSpans(t, a)
			if a.Lang != doc.Lang {
				t.Errorf("lang = %q, want %q", a.Lang, doc.Lang)
			}
			if doc.Published != nil && (a.Published == nil || *a.Published != *doc.Published) {
				t.Errorf("published = %v, want %s", a.Published, *doc.Published)
			}
			for _, want := range doc.Dates {
				found := false
				for _, d := range a.Dates {
					if strings.HasPrefix(d.Value, want.Value) {
						found = true
					}
				}
				if !found {
					t.Errorf("date %q → %s not found", want.Text, want.Value)
				}
			}
			// Every entity the analyst names is found, and no other person.
			names := map[string]bool{}
			for _, e := range a.Entities {
				names[sameName(e.Name)] = true
			}
			expected := map[string]bool{}
			for _, want := range append(doc.Entities, doc.MayAlsoName...) {
				expected[sameName(want)] = true
			}
			for _, want := range doc.Entities {
				if !names[sameName(want)] {
					t.Errorf("entity %q not found", want)
				}
			}
			for _, e := range a.Entities {
				if e.Kind == "person" && !expected[sameName(e.Name)] {
					t.Errorf("person %q reported, but the report names no such person", e.Name)
				}
			}
			golden(t, filepath.Join("testdata", strings.TrimSuffix(doc.File, ".txt")+".golden"), a)
		})
	}
}

// sameName folds the spellings the acceptance check treats as one name.
func sameName(n string) string {
	n = strings.ToLower(strings.NewReplacer("ğ", "g", "ü", "u", "-", " ").Replace(n))
	switch n {
	case "kremlin", "the kremlin":
		return "moscow kremlin"
	case "idlib", "idlib province":
		return "idlib governorate"
	case "türkiye", "turkiye":
		return "turkey"
	}
	return n
}

// golden compares an analysis with its golden file (rewritten with -update).
func golden(t *testing.T, path string, a *Analysis) {
	t.Helper()
	got, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("analysis differs from %s (run go test -update to accept):\n%s", path, firstDiff(string(want), string(got)))
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return "line " + itoa(i+1) + ":\n- " + al[i] + "\n+ " + bl[i]
		}
	}
	return "lengths differ"
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestDeterministic(t *testing.T) {
	doc := Document{Text: "رئیس جمهوری روسیه روز دوشنبه با همتای ترکیه‌ای خود گفت‌وگو کرد.", Published: "2021-11-03"}
	a1, err := Analyze(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	a2, _ := Analyze(doc, Options{})
	j1, _ := json.Marshal(a1)
	j2, _ := json.Marshal(a2)
	if string(j1) != string(j2) {
		t.Error("two analyses of one document differ")
	}
	if len(a1.Dates) != 1 || a1.Dates[0].Value != "2021-11-01" {
		t.Errorf("dates = %+v", a1.Dates)
	}
}

func TestPublishedSources(t *testing.T) {
	tests := []struct {
		name            string
		doc             Document
		opts            Options
		published, from string
	}{
		{"input field", Document{Text: "خبر", Published: "2021-11-01T23:56:00+03:30"}, Options{}, "2021-11-01", "input"},
		{"option overrides field", Document{Text: "خبر", Published: "2021-11-01"}, Options{Published: "2020-01-02"}, "2020-01-02", "input"},
		{"dateline", Document{Text: "تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\nخبر"}, Options{}, "2021-11-01", "dateline"},
		{"url", Document{Text: "خبر بدون تاریخ", URL: "https://example.com/news/2020/11/10/story"}, Options{}, "2020-11-10", "url"},
		{"none", Document{Text: "خبر بدون تاریخ"}, Options{}, "", "none"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Analyze(tt.doc, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if a.Published != nil {
				got = *a.Published
			}
			if got != tt.published || a.PublishedSource != tt.from {
				t.Errorf("published %q from %s, want %q from %s", got, a.PublishedSource, tt.published, tt.from)
			}
		})
	}
	a, _ := Analyze(Document{Text: "تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\nخبر"}, Options{})
	if a.PublishedTime != "2021-11-01T23:56:00+03:30" {
		t.Errorf("published_time = %q", a.PublishedTime)
	}
}

func TestBadInput(t *testing.T) {
	a, err := Analyze(Document{}, Options{})
	if err != nil {
		t.Fatalf("empty document: %v", err)
	}
	if a.Entities == nil || a.Dates == nil || a.Events == nil || a.Sentences == nil {
		t.Errorf("empty document gave nil lists: %+v", a)
	}
	b, _ := json.Marshal(a)
	if !strings.Contains(string(b), `"entities":[]`) || !strings.Contains(string(b), `"published":null`) {
		t.Errorf("empty analysis JSON: %s", b)
	}

	_, err = Analyze(Document{Text: strings.Repeat("خبر ", 100)}, Options{MaxBytes: 100})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("large document: err = %v, want ErrTooLarge", err)
	}
	_, err = Analyze(Document{Text: "PK\x03\x04\x00\x00binary"}, Options{})
	if !errors.Is(err, ErrBinary) {
		t.Errorf("binary document: err = %v, want ErrBinary", err)
	}
	a, err = Analyze(Document{Text: "پوتین\xff\xfe گفت ۱۰ آبان ۱۴۰۰"}, Options{})
	if err != nil {
		t.Fatalf("invalid UTF-8: %v", err)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Text, "\uFFFD") {
		t.Errorf("invalid UTF-8 not repaired and reported: %q %v", a.Text, a.Warnings)
	}
	checkSpans(t, a)
	if _, err := Analyze(Document{Text: "x", Published: "yesterday"}, Options{}); err == nil {
		t.Error("bad published date accepted")
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"\n\n## گفت و گوی پوتین و اردوغان با محور توافق قرهباغ و کرونا\n\nمتن خبر.", "گفت و گوی پوتین و اردوغان با محور توافق قرهباغ و کرونا"},
		{"Ru En\n\nبوتين يبحث مع أردوغان الاتفاقيات الأخيرة\n\n١١ نوفمبر ٢٠٢٠", "بوتين يبحث مع أردوغان الاتفاقيات الأخيرة"},
		{"کد خبر 1293642\nتاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\n\nمسکو - ایرنا- سرگئی لاوروف گفت و گو کرد.", ""},
	}
	for _, tt := range tests {
		a, err := Analyze(Document{Text: tt.in}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if a.Title != nil {
			got = *a.Title
		}
		if got != tt.want {
			t.Errorf("title of %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHTMLDocument(t *testing.T) {
	page := `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>بوتين يبحث مع أردوغان</title>
<meta property="article:published_time" content="2020-11-11T10:00:00+03:00"></head><body>
<nav><a href="/">الرئيسية</a></nav><article><h1>بوتين يبحث مع أردوغان الاتفاقيات الأخيرة</h1>
<p>ناقش الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب إردوغان، خلال محادثة هاتفية بمبادرة من الجانب التركي، الاتفاقات الأخيرة بشأن وقف إطلاق النار في ناغورني قره باغ.</p>
<p>وجاء في بيان المكتب الصحفي في الكرملين أن الاتفاقات تم توثيقها في بيان ثلاثي بتاريخ 9 نوفمبر 2020، وأشاد إردوغان بجهود الوساطة الروسية.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>`
	a, err := Analyze(Document{HTML: page}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Text, "ناقش الرئيس الروسي") || strings.Contains(a.Text, "جميع الحقوق") {
		t.Errorf("main text = %q", a.Text)
	}
	if a.Published == nil || *a.Published != "2020-11-11" || a.PublishedSource != "dateline" {
		t.Errorf("published = %v from %s", a.Published, a.PublishedSource)
	}
	if a.Lang != "ar" {
		t.Errorf("lang = %s", a.Lang)
	}
	checkSpans(t, a)
}

func FuzzAnalyze(f *testing.F) {
	f.Add("تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\nپوتین روز دوشنبه گفت.", "", "fa")
	f.Add("١١ نوفمبر ٢٠٢٠\nقال الكرملين أمس", "2020-11-11", "ar")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, s, published, lang string) {
		a, err := Analyze(Document{Text: s, Published: published, Lang: lang}, Options{MaxBytes: 1 << 16})
		if err != nil {
			return
		}
		checkSpans(t, a)
	})
}

// BenchmarkAnalyze measures a whole analysis per document on real news.
func BenchmarkAnalyze(b *testing.B) {
	sets, err := testcorpus.BenchSets(2000)
	if err != nil {
		b.Skip(err)
	}
	for _, name := range []string{"saudinewsnet", "persian-news"} {
		arts := sets[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(testcorpus.Bytes(arts))
			for b.Loop() {
				for _, a := range arts {
					if _, err := Analyze(Document{ID: a.ID, URL: a.URL, Title: a.Title, Text: a.Text, Published: a.Published, Lang: a.Lang}, Options{}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(len(arts)*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
