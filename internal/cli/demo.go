package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/ingest"
	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/sample"
)

// runDemo analyses the bundled sample reports, stores them in the default
// SQLite store and lists the events they merge into: the first thing to
// run on a fresh machine.
func runDemo(env *Env, args []string) error {
	fset := flag.NewFlagSet("demo", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	asJSON := fset.Bool("jsonl", false, "print the full analyses as JSONL instead of a summary (and store nothing)")
	db := dbFlag(fset)
	if err := fset.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageError(err)
	}
	names, err := fs.Glob(sample.Files, "*.txt")
	if err != nil {
		return err
	}
	sort.Strings(names)
	var docs []ingest.Source
	for _, name := range names {
		data, err := fs.ReadFile(sample.Files, name)
		if err != nil {
			return fmt.Errorf("reading sample %s: %w", name, err)
		}
		doc, err := ingest.Document(name, data)
		if err != nil {
			return fmt.Errorf("reading sample %s: %w", name, err)
		}
		doc.ID = strings.TrimSuffix(name, ".txt")
		docs = append(docs, ingest.Source{Name: name, Doc: doc})
		a, err := analyze.Analyze(doc, analyze.Options{})
		if err != nil {
			return fmt.Errorf("analyzing sample %s: %w", name, err)
		}
		if *asJSON {
			b, err := json.Marshal(a)
			if err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "%s\n", b)
			continue
		}
		printSummary(env, a)
	}
	if *asJSON {
		return nil
	}
	return demoStore(env, db, docs)
}

// demoStore ingests the sample into the store and prints the events that
// several reports share.
func demoStore(env *Env, db dbFlags, docs []ingest.Source) error {
	ctx := context.Background()
	s, err := openStore(ctx, db)
	if err != nil {
		return err
	}
	defer s.Close()
	sum, err := ingest.Ingest(ctx, s, ingest.Options{Workers: 2}, func(fn func(ingest.Source) error) error {
		for _, d := range docs {
			if err := fn(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Stored in %s: %d new documents, %d already there.\n", *db.dsn, sum.Stored, sum.Present)
	fmt.Fprintln(env.Stdout, "Events reported by more than one document (rasad events lists them all):")
	ls, _, err := s.Events(ctx, store.Filter{})
	if err != nil {
		return err
	}
	for _, l := range ls {
		if len(l.Documents) < 2 {
			continue
		}
		kind := l.Type
		if l.Mode != nil {
			kind += "/" + *l.Mode
		}
		var who []string
		for _, p := range append(l.Actors, l.Recipients...) {
			who = append(who, p.Name)
		}
		date := "undated"
		if l.Date != nil {
			date = *l.Date
		}
		fmt.Fprintf(env.Stdout, "  %-22s %-10s %s — %d documents in %s, %d sources\n", kind, date, strings.Join(who, ", "),
			len(l.Documents), strings.Join(l.Languages, "+"), l.Sources)
	}
	return nil
}

func printSummary(env *Env, a *analyze.Analysis) {
	title, published := "-", "-"
	if a.Title != nil {
		title = *a.Title
	}
	if a.Published != nil {
		published = *a.Published + " (" + a.PublishedSource + ")"
	}
	fmt.Fprintf(env.Stdout, "%s  [%s]  published %s\n  %s\n", a.ID, a.Lang, published, title)
	for _, d := range a.Dates {
		fmt.Fprintf(env.Stdout, "    date   %-12s %-9s %-6s «%s»\n", d.Value, d.Calendar, d.Granularity, d.Text)
	}
	names := map[string]string{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		fmt.Fprintf(env.Stdout, "    actor  %-8s %s (%d)\n", e.Kind, e.Name, len(e.Mentions))
	}
	for _, ev := range a.Events {
		kind := ev.Type
		if ev.Mode != nil {
			kind += "/" + *ev.Mode
		}
		who := func(ids []string) string {
			var out []string
			for _, id := range ids {
				out = append(out, names[id])
			}
			return strings.Join(out, ", ")
		}
		line := fmt.Sprintf("    event  %-20s %s", kind, who(ev.Actors))
		if len(ev.Recipients) > 0 {
			line += " → " + who(ev.Recipients)
		}
		if ev.Date != nil {
			line += " on " + *ev.Date
		}
		if ev.Location != nil {
			line += " in " + names[*ev.Location]
		}
		fmt.Fprintln(env.Stdout, line)
	}
	fmt.Fprintln(env.Stdout)
}
