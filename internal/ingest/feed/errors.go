package feed

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/rasad/rasad/internal/ingest"
)

// Errors a fetch can be refused with; they are wrapped with the URL.
var (
	// ErrTooLarge: the body, decompressed, is over Options.MaxBytes.
	ErrTooLarge = ingest.ErrTooLarge
	// ErrTooManyRedirects: more than Options.MaxRedirects redirects.
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrScheme: the URL (or a redirect) is not http or https.
	ErrScheme = errors.New("not an http or https URL")
	// ErrTimeout: the request, body included, took over Options.Timeout.
	ErrTimeout = errors.New("timed out")
)

// StatusError is an HTTP response that is neither a success nor 304.
type StatusError struct {
	URL    string
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetching %s: HTTP %d %s", e.URL, e.Status, http.StatusText(e.Status))
}

// RetryError is a 429 or 503 response that says, with Retry-After, how long
// to wait before asking again.
type RetryError struct {
	URL    string
	Status int
	Wait   time.Duration
}

func (e *RetryError) Error() string {
	return fmt.Sprintf("fetching %s: HTTP %d %s, retry after %s", e.URL, e.Status, http.StatusText(e.Status), e.Wait)
}

// maxRetryAfter bounds the wait read from a Retry-After header.
const maxRetryAfter = 30 * 24 * time.Hour

// retryAfter reads a Retry-After value, seconds or an HTTP date, as a wait
// from now. A date in the past is no wait; a date needs a non-zero now.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if n, err := strconv.ParseUint(v, 10, 64); err == nil {
		if n > uint64(maxRetryAfter/time.Second) {
			return maxRetryAfter, true
		}
		return time.Duration(n) * time.Second, true
	}
	if strings.HasPrefix(v, "-") || now.IsZero() {
		return 0, false
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return min(max(t.Sub(now), 0), maxRetryAfter), true
}
