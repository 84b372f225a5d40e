package cli

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/store/sqlite"
	"github.com/rasad/rasad/internal/testcorpus"
)

// sampleDir is the bundled sample: the five seed reports.
const sampleDir = "../../sample"

func countDocs(t *testing.T, db string) int {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	n, err := s.Count(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// The seeds ingested twice are five documents (their folder's
// expected.json is noted and skipped), and their events list per the
// contract.
func TestIngestSeedsTwice(t *testing.T) {
	seeds := filepath.Join(testcorpus.SharedDir(), "seeds")
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("no seeds: %v", err)
	}
	db := filepath.Join(t.TempDir(), "rasad.db")
	code, _, errs := run(t, "", "ingest", "--db", db, seeds)
	if code != 0 || !strings.Contains(errs, "5 stored") {
		t.Fatalf("first ingest: exit %d: %s", code, errs)
	}
	code, _, errs = run(t, "", "ingest", "--db", db, seeds)
	if code != 0 || !strings.Contains(errs, "0 stored") || !strings.Contains(errs, "5 already present") {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
	if n := countDocs(t, db); n != 5 {
		t.Errorf("%d documents, want 5", n)
	}
	code, out, errs := run(t, "", "events", "--db", db)
	if code != 0 {
		t.Fatalf("events: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 10 {
		t.Fatalf("%d events from the seeds", len(lines))
	}
	sawCall := false
	for _, line := range lines {
		var ev map[string]any
		if err := json.Unmarshal([]byte(line), &ev); err != nil {
			t.Fatalf("not JSON: %s", line)
		}
		for _, key := range []string{"id", "type", "mode", "actors", "recipients", "date", "location", "documents", "languages", "sources", "evidence"} {
			if _, ok := ev[key]; !ok {
				t.Errorf("event without %q: %s", key, line)
			}
		}
		var l struct {
			Type   string
			Mode   *string
			Date   *string
			Actors []struct{ ID, Name string }
		}
		json.Unmarshal([]byte(line), &l)
		names := []string{}
		for _, a := range l.Actors {
			names = append(names, a.Name)
		}
		if l.Type == "CONSULT" && l.Mode != nil && *l.Mode == "phone" && l.Date != nil && *l.Date == "2020-11-11" &&
			slices.Contains(names, "Recep Tayyip Erdogan") {
			sawCall = true
		}
	}
	if !sawCall {
		t.Errorf("no Erdogan phone call on 2020-11-11 among the events:\n%s", out)
	}
}

func TestEventsFiltersAndFormats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rasad.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, "../cluster/testdata/reports.jsonl"); code != 0 {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	count := func(args ...string) int {
		t.Helper()
		code, out, errs := run(t, "", append([]string{"events", "--db", db}, args...)...)
		if code != 0 {
			t.Fatalf("events %v: exit %d: %s", args, code, errs)
		}
		return strings.Count(out, "\n")
	}
	all := count()
	for _, tt := range []struct {
		args []string
		ok   func(n int) bool
	}{
		{[]string{"--type", "sanction"}, func(n int) bool { return n >= 2 && n < all }},
		{[]string{"--actor", "لافروف"}, func(n int) bool { return n >= 2 && n < all }},
		{[]string{"--actor", "Lavrov"}, func(n int) bool { return n >= 2 && n < all }},
		{[]string{"--from", "2022-01-01"}, func(n int) bool { return n >= 3 && n < all }},
		{[]string{"--from", "2020-11-09", "--to", "2020-11-09"}, func(n int) bool { return n >= 1 && n < all }},
		{[]string{"--limit", "3"}, func(n int) bool { return n == 3 }},
	} {
		if n := count(tt.args...); !tt.ok(n) {
			t.Errorf("events %v: %d events of %d", tt.args, n, all)
		}
	}
	if a, b := count("--actor", "لافروف"), count("--actor", "Lavrov"); a != b {
		t.Errorf("Lavrov in Arabic finds %d events, in English %d", a, b)
	}
	// every format writes every event
	code, out, _ := run(t, "", "events", "--db", db, "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != all+1 || rows[0][0] != "id" {
		t.Errorf("csv: exit %d, %v, %d rows", code, err, len(rows))
	}
	code, out, _ = run(t, "", "events", "--db", db, "--format", "tsv")
	tsv := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(tsv) != all+1 || !strings.HasPrefix(tsv[0], "GlobalEventID\tSQLDATE") {
		t.Errorf("tsv: exit %d, %d rows", code, len(tsv))
	}
	for _, row := range tsv {
		if n := strings.Count(row, "\t"); n != 19 {
			t.Errorf("tsv row with %d tabs: %s", n, row)
		}
	}
	code, out, _ = run(t, "", "events", "--db", db, "--format", "plover")
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var r struct {
			EventType string `json:"event_type"`
			QuadClass string `json:"quad_class"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil || r.EventType == "" || r.QuadClass == "" {
			t.Errorf("plover record %s: %v", sc.Text(), err)
		}
		n++
	}
	if code != 0 || n != all {
		t.Errorf("plover: exit %d, %d records of %d", code, n, all)
	}
	for _, bad := range [][]string{{"--format", "xml"}, {"--type", "PARTY"}, {"--from", "yesterday"}, {"Putin"}} {
		if code, _, _ := run(t, "", append([]string{"events", "--db", db}, bad...)...); code != 2 {
			t.Errorf("events %v: exit %d, want 2", bad, code)
		}
	}
}

// A bad file or line is reported (file, line, reason) and skipped; the
// batch goes on and the summary counts it.
func TestIngestBadInput(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("لاوروف روز دوشنبه با میرزویان گفت‌وگو کرد."), 0o644)
	os.WriteFile(filepath.Join(dir, "lines.jsonl"), []byte(`{"id":"a","text":"بحث لافروف مع ميرزويان هاتفيا يوم الاثنين.","published":"2021-11-02"}
{"id":"b","text": broken
{"id":"c","text":"Lavrov spoke by phone with Mirzoyan on Monday.","published":"2021-11-02"}
{"id":"d","text":"x","published":"not a date"}
`), 0o644)
	os.WriteFile(filepath.Join(dir, "binary.txt"), []byte("\x00\x01\x02\x00\x00 binary"), 0o644)
	os.WriteFile(filepath.Join(dir, "meta.json"), []byte(`{"about":"not a document"}`), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.md"), []byte("not read"), 0o644)
	db := filepath.Join(t.TempDir(), "rasad.db")
	code, _, errs := run(t, "", "ingest", "--db", db, dir)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"lines.jsonl:2:", "lines.jsonl:4:", "binary.txt:", "meta.json: skipped", "3 stored", "3 failed"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if n := countDocs(t, db); n != 3 {
		t.Errorf("%d documents stored, want 3", n)
	}
	if code, _, _ := run(t, "", "ingest", "--db", db); code != 2 {
		t.Errorf("ingest with no path: exit %d, want 2", code)
	}
}

// A locked database gives a clear error naming it, and no partial document.
func TestIngestLockedDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rasad.db")
	if code, _, errs := run(t, "", "ingest", "--db", db, filepath.Join(sampleDir, "01-fa-karabakh-ceasefire.txt")); code != 0 {
		t.Fatalf("ingest: %s", errs)
	}
	locker, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer locker.Close()
	conn, err := locker.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, "", "ingest", "--db", db, "--db-timeout", "200ms", sampleDir)
	if code != 1 || !strings.Contains(errs, db) || !strings.Contains(errs, "locked") {
		t.Errorf("exit %d: %s", code, errs)
	}
	conn.ExecContext(context.Background(), "ROLLBACK")
	if n := countDocs(t, db); n != 1 {
		t.Errorf("%d documents after the failed ingest, want 1", n)
	}
}
