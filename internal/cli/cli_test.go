package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/analyze"
)

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, &Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAnalyzeFile(t *testing.T) {
	p := write(t, "doc.txt", []byte("تاریخ انتشار: ۱۰ آبان ۱۴۰۰ - ۲۳:۵۶\n\nلاوروف روز دوشنبه با میرزویان گفت‌وگو کرد."))
	code, out, errs := run(t, "", "analyze", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var a analyze.Analysis
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	if a.Lang != "fa" || a.Published == nil || *a.Published != "2021-11-01" || a.PublishedSource != "dateline" || len(a.Dates) != 2 {
		t.Errorf("analysis: %+v", a)
	}
}

func TestAnalyzeStdinFlags(t *testing.T) {
	code, out, _ := run(t, "Lavrov spoke by phone on Monday.", "analyze", "--lang", "en", "--published", "2021-11-03", "--compact", "-")
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, `"value":"2021-11-01"`) {
		t.Errorf("exit %d, out %s", code, out)
	}
}

func TestAnalyzeJSONLGzipWithBadLines(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"id":"a","text":"امروز گفت.","published":"2021-11-01","lang":"fa"}
{"id":"b","text":
{"id":"c","text":"اليوم قال.","published":"2020-11-11"}
{"id":"d","text":"x","published":"not a date"}
`))
	zw.Close()
	p := write(t, "docs.jsonl.gz", buf.Bytes())
	code, out, errs := run(t, "", "analyze", "--jsonl", "--workers", "3", p)
	if code != 1 {
		t.Errorf("exit %d, want 1 (some lines failed)", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"id":"a"`) || !strings.Contains(lines[1], `"id":"c"`) {
		t.Errorf("output lines: %q", lines)
	}
	if !strings.Contains(errs, "docs.jsonl.gz:2:") || !strings.Contains(errs, "docs.jsonl.gz:4:") {
		t.Errorf("stderr does not name the bad lines: %s", errs)
	}
}

func TestAnalyzeRefusals(t *testing.T) {
	bin := write(t, "x.bin", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2})
	if code, _, errs := run(t, "", "analyze", bin); code != 1 || !strings.Contains(errs, "binary") || !strings.Contains(errs, "x.bin") {
		t.Errorf("binary: exit %d, %s", code, errs)
	}
	big := write(t, "big.txt", bytes.Repeat([]byte("خبر "), 100))
	if code, _, errs := run(t, "", "analyze", "--max-bytes", "50", big); code != 1 || !strings.Contains(errs, "big.txt") || !strings.Contains(errs, "limit") {
		t.Errorf("too large: exit %d, %s", code, errs)
	}
	if code, _, errs := run(t, "", "analyze", filepath.Join(t.TempDir(), "missing.txt")); code != 1 || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing file: exit %d, %s", code, errs)
	}
	empty := write(t, "empty.txt", nil)
	if code, out, _ := run(t, "", "analyze", empty); code != 0 || !strings.Contains(out, `"dates": []`) {
		t.Errorf("empty: exit %d, %s", code, out)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{}, {"nope"}, {"analyze", "--lang", "xx"}, {"analyze", "--published", "soon"}, {"analyze", "a", "b"}, {"analyze", "--bogus"}} {
		if code, _, _ := run(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := run(t, "", "version"); code != 0 || !strings.HasPrefix(out, "rasad "+analyze.Version) {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := run(t, "", "help"); code != 0 || !strings.Contains(out, "analyze") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rasad.db")
	code, out, errs := run(t, "", "demo", "--db", db)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"01-fa-karabakh-ceasefire", "published 2020-11-10 (dateline)", "16-ar-saudi-iran-beijing",
		"16 new documents", "2 documents in ar+fa"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	code, out, _ = run(t, "", "demo", "--jsonl")
	if code != 0 || strings.Count(out, "\n") != 16 {
		t.Errorf("demo --jsonl: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
}

func TestBench(t *testing.T) {
	p := write(t, "docs.jsonl", []byte(`{"id":"a","text":"پوتین و اردوغان روز دوشنبه گفت و گوی تلفنی کردند.","published":"2021-11-03","lang":"fa"}
{"id":"b","text":
{"id":"c","text":"التقى بوتين أردوغان في سوتشي أمس.","published":"2021-09-30"}
`))
	code, out, errs := run(t, "", "bench", "--json", "--workers", "2", p)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep benchReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("report %q: %v", out, err)
	}
	if rep.Documents != 2 || rep.Failed != 1 || rep.Events < 2 || rep.DocsPerSec <= 0 {
		t.Errorf("report: %+v", rep)
	}
	if !strings.Contains(errs, "docs.jsonl:2:") {
		t.Errorf("stderr does not name the bad line: %s", errs)
	}
	if code, _, _ := run(t, "", "bench"); code != 2 {
		t.Errorf("bench without a file: exit %d, want 2", code)
	}
}
