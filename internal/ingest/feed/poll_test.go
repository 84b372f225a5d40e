package feed

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/analyze"
)

// memStore is an in-memory Store, and a sink that stores what it is given.
type memStore struct {
	mu     sync.Mutex
	feeds  []State
	urls   map[string]bool
	docs   map[string]analyze.Document
	srcs   map[string]Source
	refuse map[string]bool // URLs the sink fails on
}

func newMemStore(feedURLs ...string) *memStore {
	m := &memStore{urls: map[string]bool{}, docs: map[string]analyze.Document{}, srcs: map[string]Source{}, refuse: map[string]bool{}}
	for _, u := range feedURLs {
		m.feeds = append(m.feeds, State{URL: u})
	}
	return m
}

func (m *memStore) Feeds(context.Context) ([]State, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.feeds), nil
}

func (m *memStore) SaveFeed(_ context.Context, s State) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for i := range m.feeds {
		if m.feeds[i].URL == s.URL {
			m.feeds[i] = s
			return nil
		}
	}
	return fmt.Errorf("no feed %s", s.URL)
}

func (m *memStore) HasURL(_ context.Context, u string) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.urls[u], nil
}

func (m *memStore) sink(_ context.Context, doc analyze.Document, src Source) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.refuse[doc.URL] {
		return errors.New("the store is full")
	}
	m.urls[doc.URL], m.docs[doc.URL], m.srcs[doc.URL] = true, doc, src
	return nil
}

func (m *memStore) state(u string) State {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, s := range m.feeds {
		if s.URL == u {
			return s
		}
	}
	return State{}
}

// site is a test news site on loopback: feeds and article pages from
// templates ({{base}} is the server's URL), with the requests it got.
type site struct {
	*httptest.Server
	mu    sync.Mutex
	pages map[string]string       // path → body; content type from the extension
	hook  map[string]http.Handler // path → handler, before pages
	hits  map[string]int
	reqs  map[string][]http.Header
}

