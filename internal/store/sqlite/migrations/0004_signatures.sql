-- MinHash signatures in a table of their own: finding near-duplicates reads
-- the signatures of many documents, and in the documents table each sat
-- after the document's text and analysis, whose overflow pages SQLite read
-- on the way to it.
CREATE TABLE doc_signatures (doc_id TEXT PRIMARY KEY, signature BLOB NOT NULL) WITHOUT ROWID;
INSERT INTO doc_signatures (doc_id, signature) SELECT id, signature FROM documents WHERE signature IS NOT NULL;
ALTER TABLE documents DROP COLUMN signature;
