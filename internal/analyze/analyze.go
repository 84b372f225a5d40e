package analyze

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/coding"
	"github.com/rasad/rasad/internal/extract"
	"github.com/rasad/rasad/internal/gazetteer"
	"github.com/rasad/rasad/internal/text"
	"github.com/rasad/rasad/internal/timex"
)

// Version is the version of rasad's analysis.
const Version = "0.1.0"

// DefaultMaxBytes is the largest document analysed unless Options say
// otherwise.
const DefaultMaxBytes = 10 << 20

// Errors for documents rasad refuses.
var (
	ErrTooLarge = errors.New("document too large")
	ErrBinary   = errors.New("binary data, not text")
)

// Options tune one analysis. The zero value is ready to use.
type Options struct {
	// Lang forces the language ("fa", "ar", "en"); "" or "auto" detects it
	// unless the document says.
	Lang string
	// Published overrides the document's publication date (a date or an
	// RFC 3339 time).
	Published string
	// MaxBytes refuses larger documents; 0 means DefaultMaxBytes.
	MaxBytes int
	// Now bounds the publication dates a web page may declare about itself.
	// Zero means no bound. The analysis never reads the machine's clock.
	Now time.Time
	// Gazetteer names the actors; nil means the bundled one.
	Gazetteer *gazetteer.Gazetteer
}

// Analyze reads one document. It fails only for documents it refuses (too
// large, binary, an unreadable publication date, a page without text); an
// empty document gives an analysis with empty lists.
func Analyze(doc Document, opts Options) (*Analysis, error) {
	maxBytes := opts.MaxBytes
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBytes
	}
	if n := len(doc.Text) + len(doc.HTML); n > maxBytes {
		return nil, fmt.Errorf("%w: %d bytes, over the limit of %d", ErrTooLarge, n, maxBytes)
	}
	for _, s := range []string{doc.Text, doc.HTML} {
		if IsBinary([]byte(s)) {
			return nil, ErrBinary
		}
	}
	a := &Analysis{
		ID:       doc.ID,
		URL:      doc.URL,
		Entities: []Entity{},
		Dates:    []Date{},
		Events:   []Event{},
		Analyzer: Analyzer{Version: Version, KeyVersion: text.KeyVersion},
	}
	raw, title := doc.Text, doc.Title
	var page extract.Page
	if raw == "" && doc.HTML != "" {
		var err error
		page, err = extract.HTML([]byte(doc.HTML), extract.Options{URL: doc.URL, Now: opts.Now})
		if err != nil {
			return nil, fmt.Errorf("reading HTML: %w", err)
		}
		raw = page.Text
		if title == "" {
			title = page.Title
		}
	}
	display, rep := text.Display(raw)
	if rep.InvalidUTF8 > 0 {
		a.Warnings = append(a.Warnings, fmt.Sprintf("repaired %d invalid UTF-8 sequence(s)", rep.InvalidUTF8))
	}
	a.Text = display
	if title != "" {
		t, _ := text.Display(strings.TrimSpace(title))
		a.Title = &t
	} else if t, ok := guessTitle(display); ok {
		a.Title = &t
	}
	a.Lang = pickLanguage(opts.Lang, doc.Lang, display)
	if a.ID == "" {
		a.ID = documentID(doc.URL, display)
	}

	k := text.Key(display)
	mentions := timex.Find(display, k, a.Lang)
	pos := newRuneIndex(display)

	anchor, err := publication(a, doc, opts, page, display, k, mentions, pos)
	if err != nil {
		return nil, err
	}
	resolved := timex.Resolve(mentions, anchor)
	for _, d := range resolved {
		a.Dates = append(a.Dates, Date{
			Start: pos.at(d.Start), End: pos.at(d.End), Text: d.Text,
			Value: d.Value, Calendar: d.Calendar.String(), Granularity: d.Granularity,
			ValueEnd: d.ValueEnd, Time: d.Time, TZ: d.TZ,
			Relative: d.Relative, InferredYear: d.InferredYear, Typo: d.Typo,
		})
	}
	g := opts.Gazetteer
	if g == nil {
		if g, err = gazetteer.Bundled(); err != nil {
			return nil, fmt.Errorf("loading the gazetteer: %w", err)
		}
	}
	found := g.Match(display, k, gazetteer.Options{Lang: a.Lang, Date: documentDate(anchor, a.Dates)})
	a.Entities = entities(found, display, pos)
	sentences := text.Sentences(display)
	a.Sentences = []Span{}
	for _, s := range sentences {
		a.Sentences = append(a.Sentences, Span{Start: pos.at(s.Start), End: pos.at(s.End)})
	}
	events, err := coding.Code(coding.Input{Display: display, Key: k, Lang: a.Lang, Sentences: sentences,
		Mentions: found, Dates: resolved, Anchor: anchor, Gazetteer: g})
	if err != nil {
		return nil, fmt.Errorf("coding events: %w", err)
	}
	for _, ev := range events {
		a.Events = append(a.Events, contractEvent(ev, display, pos))
	}
	return a, nil
}

