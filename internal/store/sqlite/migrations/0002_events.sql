-- Near-duplicates, search and events.
ALTER TABLE documents ADD COLUMN publisher TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN signature BLOB;

-- Search: the matching keys of title and text (FTS5 would split raw
-- Arabic-script words at vowel marks). Queries are sets of words, so the
-- index keeps no positions (detail=none): a smaller index, faster ingest.
CREATE VIRTUAL TABLE doc_search USING fts5(doc_id UNINDEXED, key, tokenize = 'unicode61 remove_diacritics 2', detail = none, columnsize = 0);

-- MinHash bands (candidates for near-duplicates) and the copies found.
CREATE TABLE doc_bands (band INTEGER NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (band, doc_id)) WITHOUT ROWID;
CREATE TABLE doc_links (a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE INDEX doc_links_b ON doc_links (b);

-- Each document's reported events, and the event each belongs to.
CREATE TABLE doc_events (
    doc_id   TEXT NOT NULL,
    idx      INTEGER NOT NULL,
    type     TEXT NOT NULL,
    mode     TEXT NOT NULL,
    lo       TEXT NOT NULL,
    hi       TEXT NOT NULL,
    parties  TEXT NOT NULL, -- what clustering compares, without decoding item
    item     TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE INDEX doc_events_type_lo ON doc_events (type, lo);
-- The keys an item's parties can match on (cluster.MatchKeys), so that
-- merging reads only the items that share a party.
CREATE TABLE doc_event_keys (
    key    TEXT NOT NULL,
    type   TEXT NOT NULL,
    lo     TEXT NOT NULL,
    doc_id TEXT NOT NULL,
    idx    INTEGER NOT NULL,
    PRIMARY KEY (key, type, lo, doc_id, idx)
);
CREATE INDEX doc_event_keys_doc ON doc_event_keys (doc_id);
CREATE INDEX doc_events_event ON doc_events (event_id);

-- The events, one listing each (the contract's event listing object).
-- A listing is rebuilt from its members when it is dirty: merging marks
-- it, reading rebuilds it, so a large event is not rebuilt per report.
CREATE TABLE events (
    id         TEXT PRIMARY KEY,
    type       TEXT NOT NULL,
    least_doc  TEXT NOT NULL,
    least_idx  INTEGER NOT NULL,
    dirty      INTEGER NOT NULL DEFAULT 1,
    day        TEXT NOT NULL DEFAULT '',
    parties    TEXT NOT NULL DEFAULT '',
    listing    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_dirty ON events (id) WHERE dirty = 1;
CREATE INDEX events_day ON events (day, id);
CREATE INDEX events_type_day ON events (type, day, id);
