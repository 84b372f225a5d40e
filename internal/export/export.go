// Package export writes event listings in the formats analysts load into
// other tools: JSONL (the contract's listing objects), CSV, PLOVER-style
// JSON (POLECAT's record shape) and a GDELT-like TSV. docs/exports.md
// documents every column.
package export

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/rasad/rasad/internal/cluster"
)

// Formats are the names --format accepts.
var Formats = []string{"jsonl", "csv", "plover", "tsv"}

// Writer writes listings one at a time; Close finishes the output.
type Writer interface {
	Write(l cluster.Listing) error
	Close() error
}

// New returns a writer of the named format.
func New(format string, w io.Writer) (Writer, error) {
	bw := bufio.NewWriterSize(w, 64<<10)
	switch format {
	case "jsonl", "":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &jsonlWriter{bw: bw, enc: enc}, nil
	case "plover":
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		return &ploverWriter{bw: bw, enc: enc}, nil
	case "csv":
		cw := csv.NewWriter(bw)
		return &tableWriter{bw: bw, row: csvRow, flush: cw.Flush, write: cw.Write, err: cw.Error, header: csvHeader}, nil
	case "tsv":
		tw := &tsv{w: bw}
		return &tableWriter{bw: bw, row: tsvRow, flush: func() {}, write: tw.Write, err: func() error { return nil }, header: tsvHeader}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %s)", format, strings.Join(Formats, ", "))
}

type jsonlWriter struct {
	bw  *bufio.Writer
	enc *json.Encoder
}

func (w *jsonlWriter) Write(l cluster.Listing) error { return w.enc.Encode(l) }
func (w *jsonlWriter) Close() error                  { return w.bw.Flush() }

// tableWriter writes a header, then one row per listing.
type tableWriter struct {
	bw      *bufio.Writer
	row     func(cluster.Listing) []string
	write   func([]string) error
	flush   func()
	err     func() error
	header  []string
	started bool
}

func (w *tableWriter) Write(l cluster.Listing) error {
	if !w.started {
		w.started = true
		if err := w.write(w.header); err != nil {
			return err
		}
	}
	return w.write(w.row(l))
}

func (w *tableWriter) Close() error {
	if !w.started {
		w.started = true
		if err := w.write(w.header); err != nil {
			return err
		}
	}
	w.flush()
	if err := w.err(); err != nil {
		return err
	}
	return w.bw.Flush()
}

var csvHeader = []string{"id", "type", "mode", "date", "actors", "actor_ids", "recipients", "recipient_ids",
	"location", "location_id", "documents", "languages", "sources", "reports", "publishers", "first_published",
	"confidence", "contexts"}

func csvRow(l cluster.Listing) []string {
	loc, locID := "", ""
	if l.Location != nil {
		loc, locID = l.Location.Name, l.Location.ID
	}
	return []string{l.ID, l.Type, deref(l.Mode), deref(l.Date), names(l.Actors), ids(l.Actors),
		names(l.Recipients), ids(l.Recipients), loc, locID, strings.Join(l.Documents, ";"),
		strings.Join(l.Languages, ";"), strconv.Itoa(l.Sources), strconv.Itoa(l.Reports),
		strings.Join(l.Publishers, ";"), l.First, strconv.FormatFloat(l.Confidence, 'f', 2, 64),
		strings.Join(l.Contexts, ";")}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func names(ps []cluster.Party) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Name
	}
	return strings.Join(out, ";")
}

func ids(ps []cluster.Party) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return strings.Join(out, ";")
}

// tsv writes tab-separated rows; tabs and line breaks inside a field become
// spaces (the format has no quoting).
type tsv struct{ w io.Writer }

func (t *tsv) Write(fields []string) error {
	clean := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	for i, f := range fields {
		fields[i] = clean.Replace(f)
	}
	_, err := io.WriteString(t.w, strings.Join(fields, "\t")+"\n")
	return err
}
