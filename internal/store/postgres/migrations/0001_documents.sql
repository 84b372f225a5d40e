-- Documents as written, with their analysis. A document is one document
-- by its id, its normalised URL or its content hash.
CREATE TABLE documents (
    id               TEXT PRIMARY KEY,
    url              TEXT,
    title            TEXT NOT NULL DEFAULT '',
    lang             TEXT NOT NULL DEFAULT '',
    body             TEXT NOT NULL,
    published        TEXT NOT NULL DEFAULT '',
    hash             TEXT NOT NULL,
    analysis         BYTEA,
    analyzer_version TEXT NOT NULL DEFAULT '',
    ingested         TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url IS NOT NULL;
CREATE UNIQUE INDEX documents_hash ON documents (hash);
