package text

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

type goldenCase struct {
	name, in, display, key string
}

func readGolden(t *testing.T, path string) []goldenCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []goldenCase
	sc := bufio.NewScanner(f)
	for ln := 1; sc.Scan(); ln++ {
		line := sc.Text()
		if strings.HasPrefix(line, "## ") {
			cases = append(cases, goldenCase{name: line[3:]})
			continue
		}
		field, value, ok := strings.Cut(line, ": ")
		if !ok || len(cases) == 0 {
			continue
		}
		s, err := strconv.Unquote(value)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, ln, err)
		}
		c := &cases[len(cases)-1]
		switch field {
		case "in":
			c.in = s
		case "display":
			c.display = s
		case "key":
			c.key = s
		}
	}
	return cases
}

func TestNormalizeGolden(t *testing.T) {
	const path = "testdata/normalize.golden"
	cases := readGolden(t, path)
	if len(cases) < 25 {
		t.Fatalf("only %d golden cases", len(cases))
	}
	var out strings.Builder
	out.WriteString("# Normalizer golden cases: one per rule of design/text-and-dates.md.\n")
	out.WriteString("# Each case: a \"## name\" line, then in:, display: and key: lines holding Go\n")
	out.WriteString("# quoted strings. Regenerate with: go test ./internal/text -run Golden -update\n")
	for _, c := range cases {
		display, _ := Display(c.in)
		key := Key(display).Key
		if *update {
			fmt.Fprintf(&out, "## %s\nin: %s\ndisplay: %s\nkey: %s\n", c.name, strconv.QuoteToGraphic(c.in), strconv.QuoteToGraphic(display), strconv.QuoteToGraphic(key))
			continue
		}
		if display != c.display {
			t.Errorf("%s: Display(%+q) = %+q, want %+q", c.name, c.in, display, c.display)
		}
		if key != c.key {
			t.Errorf("%s: Key(%+q) = %+q, want %+q", c.name, display, key, c.key)
		}
		if kk := KeyOf(display); kk != strings.TrimSpace(c.key) {
			t.Errorf("%s: KeyOf(%+q) = %+q, want %+q", c.name, display, kk, strings.TrimSpace(c.key))
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(out.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestDisplayReportsInvalidUTF8(t *testing.T) {
	_, rep := Display("ok\xff\xfe then \xc3")
	if rep.InvalidUTF8 != 2 {
		t.Errorf("InvalidUTF8 = %d, want 2", rep.InvalidUTF8)
	}
	if _, rep := Display("پوتین"); rep.InvalidUTF8 != 0 {
		t.Errorf("valid text reported %d repairs", rep.InvalidUTF8)
	}
}

func TestDisplayIsIdempotent(t *testing.T) {
	for _, c := range readGolden(t, "testdata/normalize.golden") {
		once, _ := Display(c.in)
		twice, _ := Display(once)
		if once != twice {
			t.Errorf("%s: Display is not idempotent: %+q then %+q", c.name, once, twice)
		}
	}
}
