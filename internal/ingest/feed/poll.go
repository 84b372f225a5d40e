package feed

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/rasad/rasad/internal/analyze"
	"github.com/rasad/rasad/internal/extract"
)

// Store keeps the feeds' states and knows which articles are stored
// already. The store package implements it.
type Store interface {
	// Feeds returns every feed's state.
	Feeds(ctx context.Context) ([]State, error)
	// SaveFeed stores a feed's state, by its URL.
	SaveFeed(ctx context.Context, s State) error
	// HasURL reports whether an article with this normalised URL is stored.
	HasURL(ctx context.Context, url string) (bool, error)
}

// Source says where a document handed to the Sink came from.
type Source struct {
	Feed      string // the feed's URL
	FeedTitle string
	GUID      string // the item's id in the feed
	// FromPage tells that the text was extracted from the article's page.
	// Otherwise it is the feed item's own content (or summary), and
	// Fallback says why the page was not used.
	FromPage bool
	Fallback string
}

// Sink receives each new article. An error fails that article only.
type Sink func(ctx context.Context, doc analyze.Document, src Source) error

// Report statuses.
const (
	StatusOK          = "ok"
	StatusNotModified = "not-modified"
	StatusFailed      = "failed"
)

// Report is what polling one feed did.
type Report struct {
	URL        string
	Status     string // StatusOK, StatusNotModified or StatusFailed
	HTTPStatus int    // 0 when no response came
	// New counts the articles handed to the sink; Skipped the items stored
	// already (or repeated in the feed); Dropped those past MaxItems.
	New, Skipped, Dropped int
	// Failed lists the items that were not handed to the sink, and why.
	Failed []ItemReport
	// FromFeed lists the new articles whose page could not be used, handed
	// to the sink with the feed's own content instead, and why.
	FromFeed []ItemReport
	// Err is why the feed could not be polled (or its state saved).
	Err      error
	NextPoll time.Time
}

// ItemReport names an item and what happened to it.
type ItemReport struct {
	Link, Title, Reason string
}

// PollerOptions configure a Poller. The zero value is ready to use.
type PollerOptions struct {
	// Workers bounds how many hosts' feeds are polled at once; 0 means 4.
	Workers int
	// Policy bounds the schedule.
	Policy Policy
	// Logger receives a line per feed polled; nil means none.
	Logger *slog.Logger
}

// Poller polls the feeds of a Store and hands new articles to a Sink.
type Poller struct {
	fetch   *Fetcher
	store   Store
	sink    Sink
	workers int
	policy  Policy
	log     *slog.Logger
}

// NewPoller returns a Poller fetching with f, keeping state in s and handing
// articles to sink.
func NewPoller(f *Fetcher, s Store, sink Sink, opts PollerOptions) *Poller {
	p := &Poller{fetch: f, store: s, sink: sink, workers: opts.Workers, policy: opts.Policy, log: opts.Logger}
	if p.workers <= 0 {
		p.workers = 4
	}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	return p
}

// Accept headers.
const (
	acceptFeed = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
	acceptPage = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
)

// Poll polls every feed due at now and returns a report for each, in the
// store's order. Feeds of different hosts are polled at once, up to the
// workers; the feeds of one host one after another. A feed that fails
// does not stop the others; Poll fails only when the feeds cannot be
// listed.
func (p *Poller) Poll(ctx context.Context, now time.Time) ([]Report, error) {
	feeds, err := p.store.Feeds(ctx)
	if err != nil {
		return nil, fmt.Errorf("listing feeds: %w", err)
	}
	var due []State
	for _, s := range feeds {
		if s.Due(now) {
			due = append(due, s)
		}
	}
	groups := map[string][]int{}
	var hosts []string
	for i, s := range due {
		h := hostOf(s.URL)
		if _, ok := groups[h]; !ok {
			hosts = append(hosts, h)
		}
		groups[h] = append(groups[h], i)
	}
	reports := make([]Report, len(due))
	work := make(chan []int)
	var wg sync.WaitGroup
	for range min(p.workers, len(hosts)) {
		wg.Go(func() {
			for group := range work {
				for _, i := range group {
					reports[i] = p.pollFeed(ctx, due[i], now)
				}
			}
		})
	}
	for _, h := range hosts {
		work <- groups[h]
	}
	close(work)
	wg.Wait()
	return reports, nil
}