func newSite(t *testing.T) *site {
	s := &site{pages: map[string]string{}, hook: map[string]http.Handler{}, hits: map[string]int{}, reqs: map[string][]http.Header{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.reqs[r.URL.Path] = append(s.reqs[r.URL.Path], r.Header.Clone())
		body, ok := s.pages[r.URL.Path]
		h := s.hook[r.URL.Path]
		s.mu.Unlock()
		switch {
		case h != nil:
			h.ServeHTTP(w, r)
		case !ok:
			http.NotFound(w, r)
		default:
			switch {
			case strings.HasSuffix(r.URL.Path, ".xml"):
				w.Header().Set("Content-Type", "application/xml; charset=utf-8")
			default:
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
			}
			fmt.Fprint(w, strings.ReplaceAll(body, "{{base}}", s.URL))
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) hitsOf(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

// article is a news page with enough text for the extractor.
func article(title, published, body string) string {
	meta := ""
	if published != "" {
		meta = `<meta property="article:published_time" content="` + published + `">`
	}
	return `<!DOCTYPE html><html><head><title>` + title + `</title>` + meta + `</head><body>
<nav><a href="/">خانه</a> <a href="/world">جهان</a></nav>
<article><h1>` + title + `</h1>` + strings.Repeat("<p>"+body+"</p>\n", 4) + `</article>
<footer>کلیه حقوق محفوظ است</footer></body></html>`
}

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>خبرگزاری آزمایشی</title><link>{{base}}/</link>
<item><title>دیدار وزیران</title><link>/article/1?utm_source=rss</link><guid>a1</guid>
  <pubDate>Mon, 01 Nov 2021 20:26:00 +0330</pubDate><description>خلاصه یک</description></item>
<item><title>خبر بی‌صفحه</title><link>{{base}}/article/gone</link><guid>a2</guid>
  <pubDate>Tue, 02 Nov 2021 08:00:00 +0330</pubDate><description>&lt;p&gt;خلاصه &lt;b&gt;خبر&lt;/b&gt; دوم.&lt;/p&gt;</description></item>
<item><title>خبر قدیمی</title><link>{{base}}/article/known</link><guid>a3</guid></item>
<item><title>تکراری</title><link>{{base}}/article/1#again</link><guid>a4</guid></item>
<item><title>بی‌نشانی</title><link>mailto:news@example.org</link><guid>a5</guid></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>أخبار تجريبية</title><id>urn:t</id><updated>2020-11-11T10:00:00Z</updated>
<entry><title>بوتين وأردوغان</title><link href="{{base}}/ar/3"/><id>e3</id><updated>2020-11-11T10:00:00+03:00</updated>
  <summary>ملخص</summary></entry>
<entry><title>قمة</title><link href="{{base}}/ar/4?fbclid=xyz"/><id>e4</id><published>2020-11-12T09:00:00+03:00</published></entry>
</feed>`

const persianBody = "وزیران امور خارجه ایران و روسیه روز دوشنبه در مسکو با یکدیگر دیدار و درباره همکاری‌های دوجانبه و منطقه‌ای گفت‌وگو کردند و بر ادامه رایزنی‌ها تأکید کردند."
const arabicBody = "بحث الرئيس الروسي فلاديمير بوتين ونظيره التركي رجب طيب أردوغان في اتصال هاتفي الوضع في إقليم قره باغ وسبل التعاون بين البلدين في مجالات الطاقة والتجارة."

func testPoller(st Store, sink Sink) *Poller {
	return NewPoller(NewFetcher(testOptions()), st, sink, PollerOptions{})
}

func TestPollRSSAndAtom(t *testing.T) {
	s := newSite(t)
	s.pages["/rss.xml"] = rssFeed
	s.pages["/atom.xml"] = atomFeed
	s.pages["/article/1"] = article("دیدار وزیران خارجه ایران و روسیه", "2021-11-01T20:26:00+03:30", persianBody)
	s.pages["/article/known"] = article("old", "", persianBody)
	s.pages["/ar/3"] = article("بوتين وأردوغان يبحثان الوضع في قره باغ", "", arabicBody)
	s.pages["/ar/4"] = article("قمة", "2020-11-12", arabicBody)
	st := newMemStore(s.URL+"/rss.xml", s.URL+"/atom.xml")
	st.urls[s.URL+"/article/known"] = true

	reports, err := testPoller(st, st.sink).Poll(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 2 {
		t.Fatalf("%d reports", len(reports))
	}
	rss, atom := reports[0], reports[1]
	if rss.URL != s.URL+"/rss.xml" || rss.Status != StatusOK || rss.HTTPStatus != 200 || rss.Err != nil {
		t.Errorf("rss report: %+v", rss)
	}
	// new: /article/1 (its page) and /article/gone (the feed's summary);
	// skipped: /article/known, stored, and /article/1 again; failed: mailto.
	if rss.New != 2 || rss.Skipped != 2 || len(rss.Failed) != 1 || len(rss.FromFeed) != 1 {
		t.Errorf("rss: new %d skipped %d failed %+v from feed %+v", rss.New, rss.Skipped, rss.Failed, rss.FromFeed)
	}
	if len(rss.Failed) == 1 && !strings.Contains(rss.Failed[0].Reason, "mailto:") {
		t.Errorf("failed item reason %q", rss.Failed[0].Reason)
	}
	if len(rss.FromFeed) == 1 && (rss.FromFeed[0].Link != s.URL+"/article/gone" || !strings.Contains(rss.FromFeed[0].Reason, "404")) {
		t.Errorf("from feed: %+v", rss.FromFeed[0])
	}
	if atom.Status != StatusOK || atom.New != 2 || atom.Skipped != 0 || len(atom.Failed) != 0 {
		t.Errorf("atom report: %+v", atom)
	}
	if n := s.hitsOf("/article/known"); n != 0 {
		t.Errorf("a stored article was fetched %d times", n)
	}
	if n := s.hitsOf("/article/1"); n != 1 {
		t.Errorf("an article listed twice was fetched %d times", n)
	}

	tests := []struct {
		url, title, published, text string
		fromPage                    bool
		guid                        string
	}{
		// the page's title and date
		{s.URL + "/article/1", "دیدار وزیران خارجه ایران و روسیه", "2021-11-01T20:26:00+03:30", "در مسکو با یکدیگر دیدار", true, "a1"},
		// no page: the item's title, date and summary as text
		{s.URL + "/article/gone", "خبر بی‌صفحه", "2021-11-02T08:00:00+03:30", "خلاصه خبر دوم.", false, "a2"},
		// a page without a date keeps the item's (updated) time
		{s.URL + "/ar/3", "بوتين وأردوغان يبحثان الوضع في قره باغ", "2020-11-11T10:00:00+03:00", "في اتصال هاتفي", true, "e3"},
		// the link normalised (no tracking parameter); the page gives a day,
		// the item its time
		{s.URL + "/ar/4", "قمة", "2020-11-12T09:00:00+03:00", "قره باغ", true, "e4"},
	}
	for _, tt := range tests {
		doc, ok := st.docs[tt.url]
		if !ok {
			t.Errorf("%s not handed over; have %v", tt.url, keys(st.docs))
			continue
		}
		src := st.srcs[tt.url]
		if doc.URL != tt.url || doc.Title != tt.title || doc.Published != tt.published || !strings.Contains(doc.Text, tt.text) {
			t.Errorf("%s: doc %+v", tt.url, doc)
		}
		if src.FromPage != tt.fromPage || src.GUID != tt.guid || (src.Fallback == "") != tt.fromPage {
			t.Errorf("%s: source %+v", tt.url, src)
		}
		if strings.Contains(doc.Text, "کلیه حقوق محفوظ") {
			t.Errorf("%s: boilerplate in the text", tt.url)
		}
		if _, err := analyze.Analyze(doc, analyze.Options{Now: now}); err != nil {
			t.Errorf("%s: the document cannot be analysed: %v", tt.url, err)
		}
	}
	if src := st.srcs[s.URL+"/ar/3"]; src.Feed != s.URL+"/atom.xml" || src.FeedTitle != "أخبار تجريبية" {
		t.Errorf("atom source %+v", src)
	}

	state := st.state(s.URL + "/rss.xml")
	if state.Title != "خبرگزاری آزمایشی" || state.Failures != 0 || state.LastStatus != 200 ||
		!state.LastPolled.Equal(now) || state.Interval != 15*time.Minute || !state.NextPoll.Equal(now.Add(15*time.Minute)) {
		t.Errorf("rss state %+v", state)
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// The second poll of an unchanged feed sends its validators, gets a 304 and
// fetches no article.
func TestPollNotModified(t *testing.T) {
	const etag, lastMod = `"rss-v1"`, "Mon, 01 Nov 2021 17:00:00 GMT"
	s := newSite(t)
	s.pages["/article/1"] = article("دیدار", "", persianBody)
	s.hook["/rss.xml"] = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-None-Match") == etag || r.Header.Get("If-Modified-Since") == lastMod {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title><item><title>دیدار</title><link>/article/1</link></item></channel></rss>`)
	})
	st := newMemStore(s.URL + "/rss.xml")
	p := testPoller(st, st.sink)

	first, err := p.Poll(context.Background(), now)
	if err != nil || len(first) != 1 || first[0].New != 1 {
		t.Fatalf("first poll: %+v, %v", first, err)
	}
	if state := st.state(s.URL + "/rss.xml"); state.ETag != etag || state.LastModified != lastMod {
		t.Fatalf("validators not kept: %+v", state)
	}
	// Not due yet: nothing is fetched.
	if reports, _ := p.Poll(context.Background(), now.Add(time.Minute)); len(reports) != 0 || s.hitsOf("/rss.xml") != 1 {
		t.Fatalf("a feed not due was polled: %+v", reports)
	}

	second, err := p.Poll(context.Background(), now.Add(time.Hour))
	if err != nil || len(second) != 1 {
		t.Fatalf("second poll: %+v, %v", second, err)
	}
	if r := second[0]; r.Status != StatusNotModified || r.HTTPStatus != 304 || r.New != 0 || r.Err != nil {
		t.Errorf("second report %+v", r)
	}
	s.mu.Lock()
	h := s.reqs["/rss.xml"][1]
	s.mu.Unlock()
	if h.Get("If-None-Match") != etag || h.Get("If-Modified-Since") != lastMod {
		t.Errorf("second request: If-None-Match %q, If-Modified-Since %q", h.Get("If-None-Match"), h.Get("If-Modified-Since"))
	}
	if n := s.hitsOf("/article/1"); n != 1 {
		t.Errorf("the article was fetched %d times", n)
	}
	state := st.state(s.URL + "/rss.xml")
	if state.ETag != etag || state.Interval != 22*time.Minute+30*time.Second || state.LastStatus != 304 {
		t.Errorf("state after 304: %+v", state)
	}
}

