package timex

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/text"
)

// Publication is a publication date found in a document.
type Publication struct {
	Day time.Time
	// Time and TZ as in Date, when the dateline gives them.
	Time, TZ string
	// Start and End locate the evidence in the display text (both 0 for a URL).
	Start, End int
}

// datelineReach is how far into a text a dateline may stand: the first lines
// of a page, where sites print the date of the story.
const (
	datelineLines = 8
	datelineBytes = 1500
)

// Dateline finds the publication date a text states near its top: a date
// with its year alone on its line («١١ نوفمبر ٢٠٢٠») or after a label
// («تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶»), else a "today" that names its day
// («امروز، 20 فروردین»), its year taken from the text's other dates. ms are
// the text's mentions (Find) and k its key.
func Dateline(display string, k *text.Keyed, lang string, ms []Mention) (Publication, bool) {
	limit := lineLimit(display)
	p := &parser{key: k.Key, toks: k.Tokens(), langs: maskOf(lang), lex: loadLexicon()}
	for i := range ms {
		m := &ms[i]
		if m.Start >= limit {
			break
		}
		if m.form != formAbsolute || m.d == 0 || m.y == 0 {
			continue
		}
		lineStart := strings.LastIndexByte(display[:m.Start], '\n') + 1
		lineEnd := strings.IndexByte(display[m.End:], '\n')
		if lineEnd < 0 {
			lineEnd = len(display)
		} else {
			lineEnd += m.End
		}
		// Letters on the line outside every date expression on it.
		rest := letters(display[lineStart:lineEnd])
		for j := range ms {
			if ms[j].Start >= lineStart && ms[j].End <= lineEnd {
				rest -= letters(ms[j].Text)
			}
		}
		if rest <= 12 || isLabel(p, display[lineStart:m.Start]) {
			return publicationOf(m, time.Time{}), true
		}
	}
	// «امروز، 20 فروردین»: a today that names its day, early in the text.
	dates := Resolve(ms, time.Time{})
	for i := range ms {
		m := &ms[i]
		if m.Start >= 3*datelineBytes {
			break
		}
		if !m.IsToday() {
			continue
		}
		for j := i - 1; j <= i+1; j += 2 {
			if j < 0 || j >= len(ms) || !ms[j].IsAbsoluteDay() {
				continue
			}
			a, b := m, &ms[j]
			if b.Start < a.Start {
				a, b = b, a
			}
			if letters(display[a.End:b.Start]) > 0 || b.Start-a.End > 6 {
				continue
			}
			for _, d := range dates {
				if d.Start == ms[j].Start {
					return Publication{Day: d.Day, Start: a.Start, End: b.End}, true
				}
			}
		}
	}
	return Publication{}, false
}

func publicationOf(m *Mention, anchor time.Time) Publication {
	d, _ := resolveOne(m, anchor, time.Time{})
	return Publication{Day: d.Day, Time: d.Time, TZ: d.TZ, Start: m.Start, End: m.End}
}

// lineLimit is the byte offset past which no dateline is looked for.
func lineLimit(display string) int {
	limit, lines := 0, 0
	for limit < len(display) && limit < datelineBytes {
		nl := strings.IndexByte(display[limit:], '\n')
		if nl < 0 {
			return len(display)
		}
		if strings.TrimSpace(display[limit:limit+nl]) != "" {
			lines++
		}
		limit += nl + 1
		if lines >= datelineLines {
			break
		}
	}
	return min(limit, len(display))
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isLabel reports whether the text before a date on its line is a dateline
// label («تاریخ انتشار:», «نشر في», "Published:").
func isLabel(p *parser, before string) bool {
	before = strings.TrimSpace(before)
	if before == "" || utf8.RuneCountInString(before) > 40 {
		return false
	}
	k := text.KeyOf(before)
	toks := text.KeyTokens(k)
	q := &parser{key: k, toks: toks, langs: p.langs, lex: p.lex}
	for i := 0; i < len(toks); i++ {
		if _, end := p.lex.match(q, i, catLabel); end > i {
			return true
		}
	}
	return false
}

var (
	urlDatePath    = regexp.MustCompile(`(?:^|/)((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[-_.])`)
	urlDateCompact = regexp.MustCompile(`(?:^|[/_-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:$|[/_.-])`)
)

// FromURL reads a publication date from a URL path: /2020/11/10/,
// /2020-11-10-title, /20201110/.
func FromURL(raw string) (time.Time, bool) {
	u, err := url.Parse(raw)
	if err != nil || raw == "" {
		return time.Time{}, false
	}
	path := u.EscapedPath()
	for _, re := range []*regexp.Regexp{urlDatePath, urlDateCompact} {
		if m := re.FindStringSubmatch(path); m != nil {
			y, _ := strconv.Atoi(m[1])
			mo, _ := strconv.Atoi(m[2])
			d, _ := strconv.Atoi(m[3])
			if t, ok := toGregorian(Gregorian, y, mo, d); ok {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
