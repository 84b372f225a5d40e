package cli

import (
	"context"
	"flag"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/coding"
	"github.com/rasad/rasad/internal/export"
	"github.com/rasad/rasad/internal/gazetteer"
	"github.com/rasad/rasad/internal/store"
)

func runEvents(env *Env, args []string) error {
	fs := flag.NewFlagSet("events", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	format := fs.String("format", "jsonl", "output: "+strings.Join(export.Formats, ", ")+" (see docs/exports.md)")
	actor := fs.String("actor", "", "only events with this party: a name in any script («پوتین», «بوتين», Putin) or an entity id")
	typ := fs.String("type", "", "only events of this PLOVER type (CONSULT, AGREE …)")
	from := fs.String("from", "", "only events on or after this day (YYYY-MM-DD; an undated event counts on its first report's day)")
	to := fs.String("to", "", "only events on or before this day (YYYY-MM-DD)")
	limit := fs.Int("limit", 0, "at most this many events (0: all)")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: rasad events [--db DSN] [--format jsonl|csv|plover|tsv] [--actor NAME] [--type TYPE] [--from DATE] [--to DATE]")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: events takes no arguments (did you mean --actor %s?)", errUsage, fs.Arg(0))
	}
	f := store.Filter{Type: strings.ToUpper(*typ), Limit: *limit}
	if f.Type != "" && !slices.Contains(coding.Types, f.Type) {
		return fmt.Errorf("%w: --type %q is not a PLOVER type (%s)", errUsage, *typ, strings.Join(coding.Types, ", "))
	}
	for _, d := range []struct {
		name string
		val  *string
		dst  *string
	}{{"--from", from, &f.From}, {"--to", to, &f.To}} {
		if *d.val == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", *d.val); err != nil {
			return fmt.Errorf("%w: %s %q: want YYYY-MM-DD", errUsage, d.name, *d.val)
		}
		*d.dst = *d.val
	}
	w, err := export.New(*format, env.Stdout)
	if err != nil {
		return fmt.Errorf("%w: --format: %v", errUsage, err)
	}
	if *actor != "" {
		g, err := gazetteer.Bundled()
		if err != nil {
			return err
		}
		if ids := g.ActorIDs(*actor); len(ids) > 0 {
			f.Actors = ids
		} else {
			f.ActorText = *actor
		}
	}
	ctx := context.Background()
	s, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	page := f
	if page.Limit == 0 || page.Limit > 500 {
		page.Limit = 500
	}
	written := 0
	for {
		ls, next, err := s.Events(ctx, page)
		if err != nil {
			return err
		}
		for _, l := range ls {
			if f.Limit > 0 && written == f.Limit {
				break
			}
			if err := w.Write(l); err != nil {
				return fmt.Errorf("writing events: %w", err)
			}
			written++
		}
		if next == "" || f.Limit > 0 && written >= f.Limit {
			break
		}
		page.Cursor = next
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("writing events: %w", err)
	}
	return nil
}
