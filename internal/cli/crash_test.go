package cli

import (
	"bufio"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/analyze"
)

// TestMain lets a test run rasad as a child process: with RASAD_CLI_ARGS
// set, the test binary is rasad.
func TestMain(m *testing.M) {
	if args := os.Getenv("RASAD_CLI_ARGS"); args != "" {
		os.Exit(Main(strings.Split(args, "\x1f"), stdEnv()))
	}
	os.Exit(m.Run())
}

// crashCorpus writes n distinct short reports, in Persian, Arabic and
// English: calls between pairs of twelve leaders on days spread over two
// years, so that some reports are of one call and most of others.
func crashCorpus(t *testing.T, n int) string {
	p := filepath.Join(t.TempDir(), "docs.jsonl")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	enc := json.NewEncoder(w)
	leaders := []struct{ fa, ar, en string }{
		{"ولادیمیر پوتین", "فلاديمير بوتين", "Vladimir Putin"},
		{"رجب طیب اردوغان", "رجب طيب أردوغان", "Recep Tayyip Erdogan"},
		{"الهام علی‌اف", "إلهام علييف", "Ilham Aliyev"},
		{"نیکول پاشینیان", "نيكول باشينيان", "Nikol Pashinyan"},
		{"ابراهیم رئیسی", "إبراهيم رئيسي", "Ebrahim Raisi"},
		{"امانوئل مکرون", "إيمانويل ماكرون", "Emmanuel Macron"},
		{"آنگلا مرکل", "أنغيلا ميركل", "Angela Merkel"},
		{"شی جین‌پینگ", "شي جين بينغ", "Xi Jinping"},
		{"نارندرا مودی", "ناريندرا مودي", "Narendra Modi"},
		{"ولودیمیر زلنسکی", "فولوديمير زيلينسكي", "Volodymyr Zelenskyy"},
		{"بشار اسد", "بشار الأسد", "Bashar al-Assad"},
		{"محمد بن سلمان", "محمد بن سلمان", "Mohammed bin Salman"},
	}
	for i := range n {
		a, b := leaders[i%12], leaders[(i/12+1+i%12)%12]
		if a == b {
			b = leaders[(i+5)%12]
		}
		day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i*7919)%730)
		var lang, text string
		switch i % 3 {
		case 0:
			lang, text = "fa", fmt.Sprintf("به گزارش خبرگزاری (شماره %d)، %s و %s روز %s در گفت‌وگوی تلفنی درباره همکاری‌های دوجانبه رایزنی کردند.", i, a.fa, b.fa, day.Format("2006-01-02"))
		case 1:
			lang, text = "ar", fmt.Sprintf("أجرى %s اتصالاً هاتفياً مع %s يوم %s، بحثا خلاله العلاقات الثنائية، وفق البيان رقم %d.", a.ar, b.ar, day.Format("2006-01-02"), i)
		default:
			lang, text = "en", fmt.Sprintf("%s spoke by phone with %s on %s about bilateral ties, statement number %d said.", a.en, b.en, day.Format("January 2, 2006"), i)
		}
		doc := analyze.Document{ID: fmt.Sprintf("crash-%05d", i), Lang: lang, Text: text,
			Published: day.AddDate(0, 0, i%2).Format("2006-01-02")}
		if err := enc.Encode(doc); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return p
}

