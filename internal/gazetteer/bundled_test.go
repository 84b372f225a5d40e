package gazetteer

import "testing"

// TestBundledData checks the embedded data: every record loads, every
// reference resolves, and the coverage the project promises is there.
func TestBundledData(t *testing.T) {
	g, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range g.Problems {
		t.Errorf("bundled data: %v", p)
	}
	if g.Len() == 0 {
		t.Skip("no bundled data yet")
	}
	kinds := map[string]int{}
	isos := map[string]bool{}
	for _, e := range g.entities {
		kinds[e.Kind]++
		if e.ISO != "" {
			isos[e.ISO] = true
		}
		for _, lang := range []string{"en", "fa", "ar"} {
			if len(e.Names[lang]) == 0 {
				t.Errorf("%s has no %s name", e.ID, lang)
			}
		}
		if Slug(e.Name) != e.ID && e.Kind != KindCountry && !isQualified(e.ID, e.Name) {
			t.Logf("note: id %s is not the slug of %q", e.ID, e.Name)
		}
	}
	t.Logf("entities by kind: %v; %d name forms", kinds, g.NameCount())
	if kinds[KindPerson] < 600 {
		t.Errorf("%d persons, want at least 600", kinds[KindPerson])
	}
	// Every ISO 3166-1 country that x/text knows.
	for _, code := range []string{"RU", "TR", "AZ", "AM", "IR", "IQ", "SY", "SA", "US", "GB", "CN", "UA", "PS", "IL", "EG", "AF", "PK", "KZ", "GE"} {
		if !isos[code] {
			t.Errorf("no country with ISO code %s", code)
		}
	}
	if len(isos) < 240 {
		t.Errorf("%d ISO countries, want about 249", len(isos))
	}
}

// isQualified allows ids disambiguated beyond the plain slug.
func isQualified(id, name string) bool {
	s := Slug(name)
	return len(id) > len(s) && id[:len(s)] == s
}
