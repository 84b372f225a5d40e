// Package postgres is the store for teams and scale: PostgreSQL through
// pgx (as a database/sql driver), its schema made by the same kind of
// ordered migrations as SQLite's. Everything but opening is shared with
// SQLite (store/sqlstore).
package postgres

import (
	"context"
	"embed"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/sqlstore"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is a store in one PostgreSQL database.
type DB struct{ *sqlstore.DB }

// lockKey names rasad's advisory locks ("rasa").
const lockKey = "1918989153"

var dialect = sqlstore.Dialect{
	Numbered:      true,
	Lock:          `SELECT pg_advisory_xact_lock(` + lockKey + `)`,
	SessionLock:   `SELECT pg_advisory_lock(` + lockKey + `)`,
	SessionUnlock: `SELECT pg_advisory_unlock(` + lockKey + `)`,
	Ingested:      `to_char(ingested AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
	SearchInsert:  `INSERT INTO doc_search (doc_id, terms) VALUES (?, to_tsvector('simple', ?))`,
	SearchDelete:  `DELETE FROM doc_search WHERE doc_id = ?`,
	SearchQuery: `WITH q AS (SELECT to_tsquery('simple', ?) AS q)
		SELECT d.id, d.title, d.lang, d.published, d.body
		FROM q, doc_search s JOIN documents d ON d.id = s.doc_id
		WHERE s.terms @@ q.q ORDER BY ts_rank(s.terms, q.q) DESC, d.id LIMIT ?`,
	// every word, each a quoted lexeme
	SearchDocs: `SELECT doc_id FROM doc_search WHERE terms @@ to_tsquery('simple', ?)`,
	SearchMatch: func(words []string) string {
		out := make([]string, len(words))
		for i, w := range words {
			out[i] = "'" + strings.ReplaceAll(w, "'", "''") + "'"
		}
		return strings.Join(out, " & ")
	},
}

// Open connects to the PostgreSQL database of a postgres:// DSN and brings
// its schema up to date; connecting gives up after timeout.
func Open(ctx context.Context, dsn string, timeout time.Duration) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("reading the PostgreSQL DSN: %w", err)
	}
	name := fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
	cfg.ConnectTimeout = timeout
	db := stdlib.OpenDB(*cfg)
	pctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening %s: %w", name, err)
	}
	s := sqlstore.New(db, dialect, name)
	steps, err := store.Migrations(migrations, "migrations")
	if err == nil {
		err = s.Migrate(ctx, steps)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", name, err)
	}
	return &DB{s}, nil
}
