package gazetteer

import (
	"sort"

	"github.com/rasad/rasad/internal/text"
)

// Lookup returns the entities a name may denote, in any script: the name
// must be a whole name form (an Arabic clitic or a Persian suffix on it is
// allowed), and every entity sharing it is listed, most recent office first.
// «أردوغان», «اردوغان» and «Erdogan» find the same person.
func (g *Gazetteer) Lookup(name string) []*Entity {
	display, _ := text.Display(name)
	k := text.Key(display)
	m := &matcher{g: g, display: display, k: k, key: k.Key, toks: k.Tokens(),
		clitics: true, suffixes: true, seen: map[int32]bool{}, surnames: map[string]int32{}}
	if len(m.toks) == 0 {
		return nil
	}
	c, ok := m.longest(0)
	if !ok || c.n != len(m.toks) {
		return nil
	}
	seen := map[int32]bool{}
	var ids []int32
	for _, ne := range c.entries {
		if !seen[ne.ent] {
			seen[ne.ent] = true
			ids = append(ids, ne.ent)
		}
	}
	sort.SliceStable(ids, func(a, b int) bool { return latestStart(g.entities[ids[a]]) > latestStart(g.entities[ids[b]]) })
	out := make([]*Entity, len(ids))
	for i, id := range ids {
		out[i] = g.entities[id]
	}
	return out
}

func latestStart(e *Entity) string {
	s := ""
	for _, r := range e.Roles {
		if r.From > s {
			s = r.From
		}
	}
	return s
}

// ActorIDs returns the ids of the entities a name may denote, in any
// script, as Lookup finds them; an entity id stands for itself. It is how
// a user's --actor or ?actor= becomes the ids events are filtered by.
func (g *Gazetteer) ActorIDs(name string) []string {
	if e := g.Entity(name); e != nil {
		return []string{e.ID}
	}
	var ids []string
	for _, e := range g.Lookup(name) {
		ids = append(ids, e.ID)
	}
	return ids
}
