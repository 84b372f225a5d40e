package api

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/sqlite"
	"github.com/rasad/rasad/internal/testcorpus"
)

// testToken is the write token of the test servers.
const testToken = "s3cret-token"

// testNow is the test servers' clock.
var testNow = time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)

// newServer serves the API over a new SQLite store, on loopback.
func newServer(t testing.TB, opts Options) (*httptest.Server, store.Store) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "rasad.db"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	srv := httptest.NewServer(New(s, opts))
	t.Cleanup(func() {
		srv.Close()
		s.Close()
	})
	return srv, s
}

// answer is a response read whole.
type answer struct {
	status int
	header http.Header
	body   []byte
}

// decode reads the body as JSON into v.
func (a answer) decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("not JSON (%d): %v: %s", a.status, err, a.body)
	}
}

// do sends a request and reads the answer.
func do(t testing.TB, method, url string, header map[string]string, body []byte) answer {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{resp.StatusCode, resp.Header, b}
}

func get(t testing.TB, url string) answer { return do(t, "GET", url, nil, nil) }

// post sends a body to POST /api/documents with the test token.
func post(t testing.TB, srv *httptest.Server, contentType string, body []byte) answer {
	t.Helper()
	return do(t, "POST", srv.URL+"/api/documents", map[string]string{"Content-Type": contentType, "Authorization": "Bearer " + testToken}, body)
}

// seedsJSONL is the five seed reports as JSONL document objects, each
// with its file's name (without .txt) as id.
func seedsJSONL(t testing.TB) []byte {
	t.Helper()
	seeds, err := testcorpus.Seeds()
	if err != nil {
		t.Skipf("no seeds: %v", err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for _, s := range seeds {
		if err := enc.Encode(analyze.Document{ID: strings.TrimSuffix(s.Name, ".txt"), Text: s.Text}); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// seeded serves the API over a store that holds the seeds, posted.
func seeded(t testing.TB) *httptest.Server {
	t.Helper()
	srv, _ := newServer(t, Options{Token: testToken})
	a := post(t, srv, "application/x-ndjson", seedsJSONL(t))
	var ans postAnswer
	a.decode(t, &ans)
	if a.status != http.StatusOK || ans.Stored != 5 || ans.Failed != 0 {
		t.Fatalf("posting the seeds: %d: %s", a.status, a.body)
	}
	return srv
}

func TestHealth(t *testing.T) {
	srv, s := newServer(t, Options{})
	a := get(t, srv.URL+"/healthz")
	var h struct {
		Status    string
		Documents int
	}
	a.decode(t, &h)
	if a.status != http.StatusOK || h.Status != "ok" || a.header.Get("Content-Type") != jsonType {
		t.Errorf("healthz: %d %s %s", a.status, a.header.Get("Content-Type"), a.body)
	}
	s.Close() // a store that does not answer
	a = get(t, srv.URL+"/healthz")
	var e errorBody
	a.decode(t, &e)
	if a.status != http.StatusServiceUnavailable || e.Error == "" {
		t.Errorf("healthz of a closed store: %d %s", a.status, a.body)
	}
}

func TestIndexPage(t *testing.T) {
	srv, _ := newServer(t, Options{})
	a := get(t, srv.URL+"/")
	if a.status != http.StatusOK || !strings.HasPrefix(a.header.Get("Content-Type"), "text/html") {
		t.Fatalf("/: %d %s", a.status, a.header.Get("Content-Type"))
	}
	for _, want := range []string{"rasad", "not built yet", `href="/api/openapi.json"`, `href="/healthz"`} {
		if !bytes.Contains(a.body, []byte(want)) {
			t.Errorf("the page at / lacks %q", want)
		}
	}
}

// Unknown paths and wrong methods are JSON errors too.
func TestUnknownPathsAndMethods(t *testing.T) {
	srv, _ := newServer(t, Options{})
	for _, tt := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/nothing", http.StatusNotFound, ""},
		{"GET", "/api/events/", http.StatusNotFound, ""},
		{"GET", "/index.html", http.StatusNotFound, ""},
		{"POST", "/api/events", http.StatusMethodNotAllowed, "GET, HEAD"},
		{"DELETE", "/api/documents/x", http.StatusMethodNotAllowed, "GET, HEAD"},
		{"PUT", "/api/documents", http.StatusMethodNotAllowed, "POST"},
		{"POST", "/healthz", http.StatusMethodNotAllowed, "GET, HEAD"},
	} {
		a := do(t, tt.method, srv.URL+tt.path, nil, nil)
		var e errorBody
		a.decode(t, &e)
		if a.status != tt.status || e.Error == "" || a.header.Get("Content-Type") != jsonType || a.header.Get("Allow") != tt.allow {
			t.Errorf("%s %s: %d (Allow %q) %s, want %d (Allow %q)", tt.method, tt.path, a.status, a.header.Get("Allow"), a.body, tt.status, tt.allow)
		}
	}
}
