package gazetteer

import (
	"strings"
	"time"
	"unicode"

	"github.com/rasad/rasad/internal/text"
)

// nameHow says how a name form names its entity.
type nameHow uint8

const (
	howName      nameHow = iota // a name that matches anywhere
	howAdjective                // a country's adjective
	howSurname                  // matches only after a full mention
)

func (h nameHow) String() string {
	switch h {
	case howAdjective:
		return "adjective"
	case howSurname:
		return "surname"
	}
	return "name"
}

// nameEntry is one name form in the index, keyed by its first key token.
type nameEntry struct {
	ent  int32
	rest []string // key tokens after the first
	how  nameHow
	// exact is the form as written when it must match case-sensitively
	// (short all-capital acronyms: "US", "IS", "EU"), else "".
	exact string
	// ctx: a single-word form that needs a context word before it.
	ctx bool
}

// holding is one term of an office.
type holding struct {
	ent  int32
	role *Role
}

type roleKey struct{ role, of string }

// Gazetteer is a searchable set of entities. It is read-only once built and
// safe for concurrent use.
type Gazetteer struct {
	entities []*Entity
	byID     map[string]*Entity
	pos      map[*Entity]int32
	first    map[string][]nameEntry
	holders  map[roleKey][]holding
	ctxToks  map[int32][][]string // entity → context phrases as key tokens
	patterns *rolePatterns
	stop     map[string]bool
	names    int // name forms indexed
	// Problems lists records skipped or references left unresolved while
	// building. The bundled data has none (the tests see to it).
	Problems []Problem
}

// Entity returns the entity with the given id, or nil.
func (g *Gazetteer) Entity(id string) *Entity { return g.byID[id] }

// Len is the number of entities.
func (g *Gazetteer) Len() int { return len(g.entities) }

// NameCount is the number of indexed name forms (with their variants).
func (g *Gazetteer) NameCount() int { return g.names }

// index builds the name index, the office holders and the role patterns.
func (g *Gazetteer) index() error {
	stop, err := loadStopwords()
	if err != nil {
		return err
	}
	g.stop = stop
	g.first = make(map[string][]nameEntry, len(g.entities)*8)
	g.holders = map[roleKey][]holding{}
	g.ctxToks = map[int32][][]string{}
	g.pos = make(map[*Entity]int32, len(g.entities))
	for i, e := range g.entities {
		ei := int32(i)
		g.pos[e] = ei
		for _, phrases := range e.Context {
			for _, p := range phrases {
				if toks := keyWords(p, false); len(toks) > 0 {
					g.ctxToks[ei] = append(g.ctxToks[ei], toks)
				}
			}
		}
		seen := map[string]bool{}
		e.allNames(func(lang, form string, how nameHow) {
			for _, v := range variants(form) {
				sig := string(rune('0'+how)) + strings.Join(v, " ")
				if seen[sig] || g.onlyStopwords(v) {
					continue
				}
				seen[sig] = true
				ne := nameEntry{ent: ei, rest: v[1:], how: how}
				if isAcronym(form) {
					ne.exact = strings.TrimSpace(form)
				}
				if len(v) == 1 && len(g.ctxToks[ei]) > 0 && how == howName {
					ne.ctx = true
				}
				g.first[v[0]] = append(g.first[v[0]], ne)
				g.names++
			}
		})
		for ri := range e.Roles {
			r := &e.Roles[ri]
			k := roleKey{r.Role, r.Of}
			g.holders[k] = append(g.holders[k], holding{ei, r})
		}
	}
	g.patterns, err = loadRolePatterns()
	return err
}

// variants gives the key-token sequences a name form can appear as: as
// written, with its ZWNJs read as spaces («علی‌اف» / «علی اف»), and with its
// words run together («قره باغ» / «قرهباغ»), since real text loses and adds
// both.
func variants(form string) [][]string {
	var out [][]string
	add := func(v []string) {
		if len(v) == 0 {
			return
		}
		for _, o := range out {
			if strings.Join(o, "\x00") == strings.Join(v, "\x00") {
				return
			}
		}
		out = append(out, v)
	}
	plain := keyWords(form, false)
	add(plain)
	add(keyWords(form, true))
	if len(plain) > 1 && allWords(plain) {
		add([]string{strings.Join(plain, "")})
	}
	return out
}

// keyWords splits a form into key tokens; zwnjSpace reads ZWNJ as a space.
func keyWords(form string, zwnjSpace bool) []string {
	if zwnjSpace {
		form = strings.ReplaceAll(form, "\u200c", " ")
	}
	d, _ := text.Display(form)
	k := text.KeyOf(d)
	toks := text.KeyTokens(k)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, k[t.Start:t.End])
	}
	return out
}

func allWords(toks []string) bool {
	for _, t := range toks {
		for _, r := range t {
			if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) {
				return false
			}
		}
	}
	return true
}

// onlyStopwords reports whether a form has no word that is not a function
// word (such a name would match everywhere).
func (g *Gazetteer) onlyStopwords(toks []string) bool {
	for _, t := range toks {
		if !g.stop[t] && hasLetter(t) {
			return false
		}
	}
	return true
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isAcronym reports whether a form is a short all-capital Latin acronym,
// which must match case-sensitively ("US" is not "us").
func isAcronym(form string) bool {
	form = strings.TrimSpace(form)
	letters := 0
	for _, r := range form {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.':
		default:
			return false
		}
	}
	return letters >= 1 && letters <= 4
}

func loadStopwords() (map[string]bool, error) {
	raw, err := bundledData.ReadFile("data/stopwords.txt")
	if err != nil {
		return nil, err
	}
	m := map[string]bool{}
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			m[text.KeyOf(w)] = true
		}
	}
	return m, nil
}

// Holder returns the entity that held role of country (or organisation) of
// on day t, or nil.
func (g *Gazetteer) Holder(role, of string, t time.Time) *Entity {
	for _, h := range g.holders[roleKey{role, of}] {
		if h.role.holds(t) {
			return g.entities[h.ent]
		}
	}
	return nil
}

// RolesOn lists the roles e held on day t.
func (e *Entity) RolesOn(t time.Time) []Role {
	var out []Role
	for _, r := range e.Roles {
		if r.holds(t) {
			out = append(out, r)
		}
	}
	return out
}
