package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/cluster"
	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/sqlstore"
	"github.com/rasad/rasad/internal/text"
)

// Prepare analyses a document and makes what the store keeps of it: the
// text as the analysis shows it (every offset points into it), the
// normalised URL, the content hash over matching keys, the publisher, the
// near-duplicate signature and the events as clustering compares them.
func Prepare(doc analyze.Document, opts analyze.Options, now time.Time) (store.Document, []string, error) {
	var warnings []string
	if doc.URL != "" {
		u, err := NormalizeURL(doc.URL)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("url left out: %v", err))
			doc.URL = ""
		} else {
			doc.URL = u
		}
	}
	a, err := analyze.Analyze(doc, opts)
	if err != nil {
		return store.Document{}, nil, err
	}
	warnings = append(warnings, a.Warnings...)
	body, err := json.Marshal(a)
	if err != nil {
		return store.Document{}, nil, fmt.Errorf("encoding the analysis: %w", err)
	}
	key := text.KeyOf(a.Text) // the matching key: content hash, signature and search
	sum := sha256.Sum256([]byte(key))
	d := store.Document{
		ID: a.ID, URL: a.URL, Lang: a.Lang, Text: a.Text, Published: doc.Published,
		Hash: fmt.Sprintf("k%d-%s", text.KeyVersion, hex.EncodeToString(sum[:16])), Analysis: body,
		AnalyzerVersion: analyze.Version, Ingested: now, Publisher: doc.Source, Signature: cluster.SignKey(key),
	}
	if a.Title != nil {
		d.Title = *a.Title
	}
	if d.Published == "" && a.Published != nil {
		d.Published = *a.Published
	}
	if d.Publisher == "" {
		d.Publisher = cluster.Publisher(d.URL)
	}
	d.Items = cluster.Items(d.ID, d.Publisher, a)
	d.SearchKey = searchKey(d.Title, d.Text, key)
	return d, warnings, nil
}

// searchKey is sqlstore.SearchKey(title + "\n" + text) for a text whose
// key is known, without folding the text again.
func searchKey(title, txt, key string) string {
	both := text.KeyOf(title) // KeyOf(title + "\n" + text): one space joins non-empty keys
	switch {
	case both == "":
		both = key
	case key != "":
		both += " " + key
	}
	return sqlstore.SearchKeyOf(title+"\n"+txt, both)
}

// Options tune a run of Ingest.
type Options struct {
	Analyze analyze.Options
	// Workers analyse in parallel (at least 1); one writer stores, in
	// input order.
	Workers int
	// Now is the ingest time recorded with each document.
	Now func() time.Time
	// Progress, when set, is called after each document with the summary
	// so far (from the writer goroutine).
	Progress func(*Summary)
	// Warn, when set, receives warnings about documents that were stored
	// all the same (a URL left out, invalid UTF-8 repaired).
	Warn func(name, msg string)
}

// Failure is a document that could not be stored, and why.
type Failure struct {
	Name string // file, file:line or URL
	Err  error
}

func (f Failure) Error() string { return f.Name + ": " + f.Err.Error() }

// maxFailures bounds the failures a summary keeps (it counts them all).
const maxFailures = 1000

// maxBatch bounds the documents stored in one transaction.
const maxBatch = 256

// Summary counts what a run did.
type Summary struct {
	Read    int // documents read, good or bad
	Stored  int // new documents stored
	Present int // documents already stored (same id, URL or content)
	// Copies are stored documents that are near-duplicates of stored ones
	// (syndicated copies): they count among Stored.
	Copies int
	Failed int
	// Skipped are files of folders that hold no document.
	Skipped  []string
	Failures []Failure // the first maxFailures failures
	// Events is the number of reported events stored with new documents.
	Events int
	// Storing is the time the store spent writing: with the run's time it
	// tells whether the store or the analysis limits the speed.
	Storing time.Duration
}

