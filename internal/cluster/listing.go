package cluster

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strconv"
	"strings"
)

// Listing is one real-world event with every report behind it: the
// contract's event listing object.
type Listing struct {
	ID         string     `json:"id"`
	Type       string     `json:"type"`
	Mode       *string    `json:"mode"`
	Actors     []Party    `json:"actors"`
	Recipients []Party    `json:"recipients"`
	Date       *string    `json:"date"`
	Location   *Party     `json:"location"`
	Documents  []string   `json:"documents"`
	Languages  []string   `json:"languages"`
	Sources    int        `json:"sources"`
	Evidence   []Evidence `json:"evidence"`
	// Publishers are the outlets behind the documents.
	Publishers []string `json:"publishers"`
	// Reports counts the reported events merged here (a document may
	// report one event twice, in two sentences the coder kept apart).
	Reports int `json:"reports"`
	// Confidence is the highest confidence of the reports.
	Confidence float64 `json:"confidence"`
	// First is the earliest publication day among the documents.
	First string `json:"first_published,omitempty"`
	// Contexts are the PLOVER contexts any report gives.
	Contexts []string `json:"contexts"`
}

// Evidence is one document's statement of the event.
type Evidence struct {
	Document string `json:"document"`
	Text     string `json:"text"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Lang     string `json:"lang"`
}

// Link says two documents are copies of one report (near-duplicates).
type Link struct{ A, B string }

// ID names a cluster: a hash of its type and its least member (by
// document id, then position). It is a function of the members alone, so
// every ingest order gives the same id; it changes only when a member that
// sorts first joins (as when two clusters merge).
func ID(members []Item) string {
	least := members[0]
	for _, m := range members[1:] {
		if Less(m.Doc, m.Index, least.Doc, least.Index) {
			least = m
		}
	}
	return IDOf(least.Type, least.Doc, least.Index)
}

// IDOf is the id of a cluster of type typ whose least member is item idx
// of document doc.
func IDOf(typ, doc string, idx int) string {
	sum := sha256.Sum256([]byte(typ + "|" + doc + "#" + strconv.Itoa(idx)))
	return "ev-" + hex.EncodeToString(sum[:8])
}

// Less orders members: by document id, then position.
func Less(doc string, idx int, doc2 string, idx2 int) bool {
	return doc < doc2 || doc == doc2 && idx < idx2
}

// EncodeParties writes what Same needs of an item's parties (ids, states,
// which are countries) as a compact string, so a store can screen
// candidates without decoding whole items.
func EncodeParties(ps []Party) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteByte('\x1e')
		}
		b.WriteString(p.ID)
		b.WriteByte('\x1f')
		b.WriteString(p.State)
		if p.Country {
			b.WriteString("\x1fc")
		}
	}
	return b.String()
}

// DecodeParties reads EncodeParties (names are left empty).
func DecodeParties(s string) []Party {
	if s == "" {
		return nil
	}
	var out []Party
	for _, rec := range strings.Split(s, "\x1e") {
		f := strings.Split(rec, "\x1f")
		p := Party{ID: f[0]}
		if len(f) > 1 {
			p.State = f[1]
		}
		p.Country = len(f) > 2 && f[2] == "c"
		out = append(out, p)
	}
	return out
}

// Build makes the listing of one cluster from its members. links are the
// near-duplicate pairs known among (at least) its documents: copies count
// as one source, and so do two documents of one publisher.
func Build(members []Item, links []Link) Listing {
	ms := slices.Clone(members)
	slices.SortFunc(ms, func(a, b Item) int {
		return cmp.Or(cmp.Compare(a.Published, b.Published), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.Index, b.Index))
	})
	l := Listing{ID: ID(ms), Type: ms[0].Type, Reports: len(ms), Documents: []string{}, Languages: []string{},
		Publishers: []string{}, Evidence: []Evidence{}, Contexts: []string{}}
	modes, dates, places := counter{}, counter{}, counter{}
	placeOf := map[string]Party{}
	for _, m := range ms {
		modes.add(m.Mode)
		dates.add(m.Date)
		if m.Location != nil {
			places.add(m.Location.ID)
			placeOf[m.Location.ID] = *m.Location
		}
		if !slices.Contains(l.Documents, m.Doc) {
			l.Documents = append(l.Documents, m.Doc)
		}
		if m.Lang != "" && !slices.Contains(l.Languages, m.Lang) {
			l.Languages = append(l.Languages, m.Lang)
		}
		if m.Publisher != "" && !slices.Contains(l.Publishers, m.Publisher) {
			l.Publishers = append(l.Publishers, m.Publisher)
		}
		if m.Published != "" && (l.First == "" || m.Published < l.First) {
			l.First = m.Published
		}
		l.Confidence = max(l.Confidence, m.Confidence)
		for _, c := range m.Contexts {
			if !slices.Contains(l.Contexts, c) {
				l.Contexts = append(l.Contexts, c)
			}
		}
		l.Evidence = append(l.Evidence, Evidence{Document: m.Doc, Text: m.Evidence.Text, Start: m.Evidence.Start, End: m.Evidence.End, Lang: m.Lang})
	}
	slices.Sort(l.Languages)
	slices.Sort(l.Publishers)
	slices.Sort(l.Contexts)
	if s := modes.top(); s != "" {
		l.Mode = &s
	}
	if s := dates.top(); s != "" {
		l.Date = &s
	}
	if s := places.top(); s != "" {
		p := placeOf[s]
		l.Location = &p
	}
	l.Actors, l.Recipients = parties(ms)
	l.Sources = Sources(ms, links)
	return l
}

// parties merges the members' parties. A party is a recipient when more
// reports have it receive than act; a state is left out when someone who
// speaks for it is a party (Putin stands for Russia).
func parties(ms []Item) (actors, recipients []Party) {
	type tally struct {
		p         Party
		act, recv int
		first     int
	}
	var all []*tally
	by := map[string]*tally{}
	note := func(p Party, recv bool) {
		t := by[p.ID]
		if t == nil {
			t = &tally{p: p, first: len(all)}
			by[p.ID] = t
			all = append(all, t)
		}
		if recv {
			t.recv++
		} else {
			t.act++
		}
	}
	for _, m := range ms {
		for _, p := range m.Actors {
			note(p, false)
		}
		for _, p := range m.Recipients {
			note(p, true)
		}
	}
	spoken := map[string]bool{}
	for _, t := range all {
		if t.p.State != "" {
			spoken[t.p.State] = true
		}
	}
	slices.SortStableFunc(all, func(a, b *tally) int {
		return cmp.Or(cmp.Compare(b.act+b.recv, a.act+a.recv), cmp.Compare(a.first, b.first))
	})
	actors, recipients = []Party{}, []Party{}
	for _, t := range all {
		if t.p.Country && spoken[t.p.ID] {
			continue
		}
		if t.recv > t.act {
			recipients = append(recipients, t.p)
		} else {
			actors = append(actors, t.p)
		}
	}
	return actors, recipients
}

// Sources counts the independent publishers behind the members' documents:
// documents of one publisher count once, and so do copies of one report
// (linked documents), whoever published them.
func Sources(ms []Item, links []Link) int {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[max(ra, rb)] = min(ra, rb)
		}
	}
	docs := map[string]bool{}
	for _, m := range ms {
		docs[m.Doc] = true
		find("d:" + m.Doc)
		if m.Publisher != "" {
			union("d:"+m.Doc, "p:"+m.Publisher)
		}
	}
	for _, k := range links {
		union("d:"+k.A, "d:"+k.B)
	}
	roots := map[string]bool{}
	for d := range docs {
		roots[find("d:"+d)] = true
	}
	return len(roots)
}

// counter finds the most frequent non-empty value; ties go to the value
// that sorts first, so the result does not depend on order.
type counter map[string]int

func (c counter) add(s string) {
	if s != "" {
		c[s]++
	}
}

func (c counter) top() string {
	best, n := "", 0
	for s, k := range c {
		if k > n || k == n && strings.Compare(s, best) < 0 {
			best, n = s, k
		}
	}
	return best
}

// Components groups items into clusters by Same, for a whole batch at once
// (the store does the same incrementally). Each cluster is in input order;
// clusters are ordered by their first item.
func Components(items []Item) [][]Item {
	parent := make([]int, len(items))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			if Same(&items[i], &items[j]) {
				if ri, rj := find(i), find(j); ri != rj {
					parent[max(ri, rj)] = min(ri, rj)
				}
			}
		}
	}
	groups := map[int][]Item{}
	var order []int
	for i := range items {
		r := find(i)
		if _, ok := groups[r]; !ok {
			order = append(order, r)
		}
		groups[r] = append(groups[r], items[i])
	}
	out := make([][]Item, 0, len(order))
	for _, r := range order {
		out = append(out, groups[r])
	}
	return out
}
