package gazetteer

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad/internal/text"
)

// slot kinds of a role pattern.
const (
	slotNone    = iota
	slotCountry // {country}
	slotAdj     // {adj}
	slotList    // {countries}: one or more country names joined by «و», «،», "and"
)

// patternTok is one element of a role pattern: a key word or a slot.
type patternTok struct {
	word string
	slot int
}

// rolePattern is one role phrase.
type rolePattern struct {
	role  string // an office, or "counterpart"
	lang  string
	toks  []patternTok
	fixed string // {=id}: the country the office belongs to
}

// rolePatterns indexes patterns by their first word; patterns that open
// with a slot are kept apart and tried where a country is named.
type rolePatterns struct {
	byFirst   map[string][]*rolePattern
	slotFirst []*rolePattern
	// fixedFirst holds the first words of patterns with a fixed country.
	fixedFirst map[string]bool
	// before and after hold the words that, next to a role phrase, make it
	// name another office («نائب الرئيس الأمريكي», «الرئيس الأمريكي
	// السابق», "former U.S. president"), by language.
	before, after map[string]map[string]bool
}

// maxSlotDistance bounds how many words a pattern may have before its
// country slot.
const maxSlotDistance = 6

var loadRolePatterns = sync.OnceValues(func() (*rolePatterns, error) {
	raw, err := bundledData.ReadFile("data/roles.tsv")
	if err != nil {
		return nil, err
	}
	return parseRolePatterns(string(raw))
})

func parseRolePatterns(data string) (*rolePatterns, error) {
	rp := &rolePatterns{byFirst: map[string][]*rolePattern{}, fixedFirst: map[string]bool{},
		before: map[string]map[string]bool{}, after: map[string]map[string]bool{}}
	for ln, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("roles.tsv:%d: want 3 tab-separated fields", ln+1)
		}
		if f[0] == "other-before" || f[0] == "other-after" {
			words := keyWords(f[2], false)
			if len(words) != 1 {
				return nil, fmt.Errorf("roles.tsv:%d: %s takes one word", ln+1, f[0])
			}
			side := rp.before
			if f[0] == "other-after" {
				side = rp.after
			}
			if side[f[1]] == nil {
				side[f[1]] = map[string]bool{}
			}
			side[f[1]][words[0]] = true
			continue
		}
		if f[0] != "counterpart" && !knownRoles[f[0]] {
			return nil, fmt.Errorf("roles.tsv:%d: unknown role %q", ln+1, f[0])
		}
		p := &rolePattern{role: f[0], lang: f[1]}
		for _, w := range strings.Fields(f[2]) {
			switch {
			case w == "{country}":
				p.toks = append(p.toks, patternTok{slot: slotCountry})
			case w == "{adj}":
				p.toks = append(p.toks, patternTok{slot: slotAdj})
			case w == "{countries}":
				p.toks = append(p.toks, patternTok{slot: slotList})
			case strings.HasPrefix(w, "{=") && strings.HasSuffix(w, "}"):
				p.fixed = w[2 : len(w)-1]
			default:
				for _, k := range keyWords(w, false) {
					p.toks = append(p.toks, patternTok{word: k})
				}
			}
		}
		hasSlot := p.fixed != ""
		for _, t := range p.toks {
			hasSlot = hasSlot || t.slot != slotNone
		}
		if len(p.toks) == 0 || !hasSlot {
			return nil, fmt.Errorf("roles.tsv:%d: a pattern needs words and a country ({country}, {adj} or {=id})", ln+1)
		}
		if p.toks[0].slot != slotNone {
			rp.slotFirst = append(rp.slotFirst, p)
		} else {
			rp.byFirst[p.toks[0].word] = append(rp.byFirst[p.toks[0].word], p)
		}
		if p.fixed != "" && p.toks[0].slot == slotNone {
			rp.fixedFirst[p.toks[0].word] = true
		}
		for n, t := range p.toks {
			if t.slot != slotNone && n > maxSlotDistance {
				return nil, fmt.Errorf("roles.tsv:%d: the country slot comes after more than %d words", ln+1, maxSlotDistance)
			}
		}
	}
	return rp, nil
}