// A malformed feed, an unreachable one and a failing item are reported, and
// the other feeds and items are polled.
func TestPollFailuresDoNotStopOthers(t *testing.T) {
	s := newSite(t)
	good := `<rss version="2.0"><channel><title>g</title>
<item><title>one</title><link>/a/%[1]s-1</link><description>x</description></item>
<item><title>two</title><link>/a/%[1]s-2</link><description>y</description></item></channel></rss>`
	s.pages["/good1.xml"] = fmt.Sprintf(good, "g1")
	s.pages["/bad.xml"] = `<rss version="2.0"><channel><item><title>cut off`
	s.pages["/good2.xml"] = fmt.Sprintf(good, "g2")
	for _, p := range []string{"/a/g1-1", "/a/g1-2", "/a/g2-1", "/a/g2-2"} {
		s.pages[p] = article(p, "", arabicBody)
	}
	unreachable := "http://127.0.0.1:1/feed.xml"
	st := newMemStore(s.URL+"/good1.xml", s.URL+"/bad.xml", unreachable, s.URL+"/good2.xml")
	st.refuse[s.URL+"/a/g1-2"] = true

	reports, err := testPoller(st, st.sink).Poll(context.Background(), now)
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 4 {
		t.Fatalf("%d reports", len(reports))
	}
	for i, want := range []struct {
		status string
		new    int
		failed int
	}{{StatusOK, 1, 1}, {StatusFailed, 0, 0}, {StatusFailed, 0, 0}, {StatusOK, 2, 0}} {
		r := reports[i]
		if r.Status != want.status || r.New != want.new || len(r.Failed) != want.failed {
			t.Errorf("report %d (%s): %s, new %d, failed %+v, err %v", i, r.URL, r.Status, r.New, r.Failed, r.Err)
		}
		if want.status == StatusFailed && (r.Err == nil || !strings.Contains(r.Err.Error(), r.URL)) {
			t.Errorf("report %d: error %v does not name %s", i, r.Err, r.URL)
		}
	}
	if f := reports[0].Failed; len(f) == 1 && (f[0].Link != s.URL+"/a/g1-2" || !strings.Contains(f[0].Reason, "the store is full")) {
		t.Errorf("failed item %+v", f[0])
	}
	bad := st.state(s.URL + "/bad.xml")
	if bad.Failures != 1 || !strings.Contains(bad.LastError, s.URL+"/bad.xml") || !bad.NextPoll.Equal(now.Add(time.Hour)) {
		t.Errorf("bad feed state %+v", bad)
	}
	// An item left to retry: no validators kept, so the next poll reads the
	// whole feed again.
	if g1 := st.state(s.URL + "/good1.xml"); g1.ETag != "" || g1.LastModified != "" || g1.Failures != 0 {
		t.Errorf("good1 state %+v", g1)
	}
}

