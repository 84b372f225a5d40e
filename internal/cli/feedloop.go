package cli

import (
	"context"
	"log/slog"
	"time"

	"github.com/rasad/rasad/internal/ingest/feed"
	"github.com/rasad/rasad/internal/store"
)

// feedLoop is the poller inside serve: it polls the followed feeds that
// are due, as 'rasad poll' does, then waits until the next one is due,
// within [minWait, maxWait], until its context ends.
type feedLoop struct {
	log              *slog.Logger
	s                store.Store
	pf               pollFlags
	now              func() time.Time
	minWait, maxWait time.Duration
}

// run polls until ctx ends; a poll in progress stops with ctx.
func (l feedLoop) run(ctx context.Context) {
	fs := feedStore{s: l.s}
	for {
		l.poll(ctx, fs)
		wait := l.maxWait
		if states, err := fs.Feeds(ctx); err == nil {
			wait = untilDue(states, l.now(), l.minWait, l.maxWait)
		} else if ctx.Err() == nil {
			l.log.Warn("reading the feeds' schedule", "err", err)
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
}

// poll polls once and logs what came of it.
func (l feedLoop) poll(ctx context.Context, fs feedStore) {
	start := time.Now()
	sum, reports, err := pollFeeds(ctx, l.log, l.s, fs, l.pf, l.now())
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		l.log.Error("polling feeds", "err", err)
		return
	}
	for _, r := range reports {
		for _, it := range r.Failed {
			l.log.Warn("feed item failed", "feed", r.URL, "link", it.Link, "reason", it.Reason)
		}
		for _, it := range r.FromFeed {
			l.log.Info("feed item stored from the feed's own text", "feed", r.URL, "link", it.Link, "reason", it.Reason)
		}
	}
	if len(reports) == 0 {
		l.log.Debug("no feed due")
		return
	}
	l.log.Info("feeds polled", "feeds", len(reports), "articles", sum.Read, "stored", sum.Stored, "copies", sum.Copies,
		"present", sum.Present, "failed", sum.Failed, "events", sum.Events, "took", time.Since(start).Round(time.Millisecond))
}

// untilDue is the wait until the first of the feeds is due at now, within
// [minWait, maxWait] (maxWait when none is followed).
func untilDue(states []feed.State, now time.Time, minWait, maxWait time.Duration) time.Duration {
	wait := maxWait
	for _, st := range states {
		wait = min(wait, st.NextPoll.Sub(now))
	}
	return max(wait, minWait)
}