// hostOf is the host a feed is polled from, for grouping.
func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Hostname() != "" {
		return strings.ToLower(u.Hostname())
	}
	return raw
}

// pollFeed polls one feed, hands its new items to the sink and saves its
// next state. When ctx ends, the state is left as it was.
func (p *Poller) pollFeed(ctx context.Context, st State, now time.Time) Report {
	rep := Report{URL: st.URL}
	resp, err := p.fetch.Fetch(ctx, Request{URL: st.URL, ETag: st.ETag, LastModified: st.LastModified, Accept: acceptFeed, Now: now})
	var out Outcome
	var feed Feed
	complete := true
	switch {
	case err != nil:
		out.Err = err
		var re *RetryError
		var se *StatusError
		if errors.As(err, &re) {
			out.RetryAfter, out.Status = re.Wait, re.Status
		} else if errors.As(err, &se) {
			out.Status = se.Status
		}
	case resp.NotModified:
		out.NotModified, out.Status = true, resp.Status
	default:
		out.Status = resp.Status
		feed, err = Parse(resp.Body, resp.URL)
		if err != nil {
			if resp.URL != st.URL {
				err = fmt.Errorf("feed %s, redirected: %w", st.URL, err)
			}
			out.Err = err
			break
		}
		rep.Dropped = feed.Dropped
		title := feed.Title
		if title == "" {
			title = st.Title
		}
		out.New, complete = p.items(ctx, st.URL, title, feed.Items, now, &rep)
	}
	if ctx.Err() != nil {
		rep.Status, rep.Err = StatusFailed, fmt.Errorf("polling %s: %w", st.URL, ctx.Err())
		return rep
	}

	next := Next(st, out, now, p.policy)
	switch {
	case out.Err != nil:
	case resp.NotModified:
		next.ETag = cmp.Or(resp.ETag, st.ETag)
		next.LastModified = cmp.Or(resp.LastModified, st.LastModified)
	case complete:
		next.ETag, next.LastModified = resp.ETag, resp.LastModified
	default:
		// Items are left to retry: the next poll fetches the feed in full.
		next.ETag, next.LastModified = "", ""
	}
	if feed.Title != "" {
		next.Title = feed.Title
	}
	rep.HTTPStatus, rep.Err, rep.NextPoll = out.Status, out.Err, next.NextPoll
	switch {
	case out.Err != nil:
		rep.Status = StatusFailed
	case out.NotModified:
		rep.Status = StatusNotModified
	default:
		rep.Status = StatusOK
	}
	if err := p.store.SaveFeed(ctx, next); err != nil {
		rep.Status, rep.Err = StatusFailed, errors.Join(rep.Err, fmt.Errorf("saving feed %s: %w", st.URL, err))
	}
	if rep.Err != nil {
		p.log.Warn("feed poll failed", "url", st.URL, "err", rep.Err, "next", rep.NextPoll)
	} else {
		p.log.Info("feed polled", "url", st.URL, "status", rep.Status, "new", rep.New, "skipped", rep.Skipped,
			"failed", len(rep.Failed), "from_feed", len(rep.FromFeed), "next", rep.NextPoll)
	}
	return rep
}

