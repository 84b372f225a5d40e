package timex

import (
	"testing"

	"github.com/rasad/rasad/internal/testcorpus/keyed"
)

// BenchmarkFind measures finding and resolving dates on keyed text (the key
// is built once, outside the loop, as analyze does for all stages).
func BenchmarkFind(b *testing.B) {
	sets, err := keyed.Sets(2000)
	if err != nil {
		b.Skip(err)
	}
	for name, docs := range sets {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(keyed.Bytes(docs))
			for b.Loop() {
				for _, d := range docs {
					Resolve(Find(d.Display, d.Key, d.Lang), day0("2021-11-01"))
				}
			}
		})
	}
}
