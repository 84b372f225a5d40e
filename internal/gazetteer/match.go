package gazetteer

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/text"
)

// Mention is a place in a text that names an entity.
type Mention struct {
	Entity *Entity
	// Start and End are byte offsets in the display text.
	Start, End int
	// How: "name", "adjective", "surname" or "role" (a role phrase resolved
	// to its holder on the text's date).
	How string

	tokStart, tokEnd int // key tokens covered
}

// Arabic clitics that attach to a name: conjunctions, prepositions and the
// article, alone and combined, as matching keys (ك is folded to ک).
var arabicClitics = []string{"وبال", "وال", "فال", "بال", "کال", "ولل", "فلل", "لل", "وب", "ول", "وک", "فب", "فل", "ال", "و", "ف", "ب", "ل", "ک"}

// Persian suffixes that attach to a name's last word once ZWNJ is gone:
// plural, the ezafe and indefinite ی, possessive, the object marker.
var persianSuffixes = []string{"های", "ها", "ای", "یی", "ی", "اش", "شان", "را"}

// suffixFits reports whether a Persian suffix can follow stem: the ی of the
// ezafe is written after a long vowel («آمریکای لاتین», «اروپای شرقی») and
// «ای» after a silent ه («ترکیه‌ای»); after other letters a final ی makes a
// new word (the nisba: «تهرانی», «شیرازی» are surnames, not the cities).
func suffixFits(stem, suf string) bool {
	last, _ := utf8.DecodeLastRuneInString(stem)
	switch suf {
	case "ی":
		// The ezafe after a long vowel or a silent ه: «اروپای», «ترکیه‌ی».
		return last == 'ا' || last == 'و' || last == 'ه'
	case "یی":
		return last == 'ا' || last == 'و'
	case "ای":
		return last == 'ه'
	}
	return true
}

// Options tune a match.
type Options struct {
	// Lang is the text's language ("fa", "ar", "en"); "" allows every
	// language's forms and affixes.
	Lang string
	// Date is the day role phrases are resolved for («the Russian
	// president» on that day); zero leaves them unresolved unless the phrase
	// stands beside a named holder.
	Date time.Time
}

// matcher holds the state of one match.
type matcher struct {
	g        *Gazetteer
	display  string
	k        *text.Keyed
	key      string
	toks     []text.KeyToken
	opts     Options
	clitics  bool
	suffixes bool
	seen     map[int32]bool   // entities fully named so far
	surnames map[string]int32 // last words of persons fully named so far
}

// candidate is a name found at a token position.
type candidate struct {
	entries          []nameEntry
	n                int // tokens covered
	startAdj, endAdj int // key bytes trimmed off the first and last token
	how              nameHow
}

// Match finds the entities named in a display text, given its matching key
// k. Mentions come in text order; a role phrase yields a mention of its
// holder that may overlap the country mention inside it.
func (g *Gazetteer) Match(display string, k *text.Keyed, opts Options) []Mention {
	m := &matcher{
		g: g, display: display, k: k, key: k.Key, toks: k.Tokens(), opts: opts,
		clitics:  opts.Lang != "fa" && opts.Lang != "en",
		suffixes: opts.Lang != "ar" && opts.Lang != "en",
		seen:     map[int32]bool{},
		surnames: map[string]int32{},
	}
	var out []Mention
	for i := 0; i < len(m.toks); {
		c, ok := m.longest(i)
		if !ok {
			i++
			continue
		}
		ent, ok := m.choose(c, i)
		if !ok {
			i++
			continue
		}
		e := g.entities[ent]
		ks := m.toks[i].Start + c.startAdj
		ke := m.toks[i+c.n-1].End - c.endAdj
		s, end := k.Span(ks, ke)
		out = append(out, Mention{Entity: e, Start: s, End: end, How: c.how.String(), tokStart: i, tokEnd: i + c.n})
		if c.how == howName {
			m.seen[ent] = true
			if e.Kind == KindPerson && c.n > 1 {
				last := m.word(i + c.n - 1)
				if len([]rune(last)) >= 3 && !g.stop[last] {
					m.surnames[last] = ent
				}
			}
		}
		// A country inside an organisation's name is named too: «وزارت امور خارجه
		// روسیه», «الحرس الثوري الإيراني», "Iranian foreign ministry".
		if c.n > 1 && e.Kind == KindOrg {
			out = append(out, m.inner(i, i+c.n, k)...)
		}
		i += c.n
	}
	out = append(out, m.roles(out, k)...)
	sort.SliceStable(out, func(a, b int) bool {
		if out[a].Start != out[b].Start {
			return out[a].Start < out[b].Start
		}
		return out[a].End > out[b].End
	})
	return out
}

