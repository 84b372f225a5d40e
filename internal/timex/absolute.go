package timex

import (
	"github.com/rasad/rasad/internal/text"

	"unicode/utf8"
)

// absolute parses a calendar date, month or year at i, with a time after it.
func (p *parser) absolute(i int) (Mention, int, bool) {
	var best Mention
	bestEnd := i
	try := func(m Mention, end int, ok bool) {
		if ok && end > bestEnd {
			best, bestEnd = m, end
		}
	}
	try(p.dayMonth(i))
	try(p.monthDay(i))
	try(p.monthYear(i))
	try(p.numeric(i))
	try(p.yearOnly(i))
	if bestEnd == i {
		return best, i, false
	}
	if best.d != 0 {
		if h, mi, tz, end, ok := p.timeOfDay(bestEnd, true); ok {
			best.hour, best.minute, best.tz = h, mi, tz
			bestEnd = end
		}
	}
	return best, bestEnd, true
}

// day reads a day of the month at i: a number 1–31 (with an English ordinal
// suffix) or an ordinal word.
func (p *parser) day(i int) (int, int, bool) {
	if n, digits, ok := p.number(i); ok {
		if digits > 2 || n < 1 || n > 31 {
			return 0, i, false
		}
		end := i + 1
		switch p.word(end) {
		case "st", "nd", "rd", "th":
			if p.glued(end) {
				end++
			}
		}
		return n, end, true
	}
	if p.kind(i) == text.Number {
		return 0, i, false
	}
	if e, end := p.lex.match(p, i, catOrdinal); e != nil {
		return e.n, end, true
	}
	return 0, i, false
}

// month reads a month name at i, with its twin («أيلول/ سبتمبر»,
// «تشرين الثاني/نوفمبر»). With slips allowed (after a day number), a word one
// letter away from a month name is read as that month; the caller confirms
// it by its twin or a year.
func (p *parser) month(i int, slips bool) (cal Calendar, m, end int, typo, twin bool, ok bool) {
	e, end := p.lex.match(p, i, catMonth)
	if e == nil {
		e = p.conjoined(i)
		end = i + 1
	}
	if e == nil && slips {
		e = p.slip(i)
		end, typo = i+1, true
	}
	if e == nil {
		return 0, 0, i, false, false, false
	}
	// Persian writes «مهر ماه», «آذر ماه سال ۱۳۳۲».
	if p.word(end) == "ماه" && p.langs&langFa != 0 {
		end++
	}
	// A twin name after / - or in brackets.
	if p.isPunct(end, "/-(") {
		if e2, end2 := p.lex.match(p, end+1, catMonth); e2 != nil && e2.n == e.n && e2.cal == e.cal {
			end = end2
			if p.word(end-len(e2.words)-1) == "(" && p.isPunct(end, ")") {
				end++
			}
			twin = true
		}
	}
	return e.cal, e.n, end, typo, twin, true
}

// conjoined reads an Arabic month name with the conjunction و glued to it
// («ويناير»).
func (p *parser) conjoined(i int) *entry {
	w := p.word(i)
	if p.langs&langAr == 0 || p.kind(i) != text.Word || len(w) < 6 || w[:2] != "و" {
		return nil
	}
	for _, e := range p.lex.byFirst[w[2:]] {
		if e.cat == catMonth && len(e.words) == 1 && e.langs&p.langs != 0 {
			return e
		}
	}
	return nil
}

// slip finds the month name one edit away from the word at i, if exactly one
// month is that close.
func (p *parser) slip(i int) *entry {
	if p.kind(i) != text.Word {
		return nil
	}
	w := p.word(i)
	if utf8.RuneCountInString(w) < 5 {
		return nil
	}
	var found *entry
	for _, e := range p.lex.months {
		if e.langs&p.langs == 0 || !oneEdit(w, e.words[0]) {
			continue
		}
		if found != nil && (found.n != e.n || found.cal != e.cal) {
			return nil
		}
		found = e
	}
	return found
}

// oneEdit reports whether a and b differ by exactly one substitution,
// insertion or deletion of a letter.
func oneEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		diff := 0
		for k := range ra {
			if ra[k] != rb[k] {
				diff++
			}
		}
		return diff == 1
	case 1:
		k := 0
		for k < len(rb) && ra[k] == rb[k] {
			k++
		}
		return string(ra[k+1:]) == string(rb[k:])
	}
	return false
}

// yearPart reads what may follow a month: a year («سال ۲۰۲۰», «2020م»,
// «(2009) 2020»), a relative year («سال گذشته», «العام الماضي») or a
// direction («الماضي», «الجاري»).
type yearPart struct {
	y      int
	cal    Calendar
	era    bool
	rel    int
	hasRel bool
	dir    int
	hasDir bool
	end    int
	found  bool
}

