package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"time"

	"github.com/rasad/rasad/internal/store"
)

// document is a stored document as GET /api/documents/{id} gives it.
type document struct {
	ID    string `json:"id"`
	URL   string `json:"url"`
	Title string `json:"title"`
	Lang  string `json:"lang"`
	// Published is the publication date or time as the input gave it.
	Published string `json:"published"`
	Publisher string `json:"publisher"`
	Ingested  string `json:"ingested"`
	// Text is the document as written: the analysis's offsets point into it.
	Text            string `json:"text"`
	Hash            string `json:"hash"`
	AnalyzerVersion string `json:"analyzer_version"`
	// Analysis is the stored analysis object, as it was stored.
	Analysis json.RawMessage `json:"analysis"`
}

// document answers GET /api/documents/{id}.
func (a *api) document(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := a.s.Get(r.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no document %q", id)
		return
	case err != nil:
		a.failed(w, r, err)
		return
	}
	out := document{ID: d.ID, URL: d.URL, Title: d.Title, Lang: d.Lang, Published: d.Published, Publisher: d.Publisher,
		Text: d.Text, Hash: d.Hash, AnalyzerVersion: d.AnalyzerVersion, Analysis: d.Analysis}
	if !d.Ingested.IsZero() {
		out.Ingested = d.Ingested.UTC().Format(time.RFC3339)
	}
	if !json.Valid(out.Analysis) {
		out.Analysis = json.RawMessage("null")
	}
	writeJSON(w, http.StatusOK, out)
}
