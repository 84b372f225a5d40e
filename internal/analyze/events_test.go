package analyze

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/coding"
)

var showMisses = flag.String("misses", "", "list the events the golden set disagrees on, by a measure: type+parties, type+roles or type")

// goldenItem is one report of testdata/events.jsonl: a short text written
// from real news phrasing and the events an analyst reads out of it.
type goldenItem struct {
	ID        string        `json:"id"`
	Lang      string        `json:"lang"`
	Published string        `json:"published"`
	Tags      []string      `json:"tags"`
	Text      string        `json:"text"`
	Events    []goldenEvent `json:"events"`
}

type goldenEvent struct {
	Type       string   `json:"type"`
	Mode       *string  `json:"mode"`
	Actors     []string `json:"actors"`
	Recipients []string `json:"recipients"`
	Date       *string  `json:"date"`
}

// tally counts matches of one type (or overall).
type tally struct{ tp, fp, fn int }

func (t tally) precision() float64 { return ratio(t.tp, t.tp+t.fp) }
func (t tally) recall() float64    { return ratio(t.tp, t.tp+t.fn) }
func (t tally) f1() float64 {
	p, r := t.precision(), t.recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// score matches a report's coded events to the golden ones. Two events
// match when their types agree and same(golden, coded) holds; each coded
// event matches at most one golden event.
func score(gold []goldenEvent, got []Event, same func(goldenEvent, Event) bool, per map[string]*tally) (misses []string) {
	used := make([]bool, len(got))
	for _, g := range gold {
		found := false
		for i, e := range got {
			if !used[i] && e.Type == g.Type && same(g, e) {
				used[i], found = true, true
				break
			}
		}
		if found {
			per[g.Type].tp++
		} else {
			per[g.Type].fn++
			misses = append(misses, "missed "+describeGolden(g))
		}
	}
	for i, e := range got {
		if !used[i] {
			per[e.Type].fp++
			misses = append(misses, "spurious "+describeEvent(e))
		}
	}
	return misses
}

func setOf(ids ...[]string) []string {
	var out []string
	for _, l := range ids {
		for _, id := range l {
			if !slices.Contains(out, id) {
				out = append(out, id)
			}
		}
	}
	sort.Strings(out)
	return out
}

// sameParties: the same parties, whatever their roles.
func sameParties(g goldenEvent, e Event) bool {
	return slices.Equal(setOf(g.Actors, g.Recipients), setOf(e.Actors, e.Recipients))
}

// sameRoles: the same actors and the same recipients.
func sameRoles(g goldenEvent, e Event) bool {
	return slices.Equal(setOf(g.Actors), setOf(e.Actors)) && slices.Equal(setOf(g.Recipients), setOf(e.Recipients))
}

func anyParties(goldenEvent, Event) bool { return true }

func describeGolden(g goldenEvent) string {
	m := ""
	if g.Mode != nil {
		m = "/" + *g.Mode
	}
	return fmt.Sprintf("%s%s %v -> %v", g.Type, m, g.Actors, g.Recipients)
}

func describeEvent(e Event) string {
	m := ""
	if e.Mode != nil {
		m = "/" + *e.Mode
	}
	return fmt.Sprintf("%s%s %v -> %v (%q)", e.Type, m, e.Actors, e.Recipients, e.Pattern)
}

func readGolden(t testing.TB) []goldenItem {
	t.Helper()
	f, err := os.Open("testdata/events.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var items []goldenItem
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for ln := 1; sc.Scan(); ln++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var it goldenItem
		if err := json.Unmarshal(sc.Bytes(), &it); err != nil {
			t.Fatalf("testdata/events.jsonl:%d: %v", ln, err)
		}
		items = append(items, it)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return items
}

// minEventF1 is the F1 on type+parties under which TestEventGolden fails:
// the 85% issue 4 asks for (see README, Events).
const minEventF1 = 0.85

// TestEventGolden codes the golden set and reports precision and recall
// per type and overall, on the type with the parties (the measure held by
// minEventF1), on the type with each party in its role, and on
// the type alone. Run with -v to see the table, -misses=type+parties (or another
// measure) to list the disagreements.
func TestEventGolden(t *testing.T) {
	items := readGolden(t)
	if len(items) < 200 {
		t.Fatalf("the golden set has %d reports, want at least 200", len(items))
	}
	measures := []struct {
		name string
		same func(goldenEvent, Event) bool
	}{{"type+parties", sameParties}, {"type+roles", sameRoles}, {"type", anyParties}}
	per := make([]map[string]*tally, len(measures))
	for i := range per {
		per[i] = map[string]*tally{}
		for _, ty := range coding.Types {
			per[i][ty] = &tally{}
		}
	}
	dates, datesRight := 0, 0
	// spurious events in reports of statements that are not events
	quiet := []string{"negation", "future", "conditional", "history", "no-event"}
	quietItems, quietEvents := map[string]int{}, map[string]int{}
	for _, it := range items {
		a, err := Analyze(Document{ID: it.ID, Text: it.Text, Lang: it.Lang, Published: it.Published}, Options{})
		if err != nil {
			t.Errorf("%s: %v", it.ID, err)
			continue
		}
		for i, m := range measures {
			misses := score(it.Events, a.Events, m.same, per[i])
			if m.name == *showMisses && len(misses) > 0 {
				t.Logf("%s %v: %s\n    %s", it.ID, it.Tags, strings.Join(misses, "; "), it.Text)
			}
		}
		for _, tag := range quiet {
			if slices.Contains(it.Tags, tag) {
				quietItems[tag]++
				spurious := len(a.Events) - len(it.Events)
				quietEvents[tag] += max(spurious, 0)
			}
		}
		// Dates of the events found with their parties.
		for _, g := range it.Events {
			for _, e := range a.Events {
				if e.Type == g.Type && sameParties(g, e) {
					dates++
					if (g.Date == nil) == (e.Date == nil) && (g.Date == nil || *g.Date == *e.Date) {
						datesRight++
					}
					break
				}
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d reports; %s\n", len(items), "P/R/F1 in %")
	fmt.Fprintf(&b, "%-10s %5s %5s %5s │ %-17s │ %-17s │ %-17s\n", "type", "gold", "tp", "fp", measures[0].name, measures[1].name, measures[2].name)
	totals := make([]tally, len(measures))
	for _, ty := range coding.Types {
		p := per[0][ty]
		fmt.Fprintf(&b, "%-10s %5d %5d %5d", ty, p.tp+p.fn, p.tp, p.fp)
		for i := range measures {
			x := per[i][ty]
			totals[i].tp += x.tp
			totals[i].fp += x.fp
			totals[i].fn += x.fn
			fmt.Fprintf(&b, " │ %5.1f %5.1f %5.1f", 100*x.precision(), 100*x.recall(), 100*x.f1())
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-10s %5d %5d %5d", "overall", totals[0].tp+totals[0].fn, totals[0].tp, totals[0].fp)
	for i := range measures {
		fmt.Fprintf(&b, " │ %5.1f %5.1f %5.1f", 100*totals[i].precision(), 100*totals[i].recall(), 100*totals[i].f1())
	}
	fmt.Fprintf(&b, "\ndates right on events found: %d/%d\n", datesRight, dates)
	for _, tag := range quiet {
		fmt.Fprintf(&b, "%s: %d reports, %d events beyond the golden ones\n", tag, quietItems[tag], quietEvents[tag])
	}
	t.Log("\n" + b.String())
	if f := totals[0].f1(); f < minEventF1 {
		t.Errorf("F1 on type+parties is %.1f%%, under %.0f%%", 100*f, 100*minEventF1)
	}
}
