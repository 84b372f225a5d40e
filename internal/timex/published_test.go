package timex

import (
	"testing"

	"github.com/rasad/rasad/internal/text"
)

func TestDateline(t *testing.T) {
	tests := []struct {
		name, lang, in, want, evidence string
	}{
		{"labelled persian dateline", "fa", "کد خبر 1293642\nتاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\n\nمسکو - ایرنا- سرگئی لاوروف در ۹ نوامبر ۲۰۲۰ گفت.", "2021-11-01", "۱۰ آبان ۱۴۰۰ - ۲۳:۵۶"},
		{"date alone on its line", "ar", "Ru En\n\nبوتين يبحث مع أردوغان\n\n١١ نوفمبر ٢٠٢٠\n\nناقش الرئيس الروسي في 9 نوفمبر 2020.", "2020-11-11", "١١ نوفمبر ٢٠٢٠"},
		{"two calendars on one line", "ar", "عنوان الخبر\nالسبت 19 شعبان 1444هـ الموافق 11 مارس 2023م\nنص الخبر.", "2023-03-11", "السبت 19 شعبان 1444ه"},
		{"today naming its day", "fa", "گفتگوی تلفنی پوتین و اردوغان\nرجب طیب اردوغان امروز، 20 فروردین، طی تماس تلفنی با پوتین گفت‌وگو کرد. بیانیه ۱۱ ژانویه سال ۲۰۲۱ بررسی شد.", "2021-04-09", "امروز، 20 فروردین"},
		{"english dateline", "en", "Moscow, 11 January 2021\n\nPutin hosted the leaders.", "2021-01-11", "11 January 2021"},
		{"a date inside a sentence is not a dateline", "fa", "پوتین روز ۹ نوامبر ۲۰۲۰ بیانیه‌ای را با علی‌اف و پاشینیان امضا کرد که به جنگ پایان داد.", "", ""},
		{"no date", "fa", "پوتین و علی اف درباره قره باغ گفت و گو کردند", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			display, _ := text.Display(tt.in)
			k := text.Key(display)
			p, ok := Dateline(display, k, tt.lang, Find(display, k, tt.lang))
			if tt.want == "" {
				if ok {
					t.Fatalf("found dateline %v in %q", p.Day, display[p.Start:p.End])
				}
				return
			}
			if !ok {
				t.Fatal("no dateline found")
			}
			if got := p.Day.Format("2006-01-02"); got != tt.want {
				t.Errorf("day = %s, want %s", got, tt.want)
			}
			if got := display[p.Start:p.End]; got != tt.evidence {
				t.Errorf("evidence = %q, want %q", got, tt.evidence)
			}
		})
	}
}

func TestFromURL(t *testing.T) {
	tests := []struct{ url, want string }{
		{"https://www.irna.ir/news/2021/11/01/lavrov-mirzoyan", "2021-11-01"},
		{"https://example.com/ar/20201110/putin-erdogan.html", "2020-11-10"},
		{"https://example.com/2020-11-10-statement", "2020-11-10"},
		{"https://www.mashreghnews.ir/news/1293642/lavrov", ""},
		{"https://example.com/2020/13/45/x", ""},
		{"https://example.com/2020/11/", ""},
		{"", ""},
		{"::not a url", ""},
	}
	for _, tt := range tests {
		got, ok := FromURL(tt.url)
		if tt.want == "" {
			if ok {
				t.Errorf("FromURL(%q) = %v, want none", tt.url, got)
			}
			continue
		}
		if !ok || got.Format("2006-01-02") != tt.want {
			t.Errorf("FromURL(%q) = %v %v, want %s", tt.url, got, ok, tt.want)
		}
	}
}
