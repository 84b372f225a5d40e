package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/ingest"
	"github.com/rasad/rasad/internal/ingest/feed"
	"github.com/rasad/rasad/internal/store"
	"github.com/rasad/rasad/internal/store/sqlite"
)

// child runs rasad with args as a child process (the test binary, see
// TestMain) and returns it started, with the lines of its stderr.
func child(t *testing.T, env []string, args ...string) (*exec.Cmd, <-chan string, func() string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), "RASAD_CLI_ARGS="+strings.Join(args, "\x1f")), env...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1024)
	var mu sync.Mutex
	var all strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			mu.Lock()
			all.WriteString(sc.Text() + "\n")
			mu.Unlock()
			select {
			case lines <- sc.Text():
			default:
			}
		}
		close(lines)
	}()
	t.Cleanup(func() { cmd.Process.Kill() })
	return cmd, lines, func() string { mu.Lock(); defer mu.Unlock(); return all.String() }
}

// listening waits for serve's "listening on" line and returns its URL.
func listening(t *testing.T, lines <-chan string, log func() string) string {
	t.Helper()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case line, ok := <-lines:
			if !ok {
				t.Fatalf("serve ended before it listened:\n%s", log())
			}
			if _, u, ok := strings.Cut(line, "rasad serve: listening on "); ok {
				return u
			}
		case <-deadline:
			t.Fatalf("serve did not listen in 30 s:\n%s", log())
		}
	}
}

// getJSON reads a JSON answer.
func getJSON(t *testing.T, u string, v any) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("GET %s: not JSON: %s", u, body)
	}
	return resp.StatusCode
}

