package gazetteer

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/text"
)

// goldenLine is one sentence of testdata/golden.tsv and the entities in it.
type goldenLine struct {
	no               int
	lang, text, note string
	date             time.Time
	want             []string
}

func readGolden(t *testing.T) []goldenLine {
	f, err := os.Open("testdata/golden.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []goldenLine
	sc := bufio.NewScanner(f)
	for no := 1; sc.Scan(); no++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fs := strings.Split(line, "\t")
		if len(fs) < 4 {
			t.Fatalf("golden.tsv:%d: want lang, date, text, entities", no)
		}
		g := goldenLine{no: no, lang: fs[0], text: fs[2]}
		if fs[1] != "-" {
			if g.date, err = time.Parse("2006-01-02", fs[1]); err != nil {
				t.Fatalf("golden.tsv:%d: %v", no, err)
			}
		}
		if w := strings.TrimSpace(fs[3]); w != "-" {
			for _, id := range strings.Split(w, ",") {
				g.want = append(g.want, strings.TrimSpace(id))
			}
		}
		if len(fs) > 4 {
			g.note = fs[4]
		}
		out = append(out, g)
	}
	return out
}

// TestGoldenEntities runs the golden sentences through the bundled
// gazetteer and scores the set of entity ids found in each against the
// expected set: precision must reach 95% and recall 90%.
func TestGoldenEntities(t *testing.T) {
	g, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	if g.Len() == 0 {
		t.Skip("no bundled data yet")
	}
	lines := readGolden(t)
	if len(lines) < 200 {
		t.Fatalf("golden set has %d sentences, want at least 200", len(lines))
	}
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	for _, gl := range lines {
		for _, id := range gl.want {
			if g.Entity(id) == nil {
				t.Errorf("golden.tsv:%d: expected id %q is not in the gazetteer", gl.no, id)
			}
		}
		display, _ := text.Display(gl.text)
		got := map[string]bool{}
		for _, m := range g.Match(display, text.Key(display), Options{Lang: gl.lang, Date: gl.date}) {
			got[m.Entity.ID] = true
		}
		want := map[string]bool{}
		for _, id := range gl.want {
			want[id] = true
		}
		var extra, missing []string
		for id := range got {
			if want[id] {
				tp[gl.lang]++
			} else {
				fp[gl.lang]++
				extra = append(extra, id)
			}
		}
		for id := range want {
			if !got[id] {
				fn[gl.lang]++
				missing = append(missing, id)
			}
		}
		if len(extra)+len(missing) > 0 {
			sort.Strings(extra)
			sort.Strings(missing)
			t.Logf("golden.tsv:%d [%s] %s\n    extra %v, missing %v", gl.no, gl.lang, gl.text, extra, missing)
		}
	}
	var TP, FP, FN int
	for _, lang := range []string{"fa", "ar", "en"} {
		TP, FP, FN = TP+tp[lang], FP+fp[lang], FN+fn[lang]
		t.Logf("%s: %s", lang, prf(tp[lang], fp[lang], fn[lang]))
	}
	t.Logf("all: %s", prf(TP, FP, FN))
	p, r := float64(TP)/float64(max(1, TP+FP)), float64(TP)/float64(max(1, TP+FN))
	if p < 0.95 || r < 0.90 {
		t.Errorf("precision %.1f%%, recall %.1f%%: want at least 95%% and 90%%", 100*p, 100*r)
	}
}

func prf(tp, fp, fn int) string {
	p, r := float64(tp)/float64(max(1, tp+fp)), float64(tp)/float64(max(1, tp+fn))
	return fmt.Sprintf("precision %.1f%% (%d/%d), recall %.1f%% (%d/%d)", 100*p, tp, tp+fp, 100*r, tp, tp+fn)
}
