package sample

import (
	"io/fs"
	"testing"

	"github.com/rasad/rasad/internal/analyze"
)

// Each report's dateline gives its publication date; the table in README.md
// lists them.
func TestSampleDatelines(t *testing.T) {
	want := map[string]string{
		"01-fa-karabakh-ceasefire.txt": "2020-11-10", "02-ar-karabakh-ceasefire.txt": "2020-11-10",
		"03-fa-kremlin-trilateral.txt": "2021-01-12", "04-en-kremlin-trilateral.txt": "2021-01-11",
		"05-fa-shusha-declaration.txt": "2021-06-15", "06-ar-shusha-declaration.txt": "2021-06-16",
		"07-fa-turkey-armenia-envoys.txt": "2022-01-14", "08-en-turkey-armenia-envoys.txt": "2022-01-14",
		"09-fa-tehran-astana-summit.txt": "2022-07-19", "10-ar-tehran-astana-summit.txt": "2022-07-20",
		"11-ar-black-sea-grain.txt": "2022-07-22", "12-en-black-sea-grain.txt": "2022-07-22",
		"13-en-odesa-port-strike.txt": "2022-07-23", "14-ar-odesa-port-strike.txt": "2022-07-24",
		"15-fa-saudi-iran-beijing.txt": "2023-03-10", "16-ar-saudi-iran-beijing.txt": "2023-03-11",
	}
	names, err := fs.Glob(Files, "*.txt")
	if err != nil || len(names) != len(want) {
		t.Fatalf("%d sample files (%v), want %d", len(names), err, len(want))
	}
	for _, name := range names {
		data, _ := fs.ReadFile(Files, name)
		a, err := analyze.Analyze(analyze.Document{Text: string(data)}, analyze.Options{})
		if err != nil {
			t.Fatal(err)
		}
		if a.Published == nil || *a.Published != want[name] || a.PublishedSource != "dateline" {
			t.Errorf("%s: published %v from %s, want %s", name, a.Published, a.PublishedSource, want[name])
		}
		if a.Lang != name[3:5] {
			t.Errorf("%s: lang %s", name, a.Lang)
		}
	}
}
