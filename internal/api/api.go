// Package api is rasad's HTTP API over a store (the contract's "HTTP API"):
// the merged events, the stored documents with their analyses, search on
// matching keys, the actors of the gazetteer, and ingest by POST behind a
// write token. Every answer is JSON, errors included ({"error": "…"}), and
// openapi.json, embedded, describes every route (a test keeps the two in
// step).
package api

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/rasad/rasad/internal/gazetteer"
	"github.com/rasad/rasad/internal/store"
)

// Options configure the API. The zero value serves every read and refuses
// writes.
type Options struct {
	// Token is the write token POST /api/documents asks for (as
	// "Authorization: Bearer TOKEN"); "" refuses every write.
	Token string
	// Now is the clock: the ingest time of posted documents and the bound
	// of the dates their pages may declare. nil means time.Now.
	Now func() time.Time
	// Logger receives a line per request; nil means none.
	Logger *slog.Logger
	// Gazetteer resolves actor names and analyses posted documents; nil
	// means the bundled one.
	Gazetteer *gazetteer.Gazetteer
	// MaxBody bounds the body of a POST (16 MiB when 0): beyond it, 413.
	MaxBody int64
	// MaxDocuments bounds the documents of one POST (10,000 when 0).
	MaxDocuments int
}

// Defaults of Options and the bounds of list sizes.
const (
	DefaultMaxBody      = 16 << 20
	DefaultMaxDocuments = 10000
	defaultLimit        = 50
	maxLimit            = 500
)

// api is the handler: the store, the options and the routes.
type api struct {
	s    store.Store
	opts Options
	log  *slog.Logger
	mux  *http.ServeMux
}

// route is one endpoint: a ServeMux pattern (method and path) and its
// handler.
type route struct {
	pattern string
	handle  http.HandlerFunc
}

// routes lists every endpoint. openapi.json describes each of them (see
// TestOpenAPIDescribesRoutes).
func (a *api) routes() []route {
	return []route{
		{"GET /{$}", a.index},
		{"GET /healthz", a.health},
		{"GET /api/openapi.json", a.openAPI},
		{"GET /api/events", a.listEvents},
		{"GET /api/events/{id}", a.event},
		{"GET /api/documents/{id}", a.document},
		{"POST /api/documents", a.postDocuments},
		{"GET /api/search", a.search},
		{"GET /api/actors", a.actors},
	}
}

// New returns the API over s as one handler.
func New(s store.Store, opts Options) http.Handler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = DefaultMaxBody
	}
	if opts.MaxDocuments <= 0 {
		opts.MaxDocuments = DefaultMaxDocuments
	}
	a := &api{s: s, opts: opts, log: opts.Logger, mux: http.NewServeMux()}
	if a.log == nil {
		a.log = slog.New(slog.DiscardHandler)
	}
	for _, r := range a.routes() {
		a.mux.HandleFunc(r.pattern, r.handle)
	}
	return a.logged(http.HandlerFunc(a.serve))
}

// serve dispatches a request; the mux's own answers for an unknown path
// (404) or a method a path does not take (405, with Allow) are given as
// JSON errors like every other.
func (a *api) serve(w http.ResponseWriter, r *http.Request) {
	h, pattern := a.mux.Handler(r)
	if pattern != "" {
		a.mux.ServeHTTP(w, r)
		return
	}
	rec := &statusOnly{header: http.Header{}}
	h.ServeHTTP(rec, r)
	if allow := rec.header.Get("Allow"); allow != "" {
		w.Header().Set("Allow", allow)
	}
	switch rec.status {
	case http.StatusMethodNotAllowed:
		writeError(w, rec.status, "%s %s: this path does not take %s (it takes %s)", r.Method, r.URL.Path, r.Method, rec.header.Get("Allow"))
	case http.StatusNotFound:
		writeError(w, rec.status, "%s %s: no such endpoint (see /api/openapi.json)", r.Method, r.URL.Path)
	default:
		writeError(w, rec.status, "%s %s: %s", r.Method, r.URL.Path, http.StatusText(rec.status))
	}
}

// statusOnly keeps the status and headers a handler writes, and drops its
// body.
type statusOnly struct {
	header http.Header
	status int
}

func (s *statusOnly) Header() http.Header { return s.header }

func (s *statusOnly) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return len(b), nil
}

func (s *statusOnly) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
}
