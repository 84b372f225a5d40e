package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"sync"
	"text/tabwriter"
	"time"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/ingest"
	"github.com/rasad/rasad/internal/ingest/feed"
	"github.com/rasad/rasad/internal/store"
)

// feedStore keeps the poller's state in the store. With only set, it
// polls just those feeds and keeps the state of the ones followed.
type feedStore struct {
	s    store.Store
	only map[string]bool
}

func (f feedStore) Feeds(ctx context.Context) ([]feed.State, error) {
	stored, err := f.s.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var out []feed.State
	seen := map[string]bool{}
	for _, sf := range stored {
		if f.only != nil && !f.only[sf.URL] {
			continue
		}
		var st feed.State
		if err := json.Unmarshal(sf.State, &st); err != nil {
			return nil, fmt.Errorf("reading the state of feed %s: %w", sf.URL, err)
		}
		st.URL = sf.URL
		out, seen[sf.URL] = append(out, st), true
	}
	for u := range f.only {
		if !seen[u] {
			out = append(out, feed.State{URL: u}) // polled once, not followed
		}
	}
	return out, nil
}

func (f feedStore) SaveFeed(ctx context.Context, st feed.State) error {
	if f.only != nil {
		followed, err := f.followed(ctx, st.URL)
		if err != nil || !followed {
			return err
		}
	}
	body, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return f.s.SaveFeed(ctx, store.Feed{URL: st.URL, State: body})
}

func (f feedStore) followed(ctx context.Context, u string) (bool, error) {
	fs, err := f.s.Feeds(ctx)
	for _, x := range fs {
		if x.URL == u {
			return true, err
		}
	}
	return false, err
}

func (f feedStore) HasURL(ctx context.Context, u string) (bool, error) { return f.s.HasURL(ctx, u) }

