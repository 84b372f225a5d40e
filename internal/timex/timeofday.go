package timex

import "fmt"

// timeOfDay reads a time at i: «۲۳:۵۶», «ساعت ۱۰:۳۰», «الساعة 10:30 بتوقيت
// غرينتش», "10:30 GMT", "at 9:15 p.m.", «(+03:30)». After a date it may be
// set off by a dash, comma or bar.
func (p *parser) timeOfDay(i int, afterDate bool) (h, mi int, tz string, end int, ok bool) {
	k := i
	if afterDate && p.isPunct(k, "-–،,|") {
		k++
	}
	if _, e := p.lex.match(p, k, catTimeCue); e > k {
		k = e
	}
	h, _, ok1 := p.number(k)
	if !ok1 || !p.isPunct(k+1, ":") || !p.glued(k+1) {
		return 0, 0, "", i, false
	}
	mi, dm, ok2 := p.number(k + 2)
	if !ok2 || dm != 2 || h > 23 || mi > 59 || len(p.word(k)) > 2 {
		return 0, 0, "", i, false
	}
	k += 3
	if p.isPunct(k, ":") {
		if _, ds, ok := p.number(k + 1); ok && ds == 2 {
			k += 2
		}
	}
	if e, end := p.lex.match(p, k, catAMPM); e != nil {
		switch {
		case e.str == "pm" && h < 12:
			h += 12
		case e.str == "am" && h == 12:
			h = 0
		}
		k = end
		if p.isPunct(k, ".") && p.glued(k) {
			k++
		}
	}
	if z, end := p.zone(k); end > k {
		tz, k = z, end
	} else if p.isPunct(k, "(") {
		if z, end := p.zone(k + 1); end > k+1 && p.isPunct(end, ")") {
			tz, k = z, end+1
		}
	}
	return h, mi, tz, k, true
}

// zone reads a time zone: a named one from the lexicon, an offset
// (+03:30, +0330) or GMT/UTC with an offset (GMT+3).
func (p *parser) zone(i int) (string, int) {
	tz, k := "", i
	if e, end := p.lex.match(p, i, catTZ); e != nil {
		tz, k = e.str, end
	}
	// An offset: after a named zone (GMT+3, UTC-05:00) or on its own with a
	// plus sign (+03:30); a bare minus is more often a range (10:30-12:00).
	if (tz != "" && p.isPunct(k, "+-") || p.isPunct(k, "+")) && p.glued(k+1) {
		sign := p.word(k)
		hh, dh, ok := p.number(k + 1)
		if ok && hh <= 14 {
			mm, end := 0, k+2
			switch {
			case p.isPunct(end, ":"):
				if m, dm, ok := p.number(end + 1); ok && dm == 2 {
					mm, end = m, end+2
				}
			case dh == 4:
				hh, mm = hh/100, hh%100
			}
			if tz != "" || dh >= 2 || mm != 0 {
				return fmt.Sprintf("%s%02d:%02d", sign, hh, mm), end
			}
		}
	}
	return tz, k
}

// timeThenDate parses a time written before its date: «۲۳:۵۶ - ۱۴۰۰/۰۸/۱۰».
func (p *parser) timeThenDate(i int) (Mention, int, bool) {
	h, mi, tz, k, ok := p.timeOfDay(i, false)
	if !ok {
		return Mention{}, i, false
	}
	if p.isPunct(k, "-–،,|") {
		k++
	}
	m, end, ok := p.absolute(k)
	if !ok || m.d == 0 {
		return m, i, false
	}
	if m.hour < 0 {
		m.hour, m.minute, m.tz = h, mi, tz
	}
	return m, end, true
}