// publication settles the publication date: the caller's or the document's
// own field, else the text's dateline, else the date the web page declares,
// else the URL. It returns the anchor for relative dates (zero if none).
func publication(a *Analysis, doc Document, opts Options, page extract.Page, display string, k *text.Keyed, ms []timex.Mention, pos runeIndex) (time.Time, error) {
	a.PublishedSource = "none"
	given := opts.Published
	if given == "" {
		given = doc.Published
	}
	if given != "" {
		day, clock, err := ParseDate(given)
		if err != nil {
			return time.Time{}, fmt.Errorf("reading published %q: %w", given, err)
		}
		a.setPublished(day, "input")
		a.PublishedTime = clock
		return day, nil
	}
	if p, ok := timex.Dateline(display, k, a.Lang, ms); ok {
		a.setPublished(p.Day, "dateline")
		a.PublishedEvidence = &Span{Start: pos.at(p.Start), End: pos.at(p.End), Text: display[p.Start:p.End]}
		if p.Time != "" {
			a.PublishedTime = p.Day.Format("2006-01-02") + "T" + p.Time + ":00" + p.TZ
		}
		return p.Day, nil
	}
	if !page.Published.IsZero() {
		day := time.Date(page.Published.Year(), page.Published.Month(), page.Published.Day(), 0, 0, 0, 0, time.UTC)
		a.setPublished(day, "dateline")
		if page.HasTime {
			a.PublishedTime = page.Published.Format(time.RFC3339)
		}
		return day, nil
	}
	if day, ok := timex.FromURL(doc.URL); ok {
		a.setPublished(day, "url")
		return day, nil
	}
	return time.Time{}, nil
}

func (a *Analysis) setPublished(day time.Time, source string) {
	s := day.Format("2006-01-02")
	a.Published, a.PublishedSource = &s, source
}

// contractEvent converts a coded event to the contract's shape.
func contractEvent(ev coding.Event, display string, pos runeIndex) Event {
	out := Event{Type: ev.Type, Actors: ev.Actors, Recipients: ev.Recipients, Confidence: ev.Confidence,
		Evidence: Span{Start: pos.at(ev.Start), End: pos.at(ev.End), Text: display[ev.Start:ev.End]},
		Pattern:  ev.Pattern, Primary: ev.Primary, Contexts: ev.Contexts}
	if ev.Mode != "" {
		out.Mode = &ev.Mode
	}
	if ev.Date != "" {
		out.Date = &ev.Date
	}
	if ev.Location != "" {
		out.Location = &ev.Location
	}
	if out.Actors == nil {
		out.Actors = []string{}
	}
	if out.Recipients == nil {
		out.Recipients = []string{}
	}
	return out
}

// documentDate is the day the report speaks of, for resolving role phrases:
// its publication date, else the latest full date it states.
func documentDate(anchor time.Time, dates []Date) time.Time {
	if !anchor.IsZero() {
		return anchor
	}
	var latest time.Time
	for _, d := range dates {
		if d.Granularity != "day" || d.Relative {
			continue
		}
		if t, err := time.Parse("2006-01-02", d.Value); err == nil && t.After(latest) {
			latest = t
		}
	}
	return latest
}

// entities groups mentions by entity, in order of first mention.
func entities(ms []gazetteer.Mention, display string, pos runeIndex) []Entity {
	out := []Entity{}
	at := map[string]int{}
	for _, m := range ms {
		i, ok := at[m.Entity.ID]
		if !ok {
			i = len(out)
			at[m.Entity.ID] = i
			country := m.Entity.Country
			if country == "" {
				country = m.Entity.In
			}
			out = append(out, Entity{ID: m.Entity.ID, Name: m.Entity.Name, Kind: m.Entity.Kind, QID: m.Entity.QID, Country: country, Mentions: []Mention{}})
		}
		out[i].Mentions = append(out[i].Mentions, Mention{Start: pos.at(m.Start), End: pos.at(m.End), Text: display[m.Start:m.End], How: m.How})
	}
	return out
}

// ParseDate reads a publication date given as YYYY-MM-DD or RFC 3339, and
// returns the day and, for a time, the time as written.
func ParseDate(s string) (time.Time, string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, "", nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			return day, s, nil
		}
	}
	return time.Time{}, "", errors.New("want a date (2021-11-01) or an RFC 3339 time (2021-11-01T23:56:00+03:30)")
}

func pickLanguage(forced, declared, display string) string {
	if forced != "" && forced != "auto" {
		return forced
	}
	if declared != "" {
		return declared
	}
	return text.DetectLanguage(display)
}

// documentID derives an id from the URL, else from the text's key.
func documentID(u, display string) string {
	if u != "" {
		sum := sha256.Sum256([]byte(strings.TrimSpace(u)))
		return "u-" + hex.EncodeToString(sum[:8])
	}
	sum := sha256.Sum256([]byte(text.KeyOf(display)))
	return "t-" + hex.EncodeToString(sum[:8])
}

// IsBinary reports whether data looks like a binary file rather than text:
// NUL bytes, or many control bytes, in its first 8 KB.
func IsBinary(data []byte) bool {
	head := data[:min(len(data), 8<<10)]
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctrl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			ctrl++
		}
	}
	return len(head) > 0 && ctrl*20 > len(head)
}

// runeIndex converts byte offsets of a text to code point offsets.
type runeIndex struct {
	s      string
	ascii  bool
	byByte []int32
}

func newRuneIndex(s string) runeIndex {
	ri := runeIndex{s: s, ascii: true}
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ri.ascii = false
			break
		}
	}
	if ri.ascii {
		return ri
	}
	ri.byByte = make([]int32, len(s)+1)
	n := int32(0)
	for i := 0; i < len(s); {
		_, w := utf8.DecodeRuneInString(s[i:])
		for j := 0; j < w; j++ {
			ri.byByte[i+j] = n
		}
		i += w
		n++
	}
	ri.byByte[len(s)] = n
	return ri
}

func (ri runeIndex) at(b int) int {
	if ri.ascii {
		return b
	}
	return int(ri.byByte[b])
}
