package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/text"
)

func day0(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func resolveText(s, lang, anchor string) []Date {
	display, _ := text.Display(s)
	return Resolve(Find(display, text.Key(display), lang), day0(anchor))
}

// The forms of design/text-and-dates.md, each in the context it came from.
func TestDesignTable(t *testing.T) {
	tests := []struct {
		name, lang, anchor, in string
		text, value, cal, gran string
	}{
		{"dateline with time", "fa", "", "تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶", "۱۰ آبان ۱۴۰۰ - ۲۳:۵۶", "2021-11-01", "jalali", "day"},
		{"arabic-indic digits", "ar", "", "١١ نوفمبر ٢٠٢٠", "١١ نوفمبر ٢٠٢٠", "2020-11-11", "gregorian", "day"},
		{"jalali without year, anchored", "fa", "2021-04-09", "رئیس جمهور ترکیه در 20 فروردین طی تماس تلفنی", "20 فروردین", "2021-04-09", "jalali", "day"},
		{"ordinal day and transliterated month", "fa", "", "روند اجرای بیانیه نهم ماه نوامبر سال ۲۰۲۰ سه کشور", "نهم ماه نوامبر سال ۲۰۲۰", "2020-11-09", "gregorian", "day"},
		{"weekday on the anchor", "fa", "2021-11-01", "وزارت امور خارجه روسیه روز دوشنبه در بیانیه ای اعلام کرد", "روز دوشنبه", "2021-11-01", "gregorian", "day"},
		{"jalali month with ماه, year from the anchor", "fa", "2021-11-01", "در این رابطه روز ۲۰ مهر ماه ولادیمیر پوتین", "۲۰ مهر ماه", "2021-10-12", "jalali", "day"},
		{"one-letter slip with its twin", "ar", "2020-11-11", "يُذكر أن 9 توفمبر/تشرين الثاني الجاري شهد توقيع", "9 توفمبر/تشرين الثاني الجاري", "2020-11-09", "gregorian", "day"},
		{"levantine twin", "ar", "2020-10-01", "اندلعت المعارك في 27 أيلول/ سبتمبر الماضي", "27 أيلول/ سبتمبر الماضي", "2020-09-27", "gregorian", "day"},
		{"lunar hijri", "ar", "", "صدر القرار في ١٥ رمضان ١٤٤٢ هـ", "١٥ رمضان ١٤٤٢ ه", "2021-04-27", "hijri", "day"},
		{"arabic yesterday", "ar", "2020-11-11", "قال الكرملين أمس إن", "أمس", "2020-11-10", "gregorian", "day"},
		{"arabic two weeks ago", "ar", "2020-11-11", "وقع الاتفاق منذ أسبوعين", "منذ أسبوعين", "2020-10-28", "gregorian", "week"},
		{"arabic last week", "ar", "2020-11-11", "خلال الأسبوع الماضي", "الأسبوع الماضي", "2020-11-04", "gregorian", "week"},
		{"persian yesterday", "fa", "2021-11-01", "دیروز اعلام شد", "دیروز", "2021-10-31", "gregorian", "day"},
		{"persian two weeks ago", "fa", "2021-11-01", "پوتین دو هفته پیش نیز با پاشینیان دیدار کرد", "دو هفته پیش", "2021-10-18", "gregorian", "week"},
		{"persian last year is jalali", "fa", "2021-11-01", "درگیری‌های سال گذشته", "سال گذشته", "2020", "jalali", "year"},
		{"persian last month", "fa", "2021-11-15", "ماه گذشته توافق شد", "ماه گذشته", "2021-10", "gregorian", "month"},
		{"range of days", "fa", "", "نمایشگاه از ۹ تا ۱۱ آبان ۱۴۰۰ برگزار شد", "۹ تا ۱۱ آبان ۱۴۰۰", "2021-10-31", "jalali", "day"},
		{"two days of a month, arabic glued و", "ar", "2022-05-18", "سيقوم بزيارة رسمية إلى إسرائيل في 24 و25 مايو (أيار) الجاري.", "24 و25 مايو (أيار) الجاري", "2022-05-24", "gregorian", "day"},
		{"two days of a month, english", "en", "", "talks on 24 and 25 May 2022 in Geneva", "24 and 25 May 2022", "2022-05-24", "gregorian", "day"},
		{"arabic tomorrow evening", "ar", "2023-09-19", "من المنتظر أن يصل وفد إلى الرياض مساء غد، في أول زيارة", "مساء غد", "2023-09-20", "gregorian", "day"},
		{"english", "en", "", "On 9 November 2020 the leaders signed", "9 November 2020", "2020-11-09", "gregorian", "day"},
		{"english month first", "en", "", "The call took place on November 9, 2020.", "November 9, 2020", "2020-11-09", "gregorian", "day"},
		{"english today", "en", "2021-04-09", "The leaders spoke today.", "today", "2021-04-09", "gregorian", "day"},
		{"numeric jalali", "fa", "", "بخشنامه مورخ ۱۴۰۰/۰۸/۱۰ ابلاغ شد", "۱۴۰۰/۰۸/۱۰", "2021-11-01", "jalali", "day"},
		{"numeric gregorian", "ar", "", "بتاريخ 10/11/2020 أعلنت الوزارة", "10/11/2020", "2020-11-10", "gregorian", "day"},
		{"month and year", "fa", "", "در ماه نوامبر سال ۲۰۲۰ امضا شد", "ماه نوامبر سال ۲۰۲۰", "2020-11", "gregorian", "month"},
		{"last may", "ar", "2020-11-11", "ناقشت في مايو/أيار الماضي مسألة", "مايو/أيار الماضي", "2020-05", "gregorian", "month"},
		{"year with cue", "fa", "", "بر اساس بیانیه سوچی سال 2018", "سال 2018", "2018", "gregorian", "year"},
		{"historical year range", "fa", "", "درگیری های نظامی سالهای ۱۹۹۲ الی ۱۹۹۴ میلادی", "سالهای ۱۹۹۲ الی ۱۹۹۴ میلادی", "1992", "gregorian", "year"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolveText(tt.in, tt.lang, tt.anchor)
			if len(got) != 1 {
				t.Fatalf("%q: found %d dates: %+v", tt.in, len(got), got)
			}
			d := got[0]
			if d.Text != tt.text || d.Value != tt.value || d.Calendar.String() != tt.cal || d.Granularity != tt.gran {
				t.Errorf("%q:\n got %q %s %s %s\nwant %q %s %s %s", tt.in, d.Text, d.Value, d.Calendar, d.Granularity, tt.text, tt.value, tt.cal, tt.gran)
			}
			display, _ := text.Display(tt.in)
			if display[d.Start:d.End] != d.Text {
				t.Errorf("span [%d,%d) is %q, text %q", d.Start, d.End, display[d.Start:d.End], d.Text)
			}
		})
	}
}

