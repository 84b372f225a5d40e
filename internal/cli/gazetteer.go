package cli

import (
	"bufio"
	"compress/bzip2"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/rasad/rasad/internal/gazetteer"
)

// runGazetteer dispatches the gazetteer subcommands.
func runGazetteer(env *Env, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("%w: gazetteer needs a subcommand: lookup, import or check", errUsage)
	}
	switch args[0] {
	case "lookup":
		return runLookup(env, args[1:])
	case "import":
		return runImport(env, args[1:])
	case "check":
		return runCheck(env, args[1:])
	}
	return fmt.Errorf("%w: unknown gazetteer subcommand %q (lookup, import, check)", errUsage, args[0])
}

// stringList is a repeatable flag.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func runLookup(env *Env, args []string) error {
	fs := flag.NewFlagSet("gazetteer lookup", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var files stringList
	fs.Var(&files, "gazetteer", "an extra gazetteer file (JSONL, e.g. from import); repeatable")
	asJSON := fs.Bool("json", false, "print the full records as JSON")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageError(err)
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("%w: lookup needs a NAME", errUsage)
	}
	g, err := gazetteer.Load(files...)
	if err != nil {
		return err
	}
	name := strings.Join(fs.Args(), " ")
	found := g.Lookup(name)
	if len(found) == 0 {
		fmt.Fprintf(env.Stderr, "rasad gazetteer lookup: %q names nothing known\n", name)
		return errFailed
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	for _, e := range found {
		if *asJSON {
			if err := enc.Encode(e); err != nil {
				return err
			}
			continue
		}
		qid := ""
		if e.QID != "" {
			qid = " " + e.QID
		}
		fmt.Fprintf(env.Stdout, "%s  %s (%s%s)\n", e.ID, e.Name, e.Kind, qid)
		for _, r := range e.Roles {
			to := r.To
			if to == "" {
				to = "…"
			}
			fmt.Fprintf(env.Stdout, "    %s of %s, %s – %s\n", r.Role, r.Of, r.From, to)
		}
	}
	return nil
}

func runImport(env *Env, args []string) error {
	fs := flag.NewFlagSet("gazetteer import", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	out := fs.String("out", "", "write the records to this file (default: standard output)")
	langs := fs.String("langs", "fa,ar,en,ru,tr", "languages of the labels and aliases to import")
	classes := fs.String("classes", "", "instance-of classes to keep, as QID=kind pairs (default: humans, countries, cities, regions, organisations)")
	positions := fs.String("positions", "", "a positions table (QID, role, id; tab-separated) added to the bundled one")
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: rasad gazetteer import [flags] DUMP (.json, .json.gz or .json.bz2; - for standard input)")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageError(err)
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("%w: import reads one DUMP file", errUsage)
	}
	filter := gazetteer.WikidataFilter{Classes: gazetteer.DefaultClasses, Langs: strings.Split(*langs, ",")}
	if *classes != "" {
		filter.Classes = map[string]string{}
		for _, pair := range strings.Split(*classes, ",") {
			q, kind, ok := strings.Cut(pair, "=")
			if !ok {
				return fmt.Errorf("%w: --classes wants QID=kind pairs, not %q", errUsage, pair)
			}
			filter.Classes[q] = kind
		}
	}
	var err error
	if filter.Positions, err = gazetteer.BundledPositions(); err != nil {
		return err
	}
	if *positions != "" {
		f, err := os.Open(*positions)
		if err != nil {
			return fmt.Errorf("opening %w", err)
		}
		more, err := gazetteer.Positions(f, *positions)
		f.Close()
		if err != nil {
			return err
		}
		for k, v := range more {
			filter.Positions[k] = v
		}
	}
	g, err := gazetteer.Bundled()
	if err != nil {
		return err
	}
	filter.Countries = g.CountryQIDs()

	name := fs.Arg(0)
	in, closeIn, err := openDump(env, name)
	if err != nil {
		return err
	}
	defer closeIn()
	var w io.Writer = env.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("creating %w", err)
		}
		defer f.Close()
		w = f
	}
	st, err := gazetteer.ImportWikidata(in, w, filter, func(line int, err error) {
		fmt.Fprintf(env.Stderr, "%s:%d: %v\n", name, line, err)
	})
	if err != nil {
		return fmt.Errorf("importing %s: %w", name, err)
	}
	fmt.Fprintf(env.Stderr, "rasad gazetteer import: %d lines, %d entities kept, %d skipped, %d bad\n", st.Lines, st.Kept, st.Skipped, st.Bad)
	return nil
}

// openDump opens a dump, decompressing .gz and .bz2 by their magic numbers.
func openDump(env *Env, name string) (io.Reader, func(), error) {
	var r io.Reader = env.Stdin
	closeFn := func() {}
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, fmt.Errorf("opening %w", err)
		}
		r, closeFn = f, func() { f.Close() }
	}
	br := bufio.NewReaderSize(r, 1<<20)
	magic, _ := br.Peek(3)
	switch {
	case len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b:
		zr, err := gzip.NewReader(br)
		if err != nil {
			closeFn()
			return nil, nil, fmt.Errorf("reading %s: %w", name, err)
		}
		return zr, closeFn, nil
	case len(magic) == 3 && string(magic) == "BZh":
		return bzip2.NewReader(br), closeFn, nil
	}
	return br, closeFn, nil
}

// runCheck loads the gazetteer (and extra files) and reports every record
// problem.
func runCheck(env *Env, args []string) error {
	fs := flag.NewFlagSet("gazetteer check", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return nil
		}
		return usageError(err)
	}
	g, err := gazetteer.Load(fs.Args()...)
	if err != nil {
		return err
	}
	for _, p := range g.Problems {
		fmt.Fprintln(env.Stderr, p.Error())
	}
	fmt.Fprintf(env.Stdout, "%d entities, %d name forms, %d problems\n", g.Len(), g.NameCount(), len(g.Problems))
	if len(g.Problems) > 0 {
		return errFailed
	}
	return nil
}
