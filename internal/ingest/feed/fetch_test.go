package feed

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testOptions are fetch options for servers on loopback: private addresses
// allowed, no gap between requests, a short timeout.
func testOptions() Options {
	return Options{AllowPrivate: true, HostGap: -1, Timeout: 2 * time.Second}
}

var now = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func TestFetchConditional(t *testing.T) {
	const etag, lastMod = `"v1"`, "Sun, 01 Mar 2026 10:00:00 GMT"
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag && r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, "<rss/>")
	}))
	defer srv.Close()
	f := NewFetcher(testOptions())
	first, err := f.Fetch(context.Background(), Request{URL: srv.URL, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || string(first.Body) != "<rss/>" || first.ETag != etag || first.LastModified != lastMod {
		t.Fatalf("first fetch = %+v", first)
	}
	second, err := f.Fetch(context.Background(), Request{URL: srv.URL, ETag: first.ETag, LastModified: first.LastModified, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || second.Status != http.StatusNotModified || len(second.Body) != 0 {
		t.Fatalf("second fetch = %+v", second)
	}
}

func TestFetchStatus(t *testing.T) {
	date := now.Add(10 * time.Minute).Format(http.TimeFormat)
	tests := []struct {
		path       string
		status     int
		retryAfter string
		wantWait   time.Duration // > 0: a *RetryError with this wait
	}{
		{"/busy", 429, "120", 2 * time.Minute},
		{"/down", 503, date, 10 * time.Minute},
		{"/busy-no-header", 429, "", 0},
		{"/busy-garbage", 429, "soon", 0},
		{"/missing", 404, "", 0},
		{"/broken", 500, "120", 0},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, tt := range tests {
			if r.URL.Path == tt.path {
				if tt.retryAfter != "" {
					w.Header().Set("Retry-After", tt.retryAfter)
				}
				w.WriteHeader(tt.status)
			}
		}
	}))
	defer srv.Close()
	f := NewFetcher(testOptions())
	for _, tt := range tests {
		u := srv.URL + tt.path
		_, err := f.Fetch(context.Background(), Request{URL: u, Now: now})
		if err == nil || !strings.Contains(err.Error(), u) {
			t.Errorf("%s: err = %v, want one naming the URL", tt.path, err)
			continue
		}
		var re *RetryError
		var se *StatusError
		switch {
		case tt.wantWait > 0:
			if !errors.As(err, &re) || re.Wait != tt.wantWait || re.Status != tt.status {
				t.Errorf("%s: err = %#v, want a RetryError of %s", tt.path, err, tt.wantWait)
			}
		case !errors.As(err, &se) || se.Status != tt.status:
			t.Errorf("%s: err = %#v, want a StatusError %d", tt.path, err, tt.status)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"0", 0, true},
		{"3600", time.Hour, true},
		{" 90 ", 90 * time.Second, true},
		{"99999999999999999", maxRetryAfter, true},
		{now.Add(2 * time.Hour).Format(http.TimeFormat), 2 * time.Hour, true},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0, true}, // past: no wait
		{"Sunday, 01-Mar-26 13:00:00 GMT", time.Hour, true},    // RFC 850
		{"-5", 0, false},
		{"1.5", 0, false},
		{"tomorrow", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, now)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("retryAfter(%q) = %s, %v; want %s, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
	if _, ok := retryAfter(now.Format(http.TimeFormat), time.Time{}); ok {
		t.Error("a Retry-After date was read without a clock")
	}
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFetchGzip(t *testing.T) {
	body := strings.Repeat("<item>خبر</item>", 1000)
	z := gzipped(t, []byte(body))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Accept-Encoding") != "gzip" {
			t.Errorf("Accept-Encoding = %q", r.Header.Get("Accept-Encoding"))
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(z)
	}))
	defer srv.Close()
	res, err := NewFetcher(testOptions()).Fetch(context.Background(), Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if string(res.Body) != body {
		t.Errorf("body of %d bytes, want %d", len(res.Body), len(body))
	}
}

// A gzip bomb (1 KB members of 1 MiB of zeros, 1 GiB in all, about 1 MB
// sent) is refused at MaxBytes, and memory stays far below the expansion.
func TestFetchGzipBomb(t *testing.T) {
	member := gzipped(t, make([]byte, 1<<20))
	bomb := bytes.Repeat(member, 1024)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(bomb)
	}))
	defer srv.Close()
	opts := testOptions()
	opts.MaxBytes = 4 << 20
	f := NewFetcher(opts)

	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/feed"})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), srv.URL+"/feed") {
		t.Fatalf("err = %v, want ErrTooLarge naming the URL", err)
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	if allocated > 64<<20 {
		t.Errorf("fetching the bomb allocated %d MiB", allocated>>20)
	}
	t.Logf("allocated %d MiB in all, heap %d MiB", allocated>>20, after.HeapAlloc>>20)
}

func TestFetchTooLarge(t *testing.T) {
	big := strings.Repeat("x", 2000)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.Write([]byte(big[:1000]))
			w.(http.Flusher).Flush() // no Content-Length
			w.Write([]byte(big[1000:]))
			return
		}
		w.Write([]byte(big))
	}))
	defer srv.Close()
	opts := testOptions()
	opts.MaxBytes = 1500
	f := NewFetcher(opts)
	for _, path := range []string{"/sized", "/chunked"} {
		if _, err := f.Fetch(context.Background(), Request{URL: srv.URL + path}); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrTooLarge", path, err)
		}
	}
	opts.MaxBytes = 2000
	if res, err := NewFetcher(opts).Fetch(context.Background(), Request{URL: srv.URL + "/chunked"}); err != nil || len(res.Body) != 2000 {
		t.Errorf("a body at the limit: err = %v", err)
	}
}

