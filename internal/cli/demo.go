package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"sort"
	"strings"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/ingest"
	"github.com/rasad/rasad/sample"
)

// runDemo analyses the bundled sample reports: the first thing to run on a
// fresh machine.
func runDemo(env *Env, args []string) error {
	fset := flag.NewFlagSet("demo", flag.ContinueOnError)
	fset.SetOutput(env.Stderr)
	asJSON := fset.Bool("jsonl", false, "print the full analyses as JSONL instead of a summary")
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
