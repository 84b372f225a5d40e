package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/ingest"
	"github.com/rasad/rasad/internal/store"
)

// benchReport is what `rasad bench` measures over one JSONL file.
type benchReport struct {
	File        string  `json:"file"`
	Workers     int     `json:"workers"`
	Documents   int64   `json:"documents"`
	Failed      int64   `json:"failed"`
	Bytes       int64   `json:"bytes"`
	Entities    int64   `json:"entity_mentions"`
	Dates       int64   `json:"dates"`
	Events      int64   `json:"events"`
	Seconds     float64 `json:"seconds"`
	DocsPerSec  float64 `json:"documents_per_second"`
	PerWorker   float64 `json:"documents_per_second_per_worker"`
	MBPerSec    float64 `json:"mb_per_second"`
	PeakRSSMB   float64 `json:"peak_rss_mb"`
	GoHeapMB    float64 `json:"go_heap_mb"`
	EventsPer1K float64 `json:"events_per_1000_documents"`
}

// runBench measures the whole analysis (text, dates, actors, events, and
// the JSON the analysis is printed as) over JSONL documents: throughput per
// worker and peak memory. It measures wall time with the machine's clock;
// the analysis itself never reads it.
func runBench(env *Env, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	workers := fs.Int("workers", 1, "analyses run in parallel")
	limit := fs.Int("limit", 0, "stop after this many documents (0: all)")
	lang := fs.String("lang", "", "force the language (fa, ar, en)")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	dbs := fs.String("db", "", "measure the whole ingest into this store (a SQLite file or a postgres:// DSN; best empty) instead of the analysis alone")
	dbTimeout := fs.Duration("db-timeout", 10*time.Second, "how long to wait for a busy or distant database")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "usage: rasad bench [--workers N] [--limit N] [--lang L] [--json] [--db DSN] FILE.jsonl[.gz] ...")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return usageError(err)
	}
	if fs.NArg() == 0 || *workers < 1 || *limit < 0 {
		fs.Usage()
		return errUsage
	}
	opts := analyze.Options{Lang: *lang, MaxBytes: analyze.DefaultMaxBytes}
	// Load the gazetteer and the lexicons before the clock starts.
	if _, err := analyze.Analyze(analyze.Document{Text: "warm-up"}, opts); err != nil {
		return fmt.Errorf("warming up: %w", err)
	}
	if *dbs != "" {
		return benchIngest(env, dbFlags{dsn: dbs, timeout: dbTimeout}, fs.Args(), opts, *workers, *limit)
	}
	for _, name := range fs.Args() {
		rep, err := benchFile(env, name, opts, *workers, *limit)
		if err != nil {
			return err
		}
		if *asJSON {
			b, _ := json.Marshal(rep)
			fmt.Fprintf(env.Stdout, "%s\n", b)
			continue
		}
		fmt.Fprintf(env.Stdout, "%s: %d documents (%d failed), %.1f MB of text, %d workers\n",
			rep.File, rep.Documents, rep.Failed, float64(rep.Bytes)/1e6, rep.Workers)
		fmt.Fprintf(env.Stdout, "  %.2f s: %.0f documents/s (%.0f per worker), %.2f MB/s\n",
			rep.Seconds, rep.DocsPerSec, rep.PerWorker, rep.MBPerSec)
		fmt.Fprintf(env.Stdout, "  found %d entity mentions, %d dates, %d events (%.0f per 1,000 documents)\n",
			rep.Entities, rep.Dates, rep.Events, rep.EventsPer1K)
		fmt.Fprintf(env.Stdout, "  peak RSS %.0f MB, Go heap %.0f MB\n", rep.PeakRSSMB, rep.GoHeapMB)
	}
	return nil
}

