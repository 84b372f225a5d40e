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
	raw, err := testcorpus.BenchSets(2000)
	if err != nil {
		b.Skip(err)
	}
	sets := map[string][]benchDoc{}
	for name, arts := range raw {
		for _, a := range arts {
			d, _ := text.Display(a.Text)
			lang := a.Lang
			if lang == "" {
				lang = text.DetectLanguage(d)
			}
			sets[name] = append(sets[name], benchDoc{d, lang, text.Key(d)})
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
