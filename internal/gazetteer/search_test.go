package gazetteer

import (
	"slices"
	"testing"
)

func TestSearch(t *testing.T) {
	g, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    string
		want string // the id that must come first ("" when nothing may be found)
		rank int
	}{
		{"پوتین", "vladimir-putin", RankWhole},
		{"بوتين", "vladimir-putin", RankWhole},
		{"Putin", "vladimir-putin", RankWhole},
		{"putin", "vladimir-putin", RankWhole},
		{"Puti", "vladimir-putin", RankPrefix},          // the surname's beginning
		{"Vladimir Put", "vladimir-putin", RankPrefix},  // the full name's beginning
		{"وبوتين", "vladimir-putin", RankWhole},         // an Arabic clitic, as Lookup reads it
		{"vladimir-putin", "vladimir-putin", RankWhole}, // an id
		{"Erdoğan", "recep-tayyip-erdogan", RankWhole},  // Latin diacritics fold
		{"أردوغان", "recep-tayyip-erdogan", RankWhole},  // hamza carriers fold
		{"رجب طيب", "recep-tayyip-erdogan", RankPrefix}, // Arabic ي meets Persian ی
		{"الكرملين", "moscow-kremlin", RankWhole},       // ك meets ک
		{"قره‌باغ", "nagorno-karabakh", RankWhole},      // ZWNJ or not
		{"قره باغ", "nagorno-karabakh", RankWhole},
		{"  ", "", 0},
		{"؟!", "", 0},
		{"qqzzxx", "", 0},
	} {
		got := g.Search(tt.q, 5)
		if tt.want == "" {
			if len(got) > 0 {
				t.Errorf("Search(%q) = %s…, want nothing", tt.q, got[0].Entity.ID)
			}
			continue
		}
		ids := make([]string, len(got))
		for i, f := range got {
			ids[i] = f.Entity.ID
		}
		if !slices.Contains(ids, tt.want) {
			t.Errorf("Search(%q) = %v, want %s among them", tt.q, ids, tt.want)
			continue
		}
		if f := got[slices.Index(ids, tt.want)]; f.Rank != tt.rank {
			t.Errorf("Search(%q): %s with rank %d (%q), want %d", tt.q, tt.want, f.Rank, f.Name, tt.rank)
		}
	}
	// a word's beginning in Persian script: «پوت» finds Putin among others
	if ids := idsOf(g.Search("پوت", 10)); !slices.Contains(ids, "vladimir-putin") {
		t.Errorf("Search(«پوت») = %v, want vladimir-putin among them", ids)
	}
	// best first, and at most the limit
	got := g.Search("روسیه", 3)
	if len(got) != 3 || got[0].Entity.ID != "russia" {
		t.Errorf("Search(«روسیه», 3) = %v", idsOf(got))
	}
	for i := 1; i < len(got); i++ {
		if got[i].Rank < got[i-1].Rank {
			t.Errorf("Search(«روسیه») not best first: %v", got)
		}
	}
}

func idsOf(fs []Found) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Entity.ID
	}
	return out
}

// BenchmarkSearch measures one search of the bundled gazetteer's names,
// once the folded forms are made: a short query matches many names.
func BenchmarkSearch(b *testing.B) {
	g, err := Bundled()
	if err != nil {
		b.Fatal(err)
	}
	g.Search("x", 1)
	for _, q := range []string{"a", "پوت", "Puti", "بوتين", "رجب طيب"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				g.Search(q, 20)
			}
			forms, _, _ := g.searchIndex()
			b.ReportMetric(float64(len(forms)), "forms")
		})
	}
}
