package coding

import (
	"slices"
	"time"

	"github.com/rasad/rasad/internal/gazetteer"
)

// merge codes one real event once: events of one type whose parties
// overlap (a person and the state they serve count as one party), whose
// modes agree (or one has none) and whose dates agree (or one has none) are
// one event, with the most specific mode, the first evidence (the title or
// lead states it best) and every party — a state dropped for the person who
// stands for it.
func merge(events []Event, g *gazetteer.Gazetteer, on time.Time) []Event {
	var out []Event
	for _, ev := range events {
		merged := false
		for i := range out {
			o := &out[i]
			if o.Type != ev.Type || !overlap(o, &ev, g, on) {
				continue
			}
			if o.Mode != "" && ev.Mode != "" && o.Mode != ev.Mode {
				continue
			}
			if o.Date != "" && ev.Date != "" && o.Date != ev.Date {
				continue
			}
			if o.Mode == "" {
				o.Mode = ev.Mode
			}
			if o.Date == "" {
				o.Date = ev.Date
			}
			if o.Location == "" {
				o.Location = ev.Location
			}
			if len(o.Recipients) == 0 && len(ev.Recipients) > 0 && ev.Mode == o.Mode {
				o.Actors, o.Recipients = ev.Actors, ev.Recipients
			} else {
				o.Actors = mergeIDs(o.Actors, without(ev.Actors, o.Recipients))
			}
			if a := represented(o.Actors, append(append([]string{}, o.Actors...), o.Recipients...), g, on); len(a) > 0 {
				o.Actors = a
			}
			o.Confidence = max(o.Confidence, ev.Confidence)
			merged = true
			break
		}
		if !merged {
			out = append(out, ev)
		}
	}
	return out
}

// overlap reports whether two events share their parties: the same
// entity, or a person and the state they serve. Two different persons of
// one state are different parties (Popova is not Putin).
func overlap(a, b *Event, g *gazetteer.Gazetteer, on time.Time) bool {
	isPerson := func(x string) bool {
		e := g.Entity(x)
		return e != nil && e.Kind == gazetteer.KindPerson
	}
	same := func(x, y string) bool {
		switch {
		case x == y:
			return true
		case isPerson(x) && isPerson(y):
			return false
		case isPerson(x):
			return slices.Contains(serves(g, x, on), y)
		case isPerson(y):
			return slices.Contains(serves(g, y, on), x)
		}
		return false
	}
	if len(a.Recipients) > 0 && len(b.Recipients) > 0 && !shares(a.Actors, b.Actors, same) {
		// each side names who acted, and they differ: Iran freed
		// Americans, and the United States Iranians
		return false
	}
	as := append(append([]string{}, a.Actors...), a.Recipients...)
	bs := append(append([]string{}, b.Actors...), b.Recipients...)
	n := 0
	for _, y := range bs {
		for _, x := range as {
			if same(x, y) {
				n++
				break
			}
		}
	}
	return n >= 2 || n >= 1 && (len(as) == 1 || len(bs) == 1)
}

// shares reports whether some x of a and y of b are the same party.
func shares(a, b []string, same func(x, y string) bool) bool {
	for _, x := range a {
		for _, y := range b {
			if same(x, y) {
				return true
			}
		}
	}
	return false
}

// represented drops from ids the states and organisations that a person or
// a body among all serves (Guterres speaks for the United Nations, Egypt's
// foreign ministry for Egypt).
func represented(ids, all []string, g *gazetteer.Gazetteer, on time.Time) []string {
	served := map[string]bool{}
	for _, x := range all {
		if e := g.Entity(x); e != nil && e.Kind != gazetteer.KindCountry {
			for _, s := range serves(g, x, on) {
				served[s] = true
			}
		}
	}
	var out []string
	for _, x := range ids {
		if e := g.Entity(x); e != nil && e.Kind != gazetteer.KindPerson && served[x] {
			continue
		}
		out = append(out, x)
	}
	return out
}

// serves lists the states and organisations an entity speaks for on day
// on: the state a person or a state body belongs to and, for a person, the
// country or organisation of each office held that day (every office when
// the day is unknown). Hissein Brahim Taha serves Chad and the OIC.
func serves(g *gazetteer.Gazetteer, id string, on time.Time) []string {
	e := g.Entity(id)
	if e == nil || e.Kind == gazetteer.KindCountry {
		return nil
	}
	switch e.Type {
	case "armed-group", "political-party", "news-outlet", "other":
		// Hezbollah, the Houthis, a party, a newspaper: of a country, not
		// its voice
		return nil
	}
	var out []string
	if e.Country != "" {
		out = append(out, e.Country)
	}
	roles := e.Roles
	if !on.IsZero() {
		roles = e.RolesOn(on)
	}
	for _, r := range roles {
		if r.Of != "" && !slices.Contains(out, r.Of) {
			out = append(out, r.Of)
		}
	}
	return out
}

func without(a, b []string) []string {
	var out []string
	for _, x := range a {
		keep := true
		for _, y := range b {
			if x == y {
				keep = false
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}
