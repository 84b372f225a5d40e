package api

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/store/sqlite"
)

const callFa = `{"id":"call-fa","url":"https://www.irna.ir/news/1?utm_source=x","published":"2021-04-09","text":"ولادیمیر پوتین رئیس‌جمهوری روسیه و رجب طیب اردوغان رئیس‌جمهوری ترکیه روز جمعه در گفت‌وگوی تلفنی درباره تحولات قره‌باغ رایزنی کردند."}`

// TestPostRefused: every way a POST is refused, and its status.
func TestPostRefused(t *testing.T) {
	open, _ := newServer(t, Options{Token: testToken, MaxBody: 4096, MaxDocuments: 3})
	closed, _ := newServer(t, Options{})
	auth := "Bearer " + testToken
	many := strings.Repeat(callFa+"\n", 4)
	for _, tt := range []struct {
		name        string
		srv         *httptest.Server
		header      map[string]string
		body        string
		status      int
		errContains string
	}{
		{"writes off", closed, map[string]string{"Authorization": auth, "Content-Type": "application/json"}, callFa, 403, "writes are disabled"},
		{"no token", open, map[string]string{"Content-Type": "application/json"}, callFa, 401, "Bearer"},
		{"a wrong token", open, map[string]string{"Authorization": "Bearer nope", "Content-Type": "application/json"}, callFa, 401, "Bearer"},
		{"the token as a password", open, map[string]string{"Authorization": "Basic " + testToken, "Content-Type": "application/json"}, callFa, 401, "Bearer"},
		{"a token with more", open, map[string]string{"Authorization": auth + "x", "Content-Type": "application/json"}, callFa, 401, "Bearer"},
		{"no content type", open, map[string]string{"Authorization": auth}, callFa, 415, "Content-Type"},
		{"text", open, map[string]string{"Authorization": auth, "Content-Type": "text/plain"}, callFa, 415, "application/json"},
		{"too large", open, map[string]string{"Authorization": auth, "Content-Type": "application/json"}, `{"text":"` + strings.Repeat("x", 5000) + `"}`, 413, "4096 bytes"},
		{"too many", open, map[string]string{"Authorization": auth, "Content-Type": "application/x-ndjson"}, many, 413, "more than 3"},
		{"empty", open, map[string]string{"Authorization": auth, "Content-Type": "application/json"}, " \n", 400, "no document"},
		{"nothing good", open, map[string]string{"Authorization": auth, "Content-Type": "application/jsonl"}, "{\"id\":1}\n[1,2]\nnot json\n", 422, "no document was stored"},
	} {
		a := do(t, "POST", tt.srv.URL+"/api/documents", tt.header, []byte(tt.body))
		var e errorBody
		a.decode(t, &e)
		if a.status != tt.status || !strings.Contains(e.Error, tt.errContains) || a.header.Get("Content-Type") != jsonType {
			t.Errorf("%s: %d %s, want %d with %q", tt.name, a.status, a.body, tt.status, tt.errContains)
		}
		if tt.status == 401 && a.header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: a 401 without WWW-Authenticate", tt.name)
		}
	}
	// a refused write stored nothing
	if a := get(t, open.URL+"/api/events"); !strings.Contains(string(a.body), `"events":[]`) {
		t.Errorf("after refused writes: %s", a.body)
	}
}

// TestPostLines: a JSONL body with bad lines stores the good ones, says
// what became of each, and posting again finds them present.
func TestPostLines(t *testing.T) {
	srv, _ := newServer(t, Options{Token: testToken})
	body := callFa + "\n" +
		`{"id":"broken","text":` + "\n" +
		"\n" + // an empty line is no document
		`{"id":"no-text","title":"x"}` + "\n" +
		`{"id":"bad-date","text":"x","published":"someday"}` + "\n" +
		`{"id":"call-ar","lang":"ar","published":"2021-04-10","text":"بحث الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان في اتصال هاتفي أمس الوضع في قره باغ."}` + "\n"
	a := post(t, srv, "application/x-ndjson", []byte(body))
	var ans postAnswer
	a.decode(t, &ans)
	if a.status != http.StatusOK || ans.Stored != 2 || ans.Failed != 3 || ans.Present != 0 || len(ans.Results) != 5 {
		t.Fatalf("first post: %d %s", a.status, a.body)
	}
	wantLines := []int{1, 2, 4, 5, 6}
	for i, r := range ans.Results {
		if r.Line != wantLines[i] {
			t.Errorf("result %d is of line %d, want %d", i, r.Line, wantLines[i])
		}
		ok := r.Error == ""
		if want := r.Line == 1 || r.Line == 6; ok != want || ok && (r.Outcome != "stored" || r.ID == "" || len(r.Events) == 0) {
			t.Errorf("line %d: %+v", r.Line, r)
		}
	}
	// one object over several lines is one document; posted again it is present
	var pretty bytes.Buffer
	json.Indent(&pretty, []byte(callFa), "", "  ")
	a = post(t, srv, "application/json; charset=utf-8", pretty.Bytes())
	ans = postAnswer{}
	a.decode(t, &ans)
	if a.status != http.StatusOK || ans.Present != 1 || len(ans.Results) != 1 || ans.Results[0].Outcome != "present" || ans.Results[0].ID != "call-fa" {
		t.Errorf("posting a stored document again: %d %s", a.status, a.body)
	}
	if !strings.Contains(string(a.body), `"events":[]`) {
		t.Errorf("a present document's events are not an empty list: %s", a.body)
	}
}

// FuzzPostDocuments: whatever the body and its type, the answer is JSON
// with a 2xx or 4xx status, and the server does not panic.
func FuzzPostDocuments(f *testing.F) {
	for _, seed := range []string{
		callFa, callFa + "\n" + callFa, `{"text":""}`, `{"html":"<p>سلام</p>"}`, "{", "[]", "null", "\n\n", `{"text":"x","published":"2021-13-45"}`,
		`{"id":"a","text":"b"}` + "\n" + `{"id":"a","text":"c"}`, "\xff\xfe{}", `{"text":"\u0000"}`,
	} {
		f.Add(seed, uint8(0))
		f.Add(seed, uint8(1))
	}
	s, err := sqlite.Open(context.Background(), filepath.Join(f.TempDir(), "rasad.db"), 5*time.Second)
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	h := New(s, Options{Token: testToken, MaxBody: 64 << 10, MaxDocuments: 20, Now: func() time.Time { return testNow }})
	types := []string{"application/json", "application/x-ndjson", "application/jsonl; charset=utf-8", "text/plain"}
	f.Fuzz(func(t *testing.T, body string, kind uint8) {
		req := httptest.NewRequest("POST", "/api/documents", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+testToken)
		req.Header.Set("Content-Type", types[int(kind)%len(types)])
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code < 200 || rec.Code >= 500 || rec.Code >= 300 && rec.Code < 400 {
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		if rec.Header().Get("Content-Type") != jsonType || !json.Valid(rec.Body.Bytes()) {
			t.Fatalf("not a JSON answer for %q: %s", body, rec.Body)
		}
	})
}
