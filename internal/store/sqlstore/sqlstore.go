// Package sqlstore is the store written once in SQL for both engines: the
// SQLite and PostgreSQL packages open a database/sql handle, give their
// dialect and migrations, and everything else (identity, near-duplicates,
// incremental event clustering, listings, search) is here.
package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/store"
)

// Dialect is what differs between the engines.
type Dialect struct {
	// Numbered placeholders ($1, $2 …) instead of ?.
	Numbered bool
	// Lock, when set, runs first in every writing transaction to serialise
	// writers (PostgreSQL: a transaction advisory lock). SQLite's
	// immediate transactions already do.
	Lock string
	// SessionLock and SessionUnlock guard migrations across processes.
	SessionLock, SessionUnlock string
	// Ingested reads the ingested column as RFC 3339 text.
	Ingested string
	// SearchInsert indexes a stored document: args (id, key).
	SearchInsert string
	// SearchDelete takes a document out of the index: args (id).
	SearchDelete string
	// SearchQuery finds documents: args (query, limit); columns id, title,
	// lang, published, body.
	SearchQuery string
	// SearchDocs selects the ids of the documents a query matches: args
	// (query).
	SearchDocs string
	// SearchMatch turns the words to look for (SearchTerms) into the
	// engine's query: every word.
	SearchMatch func(words []string) string
}

// DB is a store on a database/sql handle.
type DB struct {
	db   *sql.DB
	d    Dialect
	name string // the database, for errors (no password)
	prep prepared
}

// New wraps an open handle whose schema is up to date.
func New(db *sql.DB, d Dialect, name string) *DB { return &DB{db: db, d: d, name: name} }

// Name names the database for messages.
func (s *DB) Name() string { return s.name }

// SQL returns the handle, for engine-specific needs and tests.
func (s *DB) SQL() *sql.DB { return s.db }

// q rewrites ? placeholders for the dialect.
func (s *DB) q(query string) string {
	if !s.d.Numbered {
		return query
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// Migrate applies, in order and each in its own transaction, the
// migrations the database has not seen, under the dialect's session lock.
func (s *DB) Migrate(ctx context.Context, steps []store.Migration) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if s.d.SessionLock != "" {
		if _, err := conn.ExecContext(ctx, s.d.SessionLock); err != nil {
			return err
		}
		defer conn.ExecContext(context.Background(), s.d.SessionUnlock)
	}
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return err
	}
	for _, m := range steps {
		if err := s.apply(ctx, conn, m); err != nil {
			return fmt.Errorf("%s: %w", m.Version, err)
		}
	}
	return nil
}

func (s *DB) apply(ctx context.Context, conn *sql.Conn, m store.Migration) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var seen int
	if err := tx.QueryRowContext(ctx, s.q(`SELECT count(*) FROM schema_migrations WHERE version = ?`), m.Version).Scan(&seen); err != nil {
		return err
	}
	if seen > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, s.q(`INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`), m.Version, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// Get implements store.Store.
func (s *DB) Get(ctx context.Context, id string) (store.Document, error) {
	var d store.Document
	var u sql.NullString
	var ingested string
	var sig []byte
	err := s.db.QueryRowContext(ctx, s.q(`SELECT id, url, title, lang, body, published, hash, analysis, analyzer_version, `+s.d.Ingested+`, publisher,
		(SELECT signature FROM doc_signatures WHERE doc_id = documents.id) FROM documents WHERE id = ?`), id).
		Scan(&d.ID, &u, &d.Title, &d.Lang, &d.Text, &d.Published, &d.Hash, &d.Analysis, &d.AnalyzerVersion, &ingested, &d.Publisher, &sig)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("reading document %s from %s: %w", id, s.name, err)
	}
	d.URL = u.String
	d.Ingested, _ = time.Parse(time.RFC3339Nano, ingested)
	if len(sig) > 0 {
		d.Signature = parseSig(sig)
	}
	return d, nil
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting documents in %s: %w", s.name, err)
	}
	return n, nil
}

// HasURL implements store.Store.
func (s *DB) HasURL(ctx context.Context, u string) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, s.q(`SELECT count(*) FROM documents WHERE url = ?`), u).Scan(&n); err != nil {
		return false, fmt.Errorf("looking up %s in %s: %w", u, s.name, err)
	}
	return n > 0, nil
}

// Stale implements store.Store.
func (s *DB) Stale(ctx context.Context, version, after string, limit int) ([]string, error) {
	if limit <= 0 {
		limit = 1000
	}
	query, args := `SELECT id FROM documents WHERE id > ?`, []any{after}
	if version != "" {
		query, args = query+` AND analyzer_version <> ?`, append(args, version)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query+` ORDER BY id LIMIT ?`), append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("listing documents to re-analyse in %s: %w", s.name, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Close implements store.Store.
func (s *DB) Close() error {
	s.closePrepared()
	return s.db.Close()
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// placeholders returns "?, ?, …" for n values.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// rowsOf returns "(?, ?), (?, ?) …": n rows of width values each, for a
// multi-row INSERT.
func rowsOf(n, width int) string {
	row := "(" + placeholders(width) + ")"
	return strings.TrimSuffix(strings.Repeat(row+", ", n), ", ")
}
