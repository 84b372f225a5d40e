package timex

import "github.com/rasad/rasad/internal/text"

// weekdayForm parses a weekday: glued to a date it is part of that date
// («دوشنبه ۱۰ آبان ۱۴۰۰», «الاثنين 9 نوفمبر 2020»); alone it is the day of
// that name near the anchor («روز دوشنبه», «الاثنين الماضي», "next Monday").
func (p *parser) weekdayForm(i int) (Mention, int, bool) {
	m := newMention(formWeekday)
	k := i
	if _, end := p.lex.match(p, k, catDayCue); end > k {
		k = end
	}
	enDir, hasEnDir := 0, false
	if d, end := p.lex.match(p, k, catDir); d != nil && d.langs&langEn != 0 {
		enDir, hasEnDir, k = d.n, true, end
	}
	e, k := p.lex.match(p, k, catWeekday)
	if e == nil {
		return m, i, false
	}
	// A weekday before a date belongs to it.
	j := k
	if p.isPunct(j, ",،") {
		j++
	}
	if abs, end, ok := p.absolute(j); ok && abs.d != 0 {
		return abs, end, true
	}
	// Friday prayers and their leaders are not dates.
	switch p.word(i - 1) {
	case "نماز", "امام", "صلاه", "خطبه", "صلوات", "خطیب":
		return m, i, false
	}
	// Arabic «الأحد عشر» is eleven, not Sunday.
	if p.word(k) == "عشر" {
		return m, i, false
	}
	m.weekday = e.n
	if hasEnDir {
		m.wdMode = enDir
	} else if d, end := p.lex.match(p, k, catDir); d != nil && d.langs&langEn == 0 {
		m.wdMode, k = d.n, end
	}
	return m, k, true
}

// relDay parses «امروز», «دیروز», «بامداد امروز», «أمس», «مساء أمس»,
// "yesterday", "this morning".
func (p *parser) relDay(i int) (Mention, int, bool) {
	m := newMention(formRelDay)
	k := i
	if _, end := p.lex.match(p, k, catDaypart); end > k {
		if e, _ := p.lex.match(p, end, catRelday); e != nil {
			k = end
		}
	}
	e, end := p.lex.match(p, k, catRelday)
	if e == nil {
		return m, i, false
	}
	// «اليوم» is also "the day": «اليوم الوطني», «اليوم الأول», and a
	// newspaper's name («صحيفة اليوم»).
	if e.n == 0 && p.word(k) == "الیوم" {
		next := p.word(end)
		if len(next) > 4 && next[:4] == "ال" && p.kind(end) == text.Word && !p.isDirWord(end) && !p.lex.hasCat(p, end, catWeekday) {
			return m, i, false
		}
		switch p.word(k - 1) {
		case "صحیفه", "جریده", "موقع", "قناه", "وکاله":
			return m, i, false
		}
	}
	m.offset = e.n
	// «أمس الاثنين», «امروز دوشنبه»: the weekday restates the day.
	if w, end2 := p.lex.match(p, end, catWeekday); w != nil {
		end = end2
	}
	return m, end, true
}

func (p *parser) isDirWord(i int) bool {
	e, _ := p.lex.match(p, i, catDir)
	return e != nil
}

// relUnit parses offsets in days, weeks, months and years: «دو هفته پیش»,
// «سه روز قبل», «منذ أسبوعين», «قبل ثلاثة أيام», «الشهر الماضي», «هفته گذشته»,
// "two weeks ago", "last month", «پارسال».
func (p *parser) relUnit(i int) (Mention, int, bool) {
	m, end, ok := p.relUnitForm(i)
	if ok && m.unit == unitYear && p.langs == langFa {
		m.cal = Jalali // «سال گذشته» is the last Solar Hijri year
	}
	return m, end, ok
}

func (p *parser) relUnitForm(i int) (Mention, int, bool) {
	m := newMention(formRelUnit)
	// «پارسال», «امسال».
	if e, end := p.lex.match(p, i, catRelUnit); e != nil {
		m.unit, m.offset = e.unit, e.n
		return m, end, true
	}
	// Arabic: «منذ|قبل» N unit, «منذ أسبوعين».
	if _, end := p.lex.match(p, i, catAgoPre); end > i {
		if n, u, end2, ok := p.countedUnit(end); ok {
			m.unit, m.offset = u, -n
			return m, end2, true
		}
		return m, i, false
	}
	// English: last|next|this unit.
	if d, end := p.lex.match(p, i, catDir); d != nil && d.langs&langEn != 0 {
		if u, end2 := p.lex.match(p, end, catUnit); u != nil && u.langs&langEn != 0 {
			m.unit, m.offset = u.unit, d.n
			return m, end2, true
		}
		return m, i, false
	}
	// N unit ago (Persian, English).
	if n, u, end, ok := p.countedUnit(i); ok {
		if _, end2 := p.lex.match(p, end, catAgo); end2 > end {
			m.unit, m.offset = u, -n
			return m, end2, true
		}
		return m, i, false
	}
	// unit dir: «هفته گذشته», «الشهر الماضي», «سال آینده»; not «دو سال گذشته»
	// (the past two years).
	if u, end := p.lex.match(p, i, catUnit); u != nil && u.n == 0 {
		if _, _, ok := p.number(i - 1); ok {
			return m, i, false
		}
		if e, _ := p.lex.match(p, i-1, catNumber); e != nil {
			return m, i, false
		}
		if d, end2 := p.lex.match(p, end, catDir); d != nil && d.langs&langEn == 0 {
			m.unit, m.offset = u.unit, d.n
			return m, end2, true
		}
	}
	return m, i, false
}

// countedUnit reads "N unit" (a digit number or a number word) or an Arabic
// dual («أسبوعين»), or a bare singular unit after «منذ» (one unit).
func (p *parser) countedUnit(i int) (int, unit, int, bool) {
	if u, end := p.lex.match(p, i, catUnit); u != nil {
		if u.n > 0 {
			return u.n, u.unit, end, true // a dual: «أسبوعين»
		}
		if u.n == plural {
			return 0, 0, i, false
		}
		// «منذ أسبوع» is a week ago; «منذ عام 2007» is a year.
		if p.lex.hasCat(p, i-1, catAgoPre) && p.kind(end) != text.Number {
			return 1, u.unit, end, true
		}
		return 0, 0, i, false
	}
	n, _, ok := p.number(i)
	end := i + 1
	if !ok {
		e, e2 := p.lex.match(p, i, catNumber)
		if e == nil {
			return 0, 0, i, false
		}
		n, end = e.n, e2
	}
	if n < 1 || n > 1000 {
		return 0, 0, i, false
	}
	u, end2 := p.lex.match(p, end, catUnit)
	if u == nil || u.n > 0 {
		return 0, 0, i, false
	}
	return n, u.unit, end2, true
}