// roles finds role phrases and resolves each to the holder of the office
// on the match date: «رئیس جمهوری روسیه» → Vladimir Putin in 2021. A
// counterpart («همتای ترکیه‌ای خود») holds, in the named country, the office
// of the person the sentence is about. Without a date a phrase resolves only
// when it stands beside a named person who held that office.
func (m *matcher) roles(ms []Mention, k *text.Keyed) []Mention {
	countryAt := map[int]*Mention{}
	for i := range ms {
		if ms[i].Entity.Kind == KindCountry {
			countryAt[ms[i].tokStart] = &ms[i]
		}
	}
	// A phrase with a country slot starts at most a few words before the
	// country; only those positions, and the words of phrases whose country
	// is fixed, are tried.
	near := make([]bool, len(m.toks))
	for start := range countryAt {
		for i := max(0, start-maxSlotDistance); i <= start; i++ {
			near[i] = true
		}
	}
	var out []Mention
	for i := 0; i < len(m.toks); i++ {
		if !near[i] && !m.g.patterns.fixedFirst[m.word(i)] {
			continue
		}
		var best []Mention
		bestEnd := i
		for _, p := range m.patternsAt(i, countryAt) {
			if m.opts.Lang != "" && p.lang != m.opts.Lang {
				continue
			}
			end, countries, ok := m.matchPattern(p, i, countryAt)
			if !ok || end <= bestEnd {
				continue
			}
			var found []Mention
			for _, country := range countries {
				if holder := m.resolveRole(p.role, country.id, i, end, ms, out); holder != nil {
					// One country: the whole phrase; a list: up to each country.
					last := end
					if len(countries) > 1 {
						last = country.end
					}
					s, e := k.Span(m.toks[i].Start+m.cliticLen(i, p), m.toks[last-1].End)
					found = append(found, Mention{Entity: holder, Start: s, End: e, How: "role", tokStart: i, tokEnd: last})
				}
			}
			if len(found) > 0 {
				best, bestEnd = found, end
			}
		}
		if best != nil {
			if !m.otherOffice(i, bestEnd) {
				out = append(out, best...)
			}
			i = bestEnd - 1
		}
	}
	return out
}

// otherOffice reports whether the role phrase in tokens [i, end) names
// another office than its holder's: a deputy's, an adviser's or a former
// holder's («نائب الرئيس الأمريكي», «الرئيس الأمريكي السابق»,
// «معاون رئیس جمهور», "former U.S. president").
func (m *matcher) otherOffice(i, end int) bool {
	has := func(side map[string]map[string]bool, w string) bool {
		if m.opts.Lang != "" {
			return side[m.opts.Lang][w]
		}
		for _, words := range side {
			if words[w] {
				return true
			}
		}
		return false
	}
	if w := m.word(i - 1); w != "" {
		if has(m.g.patterns.before, w) {
			return true
		}
		if m.clitics {
			for _, c := range arabicClitics {
				if strings.HasPrefix(w, c) && has(m.g.patterns.before, w[len(c):]) {
					return true
				}
			}
		}
	}
	return has(m.g.patterns.after, m.word(end))
}

// patternsAt lists the patterns that may start at token i: by its word,
// with an Arabic clitic stripped, and those opening with a slot where a
// country is named.
func (m *matcher) patternsAt(i int, countryAt map[int]*Mention) []*rolePattern {
	w := m.word(i)
	ps := m.g.patterns.byFirst[w]
	if m.clitics {
		for _, c := range arabicClitics {
			if len(w) > len(c)+4 && strings.HasPrefix(w, c) {
				ps = append(ps, m.g.patterns.byFirst[w[len(c):]]...)
				if strings.HasSuffix(c, "لل") {
					ps = append(ps, m.g.patterns.byFirst["ال"+w[len(c):]]...)
				}
			}
		}
	}
	if countryAt[i] != nil {
		ps = append(ps, m.g.patterns.slotFirst...)
	}
	return ps
}

// cliticLen is the length of the Arabic clitic on token i that pattern p's
// first word does not have («للرئيس» for «الرئيس»), or 0.
func (m *matcher) cliticLen(i int, p *rolePattern) int {
	if p.toks[0].slot != slotNone || !m.clitics {
		return 0
	}
	w, first := m.word(i), p.toks[0].word
	for _, c := range arabicClitics {
		switch {
		case w == c+first:
			return len(c)
		case strings.HasSuffix(c, "لل") && strings.HasPrefix(first, "ال") && w == c+first[len("ال"):]:
			return len(c) - len("ل")
		}
	}
	return 0
}