func (p *parser) yearPart(i int, cal Calendar) yearPart {
	yp := yearPart{end: i}
	j := i
	if p.isPunct(j, ",،") {
		j++
	}
	// «9 نوفمبر (2009) 2020»: skip a short bracket when a year follows it.
	if p.isPunct(j, "(") {
		for k := j + 1; k < len(p.toks) && k <= j+4; k++ {
			if p.isPunct(k, ")") {
				if y, end, ok := p.year(k+1, cal); ok {
					yp.y, yp.end, yp.found = y, end, true
					return p.era(yp)
				}
				break
			}
		}
	}
	k := j
	if _, end := p.lex.match(p, k, catYearCue); end > k {
		k = end
	}
	if y, end, ok := p.year(k, cal); ok {
		yp.y, yp.end, yp.found = y, end, true
		return p.era(yp)
	}
	// «سال گذشته», «العام الماضي», "last year", «پارسال».
	if u, end := p.lex.match(p, j, catUnit); u != nil && u.unit == unitYear && u.n == 0 {
		if d, end2 := p.lex.match(p, end, catDir); d != nil {
			yp.rel, yp.hasRel, yp.end, yp.found = d.n, true, end2, true
			return yp
		}
	}
	if d, end := p.lex.match(p, j, catDir); d != nil {
		u, end2 := p.lex.match(p, end, catUnit)
		switch {
		case u != nil && u.unit == unitYear && d.langs&langEn != 0: // "last year"
			yp.rel, yp.hasRel, yp.end, yp.found = d.n, true, end2, true
			return yp
		case d.langs&langEn == 0 && j == i: // «الماضي», «الجاري»
			yp.dir, yp.hasDir, yp.end, yp.found = d.n, true, end, true
			return yp
		}
	}
	if r, end := p.lex.match(p, j, catRelUnit); r != nil && r.unit == unitYear {
		yp.rel, yp.hasRel, yp.end, yp.found = r.n, true, end, true
	}
	return yp
}

// era reads an era word after a year («میلادی», «هـ», «ه.ش»).
func (p *parser) era(yp yearPart) yearPart {
	if _, end := p.lex.match(p, yp.end, catEra); end > yp.end {
		yp.end, yp.era = end, true
	}
	return yp
}

// year reads a four-digit year at i that calendar cal can hold.
func (p *parser) year(i int, cal Calendar) (int, int, bool) {
	n, digits, ok := p.number(i)
	if !ok || digits != 4 {
		return 0, i, false
	}
	// An era of another calendar than the month's makes no date of them
	// («نوامبر ۱۳۹۹ ه.ش» is a slip, not the year 1399 AD).
	if e, _ := p.lex.match(p, i+1, catEra); e != nil && e.cal != cal {
		return 0, i, false
	}
	if !plausibleYear(cal, n) {
		return 0, i, false
	}
	return n, i + 1, true
}

// dayMonth parses «۱۰ آبان ۱۴۰۰», «نهم ماه نوامبر سال ۲۰۲۰», «التاسع من
// نوفمبر», «9 توفمبر/تشرين الثاني الجاري», «۹ تا ۱۱ آبان», "9th November".
func (p *parser) dayMonth(i int) (Mention, int, bool) {
	m := newMention(formAbsolute)
	k := i
	from := false
	if _, end := p.lex.match(p, k, catRangeFrom); end > k {
		k, from = end, true
	}
	d, k, ok := p.day(k)
	if !ok {
		if from {
			return p.dayMonth2(i)
		}
		return m, i, false
	}
	m.d = d
	// «۹ تا ۱۱ آبان»: a range of days in one month; «24 و25 مايو», two
	// days of it, read as the days from the first to the second.
	for _, cat := range []category{catRange, catDayAnd} {
		if _, end := p.lex.match(p, k, cat); end > k && !m.hasRange {
			if d2, end2, ok := p.day(end); ok && d2 > d {
				m.d2, m.hasRange, k = d2, true, end2
			}
		}
	}
	if _, end := p.lex.match(p, k, catDayOf); end > k {
		if _, _, _, _, _, ok := p.month(end, true); ok {
			k = end
		}
	}
	cal, mon, end, typo, twin, ok := p.month(k, true)
	if !ok {
		if from {
			return p.dayMonth2(i)
		}
		return m, i, false
	}
	if from && !m.hasRange {
		return p.dayMonth2(i)
	}
	m.cal, m.m, m.typo, k = cal, mon, typo, end
	if m.hasRange {
		m.m2 = mon
	}
	yp := p.yearPart(k, cal)
	if typo && !twin && !(yp.found && yp.y != 0) {
		return m, i, false
	}
	p.applyYear(&m, yp)
	k = yp.end
	// «۹ آبان تا ۱۱ آذر ۱۴۰۰»: a range across months.
	if !m.hasRange {
		if _, end := p.lex.match(p, k, catRange); end > k {
			if m2, end2, ok := p.dayMonth(end); ok && m2.form == formAbsolute && m2.cal == m.cal && !m2.hasRange && m2.d != 0 {
				m.hasRange, m.d2, m.m2, m.y2 = true, m2.d, m2.m, m2.y
				if m.y == 0 && m2.y != 0 {
					m.y = m2.y
					if m.m > m2.m {
						m.y--
					}
				}
				k = end2
			}
		}
	}
	if m.y != 0 {
		if _, ok := toGregorian(m.cal, m.y, m.m, m.d); !ok {
			return m, i, false
		}
	} else if m.d > 31 || (m.cal == Jalali && m.m > 6 && m.d > 30) {
		return m, i, false
	}
	return m, k, true
}

