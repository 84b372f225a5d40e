package timex

// form says how a date expression is built.
type form uint8

const (
	formAbsolute form = iota // a calendar date, month or year, possibly without its year
	formRelDay               // امروز, أمس, tomorrow
	formWeekday              // روز دوشنبه, الاثنين الماضي
	formRelUnit              // دو هفته پیش, منذ أسبوعين, last month, پارسال
)

// Granularity of a date value.
const (
	GranDay   = "day"
	GranWeek  = "week"
	GranMonth = "month"
	GranYear  = "year"
)

// Mention is a date expression found in a text, parsed but not yet resolved
// to a Gregorian value.
type Mention struct {
	// Start and End are byte offsets of the expression in the display text.
	Start, End int
	// Text is the expression as written.
	Text string

	form     form
	cal      Calendar
	y, m, d  int  // as written; y == 0 when no year, d == 0 for a month, m == 0 for a year
	y2, m2   int  // end of a range (y2 == 0: same year as the start)
	d2       int  //
	hasRange bool //
	era      bool // the year carried an era word

	yearRel    int  // «سال گذشته» after a day and month: the anchor's year + yearRel
	hasYearRel bool //
	dir        int  // «الماضي» / «الجاري» / «المقبل» after a month
	hasDir     bool //

	offset  int  // relative days, weeks, months or years (signed)
	unit    unit // for formRelUnit
	weekday int  // for formWeekday, 0 = Sunday
	wdMode  int  // -1 strictly before, 0 on or before, +1 strictly after the anchor

	hour, minute int // -1 when no time
	tz           string
	typo         bool // a month name read through a one-letter slip
}

// granularity of the mention's value.
func (m *Mention) granularity() string {
	switch m.form {
	case formRelDay, formWeekday:
		return GranDay
	case formRelUnit:
		switch m.unit {
		case unitDay:
			return GranDay
		case unitWeek:
			return GranWeek
		case unitMonth:
			return GranMonth
		}
		return GranYear
	}
	switch {
	case m.d != 0:
		return GranDay
	case m.m != 0:
		return GranMonth
	}
	return GranYear
}

// IsToday reports whether the mention says "today" (امروز, اليوم, today).
func (m *Mention) IsToday() bool { return m.form == formRelDay && m.offset == 0 }

// IsAbsoluteDay reports whether the mention names a calendar day, with or
// without its year.
func (m *Mention) IsAbsoluteDay() bool { return m.form == formAbsolute && m.d != 0 }