// A 429 with Retry-After puts the feed off for at least that long.
func TestPollRetryAfterBacksOff(t *testing.T) {
	s := newSite(t)
	s.hook["/busy.xml"] = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "7200")
		w.WriteHeader(http.StatusTooManyRequests)
	})
	st := newMemStore(s.URL + "/busy.xml")
	p := testPoller(st, st.sink)
	reports, err := p.Poll(context.Background(), now)
	if err != nil || len(reports) != 1 {
		t.Fatalf("%+v, %v", reports, err)
	}
	var re *RetryError
	if r := reports[0]; r.Status != StatusFailed || r.HTTPStatus != 429 || !errors.As(r.Err, &re) || re.Wait != 2*time.Hour {
		t.Errorf("report %+v", r)
	}
	state := st.state(s.URL + "/busy.xml")
	if state.Failures != 1 || state.LastStatus != 429 || !state.NextPoll.Equal(now.Add(2*time.Hour)) {
		t.Errorf("state %+v", state)
	}
	p.Poll(context.Background(), now.Add(90*time.Minute))
	if n := s.hitsOf("/busy.xml"); n != 1 {
		t.Errorf("polled %d times before the Retry-After passed", n)
	}
	p.Poll(context.Background(), now.Add(2*time.Hour))
	if n := s.hitsOf("/busy.xml"); n != 2 {
		t.Errorf("polled %d times after the Retry-After passed", n)
	}
}

