package api

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
)

// TestOpenAPIDescribesRoutes keeps openapi.json and the routes in step:
// every route is described, and every described operation is a route.
func TestOpenAPIDescribesRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
		t.Fatalf("openapi.json is not JSON: %v", err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi %q, want 3.x", doc.OpenAPI)
	}
	var described []string
	for path, ops := range doc.Paths {
		for method, op := range ops {
			described = append(described, strings.ToUpper(method)+" "+path)
			var o struct {
				Summary   string                     `json:"summary"`
				Responses map[string]json.RawMessage `json:"responses"`
			}
			if err := json.Unmarshal(op, &o); err != nil || o.Summary == "" || len(o.Responses) == 0 {
				t.Errorf("%s %s: an operation needs a summary and responses (%v)", method, path, err)
			}
		}
	}
	var routed []string
	for _, r := range (&api{}).routes() {
		method, path, _ := strings.Cut(r.pattern, " ")
		routed = append(routed, method+" "+strings.ReplaceAll(path, "{$}", ""))
	}
	slices.Sort(described)
	slices.Sort(routed)
	if !slices.Equal(described, routed) {
		t.Errorf("openapi.json describes\n  %s\nthe server routes\n  %s", strings.Join(described, "\n  "), strings.Join(routed, "\n  "))
	}
	// and the server gives the same document
	srv, _ := newServer(t, Options{})
	a := get(t, srv.URL+"/api/openapi.json")
	if a.status != http.StatusOK || a.header.Get("Content-Type") != jsonType || !json.Valid(a.body) {
		t.Errorf("GET /api/openapi.json: %d %s", a.status, a.header.Get("Content-Type"))
	}
}
