package timex

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/text"
)

//go:embed data/lexicon.tsv
var lexiconData string

type category uint8

const (
	catMonth category = iota
	catWeekday
	catRelday
	catUnit
	catDir
	catAgo
	catAgoPre
	catNumber
	catYearCue
	catEra
	catMonthCue
	catDayOf
	catRange
	catRangeFrom
	catDayAnd
	catLabel
	catTimeCue
	catAMPM
	catTZ
	catDaypart
	catDayCue
	catOrdinal
	catRelUnit
)

var categoryNames = map[string]category{
	"month": catMonth, "weekday": catWeekday, "relday": catRelday, "unit": catUnit,
	"dir": catDir, "ago": catAgo, "agopre": catAgoPre, "number": catNumber,
	"yearcue": catYearCue, "era": catEra, "monthcue": catMonthCue, "dayof": catDayOf,
	"range": catRange, "rangefrom": catRangeFrom, "dayand": catDayAnd, "label": catLabel, "timecue": catTimeCue,
	"ampm": catAMPM, "tz": catTZ, "daypart": catDaypart, "daycue": catDayCue, "ordinal": catOrdinal,
	"relunit": catRelUnit,
}

// unit is a span of calendar time in relative expressions.
type unit uint8

const (
	unitDay unit = iota + 1
	unitWeek
	unitMonth
	unitYear
)

// plural marks a plural unit form («أيام», "days"), which counts only after
// a number: «منذ أيام» (days ago) is no date.
const plural = -1000

// langMask is a set of languages.
type langMask uint8

const (
	langFa langMask = 1 << iota
	langAr
	langEn
	langAny = langFa | langAr | langEn
)

func maskOf(lang string) langMask {
	switch lang {
	case "fa":
		return langFa
	case "ar":
		return langAr
	case "en":
		return langEn
	}
	return langAny
}

// entry is one form of one lexicon word.
type entry struct {
	cat   category
	words []string // the form as key tokens
	langs langMask
	n     int      // month, weekday, day offset, ordinal day, number, dir
	cal   Calendar // month and era
	unit  unit
	str   string // tz offset, am/pm
}

// lexicon indexes entries by their first key token.
type lexicon struct {
	byFirst map[string][]*entry
	// months lists single-token month forms for the one-letter-slip search.
	months []*entry
}

var defaultLexicon = sync.OnceValues(func() (*lexicon, error) { return parseLexicon(lexiconData) })

// loadLexicon returns the bundled lexicon. The data file is checked by the
// package tests, so an error here means a broken build.
func loadLexicon() *lexicon {
	lx, err := defaultLexicon()
	if err != nil {
		panic(err)
	}
	return lx
}

func parseLexicon(data string) (*lexicon, error) {
	lx := &lexicon{byFirst: map[string][]*entry{}}
	for ln, line := range strings.Split(data, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("lexicon line %d: want 4 tab-separated fields, have %d", ln+1, len(f))
		}
		cat, ok := categoryNames[f[0]]
		if !ok {
			return nil, fmt.Errorf("lexicon line %d: unknown category %q", ln+1, f[0])
		}
		proto := entry{cat: cat}
		if err := proto.setValue(f[1]); err != nil {
			return nil, fmt.Errorf("lexicon line %d: %w", ln+1, err)
		}
		for _, l := range strings.Split(f[2], ",") {
			switch l {
			case "*":
				proto.langs = langAny
			case "fa", "ar", "en":
				proto.langs |= maskOf(l)
			default:
				return nil, fmt.Errorf("lexicon line %d: unknown language %q", ln+1, l)
			}
		}
		for _, form := range strings.Split(f[3], "|") {
			words := keyWords(form)
			if len(words) == 0 {
				return nil, fmt.Errorf("lexicon line %d: empty form", ln+1)
			}
			e := proto
			e.words = words
			lx.add(&e)
			// Persian glues «ماه» to month names: «آبان‌ماه», «مهرماه».
			if cat == catMonth && e.langs&langFa != 0 && len(words) == 1 {
				g := proto
				g.words = []string{words[0] + "ماه"}
				lx.add(&g)
			}
		}
	}
	for _, list := range lx.byFirst {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].words) > len(list[j].words) })
	}
	return lx, nil
}

func (lx *lexicon) add(e *entry) {
	lx.byFirst[e.words[0]] = append(lx.byFirst[e.words[0]], e)
	if e.cat == catMonth && len(e.words) == 1 && utf8.RuneCountInString(e.words[0]) >= 5 {
		lx.months = append(lx.months, e)
	}
}

func (e *entry) setValue(v string) error {
	switch e.cat {
	case catMonth, catEra:
		calName, num, _ := strings.Cut(v, ":")
		c, ok := parseCalendar(calName)
		if !ok {
			return fmt.Errorf("unknown calendar %q", calName)
		}
		e.cal = c
		if e.cat == catMonth {
			n, err := strconv.Atoi(num)
			if err != nil || n < 1 || n > 12 {
				return fmt.Errorf("bad month number %q", num)
			}
			e.n = n
		}
	case catUnit, catRelUnit:
		name, count, _ := strings.Cut(v, ":")
		units := map[string]unit{"day": unitDay, "week": unitWeek, "month": unitMonth, "year": unitYear}
		u, ok := units[name]
		if !ok {
			return fmt.Errorf("unknown unit %q", name)
		}
		e.unit = u
		switch {
		case count == "p":
			e.n = plural
		case count != "":
			n, err := strconv.Atoi(count)
			if err != nil {
				return fmt.Errorf("bad unit count %q", count)
			}
			e.n = n
		}
	case catTZ, catAMPM:
		e.str = v
	default:
		n, err := strconv.Atoi(strings.TrimPrefix(v, "+"))
		if err != nil {
			return fmt.Errorf("bad number %q", v)
		}
		e.n = n
	}
	return nil
}

// keyWords splits a lexicon form into key tokens, the way the finder splits
// text.
func keyWords(form string) []string {
	k := text.KeyOf(form)
	toks := text.KeyTokens(k)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = k[t.Start:t.End]
	}
	return out
}

// match returns the longest entry of category cat, allowed in langs, whose
// words stand at toks[i:], and the index after it.
func (lx *lexicon) match(p *parser, i int, cat category) (*entry, int) {
	if i >= len(p.toks) {
		return nil, i
	}
	for _, e := range lx.byFirst[p.word(i)] {
		if e.cat != cat || e.langs&p.langs == 0 || i+len(e.words) > len(p.toks) {
			continue
		}
		ok := true
		for j := 1; j < len(e.words); j++ {
			if p.word(i+j) != e.words[j] {
				ok = false
				break
			}
		}
		if ok {
			return e, i + len(e.words)
		}
	}
	return nil, i
}

// hasCat reports whether an entry of category cat stands at token i.
func (lx *lexicon) hasCat(p *parser, i int, cat category) bool {
	e, _ := lx.match(p, i, cat)
	return e != nil
}