// inner finds the countries named inside the tokens [from, to).
func (m *matcher) inner(from, to int, k *text.Keyed) []Mention {
	var out []Mention
	for j := from; j < to; {
		c, ok := m.longestOf(j, KindCountry)
		if !ok || j+c.n > to {
			j++
			continue
		}
		ent, ok := m.choose(c, j)
		if !ok {
			j++
			continue
		}
		s, e := k.Span(m.toks[j].Start+c.startAdj, m.toks[j+c.n-1].End-c.endAdj)
		out = append(out, Mention{Entity: m.g.entities[ent], Start: s, End: e, How: c.how.String(), tokStart: j, tokEnd: j + c.n})
		j += c.n
	}
	return out
}

func (m *matcher) word(i int) string {
	if i < 0 || i >= len(m.toks) {
		return ""
	}
	return m.key[m.toks[i].Start:m.toks[i].End]
}

// hit is one name form that matches at a position.
type hit struct {
	ne               nameEntry
	n, startAdj, end int
}

// longest finds the longest name starting at token i, allowing an Arabic
// clitic on its first word and a Persian suffix on its last. Among names of
// one length, a form matched whole beats one with affixes stripped
// («ترکیه‌ای» the adjective, not «ترکیه» + «ای»), and a plain name beats an
// adjective and a surname; every entity that ties is kept.
func (m *matcher) longest(i int) (candidate, bool) { return m.longestOf(i, "") }

// longestOf is longest among the entities of one kind ("" for all).
func (m *matcher) longestOf(i int, kind string) (candidate, bool) {
	t := m.toks[i]
	if t.Kind == text.Punct {
		return candidate{}, false
	}
	w := m.word(i)
	var hits []hit
	fits := func(ne nameEntry) bool {
		return ne.langs.allows(m.opts.Lang) && (kind == "" || m.g.entities[ne.ent].Kind == kind)
	}
	try := func(first string, startAdj int) {
		for _, ne := range m.g.first[first] {
			if !fits(ne) {
				continue
			}
			if n, endAdj, ok := m.rest(i, ne.rest); ok {
				hits = append(hits, hit{ne, n, startAdj, endAdj})
			}
		}
	}
	try(w, 0)
	if m.suffixes {
		for _, suf := range persianSuffixes {
			if len(w) > len(suf)+4 && strings.HasSuffix(w, suf) && suffixFits(w[:len(w)-len(suf)], suf) {
				for _, ne := range m.g.first[w[:len(w)-len(suf)]] {
					if ne.rest == "" && fits(ne) {
						hits = append(hits, hit{ne, 1, 0, len(suf)})
					}
				}
			}
		}
	}
	if m.clitics && t.Kind == text.Word {
		for _, p := range arabicClitics {
			if len(w) > len(p)+4 && strings.HasPrefix(w, p) {
				rest := w[len(p):]
				try(rest, len(p))
				if strings.HasSuffix(p, "لل") {
					// «للكرملين» is li + al-Kremlin.
					for _, ne := range m.g.first["ال"+rest] {
						if !fits(ne) {
							continue
						}
						if n, endAdj, ok := m.rest(i, ne.rest); ok {
							hits = append(hits, hit{ne, n, len(p), endAdj})
						}
					}
				}
			}
		}
	}
	if len(hits) == 0 {
		// The surname of a person named in full before.
		if ent, ok := m.surnames[w]; ok && (kind == "" || kind == KindPerson) {
			return candidate{entries: []nameEntry{{ent: ent, how: howSurname}}, n: 1, how: howSurname}, true
		}
		return candidate{}, false
	}
	better := func(a, b hit) bool {
		if a.n != b.n {
			return a.n > b.n
		}
		if a.startAdj+a.end != b.startAdj+b.end {
			return a.startAdj+a.end < b.startAdj+b.end
		}
		return a.ne.how < b.ne.how
	}
	top := hits[0]
	for _, h := range hits[1:] {
		if better(h, top) {
			top = h
		}
	}
	c := candidate{n: top.n, startAdj: top.startAdj, endAdj: top.end, how: top.ne.how}
	for _, h := range hits {
		if !better(top, h) && !better(h, top) {
			c.entries = append(c.entries, h.ne)
		}
	}
	return c, true
}