func runFeeds(env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprintln(env.Stderr, "Usage: rasad feeds add|list|remove [--db DSN] [URL ...]\n\nFollows RSS, Atom and JSON feeds: 'rasad poll' (or the poller in 'rasad serve') reads them.")
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	sub := args[0]
	fs := flag.NewFlagSet("feeds "+sub, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	if help, err := parseFlags(fs, args[1:]); help || err != nil {
		return err
	}
	ctx := context.Background()
	switch sub {
	case "add", "remove":
		if fs.NArg() == 0 {
			return fmt.Errorf("%w: feeds %s needs at least one URL", errUsage, sub)
		}
		var urls []string
		for _, raw := range fs.Args() {
			u, err := ingest.NormalizeURL(raw)
			if err != nil {
				return fmt.Errorf("%w: %s: %v", errUsage, raw, err)
			}
			urls = append(urls, u)
		}
		s, err := openStore(ctx, db)
		if err != nil {
			return err
		}
		defer s.Close()
		for _, u := range urls {
			if sub == "remove" {
				ok, err := s.RemoveFeed(ctx, u)
				if err != nil {
					return err
				}
				if !ok {
					fmt.Fprintf(env.Stderr, "%s: not followed\n", u)
					continue
				}
				fmt.Fprintf(env.Stdout, "removed %s\n", u)
				continue
			}
			if ok, err := (feedStore{s: s}).followed(ctx, u); err != nil || ok {
				if ok {
					fmt.Fprintf(env.Stdout, "%s: followed already\n", u)
				}
				if err != nil {
					return err
				}
				continue
			}
			body, _ := json.Marshal(feed.State{URL: u, Added: time.Now().UTC()})
			if err := s.SaveFeed(ctx, store.Feed{URL: u, State: body}); err != nil {
				return err
			}
			fmt.Fprintf(env.Stdout, "following %s\n", u)
		}
		return nil
	case "list":
		if fs.NArg() > 0 {
			return fmt.Errorf("%w: feeds list takes no URL", errUsage)
		}
		s, err := openStore(ctx, db)
		if err != nil {
			return err
		}
		defer s.Close()
		states, err := feedStore{s: s}.Feeds(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(env.Stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "URL\tTITLE\tLAST POLLED\tNEXT POLL\tFAILURES\tLAST ERROR")
		for _, st := range states {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", st.URL, st.Title, when(st.LastPolled), when(st.NextPoll), st.Failures, st.LastError)
		}
		return tw.Flush()
	}
	return fmt.Errorf("%w: feeds has no subcommand %q (add, list, remove)", errUsage, sub)
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.UTC().Format("2006-01-02 15:04Z")
}

// pollFlags are the flags of fetching feeds.
type pollFlags struct {
	allowPrivate *bool
	timeout      *time.Duration
	maxBytes     *int
	hostGap      *time.Duration
}

func addPollFlags(fs *flag.FlagSet) pollFlags {
	return pollFlags{
		allowPrivate: fs.Bool("allow-private", false, "let fetches reach loopback, private and link-local addresses (refused by default)"),
		timeout:      fs.Duration("fetch-timeout", feed.DefaultTimeout, "time limit of one fetch, body included"),
		maxBytes:     fs.Int("fetch-max-bytes", feed.DefaultMaxBytes, "size limit of one fetched body, after decompression"),
		hostGap:      fs.Duration("host-gap", feed.DefaultHostGap, "least time between two requests to one host"),
	}
}

// pollFeeds polls the feeds fs keeps that are due at now, storing each new
// article as ingest does; the fetcher and the poller log to log. poll,
// ingest and the poller in serve share it.
func pollFeeds(ctx context.Context, log *slog.Logger, s store.Store, fs feedStore, pf pollFlags, now time.Time) (ingest.Summary, []feed.Report, error) {
	fetcher := feed.NewFetcher(feed.Options{AllowPrivate: *pf.allowPrivate, Timeout: *pf.timeout, MaxBytes: *pf.maxBytes,
		HostGap: *pf.hostGap, Logger: log})
	var mu sync.Mutex
	var sum ingest.Summary
	sink := func(ctx context.Context, doc analyze.Document, src feed.Source) error {
		d, _, err := ingest.Prepare(doc, analyze.Options{Now: now}, now)
		mu.Lock()
		defer mu.Unlock()
		sum.Read++
		if err != nil {
			sum.Failed++
			return err
		}
		res, err := s.Put(ctx, d)
		if err != nil {
			return err
		}
		sum.Count(res)
		return nil
	}
	p := feed.NewPoller(fetcher, fs, sink, feed.PollerOptions{Logger: log})
	reports, err := p.Poll(ctx, now)
	return sum, reports, err
}

// printReports writes one line per feed polled, and one per item that
// failed; it tells whether any feed or item failed.
func printReports(env *Env, reports []feed.Report) bool {
	bad := false
	for _, r := range reports {
		switch {
		case r.Err != nil:
			bad = true
			fmt.Fprintf(env.Stderr, "%s: %v\n", r.URL, r.Err)
		default:
			fmt.Fprintf(env.Stderr, "%s: %s, %d new, %d known; next poll %s\n", r.URL, r.Status, r.New, r.Skipped, when(r.NextPoll))
		}
		for _, it := range r.Failed {
			bad = true
			fmt.Fprintf(env.Stderr, "%s: %s\n", it.Link, it.Reason)
		}
		for _, it := range r.FromFeed {
			fmt.Fprintf(env.Stderr, "%s: stored from the feed's own text: %s\n", it.Link, it.Reason)
		}
	}
	return bad
}

func runPoll(env *Env, args []string) error {
	fs := flag.NewFlagSet("poll", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db := dbFlag(fs)
	pf := addPollFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(env.Stderr, "Usage: rasad poll [--db DSN]\n\nPolls once every followed feed that is due, and stores the new articles.")
		fs.PrintDefaults()
	}
	if help, err := parseFlags(fs, args); help || err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: poll takes no arguments (follow feeds with 'rasad feeds add URL')", errUsage)
	}
	ctx, s, closeStore, err := openForWork(db)
	if err != nil {
		return err
	}
	defer closeStore()
	sum, reports, err := pollFeeds(ctx, env.Log, s, feedStore{s: s}, pf, time.Now())
	if err != nil {
		return err
	}
	bad := printReports(env, reports)
	fmt.Fprintf(env.Stderr, "rasad poll: %d feeds polled; %d articles: %d stored (%d near-duplicates), %d already present, %d failed\n",
		len(reports), sum.Read, sum.Stored, sum.Copies, sum.Present, sum.Failed)
	if bad {
		return errFailed
	}
	return nil
}
