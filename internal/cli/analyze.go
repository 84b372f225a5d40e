package cli

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"time"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/gazetteer"
	"github.com/rasad/rasad/internal/ingest"
)

type analyzeFlags struct {
	lang      string
	published string
	jsonl     bool
	maxBytes  int
	workers   int
	compact   bool
	now       string
	gazetteer stringList
}

func runAnalyze(env *Env, args []string) error {
	var f analyzeFlags
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.StringVar(&f.lang, "lang", "auto", "language of the document: fa, ar, en or auto")
	fs.StringVar(&f.published, "published", "", "publication date (YYYY-MM-DD or RFC 3339), overriding the document's")
	fs.BoolVar(&f.jsonl, "jsonl", false, "read JSONL document objects and write one analysis per line, in input order")
	fs.IntVar(&f.maxBytes, "max-bytes", analyze.DefaultMaxBytes, "refuse documents larger than this many bytes")
	fs.IntVar(&f.workers, "workers", runtime.GOMAXPROCS(0), "documents analysed in parallel in --jsonl mode")
	fs.BoolVar(&f.compact, "compact", false, "print the single analysis on one line")
	fs.Var(&f.gazetteer, "gazetteer", "an extra gazetteer file (JSONL, e.g. from 'rasad gazetteer import'); repeatable")
	fs.StringVar(&f.now, "now", "", "upper bound for dates a web page declares about itself (default: the current time)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: rasad analyze [--lang fa|ar|en|auto] [--published DATE] [--jsonl] [FILE|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageError(err)
	}
	if fs.NArg() > 1 {
		return fmt.Errorf("%w: analyze reads one FILE (or - for standard input)", errUsage)
	}
	switch f.lang {
	case "auto", "fa", "ar", "en":
	default:
		return fmt.Errorf("%w: --lang must be fa, ar, en or auto, not %q", errUsage, f.lang)
	}
	if f.published != "" {
		if _, _, err := analyze.ParseDate(f.published); err != nil {
			return fmt.Errorf("%w: --published %q: %v", errUsage, f.published, err)
		}
	}
	opts := analyze.Options{Lang: f.lang, Published: f.published, MaxBytes: f.maxBytes, Now: time.Now()}
	if f.now != "" {
		t, err := time.Parse(time.RFC3339, f.now)
		if err != nil {
			return fmt.Errorf("%w: --now %q: want an RFC 3339 time", errUsage, f.now)
		}
		opts.Now = t
	}
	if len(f.gazetteer) > 0 {
		g, err := gazetteer.Load(f.gazetteer...)
		if err != nil {
			return err
		}
		for _, p := range g.Problems {
			env.Log.Warn("gazetteer record skipped", "problem", p.Error())
		}
		opts.Gazetteer = g
	}
	name := "-"
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	in, closeIn, err := openInput(env, name)
	if err != nil {
		return err
	}
	defer closeIn()
	if f.jsonl {
		return analyzeJSONL(env, name, in, opts, max(1, f.workers))
	}
	data, err := ingest.ReadAll(in, f.maxBytes)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	doc, err := ingest.Document(name, data)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	a, err := analyze.Analyze(doc, opts)
	if err != nil {
		return fmt.Errorf("analyzing %s: %w", name, err)
	}
	for _, w := range a.Warnings {
		fmt.Fprintf(env.Stderr, "rasad analyze: %s: %s\n", name, w)
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	if !f.compact {
		enc.SetIndent("", "  ")
	}
	return enc.Encode(a)
}

// openInput opens a file, or standard input for "-", ungzipping either when
// it is compressed.
func openInput(env *Env, name string) (io.Reader, func(), error) {
	var r io.Reader = env.Stdin
	closeFn := func() {}
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("opening %w", err)
		}
		if st, err := fh.Stat(); err == nil && st.IsDir() {
			fh.Close()
			return nil, nil, fmt.Errorf("reading %s: is a folder (analyze reads one document; use ingest for folders)", name)
		}
		r, closeFn = fh, func() { fh.Close() }
	}
	gz, err := ingest.Gunzip(bufio.NewReader(r))
	if err != nil {
		closeFn()
		return nil, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return gz, closeFn, nil
}

// analyzeJSONL analyses a JSONL stream with several workers and writes the
// analyses in input order. A bad line is reported on stderr with its number
// and skipped; the command then fails at the end.
func analyzeJSONL(env *Env, name string, in io.Reader, opts analyze.Options, workers int) error {
	type result struct {
		no   int
		line []byte
		err  error
		warn []string
	}
	type job struct {
		line ingest.Line
		out  chan result
	}
	jobs := make(chan job, workers*4)
	order := make(chan chan result, workers*16)
	for range workers {
		go func() {
			for j := range jobs {
				r := result{no: j.line.No, err: j.line.Err}
				if r.err == nil {
					a, err := analyze.Analyze(j.line.Doc, opts)
					if err == nil {
						r.line, err = json.Marshal(a)
						r.warn = a.Warnings
					}
					r.err = err
				}
				j.out <- r
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		err := ingest.JSONL(in, opts.MaxBytes, func(l ingest.Line) error {
			out := make(chan result, 1)
			order <- out
			jobs <- job{line: l, out: out}
			return nil
		})
		close(jobs)
		close(order)
		readErr <- err
	}()
	w := bufio.NewWriterSize(env.Stdout, 256<<10)
	failed := 0
	for out := range order {
		r := <-out
		for _, msg := range r.warn {
			fmt.Fprintf(env.Stderr, "%s:%d: %s\n", name, r.no, msg)
		}
		if r.err != nil {
			failed++
			fmt.Fprintf(env.Stderr, "%s:%d: %v\n", name, r.no, r.err)
			continue
		}
		w.Write(r.line)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("writing output: %w", err)
	}
	if err := <-readErr; err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	if failed > 0 {
		fmt.Fprintf(env.Stderr, "rasad analyze: %d document(s) of %s could not be analysed\n", failed, name)
		return errFailed
	}
	return nil
}
