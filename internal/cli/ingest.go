package cli

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/ingest"
)

func runIngest(env *Env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	maxBytes := fs.Int("max-bytes", analyze.DefaultMaxBytes, "refuse documents larger than this many bytes")
	lang := fs.String("lang", "auto", "language of documents that do not say: fa, ar, en or auto")
	progress := fs.String("progress", "auto", "show progress: auto (on a terminal), always or never")
	pf := addPollFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: rasad ingest [--db DSN] PATH|URL ...\n\nStores documents: files (.txt .html .json .jsonl, optionally .gz), folders (recursive) and feed URLs.\nThe same document twice is stored once.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: ingest needs at least one PATH or URL", errUsage)
	}
	switch *lang {
	case "auto", "fa", "ar", "en":
	default:
		return fmt.Errorf("%w: --lang must be fa, ar, en or auto, not %q", errUsage, *lang)
	}
	var paths, urls []string
	for _, a := range fs.Args() {
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	ctx, s, closeStore, err := openForWork(db)
	if err != nil {
		return err
	}
	defer closeStore()
	files, size, bad := ingest.Files(paths)
	bar := newBar(env, *progress, size)
	opts := ingest.Options{
		Analyze: analyze.Options{Lang: *lang, MaxBytes: *maxBytes, Now: time.Now()},
		Workers: *workers,
		Warn: func(name, msg string) {
			bar.clear()
			fmt.Fprintf(env.Stderr, "%s: %s\n", name, msg)
		},
		Progress: func(sum *ingest.Summary) { bar.describe(sum) },
	}
	feed := func(fn func(ingest.Source) error) error {
		for _, b := range bad {
			if err := fn(b); err != nil {
				return err
			}
		}
		for _, f := range files {
			if err := ingest.ReadFile(ctx, f, *maxBytes, bar.add, fn); err != nil {
				return err
			}
		}
		return nil
	}
	sum, err := ingest.Ingest(ctx, s, opts, feed)
	bar.finish()
	feedsBad := false
	if err == nil && len(urls) > 0 {
		// feed URLs: polled now, whether followed or not
		only := map[string]bool{}
		for _, raw := range urls {
			u, nerr := ingest.NormalizeURL(raw)
			if nerr != nil {
				sum.Read++
				sum.Failed++
				sum.Failures = append(sum.Failures, ingest.Failure{Name: raw, Err: nerr})
				continue
			}
			only[u] = true
		}
		if len(only) > 0 {
			fsum, reports, perr := pollFeeds(ctx, env.Log, s, feedStore{s: s, only: only}, pf, time.Now())
			feedsBad = printReports(env, reports)
			sum.Merge(fsum)
			err = perr
		}
	}
	for _, name := range sum.Skipped {
		fmt.Fprintf(env.Stderr, "%s: skipped: %v\n", name, ingest.ErrNotDocument)
	}
	for _, f := range sum.Failures {
		fmt.Fprintf(env.Stderr, "%s: %v\n", f.Name, f.Err)
	}
	if sum.Failed > len(sum.Failures) {
		fmt.Fprintf(env.Stderr, "… and %d more failures\n", sum.Failed-len(sum.Failures))
	}
	fmt.Fprintf(env.Stderr, "rasad ingest: %d read: %d stored (%d near-duplicates of stored documents), %d already present, %d failed; %d events reported\n",
		sum.Read, sum.Stored, sum.Copies, sum.Present, sum.Failed, sum.Events)
	if err != nil {
		return err
	}
	if sum.Failed > 0 || feedsBad {
		return errFailed
	}
	return nil
}

// bar is the progress bar of a long ingest, on a terminal only.
type bar struct {
	pb *progressbar.ProgressBar
}

func newBar(env *Env, mode string, size int64) *bar {
	show := mode == "always"
	if mode == "auto" {
		f, ok := env.Stderr.(*os.File)
		show = ok && term.IsTerminal(int(f.Fd()))
	}
	if !show || size <= 0 {
		return &bar{}
	}
	return &bar{pb: progressbar.NewOptions64(size,
		progressbar.OptionSetWriter(env.Stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetWidth(30),
		progressbar.OptionThrottle(200*time.Millisecond),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionShowDescriptionAtLineEnd(),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetDescription("ingesting"))}
}

func (b *bar) add(n int64) {
	if b.pb != nil {
		b.pb.Add64(n)
	}
}

func (b *bar) describe(s *ingest.Summary) {
	if b.pb != nil && s.Read%50 == 0 {
		b.pb.Describe(fmt.Sprintf("%d stored, %d present, %d failed", s.Stored, s.Present, s.Failed))
	}
}

func (b *bar) clear() {
	if b.pb != nil {
		b.pb.Clear()
	}
}

func (b *bar) finish() {
	if b.pb != nil {
		b.pb.Finish()
	}
}
