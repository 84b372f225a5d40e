package feed

import (
	"errors"
	"testing"
	"time"
)

func TestNext(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	added := t0.Add(-48 * time.Hour)
	fail := errors.New("fetching https://x/feed: HTTP 500")
	tests := []struct {
		name         string
		state        State
		out          Outcome
		wantInterval time.Duration
		wantWait     time.Duration // NextPoll - now
		wantFailures int
	}{
		{"a new feed with new items", State{}, Outcome{New: 3, Status: 200}, 15 * time.Minute, 15 * time.Minute, 0},
		{"a new feed with nothing new", State{}, Outcome{Status: 200}, 45 * time.Minute, 45 * time.Minute, 0},
		{"not modified grows", State{Interval: time.Hour}, Outcome{NotModified: true, Status: 304}, 90 * time.Minute, 90 * time.Minute, 0},
		{"new items shrink", State{Interval: time.Hour}, Outcome{New: 1, Status: 200}, 30 * time.Minute, 30 * time.Minute, 0},
		{"shrinks no lower than 5 min", State{Interval: 6 * time.Minute}, Outcome{New: 9, Status: 200}, 5 * time.Minute, 5 * time.Minute, 0},
		{"grows no higher than 6 h", State{Interval: 5 * time.Hour}, Outcome{Status: 200}, 6 * time.Hour, 6 * time.Hour, 0},
		{"an interval out of bounds is brought in", State{Interval: time.Minute}, Outcome{Status: 200}, 7*time.Minute + 30*time.Second, 7*time.Minute + 30*time.Second, 0},
		{"success forgets failures", State{Interval: time.Hour, Failures: 4, LastError: "x"}, Outcome{Status: 200}, 90 * time.Minute, 90 * time.Minute, 0},
		{"a first failure waits twice the interval", State{Interval: 30 * time.Minute}, Outcome{Err: fail, Status: 500}, 30 * time.Minute, time.Hour, 1},
		{"a third failure waits 8 times", State{Interval: 30 * time.Minute, Failures: 2}, Outcome{Err: fail}, 30 * time.Minute, 4 * time.Hour, 3},
		{"backoff is capped at 24 h", State{Interval: 6 * time.Hour, Failures: 5}, Outcome{Err: fail}, 6 * time.Hour, 24 * time.Hour, 6},
		{"backoff does not overflow", State{Interval: time.Hour, Failures: 1000}, Outcome{Err: fail}, time.Hour, 24 * time.Hour, 1001},
		{"Retry-After is a floor on an error", State{Interval: 30 * time.Minute}, Outcome{Err: fail, RetryAfter: 3 * time.Hour, Status: 429}, 30 * time.Minute, 3 * time.Hour, 1},
		{"a shorter Retry-After does not shorten the backoff", State{Interval: 30 * time.Minute}, Outcome{Err: fail, RetryAfter: time.Minute, Status: 503}, 30 * time.Minute, time.Hour, 1},
		{"Retry-After above the backoff cap is honoured", State{Interval: time.Hour, Failures: 9}, Outcome{Err: fail, RetryAfter: 48 * time.Hour, Status: 429}, time.Hour, 48 * time.Hour, 10},
	}
	for _, tt := range tests {
		got := Next(tt.state, tt.out, t0, Policy{})
		if got.Interval != tt.wantInterval || got.NextPoll.Sub(t0) != tt.wantWait || got.Failures != tt.wantFailures {
			t.Errorf("%s: interval %s, wait %s, failures %d; want %s, %s, %d", tt.name,
				got.Interval, got.NextPoll.Sub(t0), got.Failures, tt.wantInterval, tt.wantWait, tt.wantFailures)
		}
		if !got.LastPolled.Equal(t0) || got.LastStatus != tt.out.Status {
			t.Errorf("%s: last polled %s, status %d", tt.name, got.LastPolled, got.LastStatus)
		}
		if (tt.out.Err != nil) != (got.LastError != "") {
			t.Errorf("%s: last error %q", tt.name, got.LastError)
		}
		if !got.Added.Equal(t0) {
			t.Errorf("%s: added %s, want the poll's time for a feed without one", tt.name, got.Added)
		}
	}
	if got := Next(State{Added: added}, Outcome{}, t0, Policy{}); !got.Added.Equal(added) {
		t.Errorf("added moved to %s", got.Added)
	}
}

func TestNextPolicy(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	p := Policy{MinInterval: time.Minute, MaxInterval: 10 * time.Minute, DefaultInterval: 4 * time.Minute, MaxBackoff: time.Hour}
	if got := Next(State{}, Outcome{New: 1}, t0, p); got.Interval != 2*time.Minute {
		t.Errorf("interval %s, want 2m", got.Interval)
	}
	if got := Next(State{Interval: 8 * time.Minute, Failures: 10}, Outcome{Err: errors.New("x")}, t0, p); got.NextPoll.Sub(t0) != time.Hour {
		t.Errorf("wait %s, want the 1h cap", got.NextPoll.Sub(t0))
	}
}

func TestStateDue(t *testing.T) {
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		next time.Time
		due  bool
	}{{time.Time{}, true}, {t0, true}, {t0.Add(-time.Second), true}, {t0.Add(time.Second), false}} {
		if got := (State{NextPoll: tt.next}).Due(t0); got != tt.due {
			t.Errorf("NextPoll %s: due %v", tt.next, got)
		}
	}
}
