package cluster

import "time"

// Same tells whether two reported events are the same real-world event:
//   - they come from different documents (one report's events were already
//     merged by the coder; two it keeps apart are two events);
//   - the same type, and modes that agree where both are known (a phone
//     call and a visit between the same leaders are two events);
//   - days that can coincide, give or take one (Slack): reports of one
//     event differ by a day across time zones and around midnight (the
//     Karabakh statement was signed on the night of 9 to 10 November); an
//     undated report's event falls in the week before its publication;
//   - parties that overlap: at least two on each side (or all of the smaller
//     side when it has fewer), and all of them when the days meet only
//     with the slack (Zarif in Baku one day and in Moscow the next are two
//     visits), where a person or organisation and the state
//     it belongs to are the same party (Putin ~ Russia) but two people of
//     one state are not (Lavrov is not Putin).
//
// Same is symmetric and looks at nothing but the two items, so clusters do
// not depend on the order reports arrive in.
func Same(a, b *Item) bool {
	if a.Doc == b.Doc || a.Type != b.Type {
		return false
	}
	if a.Mode != "" && b.Mode != "" && a.Mode != b.Mode {
		return false
	}
	if !Overlap(a.Lo, a.Hi, b.Lo, b.Hi) {
		return false
	}
	pa, pb := a.Parties(), b.Parties()
	if len(pa) == 0 || len(pb) == 0 {
		return false
	}
	if a.Lo > b.Hi || b.Lo > a.Hi {
		// the days meet only with the slack: every party must match
		return covered(pa, pb) == len(pa) && covered(pb, pa) == len(pb)
	}
	need := min(2, len(pa), len(pb))
	return covered(pa, pb) >= need && covered(pb, pa) >= need
}

// covered counts the parties of xs that match some party of ys.
func covered(xs, ys []Party) int {
	n := 0
	for _, x := range xs {
		for _, y := range ys {
			if samePartyOf(x, y) {
				n++
				break
			}
		}
	}
	return n
}

// samePartyOf: the same entity, or a state and someone who belongs to it.
func samePartyOf(x, y Party) bool {
	switch {
	case x.ID == y.ID:
		return true
	case x.Country && y.State == x.ID, y.Country && x.State == y.ID:
		return true
	}
	return false
}

// Slack is the days by which two reports of one event may disagree.
const Slack = 1

// Overlap tells whether two windows of days meet, give or take Slack days.
// An empty window meets nothing.
func Overlap(alo, ahi, blo, bhi string) bool {
	if alo == "" || blo == "" {
		return false
	}
	if alo <= bhi && blo <= ahi {
		return true
	}
	return shift(bhi, Slack) >= alo && shift(ahi, Slack) >= blo
}

// shift moves a day by n days; a malformed day stays as it is.
func shift(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}

// IndexKeys are the keys an item is found by: one per party, its id.
func IndexKeys(it *Item) []string {
	var out []string
	for _, p := range it.Parties() {
		out = appendNew(out, "i:"+p.ID)
		if !p.Country && p.State != "" {
			out = appendNew(out, "s:"+p.State)
		}
	}
	return out
}

// QueryKeys are the keys under which the items that may be the same as it
// are found (IndexKeys of theirs): a party's own id, the members of a
// state that is a party, and the state of a party that belongs to one.
// Same needs a matching party, so an item that shares no key cannot be
// the same.
func QueryKeys(it *Item) []string {
	var out []string
	for _, p := range it.Parties() {
		out = appendNew(out, "i:"+p.ID)
		if p.Country {
			out = appendNew(out, "s:"+p.ID)
		} else if p.State != "" {
			out = appendNew(out, "i:"+p.State)
		}
	}
	return out
}

func appendNew(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}
