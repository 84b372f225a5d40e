package timex

import (
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/internal/text"
)

type benchDoc struct {
	display, lang string
	key           *text.Keyed
}

// BenchmarkFind measures finding and resolving dates on keyed text (the key
// is built once, outside the loop, as analyze does for all stages).
func BenchmarkFind(b *testing.B) {
	sets := map[string][]benchDoc{}
	seeds, err := testcorpus.Seeds()
	if err != nil {
		b.Skip(err)
	}
	add := func(set, raw, lang string) {
		d, _ := text.Display(raw)
		if lang == "" {
			lang = text.DetectLanguage(d)
		}
		sets[set] = append(sets[set], benchDoc{d, lang, text.Key(d)})
	}
	for _, s := range seeds {
		add("seeds", s.Text, "")
	}
	for _, name := range []string{"saudinewsnet.jsonl.gz", "persian-news.jsonl.gz"} {
		arts, err := testcorpus.Corpus(name, 2000)
		if err != nil {
			b.Skip(err)
		}
		for _, a := range arts {
			add(name[:len(name)-len(".jsonl.gz")], a.Text, a.Lang)
		}
	}
	for name, docs := range sets {
		b.Run(name, func(b *testing.B) {
			n := 0
			for _, d := range docs {
				n += len(d.display)
			}
			b.SetBytes(int64(n))
			for b.Loop() {
				for _, d := range docs {
					Resolve(Find(d.display, d.key, d.lang), day0("2021-11-01"))
				}
			}
		})
	}
}