func benchFile(env *Env, name string, opts analyze.Options, workers, limit int) (*benchReport, error) {
	in, closeFn, err := openInput(env, name)
	if err != nil {
		return nil, err
	}
	defer closeFn()
	rep := &benchReport{File: name, Workers: workers}
	docs := make(chan analyze.Document, workers*4)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range docs {
				a, err := analyze.Analyze(d, opts)
				if err == nil {
					_, err = json.Marshal(a)
				}
				if err != nil {
					atomic.AddInt64(&rep.Failed, 1)
					continue
				}
				atomic.AddInt64(&rep.Documents, 1)
				atomic.AddInt64(&rep.Bytes, int64(len(d.Text)+len(d.HTML)))
				atomic.AddInt64(&rep.Dates, int64(len(a.Dates)))
				atomic.AddInt64(&rep.Events, int64(len(a.Events)))
				for _, e := range a.Entities {
					atomic.AddInt64(&rep.Entities, int64(len(e.Mentions)))
				}
			}
		}()
	}
	start := time.Now()
	n := 0
	readErr := ingest.JSONL(in, opts.MaxBytes, func(l ingest.Line) error {
		if limit > 0 && n >= limit {
			return errStop
		}
		n++
		if l.Err != nil {
			if atomic.AddInt64(&rep.Failed, 1) <= 10 {
				fmt.Fprintf(env.Stderr, "%s:%d: %v\n", name, l.No, l.Err)
			}
			return nil
		}
		docs <- l.Doc
		return nil
	})
	close(docs)
	wg.Wait()
	if readErr != nil && readErr != errStop {
		return nil, fmt.Errorf("reading %s: %w", name, readErr)
	}
	rep.Seconds = time.Since(start).Seconds()
	if rep.Seconds > 0 {
		rep.DocsPerSec = float64(rep.Documents) / rep.Seconds
		rep.PerWorker = rep.DocsPerSec / float64(workers)
		rep.MBPerSec = float64(rep.Bytes) / 1e6 / rep.Seconds
	}
	if rep.Documents > 0 {
		rep.EventsPer1K = 1000 * float64(rep.Events) / float64(rep.Documents)
	}
	rep.PeakRSSMB = peakRSSMB()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep.GoHeapMB = float64(ms.HeapSys) / 1e6
	return rep, nil
}

// errStop ends a read early.
var errStop = fmt.Errorf("stop")

// benchIngest measures rasad ingest: files read, analysed by workers and
// stored with their events, clusters and search index.
func benchIngest(env *Env, db dbFlags, files []string, opts analyze.Options, workers, limit int) error {
	ctx := context.Background()
	s, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	var size int64
	fed := 0
	feed := func(fn func(ingest.Source) error) error {
		for _, name := range files {
			err := ingest.ReadFile(ctx, ingest.File{Path: name}, opts.MaxBytes, func(n int64) { size += n }, func(src ingest.Source) error {
				if limit > 0 && fed >= limit {
					return errLimit
				}
				fed++
				return fn(src)
			})
			if err != nil && !errors.Is(err, errLimit) {
				return err
			}
		}
		return nil
	}
	start := time.Now()
	sum, err := ingest.Ingest(ctx, s, ingest.Options{Analyze: opts, Workers: workers}, feed)
	if err != nil {
		return err
	}
	// the listings are rebuilt on the first read: part of the cost
	if _, _, err := s.Events(ctx, store.Filter{Limit: 1}); err != nil {
		return err
	}
	secs := time.Since(start).Seconds()
	fmt.Fprintf(env.Stdout, "ingest of %s into %s, %d workers\n", strings.Join(files, " "), *db.dsn, workers)
	fmt.Fprintf(env.Stdout, "  %d documents read (%.1f MB): %d stored (%d near-duplicates), %d already present, %d failed; %d reported events\n",
		sum.Read, float64(size)/1e6, sum.Stored, sum.Copies, sum.Present, sum.Failed, sum.Events)
	fmt.Fprintf(env.Stdout, "  %.2f s: %.0f documents/s\n", secs, float64(sum.Read)/secs)
	fmt.Fprintf(env.Stdout, "  the store was writing %.2f s (%.0f%% of the run; the rest of the time it waited for analyses)\n",
		sum.Storing.Seconds(), 100*sum.Storing.Seconds()/secs)
	fmt.Fprintf(env.Stdout, "  peak RSS %.0f MB\n", peakRSSMB())
	return nil
}

var errLimit = errors.New("limit reached")
