-- MinHash signatures in a table of their own (as in SQLite, where reading
-- one from the documents table went through the document's text): finding
-- near-duplicates reads many of them.
CREATE TABLE doc_signatures (doc_id TEXT PRIMARY KEY, signature BYTEA NOT NULL);
INSERT INTO doc_signatures (doc_id, signature) SELECT id, signature FROM documents WHERE signature IS NOT NULL;
ALTER TABLE documents DROP COLUMN signature;
