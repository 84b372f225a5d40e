package feed

import (
	"time"
)

// State is what is kept about one feed between polls.
type State struct {
	URL   string
	Title string
	// ETag and LastModified are the validators of the last full response,
	// sent to make the next poll conditional.
	ETag, LastModified string
	LastPolled         time.Time
	// NextPoll is when the feed is due; zero means now.
	NextPoll time.Time
	// Interval is the adaptive time between successful polls; zero means
	// the policy's default.
	Interval time.Duration
	// Failures counts the polls that failed in a row.
	Failures   int
	LastError  string
	LastStatus int // HTTP status of the last poll, 0 when none came
	Added      time.Time
}

// Due reports whether the feed is to be polled at now.
func (s State) Due(now time.Time) bool {
	return !s.NextPoll.After(now)
}

// Outcome is what one poll of a feed came to.
type Outcome struct {
	// New counts the items not seen before.
	New int
	// NotModified: the server answered 304.
	NotModified bool
	// Err is why the poll failed, nil on success.
	Err error
	// RetryAfter is the wait the server asked for (429, 503), if any.
	RetryAfter time.Duration
	// Status is the HTTP status, 0 when no response came.
	Status int
}

// Policy bounds the schedule. The zero value means the defaults.
type Policy struct {
	// MinInterval and MaxInterval bound the adaptive interval (5 min, 6 h).
	MinInterval, MaxInterval time.Duration
	// DefaultInterval is a new feed's interval (30 min).
	DefaultInterval time.Duration
	// MaxBackoff caps the wait after failures (24 h).
	MaxBackoff time.Duration
}

// Defaults of Policy.
const (
	DefaultMinInterval     = 5 * time.Minute
	DefaultMaxInterval     = 6 * time.Hour
	DefaultDefaultInterval = 30 * time.Minute
	DefaultMaxBackoff      = 24 * time.Hour
)

// withDefaults fills in the zero fields, and keeps the bounds in order.
func (p Policy) withDefaults() Policy {
	if p.MinInterval <= 0 {
		p.MinInterval = DefaultMinInterval
	}
	if p.MaxInterval <= 0 {
		p.MaxInterval = DefaultMaxInterval
	}
	p.MaxInterval = max(p.MaxInterval, p.MinInterval)
	if p.DefaultInterval <= 0 {
		p.DefaultInterval = DefaultDefaultInterval
	}
	p.DefaultInterval = min(max(p.DefaultInterval, p.MinInterval), p.MaxInterval)
	if p.MaxBackoff <= 0 {
		p.MaxBackoff = DefaultMaxBackoff
	}
	return p
}

// Next returns the state of a feed after a poll at now with outcome o.
//
// On success the interval adapts: it halves when new items came, grows by
// half when none did (or the feed was not modified), always within
// [MinInterval, MaxInterval], and the failures are forgotten. On an error
// the interval is kept and the next poll waits Interval × 2^Failures, up to
// MaxBackoff. A Retry-After is a floor under the wait either way.
func Next(s State, o Outcome, now time.Time, p Policy) State {
	p = p.withDefaults()
	if s.Added.IsZero() {
		s.Added = now
	}
	interval := s.Interval
	if interval <= 0 {
		interval = p.DefaultInterval
	}
	interval = min(max(interval, p.MinInterval), p.MaxInterval)
	s.LastPolled = now
	s.LastStatus = o.Status
	var wait time.Duration
	if o.Err == nil {
		if o.New > 0 && !o.NotModified {
			interval /= 2
		} else {
			interval += interval / 2
		}
		interval = min(max(interval, p.MinInterval), p.MaxInterval)
		s.Failures, s.LastError = 0, ""
		wait = interval
	} else {
		s.Failures++
		s.LastError = o.Err.Error()
		wait = backoff(interval, s.Failures, p.MaxBackoff)
	}
	s.Interval = interval
	s.NextPoll = now.Add(max(wait, o.RetryAfter))
	return s
}

// backoff is interval doubled per failure, capped.
func backoff(interval time.Duration, failures int, limit time.Duration) time.Duration {
	wait := interval
	for range failures {
		if wait >= limit/2 {
			return limit
		}
		wait *= 2
	}
	return min(wait, limit)
}
