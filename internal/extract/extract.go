// Package extract turns a news web page into what rasad analyses: its main
// text, its title and, as a fallback for the text's own dateline, the
// publication date the page declares. Main text and title come from
// go-trafilatura, the date from go-htmldate; pages in legacy encodings
// (Windows-1256 and others) are decoded to UTF-8 first.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// Page is what a web page holds for rasad.
type Page struct {
	Title string
	Text  string
	// Published is the date the page declares (metadata, JSON-LD, URL…), or
	// zero.
	Published time.Time
	// HasTime tells whether Published carries a time of day.
	HasTime bool
	// Encoding names the character encoding the page was decoded from.
	Encoding string
}

// Options tunes extraction. The zero value is ready to use.
type Options struct {
	// URL is the page's address, used to resolve its date.
	URL string
	// ContentType is the HTTP Content-Type header, if any, for the charset.
	ContentType string
	// Now bounds the dates the page may declare (no publication date after
	// it). Zero means no bound before the year 2100: extraction never reads
	// the machine's clock itself.
	Now time.Time
}

// ErrNoText is returned when a page has no main text.
var ErrNoText = errors.New("no main text found in the page")

// HTML extracts a page. It fails only when the page has no readable text.
func HTML(raw []byte, opts Options) (Page, error) {
	var p Page
	body, enc := Decode(raw, opts.ContentType)
	p.Encoding = enc
	maxDate := opts.Now
	if maxDate.IsZero() {
		maxDate = time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	dateOpts := htmldate.Options{URL: opts.URL, UseOriginalDate: true, SkipExtensiveSearch: true, MaxDate: maxDate}
	date, err := htmldate.FromReader(strings.NewReader(body), dateOpts)
	if err == nil && !date.IsZero() {
		p.Published, p.HasTime = date.DateTime, date.HasTime
	}
	topts := trafilatura.Options{
		EnableFallback:   true,
		ExcludeComments:  true,
		HtmlDateOverride: &date,
	}
	if u, err := url.Parse(opts.URL); err == nil && opts.URL != "" {
		topts.OriginalURL = u
	}
	res, err := trafilatura.Extract(strings.NewReader(body), topts)
	if err != nil {
		return p, fmt.Errorf("extracting main text: %w", err)
	}
	if res == nil {
		return p, ErrNoText
	}
	p.Title = strings.TrimSpace(res.Metadata.Title)
	// The fallback extractors return the title of an empty page as its text.
	if body := strings.TrimSpace(res.ContentText); body == "" || body == p.Title {
		return p, ErrNoText
	}
	p.Text = res.ContentText
	return p, nil
}

// Decode returns a page as UTF-8 and the name of the encoding it came in.
// Valid UTF-8 is kept; otherwise the Content-Type and <meta> charset decide,
// and a page that declares nothing is read as Windows-1256 when that yields
// Arabic letters, else as Windows-1252.
func Decode(raw []byte, contentType string) (string, string) {
	if utf8.Valid(raw) {
		return string(raw), "utf-8"
	}
	enc, name, certain := charset.DetermineEncoding(raw, contentType)
	if !certain || name == "windows-1252" {
		if s, err := charmap.Windows1256.NewDecoder().Bytes(raw); err == nil && arabicShare(s) > 0.6 {
			return string(s), "windows-1256"
		}
	}
	s, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return string(bytes.ToValidUTF8(raw, []byte("\uFFFD"))), "utf-8"
	}
	return string(s), name
}

// arabicShare is the share of Arabic-script characters among the non-ASCII
// characters of b: high when a legacy Arabic page is decoded right.
func arabicShare(b []byte) float64 {
	var arabic, letters int
	for _, r := range string(b) {
		if r < 0x80 {
			continue
		}
		letters++
		if r >= 0x0600 && r <= 0x06ff {
			arabic++
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(arabic) / float64(letters)
}