// TestServe runs serve on a free port over a store that follows a feed:
// the poller stores the feed's article, the API finds it, a POST with the
// token stores another, and SIGTERM ends serve promptly with status 0.
func TestServe(t *testing.T) {
	news, _, pages := newsServer(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "rasad.db")
	if code, out, errs := run(t, "", "feeds", "add", "--db", db, news.URL+"/rss"); code != 0 {
		t.Fatalf("feeds add: exit %d: %s%s", code, out, errs)
	}
	tokenFile := write(t, "token", []byte("t0ken\n"))
	cmd, lines, log := child(t, nil, "serve", "--db", db, "--addr", "127.0.0.1:0", "--token-file", tokenFile,
		"--allow-private", "--host-gap", "-1s")
	base := listening(t, lines, log)

	var health struct{ Status string }
	if code := getJSON(t, base+"/healthz", &health); code != 200 || health.Status != "ok" {
		t.Errorf("healthz: %d %+v", code, health)
	}
	// the poller stores the article the feed links to
	var found struct{ Documents []struct{ ID, Title string } }
	deadline := time.Now().Add(30 * time.Second)
	for len(found.Documents) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the poller stored nothing in 30 s (%d pages fetched):\n%s", pages.Load(), log())
		}
		time.Sleep(20 * time.Millisecond)
		getJSON(t, base+"/api/search?q="+url.QueryEscape("اردوغان"), &found)
	}
	if !strings.Contains(found.Documents[0].Title, "پوتین") {
		t.Errorf("found %+v", found.Documents)
	}
	var events struct{ Events []struct{ Type string } }
	if code := getJSON(t, base+"/api/events?actor="+url.QueryEscape("Erdogan")+"&type=CONSULT", &events); code != 200 || len(events.Events) == 0 {
		t.Errorf("the call is not among the events: %d %+v", code, events)
	}
	// a write with the token of the file
	req, _ := http.NewRequest("POST", base+"/api/documents", strings.NewReader(`{"id":"posted","text":"Lavrov met Cavusoglu in Ankara on Monday.","published":"2021-04-12"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer t0ken")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("POST with the token: %d", resp.StatusCode)
	}

	start := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("serve after SIGTERM: %v:\n%s", err, log())
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("serve still runs 10 s after SIGTERM:\n%s", log())
	}
	t.Logf("serve ended %v after SIGTERM", time.Since(start).Round(time.Millisecond))
	for _, want := range []string{"feeds polled", "msg=request", "shutting down"} {
		if !strings.Contains(log(), want) {
			t.Errorf("the log lacks %q:\n%s", want, log())
		}
	}
	if n := countDocs(t, db); n != 3 {
		t.Errorf("%d documents stored, want 3 (two from the feed, one posted)", n)
	}
}

// TestServeRefuses: bad flags are bad usage; an empty token file fails.
func TestServeRefuses(t *testing.T) {
	db := filepath.Join(t.TempDir(), "rasad.db")
	empty := write(t, "token", []byte(" \n"))
	for _, tt := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"serve", "--db", db, "extra"}, 2, "no arguments"},
		{[]string{"serve", "--db", db, "--log-level", "loud"}, 2, "--log-level"},
		{[]string{"serve", "--db", db, "--poll-min-wait", "0s"}, 2, "--poll-min-wait"},
		{[]string{"serve", "--db", db, "--token-file", empty}, 1, "empty"},
		{[]string{"serve", "--db", db, "--token-file", filepath.Join(t.TempDir(), "none")}, 1, "write token"},
		{[]string{"serve", "--db", db, "--addr", "127.0.0.1:99999"}, 1, "listening on"},
	} {
		code, _, errs := run(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errs, tt.msg) {
			t.Errorf("%v: exit %d: %s, want %d with %q", tt.args, code, errs, tt.code, tt.msg)
		}
	}
}

// TestFeedLoop drives the poller of serve with a clock that runs an hour
// ahead at every reading: each round finds the feed due again, and the
// loop ends as soon as its context does.
func TestFeedLoop(t *testing.T) {
	news, feeds, _ := newsServer(t)
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "rasad.db"), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := ingest.NormalizeURL(news.URL + "/rss")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := json.Marshal(feed.State{URL: u})
	if err := s.SaveFeed(context.Background(), store.Feed{URL: u, State: body}); err != nil {
		t.Fatal(err)
	}
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	pf := addPollFlags(fs)
	if err := fs.Parse([]string{"--allow-private", "--host-gap", "-1s"}); err != nil {
		t.Fatal(err)
	}
	var hours atomic.Int64
	clock := func() time.Time {
		return time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC).Add(time.Duration(hours.Add(1)) * time.Hour)
	}
	loop := feedLoop{log: newLogger(&Env{Stderr: io.Discard}, 0, false), s: s, pf: pf, now: clock,
		minWait: time.Millisecond, maxWait: 50 * time.Millisecond}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { loop.run(ctx); close(done) }()
	deadline := time.Now().Add(30 * time.Second)
	for feeds.Load() < 3 {
		if time.Now().After(deadline) {
			t.Fatalf("the feed was fetched %d times in 30 s", feeds.Load())
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the loop still runs 5 s after its context ended")
	}
	if n, _ := s.Count(context.Background()); n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
	states, _ := feedStore{s: s}.Feeds(context.Background())
	if len(states) != 1 || states[0].LastPolled.Before(time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)) {
		t.Errorf("the feed's state does not follow the clock: %+v", states)
	}
}

func TestUntilDue(t *testing.T) {
	now := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	at := func(d time.Duration) feed.State { return feed.State{NextPoll: now.Add(d)} }
	for _, tt := range []struct {
		name   string
		states []feed.State
		want   time.Duration
	}{
		{"no feed", nil, 15 * time.Minute},
		{"a new feed is due now", []feed.State{{}}, 30 * time.Second},
		{"overdue", []feed.State{at(-time.Hour)}, 30 * time.Second},
		{"the first due", []feed.State{at(10 * time.Minute), at(3 * time.Minute)}, 3 * time.Minute},
		{"far ahead", []feed.State{at(6 * time.Hour)}, 15 * time.Minute},
	} {
		if got := untilDue(tt.states, now, 30*time.Second, 15*time.Minute); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
}
