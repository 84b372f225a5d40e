package api

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/cluster"
)

// listed reads GET /api/events with the parameters given.
func listed(t *testing.T, base string, params url.Values) (answer, eventPage) {
	t.Helper()
	a := get(t, base+"/api/events?"+params.Encode())
	var page eventPage
	a.decode(t, &page)
	return a, page
}

// hasEvent tells whether an event of type typ on day with exactly these
// actors is among ls.
func hasEvent(ls []cluster.Listing, typ, day string, actors ...string) bool {
	for _, l := range ls {
		var ids []string
		for _, p := range l.Actors {
			ids = append(ids, p.ID)
		}
		slices.Sort(ids)
		want := slices.Sorted(slices.Values(actors))
		if l.Type == typ && l.Date != nil && *l.Date == day && slices.Equal(ids, want) {
			return true
		}
	}
	return false
}

// TestEvents lists the seeds' events with every filter, and reads the
// parameters it refuses.
func TestEvents(t *testing.T) {
	srv := seeded(t)
	karabakh := []string{"AGREE", "2020-11-09", "ilham-aliyev", "nikol-pashinyan", "vladimir-putin"}
	for _, tt := range []struct {
		name    string
		params  url.Values
		status  int
		has     bool // the 9 November 2020 statement is listed
		min     int  // at least this many events
		errWord string
	}{
		{"all", url.Values{}, 200, true, 10, ""},
		{"type", url.Values{"type": {"agree"}}, 200, true, 1, ""},
		{"another type", url.Values{"type": {"ASSAULT"}}, 200, false, 0, ""},
		{"the day", url.Values{"from": {"2020-11-09"}, "to": {"2020-11-09"}}, 200, true, 1, ""},
		{"after it", url.Values{"from": {"2020-11-10"}}, 200, false, 1, ""},
		{"actor in Persian", url.Values{"actor": {"پوتین"}, "type": {"AGREE"}}, 200, true, 1, ""},
		{"actor in Arabic", url.Values{"actor": {"بوتين"}, "type": {"AGREE"}}, 200, true, 1, ""},
		{"actor in English", url.Values{"actor": {"Putin"}, "type": {"AGREE"}}, 200, true, 1, ""},
		{"actor id", url.Values{"actor": {"nikol-pashinyan"}}, 200, true, 1, ""},
		{"an actor not there", url.Values{"actor": {"Angela Merkel"}}, 200, false, 0, ""},
		{"text, Arabic words", url.Values{"q": {"بوتين يبحث"}}, 200, true, 1, ""},
		{"text, Persian spelling of an Arabic document", url.Values{"q": {"یبحث"}}, 200, true, 1, ""},
		{"text, nowhere", url.Values{"q": {"zanzibar"}}, 200, false, 0, ""},
		{"a bad type", url.Values{"type": {"HUG"}}, 400, false, 0, "type"},
		{"a bad day", url.Values{"from": {"2020-13-01"}}, 400, false, 0, "from"},
		{"a Persian day", url.Values{"to": {"۱۴۰۰/۰۸/۱۰"}}, 400, false, 0, "to"},
		{"days crossed", url.Values{"from": {"2021-01-01"}, "to": {"2020-01-01"}}, 400, false, 0, "from"},
		{"a bad limit", url.Values{"limit": {"ten"}}, 400, false, 0, "limit"},
		{"a zero limit", url.Values{"limit": {"0"}}, 400, false, 0, "limit"},
		{"a bad cursor", url.Values{"cursor": {"!!"}}, 400, false, 0, "cursor"},
	} {
		a, page := listed(t, srv.URL, tt.params)
		if a.status != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.name, a.status, a.body, tt.status)
			continue
		}
		if tt.status != http.StatusOK {
			var e errorBody
			a.decode(t, &e)
			if !strings.HasPrefix(e.Error, tt.errWord) {
				t.Errorf("%s: error %q does not name %s", tt.name, e.Error, tt.errWord)
			}
			continue
		}
		if page.Events == nil || len(page.Events) < tt.min || hasEvent(page.Events, karabakh[0], karabakh[1], karabakh[2:]...) != tt.has {
			t.Errorf("%s: %d events (the statement listed: %v, want %v): %.300s", tt.name, len(page.Events),
				!tt.has, tt.has, a.body)
		}
	}
	// a limit past the cap reads as the cap
	if a, _ := listed(t, srv.URL, url.Values{"limit": {"100000"}}); a.status != http.StatusOK {
		t.Errorf("a large limit: %d", a.status)
	}
}

