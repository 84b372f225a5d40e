package gazetteer

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

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
// It holds one string and no other pointer, which keeps a million-name
// index cheap to build and to scan for the garbage collector.
type nameEntry struct {
	// rest is the key tokens after the first, each followed by a NUL.
	rest string
	ent  int32
	how  nameHow
	// exact: the form must match case-sensitively (short all-capital
	// acronyms: "US", "IS", "EU"); the form is in Gazetteer.exact.
	exact bool
	// ctx: a single-word form that needs a context word before it.
	ctx bool
	// capital: a Latin form written with a capital, which the text must
	// have too ("Turkey", not "a turkey").
	capital bool
	// langs are the languages whose forms give this entry; a form in Arabic
	// script matches only in texts of those languages (Persian «ترک» is not
	// Arabic «ترك», "left"), a form in another script anywhere.
	langs langSet
}

// langSet is a set of the languages that share the Arabic script.
type langSet uint8

const (
	langFa langSet = 1 << iota
	langAr
	langOther     // a language rasad does not tell apart (ur, ps, ckb…)
	langAnyScript // a form outside the Arabic script: matches in every text
)

func langBit(lang string) langSet {
	switch lang {
	case "fa":
		return langFa
	case "ar":
		return langAr
	}
	return langOther
}

// allows reports whether an entry may match in a text of language lang.
func (s langSet) allows(lang string) bool {
	if lang == "" || s&langAnyScript != 0 {
		return true
	}
	switch lang {
	case "fa", "ar":
		return s&langBit(lang) != 0
	}
	return true
}

// holding is one term of an office.
type holding struct {
	ent  int32
	role *Role
}

type roleKey struct{ role, of string }

type exactKey struct {
	ent   int32
	first string
}

// Gazetteer is a searchable set of entities. It is read-only once built and
// safe for concurrent use.
type Gazetteer struct {
	entities []*Entity
	byID     map[string]*Entity
	first    map[string][]nameEntry
	holders  map[roleKey][]holding
	ctxToks  map[int32][][]string      // entity → context phrases as key tokens
	ctxLangs map[int32]map[string]bool // entity → languages whose texts need them
	exact    map[exactKey]string       // case-sensitive forms
	patterns *rolePatterns
	stop     map[string]bool
	names    int // name forms indexed
	// finder holds every name form as Search compares them, made on the
	// first search.
	finder struct {
		once   sync.Once
		forms  []searchForm
		all    string
		starts []int32
	}
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
	g.holders = map[roleKey][]holding{}
	g.ctxToks = map[int32][][]string{}
	g.ctxLangs = map[int32]map[string]bool{}
	g.exact = map[exactKey]string{}
	for i, e := range g.entities {
		ei := int32(i)
		for lang, phrases := range e.Context {
			if g.ctxLangs[ei] == nil {
				g.ctxLangs[ei] = map[string]bool{}
			}
			g.ctxLangs[ei][lang] = true
			for _, p := range phrases {
				if toks := keyWords(p, false); len(toks) > 0 {
					g.ctxToks[ei] = append(g.ctxToks[ei], toks)
				}
			}
		}
		for ri := range e.Roles {
			r := &e.Roles[ri]
			k := roleKey{r.Role, r.Of}
			g.holders[k] = append(g.holders[k], holding{ei, r})
		}
	}
	// Keying the names is the costly part: do it on every core, in chunks,
	// then fill the index in entity order so it does not depend on timing.
	chunks := parallelChunks(len(g.entities), func(lo, hi int) []keyedName {
		var out []keyedName
		for i := lo; i < hi; i++ {
			out = g.keyNames(int32(i), out)
		}
		return out
	})
	total := 0
	for _, c := range chunks {
		total += len(c)
	}
	g.first = make(map[string][]nameEntry, total)
	for _, c := range chunks {
		for _, kn := range c {
			g.first[kn.first] = append(g.first[kn.first], kn.ne)
			if kn.exact != "" {
				g.exact[exactKey{kn.ne.ent, kn.first}] = kn.exact
			}
		}
		g.names += len(c)
	}
	g.patterns, err = loadRolePatterns()
	return err
}

