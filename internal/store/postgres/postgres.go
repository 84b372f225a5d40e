// Package postgres is the store for teams and scale: PostgreSQL through
// pgx, its schema made by the same kind of ordered migrations as SQLite's.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/rasad/rasad/internal/store"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a store in one PostgreSQL database.
type DB struct {
	pool *pgxpool.Pool
	name string // the DSN without its password, for errors
}

// Open connects to the PostgreSQL database of a postgres:// DSN and brings
// its schema up to date; connecting gives up after timeout.
func Open(ctx context.Context, dsn string, timeout time.Duration) (*DB, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("reading the PostgreSQL DSN: %w", err)
	}
	name := fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.ConnConfig.User, cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database)
	cfg.ConnConfig.ConnectTimeout = timeout
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", name, err)
	}
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := pool.Ping(pctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("opening %s: %w", name, err)
	}
	s := &DB{pool: pool, name: name}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("migrating %s: %w", name, err)
	}
	return s, nil
}

// migrate applies, in order and each in its own transaction, the embedded
// migrations the database has not seen; an advisory lock keeps two rasad
// processes starting at once from applying one twice.
func (s *DB) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	const lock = 0x72617361 // "rasa"
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, lock); err != nil {
		return err
	}
	defer conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1)`, lock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied TIMESTAMPTZ NOT NULL DEFAULT now())`); err != nil {
		return err
	}
	steps, err := store.Migrations(migrations, "migrations")
	if err != nil {
		return err
	}
	for _, m := range steps {
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			var seen int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, m.Version).Scan(&seen); err != nil || seen > 0 {
				return err
			}
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.Version)
			return err
		})
		if err != nil {
			return fmt.Errorf("%s: %w", m.Version, err)
		}
	}
	return nil
}

// Put implements store.Store. The insert gives way to any document already
// stored under the same id, URL or hash, even one stored a moment before by
// another process.
func (s *DB) Put(ctx context.Context, d store.Document) (store.Outcome, string, error) {
	if d.ID == "" || d.Hash == "" {
		return 0, "", fmt.Errorf("storing a document: id and hash are required")
	}
	ingested := d.Ingested
	if ingested.IsZero() {
		ingested = time.Now()
	}
	tag, err := s.pool.Exec(ctx, `INSERT INTO documents (id, url, title, lang, body, published, hash, analysis, analyzer_version, ingested)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
		d.ID, nullable(d.URL), d.Title, d.Lang, d.Text, d.Published, d.Hash, d.Analysis, d.AnalyzerVersion, ingested)
	if err != nil {
		return 0, "", fmt.Errorf("storing %s in %s: %w", d.ID, s.name, err)
	}
	if tag.RowsAffected() == 1 {
		return store.Stored, d.ID, nil
	}
	var id string
	err = s.pool.QueryRow(ctx, `SELECT id FROM documents WHERE id = $1 OR (url IS NOT NULL AND url = $2) OR hash = $3 ORDER BY id = $1 DESC LIMIT 1`,
		d.ID, nullable(d.URL), d.Hash).Scan(&id)
	if err != nil {
		return 0, "", fmt.Errorf("storing %s in %s: %w", d.ID, s.name, err)
	}
	return store.Present, id, nil
}

// Get implements store.Store.
func (s *DB) Get(ctx context.Context, id string) (store.Document, error) {
	var d store.Document
	var u *string
	err := s.pool.QueryRow(ctx, `SELECT id, url, title, lang, body, published, hash, analysis, analyzer_version, ingested FROM documents WHERE id = $1`, id).
		Scan(&d.ID, &u, &d.Title, &d.Lang, &d.Text, &d.Published, &d.Hash, &d.Analysis, &d.AnalyzerVersion, &d.Ingested)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, fmt.Errorf("document %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("reading document %s from %s: %w", id, s.name, err)
	}
	if u != nil {
		d.URL = *u
	}
	return d, nil
}

// Count implements store.Store.
func (s *DB) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM documents`).Scan(&n); err != nil {
		return 0, fmt.Errorf("counting documents in %s: %w", s.name, err)
	}
	return n, nil
}

// Close implements store.Store.
func (s *DB) Close() error {
	s.pool.Close()
	return nil
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}