// dayMonth2 retries dayMonth without a leading «من»/"from" that turned out
// not to open a range.
func (p *parser) dayMonth2(i int) (Mention, int, bool) {
	if _, end := p.lex.match(p, i, catRangeFrom); end > i {
		m, e, ok := p.dayMonth(end)
		if ok && !m.hasRange {
			return m, e, ok
		}
	}
	return newMention(formAbsolute), i, false
}

// applyYear copies a parsed year part into m.
func (p *parser) applyYear(m *Mention, yp yearPart) {
	if !yp.found {
		return
	}
	if yp.y != 0 {
		m.y, m.era = yp.y, yp.era
		return
	}
	if yp.hasRel {
		m.yearRel, m.hasYearRel = yp.rel, true
	}
	if yp.hasDir {
		m.dir, m.hasDir = yp.dir, true
	}
}

// monthDay parses the English order: "November 9, 2020", "Nov. 9-11".
func (p *parser) monthDay(i int) (Mention, int, bool) {
	m := newMention(formAbsolute)
	if p.langs&langEn == 0 {
		return m, i, false
	}
	e, k := p.lex.match(p, i, catMonth)
	if e == nil || e.langs&langEn == 0 {
		return m, i, false
	}
	if p.isPunct(k, ".") {
		k++
	}
	d, k, ok := p.day(k)
	if !ok || p.kind(k-1) != text.Number && p.word(k-1) != "st" && p.word(k-1) != "nd" && p.word(k-1) != "rd" && p.word(k-1) != "th" {
		return m, i, false
	}
	m.cal, m.m, m.d = e.cal, e.n, d
	if p.isPunct(k, "-–") {
		if d2, end, ok := p.day(k + 1); ok && d2 > d {
			m.hasRange, m.d2, m.m2, k = true, d2, e.n, end
		}
	}
	yp := p.yearPart(k, e.cal)
	p.applyYear(&m, yp)
	k = yp.end
	if m.y != 0 {
		if _, ok := toGregorian(m.cal, m.y, m.m, m.d); !ok {
			return m, i, false
		}
	}
	return m, k, true
}

// monthYear parses a month without a day: «نوامبر ۲۰۲۰», «ماه نوامبر سال
// ۲۰۲۰», «آبان ۱۴۰۰», «مايو/أيار الماضي», «شهر رمضان», "last November".
func (p *parser) monthYear(i int) (Mention, int, bool) {
	m := newMention(formAbsolute)
	k := i
	cue := false
	if _, end := p.lex.match(p, k, catMonthCue); end > k {
		k, cue = end, true
	}
	enDir, hasEnDir := 0, false
	if !cue && p.langs&langEn != 0 {
		if d, end := p.lex.match(p, k, catDir); d != nil {
			enDir, hasEnDir, k = d.n, true, end
		}
	}
	cal, mon, end, _, _, ok := p.month(k, false)
	if !ok {
		return m, i, false
	}
	if p.isPunct(end, ".") && p.langs&langEn != 0 && p.kind(end+1) == text.Number {
		end++ // "Sept. 2020"
	}
	m.cal, m.m = cal, mon
	yp := p.yearPart(end, cal)
	switch {
	case yp.found && yp.y != 0:
		m.y, m.era = yp.y, yp.era
	case yp.found && yp.hasDir:
		m.dir, m.hasDir = yp.dir, true
	case hasEnDir:
		m.dir, m.hasDir = enDir, true
		return m, end, true
	case cue:
		return m, end, true
	default:
		return m, i, false
	}
	return m, yp.end, true
}

// rangeEra returns the era written after the second year of a range that
// starts at k («- 1435هـ»), if any.
func (p *parser) rangeEra(k int) *entry {
	if _, end := p.lex.match(p, k, catRange); end > k {
		if _, d, ok := p.number(end); ok && d == 4 {
			e, _ := p.lex.match(p, end+1, catEra)
			return e
		}
	}
	return nil
}

