package extract

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestHTML(t *testing.T) {
	for _, name := range []string{"arabic-article-utf8.html", "arabic-article-cp1256.html", "arabic-article-cp1256-nometa.html"} {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile("testdata/" + name)
			if err != nil {
				t.Fatal(err)
			}
			p, err := HTML(raw, Options{URL: "https://example.com/ar/world/putin-erdogan"})
			if err != nil {
				t.Fatal(err)
			}
			if !utf8.ValidString(p.Text) {
				t.Fatal("text is not UTF-8")
			}
			for _, must := range []string{"بحث الرئيس الروسي فلاديمير بوتين", "الإنتاج المشترك للقاحات"} {
				if !strings.Contains(p.Text, must) {
					t.Errorf("text lacks %q:\n%s", must, p.Text)
				}
			}
			for _, mustNot := range []string{"جميع الحقوق محفوظة", "الأكثر قراءة", "رياضة"} {
				if strings.Contains(p.Text, mustNot) {
					t.Errorf("text has boilerplate %q", mustNot)
				}
			}
			if !strings.Contains(p.Title, "بوتين وأردوغان يبحثان") {
				t.Errorf("title = %q", p.Title)
			}
			if got := p.Published.Format("2006-01-02"); got != "2020-11-11" {
				t.Errorf("published = %s", got)
			}
			if strings.Contains(name, "cp1256") && p.Encoding != "windows-1256" {
				t.Errorf("encoding = %s", p.Encoding)
			}
		})
	}
}

func TestHTMLWithoutText(t *testing.T) {
	_, err := HTML([]byte("<html><head><title>t</title></head><body> </body></html>"), Options{})
	if err == nil {
		t.Error("a page without text gave no error")
	}
}

func TestHTMLDateBoundedByNow(t *testing.T) {
	raw := []byte(`<html><head><meta property="article:published_time" content="2030-01-01"></head><body><article><p>` + strings.Repeat("متن خبر طولانی درباره مذاکرات. ", 20) + `</p></article></body></html>`)
	p, err := HTML(raw, Options{Now: time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if p.Published.Year() == 2030 {
		t.Errorf("a date after Now was accepted: %v", p.Published)
	}
}

func FuzzHTML(f *testing.F) {
	f.Add([]byte("<html><body><p>سلام</p></body></html>"))
	f.Add([]byte("<p>"))
	f.Add([]byte("\xff\xfe<html>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		if len(raw) > 4096 {
			return
		}
		p, err := HTML(raw, Options{})
		if err == nil && !utf8.ValidString(p.Text) {
			t.Fatalf("invalid UTF-8 text from %q", raw)
		}
	})
}
