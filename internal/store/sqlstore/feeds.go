package sqlstore

import (
	"context"
	"fmt"

	"github.com/rasad/rasad/internal/store"
)

// Feeds implements store.Store.
func (s *DB) Feeds(ctx context.Context) ([]store.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT url, state FROM feeds ORDER BY url`)
	if err != nil {
		return nil, fmt.Errorf("listing feeds in %s: %w", s.name, err)
	}
	defer rows.Close()
	var out []store.Feed
	for rows.Next() {
		var f store.Feed
		var state string
		if err := rows.Scan(&f.URL, &state); err != nil {
			return nil, fmt.Errorf("listing feeds in %s: %w", s.name, err)
		}
		f.State = []byte(state)
		out = append(out, f)
	}
	return out, rows.Err()
}

// SaveFeed implements store.Store.
func (s *DB) SaveFeed(ctx context.Context, f store.Feed) error {
	if f.URL == "" {
		return fmt.Errorf("saving a feed: the URL is required")
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO feeds (url, state) VALUES (?, ?) ON CONFLICT (url) DO UPDATE SET state = excluded.state`), f.URL, string(f.State))
	if err != nil {
		return fmt.Errorf("saving feed %s in %s: %w", f.URL, s.name, err)
	}
	return nil
}

// RemoveFeed implements store.Store.
func (s *DB) RemoveFeed(ctx context.Context, url string) (bool, error) {
	r, err := s.db.ExecContext(ctx, s.q(`DELETE FROM feeds WHERE url = ?`), url)
	if err != nil {
		return false, fmt.Errorf("removing feed %s from %s: %w", url, s.name, err)
	}
	n, _ := r.RowsAffected()
	return n > 0, nil
}
