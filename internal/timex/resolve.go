package timex

import (
	"fmt"
	"time"
)

// Date is a resolved date expression.
type Date struct {
	// Start and End are byte offsets of the expression in the display text.
	Start, End int
	// Text is the expression as written.
	Text string
	// Value is the Gregorian value: YYYY-MM-DD for a day or a week, YYYY-MM
	// for a month, YYYY for a year.
	Value string
	// ValueEnd is the last value of a range («۹ تا ۱۱ آبان»), else "".
	ValueEnd string
	// Calendar is the calendar the expression is written in.
	Calendar Calendar
	// Granularity is day, week, month or year.
	Granularity string
	// Time is the time of day written with the date ("23:56"), and TZ its
	// zone offset ("+03:30") when written or implied, else "".
	Time, TZ string
	// Relative marks expressions resolved against the anchor date.
	Relative bool
	// InferredYear marks dates whose year was not written.
	InferredYear bool
	// Typo marks a month name read through a one-letter slip.
	Typo bool
	// Day is the first Gregorian day the value covers (UTC midnight).
	Day time.Time
}

// Resolve turns mentions into Gregorian dates. anchor is the publication
// date (zero when unknown): relative expressions are resolved against it, and
// dropped without it. Dates written without a year take it from the anchor,
// else from the latest fully dated mention of the same text; a date that can
// be resolved neither way is dropped.
func Resolve(ms []Mention, anchor time.Time) []Date {
	var context time.Time
	for i := range ms {
		m := &ms[i]
		if m.form == formAbsolute && m.y != 0 && m.d != 0 {
			if t, ok := toGregorian(m.cal, m.y, m.m, m.d); ok && t.After(context) {
				context = t
			}
		}
	}
	out := make([]Date, 0, len(ms))
	for i := range ms {
		if d, ok := resolveOne(&ms[i], anchor, context); ok {
			out = append(out, d)
		}
	}
	return out
}

func resolveOne(m *Mention, anchor, context time.Time) (Date, bool) {
	d := Date{Start: m.Start, End: m.End, Text: m.Text, Calendar: m.cal, Granularity: m.granularity(), Typo: m.typo}
	if m.hour >= 0 {
		d.Time = fmt.Sprintf("%02d:%02d", m.hour, m.minute)
		d.TZ = m.tz
	}
	hasAnchor := !anchor.IsZero()
	switch m.form {
	case formRelDay:
		if !hasAnchor {
			return d, false
		}
		d.Calendar, d.Relative = Gregorian, true
		return d.at(anchor.AddDate(0, 0, m.offset)), true
	case formWeekday:
		if !hasAnchor {
			return d, false
		}
		d.Calendar, d.Relative = Gregorian, true
		return d.at(weekdayNear(anchor, time.Weekday(m.weekday), m.wdMode)), true
	case formRelUnit:
		if !hasAnchor {
			return d, false
		}
		d.Calendar, d.Relative = Gregorian, true
		switch m.unit {
		case unitDay:
			return d.at(anchor.AddDate(0, 0, m.offset)), true
		case unitWeek:
			return d.at(anchor.AddDate(0, 0, 7*m.offset)), true
		case unitMonth:
			t := day(anchor.Year(), anchor.Month()+time.Month(m.offset), 1)
			return d.at(t), true
		}
		return resolveRelYear(d, m, anchor)
	}
	return resolveAbsolute(d, m, anchor, context)
}

// resolveRelYear resolves «سال گذشته» / «العام الماضي» / "next year": in a
// Persian text the Solar Hijri year, else the Gregorian one.
func resolveRelYear(d Date, m *Mention, anchor time.Time) (Date, bool) {
	if m.cal == Jalali {
		y, _, _ := fromGregorian(Jalali, anchor)
		gy, ok := yearValue(Jalali, y+m.offset)
		if !ok {
			return d, false
		}
		d.Calendar = Jalali
		t, _ := toGregorian(Jalali, y+m.offset, 1, 1)
		d.Day, d.Value = t, fmt.Sprintf("%04d", gy)
		return d, true
	}
	y := anchor.Year() + m.offset
	d.Day, d.Value = day(y, 1, 1), fmt.Sprintf("%04d", y)
	return d, true
}

// at sets a day value.
func (d Date) at(t time.Time) Date {
	d.Day = t
	switch d.Granularity {
	case GranMonth:
		d.Value = t.Format("2006-01")
	case GranYear:
		d.Value = t.Format("2006")
	default:
		d.Value = t.Format("2006-01-02")
	}
	return d
}

