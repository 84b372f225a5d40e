package ingest

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"strings"
	"testing"
)

func TestDocumentKinds(t *testing.T) {
	tests := []struct {
		name, data string
		wantText   string
		wantHTML   bool
		wantErr    bool
	}{
		{"plain.txt", "پوتین گفت.", "پوتین گفت.", false, false},
		{"doc.json", `{"id":"a","text":"سلام","published":"2021-11-01"}`, "سلام", false, false},
		{"doc.json", `{"id":`, "", false, true},
		{"page.html", "<html><body><p>x</p></body></html>", "", true, false},
		{"page.htm.gz", "<html><body><p>x</p></body></html>", "", true, false},
		{"stdin", "<!DOCTYPE html><html><p>x</p></html>", "", true, false},
		{"stdin", `{"text":"سلام"}`, "سلام", false, false},
		{"stdin", `{not json but text}`, `{not json but text}`, false, false},
		{"many.jsonl", `{"text":"a"}`, "", false, true},
	}
	for _, tt := range tests {
		doc, err := Document(tt.name, []byte(tt.data))
		if (err != nil) != tt.wantErr {
			t.Errorf("%s %q: err = %v", tt.name, tt.data, err)
			continue
		}
		if err != nil {
			continue
		}
		if doc.Text != tt.wantText || (doc.HTML != "") != tt.wantHTML {
			t.Errorf("%s %q: text %q html %v", tt.name, tt.data, doc.Text, doc.HTML != "")
		}
	}
}

func TestDocumentLegacyArabicText(t *testing.T) {
	// «بوتين» in Windows-1256.
	doc, err := Document("old.txt", []byte{0xc8, 0xe6, 0xca, 0xed, 0xe4, ' ', 0xc8, 0xe6, 0xca, 0xed, 0xe4})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Text != "بوتين بوتين" {
		t.Errorf("text = %q", doc.Text)
	}
}

func collect(t *testing.T, in string, limit int) []Line {
	t.Helper()
	var lines []Line
	if err := JSONL(strings.NewReader(in), limit, func(l Line) error {
		lines = append(lines, l)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return lines
}

func TestJSONL(t *testing.T) {
	in := `{"id":"1","text":"یک"}
not json
{"id":"3","text":"` + strings.Repeat("x", 200) + `"}

{"id":"5","text":"پنج"}
{"id":"6","text":"شش"}`
	lines := collect(t, in, 100)
	if len(lines) != 5 {
		t.Fatalf("got %d lines: %+v", len(lines), lines)
	}
	want := []struct {
		no  int
		id  string
		bad bool
	}{{1, "1", false}, {2, "", true}, {3, "", true}, {5, "5", false}, {6, "6", false}}
	for i, w := range want {
		l := lines[i]
		if l.No != w.no || l.Doc.ID != w.id || (l.Err != nil) != w.bad {
			t.Errorf("line %d: got no=%d id=%q err=%v", i, l.No, l.Doc.ID, l.Err)
		}
	}
	if !errors.Is(lines[2].Err, ErrTooLarge) {
		t.Errorf("long line error = %v", lines[2].Err)
	}
}

func TestJSONLLongLineSpansBuffers(t *testing.T) {
	// A line longer than the reader's buffer, under the limit, is read whole.
	text := strings.Repeat("ب", 100<<10)
	lines := collect(t, `{"text":"`+text+`"}`+"\n"+`{"text":"x"}`, 1<<20)
	if len(lines) != 2 || lines[0].Doc.Text != text || lines[1].Doc.Text != "x" {
		t.Fatalf("lines = %d, first ok %v", len(lines), len(lines) > 0 && lines[0].Doc.Text == text)
	}
}

func TestGunzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte(`{"text":"x"}`))
	zw.Close()
	r, err := Gunzip(bufio.NewReader(&buf))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r)
	if string(b) != `{"text":"x"}` {
		t.Errorf("got %q", b)
	}
	r, _ = Gunzip(bufio.NewReader(strings.NewReader("plain")))
	b, _ = io.ReadAll(r)
	if string(b) != "plain" {
		t.Errorf("plain got %q", b)
	}
}

func TestReadAllLimit(t *testing.T) {
	if _, err := ReadAll(strings.NewReader("12345"), 4); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v", err)
	}
	if b, err := ReadAll(strings.NewReader("1234"), 4); err != nil || string(b) != "1234" {
		t.Errorf("got %q %v", b, err)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add("{\"text\":\"x\"}\nbad\n\n{}")
	f.Add("\n\n\n")
	f.Add("{\"text\":")
	f.Fuzz(func(t *testing.T, in string) {
		prev := 0
		err := JSONL(strings.NewReader(in), 64, func(l Line) error {
			if l.No <= prev {
				t.Fatalf("line numbers not increasing: %d after %d", l.No, prev)
			}
			prev = l.No
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if prev > strings.Count(in, "\n")+1 {
			t.Fatalf("line %d of %d lines", prev, strings.Count(in, "\n")+1)
		}
	})
}
