package feed

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/rasad/rasad/internal/ingest"
)

// MaxItems is the most items read from one feed; the rest are counted in
// Feed.Dropped.
const MaxItems = 500

// Feed is a parsed feed.
type Feed struct {
	Title string
	// Link is the site the feed belongs to, as written.
	Link string
	// Language is the language the feed declares, as written ("fa-IR").
	Language string
	Items    []Item
	// Dropped counts the items past MaxItems, not read.
	Dropped int
}

// Item is one entry of a feed.
type Item struct {
	// GUID is the item's id (RSS guid, Atom id, JSON Feed id), as written.
	GUID string
	// Link is the article's address, resolved against the feed's URL and
	// normalised (ingest.NormalizeURL); "" when the item has none usable.
	Link string
	// RawLink is the address as the feed wrote it.
	RawLink string
	Title   string
	// Published is when the item was published, else last updated; zero
	// when the feed says neither.
	Published time.Time
	// Summary and Content are HTML, as the feed gives them.
	Summary, Content string
}

// Parse reads an RSS, Atom or JSON feed fetched from feedURL. A feed that
// cannot be read is an error naming feedURL.
func Parse(data []byte, feedURL string) (feed Feed, err error) {
	defer func() {
		// The parser reads untrusted input: a panic in it fails this feed,
		// not the poller.
		if r := recover(); r != nil {
			feed, err = Feed{}, fmt.Errorf("parsing feed %s: parser failed: %v", feedURL, r)
		}
	}()
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		return Feed{}, fmt.Errorf("parsing feed %s: %w", feedURL, err)
	}
	base, err := url.Parse(feedURL)
	if err != nil {
		base = nil
	}
	feed = Feed{
		Title:    clean(gf.Title),
		Link:     strings.TrimSpace(gf.Link),
		Language: strings.TrimSpace(gf.Language),
	}
	for _, gi := range gf.Items {
		if gi == nil {
			continue
		}
		if len(feed.Items) == MaxItems {
			feed.Dropped++
			continue
		}
		it := Item{
			GUID:    strings.TrimSpace(gi.GUID),
			RawLink: itemLink(gi),
			Title:   clean(gi.Title),
			Summary: gi.Description,
			Content: gi.Content,
		}
		it.Link = resolve(base, it.RawLink)
		switch {
		case gi.PublishedParsed != nil:
			it.Published = withZone(*gi.PublishedParsed, gi.Published)
		case gi.UpdatedParsed != nil:
			it.Published = withZone(*gi.UpdatedParsed, gi.Updated)
		}
		feed.Items = append(feed.Items, it)
	}
	return feed, nil
}

// itemLink is the item's link, else its first other link, else its GUID
// when that is a web address (an RSS guid is a permalink by default).
func itemLink(gi *gofeed.Item) string {
	if l := strings.TrimSpace(gi.Link); l != "" {
		return l
	}
	for _, l := range gi.Links {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	g := strings.TrimSpace(gi.GUID)
	if lower := strings.ToLower(g); strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") {
		return g
	}
	return ""
}

// resolve resolves raw against base and normalises it, or returns "".
func resolve(base *url.URL, raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	n, err := ingest.NormalizeURL(u.String())
	if err != nil {
		return ""
	}
	return n
}

// zoneLayouts are the common feed date forms, to read their zone.
var zoneLayouts = []string{time.RFC3339, time.RFC1123Z, time.RFC1123, time.RFC822Z, "Mon, 2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700"}

// withZone gives t (which the feed parser gives in UTC) the zone of the
// date as written, when that is a common form for the same instant, so the
// local time of publication is kept.
func withZone(t time.Time, written string) time.Time {
	written = strings.TrimSpace(written)
	for _, layout := range zoneLayouts {
		if w, err := time.Parse(layout, written); err == nil && w.Equal(t) {
			return w
		}
	}
	return t
}

// clean trims a title and folds its runs of white space.
func clean(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
