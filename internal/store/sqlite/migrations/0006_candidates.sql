-- Merging reads, for every new report, the stored reports that share a
-- party in its days. The keys now carry what Same compares (days, mode,
-- parties) and the report's event, so that this is one range of one index
-- per key, without a seek into the reports' rows (whose item JSON often
-- runs over pages) for every candidate.
CREATE TABLE doc_event_keys_new (
    key     TEXT NOT NULL,
    type    TEXT NOT NULL,
    lo      TEXT NOT NULL,
    doc_id  TEXT NOT NULL,
    idx     INTEGER NOT NULL,
    hi      TEXT NOT NULL,
    mode    TEXT NOT NULL,
    parties TEXT NOT NULL,
    event_id TEXT NOT NULL,
    PRIMARY KEY (key, type, lo, doc_id, idx)
) WITHOUT ROWID;
INSERT INTO doc_event_keys_new (key, type, lo, doc_id, idx, hi, mode, parties, event_id)
    SELECT k.key, k.type, k.lo, k.doc_id, k.idx, e.hi, e.mode, e.parties, e.event_id
    FROM doc_event_keys k JOIN doc_events e ON e.doc_id = k.doc_id AND e.idx = k.idx;
DROP TABLE doc_event_keys;
ALTER TABLE doc_event_keys_new RENAME TO doc_event_keys;
CREATE INDEX doc_event_keys_doc ON doc_event_keys (doc_id);
CREATE INDEX doc_event_keys_event ON doc_event_keys (event_id);