// Count adds what storing one document did.
func (s *Summary) Count(res store.Result) {
	if res.Outcome == store.Present {
		s.Present++
		return
	}
	s.Stored++
	s.Events += len(res.Events)
	if len(res.Copies) > 0 {
		s.Copies++
	}
}

// Merge adds the counts of another run (its failures too, up to the bound).
func (s *Summary) Merge(o Summary) {
	s.Read += o.Read
	s.Stored += o.Stored
	s.Present += o.Present
	s.Copies += o.Copies
	s.Events += o.Events
	s.Storing += o.Storing
	s.Skipped = append(s.Skipped, o.Skipped...)
	s.Failed += o.Failed - len(o.Failures)
	for _, f := range o.Failures {
		s.fail(f.Name, f.Err)
	}
}

func (s *Summary) fail(name string, err error) {
	s.Failed++
	if len(s.Failures) < maxFailures {
		s.Failures = append(s.Failures, Failure{name, err})
	}
}

// Ingest reads documents from feed (which calls its argument for each
// source and stops early when it returns an error), analyses them with
// several workers and stores them, in the order read. A document that cannot
// be read or analysed is counted and the run goes on; a store that fails
// stops the run with its error, and every document stored before it stays
// whole (each is stored in one transaction).
func Ingest(ctx context.Context, s store.Store, opts Options, feed func(func(Source) error) error) (Summary, error) {
	workers := max(1, opts.Workers)
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	type result struct {
		name     string
		doc      store.Document
		warnings []string
		err      error
		skip     bool
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type job struct {
		src Source
		out chan result
	}
	jobs := make(chan job, workers*4)
	order := make(chan chan result, workers*16)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range jobs {
				r := result{name: j.src.Name, err: j.src.Err, skip: j.src.Skip}
				if r.err == nil {
					r.doc, r.warnings, r.err = Prepare(j.src.Doc, opts.Analyze, now())
				}
				j.out <- r
			}
		})
	}
	readErr := make(chan error, 1)
	go func() {
		err := feed(func(src Source) error {
			out := make(chan result, 1)
			select {
			case order <- out:
			case <-ctx.Done():
				return ctx.Err()
			}
			jobs <- job{src: src, out: out}
			return nil
		})
		close(jobs)
		close(order)
		readErr <- err
	}()
	var sum Summary
	var storeErr error
	// Prepared documents are stored in batches: as many as are ready, up
	// to maxBatch, in one transaction.
	var batch []store.Document
	flush := func() {
		if len(batch) == 0 || storeErr != nil {
			batch = batch[:0]
			return
		}
		began := time.Now()
		rs, err := s.PutBatch(ctx, batch)
		sum.Storing += time.Since(began)
		if err != nil {
			storeErr = err
			cancel()
			batch = batch[:0]
			return
		}
		for _, res := range rs {
			sum.Count(res)
		}
		batch = batch[:0]
		if opts.Progress != nil {
			opts.Progress(&sum)
		}
	}
	handle := func(r result) {
		if storeErr != nil {
			return // drain: the reader and workers finish
		}
		if r.skip {
			sum.Skipped = append(sum.Skipped, r.name)
			return
		}
		sum.Read++
		for _, w := range r.warnings {
			if opts.Warn != nil {
				opts.Warn(r.name, w)
			}
		}
		if r.err != nil {
			sum.fail(r.name, r.err)
			return
		}
		batch = append(batch, r.doc)
		if len(batch) >= maxBatch {
			flush()
		}
	}
	for out := range order {
		var r result
		select {
		case r = <-out:
		default:
			flush() // nothing ready: store what is waiting
			r = <-out
		}
		handle(r)
	}
	flush()
	wg.Wait()
	rerr := <-readErr
	if storeErr != nil {
		return sum, storeErr
	}
	if rerr != nil {
		return sum, rerr
	}
	return sum, ctx.Err()
}
