package cli

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// newsServer serves an RSS feed of two Persian reports and their pages,
// answering 304 when the client sends the feed's ETag back.
func newsServer(t *testing.T) (*httptest.Server, *atomic.Int32, *atomic.Int32) {
	var feeds, pages atomic.Int32
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		feeds.Add(1)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>خبرگزاری</title><link>%[1]s</link>
<item><title>گفت‌وگوی تلفنی پوتین و اردوغان</title><link>%[1]s/news/1?utm_source=rss</link><pubDate>Fri, 09 Apr 2021 18:30:00 +0430</pubDate></item>
<item><title>دیدار لاوروف و چاووش‌اوغلو</title><link>%[1]s/news/2</link><pubDate>Mon, 12 Apr 2021 10:00:00 +0430</pubDate><description>لاوروف در آنکارا با چاووش‌اوغلو دیدار کرد.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>گفت‌وگوی تلفنی پوتین و اردوغان</title></head><body><article><h1>گفت‌وگوی تلفنی پوتین و اردوغان</h1>
<p>ولادیمیر پوتین رئیس‌جمهوری روسیه و رجب طیب اردوغان رئیس‌جمهوری ترکیه روز جمعه در گفت‌وگوی تلفنی درباره تحولات قره‌باغ و همکاری‌های دو کشور رایزنی کردند.</p>
<p>دو طرف بر اجرای کامل بیانیه سه‌جانبه نهم نوامبر تاکید کردند و درباره مرکز مشترک نظارت بر آتش‌بس گفت‌وگو کردند.</p></article></body></html>`)
	})
	mux.HandleFunc("/news/2", func(w http.ResponseWriter, r *http.Request) {
		pages.Add(1)
		http.Error(w, "gone", http.StatusGone)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, &feeds, &pages
}

func TestIngestFeedURL(t *testing.T) {
	srv, _, pages := newsServer(t)
	db := filepath.Join(t.TempDir(), "rasad.db")
	// loopback is refused by default
	code, _, errs := run(t, "", "ingest", "--db", db, srv.URL+"/rss")
	if code != 1 || !strings.Contains(errs, srv.URL) || !strings.Contains(errs, "loopback") {
		t.Errorf("a loopback feed by default: exit %d: %s", code, errs)
	}
	if pages.Load() != 0 {
		t.Errorf("%d pages fetched from a refused address", pages.Load())
	}
	code, _, errs = run(t, "", "ingest", "--db", db, "--allow-private", "--host-gap", "-1s", srv.URL+"/rss")
	if code != 0 || !strings.Contains(errs, "2 stored") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "/news/2: stored from the feed's own text") {
		t.Errorf("the page that failed is not reported:\n%s", errs)
	}
	if n := countDocs(t, db); n != 2 {
		t.Errorf("%d documents, want 2", n)
	}
	_, out, _ := run(t, "", "events", "--db", db, "--type", "CONSULT")
	if !strings.Contains(out, `"date":"2021-04-09"`) || !strings.Contains(out, "Recep Tayyip Erdogan") {
		t.Errorf("the call is not among the events:\n%s", out)
	}
	// not followed: ingest of a URL polls it once and keeps no state
	if _, out, _ := run(t, "", "feeds", "list", "--db", db); strings.Contains(out, srv.URL) {
		t.Errorf("ingest followed the feed:\n%s", out)
	}
}

func TestFeedsPoll(t *testing.T) {
	srv, feeds, pages := newsServer(t)
	db := filepath.Join(t.TempDir(), "rasad.db")
	if code, out, errs := run(t, "", "feeds", "add", "--db", db, srv.URL+"/rss"); code != 0 || !strings.Contains(out, "following") {
		t.Fatalf("feeds add: exit %d: %s%s", code, out, errs)
	}
	if code, out, _ := run(t, "", "feeds", "add", "--db", db, srv.URL+"/rss"); code != 0 || !strings.Contains(out, "followed already") {
		t.Errorf("feeds add twice: exit %d: %s", code, out)
	}
	poll := []string{"poll", "--db", db, "--allow-private", "--host-gap", "-1s"}
	code, _, errs := run(t, "", poll...)
	if code != 0 || !strings.Contains(errs, "2 stored") {
		t.Fatalf("first poll: exit %d: %s", code, errs)
	}
	if code, out, _ := run(t, "", "feeds", "list", "--db", db); code != 0 || !strings.Contains(out, "خبرگزاری") {
		t.Errorf("feeds list after a poll: exit %d:\n%s", code, out)
	}
	// not due yet: nothing fetched
	before := feeds.Load()
	if code, errs := runCode(t, poll...); code != 0 || feeds.Load() != before || !strings.Contains(errs, "0 feeds polled") {
		t.Errorf("a poll before the feed is due: exit %d, %d fetches: %s", code, feeds.Load()-before, errs)
	}
	if code, _, _ := run(t, "", "feeds", "remove", "--db", db, srv.URL+"/rss"); code != 0 {
		t.Errorf("feeds remove: exit %d", code)
	}
	if _, out, _ := run(t, "", "feeds", "list", "--db", db); strings.Contains(out, srv.URL) {
		t.Errorf("a removed feed is listed:\n%s", out)
	}
	if code, _, _ := run(t, "", "feeds", "add", "--db", db, "ftp://example.com/rss"); code != 2 {
		t.Errorf("feeds add of an ftp URL: exit %d, want 2", code)
	}
	_ = pages
}

func runCode(t *testing.T, args ...string) (int, string) {
	code, _, errs := run(t, "", args...)
	return code, errs
}
