package api

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/cluster"
	"github.com/rasad/rasad/internal/coding"
	"github.com/rasad/rasad/internal/gazetteer"
	"github.com/rasad/rasad/internal/store"
)

// eventPage is a page of the event listing.
type eventPage struct {
	Events []cluster.Listing `json:"events"`
	// Next continues the listing (as ?cursor=); "" after the last page.
	Next string `json:"next"`
}

// listEvents answers GET /api/events?actor=&type=&from=&to=&q=&limit=&cursor=.
func (a *api) listEvents(w http.ResponseWriter, r *http.Request) {
	f, err := a.filter(r)
	if badRequest(w, err) {
		return
	}
	if err != nil {
		a.failed(w, r, err)
		return
	}
	ls, next, err := a.s.Events(r.Context(), f)
	switch {
	case errors.Is(err, store.ErrBadInput):
		writeError(w, http.StatusBadRequest, "cursor: %v", err)
		return
	case err != nil:
		a.failed(w, r, err)
		return
	}
	if ls == nil {
		ls = []cluster.Listing{}
	}
	writeJSON(w, http.StatusOK, eventPage{Events: ls, Next: next})
}

// filter reads the listing's parameters.
func (a *api) filter(r *http.Request) (store.Filter, error) {
	q := r.URL.Query()
	f := store.Filter{Type: strings.ToUpper(strings.TrimSpace(q.Get("type"))), Query: strings.TrimSpace(q.Get("q")), Cursor: q.Get("cursor")}
	if f.Type != "" && !slices.Contains(coding.Types, f.Type) {
		return f, &errParam{"type", fmt.Sprintf("%q is not a PLOVER type (%s)", q.Get("type"), strings.Join(coding.Types, ", "))}
	}
	for _, d := range []struct {
		name string
		dst  *string
	}{{"from", &f.From}, {"to", &f.To}} {
		v := strings.TrimSpace(q.Get(d.name))
		if v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return f, &errParam{d.name, fmt.Sprintf("%q is not a day: want YYYY-MM-DD", v)}
		}
		*d.dst = v
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, &errParam{"from", fmt.Sprintf("%s is after to=%s", f.From, f.To)}
	}
	var err error
	if f.Limit, err = limitParam(r, defaultLimit, maxLimit); err != nil {
		return f, err
	}
	if actor := strings.TrimSpace(q.Get("actor")); actor != "" {
		g, err := a.gazetteer()
		if err != nil {
			return f, err
		}
		if ids := g.ActorIDs(actor); len(ids) > 0 {
			f.Actors = ids
		} else {
			f.ActorText = actor
		}
	}
	return f, nil
}

// event answers GET /api/events/{id}.
func (a *api) event(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	l, err := a.s.Event(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no event %q", id)
	case err != nil:
		a.failed(w, r, err)
	default:
		writeJSON(w, http.StatusOK, l)
	}
}

// gazetteer is the gazetteer of the options, or the bundled one.
func (a *api) gazetteer() (*gazetteer.Gazetteer, error) {
	if a.opts.Gazetteer != nil {
		return a.opts.Gazetteer, nil
	}
	g, err := gazetteer.Bundled()
	if err != nil {
		return nil, fmt.Errorf("loading the gazetteer: %w", err)
	}
	return g, nil
}
