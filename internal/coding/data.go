package coding

import (
	"embed"
	"fmt"
	"strings"
	"sync"

	"github.com/rasad/rasad/internal/text"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Types are the 16 PLOVER event types.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "SANCTION", "THREATEN", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}

// trigger is one trigger form.
type trigger struct {
	typ, mode, lang string
	words           []string // key tokens
	reciprocal      bool
	weak            bool
	form            string // as written in the data, for the event page
}

// phrase is a word list of one kind and language (modality, contexts).
type phrase struct {
	kind, lang string
	words      []string
}

type lexicon struct {
	triggers map[string][]*trigger // by first key token
	modality map[string][]phrase   // by first key token
	contexts map[string][]phrase
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{triggers: map[string][]*trigger{}, modality: map[string][]phrase{}, contexts: map[string][]phrase{}}
	if err := readTSV("data/triggers.tsv", 4, func(f []string) error {
		t := &trigger{typ: f[0], mode: f[1], lang: f[2], form: f[3]}
		if !validType(t.typ) {
			return fmt.Errorf("unknown type %q", t.typ)
		}
		if t.mode == "-" {
			t.mode = ""
		}
		if len(f) > 4 {
			for _, flag := range strings.Split(f[4], ",") {
				switch flag {
				case "reciprocal":
					t.reciprocal = true
				case "weak":
					t.weak = true
				case "":
				default:
					return fmt.Errorf("unknown flag %q", flag)
				}
			}
		}
		vs := variants(f[3])
		if len(vs) == 0 {
			return fmt.Errorf("empty trigger")
		}
		for _, v := range vs {
			tv := *t
			tv.words = v
			lx.triggers[v[0]] = append(lx.triggers[v[0]], &tv)
		}
		return nil
	}); err != nil {
		return nil, err
	}
	for _, f := range []struct {
		name string
		into map[string][]phrase
	}{{"data/modality.tsv", lx.modality}, {"data/contexts.tsv", lx.contexts}} {
		if err := readTSV(f.name, 3, func(fs []string) error {
			vs := variants(fs[2])
			if len(vs) == 0 {
				return fmt.Errorf("empty phrase")
			}
			for _, v := range vs {
				f.into[v[0]] = append(f.into[v[0]], phrase{kind: fs[0], lang: fs[1], words: v})
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	return lx, nil
})

func validType(t string) bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

// readTSV reads a data file of at least min tab-separated fields a line.
func readTSV(name string, min int, fn func([]string) error) error {
	raw, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	for ln, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < min {
			return fmt.Errorf("%s:%d: want %d tab-separated fields", name, ln+1, min)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, ln+1, err)
		}
	}
	return nil
}

// variants gives the key-token sequences a data form matches: as written
// (ZWNJ dropped, as the key drops it: «گفت‌وگوی» is one word) and with ZWNJ
// read as a space («نمی کند»), since real text has both.
func variants(form string) [][]string {
	d, _ := text.Display(form)
	plain := keyWords(d)
	if len(plain) == 0 {
		return nil
	}
	out := [][]string{plain}
	if strings.ContainsRune(d, '\u200c') {
		out = append(out, keyWords(strings.ReplaceAll(d, "\u200c", " ")))
	}
	return out
}

func keyWords(d string) []string {
	k := text.KeyOf(d)
	var out []string
	for _, t := range text.KeyTokens(k) {
		out = append(out, k[t.Start:t.End])
	}
	return out
}