// keyedName is one index entry and its first key token.
type keyedName struct {
	first string
	ne    nameEntry
	exact string
}

// keyNames appends the index entries of entity ei's names to out.
func (g *Gazetteer) keyNames(ei int32, out []keyedName) []keyedName {
	e := g.entities[ei]
	var seen []string // forms indexed for this entity, to merge repeats
	base := len(out)
	hasCtx := len(e.Context) > 0
	e.allNames(func(lang, form string, how nameHow) {
		bit := langBit(lang)
		if !inArabicScript(form) {
			bit = langAnyScript
		}
		for _, v := range variants(form) {
			sig := string(rune('0'+how)) + strings.Join(v, "\x00")
			if i := slices.Index(seen, sig); i >= 0 {
				out[base+i].ne.langs |= bit
				continue
			}
			if g.onlyStopwords(v) && !isAcronym(form) {
				continue
			}
			seen = append(seen, sig)
			var rest strings.Builder
			for _, t := range v[1:] {
				rest.WriteString(t)
				rest.WriteByte(0)
			}
			kn := keyedName{first: v[0], ne: nameEntry{ent: ei, rest: rest.String(), how: how, langs: bit}}
			if isAcronym(form) {
				kn.ne.exact = true
				kn.exact = strings.TrimSpace(form)
			} else if r, _ := utf8.DecodeRuneInString(strings.TrimSpace(form)); r < 0x250 && unicode.IsUpper(r) {
				kn.ne.capital = true
			}
			if len(v) == 1 && hasCtx && how == howName {
				kn.ne.ctx = true
			}
			out = append(out, kn)
		}
	})
	return out
}

// inArabicScript reports whether a form is written in the Arabic script.
func inArabicScript(form string) bool {
	for _, r := range form {
		if r >= 0x0600 && r <= 0x06ff || r >= 0x0750 && r <= 0x077f || r >= 0xfb50 && r <= 0xfeff {
			return true
		}
	}
	return false
}

// parallelChunks splits [0, n) into chunks, runs fn on them on every core
// and returns the results in chunk order.
func parallelChunks[T any](n int, fn func(lo, hi int) []T) [][]T {
	workers := runtime.GOMAXPROCS(0)
	size := max(1024, (n+workers*4-1)/(workers*4))
	var out [][]T
	for lo := 0; lo < n; lo += size {
		out = append(out, nil)
	}
	var wg sync.WaitGroup
	next := make(chan int, len(out))
	for c := range out {
		next <- c
	}
	close(next)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range next {
				lo := c * size
				out[c] = fn(lo, min(n, lo+size))
			}
		}()
	}
	wg.Wait()
	return out
}

// variants gives the key-token sequences a name form can appear as: as
// written, with its ZWNJs read as spaces («علی‌اف» / «علی اف»), and with its
// words run together («قره باغ» / «قرهباغ»), since real text loses and adds
// both.
func variants(form string) [][]string {
	d, _ := text.Display(form)
	plain := keyTokens(text.KeyOf(d))
	out := [][]string{plain}
	if strings.ContainsRune(d, '\u200c') {
		if spaced := keyTokens(text.KeyOf(strings.ReplaceAll(d, "\u200c", " "))); !sameTokens(spaced, plain) {
			out = append(out, spaced)
		}
	}
	if len(plain) > 1 && allWords(plain) {
		out = append(out, []string{strings.Join(plain, "")})
	}
	if len(plain) == 0 {
		return nil
	}
	return out
}

func sameTokens(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// keyWords splits a form into key tokens; zwnjSpace reads ZWNJ as a space.
func keyWords(form string, zwnjSpace bool) []string {
	if zwnjSpace {
		form = strings.ReplaceAll(form, "\u200c", " ")
	}
	d, _ := text.Display(form)
	return keyTokens(text.KeyOf(d))
}

// keyTokens splits a key into its tokens' strings.
func keyTokens(k string) []string {
	toks := text.KeyTokens(k)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = k[t.Start:t.End]
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

var loadStopwords = sync.OnceValues(func() (map[string]bool, error) {
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
})

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
