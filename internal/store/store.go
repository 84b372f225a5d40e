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
)

// ErrNotFound is returned for a document that is not stored.
var ErrNotFound = errors.New("not found")

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
	// Put stores a document and its analysis in one transaction: either
	// both are stored or neither is. Storing it again stores nothing and
	// reports Present with the id it is stored under.
	Put(ctx context.Context, d Document) (Outcome, string, error)
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