// A poll cut short leaves the feed's state as it was.
func TestPollCancelledSavesNothing(t *testing.T) {
	s := newSite(t)
	s.pages["/rss.xml"] = rssFeed
	st := newMemStore(s.URL + "/rss.xml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	reports, err := testPoller(st, st.sink).Poll(ctx, now)
	if err != nil || len(reports) != 1 || !errors.Is(reports[0].Err, context.Canceled) {
		t.Fatalf("%+v, %v", reports, err)
	}
	if state := st.state(s.URL + "/rss.xml"); !state.LastPolled.IsZero() || state.Failures != 0 {
		t.Errorf("state changed: %+v", state)
	}
}

// Feeds of different hosts are polled at once; the feeds of one host one
// at a time. 127.0.0.1 and localhost are two hosts to the poller.
func TestPollConcurrentAcrossHostsPoliteWithin(t *testing.T) {
	var mu sync.Mutex
	inFlight := map[string]int{}
	most := map[string]int{}
	mostAll, all := 0, 0
	s := newSite(t)
	for _, path := range []string{"/f1.xml", "/f2.xml"} {
		s.hook[path] = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			host, _, _ := strings.Cut(r.Host, ":")
			mu.Lock()
			inFlight[host]++
			all++
			most[host] = max(most[host], inFlight[host])
			mostAll = max(mostAll, all)
			mu.Unlock()
			time.Sleep(150 * time.Millisecond)
			mu.Lock()
			inFlight[host]--
			all--
			mu.Unlock()
			fmt.Fprint(w, `<rss version="2.0"><channel><title>t</title></channel></rss>`)
		})
	}
	local := strings.Replace(s.URL, "127.0.0.1", "localhost", 1)
	st := newMemStore(s.URL+"/f1.xml", s.URL+"/f2.xml", local+"/f1.xml", local+"/f2.xml")
	start := time.Now()
	reports, err := testPoller(st, st.sink).Poll(context.Background(), now)
	took := time.Since(start)
	if err != nil || len(reports) != 4 {
		t.Fatalf("%+v, %v", reports, err)
	}
	for _, r := range reports {
		if r.Status != StatusOK {
			t.Errorf("%s: %s %v", r.URL, r.Status, r.Err)
		}
	}
	if most["127.0.0.1"] != 1 || most["localhost"] != 1 {
		t.Errorf("requests in flight to one host at most: %v", most)
	}
	if mostAll != 2 {
		t.Errorf("%d requests in flight at once across two hosts, want 2", mostAll)
	}
	// Two hosts of two 150 ms feeds each: about 300 ms at once, 600 in turn.
	if took > 550*time.Millisecond {
		t.Errorf("the poll took %s", took)
	}
}