// named is a country a role phrase names, and the token after its name.
type named struct {
	id  string
	end int
}

// matchPattern matches pattern p at token i; it returns the token after the
// phrase and the countries it names (one, or several for {countries}).
func (m *matcher) matchPattern(p *rolePattern, i int, countryAt map[int]*Mention) (int, []named, bool) {
	j := i
	var countries []named
	for n, t := range p.toks {
		switch t.slot {
		case slotCountry, slotAdj:
			c := countryAt[j]
			if c == nil || (t.slot == slotAdj) != (c.How == "adjective") {
				return 0, nil, false
			}
			countries = append(countries, named{c.Entity.ID, c.tokEnd})
			j = c.tokEnd
		case slotList:
			for {
				c := countryAt[j]
				if c == nil || c.How == "adjective" {
					break
				}
				countries = append(countries, named{c.Entity.ID, c.tokEnd})
				j = c.tokEnd
				if w := m.word(j); (w == "و" || w == "،" || w == "," || w == "and") && countryAt[j+1] != nil {
					j++
					continue
				}
				break
			}
			if len(countries) == 0 {
				return 0, nil, false
			}
		default:
			w := m.word(j)
			if w != t.word && !(n == 0 && m.cliticLen(j, p) > 0) {
				return 0, nil, false
			}
			j++
		}
	}
	if p.fixed != "" {
		countries = append(countries, named{p.fixed, j})
	}
	return j, countries, len(countries) > 0
}

// officeOrder lists the offices a counterpart may share, most senior first.
var officeOrder = []string{"president", "king", "emir", "sultan", "supreme-leader", "prime-minister", "crown-prince",
	"vice-president", "foreign-minister", "defence-minister", "interior-minister", "spokesperson", "secretary-general", "speaker", "chairman"}

// resolveRole finds the holder of a role phrase spanning tokens [i, end).
func (m *matcher) resolveRole(role, country string, i, end int, names, roles []Mention) *Entity {
	if role == "counterpart" {
		subject := m.subject(i, names, roles)
		if subject == nil {
			return nil
		}
		role = m.g.office(subject, m.opts.Date)
		if role == "" {
			return nil
		}
	}
	// A named person beside the phrase who held the office wins, whatever
	// the date: «ولادیمیر پوتین رئیس جمهوری روسیه», «الرئيس الروسي
	// فلاديمير بوتين», "Iranian President Ebrahim Raisi".
	for _, n := range names {
		if n.Entity.Kind != KindPerson || (n.tokEnd != i && n.tokStart != end && !(n.tokEnd == i-1 && m.toks[i-1].Kind == text.Punct)) {
			continue
		}
		for _, r := range n.Entity.Roles {
			if r.Role == role && r.Of == country {
				return n.Entity
			}
		}
	}
	if !m.opts.Date.IsZero() {
		return m.g.Holder(role, country, m.opts.Date)
	}
	return nil
}

// subject is the person a sentence is about before token i: the nearest
// person named or resolved before it, within the sentence.
func (m *matcher) subject(i int, names, roles []Mention) *Entity {
	stop := i - 40
	for j := i - 1; j >= 0 && j > stop; j-- {
		if w := m.word(j); w == "." || w == "؟" || w == "!" || w == "?" {
			stop = j
			break
		}
	}
	var best *Mention
	for _, list := range [][]Mention{names, roles} {
		for k := range list {
			n := &list[k]
			if n.Entity.Kind == KindPerson && n.tokEnd <= i && n.tokStart > stop && (best == nil || n.tokEnd > best.tokEnd) {
				best = n
			}
		}
	}
	if best == nil {
		return nil
	}
	return best.Entity
}

// office is the most senior office e held on day t, or, with no date, the
// office of e's latest term.
func (g *Gazetteer) office(e *Entity, t time.Time) string {
	if !t.IsZero() {
		held := map[string]bool{}
		for _, r := range e.RolesOn(t) {
			held[r.Role] = true
		}
		for _, o := range officeOrder {
			if held[o] {
				return o
			}
		}
		return ""
	}
	var latest *Role
	for i := range e.Roles {
		if latest == nil || e.Roles[i].from.After(latest.from) {
			latest = &e.Roles[i]
		}
	}
	if latest == nil {
		return ""
	}
	return latest.Role
}
