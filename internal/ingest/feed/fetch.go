package feed

import (
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"syscall"
	"time"

	"github.com/rasad/rasad/internal/ingest"
)

// Defaults of Options.
const (
	DefaultMaxBytes     = 8 << 20
	DefaultTimeout      = 30 * time.Second
	DefaultMaxRedirects = 5
	DefaultHostGap      = time.Second
	DefaultUserAgent    = "rasad (news feed reader)"
)

// Options configure a Fetcher. The zero value is ready to use and safe for
// untrusted URLs.
type Options struct {
	// UserAgent is sent with every request; "" means DefaultUserAgent.
	UserAgent string
	// MaxBytes bounds a body after decompression; 0 means DefaultMaxBytes.
	MaxBytes int
	// Timeout bounds a whole request: connecting, redirects, headers and
	// body. 0 means DefaultTimeout.
	Timeout time.Duration
	// MaxRedirects is how many redirects are followed; 0 means
	// DefaultMaxRedirects, a negative value none.
	MaxRedirects int
	// HostGap is the least time between the end of one request to a host
	// and the start of the next; 0 means DefaultHostGap, a negative value
	// none. One request at a time is in flight to a host whatever the gap.
	HostGap time.Duration
	// AllowPrivate lets requests reach loopback, private, link-local and
	// other non-public addresses (for tests and intranet feeds).
	AllowPrivate bool
	// Logger receives one debug line per request; nil means none.
	Logger *slog.Logger
}

// Request is one GET.
type Request struct {
	URL string
	// ETag and LastModified, from an earlier response, make the request
	// conditional: an unchanged resource answers 304 (NotModified).
	ETag, LastModified string
	// Accept is the Accept header; "" sends none.
	Accept string
	// Now is the time the caller is at, to read a Retry-After date.
	Now time.Time
}

// Response is a successful fetch: a 2xx with its body, or a 304.
type Response struct {
	// URL is where the body came from, after redirects.
	URL    string
	Status int
	// NotModified reports a 304: the resource has not changed since the
	// ETag or Last-Modified sent; Body is empty.
	NotModified bool
	Body        []byte // decompressed
	ContentType string
	// ETag and LastModified are the validators to send next time.
	ETag, LastModified string
}

// Fetcher fetches untrusted URLs safely. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
	hosts  *hostGate
	log    *slog.Logger
}

// NewFetcher returns a Fetcher with the options, defaults filled in.
func NewFetcher(opts Options) *Fetcher {
	check := checkAddress
	if opts.AllowPrivate {
		check = nil
	}
	return newFetcher(opts, check)
}

