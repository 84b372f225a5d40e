package gazetteer

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/rasad/rasad/internal/text"
)

// Found is an entity that Search found, and how.
type Found struct {
	Entity *Entity
	// Name is the name form that matched best, as the data writes it (the
	// query itself when Lookup or the id found the entity).
	Name string
	// Rank says how well it matched: RankWhole, RankPrefix, RankWord or
	// RankInside.
	Rank int
}

// Ranks of a Found, best first.
const (
	RankWhole  = iota // the whole name (or the entity's id)
	RankPrefix        // the beginning of a name: "Vladimir Pu"
	RankWord          // the beginning of a later word of a name: "Puti", «پوت»
	RankInside        // inside a name
)

// searchForm is one name form as Search compares it.
type searchForm struct {
	key  string // folded: letters and digits of its matching key, one space between words
	flat string // key without the spaces
	name string // as written
	ent  int32
}

// Search finds the entities whose names in any script match q, best first,
// at most limit of them (limit <= 0 means 20): a whole name, in any of its
// spellings, or a part of one. Names are compared on their matching keys
// with Latin diacritics folded, so «الكرملين» finds «الکرملین» and "Erdogan"
// finds "Erdoğan" (the Persian «پوتین» and the Arabic «بوتين» are each a
// name of Putin's record); spaces and punctuation do not count («علی اف»
// finds «علی‌اف»). A name with an Arabic clitic or a Persian
// suffix is found as Lookup finds it, and an entity id stands for itself.
//
// Search scans every name form for q with one strings.Index over all of
// them: over the bundled gazetteer's 24,000 forms, about 40 µs for a Latin
// query, 200–300 µs for one in Arabic script (whose bytes share their
// leads), 4 ms for a single letter, which thousands of names hold (see
// BenchmarkSearch). The folded forms are made once, on the first search
// (about 60 ms).
func (g *Gazetteer) Search(q string, limit int) []Found {
	if limit <= 0 {
		limit = 20
	}
	qflat := strings.ReplaceAll(searchKey(q), " ", "")
	if qflat == "" {
		return nil
	}
	best := map[string]Found{} // by entity id
	forms, all, starts := g.searchIndex()
	for at := 0; at < len(all); {
		i := strings.Index(all[at:], qflat)
		if i < 0 {
			break
		}
		n, _ := slices.BinarySearch(starts, int32(at+i+1))
		f := &forms[n-1] // the form whose text holds the match
		at = int(starts[n-1]) + len(f.flat) + 1
		e, rank := g.entities[f.ent], f.rank(qflat)
		if b, ok := best[e.ID]; ok && (b.Rank < rank || b.Rank == rank && len(b.Name) <= len(f.name)) {
			continue
		}
		best[e.ID] = Found{Entity: e, Name: f.name, Rank: rank}
	}
	whole := g.Lookup(q)
	if e := g.Entity(strings.TrimSpace(q)); e != nil {
		whole = append(whole, e)
	}
	for _, e := range whole {
		if best[e.ID].Entity == nil || best[e.ID].Rank != RankWhole {
			best[e.ID] = Found{Entity: e, Name: strings.TrimSpace(q), Rank: RankWhole}
		}
	}
	out := make([]Found, 0, len(best))
	for _, f := range best {
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b Found) int {
		return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(len(a.Name), len(b.Name)), cmp.Compare(a.Entity.ID, b.Entity.ID))
	})
	return out[:min(limit, len(out))]
}

// rank says how a form that contains qflat matches it.
func (f *searchForm) rank(qflat string) int {
	switch {
	case f.flat == qflat:
		return RankWhole
	case strings.HasPrefix(f.flat, qflat):
		return RankPrefix
	}
	for i := 0; i < len(f.key); i++ {
		if f.key[i] == ' ' && prefixOverSpaces(f.key[i+1:], qflat) {
			return RankWord
		}
	}
	return RankInside
}

// prefixOverSpaces reports whether s without its spaces starts with p.
func prefixOverSpaces(s, p string) bool {
	j := 0
	for i := 0; i < len(s) && j < len(p); i++ {
		switch {
		case s[i] == ' ':
		case s[i] == p[j]:
			j++
		default:
			return false
		}
	}
	return j == len(p)
}

// searchIndex folds every name form of every entity, once, and joins
// their flat keys, each after a NUL, so that one strings.Index call scans
// them all: starts[i] is where form i's flat key begins in all.
func (g *Gazetteer) searchIndex() (forms []searchForm, all string, starts []int32) {
	g.finder.once.Do(func() {
		var b strings.Builder
		for i, e := range g.entities {
			seen := map[string]bool{}
			add := func(name string) {
				key := searchKey(name)
				if key == "" || seen[key] {
					return
				}
				seen[key] = true
				f := searchForm{key: key, flat: strings.ReplaceAll(key, " ", ""), name: name, ent: int32(i)}
				b.WriteByte(0)
				g.finder.starts = append(g.finder.starts, int32(b.Len()))
				b.WriteString(f.flat)
				g.finder.forms = append(g.finder.forms, f)
			}
			add(e.Name)
			for _, lang := range sortedKeys(e.Names) {
				for _, n := range e.Names[lang] {
					add(n)
				}
			}
			for _, lang := range sortedKeys(e.Surnames) {
				for _, n := range e.Surnames[lang] {
					add(n)
				}
			}
		}
		g.finder.all = b.String()
	})
	return g.finder.forms, g.finder.all, g.finder.starts
}

func sortedKeys(m map[string][]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// searchKey folds a name or a query for Search: Latin diacritics dropped,
// the matching key (ی/ي, ک/ك, harakat, case), and only letters and digits
// kept, one space between words.
func searchKey(s string) string {
	d, _ := text.Display(foldLatin(s))
	var b strings.Builder
	gap := false
	for _, r := range text.KeyOf(d) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(r)
			continue
		}
		gap = true
	}
	return b.String()
}