// TestIngestKilled SIGKILLs an ingest of 10,000 documents midway, ingests
// again, and finds every document once, with its events whole.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("a 10,000-document ingest")
	}
	const n = 10000
	docs := crashCorpus(t, n)
	db := filepath.Join(t.TempDir(), "rasad.db")
	args := strings.Join([]string{"ingest", "--db", db, "--progress", "never", docs}, "\x1f")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "RASAD_CLI_ARGS="+args)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// wait until a good part is stored, then kill
	reader, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	deadline := time.Now().Add(2 * time.Minute)
	killedAt := 0
	for killedAt == 0 {
		select {
		case err := <-exited:
			t.Fatalf("the ingest ended (%v) before it could be killed", err)
		case <-time.After(20 * time.Millisecond):
		}
		var c int
		if reader.QueryRow(`SELECT count(*) FROM documents`).Scan(&c) == nil && c >= n/4 {
			killedAt = c
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("the ingest stored too little in 2 minutes")
		}
	}
	<-exited
	reader.Close()
	// again, to the end
	code, _, errs := run(t, "", "ingest", "--db", db, "--progress", "never", docs)
	if code != 0 {
		t.Fatalf("the second ingest: exit %d: %s", code, errs)
	}
	var stored, present int
	if _, err := fmt.Sscanf(errs[strings.Index(errs, "read: ")+len("read: "):], "%d stored", &stored); err != nil {
		t.Fatalf("summary %q: %v", errs, err)
	}
	i := strings.Index(errs, "near-duplicates of stored documents), ")
	fmt.Sscanf(errs[i+len("near-duplicates of stored documents), "):], "%d already present", &present)
	if present < killedAt || stored+present != n {
		t.Errorf("second ingest: %d stored and %d present, want %d in all and at least %d present", stored, present, n, killedAt)
	}
	t.Logf("killed after %d documents; then %d stored, %d present", killedAt, stored, present)
	// reading the events rebuilds every listing the merges marked
	if code, _, errs := run(t, "", "events", "--db", db, "--limit", "1"); code != 0 {
		t.Fatalf("events: exit %d: %s", code, errs)
	}
	checkWhole(t, db, n)
}

// checkWhole checks that the store holds n documents, each with all its
// events, each event listed, and every listing's documents stored.
func checkWhole(t *testing.T, db string, n int) {
	t.Helper()
	h, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	var ok string
	if err := h.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Errorf("integrity check: %s %v", ok, err)
	}
	count := func(q string) int {
		var c int
		if err := h.QueryRow(q).Scan(&c); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		return c
	}
	if c := count(`SELECT count(*) FROM documents`); c != n {
		t.Errorf("%d documents, want %d", c, n)
	}
	if c := count(`SELECT count(*) FROM documents d WHERE json_array_length(json_extract(d.analysis, '$.events')) <> (SELECT count(*) FROM doc_events e WHERE e.doc_id = d.id)`); c != 0 {
		t.Errorf("%d documents whose events are not all stored", c)
	}
	if c := count(`SELECT count(*) FROM doc_event_keys k JOIN doc_events e ON e.doc_id = k.doc_id AND e.idx = k.idx WHERE k.event_id <> e.event_id OR k.parties <> e.parties`); c != 0 {
		t.Errorf("%d event keys that disagree with their report", c)
	}
	if c := count(`SELECT count(*) FROM events WHERE dirty = 1`); c != 0 {
		t.Errorf("%d events not rebuilt after a read", c)
	}
	if c := count(`SELECT count(*) FROM doc_events e WHERE NOT EXISTS (SELECT 1 FROM events v WHERE v.id = e.event_id)`); c != 0 {
		t.Errorf("%d reported events in no event", c)
	}
	if c := count(`SELECT count(*) FROM events v, json_each(json_extract(v.listing, '$.documents')) d WHERE NOT EXISTS (SELECT 1 FROM documents x WHERE x.id = d.value)`); c != 0 {
		t.Errorf("%d event documents not stored", c)
	}
	// the search index keeps one row per document (by rowid) in its docsize table
	if c := count(`SELECT count(*) FROM doc_index_docsize z WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.rowid = z.id)`); c != 0 {
		t.Errorf("%d index entries of no document", c)
	}
	if c := count(`SELECT count(*) FROM doc_index_docsize`); c != n {
		t.Errorf("%d documents indexed, want %d", c, n)
	}
	if c := count(`SELECT count(*) FROM events`); c == 0 || c >= n {
		t.Errorf("%d events from %d reports", c, n)
	}
}
