// Package sqlite is the embedded store: one SQLite file (modernc.org/sqlite,
// pure Go) in write-ahead-log mode, its schema made by ordered migrations.
// Everything but opening is shared with PostgreSQL (store/sqlstore).
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/sqlstore"
	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a store in one SQLite file.
type DB struct{ *sqlstore.DB }

var dialect = sqlstore.Dialect{
	Ingested: "ingested",
	// one row of VALUES: an INSERT … SELECT would open a statement journal,
	// at which FTS5 writes out what it holds (a segment per document)
	SearchInsert: `INSERT INTO doc_index (rowid, key) VALUES ((SELECT rowid FROM documents WHERE id = ?), ?)`,
	SearchDelete: `DELETE FROM doc_index WHERE rowid = (SELECT rowid FROM documents WHERE id = ?)`,
	SearchQuery: `SELECT d.id, d.title, d.lang, d.published, d.body
		FROM (SELECT rowid, rank FROM doc_index WHERE doc_index MATCH ? ORDER BY rank LIMIT ?) s
		JOIN documents d ON d.rowid = s.rowid ORDER BY s.rank, d.id`,
	// every word, each quoted as an FTS5 string (doc_id is not indexed)
	SearchDocs: `SELECT d.id FROM doc_index s JOIN documents d ON d.rowid = s.rowid WHERE doc_index MATCH ?`,
	SearchMatch: func(words []string) string {
		return quoteAll(words, `"`)
	},
}

func quoteAll(words []string, q string) string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = q + strings.ReplaceAll(w, q, q+q) + q
	}
	return strings.Join(out, " ")
}

// Open opens (creating it if needed) the SQLite store at path and brings its
// schema up to date. A busy database is waited for up to busy.
func Open(ctx context.Context, path string, busy time.Duration) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	// The log is copied into the database every 10,000 pages (40 MB), not
	// 1,000: a page that many commits change is copied once, not each time
	// (ingest of saudinewsnet: 723 -> 835 articles/s).
	q.Add("_pragma", "wal_autocheckpoint(10000)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := sqlstore.New(db, dialect, path)
	steps, err := store.Migrations(migrations, "migrations")
	if err == nil {
		err = s.Migrate(ctx, steps)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", path, err)
	}
	return &DB{s}, nil
}
