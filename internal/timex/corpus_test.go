package timex

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/text"
)

// corpusLine is one line of testdata/corpus.tsv: a sentence in fa, ar or en,
// the publication date it is read against, and the values of every date in
// it.
type corpusLine struct {
	no               int
	lang, text, note string
	anchor           time.Time
	want             []string
}

func readCorpus(t testing.TB) []corpusLine {
	t.Helper()
	f, err := os.Open("testdata/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []corpusLine
	sc := bufio.NewScanner(f)
	for no := 1; sc.Scan(); no++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 4 {
			t.Fatalf("corpus.tsv:%d: want at least 4 tab-separated fields, have %d", no, len(fields))
		}
		c := corpusLine{no: no, lang: fields[0], text: fields[2]}
		if len(fields) > 4 {
			c.note = fields[4]
		}
		if fields[1] != "-" {
			c.anchor, err = time.Parse("2006-01-02", fields[1])
			if err != nil {
				t.Fatalf("corpus.tsv:%d: anchor: %v", no, err)
			}
		}
		if w := strings.TrimSpace(fields[3]); w != "-" {
			for _, v := range strings.Split(w, "|") {
				c.want = append(c.want, strings.TrimSpace(v))
			}
		}
		out = append(out, c)
	}
	return out
}

// values finds and resolves the dates of one corpus sentence.
func values(c corpusLine) []string {
	display, _ := text.Display(c.text)
	ms := Find(display, text.Key(display), c.lang)
	var got []string
	for _, d := range Resolve(ms, c.anchor) {
		got = append(got, d.Value)
	}
	return got
}

// TestCorpusAccuracy runs the date corpus: a line is right when the values
// found equal the expected ones exactly, in order. It reports accuracy per
// language and fails under 97% overall.
func TestCorpusAccuracy(t *testing.T) {
	lines := readCorpus(t)
	if len(lines) < 300 {
		t.Fatalf("corpus has %d lines, want at least 300", len(lines))
	}
	right, total := map[string]int{}, map[string]int{}
	var wrong []string
	for _, c := range lines {
		got := values(c)
		total[c.lang]++
		if strings.Join(got, "|") == strings.Join(c.want, "|") {
			right[c.lang]++
			continue
		}
		wrong = append(wrong, fmt.Sprintf("corpus.tsv:%d [%s] %s\n    got %v, want %v", c.no, c.lang, c.text, got, c.want))
	}
	all, allRight := 0, 0
	for _, lang := range []string{"fa", "ar", "en"} {
		all += total[lang]
		allRight += right[lang]
		t.Logf("%s: %d/%d right (%.1f%%)", lang, right[lang], total[lang], 100*float64(right[lang])/float64(max(1, total[lang])))
	}
	acc := float64(allRight) / float64(all)
	t.Logf("all: %d/%d right (%.1f%%)", allRight, all, 100*acc)
	for _, w := range wrong {
		t.Log(w)
	}
	if acc < 0.97 {
		t.Errorf("accuracy %.1f%% is under 97%%", 100*acc)
	}
}
