// Package testcorpus loads the shared seed reports and news corpora for
// tests and benchmarks. It reads ../shared beside the project; callers skip
// when it is absent.
package testcorpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
)

// SharedDir is the path of the shared folder beside the project.
func SharedDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared")
}

// Seed is one seed report.
type Seed struct {
	Name, Text string
}

// Seeds reads the five seed reports in name order.
func Seeds() ([]Seed, error) {
	paths, err := filepath.Glob(filepath.Join(SharedDir(), "seeds", "*.txt"))
	if err != nil || len(paths) == 0 {
		return nil, fmt.Errorf("no seeds in %s", SharedDir())
	}
	sort.Strings(paths)
	var out []Seed
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		out = append(out, Seed{Name: filepath.Base(p), Text: string(b)})
	}
	return out, nil
}

// Article is one corpus line.
type Article struct {
	ID        string `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	Published string `json:"published"`
	Lang      string `json:"lang"`
}

// Corpus reads up to n articles of a corpus file in shared/corpora
// ("saudinewsnet.jsonl.gz", "persian-news.jsonl.gz"); n <= 0 reads all.
func Corpus(name string, n int) ([]Article, error) {
	f, err := os.Open(filepath.Join(SharedDir(), "corpora", name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []Article
	for sc.Scan() && (n <= 0 || len(out) < n) {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s line %d: %w", name, len(out)+1, err)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

// BenchSets loads what the benchmarks run on: the seeds (as articles with
// no language) and the first n articles of each shared corpus, keyed
// "seeds", "saudinewsnet" and "persian-news".
func BenchSets(n int) (map[string][]Article, error) {
	seeds, err := Seeds()
	if err != nil {
		return nil, err
	}
	sets := map[string][]Article{}
	for _, s := range seeds {
		sets["seeds"] = append(sets["seeds"], Article{ID: s.Name, Text: s.Text})
	}
	for _, name := range []string{"saudinewsnet", "persian-news"} {
		arts, err := Corpus(name+".jsonl.gz", n)
		if err != nil {
			return nil, err
		}
		sets[name] = arts
	}
	return sets, nil
}

// Bytes is the total text length of a set, for b.SetBytes.
func Bytes(arts []Article) int64 {
	n := 0
	for _, a := range arts {
		n += len(a.Text)
	}
	return int64(n)
}
