package api

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// maxHits bounds how deep search pages go: the store ranks at most this
// many hits of one query.
const maxHits = 1000

// hit is one document found by a search.
type hit struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Lang      string `json:"lang"`
	Published string `json:"published"`
	Snippet   string `json:"snippet"`
}

// hitPage is a page of search results.
type hitPage struct {
	Documents []hit `json:"documents"`
	// Next continues the results (as ?cursor=); "" after the last page.
	Next string `json:"next"`
}

// search answers GET /api/search?q=&limit=&cursor=: the documents with
// every word of q, matched on keys, best first.
func (a *api) search(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeError(w, http.StatusBadRequest, "q: the words to search for are missing")
		return
	}
	limit, err := limitParam(r, 20, 100)
	if badRequest(w, err) {
		return
	}
	offset, err := searchCursor(r.URL.Query().Get("cursor"))
	if badRequest(w, err) {
		return
	}
	want := min(offset+limit+1, maxHits) // one more tells whether more remain
	hits, err := a.s.Search(r.Context(), q, want)
	if err != nil {
		a.failed(w, r, err)
		return
	}
	page := hitPage{Documents: []hit{}}
	for i := offset; i < len(hits) && i < offset+limit; i++ {
		h := hits[i]
		page.Documents = append(page.Documents, hit{ID: h.ID, Title: h.Title, Lang: h.Lang, Published: h.Published, Snippet: h.Snippet})
	}
	if len(hits) > offset+limit {
		page.Next = base64.RawURLEncoding.EncodeToString([]byte("o" + strconv.Itoa(offset+limit)))
	}
	writeJSON(w, http.StatusOK, page)
}

// searchCursor reads a cursor that search gave: the offset of the next page.
func searchCursor(c string) (int, error) {
	if c == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil && len(b) > 1 && b[0] == 'o' {
		if n, err := strconv.Atoi(string(b[1:])); err == nil && n >= 0 && n < maxHits {
			return n, nil
		}
	}
	return 0, &errParam{"cursor", fmt.Sprintf("%q is not a cursor this search gave", c)}
}

// actor is one entity of the gazetteer as GET /api/actors gives it.
type actor struct {
	ID   string `json:"id"`
	QID  string `json:"qid,omitempty"`
	Name string `json:"name"`
	Kind string `json:"kind"`
	// Names are its names per language.
	Names map[string][]string `json:"names"`
	// Country is the state a person or organisation belongs to.
	Country string `json:"country,omitempty"`
	// Matched is the name that matched the query, and Rank how: 0 the
	// whole name, 1 its beginning, 2 a later word's beginning, 3 inside.
	Matched string `json:"matched"`
	Rank    int    `json:"rank"`
}

// actors answers GET /api/actors?q=&limit=: the entities whose names in
// any script match q, best first.
func (a *api) actors(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeError(w, http.StatusBadRequest, "q: the name to look for is missing")
		return
	}
	limit, err := limitParam(r, 20, 100)
	if badRequest(w, err) {
		return
	}
	g, err := a.gazetteer()
	if err != nil {
		a.failed(w, r, err)
		return
	}
	out := struct {
		Actors []actor `json:"actors"`
	}{Actors: []actor{}}
	for _, f := range g.Search(q, limit) {
		e := f.Entity
		out.Actors = append(out.Actors, actor{ID: e.ID, QID: e.QID, Name: e.Name, Kind: e.Kind, Names: e.Names,
			Country: e.Country, Matched: f.Name, Rank: f.Rank})
	}
	writeJSON(w, http.StatusOK, out)
}
