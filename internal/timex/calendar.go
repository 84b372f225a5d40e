package timex

import (
	"time"

	"github.com/hablullah/go-hijri"
	"github.com/jalaali/go-jalaali"
)

// Calendar is the calendar a date expression is written in.
type Calendar uint8

// Calendars rasad reads.
const (
	Gregorian Calendar = iota
	Jalali             // Solar Hijri, the civil calendar of Iran and Afghanistan
	Hijri              // lunar Hijri, Umm al-Qura where it is defined
)

func (c Calendar) String() string {
	switch c {
	case Jalali:
		return "jalali"
	case Hijri:
		return "hijri"
	}
	return "gregorian"
}

func parseCalendar(s string) (Calendar, bool) {
	switch s {
	case "gregorian":
		return Gregorian, true
	case "jalali":
		return Jalali, true
	case "hijri":
		return Hijri, true
	}
	return 0, false
}

// Umm al-Qura tables cover 1356–1500 AH (1937–2077); outside them the
// tabular calendar stands in.
var (
	ummAlQuraFirst = time.Date(1937, 3, 14, 0, 0, 0, 0, time.UTC)
	ummAlQuraLast  = time.Date(2077, 11, 16, 0, 0, 0, 0, time.UTC)
)

// day returns the civil day y-m-d as a UTC midnight time.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// toGregorian converts a date of calendar c to a Gregorian day, and reports
// false when the date does not exist (Esfand 30 of a common year, 31 Mehr,
// 30 of a 29-day lunar month…).
func toGregorian(c Calendar, y, m, d int) (time.Time, bool) {
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	switch c {
	case Gregorian:
		if y < 1 || y > 9999 {
			return time.Time{}, false
		}
		t := day(y, time.Month(m), d)
		return t, t.Day() == d
	case Jalali:
		if !jalaali.IsValidDate(y, m, d) || y < 1 || y > 3000 {
			return time.Time{}, false
		}
		gy, gm, gd, err := jalaali.ToGregorian(y, jalaali.Month(m), d)
		if err != nil {
			return time.Time{}, false
		}
		return day(gy, gm, gd), true
	case Hijri:
		if y < 1 || y > 2000 || d > 30 {
			return time.Time{}, false
		}
		if y >= 1356 && y <= 1500 {
			g := hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: int64(d)}.ToGregorian()
			g = day(g.Year(), g.Month(), g.Day())
			if back, err := hijri.CreateUmmAlQuraDate(g); err == nil && back.Day == int64(d) && back.Month == int64(m) {
				return g, true
			}
			return time.Time{}, false
		}
		g := hijri.HijriDate{Year: int64(y), Month: int64(m), Day: int64(d), Pattern: hijri.Default}.ToGregorian()
		g = day(g.Year(), g.Month(), g.Day())
		if back, err := hijri.CreateHijriDate(g, hijri.Default); err == nil && back.Day == int64(d) && back.Month == int64(m) {
			return g, true
		}
		return time.Time{}, false
	}
	return time.Time{}, false
}

// fromGregorian gives the year, month and day of a Gregorian day in calendar c.
func fromGregorian(c Calendar, t time.Time) (int, int, int) {
	switch c {
	case Jalali:
		y, m, d, err := jalaali.ToJalaali(t.Year(), t.Month(), t.Day())
		if err == nil {
			return y, int(m), d
		}
	case Hijri:
		if !t.Before(ummAlQuraFirst) && !t.After(ummAlQuraLast) {
			if h, err := hijri.CreateUmmAlQuraDate(t); err == nil {
				return int(h.Year), int(h.Month), int(h.Day)
			}
		}
		if h, err := hijri.CreateHijriDate(t, hijri.Default); err == nil {
			return int(h.Year), int(h.Month), int(h.Day)
		}
	}
	return t.Year(), int(t.Month()), t.Day()
}

// monthValue is the Gregorian month that stands for month m of year y in
// calendar c: the one holding its 15th day.
func monthValue(c Calendar, y, m int) (time.Time, bool) {
	return toGregorian(c, y, m, 15)
}

// yearValue is the Gregorian year that stands for year y of calendar c: the
// one holding the middle of that year.
func yearValue(c Calendar, y int) (int, bool) {
	if c == Gregorian {
		return y, y >= 1 && y <= 9999
	}
	t, ok := toGregorian(c, y, 6, 15)
	return t.Year(), ok
}

// plausibleYear reports whether a year written without an era is read in
// calendar c: years that news reports would name.
func plausibleYear(c Calendar, y int) bool {
	switch c {
	case Gregorian:
		return y >= 1000 && y <= 2200
	case Jalali:
		return y >= 1200 && y <= 1600
	case Hijri:
		return y >= 1200 && y <= 1600
	}
	return false
}
