// Package storetest is the conformance suite every store engine passes:
// the same tests, run on SQLite and on PostgreSQL.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/store"
)

// Open gives a new, empty store for one test.
type Open func(t *testing.T) store.Store

// Run runs every conformance test on the engine that open makes.
func Run(t *testing.T, open Open) {
	tests := []struct {
		name string
		fn   func(*testing.T, store.Store)
	}{
		{"text kept as written", textAsWritten},
		{"same id stored once", sameID},
		{"same URL stored once", sameURL},
		{"same content stored once", sameContent},
		{"missing document", missing},
		{"concurrent writers", concurrent},
		{"id and hash required", required},
		{"events merge across documents", eventsMerge},
		{"copies count as one source", copiesOneSource},
		{"events filtered and paged", eventsFiltered},
		{"search on matching keys", search},
		{"events found by their documents' words", eventsByQuery},
		{"re-analysis splits events", reanalyze},
		{"feeds kept, replaced, removed", feeds},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.fn(t, s)
		})
	}
}

// doc is a document as ingest would store it; its fields are real forms
// from the seeds (Persian with ZWNJ, Arabic with harakat).
func doc(id string) store.Document {
	return store.Document{
		ID:              id,
		URL:             "https://www.irna.ir/news/" + id,
		Title:           "گفت‌وگوی تلفنی لاوروف و میرزویان",
		Lang:            "fa",
		Text:            "سرگئی لاوروف وزیر امور خارجه روسیه در گفت\u200cوگوی تلفنی با آرارات میرزویان ... " + id,
		Published:       "2021-11-01T23:56:00+03:30",
		Hash:            "hash-" + id,
		Analysis:        []byte(`{"id":"` + id + `","events":[]}`),
		AnalyzerVersion: "0.1.0",
		Ingested:        time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC),
	}
}

func put(t *testing.T, s store.Store, d store.Document) (store.Outcome, string) {
	t.Helper()
	r, err := s.Put(context.Background(), d)
	if err != nil {
		t.Fatalf("Put(%s): %v", d.ID, err)
	}
	return r.Outcome, r.ID
}

func count(t *testing.T, s store.Store) int {
	t.Helper()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func textAsWritten(t *testing.T, s store.Store) {
	d := doc("a1")
	d.Text = "وأشاد رَجَب طيب إردوغان بجهود الوساطة الروسية.\r\n\u200cکرملین"
	if o, _ := put(t, s, d); o != store.Stored {
		t.Fatalf("first Put: %v, want stored", o)
	}
	got, err := s.Get(context.Background(), "a1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != d.Text || got.Title != d.Title || got.URL != d.URL || got.Lang != d.Lang ||
		got.Published != d.Published || got.Hash != d.Hash || string(got.Analysis) != string(d.Analysis) ||
		got.AnalyzerVersion != d.AnalyzerVersion || !got.Ingested.Equal(d.Ingested) {
		t.Errorf("stored and read back differ:\n got %+v\nwant %+v", got, d)
	}
}

func sameID(t *testing.T, s store.Store) {
	put(t, s, doc("b1"))
	again := doc("b1")
	again.URL, again.Hash = "", "other"
	if o, id := put(t, s, again); o != store.Present || id != "b1" {
		t.Errorf("Put of the same id: %v %s, want present b1", o, id)
	}
	if n := count(t, s); n != 1 {
		t.Errorf("%d documents, want 1", n)
	}
}

func sameURL(t *testing.T, s store.Store) {
	put(t, s, doc("c1"))
	copyOf := doc("c2")
	copyOf.URL, copyOf.Hash = doc("c1").URL, "other"
	if o, id := put(t, s, copyOf); o != store.Present || id != "c1" {
		t.Errorf("Put of the same URL: %v %s, want present c1", o, id)
	}
	noURL := doc("c3")
	noURL.URL = ""
	if o, _ := put(t, s, noURL); o != store.Stored {
		t.Errorf("a document without a URL: %v, want stored", o)
	}
	noURL2 := doc("c4")
	noURL2.URL = ""
	if o, _ := put(t, s, noURL2); o != store.Stored {
		t.Errorf("a second document without a URL: %v, want stored", o)
	}
	if n := count(t, s); n != 3 {
		t.Errorf("%d documents, want 3", n)
	}
}

func sameContent(t *testing.T, s store.Store) {
	put(t, s, doc("d1"))
	syndicated := doc("d2")
	syndicated.Hash = doc("d1").Hash
	if o, id := put(t, s, syndicated); o != store.Present || id != "d1" {
		t.Errorf("Put of the same content: %v %s, want present d1", o, id)
	}
}

func missing(t *testing.T, s store.Store) {
	_, err := s.Get(context.Background(), "nowhere")
	if !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Get of a missing document: %v, want ErrNotFound", err)
	}
}

// concurrent has writers store overlapping documents at once: each is
// stored once, and nobody fails on a busy database.
func concurrent(t *testing.T, s store.Store) {
	const writers, each = 4, 25
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				// half the ids are shared between writers
				id := fmt.Sprintf("e%d", i)
				if i%2 == 1 {
					id = fmt.Sprintf("e%d-%d", i, w)
				}
				if _, err := s.Put(context.Background(), doc(id)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n, want := count(t, s), 13+12*writers; n != want {
		t.Errorf("%d documents, want %d", n, want)
	}
}

func required(t *testing.T, s store.Store) {
	d := doc("f1")
	d.Hash = ""
	if _, err := s.Put(context.Background(), d); err == nil {
		t.Error("a document without a hash was stored")
	}
	if n := count(t, s); n != 0 {
		t.Errorf("%d documents, want 0", n)
	}
}

func feeds(t *testing.T, s store.Store) {
	ctx := context.Background()
	for _, f := range []store.Feed{
		{URL: "https://www.irna.ir/rss", State: []byte(`{"n":1}`)},
		{URL: "https://www.aljazeera.net/rss", State: []byte(`{"n":2}`)},
		{URL: "https://www.irna.ir/rss", State: []byte(`{"n":3}`)},
	} {
		if err := s.SaveFeed(ctx, f); err != nil {
			t.Fatal(err)
		}
	}
	fs, err := s.Feeds(ctx)
	if err != nil || len(fs) != 2 || fs[0].URL != "https://www.aljazeera.net/rss" || string(fs[1].State) != `{"n":3}` {
		t.Fatalf("Feeds = %v, %v", fs, err)
	}
	if ok, err := s.RemoveFeed(ctx, "https://www.irna.ir/rss"); !ok || err != nil {
		t.Errorf("RemoveFeed: %v %v", ok, err)
	}
	if ok, _ := s.RemoveFeed(ctx, "https://www.irna.ir/rss"); ok {
		t.Error("removed a feed twice")
	}
	if fs, _ := s.Feeds(ctx); len(fs) != 1 {
		t.Errorf("%d feeds after removing one of 2", len(fs))
	}
	if err := s.SaveFeed(ctx, store.Feed{}); err == nil {
		t.Error("a feed without a URL was saved")
	}
}