// items hands the feed's new items to the sink. It returns how many items
// were new, and whether every item was dealt with for good (no failure that
// a later poll might get past).
func (p *Poller) items(ctx context.Context, feedURL, feedTitle string, items []Item, now time.Time, rep *Report) (fresh int, complete bool) {
	complete = true
	seen := map[string]bool{}
	fail := func(it Item, link, reason string) {
		rep.Failed = append(rep.Failed, ItemReport{Link: link, Title: it.Title, Reason: reason})
	}
	for _, it := range items {
		if ctx.Err() != nil {
			return fresh, false
		}
		if it.Link == "" {
			fail(it, it.RawLink, fmt.Sprintf("no usable link (%q)", it.RawLink))
			continue
		}
		if seen[it.Link] {
			rep.Skipped++
			continue
		}
		seen[it.Link] = true
		known, err := p.store.HasURL(ctx, it.Link)
		if err != nil {
			fail(it, it.Link, fmt.Sprintf("looking up %s: %v", it.Link, err))
			complete = false
			continue
		}
		if known {
			rep.Skipped++
			continue
		}
		fresh++
		doc, src := p.document(ctx, feedURL, feedTitle, it, now)
		if ctx.Err() != nil {
			return fresh, false
		}
		if strings.TrimSpace(doc.Text) == "" {
			fail(it, it.Link, src.Fallback+"; the item has no content of its own")
			complete = false
			continue
		}
		if err := p.sink(ctx, doc, src); err != nil {
			fail(it, it.Link, fmt.Sprintf("handing over %s: %v", it.Link, err))
			complete = false
			continue
		}
		rep.New++
		if !src.FromPage {
			rep.FromFeed = append(rep.FromFeed, ItemReport{Link: it.Link, Title: it.Title, Reason: src.Fallback})
		}
	}
	return fresh, complete
}

// document makes the document of a new item: the main text, title and
// date of its page, with the item's title and date where the page has
// none; or, when the page cannot be fetched or read, the item's own
// content or summary as text.
func (p *Poller) document(ctx context.Context, feedURL, feedTitle string, it Item, now time.Time) (analyze.Document, Source) {
	src := Source{Feed: feedURL, FeedTitle: feedTitle, GUID: it.GUID}
	doc := analyze.Document{URL: it.Link, Title: it.Title, Source: feedTitle}
	if !it.Published.IsZero() {
		doc.Published = it.Published.Format(time.RFC3339)
	}
	page, err := p.page(ctx, it.Link, now)
	if err != nil {
		src.Fallback = err.Error()
		doc.Text = htmlText(it.Content)
		if doc.Text == "" {
			doc.Text = htmlText(it.Summary)
		}
		return doc, src
	}
	src.FromPage = true
	doc.Text = page.Text
	if page.Title != "" {
		doc.Title = page.Title
	}
	switch {
	case page.Published.IsZero():
	case page.HasTime:
		doc.Published = page.Published.Format(time.RFC3339)
	case sameDay(page.Published, it.Published):
		// The item's time of the page's day: more precise.
	default:
		doc.Published = page.Published.Format("2006-01-02")
	}
	return doc, src
}

// sameDay reports whether the date of day (no time) is the date t has
// where it was written.
func sameDay(day, t time.Time) bool {
	y1, m1, d1 := day.Date()
	y2, m2, d2 := t.Date()
	return !t.IsZero() && y1 == y2 && m1 == m2 && d1 == d2
}

// page fetches an article's page and extracts it.
func (p *Poller) page(ctx context.Context, link string, now time.Time) (extract.Page, error) {
	resp, err := p.fetch.Fetch(ctx, Request{URL: link, Accept: acceptPage, Now: now})
	if err != nil {
		return extract.Page{}, err
	}
	if !isHTML(resp.ContentType) {
		return extract.Page{}, fmt.Errorf("fetching %s: %q is not a web page", link, resp.ContentType)
	}
	page, err := extract.HTML(resp.Body, extract.Options{URL: resp.URL, ContentType: resp.ContentType, Now: now})
	if err != nil {
		return page, fmt.Errorf("extracting %s: %w", link, err)
	}
	return page, nil
}

// isHTML reports whether a Content-Type is a web page's (or not given).
func isHTML(contentType string) bool {
	if contentType == "" {
		return true
	}
	t, _, err := mime.ParseMediaType(contentType)
	return err == nil && (t == "text/html" || t == "application/xhtml+xml")
}
