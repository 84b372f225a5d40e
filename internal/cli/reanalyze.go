package cli

import (
	"flag"
	"fmt"
	"time"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/ingest"
)

func runReanalyze(env *Env, args []string) error {
	fs := flag.NewFlagSet("reanalyze", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	all := fs.Bool("all", false, "re-analyse every document, not only those analysed by another version of rasad")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: rasad reanalyze [--db DSN] [--all]\n\nAnalyses stored documents again (after an upgrade of rasad) and merges their events afresh.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: reanalyze takes no arguments", errUsage)
	}
	ctx, s, closeStore, err := openForWork(db)
	if err != nil {
		return err
	}
	defer closeStore()
	version := analyze.Version
	if *all {
		version = ""
	}
	done, failed := 0, 0
	after := ""
	for {
		ids, err := s.Stale(ctx, version, after, 200)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			break
		}
		for _, id := range ids {
			after = id
			d, err := s.Get(ctx, id)
			if err != nil {
				return err
			}
			// The stored text is the analysis's own text: analysing it
			// again gives offsets into the same text.
			doc := analyze.Document{ID: d.ID, URL: d.URL, Title: d.Title, Text: d.Text, Published: d.Published, Lang: d.Lang, Source: d.Publisher}
			nd, _, err := ingest.Prepare(doc, analyze.Options{Now: time.Now()}, d.Ingested)
			if err != nil {
				failed++
				fmt.Fprintf(env.Stderr, "document %s: %v\n", id, err)
				continue
			}
			nd.ID = d.ID
			for i := range nd.Items {
				nd.Items[i].Doc = d.ID
			}
			if _, err := s.Reanalyze(ctx, nd); err != nil {
				return err
			}
			done++
		}
	}
	fmt.Fprintf(env.Stderr, "rasad reanalyze: %d documents analysed again, %d failed\n", done, failed)
	if failed > 0 {
		return errFailed
	}
	return nil
}