// Traps that peers fall into: none of these is a date.
func TestNotDates(t *testing.T) {
	tests := []struct{ lang, in string }{
		{"fa", "او می‌گوید که مذاکرات ادامه دارد"},
		{"fa", "او می گوید که مذاکرات ادامه دارد و می رود"},
		{"fa", "رجب طیب اردوغان رئیس جمهور ترکیه"},
		{"fa", "کد خبر 1293642"},
		{"fa", "۲۰۱۸ نفر در این تظاهرات شرکت کردند"},
		{"fa", "دستور با مهر وزارتخانه صادر شد"},
		{"ar", "سجل الفريق صفر نقاط في المباراة"},
		{"ar", "انقطعت مياه الشرب عن الحي"},
		{"ar", "نشرت صحيفة اليوم تقريرا"},
		{"ar", "احتفلت المملكة باليوم الوطني"},
		{"en", "The score was 2-1 after extra time."},
		{"en", "Version 1.2.3 was released"},
		{"fa", "در دو سال گذشته"}, // the past two years: no anchor, and not "last year"
	}
	for _, tt := range tests {
		if got := resolveText(tt.in, tt.lang, ""); len(got) != 0 {
			t.Errorf("%q: found %+v", tt.in, got)
		}
	}
	// With an anchor relative words resolve, but not these.
	for _, tt := range []struct{ lang, in string }{
		{"fa", "او می گوید"},
		{"ar", "وصل الوفد قبل أيام إلى الرياض"},
		{"ar", "يعمل في المنطقة منذ سنوات"},
		{"ar", "خلال الأيام الماضية"},
		{"en", "in recent days and weeks ago"},
	} {
		if got := resolveText(tt.in, tt.lang, "2021-05-05"); len(got) != 0 {
			t.Errorf("%q read as %+v", tt.in, got)
		}
	}
	// «دو شنبه» is Monday, never Saturday.
	got := resolveText("روز دو شنبه دیدار کردند", "fa", "2021-11-03")
	if len(got) != 1 || got[0].Value != "2021-11-01" {
		t.Errorf("«دو شنبه» = %+v, want Monday 2021-11-01", got)
	}
}

// A year-less date takes its year from the document's own dates, never from
// the machine's clock.
func TestYearFromContext(t *testing.T) {
	in := "بیانیه نهم ماه نوامبر سال ۲۰۲۰ در نشست یازدهم ماه ژانویه بررسی شد"
	got := resolveText(in, "fa", "")
	var values []string
	for _, d := range got {
		values = append(values, d.Value)
	}
	if strings.Join(values, " ") != "2020-11-09 2021-01-11" {
		t.Errorf("values = %v", values)
	}
	if !got[1].InferredYear {
		t.Errorf("year of %q not marked inferred", got[1].Text)
	}
	if got := resolveText("نشست یازدهم ماه ژانویه", "fa", ""); len(got) != 0 {
		t.Errorf("a year-less date with no context resolved to %+v", got)
	}
}

