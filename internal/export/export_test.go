package export

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/rasad/rasad/internal/cluster"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func ptr(s string) *string { return &s }

// listings are two events as the store lists them: one dated, with a mode,
// a person for a state, a place and evidence in two languages (a tab and a
// quote in the text, which the table formats must keep whole); one
// undated, with no mode.
func listings() []cluster.Listing {
	return []cluster.Listing{
		{
			ID: "ev-1", Type: "CONSULT", Mode: ptr("phone"), Date: ptr("2021-04-09"),
			Actors:     []cluster.Party{{ID: "vladimir-putin", Name: "Vladimir Putin", State: "russia"}},
			Recipients: []cluster.Party{{ID: "recep-tayyip-erdogan", Name: "Recep Tayyip Erdogan", State: "turkey"}},
			Location:   &cluster.Party{ID: "moscow", Name: "Moscow", State: "russia"},
			Documents:  []string{"d-fa", "d-ar"}, Languages: []string{"ar", "fa"}, Sources: 2, Reports: 2, Confidence: 0.9,
			Publishers: []string{"irna.ir", "aljazeera.net"}, First: "2021-04-09", Contexts: []string{},
			Evidence: []cluster.Evidence{
				{Document: "d-fa", Text: "ولادیمیر پوتین در گفت‌وگوی تلفنی با «اردوغان»\tرایزنی کرد.", Start: 12, End: 60, Lang: "fa"},
				{Document: "d-ar", Text: "أجرى بوتين اتصالا هاتفيا مع أردوغان, \"قال\"", Start: 0, End: 40, Lang: "ar"},
			},
		},
		{
			ID: "ev-2", Type: "SANCTION", Actors: []cluster.Party{{ID: "united-states", Name: "United States", Country: true}},
			Recipients: []cluster.Party{{ID: "turkey", Name: "Turkey", Country: true}},
			Documents:  []string{"d-en"}, Languages: []string{"en"}, Sources: 1, Reports: 1, Confidence: 0.7,
			Publishers: []string{"reuters.com"}, First: "2020-12-14", Contexts: []string{"economic"},
			Evidence: []cluster.Evidence{{Document: "d-en", Text: "The United States imposed sanctions on Turkey.", Start: 0, End: 46, Lang: "en"}},
		},
	}
}

// Every format writes the events as its golden file says.
func TestFormats(t *testing.T) {
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var buf bytes.Buffer
			w, err := New(format, &buf)
			if err != nil {
				t.Fatal(err)
			}
			for _, l := range listings() {
				if err := w.Write(l); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s differs from %s:\n%s", format, golden, buf.String())
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	if _, err := New("xml", &bytes.Buffer{}); err == nil {
		t.Error("New(xml) gave no error")
	}
}
