package cli

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

func TestGazetteerLookup(t *testing.T) {
	for _, name := range []string{"أردوغان", "اردوغان", "Erdogan"} {
		code, out, errs := run(t, "", "gazetteer", "lookup", name)
		if code != 0 || !strings.Contains(out, "recep-tayyip-erdogan") || !strings.Contains(out, "president of turkey") {
			t.Errorf("lookup %s: exit %d\n%s%s", name, code, out, errs)
		}
	}
	if code, _, errs := run(t, "", "gazetteer", "lookup", "نامی که نیست"); code != 1 || !strings.Contains(errs, "names nothing known") {
		t.Errorf("unknown name: exit %d, %s", code, errs)
	}
	if code, _, _ := run(t, "", "gazetteer"); code != 2 {
		t.Errorf("no subcommand: exit %d", code)
	}
}

func TestGazetteerImportAndUse(t *testing.T) {
	dump, err := os.ReadFile("../gazetteer/testdata/wikidata-sample.json")
	if err != nil {
		t.Fatal(err)
	}
	// A person the bundled data does not know, in a gzip-compressed dump.
	dump = append(dump, []byte("\n"+`{"type":"item","id":"Q123456","labels":{"en":{"language":"en","value":"Zyxwv Qponm"},"fa":{"language":"fa","value":"زیکسو کوپونم"}},"claims":{"P31":[{"mainsnak":{"datavalue":{"value":{"id":"Q5"}}}}]}}`+"\n")...)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(dump)
	zw.Close()
	in := write(t, "dump.json.gz", gz.Bytes())
	out := in + ".jsonl"
	code, _, errs := run(t, "", "gazetteer", "import", "--out", out, in)
	if code != 0 || !strings.Contains(errs, "dump.json.gz:6:") || !strings.Contains(errs, "1 bad") {
		t.Fatalf("import: exit %d, %s", code, errs)
	}
	// Records that repeat bundled ids are reported by check, and skipped.
	code, _, errs = run(t, "", "gazetteer", "check", out)
	if code != 1 || !strings.Contains(errs, "already defined") {
		t.Errorf("check: exit %d, %s", code, errs)
	}
	doc := write(t, "doc.txt", []byte("زیکسو کوپونم با پوتین دیدار کرد."))
	code, res, errs := run(t, "", "analyze", "--gazetteer", out, doc)
	if code != 0 || !strings.Contains(res, `"id": "zyxwv-qponm"`) || !strings.Contains(res, `"id": "vladimir-putin"`) {
		t.Errorf("analyze with the import: exit %d, %s\n%s", code, errs, res)
	}
}
