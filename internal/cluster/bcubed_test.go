package cluster

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/analyze"
)

// minBCubed is the least B-cubed F1 the clustering of the fixture may have.
const minBCubed = 0.9

// goldReport is a fixture line: a document object and the event an analyst
// reads as its main one.
type goldReport struct {
	analyze.Document
	Gold struct {
		Event string `json:"event"`
		Type  string `json:"type"`
	} `json:"gold"`
	SyndicatedFrom string `json:"syndicated_from"`
}

// fixture reads testdata/reports.jsonl and analyses every report.
func fixture(t testing.TB) ([]goldReport, map[string][]Item) {
	t.Helper()
	f, err := os.Open("testdata/reports.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var reports []goldReport
	items := map[string][]Item{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r goldReport
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("testdata/reports.jsonl:%d: %v", len(reports)+1, err)
		}
		a, err := analyze.Analyze(r.Document, analyze.Options{})
		if err != nil {
			t.Fatalf("analysing %s: %v", r.ID, err)
		}
		reports = append(reports, r)
		items[r.ID] = Items(r.ID, "", a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return reports, items
}

// assign says which cluster each report ends in: the cluster of its event
// of the gold type (the primary one, else the one in the largest
// cluster), or a cluster of its own when it has none.
func assign(reports []goldReport, clusters [][]Item) map[string]string {
	at := map[string]int{} // item key → cluster
	for i, c := range clusters {
		for _, it := range c {
			at[it.Key()] = i
		}
	}
	out := map[string]string{}
	for _, r := range reports {
		best, bestSize, bestPrimary := -1, 0, false
		for i, c := range clusters {
			for _, it := range c {
				if it.Doc != r.ID || it.Type != r.Gold.Type {
					continue
				}
				if size := len(c); best < 0 || it.Primary && !bestPrimary || it.Primary == bestPrimary && size > bestSize {
					best, bestSize, bestPrimary = i, size, it.Primary
				}
			}
		}
		if best < 0 {
			out[r.ID] = "alone:" + r.ID
			continue
		}
		out[r.ID] = clusters[best][0].Key()
	}
	return out
}

// bcubed scores a clustering of the reports against their gold events.
func bcubed(reports []goldReport, system map[string]string) (p, r, f float64) {
	for _, x := range reports {
		inSys, inGold, both := 0, 0, 0
		for _, y := range reports {
			s := system[x.ID] == system[y.ID]
			g := x.Gold.Event == y.Gold.Event
			if s {
				inSys++
			}
			if g {
				inGold++
			}
			if s && g {
				both++
			}
		}
		p += float64(both) / float64(inSys)
		r += float64(both) / float64(inGold)
	}
	n := float64(len(reports))
	p, r = p/n, r/n
	return p, r, 2 * p * r / (p + r)
}

func allItems(reports []goldReport, items map[string][]Item) []Item {
	var out []Item
	for _, r := range reports {
		out = append(out, items[r.ID]...)
	}
	return out
}

// TestBCubed: the events of the fixture's reports, clustered, against the
// real-world events an analyst reads in them.
func TestBCubed(t *testing.T) {
	reports, items := fixture(t)
	events := map[string]bool{}
	langs := map[string]int{}
	for _, r := range reports {
		events[r.Gold.Event] = true
		langs[r.Lang]++
	}
	if len(reports) < 40 || len(events) < 10 || langs["fa"] == 0 || langs["ar"] == 0 || langs["en"] == 0 {
		t.Fatalf("the fixture has %d reports of %d events in %v: it should have at least 40 of 10 in fa, ar and en", len(reports), len(events), langs)
	}
	clusters := Components(allItems(reports, items))
	sys := assign(reports, clusters)
	p, r, f := bcubed(reports, sys)
	t.Logf("B-cubed over %d reports of %d events: P %.3f R %.3f F1 %.3f", len(reports), len(events), p, r, f)
	if f < minBCubed || testing.Verbose() {
		for _, x := range reports {
			var with []string
			for _, y := range reports {
				if y.ID != x.ID && sys[y.ID] == sys[x.ID] {
					with = append(with, y.ID+"("+y.Gold.Event+")")
				}
			}
			t.Logf("%s %s %s → with %s", x.ID, x.Gold.Event, x.Gold.Type, strings.Join(with, " "))
		}
	}
	if f < minBCubed {
		t.Errorf("B-cubed F1 %.3f, under %.2f", f, minBCubed)
	}
	// a clustering that lumps everything, or splits everything, scores low:
	// the measure can fail
	lump, split := map[string]string{}, map[string]string{}
	for _, x := range reports {
		lump[x.ID], split[x.ID] = "all", x.ID
	}
	if _, _, f := bcubed(reports, lump); f >= minBCubed {
		t.Errorf("one cluster for everything scores %.3f", f)
	}
	if _, _, f := bcubed(reports, split); f >= minBCubed {
		t.Errorf("a cluster per report scores %.3f", f)
	}
}

// TestShuffled: clusters do not depend on the order of the reports.
func TestShuffled(t *testing.T) {
	reports, items := fixture(t)
	want := canon(Components(allItems(reports, items)))
	rng := rand.New(rand.NewPCG(7, 11))
	for range 10 {
		order := slices.Clone(reports)
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		if got := canon(Components(allItems(order, items))); got != want {
			t.Fatalf("a shuffled order clusters differently:\n got %s\nwant %s", got, want)
		}
	}
}
