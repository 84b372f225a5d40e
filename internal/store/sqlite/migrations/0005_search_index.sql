-- Search: the index no longer keeps a copy of each key (content=''); a
-- document is found by its rowid. Keys are now words separated by spaces
-- (sqlstore.SearchKey), which FTS5's ascii tokenizer splits several times
-- faster than unicode61 folds and splits; and index segments are merged 16
-- at a time, not 4, for less rewriting as documents arrive.
-- The keys of the documents stored before are copied as they are: their
-- punctuation and Latin diacritics stay in their words until 'rasad
-- reanalyze --all' indexes them again.
CREATE VIRTUAL TABLE doc_index USING fts5(key, content = '', contentless_delete = 1, tokenize = 'ascii', detail = none);
INSERT INTO doc_index (doc_index, rank) VALUES ('automerge', 16);
INSERT INTO doc_index (rowid, key) SELECT d.rowid, s.key FROM doc_search s JOIN documents d ON d.id = s.doc_id;
DROP TABLE doc_search;
