// Package keyed prepares the benchmark documents of package testcorpus as
// the matching stages receive them: display text, language and key. It is
// apart from testcorpus because package text's own tests use testcorpus.
package keyed

import (
	"github.com/rasad/rasad/internal/testcorpus"
	"github.com/rasad/rasad/internal/text"
)

// Doc is one benchmark document, keyed.
type Doc struct {
	Display, Lang string
	Key           *text.Keyed
}

// Sets keys testcorpus.BenchSets(n); a document without a language gets
// the detected one.
func Sets(n int) (map[string][]Doc, error) {
	raw, err := testcorpus.BenchSets(n)
	if err != nil {
		return nil, err
	}
	sets := map[string][]Doc{}
	for name, arts := range raw {
		for _, a := range arts {
			d, _ := text.Display(a.Text)
			lang := a.Lang
			if lang == "" {
				lang = text.DetectLanguage(d)
			}
			sets[name] = append(sets[name], Doc{d, lang, text.Key(d)})
		}
	}
	return sets, nil
}

// Bytes is the display length of a set, for b.SetBytes.
func Bytes(docs []Doc) int64 {
	n := 0
	for _, d := range docs {
		n += len(d.Display)
	}
	return int64(n)
}