// TestEventsPaged walks the events one a page: each once, and all of them.
func TestEventsPaged(t *testing.T) {
	srv := seeded(t)
	_, all := listed(t, srv.URL, url.Values{"limit": {"500"}})
	if all.Next != "" || len(all.Events) < 10 {
		t.Fatalf("all events: %d, next %q", len(all.Events), all.Next)
	}
	var walked []string
	cursor := ""
	for range len(all.Events) + 2 {
		a, page := listed(t, srv.URL, url.Values{"limit": {"1"}, "cursor": {cursor}})
		if a.status != http.StatusOK || len(page.Events) != 1 {
			t.Fatalf("page after %q: %d %s", cursor, a.status, a.body)
		}
		walked = append(walked, page.Events[0].ID)
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	var want []string
	for _, l := range all.Events {
		want = append(want, l.ID)
	}
	if !slices.Equal(walked, want) {
		t.Errorf("paged one by one:\n%v\nwant\n%v", walked, want)
	}
}

// TestEventAndDocument reads one event, and a document it names.
func TestEventAndDocument(t *testing.T) {
	srv := seeded(t)
	_, page := listed(t, srv.URL, url.Values{"type": {"AGREE"}, "from": {"2020-11-09"}, "to": {"2020-11-09"}})
	if len(page.Events) == 0 {
		t.Fatal("no AGREE event on 2020-11-09")
	}
	id := page.Events[0].ID
	a := get(t, srv.URL+"/api/events/"+id)
	var l cluster.Listing
	a.decode(t, &l)
	if a.status != http.StatusOK || l.ID != id || len(l.Evidence) == 0 || len(l.Documents) == 0 {
		t.Fatalf("GET /api/events/%s: %d %s", id, a.status, a.body)
	}
	a = get(t, srv.URL+"/api/documents/"+l.Documents[0])
	var d struct {
		document
		Analysis struct {
			ID     string
			Lang   string
			Text   string
			Events []struct{ Type string }
		} `json:"analysis"`
	}
	a.decode(t, &d)
	if a.status != http.StatusOK || d.ID != l.Documents[0] || d.Analysis.Text != d.Text || d.Lang != "ar" || d.Analysis.Lang != "ar" ||
		len(d.Analysis.Events) == 0 || d.Ingested != "2026-11-22T08:00:00Z" {
		t.Errorf("GET /api/documents/%s: %d %.400s", l.Documents[0], a.status, a.body)
	}
	// the evidence lands on the text as written
	ev := l.Evidence[0]
	if runes := []rune(d.Text); ev.End > len(runes) || string(runes[ev.Start:ev.End]) != ev.Text {
		t.Errorf("evidence %d–%d %q is not the text there", ev.Start, ev.End, ev.Text)
	}
	for _, path := range []string{"/api/events/ev-none", "/api/documents/none"} {
		a := get(t, srv.URL+path)
		var e errorBody
		a.decode(t, &e)
		if a.status != http.StatusNotFound || !strings.Contains(e.Error, "none") {
			t.Errorf("GET %s: %d %s", path, a.status, a.body)
		}
	}
}

// TestSearch finds documents across spellings, pages them, and refuses an
// empty query.
func TestSearch(t *testing.T) {
	srv := seeded(t)
	type page struct {
		Documents []hit
		Next      string
	}
	read := func(params url.Values) (answer, page) {
		a := get(t, srv.URL+"/api/search?"+params.Encode())
		var p page
		a.decode(t, &p)
		return a, p
	}
	// The seeds write «کرملین» (Persian letters): the Arabic spelling finds them.
	a, arabic := read(url.Values{"q": {"كرملين"}})
	_, persian := read(url.Values{"q": {"کرملین"}})
	if a.status != http.StatusOK || len(arabic.Documents) == 0 || len(arabic.Documents) != len(persian.Documents) {
		t.Fatalf("search «كرملين»: %d %s", a.status, a.body)
	}
	for _, h := range arabic.Documents {
		if !strings.Contains(h.Snippet, "کرملین") || h.Lang != "fa" {
			t.Errorf("hit %s: snippet %q does not show «کرملین» as written", h.ID, h.Snippet)
		}
	}
	// paged two at a time: the same hits, in the same order
	var walked []string
	cursor := ""
	for range 10 {
		a, p := read(url.Values{"q": {"كرملين"}, "limit": {"2"}, "cursor": {cursor}})
		if a.status != http.StatusOK {
			t.Fatalf("page %q: %d %s", cursor, a.status, a.body)
		}
		for _, h := range p.Documents {
			walked = append(walked, h.ID)
		}
		if cursor = p.Next; cursor == "" {
			break
		}
	}
	var want []string
	for _, h := range arabic.Documents {
		want = append(want, h.ID)
	}
	if !slices.Equal(walked, want) {
		t.Errorf("search paged: %v, want %v", walked, want)
	}
	for _, tt := range []struct {
		params url.Values
		word   string
	}{
		{url.Values{}, "q"},
		{url.Values{"q": {"  "}}, "q"},
		{url.Values{"q": {"x"}, "limit": {"-3"}}, "limit"},
		{url.Values{"q": {"x"}, "cursor": {"bm90IGEgY3Vyc29y"}}, "cursor"},
	} {
		a, _ := read(tt.params)
		var e errorBody
		a.decode(t, &e)
		if a.status != http.StatusBadRequest || !strings.HasPrefix(e.Error, tt.word) {
			t.Errorf("search %v: %d %s", tt.params, a.status, a.body)
		}
	}
	if a, p := read(url.Values{"q": {"zanzibar"}}); a.status != http.StatusOK || p.Documents == nil || len(p.Documents) != 0 {
		t.Errorf("search for what is not there: %d %s", a.status, a.body)
	}
}

// TestActors finds one person by names in three scripts, and by parts.
func TestActors(t *testing.T) {
	srv, _ := newServer(t, Options{})
	for _, q := range []string{"پوتین", "بوتين", "Putin", "putin", "Puti", "پوت", "vladimir-putin"} {
		a := get(t, srv.URL+"/api/actors?"+url.Values{"q": {q}, "limit": {"10"}}.Encode())
		var out struct{ Actors []actor }
		a.decode(t, &out)
		i := slices.IndexFunc(out.Actors, func(x actor) bool { return x.ID == "vladimir-putin" })
		if a.status != http.StatusOK || i < 0 {
			t.Errorf("actors %q: %d %.300s", q, a.status, a.body)
			continue
		}
		if p := out.Actors[i]; p.Kind != "person" || p.Name != "Vladimir Putin" || len(p.Names["fa"]) == 0 || len(p.Names["ar"]) == 0 {
			t.Errorf("actors %q: %+v", q, p)
		}
	}
	a := get(t, srv.URL+"/api/actors?q=%D8%B1%D9%88%D8%B3%DB%8C%D9%87&limit=2") // «روسیه»
	var out struct{ Actors []actor }
	a.decode(t, &out)
	if len(out.Actors) != 2 || out.Actors[0].ID != "russia" || out.Actors[0].Rank != 0 {
		t.Errorf("actors «روسیه», limit 2: %s", a.body)
	}
	for _, path := range []string{"/api/actors", "/api/actors?q=", "/api/actors?q=x&limit=none"} {
		if a := get(t, srv.URL+path); a.status != http.StatusBadRequest {
			t.Errorf("GET %s: %d %s", path, a.status, a.body)
		}
	}
	if a := get(t, srv.URL+"/api/actors?q=qqzzxx"); a.status != http.StatusOK || !strings.Contains(string(a.body), `"actors":[]`) {
		t.Errorf("an actor nobody is: %d %s", a.status, a.body)
	}
}