func TestTimeAndZone(t *testing.T) {
	tests := []struct{ in, lang, time, tz string }{
		{"تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶", "fa", "23:56", "+03:30"},
		{"تاریخ انتشار: ۱۰ تیر ۱۴۰۰ - ۰۸:۱۵", "fa", "08:15", "+04:30"},
		{"11 نوفمبر 2020 الساعة 10:30 بتوقيت غرينتش", "ar", "10:30", "+00:00"},
		{"November 9, 2020 9:15 p.m. GMT+3", "en", "21:15", "+03:00"},
		{"۲۳:۵۶ - ۱۴۰۰/۰۸/۱۰", "fa", "23:56", "+03:30"},
	}
	for _, tt := range tests {
		got := resolveText(tt.in, tt.lang, "")
		if len(got) != 1 || got[0].Time != tt.time || got[0].TZ != tt.tz {
			t.Errorf("%q: %+v, want time %s zone %s", tt.in, got, tt.time, tt.tz)
		}
	}
}

func TestLexiconData(t *testing.T) {
	lx, err := parseLexicon(lexiconData)
	if err != nil {
		t.Fatal(err)
	}
	// Every calendar has its twelve months, and every weekday is named in
	// each language.
	months := map[Calendar]map[int]bool{}
	weekdays := map[langMask]map[int]bool{}
	for _, list := range lx.byFirst {
		for _, e := range list {
			switch e.cat {
			case catMonth:
				if months[e.cal] == nil {
					months[e.cal] = map[int]bool{}
				}
				months[e.cal][e.n] = true
			case catWeekday:
				if weekdays[e.langs] == nil {
					weekdays[e.langs] = map[int]bool{}
				}
				weekdays[e.langs][e.n] = true
			}
		}
	}
	for _, c := range []Calendar{Gregorian, Jalali, Hijri} {
		if len(months[c]) != 12 {
			t.Errorf("%s has %d months", c, len(months[c]))
		}
	}
	for _, l := range []langMask{langFa, langAr, langEn} {
		if len(weekdays[l]) != 7 {
			t.Errorf("language %d has %d weekdays", l, len(weekdays[l]))
		}
	}
	for _, bad := range []string{"month\tgregorian:13\tfa\tx", "nope\t1\tfa\tx", "month\tgregorian:1\txx\tx", "month\tgregorian:1"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q) accepted a bad line", bad)
		}
	}
}

func TestCalendarConversion(t *testing.T) {
	tests := []struct {
		cal     Calendar
		y, m, d int
		want    string
		ok      bool
	}{
		{Jalali, 1400, 8, 10, "2021-11-01", true},
		{Jalali, 1400, 1, 20, "2021-04-09", true},
		{Jalali, 1399, 12, 30, "2021-03-20", true}, // 1399 is a leap year
		{Jalali, 1400, 12, 30, "", false},
		{Jalali, 1400, 7, 31, "", false},
		{Hijri, 1442, 9, 15, "2021-04-27", true},
		{Gregorian, 2021, 2, 29, "", false},
	}
	for _, tt := range tests {
		got, ok := toGregorian(tt.cal, tt.y, tt.m, tt.d)
		if ok != tt.ok || ok && got.Format("2006-01-02") != tt.want {
			t.Errorf("%s %d-%d-%d = %v %v, want %s %v", tt.cal, tt.y, tt.m, tt.d, got, ok, tt.want, tt.ok)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"۱۰ آبان ۱۴۰۰ - ۲۳:۵۶", "9 توفمبر/تشرين الثاني", "منذ أسبوعين", "10:30", "2020-11-", "(", "سال", "12:", "+03:30"} {
		f.Add(s, "fa")
		f.Add(s, "ar")
	}
	f.Fuzz(func(t *testing.T, s, lang string) {
		display, _ := text.Display(s)
		ms := Find(display, text.Key(display), lang)
		prev := 0
		for _, m := range ms {
			if m.Start < prev || m.End <= m.Start || m.End > len(display) || display[m.Start:m.End] != m.Text {
				t.Fatalf("bad mention %+v in %q", m, display)
			}
			prev = m.End
		}
		for _, anchor := range []time.Time{{}, day0("2021-11-01")} {
			for _, d := range Resolve(ms, anchor) {
				if d.Value == "" || d.Day.IsZero() {
					t.Fatalf("empty value for %+v", d)
				}
			}
		}
	})
}
