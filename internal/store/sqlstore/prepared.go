package sqlstore

import (
	"context"
	"database/sql"
	"sync"
)

// maxPrepared bounds the statements kept prepared: the queries with an IN
// list of varying length come in a few shapes each, and beyond the bound
// a rare shape is prepared for its one use.
const maxPrepared = 512

// prepared keeps statements prepared by their text. SQLite spends as long
// parsing a small statement as running it, and ingest runs the same few
// thousands of times a second.
type prepared struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// stmt returns the statement for query (with ? placeholders), prepared
// once for the handle and bound to tx; nil when the cache is full.
func (s *DB) stmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	s.prep.mu.Lock()
	defer s.prep.mu.Unlock()
	st, ok := s.prep.m[query]
	if !ok {
		if len(s.prep.m) >= maxPrepared {
			return nil, nil
		}
		var err error
		if st, err = s.db.PrepareContext(ctx, s.q(query)); err != nil {
			return nil, err
		}
		if s.prep.m == nil {
			s.prep.m = map[string]*sql.Stmt{}
		}
		s.prep.m[query] = st
	}
	return tx.StmtContext(ctx, st), nil
}

// exec runs a statement in tx, prepared once.
func (s *DB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	st, err := s.stmt(ctx, tx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return tx.ExecContext(ctx, s.q(query), args...)
	}
	return st.ExecContext(ctx, args...)
}

// query runs a query in tx, prepared once.
func (s *DB) query(ctx context.Context, tx *sql.Tx, query string, args ...any) (*sql.Rows, error) {
	st, err := s.stmt(ctx, tx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return tx.QueryContext(ctx, s.q(query), args...)
	}
	return st.QueryContext(ctx, args...)
}

// closePrepared closes the prepared statements.
func (s *DB) closePrepared() {
	s.prep.mu.Lock()
	defer s.prep.mu.Unlock()
	for _, st := range s.prep.m {
		st.Close()
	}
	s.prep.m = nil
}
