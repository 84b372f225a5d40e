// Package sqlite is the embedded store: one SQLite file (modernc.org/sqlite,
// pure Go) in write-ahead-log mode, its schema made by ordered migrations.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/rasad/rasad/internal/store"
	_ "modernc.org/sqlite" // the database/sql driver "sqlite"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a store in one SQLite file.
type DB struct {
	db   *sql.DB
	path string
}

// Open opens (creating it if needed) the SQLite store at path and brings its
// schema up to date. A busy database is waited for up to busy.
func Open(ctx context.Context, path string, busy time.Duration) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busy.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	s := &DB{db: db, path: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", path, err)
	}
	return s, nil
}

// migrate applies, in order and each in its own transaction, the embedded
// migrations the database has not seen.
func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return err
	}
	steps, err := store.Migrations(migrations, "migrations")
	if err != nil {
		return err
	}
	for _, m := range steps {
		if err := s.apply(ctx, m.Version, m.SQL); err != nil {
			return fmt.Errorf("%s: %w", m.Version, err)
		}
	}
	return nil
}

func (s *DB) apply(ctx context.Context, version, body string) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var seen int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&seen); err != nil {
		return err
	}
	if seen > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied) VALUES (?, ?)`, version, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return err
	}
	return tx.Commit()
}

// Put implements store.Store.
func (s *DB) Put(ctx context.Context, d store.Document) (store.Outcome, string, error) {
	if d.ID == "" || d.Hash == "" {
		return 0, "", fmt.Errorf("storing a document: id and hash are required")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, "", fmt.Errorf("storing %s: %w", d.ID, err)
	}
	defer tx.Rollback()
	// the same document under its id, its URL or its content
	var id string
	err = tx.QueryRowContext(ctx, `SELECT id FROM documents WHERE id = ?1 OR (url IS NOT NULL AND url = ?2) OR hash = ?3 ORDER BY id = ?1 DESC LIMIT 1`,
		d.ID, nullable(d.URL), d.Hash).Scan(&id)
	switch {
	case err == nil:
		return store.Present, id, nil
	case !errors.Is(err, sql.ErrNoRows):
		return 0, "", fmt.Errorf("storing %s: %w", d.ID, err)
	}
	ingested := d.Ingested
	if ingested.IsZero() {
		ingested = time.Now()
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents (id, url, title, lang, body, published, hash, analysis, analyzer_version, ingested)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, nullable(d.URL), d.Title, d.Lang, d.Text, d.Published, d.Hash, d.Analysis, d.AnalyzerVersion, ingested.UTC().Format(time.RFC3339Nano)); err != nil {
		return 0, "", fmt.Errorf("storing %s: %w", d.ID, err)
	}
	if err := tx.Commit(); err != nil {
		return 0, "", fmt.Errorf("storing %s: %w", d.ID, err)
	}
	return store.Stored, d.ID, nil
}

// Get implements store.Store.
func (s *DB) Get(ctx context.Context, id string) (store.Document, error) {
	var d store.Document
	var u sql.NullString
	var ingested string
	err := s.db.QueryRowContext(ctx, `SELECT id, url, title, lang, body, published, hash, analysis, analyzer_version, ingested FROM documents WHERE id = ?`, id).
		Scan(&d.ID, &u, &d.Title, &d.Lang, &d.Text, &d.Published, &d.Hash, &d.Analysis, &d.AnalyzerVersion, &ingested)
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("reading document %s: %w", id, err)
	}
	d.URL = u.String
	d.Ingested, _ = time.Parse(time.RFC3339Nano, ingested)
	return d, nil
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM documents`).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting documents in %s: %w", s.path, err)
	}
	return n, nil
}

// Close implements store.Store.
func (s *DB) Close() error { return s.db.Close() }

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
