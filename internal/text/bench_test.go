package text

import (
	"testing"

	"github.com/rasad/rasad/internal/testcorpus"
)

// benchDocs loads the seeds and 2,000 articles of each corpus, one string a
// document, as rasad meets them.
func benchDocs(b *testing.B) map[string][]string {
	sets, err := testcorpus.BenchSets(2000)
	if err != nil {
		b.Skip(err)
	}
	out := map[string][]string{}
	for name, arts := range sets {
		for _, a := range arts {
			out[name] = append(out[name], a.Text)
		}
	}
	return out
}

func totalBytes(docs []string) int64 {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	return int64(n)
}

// BenchmarkNormalize measures the display layer and the key layer with its
// offset map together: what every document goes through.
func BenchmarkNormalize(b *testing.B) {
	for name, docs := range benchDocs(b) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(totalBytes(docs))
			for b.Loop() {
				for _, text := range docs {
					d, _ := Display(text)
					Key(d)
				}
			}
		})
	}
}

func BenchmarkSentences(b *testing.B) {
	for name, docs := range benchDocs(b) {
		var display []string
		for _, text := range docs {
			d, _ := Display(text)
			display = append(display, d)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(totalBytes(display))
			for b.Loop() {
				for _, d := range display {
					Sentences(d)
				}
			}
		})
	}
}
