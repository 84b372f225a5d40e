package feed

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/ingest"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParse(t *testing.T) {
	tests := []struct {
		file, feedURL string
		title, lang   string
		items         []Item
	}{
		{
			file: "rss.xml", feedURL: "https://news.example.ir/rss", title: "خبرگزاری نمونه", lang: "fa-IR",
			items: []Item{
				{
					GUID: "news-1001", Link: "https://news.example.ir/news/1001/?a=1&b=2",
					Title:     "دیدار وزیران خارجه ایران و روسیه",
					Published: time.Date(2021, 11, 1, 20, 26, 0, 0, time.FixedZone("", 3*3600+1800)),
					Summary:   "<p>وزیران خارجه <b>ایران</b> و روسیه در مسکو دیدار کردند.</p>",
					Content:   "<p>متن کامل خبر.</p><script>track()</script>",
				},
				// no link: the guid is a permalink
				{GUID: "https://news.example.ir/news/1002#top", Link: "https://news.example.ir/news/1002", Title: "بدون پیوند",
					Published: time.Date(2021, 11, 2, 8, 0, 0, 0, time.UTC), Summary: "خبر دوم"},
				// a link that is no web address is kept as written, unusable
				{Link: "", RawLink: "javascript:alert(1)", Title: "پیوند نادرست"},
			},
		},
		{
			file: "atom.xml", feedURL: "https://www.example.net/ar/feed.atom", title: "أخبار العالم", lang: "ar",
			items: []Item{
				{
					GUID: "tag:example.net,2020:1", Link: "https://www.example.net/ar/world/2020/11/11/putin-erdogan",
					Title:     "بوتين وأردوغان يبحثان الوضع في قره باغ",
					Published: time.Date(2020, 11, 11, 9, 30, 0, 0, time.FixedZone("", 3*3600)),
					Summary:   "<p>بحث الرئيسان هاتفيا.</p>",
					Content:   "<p>بحث الرئيس الروسي فلاديمير بوتين ونظيره التركي.</p>",
				},
				// a relative link, resolved against the feed's URL; only an updated time
				{GUID: "tag:example.net,2020:2", Link: "https://www.example.net/ar/world/2", Title: "Only updated",
					Published: time.Date(2020, 11, 12, 8, 0, 0, 0, time.UTC)},
			},
		},
		{
			file: "feed.json", feedURL: "https://en.example.org/feed.json", title: "Example English",
			items: []Item{{
				GUID: "en-1", Link: "https://en.example.org/2021/11/01/lavrov-meets", Title: "Lavrov meets Amir-Abdollahian",
				Published: time.Date(2021, 11, 1, 10, 0, 0, 0, time.UTC),
				Summary:   "Talks in Moscow", Content: "<p>Russia's foreign minister met his Iranian counterpart.</p>",
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readTestdata(t, tt.file), tt.feedURL)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || f.Language != tt.lang || f.Dropped != 0 {
				t.Errorf("feed: title %q lang %q dropped %d", f.Title, f.Language, f.Dropped)
			}
			if len(f.Items) != len(tt.items) {
				t.Fatalf("%d items, want %d: %+v", len(f.Items), len(tt.items), f.Items)
			}
			for i, want := range tt.items {
				got := f.Items[i]
				if want.RawLink == "" {
					got.RawLink = "" // checked where the test gives it
				}
				// the same instant, in the zone the feed wrote
				if g, w := got.Published.Format(time.RFC3339), want.Published.Format(time.RFC3339); g != w {
					t.Errorf("item %d published %s, want %s", i, g, w)
				}
				got.Published, want.Published = time.Time{}, time.Time{}
				if got != want {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, got, want)
				}
			}
		})
	}
}

func TestParseMalformed(t *testing.T) {
	const u = "https://bad.example.org/feed"
	for _, in := range []string{
		"",
		"<html><body>not a feed</body></html>",
		"<rss version=\"2.0\"><channel><item><title>cut",
		`{"version": "https://jsonfeed.org/version/1.1", "items": [`,
		"\x00\x01\x02 binary",
	} {
		f, err := Parse([]byte(in), u)
		if err == nil {
			t.Errorf("Parse(%q) = %+v, want an error", in, f)
			continue
		}
		if !strings.Contains(err.Error(), u) {
			t.Errorf("Parse(%q): %v does not name the feed", in, err)
		}
	}
}

func TestParseCapsItems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>many</title>`)
	for i := range MaxItems + 20 {
		fmt.Fprintf(&b, "<item><title>%d</title><link>https://example.org/%d</link></item>", i, i)
	}
	b.WriteString(`</channel></rss>`)
	f, err := Parse([]byte(b.String()), "https://example.org/feed")
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Items) != MaxItems || f.Dropped != 20 || f.Items[0].Title != "0" {
		t.Errorf("%d items, %d dropped, first %q", len(f.Items), f.Dropped, f.Items[0].Title)
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<p>وزیران خارجه <b>ایران</b> و روسیه</p><p>دوم</p>", "وزیران خارجه ایران و روسیه\nدوم"},
		{"plain &amp; simple", "plain & simple"},
		{"<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style>b", "a\nb"},
		{"line<br>next<br/>  last  ", "line\nnext\nlast"},
		{"", ""},
		{"<p>unclosed", "unclosed"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParse checks that no feed makes Parse panic, that its errors name the
// feed, and that the items it reads keep its promises.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte(`<rss version="2.0"><channel><item><link>//x/%zz</link></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://a/b/"><entry><link href="../c"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"/x"}]}`))
	f.Add([]byte("<rss"))
	const u = "https://fuzz.example.org/feed"
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, u)
		if err != nil {
			if !strings.Contains(err.Error(), u) {
				t.Fatalf("error %q does not name the feed", err)
			}
			return
		}
		if len(feed.Items) > MaxItems {
			t.Fatalf("%d items", len(feed.Items))
		}
		for _, it := range feed.Items {
			if it.Link != "" {
				if n, err := ingest.NormalizeURL(it.Link); err != nil || n != it.Link {
					t.Fatalf("link %q not normalised: %q, %v", it.Link, n, err)
				}
			}
			htmlText(it.Summary)
			htmlText(it.Content)
		}
	})
}
