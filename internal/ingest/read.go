package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/extract"
)

// ErrTooLarge is returned for an input over the size limit.
var ErrTooLarge = errors.New("over the size limit")

// ErrNotDocument is returned for JSON that is not a document object (it has
// neither "text" nor "html").
var ErrNotDocument = errors.New(`not a document object: it has neither "text" nor "html"`)

// ReadAll reads r up to limit bytes, failing if there is more.
func ReadAll(r io.Reader, limit int) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > limit {
		return nil, fmt.Errorf("%w of %d bytes", ErrTooLarge, limit)
	}
	return data, nil
}

// Gunzip opens a gzip stream when data starts with the gzip magic number, so
// .gz files are read whatever their name.
func Gunzip(r *bufio.Reader) (io.Reader, error) {
	magic, err := r.Peek(2)
	if err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		return gzip.NewReader(r)
	}
	return r, nil
}

// Document reads one document from the contents of a file named name (its
// extension, after any .gz, says what it holds; without one the contents
// decide): a JSON document object, an HTML page or plain text. Plain text in
// a legacy Arabic encoding is decoded; other invalid UTF-8 is left for the
// analysis to repair and report.
func Document(name string, data []byte) (analyze.Document, error) {
	ext := strings.ToLower(filepath.Ext(strings.TrimSuffix(strings.ToLower(name), ".gz")))
	trimmed := bytes.TrimLeft(data, " \t\r\n\ufeff")
	switch {
	case ext == ".json" || ext == "" && len(trimmed) > 0 && trimmed[0] == '{' && json.Valid(trimmed):
		return parseDocument(trimmed)
	case ext == ".html" || ext == ".htm" || ext == "" && looksLikeHTML(trimmed):
		return analyze.Document{HTML: string(data)}, nil
	case ext == ".jsonl":
		return analyze.Document{}, fmt.Errorf("a .jsonl file holds many documents: use --jsonl")
	}
	if !utf8.Valid(data) && !analyze.IsBinary(data) {
		if s, enc := extract.Decode(data, ""); enc != "utf-8" {
			return analyze.Document{Text: s}, nil
		}
	}
	return analyze.Document{Text: string(data)}, nil
}

// parseDocument reads a JSON document object.
func parseDocument(data []byte) (analyze.Document, error) {
	var doc analyze.Document
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		return doc, fmt.Errorf("reading JSON document: %w", err)
	}
	if doc.Text == "" && doc.HTML == "" {
		// an empty document is a document; an object without the fields is not
		var probe struct {
			Text *string `json:"text"`
			HTML *string `json:"html"`
		}
		if json.Unmarshal(data, &probe) == nil && probe.Text == nil && probe.HTML == nil {
			return doc, ErrNotDocument
		}
	}
	return doc, nil
}

func looksLikeHTML(b []byte) bool {
	head := strings.ToLower(string(b[:min(len(b), 1024)]))
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.Contains(head, "<html") && strings.Contains(head, "<head")
}

// Line is one line of a JSONL stream: its number (from 1) and either a
// document or the reason it could not be read.
type Line struct {
	No  int
	Doc analyze.Document
	Err error
}

// JSONL reads document objects, one a line, calling fn for each non-empty
// line in order. A line over limit bytes, or that is not a document object,
// is passed to fn with its error, and reading goes on. It stops early only
// when fn returns an error, or on a read error of r.
func JSONL(r io.Reader, limit int, fn func(Line) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	var buf []byte
	no := 0
	for {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > limit+1 {
					tooLong, buf = true, buf[:0]
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			return fmt.Errorf("reading line %d: %w", no+1, err)
		}
		if len(buf) == 0 && !tooLong && err == io.EOF {
			return nil
		}
		no++
		line := Line{No: no}
		switch b := bytes.TrimSpace(buf); {
		case tooLong:
			line.Err = fmt.Errorf("document %w of %d bytes", ErrTooLarge, limit)
		case len(b) == 0:
			if err == io.EOF {
				return nil
			}
			continue
		default:
			line.Doc, line.Err = parseDocument(b)
		}
		if ferr := fn(line); ferr != nil {
			return ferr
		}
		if err == io.EOF {
			return nil
		}
	}
}
