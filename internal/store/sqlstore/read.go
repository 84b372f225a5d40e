package sqlstore

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/cluster"
	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/text"
)

// Events implements store.Store.
func (s *DB) Events(ctx context.Context, f store.Filter) ([]cluster.Listing, string, error) {
	if err := s.Refresh(ctx); err != nil {
		return nil, "", err
	}
	var where []string
	var args []any
	if f.Type != "" {
		where, args = append(where, "type = ?"), append(args, strings.ToUpper(f.Type))
	}
	switch {
	case len(f.Actors) > 0:
		var or []string
		for _, a := range f.Actors {
			or, args = append(or, "parties LIKE ?"), append(args, "% "+likeEscape(strings.ToLower(a))+" %")
		}
		where = append(where, "("+strings.Join(or, " OR ")+")")
	case f.ActorText != "":
		where, args = append(where, "parties LIKE ?"), append(args, "%"+likeEscape(strings.ToLower(f.ActorText))+"%")
	}
	if f.From != "" {
		where, args = append(where, "day >= ?"), append(args, f.From)
	}
	if f.To != "" {
		where, args = append(where, "day <= ?"), append(args, f.To)
	}
	if f.Query != "" {
		terms, _ := SearchTerms(f.Query)
		if len(terms) == 0 {
			return nil, "", nil // nothing to look for finds nothing, as Search
		}
		// The engine's index finds the documents; their reports name the
		// events.
		where = append(where, `id IN (SELECT e.event_id FROM doc_events e WHERE e.doc_id IN (`+s.d.SearchDocs+`))`)
		args = append(args, s.d.SearchMatch(terms))
	}
	if f.Cursor != "" {
		day, id, err := decodeCursor(f.Cursor)
		if err != nil {
			return nil, "", err
		}
		where, args = append(where, "(day > ? OR (day = ? AND id > ?))"), append(args, day, day, id)
	}
	query := `SELECT id, day, listing FROM events`
	if len(where) > 0 {
		query += " WHERE " + strings.Join(where, " AND ")
	}
	query += " ORDER BY day, id"
	if f.Limit > 0 {
		query += " LIMIT ?"
		args = append(args, f.Limit+1)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, "", fmt.Errorf("listing events in %s: %w", s.name, err)
	}
	defer rows.Close()
	var out []cluster.Listing
	var days []string
	for rows.Next() {
		var id, day, body string
		if err := rows.Scan(&id, &day, &body); err != nil {
			return nil, "", fmt.Errorf("listing events in %s: %w", s.name, err)
		}
		var l cluster.Listing
		if err := json.Unmarshal([]byte(body), &l); err != nil {
			return nil, "", fmt.Errorf("reading event %s in %s: %w", id, s.name, err)
		}
		out, days = append(out, l), append(days, day)
	}
	if err := rows.Err(); err != nil {
		return nil, "", fmt.Errorf("listing events in %s: %w", s.name, err)
	}
	next := ""
	if f.Limit > 0 && len(out) > f.Limit {
		out = out[:f.Limit]
		next = encodeCursor(days[f.Limit-1], out[f.Limit-1].ID)
	}
	return out, next, nil
}

// Event implements store.Store.
func (s *DB) Event(ctx context.Context, id string) (cluster.Listing, error) {
	var l cluster.Listing
	if err := s.Refresh(ctx); err != nil {
		return l, err
	}
	var body string
	err := s.db.QueryRowContext(ctx, s.q(`SELECT listing FROM events WHERE id = ?`), id).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return l, fmt.Errorf("event %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return l, fmt.Errorf("reading event %s from %s: %w", id, s.name, err)
	}
	if err := json.Unmarshal([]byte(body), &l); err != nil {
		return l, fmt.Errorf("reading event %s from %s: %w", id, s.name, err)
	}
	return l, nil
}

func likeEscape(s string) string {
	return strings.NewReplacer("%", "", "_", "").Replace(s)
}

func encodeCursor(day, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte(day + "\x00" + id))
}

func decodeCursor(c string) (day, id string, err error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err == nil {
		var ok bool
		if day, id, ok = strings.Cut(string(b), "\x00"); ok {
			return day, id, nil
		}
	}
	return "", "", fmt.Errorf("%w: a cursor %q that no listing gave", store.ErrBadInput, c)
}

// Search implements store.Store.
func (s *DB) Search(ctx context.Context, q string, limit int) ([]store.Hit, error) {
	terms, words := SearchTerms(q)
	if len(terms) == 0 {
		return []store.Hit{}, nil
	}
	if limit <= 0 || limit > 1000 {
		limit = 20
	}
	rows, err := s.db.QueryContext(ctx, s.q(s.d.SearchQuery), s.d.SearchMatch(terms), limit)
	if err != nil {
		return nil, fmt.Errorf("searching %s for %q: %w", s.name, q, err)
	}
	defer rows.Close()
	out := []store.Hit{}
	for rows.Next() {
		var h store.Hit
		var body string
		if err := rows.Scan(&h.ID, &h.Title, &h.Lang, &h.Published, &body); err != nil {
			return nil, fmt.Errorf("searching %s for %q: %w", s.name, q, err)
		}
		h.Snippet = Snippet(body, words, 160)
		out = append(out, h)
	}
	return out, rows.Err()
}

// Snippet cuts about width characters of body around the first word of
// words found in it (matched on keys), as written.
func Snippet(body string, words []string, width int) string {
	k := text.Key(body)
	ks := k.Key
	at := -1
	for _, w := range words {
		if i := strings.Index(ks, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	start, end := 0, len(body)
	if at >= 0 {
		s, _ := k.Span(at, at)
		start = s
	}
	// back up a third of the width, forward the rest, on rune boundaries
	back := start
	for n := 0; n < width/3 && back > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(body[:back])
		back -= size
	}
	end = back
	for n := 0; n < width && end < len(body); n++ {
		_, size := utf8.DecodeRuneInString(body[end:])
		end += size
	}
	out := strings.Join(strings.Fields(body[back:end]), " ")
	if back > 0 {
		out = "…" + out
	}
	if end < len(body) {
		out += "…"
	}
	return out
}
