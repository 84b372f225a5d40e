package api

import (
	_ "embed"
	"net/http"
	"strconv"
)

// openAPIDoc is the OpenAPI 3 description of every route.
//
//go:embed openapi.json
var openAPIDoc []byte

// indexPage is the page at / until the web UI is built.
//
//go:embed index.html
var indexPage []byte

// openAPI answers GET /api/openapi.json.
func (a *api) openAPI(w http.ResponseWriter, r *http.Request) {
	serveBytes(w, jsonType, openAPIDoc)
}

// index answers GET /.
func (a *api) index(w http.ResponseWriter, r *http.Request) {
	serveBytes(w, "text/html; charset=utf-8", indexPage)
}

func serveBytes(w http.ResponseWriter, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.Write(b)
}

// health answers GET /healthz: ok when the store answers.
func (a *api) health(w http.ResponseWriter, r *http.Request) {
	n, err := a.s.Count(r.Context())
	if err != nil {
		a.log.Warn("health check failed", "err", err)
		writeError(w, http.StatusServiceUnavailable, "the store does not answer: %v", err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Status    string `json:"status"`
		Documents int    `json:"documents"`
	}{"ok", n})
}