// weekdayNear finds the weekday wd near the anchor: mode 0 the latest on or
// before it, -1 the latest strictly before, +1 the first strictly after.
func weekdayNear(anchor time.Time, wd time.Weekday, mode int) time.Time {
	back := (int(anchor.Weekday()) - int(wd) + 7) % 7
	switch mode {
	case -1:
		if back == 0 {
			back = 7
		}
		return anchor.AddDate(0, 0, -back)
	case 1:
		fwd := (int(wd) - int(anchor.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		return anchor.AddDate(0, 0, fwd)
	}
	return anchor.AddDate(0, 0, -back)
}

// resolveAbsolute resolves a calendar date, month or year, inferring a
// missing year.
func resolveAbsolute(d Date, m *Mention, anchor, context time.Time) (Date, bool) {
	y := m.y
	if y == 0 {
		var ok bool
		y, ok = inferYear(m, anchor, context)
		if !ok {
			return d, false
		}
		d.InferredYear = true
	}
	switch {
	case m.d != 0:
		t, ok := toGregorian(m.cal, y, m.m, m.d)
		if !ok {
			return d, false
		}
		d = d.at(t)
		if m.hasRange {
			y2 := y
			if m.y2 != 0 {
				y2 = m.y2
			} else if m.m2 < m.m {
				y2++
			}
			if t2, ok := toGregorian(m.cal, y2, m.m2, m.d2); ok && t2.After(t) {
				d.ValueEnd = t2.Format("2006-01-02")
			}
		}
		if d.Time != "" && d.TZ == "" && m.cal == Jalali {
			d.TZ = iranOffset(y, m.m)
		}
	case m.m != 0:
		t, ok := monthValue(m.cal, y, m.m)
		if !ok {
			return d, false
		}
		d.Day, d.Value = t, t.Format("2006-01")
		if first, ok := toGregorian(m.cal, y, m.m, 1); ok {
			d.Day = first
		}
	default:
		gy, ok := yearValue(m.cal, y)
		if !ok {
			return d, false
		}
		d.Value = fmt.Sprintf("%04d", gy)
		d.Day, _ = toGregorian(m.cal, y, 1, 1)
		if m.hasRange {
			if gy2, ok := yearValue(m.cal, m.y2); ok {
				d.ValueEnd = fmt.Sprintf("%04d", gy2)
			}
		}
	}
	return d, true
}

// inferYear picks the year of a date written without one. With an anchor:
// the occurrence nearest to it, a future one counting double its distance
// (news mostly looks back), or the one the direction word asks for
// («الماضي», «الجاري», «المقبل»), or the anchor's year shifted by a relative
// year («سال گذشته»). Without an anchor: the first occurrence on or after the
// latest fully dated mention of the text.
func inferYear(m *Mention, anchor, context time.Time) (int, bool) {
	if !anchor.IsZero() {
		ay, am, _ := fromGregorian(m.cal, anchor)
		if m.hasYearRel {
			return ay + m.yearRel, true
		}
		best, bestCost := 0, 1<<30
		for y := ay - 1; y <= ay+1; y++ {
			var diff int // in days for a day, in months for a month
			if m.d != 0 {
				t, ok := toGregorian(m.cal, y, m.m, m.d)
				if !ok {
					continue
				}
				diff = int(t.Sub(anchor).Hours() / 24)
			} else {
				diff = (y*12 + m.m) - (ay*12 + am)
			}
			if m.hasDir {
				switch {
				case m.dir < 0 && diff >= 0:
					continue
				case m.dir > 0 && diff <= 0:
					continue
				case m.dir == 0 && (m.d == 0 && diff != 0 || m.d != 0 && y != ay):
					continue
				}
			}
			cost := -diff
			if diff > 0 {
				cost = 2 * diff
			}
			if cost < bestCost {
				best, bestCost = y, cost
			}
		}
		return best, best != 0
	}
	if context.IsZero() || m.hasYearRel || m.hasDir {
		return 0, false
	}
	cy, _, _ := fromGregorian(m.cal, context)
	for y := cy; y <= cy+1; y++ {
		d := m.d
		if d == 0 {
			d = 28 // a month counts when it ends on or after the context
		}
		if t, ok := toGregorian(m.cal, y, m.m, d); ok && !t.Before(context) {
			return y, true
		}
	}
	return 0, false
}

// iranOffset is Iran's UTC offset on a Solar Hijri day: +04:30 in the first
// six months of the years that kept summer time (until 1401, but for 1385 and
// 1386), else +03:30.
func iranOffset(y, m int) string {
	if m <= 6 && y <= 1401 && y >= 1370 && y != 1385 && y != 1386 {
		return "+04:30"
	}
	return "+03:30"
}