// numeric parses «۱۴۰۰/۰۸/۱۰», 10/11/2020, 2020-11-10, 10.11.2020 and the
// Persian short form «۹۹/۰۸/۱۰».
func (p *parser) numeric(i int) (Mention, int, bool) {
	m := newMention(formAbsolute)
	a, da, ok := p.number(i)
	if !ok || !p.isPunct(i+1, "/-.") {
		return m, i, false
	}
	sep := p.word(i + 1)
	b, db, ok := p.number(i + 2)
	if !ok || p.word(i+3) != sep {
		return m, i, false
	}
	c, dc, ok := p.number(i + 4)
	if !ok {
		return m, i, false
	}
	end := i + 5
	// Not part of a longer run of numbers (versions, phone numbers, IPs).
	if p.isPunct(i-1, "/-.:") && p.kind(i-2) == text.Number && p.glued(i) {
		return m, i, false
	}
	if p.isPunct(end, "/-.:") && p.kind(end+1) == text.Number && p.glued(end+1) {
		return m, i, false
	}
	var y, mo, d int
	switch {
	case da == 4 && db <= 2 && dc <= 2:
		y, mo, d = a, b, c
	case dc == 4 && da <= 2 && db <= 2:
		y, mo, d = c, b, a
		if p.langs == langEn && sep == "/" && a <= 12 && b <= 31 {
			mo, d = a, b
		}
	case da == 2 && db == 2 && dc == 2 && sep == "/" && p.langs == langFa:
		switch {
		case a >= 70:
			y = 1300 + a
		case a <= 10:
			y = 1400 + a
		default:
			return m, i, false
		}
		mo, d = b, c
	default:
		return m, i, false
	}
	cal, ok := numericCalendar(y, p.langs)
	if e, end2 := p.lex.match(p, end, catEra); e != nil {
		cal, end = e.cal, end2
		m.era = true
	}
	if !ok && !m.era {
		return m, i, false
	}
	if _, ok := toGregorian(cal, y, mo, d); !ok {
		return m, i, false
	}
	m.cal, m.y, m.m, m.d = cal, y, mo, d
	return m, end, true
}

// numericCalendar tells the calendar of a numeric date by its year and the
// document's language: 1300–1499 is Solar Hijri in Persian and lunar Hijri in
// Arabic; 1800–2199 is Gregorian.
func numericCalendar(y int, langs langMask) (Calendar, bool) {
	switch {
	case y >= 1800 && y < 2200:
		return Gregorian, true
	case y >= 1300 && y < 1500 && langs == langFa:
		return Jalali, true
	case y >= 1300 && y < 1500 && langs == langAr:
		return Hijri, true
	}
	return Gregorian, false
}

// yearOnly parses a year with a cue: «سال ۲۰۱۸», «عام 2015», "in 2015»,
// «1936 میلادی», «سال‌های ۱۹۹۲ الی ۱۹۹۴».
func (p *parser) yearOnly(i int) (Mention, int, bool) {
	m := newMention(formAbsolute)
	k := i
	cue := false
	if _, end := p.lex.match(p, k, catYearCue); end > k {
		k, cue = end, true
	}
	y, _, ok := p.number(k)
	if !ok || p.kind(k) != text.Number || len(p.word(k)) != 4 {
		return m, i, false
	}
	// Not the year of a numeric date («مورخ ۱۴۰۰/۰۸/۱۰», "of 2020-11-10").
	if p.isPunct(k+1, "/-.") && p.glued(k+1) && p.kind(k+2) == text.Number && p.glued(k+2) {
		return m, i, false
	}
	k++
	cal, calOK := numericCalendar(y, p.langs)
	if p.langs == langAny || p.langs == langEn {
		cal, calOK = Gregorian, y >= 1500 && y < 2200
	}
	if cal == Gregorian && y < 1500 {
		calOK = false
	}
	if e, end := p.lex.match(p, k, catEra); e != nil {
		cal, calOK, k, m.era = e.cal, plausibleYear(e.cal, y), end, true
	} else if e := p.rangeEra(k); e != nil {
		// «1434 - 1435هـ»: the era after a range names both years.
		cal, calOK, m.era = e.cal, plausibleYear(e.cal, y), true
	} else if !cue {
		return m, i, false
	}
	if !calOK {
		return m, i, false
	}
	m.cal, m.y = cal, y
	// A range of years.
	if _, end := p.lex.match(p, k, catRange); end > k {
		if y2, _, ok := p.number(end); ok && len(p.word(end)) == 4 && y2 > y && y2-y < 100 {
			m.hasRange, m.y2, k = true, y2, end+1
			if _, end2 := p.lex.match(p, k, catEra); end2 > k {
				k = end2
			}
		}
	}
	return m, k, true
}
