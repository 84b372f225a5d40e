package gazetteer

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"
)

func TestImportWikidata(t *testing.T) {
	f, err := os.Open("testdata/wikidata-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out bytes.Buffer
	var badLines []int
	filter := WikidataFilter{
		Classes:   DefaultClasses,
		Positions: map[string]Role{"Q218295": {Role: "president", Of: "russia"}},
		Langs:     []string{"fa", "ar", "en"},
		Countries: map[string]string{"Q159": "russia"},
	}
	st, err := ImportWikidata(f, &out, filter, func(line int, err error) { badLines = append(badLines, line) })
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != 4 || st.Bad != 1 || st.Skipped != 2 {
		t.Errorf("stats = %+v, want 4 kept, 1 bad, 2 skipped", st)
	}
	if len(badLines) != 1 || badLines[0] != 6 {
		t.Errorf("bad lines = %v, want [6]", badLines)
	}
	var recs []Entity
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var e Entity
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, e)
	}
	putin := recs[0]
	if putin.ID != "vladimir-putin" || putin.QID != "Q7747" || putin.Kind != KindPerson || putin.Country != "russia" {
		t.Errorf("putin = %+v", putin)
	}
	if len(putin.Roles) != 2 || putin.Roles[1].From != "2000-05-07" || putin.Roles[1].To != "2008-05-07" {
		t.Errorf("roles = %+v", putin.Roles)
	}
	if got := putin.Names["ar"]; len(got) != 2 || got[1] != "بوتين" {
		t.Errorf("arabic names = %v", got)
	}
	if _, ok := putin.Names["de"]; ok {
		t.Error("imported a language that was not asked for")
	}
	if recs[1].ID != "moscow" || recs[1].Kind != KindPlace || recs[1].In != "russia" {
		t.Errorf("moscow = %+v", recs[1])
	}

	// The imported records load, and their roles resolve by date.
	b := NewBuilder()
	if err := b.AddJSONL("import.jsonl", &out); err != nil {
		t.Fatal(err)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if h := g.Holder("president", "russia", time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)); h == nil || h.ID != "vladimir-putin" {
		t.Errorf("holder in 2005 = %v", h)
	}
}

func FuzzImportWikidata(f *testing.F) {
	raw, _ := os.ReadFile("testdata/wikidata-sample.json")
	f.Add(string(raw))
	f.Add(`{"id":"Q1","claims":{"P39":[{"mainsnak":{"datavalue":{"value":"x"}}}]}}`)
	f.Fuzz(func(t *testing.T, in string) {
		filter := WikidataFilter{Classes: DefaultClasses, Positions: map[string]Role{"Q218295": {Role: "president", Of: "russia"}}, Langs: []string{"en", "fa"}}
		var out bytes.Buffer
		st, err := ImportWikidata(strings.NewReader(in), &out, filter, func(int, error) {})
		if err != nil {
			t.Fatal(err)
		}
		if st.Kept+st.Bad+st.Skipped > st.Lines {
			t.Fatalf("stats add up to more than the lines: %+v", st)
		}
		b := NewBuilder()
		if err := b.AddJSONL("fuzz", &out); err != nil {
			t.Fatal(err)
		}
		if _, err := b.Build(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestLoaderProblems(t *testing.T) {
	in := `{"id":"a","kind":"person","name":"A","names":{"en":["Alpha Person"]}}
not json
{"id":"a","kind":"person","name":"A again","names":{"en":["A"]}}
{"id":"Bad Id","kind":"person","name":"B","names":{"en":["B"]}}
{"id":"c","kind":"alien","name":"C","names":{"en":["C"]}}
{"id":"d","kind":"person","name":"D","names":{}}
{"id":"e","kind":"person","name":"E","names":{"en":["Echo"]},"roles":[{"role":"emperor","of":"x","from":"2000"}]}
{"id":"f","kind":"person","name":"F","names":{"en":["Foxtrot"]},"roles":[{"role":"president","of":"a","from":"2010","to":"2005"}]}
{"id":"g","kind":"person","name":"G","country":"nowhere","names":{"en":["Golf"]}}
{"id":"h","kind":"org","name":"H","names":{"en":["the of and"]}}`
	b := NewBuilder()
	if err := b.AddJSONL("bad.jsonl", strings.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	g, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, p := range g.Problems {
		lines = append(lines, p.Line)
	}
	want := []int{2, 3, 4, 5, 6, 7, 8, 9}
	if len(lines) != len(want) {
		t.Fatalf("problems at lines %v, want %v: %v", lines, want, g.Problems)
	}
	if g.Len() != 3 {
		t.Errorf("%d entities kept, want 3 (a, g, h)", g.Len())
	}
	// A name of only function words never matches.
	if got := g.Lookup("the of and"); len(got) != 0 {
		t.Errorf("stop-word name matched %v", got)
	}
}

func TestLookupAcrossScripts(t *testing.T) {
	g := mini(t)
	for _, name := range []string{"أردوغان", "اردوغان", "Erdogan", "إردوغان", "وأردوغان"} {
		got := g.Lookup(name)
		if len(got) != 1 || got[0].ID != "recep-tayyip-erdogan" {
			t.Errorf("Lookup(%q) = %v", name, got)
		}
	}
	got := g.Lookup("علی‌اف")
	if len(got) != 2 || got[0].ID != "ilham-aliyev" {
		t.Errorf("Lookup(علی‌اف) = %v, want Ilham then Heydar", got)
	}
	if got := g.Lookup("پوتین اردوغان"); got != nil {
		t.Errorf("two names looked up as one: %v", got)
	}
}
