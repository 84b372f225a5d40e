// Package cluster decides which reports speak of the same real-world event.
// It finds near-duplicate texts (syndicated copies, see minhash.go) and
// merges events from different documents and languages (same.go) into one
// event listing that keeps every report behind it (listing.go).
//
// Clustering is defined on pairs: two reported events are the same event
// when Same says so, and an event is a connected component of that relation.
// A component does not depend on the order its members arrive in, and
// growing it as reports arrive gives the same result as computing it over
// all of them at once. The store applies it incrementally, inside the
// transaction that stores each document.
package cluster

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/analyze"
)

// Party is an actor or recipient of an event.
type Party struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	// State is the country the party belongs to ("" for a country itself,
	// or when unknown).
	State string `json:"state,omitempty"`
	// Country marks a party that is a state.
	Country bool `json:"country,omitempty"`
}

// Item is one event as one document reports it: what clustering compares.
type Item struct {
	Doc   string `json:"doc"`
	Index int    `json:"index"` // position among the document's events
	Type  string `json:"type"`
	Mode  string `json:"mode,omitempty"`
	// Actors and Recipients as the document codes them.
	Actors     []Party `json:"actors"`
	Recipients []Party `json:"recipients"`
	// Date is the day the event happened, "" when the report does not say.
	Date string `json:"date,omitempty"`
	// Lo and Hi bound the days the event may have happened on: the date
	// itself, or for an undated report the days before its publication.
	// Both are "" when nothing bounds it.
	Lo        string `json:"lo,omitempty"`
	Hi        string `json:"hi,omitempty"`
	Published string `json:"published,omitempty"`
	Location  *Party `json:"location,omitempty"`
	Lang      string `json:"lang"`
	// Publisher is the outlet (the source a corpus names, else the URL's
	// host); "" when unknown.
	Publisher  string       `json:"publisher,omitempty"`
	Evidence   analyze.Span `json:"evidence"`
	Confidence float64      `json:"confidence"`
	Primary    bool         `json:"primary,omitempty"`
	Pattern    string       `json:"pattern,omitempty"`
	// Contexts are the PLOVER contexts of the report (health, territory…).
	Contexts []string `json:"contexts,omitempty"`
}

// UndatedWindow is how many days before its publication an undated report's
// event may have happened.
const UndatedWindow = 7

// Key identifies the item: its document and position.
func (it *Item) Key() string { return it.Doc + "#" + strconv.Itoa(it.Index) }

// Parties lists actors then recipients.
func (it *Item) Parties() []Party {
	out := make([]Party, 0, len(it.Actors)+len(it.Recipients))
	out = append(out, it.Actors...)
	return append(out, it.Recipients...)
}

// Items turns a document's analysis into the items clustering compares.
// publisher names the outlet ("" to derive it from the URL).
func Items(docID, publisher string, a *analyze.Analysis) []Item {
	ents := make(map[string]analyze.Entity, len(a.Entities))
	for _, e := range a.Entities {
		ents[e.ID] = e
	}
	party := func(id string) Party {
		e, ok := ents[id]
		if !ok {
			return Party{ID: id, Name: id}
		}
		p := Party{ID: id, Name: e.Name, Country: e.Kind == "country"}
		if !p.Country {
			p.State = e.Country
		}
		return p
	}
	parties := func(ids []string) []Party {
		out := make([]Party, 0, len(ids))
		for _, id := range ids {
			out = append(out, party(id))
		}
		return out
	}
	if publisher == "" {
		publisher = Publisher(a.URL)
	}
	published := ""
	if a.Published != nil {
		published = *a.Published
	}
	out := make([]Item, 0, len(a.Events))
	for i, ev := range a.Events {
		it := Item{Doc: docID, Index: i, Type: ev.Type, Actors: parties(ev.Actors), Recipients: parties(ev.Recipients),
			Published: published, Lang: a.Lang, Publisher: publisher, Evidence: ev.Evidence,
			Confidence: ev.Confidence, Primary: ev.Primary, Pattern: ev.Pattern, Contexts: ev.Contexts}
		if ev.Mode != nil {
			it.Mode = *ev.Mode
		}
		if ev.Location != nil {
			p := party(*ev.Location)
			it.Location = &p
		}
		if ev.Date != nil {
			it.Date = *ev.Date
		}
		it.Lo, it.Hi = window(it.Date, published)
		out = append(out, it)
	}
	return out
}

// window bounds the days an event may have happened on.
func window(date, published string) (lo, hi string) {
	if date != "" {
		return date, date
	}
	p, err := time.Parse("2006-01-02", published)
	if err != nil {
		return "", ""
	}
	return p.AddDate(0, 0, -UndatedWindow).Format("2006-01-02"), published
}

// Publisher derives an outlet from a URL: its host without "www.", "m." or
// "amp.", or "" without a URL.
func Publisher(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	h := strings.ToLower(u.Hostname())
	for _, p := range []string{"www.", "m.", "amp.", "mobile."} {
		h = strings.TrimPrefix(h, p)
	}
	return h
}
