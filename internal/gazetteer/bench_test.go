package gazetteer

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/rasad/rasad/internal/testcorpus/keyed"
)

// heapOf measures the live heap that build leaves behind.
func heapOf(build func() any) (any, float64) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := build()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	return v, float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
}

// BenchmarkLoadBundled builds the bundled gazetteer from its embedded data.
func BenchmarkLoadBundled(b *testing.B) {
	var mb float64
	for b.Loop() {
		_, mb = heapOf(func() any {
			bl := NewBuilder()
			if err := bl.AddBundled(); err != nil {
				b.Fatal(err)
			}
			g, err := bl.Build()
			if err != nil {
				b.Fatal(err)
			}
			return g
		})
	}
	b.ReportMetric(mb, "MB-heap")
}

// millionNames writes a synthetic import of 250,000 entities with four
// names each (fa, ar, en, ru), the shape of a large Wikidata extract.
func millionNames(b *testing.B) string {
	path := filepath.Join(b.TempDir(), "million.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	r := rand.New(rand.NewPCG(7, 7))
	word := func(alphabet []rune) string {
		n := 3 + r.IntN(6)
		out := make([]rune, n)
		for i := range out {
			out[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(out)
	}
	fa, ar, en, ru := []rune("ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"), []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوي"), []rune("abcdefghijklmnopqrstuvwxyz"), []rune("абвгдежзиклмнопрстуфхцчшыэюя")
	for i := range 250_000 {
		e := Entity{ID: fmt.Sprintf("e%d", i), Kind: KindPerson, Name: fmt.Sprintf("Entity %d", i), Names: map[string][]string{
			"fa": {word(fa) + " " + word(fa)}, "ar": {word(ar) + " " + word(ar)},
			"en": {word(en) + " " + word(en)}, "ru": {word(ru) + " " + word(ru)},
		}}
		line, _ := json.Marshal(e)
		w.Write(line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	return path
}

// BenchmarkLoadMillionNames loads a 1,000,000-name import (time per load),
// and reports the heap the loaded gazetteer holds.
func BenchmarkLoadMillionNames(b *testing.B) {
	path := millionNames(b)
	load := func() any {
		bl := NewBuilder()
		if err := bl.addFile(path); err != nil {
			b.Fatal(err)
		}
		g, err := bl.Build()
		if err != nil {
			b.Fatal(err)
		}
		return g
	}
	b.ResetTimer()
	for b.Loop() {
		load()
	}
	b.StopTimer()
	v, mb := heapOf(load)
	b.ReportMetric(mb, "MB-heap")
	b.ReportMetric(float64(v.(*Gazetteer).NameCount()), "name-forms")
}

// BenchmarkMatch measures matching with the full bundled gazetteer on keyed
// text (the key is built once, as analyze does).
func BenchmarkMatch(b *testing.B) {
	g, err := Bundled()
	if err != nil {
		b.Fatal(err)
	}
	sets, err := keyed.Sets(2000)
	if err != nil {
		b.Skip(err)
	}
	for name, docs := range sets {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(keyed.Bytes(docs))
			for b.Loop() {
				for _, d := range docs {
					g.Match(d.Display, d.Key, Options{Lang: d.Lang})
				}
			}
		})
	}
}
