package ingest

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/rasad/rasad/internal/analyze"
)

// Source is one input to ingest: a document, or the reason it could not be
// read, named by where it came from (a file, file:line, or a URL).
type Source struct {
	Name string
	Doc  analyze.Document
	Err  error
	// Skip marks a file found in a folder that holds no document (JSON
	// that is not a document object): it is noted, not counted as failed.
	Skip bool
}

// File is a file to read, and whether a folder walk found it (rather than
// the user naming it).
type File struct {
	Path       string
	FromFolder bool
}

// kinds are the file extensions read from folders (and their .gz).
var kinds = map[string]bool{".txt": true, ".html": true, ".htm": true, ".json": true, ".jsonl": true}

// Readable tells whether a folder walk reads the file: a .txt, .html,
// .json or .jsonl, optionally gzipped.
func Readable(name string) bool {
	n := strings.TrimSuffix(strings.ToLower(name), ".gz")
	return kinds[filepath.Ext(n)] && !strings.HasPrefix(filepath.Base(name), ".")
}

// Files lists the files under paths: each file named, and the readable
// files of each folder, recursively and in name order. A path that cannot
// be read is returned as a Source with its error.
func Files(paths []string) ([]File, int64, []Source) {
	var files []File
	var size int64
	var bad []Source
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			bad = append(bad, Source{Name: p, Err: err})
			continue
		}
		if !st.IsDir() {
			files, size = append(files, File{Path: p}), size+st.Size()
			continue
		}
		var found []string
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				bad = append(bad, Source{Name: path, Err: err})
				return nil
			}
			if d.IsDir() {
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && Readable(d.Name()) {
				if info, err := d.Info(); err == nil {
					size += info.Size()
				}
				found = append(found, path)
			}
			return nil
		})
		if err != nil {
			bad = append(bad, Source{Name: p, Err: err})
		}
		sort.Strings(found)
		for _, f := range found {
			files = append(files, File{Path: f, FromFolder: true})
		}
	}
	return files, size, bad
}

// ReadFile passes the documents of one file to fn: every line of a JSONL
// file (bad lines with their error, named file:line), else the one
// document the file holds. maxBytes bounds a document (and a whole
// non-JSONL file). read, when not nil, is told how many bytes of the file
// have been consumed. It stops early only when fn or ctx says so.
func ReadFile(ctx context.Context, file File, maxBytes int, read func(int64), fn func(Source) error) error {
	name := file.Path
	fh, err := os.Open(name)
	if err != nil {
		return fn(Source{Name: name, Err: err})
	}
	defer fh.Close()
	counted := &countingReader{r: fh, tell: read}
	br := bufio.NewReaderSize(counted, 64<<10)
	r, err := Gunzip(br)
	if err != nil {
		return fn(Source{Name: name, Err: fmt.Errorf("reading gzip: %w", err)})
	}
	base := strings.TrimSuffix(strings.ToLower(name), ".gz")
	if strings.HasSuffix(base, ".jsonl") {
		return JSONL(r, maxBytes, func(l Line) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			return fn(Source{Name: name + ":" + strconv.Itoa(l.No), Doc: l.Doc, Err: l.Err})
		})
	}
	data, err := ReadAll(r, maxBytes)
	if err != nil {
		return fn(Source{Name: name, Err: err})
	}
	doc, err := Document(name, data)
	return fn(Source{Name: name, Doc: doc, Err: err, Skip: file.FromFolder && errors.Is(err, ErrNotDocument)})
}

// countingReader tells how many bytes were read so far.
type countingReader struct {
	r    interface{ Read([]byte) (int, error) }
	n    int64
	tell func(int64)
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.tell != nil && n > 0 {
		c.tell(int64(n))
	}
	return n, err
}