// A server that trickles a byte a second is cut off by the timeout, which
// covers the body.
func TestFetchSlowServer(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 30 {
			if _, err := w.Write([]byte("x")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-time.After(time.Second):
			}
		}
	}))
	defer srv.Close()
	opts := testOptions()
	opts.Timeout = 300 * time.Millisecond
	start := time.Now()
	_, err := NewFetcher(opts).Fetch(context.Background(), Request{URL: srv.URL + "/slow"})
	took := time.Since(start)
	if !errors.Is(err, ErrTimeout) || !strings.Contains(err.Error(), srv.URL+"/slow") {
		t.Errorf("err = %v, want ErrTimeout naming the URL", err)
	}
	t.Logf("%v", err)
	if took > 1500*time.Millisecond {
		t.Errorf("the fetch took %s with a timeout of 300ms", took)
	}
}

func TestFetchRedirects(t *testing.T) {
	// /hop/N redirects to /hop/N-1; /hop/0 answers.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var n int
		fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
		if n > 0 {
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusFound)
			return
		}
		fmt.Fprint(w, "arrived")
	}))
	defer srv.Close()
	f := NewFetcher(testOptions()) // 5 redirects
	res, err := f.Fetch(context.Background(), Request{URL: srv.URL + "/hop/5"})
	if err != nil || string(res.Body) != "arrived" || res.URL != srv.URL+"/hop/0" {
		t.Fatalf("5 redirects: %v, %+v", err, res)
	}
	_, err = f.Fetch(context.Background(), Request{URL: srv.URL + "/hop/6"})
	if !errors.Is(err, ErrTooManyRedirects) || !strings.Contains(err.Error(), srv.URL+"/hop/6") {
		t.Errorf("6 redirects: err = %v, want ErrTooManyRedirects naming the URL", err)
	}
	opts := testOptions()
	opts.MaxRedirects = -1
	if _, err := NewFetcher(opts).Fetch(context.Background(), Request{URL: srv.URL + "/hop/1"}); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("no redirects allowed: err = %v", err)
	}
}

func TestFetchRefusesScheme(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.org/feed", http.StatusFound)
	}))
	defer srv.Close()
	f := NewFetcher(testOptions())
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/", "gopher://x/", srv.URL} {
		if _, err := f.Fetch(context.Background(), Request{URL: u}); !errors.Is(err, ErrScheme) || !strings.Contains(err.Error(), u) {
			t.Errorf("%s: err = %v, want ErrScheme naming the URL", u, err)
		}
	}
}

// By default the loopback test server cannot be reached, by address or by a
// name that resolves to it.
func TestFetchRefusesPrivateByDefault(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
	}))
	defer srv.Close()
	f := NewFetcher(Options{HostGap: -1, Timeout: 2 * time.Second})
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	for _, u := range []string{srv.URL + "/feed", "http://localhost:" + port + "/feed"} {
		_, err := f.Fetch(context.Background(), Request{URL: u})
		if !errors.Is(err, ErrPrivateAddress) || !strings.Contains(err.Error(), u) {
			t.Errorf("%s: err = %v, want ErrPrivateAddress naming the URL", u, err)
		}
		t.Logf("%v", err)
	}
	if hits.Load() != 0 {
		t.Errorf("the private server was reached %d times", hits.Load())
	}
}

// A redirect from an allowed server to a private one is refused when the
// connection is dialled. The allowed server stands for a public host: the
// dial check lets its one address through.
func TestFetchRefusesRedirectToPrivate(t *testing.T) {
	var privateHits atomic.Int32
	private := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		privateHits.Add(1)
	}))
	defer private.Close()
	public := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, private.URL+"/admin", http.StatusFound)
	}))
	defer public.Close()
	publicAddr := public.Listener.Addr().String()
	f := newFetcher(Options{HostGap: -1, Timeout: 2 * time.Second}, func(address string) error {
		if address == publicAddr {
			return nil
		}
		return checkAddress(address)
	})
	_, err := f.Fetch(context.Background(), Request{URL: public.URL + "/feed"})
	if !errors.Is(err, ErrPrivateAddress) || !strings.Contains(err.Error(), public.URL+"/feed") || !strings.Contains(err.Error(), private.URL+"/admin") {
		t.Errorf("err = %v, want ErrPrivateAddress naming both URLs", err)
	}
	t.Logf("%v", err)
	if privateHits.Load() != 0 {
		t.Errorf("the private server was reached %d times", privateHits.Load())
	}
}

// Requests to one host go one at a time, with the gap between them.
func TestFetchPoliteToHost(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
	}))
	defer srv.Close()
	opts := testOptions()
	opts.HostGap = 50 * time.Millisecond
	f := NewFetcher(opts)
	start := time.Now()
	errs := make(chan error)
	for i := range 4 {
		go func() {
			_, err := f.Fetch(context.Background(), Request{URL: fmt.Sprintf("%s/%d", srv.URL, i)})
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if most.Load() != 1 {
		t.Errorf("%d requests in flight at once", most.Load())
	}
	// 4 × 20 ms of work and 3 gaps of 50 ms.
	if took := time.Since(start); took < 230*time.Millisecond {
		t.Errorf("4 requests took %s, less than their gaps", took)
	}
}

func TestHostGateGivesUpWithContext(t *testing.T) {
	g := newHostGate(time.Hour)
	release, err := g.acquire(context.Background(), "example.org")
	if err != nil {
		t.Fatal(err)
	}
	release()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := g.acquire(ctx, "example.org"); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiting out an hour's gap: err = %v", err)
	}
	if release, err := g.acquire(context.Background(), "other.example.org"); err != nil {
		t.Errorf("another host waited: %v", err)
	} else {
		release()
	}
}
