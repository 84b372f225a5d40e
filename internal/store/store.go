// Package store keeps documents and their analyses. One interface, two
// engines: SQLite (store/sqlite, the embedded default) and PostgreSQL (for
// teams). One conformance suite (store/storetest) runs on both.
//
// Identity (see the architecture): a document is the same document when it
// has the same id, the same normalised URL or the same content hash, so
// storing it twice stores it once.
package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/cluster"
)

// ErrNotFound is returned for a document or event that is not stored.
var ErrNotFound = errors.New("not found")

// ErrBadInput is returned for a request the store cannot read (a cursor it
// did not give).
var ErrBadInput = errors.New("bad input")

// Document is a stored document: its text as written, and its analysis.
type Document struct {
	ID    string
	URL   string // normalised; "" when the document came without one
	Title string
	Lang  string
	Text  string // as written: offsets of the analysis point into it
	// Published is the publication time as the input gave it (a date or
	// RFC 3339), "" when unknown.
	Published string
	// Hash identifies the content: a hash of the text's matching keys, so
	// two copies that differ only in letter variants or spacing are one.
	Hash string
	// Analysis is the analysis object (the contract's JSON) and the
	// version of rasad that made it, so that an upgrade can re-analyse.
	Analysis        []byte
	AnalyzerVersion string
	Ingested        time.Time
	// Publisher is the outlet ("" when unknown): documents of one outlet
	// count as one source.
	Publisher string
	// Signature is the text's MinHash signature, for near-duplicates (nil
	// for a text too short to compare).
	Signature cluster.Signature
	// Items are the document's events, as clustering compares them.
	Items []cluster.Item
	// SearchKey is the text the search index holds (sqlstore.SearchKey of
	// title and text); "" to have the store make it.
	SearchKey string
}

// Result says what storing a document did.
type Result struct {
	Outcome Outcome
	// ID is the id the document is stored under (an earlier copy's when
	// Present).
	ID string
	// Copies are stored documents this one is a near-duplicate of.
	Copies []string
	// Events are the ids of the events the document's reports joined or
	// made.
	Events []string
}

// Filter selects events. Zero fields select everything.
type Filter struct {
	Type string
	// Actors are entity ids: an event matches when any is among its parties.
	Actors []string
	// ActorText matches events whose parties' ids or English names contain
	// it (case-insensitive), when Actors is empty.
	ActorText string
	// From and To bound the event's day (its date, or for an undated event
	// its first publication), inclusive, as YYYY-MM-DD.
	From, To string
	// Query keeps the events that a document whose title or text has every
	// word of it reports, matched on keys as Search matches: «كرملين»
	// finds the events of a report that writes «کرملین».
	Query string
	// Limit caps the events returned (0: all); Cursor continues a listing
	// where the last one stopped.
	Limit  int
	Cursor string
}

// Feed is a followed feed: its normalised URL and the poller's state (JSON
// the poller reads and writes; the store keeps it as it is).
type Feed struct {
	URL   string
	State []byte
}

// Hit is one document found by a search.
type Hit struct {
	ID, Title, Lang, Published string
	// Snippet is a part of the text around the first match, as written.
	Snippet string
}

// Outcome says what storing a document did.
type Outcome int

const (
	// Stored: the document is new and is now stored.
	Stored Outcome = iota
	// Present: the document was there already (same id, URL or content).
	Present
)

func (o Outcome) String() string {
	if o == Present {
		return "present"
	}
	return "stored"
}

// Store is what rasad keeps. Implementations are safe for concurrent use.
type Store interface {
	// Put stores a document, its analysis, its near-duplicate links and
	// its events (merged into the events already stored) in one
	// transaction: either all are stored or none is. Storing it again
	// stores nothing and reports Present with the id it is stored under.
	Put(ctx context.Context, d Document) (Result, error)
	// PutBatch stores documents in one transaction, each as Put would:
	// all of them are stored, or none. Ingest writes in batches, which
	// is many times faster than a transaction per document.
	PutBatch(ctx context.Context, docs []Document) ([]Result, error)
	// HasURL tells whether a document with this normalised URL is stored.
	HasURL(ctx context.Context, url string) (bool, error)
	// Events lists events in order of their day, then id, and a cursor
	// for the next page ("" after the last).
	Events(ctx context.Context, f Filter) ([]cluster.Listing, string, error)
	// Event returns one event, or ErrNotFound.
	Event(ctx context.Context, id string) (cluster.Listing, error)
	// Search finds documents whose text has every word of q, matched on
	// keys: «كرملين» finds «کرملین».
	Search(ctx context.Context, q string, limit int) ([]Hit, error)
	// Stale lists the ids of documents analysed by another version than
	// version (all of them when version is ""), after the id after, in id
	// order, at most limit.
	Stale(ctx context.Context, version, after string, limit int) ([]string, error)
	// Reanalyze replaces a stored document's analysis and events (its
	// text, identity and links stay): its old reports leave their events,
	// which split if they must, and the new ones are merged as Put would.
	Reanalyze(ctx context.Context, d Document) (Result, error)
	// Feeds lists the followed feeds in URL order.
	Feeds(ctx context.Context) ([]Feed, error)
	// SaveFeed adds a feed or replaces its state.
	SaveFeed(ctx context.Context, f Feed) error
	// RemoveFeed stops following a feed; it reports whether it was followed.
	RemoveFeed(ctx context.Context, url string) (bool, error)
	// Get returns a stored document, or ErrNotFound.
	Get(ctx context.Context, id string) (Document, error)
	// Count returns the number of stored documents.
	Count(ctx context.Context) (int, error)
	// Close releases the store.
	Close() error
}

// Migration is one step of an engine's schema, applied once and in order.
type Migration struct {
	Version string // the file's name without .sql: "0001_documents"
	SQL     string
}

// Migrations reads the *.sql files of dir in fsys, in name order.
func Migrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	out := make([]Migration, 0, len(names))
	for _, name := range names {
		body, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("reading migration %s: %w", name, err)
		}
		out = append(out, Migration{Version: strings.TrimSuffix(path.Base(name), ".sql"), SQL: string(body)})
	}
	return out, nil
}