// newFetcher returns a Fetcher whose dialler refuses the addresses check
// refuses (nil: none).
func newFetcher(opts Options, check func(address string) error) *Fetcher {
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	switch {
	case opts.MaxRedirects == 0:
		opts.MaxRedirects = DefaultMaxRedirects
	case opts.MaxRedirects < 0:
		opts.MaxRedirects = 0
	}
	switch {
	case opts.HostGap == 0:
		opts.HostGap = DefaultHostGap
	case opts.HostGap < 0:
		opts.HostGap = 0
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	dialer := &net.Dialer{Timeout: min(opts.Timeout, 10*time.Second), KeepAlive: 30 * time.Second}
	if check != nil {
		dialer.ControlContext = func(_ context.Context, _, address string, _ syscall.RawConn) error {
			return check(address)
		}
	}
	transport := &http.Transport{
		// No proxy: the dial check must see the address of the server
		// itself.
		Proxy:                  nil,
		DialContext:            dialer.DialContext,
		ForceAttemptHTTP2:      true,
		TLSHandshakeTimeout:    min(opts.Timeout, 10*time.Second),
		ResponseHeaderTimeout:  opts.Timeout,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        90 * time.Second,
		MaxResponseHeaderBytes: 64 << 10,
		// Bodies are decompressed here, under the size limit.
		DisableCompression: true,
	}
	f := &Fetcher{opts: opts, hosts: newHostGate(opts.HostGap), log: log}
	f.client = &http.Client{Transport: transport, Timeout: opts.Timeout, CheckRedirect: f.checkRedirect}
	return f
}

// checkRedirect follows at most MaxRedirects redirects, to http or https.
func (f *Fetcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > f.opts.MaxRedirects {
		return fmt.Errorf("%w (over %d)", ErrTooManyRedirects, f.opts.MaxRedirects)
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("redirect to %s: %w", req.URL.Redacted(), ErrScheme)
	}
	return nil
}

// Fetch GETs r.URL. It waits for the host's turn first. A 304 is a Response
// with NotModified; a 429 or 503 with Retry-After is a *RetryError, any
// other non-2xx status a *StatusError; every error names the URL.
func (f *Fetcher) Fetch(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", r.URL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("fetching %s: %w", r.URL, ErrScheme)
	}
	if u.Hostname() == "" {
		return nil, fmt.Errorf("fetching %s: no host", r.URL)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, fmt.Errorf("fetching %s: %w", r.URL, err)
	}
	req.Header.Set("User-Agent", f.opts.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip")
	if r.Accept != "" {
		req.Header.Set("Accept", r.Accept)
	}
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}

	release, err := f.hosts.acquire(ctx, strings.ToLower(u.Hostname()))
	if err != nil {
		return nil, fmt.Errorf("fetching %s: waiting for the host's turn: %w", r.URL, err)
	}
	defer release()
	start := time.Now()
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, f.failure(ctx, r.URL, err)
	}
	defer resp.Body.Close()
	f.log.Debug("fetched", "url", r.URL, "status", resp.StatusCode, "took", time.Since(start))

	res := &Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch code := resp.StatusCode; {
	case code == http.StatusNotModified:
		res.NotModified = true
		return res, nil
	case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
		if wait, ok := retryAfter(resp.Header.Get("Retry-After"), r.Now); ok {
			return nil, &RetryError{URL: r.URL, Status: code, Wait: wait}
		}
		return nil, &StatusError{URL: r.URL, Status: code}
	case code < 200 || code > 299:
		return nil, &StatusError{URL: r.URL, Status: code}
	}
	res.Body, err = f.body(resp)
	if err != nil {
		return nil, f.failure(ctx, r.URL, fmt.Errorf("reading the body: %w", err))
	}
	return res, nil
}

// failure wraps the error of a request to raw, naming a redirect's target
// and marking a timeout as ErrTimeout.
func (f *Fetcher) failure(ctx context.Context, raw string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.URL != raw {
			err = fmt.Errorf("redirected to %s: %w", ue.URL, ue.Err)
		} else {
			err = ue.Err
		}
	}
	if ctx.Err() == nil && isTimeout(err) {
		return fmt.Errorf("fetching %s: %w after %s (%w)", raw, ErrTimeout, f.opts.Timeout, err)
	}
	return fmt.Errorf("fetching %s: %w", raw, err)
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}

// body reads a response body, decompressing gzip, bounded by MaxBytes both
// as sent and as decompressed.
func (f *Fetcher) body(resp *http.Response) ([]byte, error) {
	limit := f.opts.MaxBytes
	if resp.ContentLength > int64(limit) {
		return nil, fmt.Errorf("%w of %d bytes (Content-Length %d)", ErrTooLarge, limit, resp.ContentLength)
	}
	var r io.Reader = &capReader{r: resp.Body, left: int64(limit)}
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("reading gzip: %w", err)
		}
		defer zr.Close()
		r = zr
	default:
		return nil, fmt.Errorf("unsupported Content-Encoding %q", enc)
	}
	return ingest.ReadAll(r, limit)
}

// capReader fails with ErrTooLarge once more than left bytes are read, so
// that a compressed stream cannot be endless either.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, fmt.Errorf("compressed body %w", ErrTooLarge)
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n, fmt.Errorf("compressed body %w", ErrTooLarge)
	}
	return n, err
}
