// Package cli is rasad's command line: it parses flags, wires the stages
// together and maps failures to exit codes (0 success, 1 failure of the work,
// 2 bad usage). Each subcommand lives in its own file.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"sort"
	"strings"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/text"
)

// Env is what a command may touch: its streams and a logger. Tests pass
// their own.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Log            *slog.Logger
}

// command is one subcommand.
type command struct {
	summary string
	run     func(env *Env, args []string) error
}

// errUsage marks a bad invocation (exit status 2).
var errUsage = errors.New("bad usage")

// errFailed marks work that failed after its errors were already reported
// (exit status 1 with nothing more to print).
var errFailed = errors.New("failed")

func commands() map[string]command {
	return map[string]command{
		"analyze":   {"analyze one document, or JSONL documents, and print the analysis as JSON", runAnalyze},
		"bench":     {"measure the whole analysis over JSONL documents: documents/s per worker, peak memory", runBench},
		"demo":      {"analyze the bundled sample reports and show what rasad reads in them", runDemo},
		"feeds":     {"follow feeds: add, list or remove RSS, Atom and JSON feed URLs", runFeeds},
		"gazetteer": {"look up names (lookup), import Wikidata dumps (import), check data (check)", runGazetteer},
		"events":    {"list the stored events, merged across documents and languages (jsonl, csv, plover, tsv)", runEvents},
		"ingest":    {"store documents (files, folders, .jsonl, .gz) with their analyses and merge their events", runIngest},
		"poll":      {"poll the followed feeds once and store their new articles", runPoll},
		"reanalyze": {"analyse stored documents again after an upgrade, and merge their events afresh", runReanalyze},
		"serve":     {"serve the REST API over the store, and poll the followed feeds in the background", runServe},
		"version":   {"print the version", runVersion},
	}
}

// Main runs rasad with args (without the program name) and returns the exit
// status.
func Main(args []string, env *Env) int {
	if env.Log == nil {
		env.Log = slog.New(slog.NewTextHandler(env.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.Stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	cmd, ok := cmds[args[0]]
	if !ok {
		fmt.Fprintf(env.Stderr, "rasad: unknown command %q (run 'rasad help')\n", args[0])
		return 2
	}
	err := cmd.run(env, args[1:])
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		if msg := strings.TrimSpace(strings.TrimPrefix(err.Error(), errUsage.Error())); msg != "" && msg != ":" {
			fmt.Fprintf(env.Stderr, "rasad %s: %s\n", args[0], strings.TrimPrefix(msg, ": "))
		}
		return 2
	case errors.Is(err, errFailed):
		return 1
	default:
		fmt.Fprintf(env.Stderr, "rasad %s: %v\n", args[0], err)
		return 1
	}
}

func usage(w io.Writer, cmds map[string]command) {
	fmt.Fprintln(w, "rasad reads Persian, Arabic and English news and records the political events in it.")
	fmt.Fprintln(w, "\nUsage: rasad COMMAND [flags] [args]\n\nCommands:")
	names := make([]string, 0, len(cmds))
	for n := range cmds {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, cmds[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'rasad COMMAND -h' for a command's flags.")
}

func runVersion(env *Env, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%w: version takes no arguments", errUsage)
	}
	fmt.Fprintf(env.Stdout, "rasad %s (key rules v%d, %s, %s/%s)\n", analyze.Version, text.KeyVersion, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}

// usageError wraps a flag parsing error as bad usage.
func usageError(err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%w: %v", errUsage, err)
}

// parseFlags parses a command's flags: help tells that -h was asked for
// (the usage is printed: the command has nothing more to do), and a bad
// flag is bad usage.
func parseFlags(fs *flag.FlagSet, args []string) (help bool, err error) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return true, nil
		}
		return false, usageError(err)
	}
	return false, nil
}

// stdEnv is the environment of the real process.
func stdEnv() *Env {
	return &Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}
}

// Run is the entry point of cmd/rasad.
func Run() int { return Main(os.Args[1:], stdEnv()) }
