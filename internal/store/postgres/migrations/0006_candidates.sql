-- Merging reads, for every new report, the stored reports that share a
-- party in its days. The keys now carry what Same compares (days, mode,
-- parties) and the report's event, so candidates are read without a join
-- to the reports' rows (as in SQLite).
ALTER TABLE doc_event_keys ADD COLUMN hi TEXT NOT NULL DEFAULT '';
ALTER TABLE doc_event_keys ADD COLUMN mode TEXT NOT NULL DEFAULT '';
ALTER TABLE doc_event_keys ADD COLUMN parties TEXT NOT NULL DEFAULT '';
ALTER TABLE doc_event_keys ADD COLUMN event_id TEXT NOT NULL DEFAULT '';
UPDATE doc_event_keys k SET hi = e.hi, mode = e.mode, parties = e.parties, event_id = e.event_id
    FROM doc_events e WHERE e.doc_id = k.doc_id AND e.idx = k.idx;
ALTER TABLE doc_event_keys ALTER COLUMN hi DROP DEFAULT, ALTER COLUMN mode DROP DEFAULT,
    ALTER COLUMN parties DROP DEFAULT, ALTER COLUMN event_id DROP DEFAULT;
CREATE INDEX doc_event_keys_event ON doc_event_keys (event_id);
