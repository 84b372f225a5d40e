package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/cluster"
	"github.com/rasad/rasad/internal/store"
)

// Put implements store.Store: the document, its search entry, its
// near-duplicate links and its events go in one transaction.
func (s *DB) Put(ctx context.Context, d store.Document) (store.Result, error) {
	rs, err := s.PutBatch(ctx, []store.Document{d})
	if err != nil {
		return store.Result{}, err
	}
	return rs[0], nil
}

// PutBatch implements store.Store: the documents go in one transaction,
// in order, each as Put would store it.
func (s *DB) PutBatch(ctx context.Context, docs []store.Document) ([]store.Result, error) {
	for _, d := range docs {
		if d.ID == "" || d.Hash == "" {
			return nil, fmt.Errorf("storing a document: id and hash are required")
		}
	}
	out := make([]store.Result, len(docs))
	at := ""
	err := s.write(ctx, func(tx *sql.Tx) error {
		for i, d := range docs {
			at = d.ID
			r, err := s.put(ctx, tx, d)
			if err != nil {
				return err
			}
			out[i] = r
		}
		// The search index last: FTS5 writes what it holds in memory to
		// disk at every statement that may need undoing (the multi-row
		// inserts above), so indexing each document as it came would
		// write a small index segment per document, and merge them after.
		for i, d := range docs {
			if out[i].Outcome != store.Stored {
				continue
			}
			at = d.ID
			if err := s.index(ctx, tx, d, false); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		if len(docs) > 1 {
			return nil, fmt.Errorf("storing %d documents in %s (at %s): %w", len(docs), s.name, at, err)
		}
		return nil, fmt.Errorf("storing %s in %s: %w", at, s.name, err)
	}
	return out, nil
}

// present returns the id a document is stored under already (by its id,
// its URL or its content), "" when it is new. Three lookups, each on its
// own index, are faster than one query joining them with OR.
func (s *DB) present(ctx context.Context, tx *sql.Tx, d store.Document) (string, error) {
	lookups := []struct{ query, arg string }{
		{`SELECT id FROM documents WHERE id = ?`, d.ID},
		{`SELECT id FROM documents WHERE url = ?`, d.URL},
		{`SELECT id FROM documents WHERE hash = ?`, d.Hash},
	}
	for _, l := range lookups {
		if l.arg == "" {
			continue
		}
		rows, err := s.query(ctx, tx, l.query+` LIMIT 1`, l.arg)
		if err != nil {
			return "", err
		}
		var id string
		if rows.Next() {
			err = rows.Scan(&id)
		}
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
		if err != nil || id != "" {
			return id, err
		}
	}
	return "", nil
}

// put stores one document inside a transaction.
func (s *DB) put(ctx context.Context, tx *sql.Tx, d store.Document) (store.Result, error) {
	// the same document under its id, its URL or its content
	id, err := s.present(ctx, tx, d)
	switch {
	case err != nil:
		return store.Result{}, err
	case id != "":
		return store.Result{Outcome: store.Present, ID: id}, nil
	}
	ingested := d.Ingested
	if ingested.IsZero() {
		ingested = time.Now()
	}
	if _, err := s.exec(ctx, tx, `INSERT INTO documents (id, url, title, lang, body, published, hash, analysis, analyzer_version, ingested, publisher)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.ID, nullable(d.URL), d.Title, d.Lang, d.Text, d.Published, d.Hash, d.Analysis, d.AnalyzerVersion,
		ingested.UTC().Format(time.RFC3339Nano), d.Publisher); err != nil {
		return store.Result{}, err
	}
	copies, err := s.link(ctx, tx, d.ID, d.Signature)
	if err != nil {
		return store.Result{}, fmt.Errorf("finding copies: %w", err)
	}
	events, err := s.merge(ctx, tx, d.Items)
	if err != nil {
		return store.Result{}, fmt.Errorf("merging events: %w", err)
	}
	return store.Result{Outcome: store.Stored, ID: d.ID, Copies: copies, Events: events}, nil
}

// index writes a stored document's search entry (again, when replacing).
func (s *DB) index(ctx context.Context, tx *sql.Tx, d store.Document, replacing bool) error {
	key := d.SearchKey
	if key == "" {
		key = SearchKey(d.Title + "\n" + d.Text)
	}
	if replacing {
		if _, err := s.exec(ctx, tx, s.d.SearchDelete, d.ID); err != nil {
			return fmt.Errorf("indexing again: %w", err)
		}
	}
	if _, err := s.exec(ctx, tx, s.d.SearchInsert, d.ID, key); err != nil {
		return fmt.Errorf("indexing: %w", err)
	}
	return nil
}

// Reanalyze implements store.Store.
func (s *DB) Reanalyze(ctx context.Context, d store.Document) (store.Result, error) {
	var res store.Result
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := s.exec(ctx, tx, `UPDATE documents SET analysis = ?, analyzer_version = ?, title = ?, lang = ?, published = ?, publisher = ? WHERE id = ?`,
			d.Analysis, d.AnalyzerVersion, d.Title, d.Lang, d.Published, d.Publisher, d.ID)
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return fmt.Errorf("document %s: %w", d.ID, store.ErrNotFound)
		}
		if err := s.withdraw(ctx, tx, d.ID); err != nil {
			return fmt.Errorf("withdrawing the old events: %w", err)
		}
		for i := range d.Items {
			d.Items[i].Doc = d.ID
		}
		events, err := s.merge(ctx, tx, d.Items)
		if err != nil {
			return fmt.Errorf("merging events: %w", err)
		}
		// indexed again: an upgrade may have changed the keys
		if d.SearchKey == "" {
			rows, err := s.query(ctx, tx, `SELECT body FROM documents WHERE id = ?`, d.ID)
			if err != nil {
				return err
			}
			var body string
			if rows.Next() {
				err = rows.Scan(&body)
			}
			rows.Close()
			if err != nil {
				return err
			}
			d.SearchKey = SearchKey(d.Title + "\n" + body) // the stored text: d's may be left out
		}
		if err := s.index(ctx, tx, d, true); err != nil {
			return err
		}
		res = store.Result{Outcome: store.Stored, ID: d.ID, Events: events}
		return nil
	})
	if err != nil {
		return store.Result{}, fmt.Errorf("re-analysing %s in %s: %w", d.ID, s.name, err)
	}
	return res, nil
}

// write runs fn in a writing transaction, serialised with other writers.
func (s *DB) write(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.d.Lock != "" {
		if _, err := tx.ExecContext(ctx, s.d.Lock); err != nil {
			return fmt.Errorf("waiting for other writers: %w", err)
		}
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// maxCopies bounds the candidates a document is compared with: a wire
// story syndicated a thousand times is linked to some of its copies, which
// links it to all of them through theirs.
const maxCopies = 64

// link records which stored documents this one is a near-duplicate of:
// those sharing a band of its signature whose similarity passes the bar.
func (s *DB) link(ctx context.Context, tx *sql.Tx, id string, sig cluster.Signature) ([]string, error) {
	if sig == nil {
		return nil, nil
	}
	bands := sig.BandKeys()
	args := make([]any, len(bands))
	for i, b := range bands {
		args[i] = b
	}
	rows, err := s.query(ctx, tx, `SELECT DISTINCT g.doc_id, g.signature FROM doc_bands b JOIN doc_signatures g ON g.doc_id = b.doc_id WHERE b.band IN (`+placeholders(len(bands))+`) LIMIT `+strconv.Itoa(maxCopies), args...)
	if err != nil {
		return nil, err
	}
	var copies []string
	for rows.Next() {
		var other string
		var osig []byte
		if err := rows.Scan(&other, &osig); err != nil {
			rows.Close()
			return nil, err
		}
		if cluster.Similarity(sig, parseSig(osig)) >= cluster.NearDuplicate {
			copies = append(copies, other)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.Sort(copies)
	for _, other := range copies {
		a, b := min(id, other), max(id, other)
		if _, err := s.exec(ctx, tx, `INSERT INTO doc_links (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING`, a, b); err != nil {
			return nil, err
		}
	}
	if _, err := s.exec(ctx, tx, `INSERT INTO doc_signatures (doc_id, signature) VALUES (?, ?)`, id, sig.Bytes()); err != nil {
		return nil, err
	}
	rowArgs := make([]any, 0, 2*len(bands))
	for _, b := range bands {
		rowArgs = append(rowArgs, b, id)
	}
	if _, err := s.exec(ctx, tx, `INSERT INTO doc_bands (band, doc_id) VALUES `+rowsOf(len(bands), 2)+` ON CONFLICT DO NOTHING`, rowArgs...); err != nil {
		return nil, err
	}
	return copies, nil
}

func parseSig(b []byte) cluster.Signature { return cluster.ParseSignature(b) }

// merge adds a document's items to the events: each item joins every
// stored event it is the same as (merging them into one), or starts its
// own. The events touched are marked dirty: their listings are rebuilt
// when next read (Refresh), not once per report. It returns the ids of the
// events the items ended in.
func (s *DB) merge(ctx context.Context, tx *sql.Tx, items []cluster.Item) ([]string, error) {
	var out []string
	for i := range items {
		it := &items[i]
		body, err := json.Marshal(it)
		if err != nil {
			return nil, err
		}
		joined := map[string]bool{}
		if it.Lo != "" {
			if err := s.candidates(ctx, tx, it, joined); err != nil {
				return nil, err
			}
		}
		olds := make([]string, 0, len(joined))
		for e := range joined {
			olds = append(olds, e)
		}
		slices.Sort(olds)
		// the merged event's least member, and so its id
		leastDoc, leastIdx := it.Doc, it.Index
		if len(olds) > 0 {
			rows, err := s.query(ctx, tx, `SELECT least_doc, least_idx FROM events WHERE id IN (`+placeholders(len(olds))+`)`, anys(olds)...)
			if err != nil {
				return nil, err
			}
			for rows.Next() {
				var d string
				var x int
				if err := rows.Scan(&d, &x); err != nil {
					rows.Close()
					return nil, err
				}
				if cluster.Less(d, x, leastDoc, leastIdx) {
					leastDoc, leastIdx = d, x
				}
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return nil, err
			}
		}
		id := cluster.IDOf(it.Type, leastDoc, leastIdx)
		if _, err := s.exec(ctx, tx, `INSERT INTO doc_events (doc_id, idx, type, mode, lo, hi, parties, item, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			it.Doc, it.Index, it.Type, it.Mode, it.Lo, it.Hi, cluster.EncodeParties(it.Parties()), string(body), id); err != nil {
			return nil, err
		}
		if keys := cluster.IndexKeys(it); it.Lo != "" && len(keys) > 0 {
			parties := cluster.EncodeParties(it.Parties())
			args := make([]any, 0, 8*len(keys))
			for _, k := range keys {
				args = append(args, k, it.Type, it.Lo, it.Doc, it.Index, it.Hi, it.Mode, parties, id)
			}
			if _, err := s.exec(ctx, tx, `INSERT INTO doc_event_keys (key, type, lo, doc_id, idx, hi, mode, parties, event_id) VALUES `+rowsOf(len(keys), 9)+` ON CONFLICT DO NOTHING`, args...); err != nil {
				return nil, err
			}
		}
		var gone []string
		for _, o := range olds {
			if o != id {
				gone = append(gone, o)
			}
		}
		if len(gone) > 0 {
			args := append([]any{id}, anys(gone)...)
			for _, table := range []string{"doc_events", "doc_event_keys"} {
				if _, err := s.exec(ctx, tx, `UPDATE `+table+` SET event_id = ? WHERE event_id IN (`+placeholders(len(gone))+`)`, args...); err != nil {
					return nil, err
				}
			}
			if _, err := s.exec(ctx, tx, `DELETE FROM events WHERE id IN (`+placeholders(len(gone))+`)`, anys(gone)...); err != nil {
				return nil, err
			}
		}
		if err := s.markEvent(ctx, tx, id, it.Type, leastDoc, leastIdx); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, nil
}

// markEvent makes (or keeps) an event's row, marked for a new listing.
func (s *DB) markEvent(ctx context.Context, tx *sql.Tx, id, typ, leastDoc string, leastIdx int) error {
	_, err := s.exec(ctx, tx, `INSERT INTO events (id, type, least_doc, least_idx, dirty) VALUES (?, ?, ?, ?, 1)
		ON CONFLICT (id) DO UPDATE SET dirty = 1`, id, typ, leastDoc, leastIdx)
	return err
}

// candidates adds to events the events of the stored items that are the
// same as it (cluster.Same). They are read from the keys of its parties,
// of the same type, whose days may meet its own (give or take
// cluster.Slack): no item's window is longer than an undated report's, so
// those starting more than that before the item's start cannot reach it.
// The keys hold what Same compares and the item's event, so no report's
// row is read.
func (s *DB) candidates(ctx context.Context, tx *sql.Tx, it *cluster.Item, events map[string]bool) error {
	from, err := time.Parse("2006-01-02", it.Lo)
	if err != nil {
		return fmt.Errorf("item %s: bad day %q", it.Key(), it.Lo)
	}
	to, err := time.Parse("2006-01-02", it.Hi)
	if err != nil {
		return fmt.Errorf("item %s: bad day %q", it.Key(), it.Hi)
	}
	day := func(t time.Time, n int) string { return t.AddDate(0, 0, n).Format("2006-01-02") }
	keys := cluster.QueryKeys(it)
	if len(keys) == 0 {
		return nil
	}
	args := append(anys(keys), it.Type, day(from, -cluster.UndatedWindow-cluster.Slack), day(to, cluster.Slack), day(from, -cluster.Slack))
	rows, err := s.query(ctx, tx, `SELECT doc_id, idx, mode, lo, hi, parties, event_id FROM doc_event_keys
		WHERE key IN (`+placeholders(len(keys))+`) AND type = ? AND lo >= ? AND lo <= ? AND hi >= ?`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		c := cluster.Item{Type: it.Type}
		var parties, event string
		if err := rows.Scan(&c.Doc, &c.Index, &c.Mode, &c.Lo, &c.Hi, &parties, &event); err != nil {
			return err
		}
		if events[event] {
			continue // joined already (an item comes once for each key it shares)
		}
		c.Actors = cluster.DecodeParties(parties)
		if cluster.Same(it, &c) {
			events[event] = true
		}
	}
	return rows.Err()
}

// members reads every item of the given events.
func (s *DB) members(ctx context.Context, tx *sql.Tx, events []string) ([]cluster.Item, error) {
	if len(events) == 0 {
		return nil, nil
	}
	rows, err := s.query(ctx, tx, `SELECT item, event_id FROM doc_events WHERE event_id IN (`+placeholders(len(events))+`)`, anys(events)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []cluster.Item
	for rows.Next() {
		var body, ev string
		if err := rows.Scan(&body, &ev); err != nil {
			return nil, err
		}
		var it cluster.Item
		if err := json.Unmarshal([]byte(body), &it); err != nil {
			return nil, fmt.Errorf("reading a stored event of event %s: %w", ev, err)
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// Refresh rebuilds the listings of the events marked dirty, in batches of
// one transaction each. Reading events calls it; ingest calls it at the
// end of a run.
func (s *DB) Refresh(ctx context.Context) error {
	for {
		n := 0
		err := s.write(ctx, func(tx *sql.Tx) error {
			rows, err := tx.QueryContext(ctx, `SELECT id FROM events WHERE dirty = 1 ORDER BY id LIMIT 200`)
			if err != nil {
				return err
			}
			var ids []string
			for rows.Next() {
				var id string
				if err := rows.Scan(&id); err != nil {
					rows.Close()
					return err
				}
				ids = append(ids, id)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
			n = len(ids)
			for _, id := range ids {
				ms, err := s.members(ctx, tx, []string{id})
				if err != nil {
					return err
				}
				if len(ms) == 0 {
					if _, err := s.exec(ctx, tx, `DELETE FROM events WHERE id = ?`, id); err != nil {
						return err
					}
					continue
				}
				if err := s.writeEvent(ctx, tx, ms); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("rebuilding event listings in %s: %w", s.name, err)
		}
		if n == 0 {
			return nil
		}
	}
}

// writeEvent writes the listing of the event the members make.
func (s *DB) writeEvent(ctx context.Context, tx *sql.Tx, members []cluster.Item) error {
	docs := map[string]bool{}
	for _, m := range members {
		docs[m.Doc] = true
	}
	links, err := s.links(ctx, tx, docs)
	if err != nil {
		return err
	}
	l := cluster.Build(members, links)
	body, err := json.Marshal(l)
	if err != nil {
		return err
	}
	day := l.First
	if l.Date != nil {
		day = *l.Date
	}
	least := members[0]
	for _, m := range members[1:] {
		if cluster.Less(m.Doc, m.Index, least.Doc, least.Index) {
			least = m
		}
	}
	_, err = s.exec(ctx, tx, `INSERT INTO events (id, type, least_doc, least_idx, dirty, day, parties, listing) VALUES (?, ?, ?, ?, 0, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET type = excluded.type, least_doc = excluded.least_doc, least_idx = excluded.least_idx,
		dirty = 0, day = excluded.day, parties = excluded.parties, listing = excluded.listing`,
		l.ID, l.Type, least.Doc, least.Index, day, partiesKey(l), string(body))
	return err
}

// partiesKey is the text the actor filter searches: " id … | name … ",
// lower-cased, every party of the members (states that a person stands
// for included).
func partiesKey(l cluster.Listing) string {
	var ids, names []string
	for _, p := range append(slices.Clone(l.Actors), l.Recipients...) {
		ids = append(ids, p.ID)
		if p.State != "" {
			ids = append(ids, p.State)
		}
		names = append(names, strings.ToLower(p.Name))
	}
	return " " + strings.Join(ids, " ") + " | " + strings.Join(names, " | ") + " "
}

// links are the near-duplicate pairs touching the documents.
func (s *DB) links(ctx context.Context, tx *sql.Tx, docs map[string]bool) ([]cluster.Link, error) {
	ids := make([]string, 0, len(docs))
	for d := range docs {
		ids = append(ids, d)
	}
	slices.Sort(ids)
	var out []cluster.Link
	for start := 0; start < len(ids); start += 400 {
		part := ids[start:min(len(ids), start+400)]
		ph := placeholders(len(part))
		args := append(anys(part), anys(part)...)
		rows, err := s.query(ctx, tx, `SELECT a, b FROM doc_links WHERE a IN (`+ph+`) OR b IN (`+ph+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var l cluster.Link
			if err := rows.Scan(&l.A, &l.B); err != nil {
				rows.Close()
				return nil, err
			}
			out = append(out, l)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// withdraw takes a document's items out of their events. An event that
// loses members is split into what still holds together.
func (s *DB) withdraw(ctx context.Context, tx *sql.Tx, doc string) error {
	rows, err := s.query(ctx, tx, `SELECT DISTINCT event_id FROM doc_events WHERE doc_id = ?`, doc)
	if err != nil {
		return err
	}
	var events []string
	for rows.Next() {
		var e string
		if err := rows.Scan(&e); err != nil {
			rows.Close()
			return err
		}
		events = append(events, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := s.exec(ctx, tx, `DELETE FROM doc_events WHERE doc_id = ?`, doc); err != nil {
		return err
	}
	if _, err := s.exec(ctx, tx, `DELETE FROM doc_event_keys WHERE doc_id = ?`, doc); err != nil {
		return err
	}
	for _, e := range events {
		rest, err := s.members(ctx, tx, []string{e})
		if err != nil {
			return err
		}
		if _, err := s.exec(ctx, tx, `DELETE FROM events WHERE id = ?`, e); err != nil {
			return err
		}
		for _, part := range cluster.Components(rest) {
			id := cluster.ID(part)
			for _, m := range part {
				for _, table := range []string{"doc_events", "doc_event_keys"} {
					if _, err := s.exec(ctx, tx, `UPDATE `+table+` SET event_id = ? WHERE doc_id = ? AND idx = ?`, id, m.Doc, m.Index); err != nil {
						return err
					}
				}
			}
			if err := s.writeEvent(ctx, tx, part); err != nil {
				return err
			}
		}
	}
	return nil
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