// rest checks the words after the first (NUL-terminated in rest); the last
// may carry a Persian suffix. It returns the tokens covered and the key
// bytes of suffix trimmed.
func (m *matcher) rest(i int, rest string) (int, int, bool) {
	n := 1
	for rest != "" {
		end := strings.IndexByte(rest, 0)
		want := rest[:end]
		rest = rest[end+1:]
		got := m.word(i + n)
		n++
		if got == want {
			continue
		}
		if rest == "" && m.suffixes {
			for _, suf := range persianSuffixes {
				if len(got) == len(want)+len(suf) && strings.HasPrefix(got, want) && strings.HasSuffix(got, suf) && suffixFits(want, suf) {
					return n, len(suf), true
				}
			}
		}
		return 0, 0, false
	}
	return n, 0, true
}

// choose picks the entity a candidate names: forms that need a context word
// or an earlier full mention are checked, case-sensitive acronyms compared,
// and among several entities of one name the one the date favours wins.
func (m *matcher) choose(c candidate, i int) (int32, bool) {
	var ok []int32
	for _, ne := range c.entries {
		switch {
		case ne.how == howSurname && !m.seen[ne.ent] && m.surnames[m.word(i)] != ne.ent:
			continue
		case ne.ctx && m.needsContext(ne.ent) && !m.hasContext(ne.ent, i):
			continue
		case ne.exact && !m.exactAt(m.g.exact[exactKey{ne.ent, m.word(i)}], i, c.n):
			continue
		case ne.capital && !m.capitalAt(i):
			continue
		}
		ok = append(ok, ne.ent)
	}
	switch len(ok) {
	case 0:
		return 0, false
	case 1:
		return ok[0], true
	}
	return m.g.preferred(ok, m.opts.Date), true
}

// preferred picks among entities sharing a name: a person in office on the
// date, else the one whose last office began latest, else the first.
func (g *Gazetteer) preferred(ids []int32, date time.Time) int32 {
	best, bestStart := ids[0], time.Time{}
	for _, id := range ids {
		e := g.entities[id]
		for _, r := range e.Roles {
			if !date.IsZero() && r.holds(date) {
				return id
			}
			if r.from.After(bestStart) {
				best, bestStart = id, r.from
			}
		}
	}
	return best
}

// needsContext reports whether the entity's short forms need a context word
// in a text of this language: the record lists context words for it.
func (m *matcher) needsContext(ent int32) bool {
	return m.opts.Lang == "" || m.g.ctxLangs[ent][m.opts.Lang]
}

// hasContext reports whether one of the entity's context phrases stands
// right before token i (punctuation between is allowed).
func (m *matcher) hasContext(ent int32, i int) bool {
	j := i - 1
	for j >= 0 && m.toks[j].Kind == text.Punct {
		j--
	}
	for _, phrase := range m.g.ctxToks[ent] {
		k := j
		ok := true
		for p := len(phrase) - 1; p >= 0; p-- {
			if k < 0 || m.word(k) != phrase[p] {
				ok = false
				break
			}
			k--
		}
		if ok {
			return true
		}
	}
	return false
}

// capitalAt reports whether the text at token i starts with a capital
// letter: "Turkey" the country, not "a turkey".
func (m *matcher) capitalAt(i int) bool {
	s, _ := m.k.Span(m.toks[i].Start, m.toks[i].End)
	r, _ := utf8.DecodeRuneInString(m.display[s:])
	return unicode.IsUpper(r)
}

// exactAt compares a case-sensitive form ("US") with the text the tokens
// cover, ignoring dots and spaces.
func (m *matcher) exactAt(form string, i, n int) bool {
	s, e := m.k.Span(m.toks[i].Start, m.toks[i+n-1].End)
	clean := strings.NewReplacer(".", "", " ", "")
	return clean.Replace(m.display[s:e]) == clean.Replace(form)
}
