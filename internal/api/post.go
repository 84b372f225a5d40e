package api

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/ingest"
	"github.com/rasad/rasad/internal/store"
)

// bodyTypes are the content types POST /api/documents reads.
var bodyTypes = []string{"application/json", "application/x-ndjson", "application/jsonl", "application/x-jsonlines"}

// postResult says what became of one document of a POST.
type postResult struct {
	// Line is the document's line in a JSONL body (1 for one object).
	Line    int    `json:"line"`
	ID      string `json:"id,omitempty"`
	Outcome string `json:"outcome,omitempty"` // "stored" or "present"
	// Events are the ids of the events its reports joined or made (empty
	// when the document was stored already).
	Events []string `json:"events,omitzero"`
	// Copies are stored documents it is a near-duplicate of.
	Copies []string `json:"copies,omitempty"`
	// Warnings name repairs made to the input (a URL left out…).
	Warnings []string `json:"warnings,omitempty"`
	Error    string   `json:"error,omitempty"`
}

// postAnswer is the answer of a POST.
type postAnswer struct {
	Results []postResult `json:"results"`
	Stored  int          `json:"stored"`
	Present int          `json:"present"`
	Failed  int          `json:"failed"`
	// Error says why nothing was stored, when nothing was.
	Error string `json:"error,omitempty"`
}

// postDocuments answers POST /api/documents: it stores one document
// object, or a JSONL body of them, as ingest does. A document that cannot
// be read or analysed fails alone; the answer lists every document's fate.
func (a *api) postDocuments(w http.ResponseWriter, r *http.Request) {
	if !a.authorized(w, r) {
		return
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || !slices.Contains(bodyTypes, mt) {
		writeError(w, http.StatusUnsupportedMediaType, "Content-Type %q: want one of %s", r.Header.Get("Content-Type"), strings.Join(bodyTypes, ", "))
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, a.opts.MaxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		writeError(w, http.StatusRequestEntityTooLarge, "the body is over the limit of %d bytes", a.opts.MaxBody)
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, "reading the body: %v", err)
		return
	}
	lines, err := readBody(body, a.opts.MaxDocuments)
	switch {
	case errors.Is(err, errTooMany):
		writeError(w, http.StatusRequestEntityTooLarge, "%v", err)
		return
	case err != nil:
		writeError(w, http.StatusBadRequest, "%v", err)
		return
	case len(lines) == 0:
		writeError(w, http.StatusBadRequest, "the body holds no document")
		return
	}
	ans, storeFailed := a.store(r, lines)
	status := http.StatusOK
	if ans.Stored+ans.Present == 0 {
		status = http.StatusUnprocessableEntity
		ans.Error = "no document was stored: every one failed (see results)"
		if storeFailed {
			status = http.StatusInternalServerError
		}
	}
	writeJSON(w, status, ans)
}

// authorized checks the write token: 403 when writes are off, 401 when
// the request's token is missing or wrong (compared in constant time).
func (a *api) authorized(w http.ResponseWriter, r *http.Request) bool {
	if a.opts.Token == "" {
		writeError(w, http.StatusForbidden, "writes are disabled: this server was started without a write token (rasad serve --token-file, or RASAD_WRITE_TOKEN)")
		return false
	}
	scheme, token, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	// hashes of equal length, so that the comparison tells nothing of the token's length
	got, want := sha256.Sum256([]byte(strings.TrimSpace(token))), sha256.Sum256([]byte(a.opts.Token))
	if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="rasad"`)
		writeError(w, http.StatusUnauthorized, "a write needs the write token: Authorization: Bearer TOKEN")
		return false
	}
	return true
}

// errTooMany is a body of more documents than a POST takes.
var errTooMany = errors.New("too many documents")

// readBody reads a body: one JSON document object (which may span lines),
// or JSONL, one object a line. A line that is no document keeps its error.
func readBody(body []byte, maxDocs int) ([]ingest.Line, error) {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) > 0 && trimmed[0] == '{' && json.Valid(trimmed) {
		doc, err := ingest.Document("body.json", trimmed)
		return []ingest.Line{{No: 1, Doc: doc, Err: err}}, nil
	}
	var lines []ingest.Line
	err := ingest.JSONL(bytes.NewReader(body), len(body), func(l ingest.Line) error {
		if len(lines) == maxDocs {
			return fmt.Errorf("%w: the body holds more than %d (post them in parts)", errTooMany, maxDocs)
		}
		lines = append(lines, l)
		return nil
	})
	return lines, err
}

// store analyses the documents (on every core) and stores them in order;
// it tells whether the store failed (rather than a document).
func (a *api) store(r *http.Request, lines []ingest.Line) (postAnswer, bool) {
	g, gerr := a.gazetteer()
	now := a.opts.Now()
	docs := make([]store.Document, len(lines))
	results := make([]postResult, len(lines))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(lines)) {
		wg.Go(func() {
			for i := range next {
				res := &results[i]
				res.Line = lines[i].No
				switch {
				case lines[i].Err != nil:
					res.Error = lines[i].Err.Error()
				case gerr != nil:
					res.Error = gerr.Error()
				default:
					d, warnings, err := ingest.Prepare(lines[i].Doc, analyze.Options{Now: now, Gazetteer: g}, now)
					if err != nil {
						res.Error = err.Error()
					}
					docs[i], res.Warnings = d, warnings
				}
			}
		})
	}
	for i := range lines {
		next <- i
	}
	close(next)
	wg.Wait()
	ans := postAnswer{Results: results}
	var good []int // the documents to store, in order
	for i := range results {
		if results[i].Error == "" {
			good = append(good, i)
		} else {
			ans.Failed++
		}
	}
	storeFailed := false
	for len(good) > 0 {
		chunk := good[:min(len(good), maxBatch)]
		good = good[len(chunk):]
		batch := make([]store.Document, len(chunk))
		for j, i := range chunk {
			batch[j] = docs[i]
		}
		stored, errs := a.put(r, batch)
		for j, i := range chunk {
			res, sr := &results[i], stored[j]
			if errs[j] != nil {
				a.log.Error("storing a posted document", "line", res.Line, "id", docs[i].ID, "err", errs[j])
				res.Error, storeFailed = fmt.Sprintf("storing: %v", errs[j]), true
				ans.Failed++
				continue
			}
			res.ID, res.Outcome, res.Copies = sr.ID, sr.Outcome.String(), sr.Copies
			res.Events = append([]string{}, sr.Events...)
			if sr.Outcome == store.Present {
				ans.Present++
			} else {
				ans.Stored++
			}
		}
	}
	a.log.Info("documents posted", "documents", len(lines), "stored", ans.Stored, "present", ans.Present, "failed", ans.Failed)
	return ans, storeFailed
}

// maxBatch bounds the documents stored in one transaction.
const maxBatch = 256

// put stores documents in one transaction, which is many times faster than
// one each; when that fails, it stores them one by one, so that one bad
// document fails alone.
func (a *api) put(r *http.Request, docs []store.Document) ([]store.Result, []error) {
	errs := make([]error, len(docs))
	rs, err := a.s.PutBatch(r.Context(), docs)
	if err == nil && len(rs) == len(docs) {
		return rs, errs
	}
	rs = make([]store.Result, len(docs))
	for i, d := range docs {
		rs[i], errs[i] = a.s.Put(r.Context(), d)
	}
	return rs, errs
}
