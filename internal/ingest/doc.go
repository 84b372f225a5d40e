// Package ingest reads documents from where they arrive: files of plain
// text, HTML or JSON document objects, JSONL streams, gzip-compressed
// variants of them. Every reader is bounded in size and reports a bad item
// with its place (file, line) without stopping the rest.
package ingest
