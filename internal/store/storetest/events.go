package storetest

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rasad/rasad/internal/analyze"

	"github.com/rasad/rasad/internal/cluster"
	"github.com/rasad/rasad/internal/store"
)

var (
	putin   = cluster.Party{ID: "vladimir-putin", Name: "Vladimir Putin", State: "russia"}
	erdogan = cluster.Party{ID: "recep-tayyip-erdogan", Name: "Recep Tayyip Erdogan", State: "turkey"}
	aliyev  = cluster.Party{ID: "ilham-aliyev", Name: "Ilham Aliyev", State: "azerbaijan"}
	russia  = cluster.Party{ID: "russia", Name: "Russia", Country: true}
	turkey  = cluster.Party{ID: "turkey", Name: "Turkey", Country: true}
)

// report is a document reporting one event.
func report(id, lang, publisher, typ, mode, date, published string, parties ...cluster.Party) store.Document {
	d := doc(id)
	d.Lang, d.Publisher, d.Published = lang, publisher, published
	d.URL = "https://" + publisher + "/news/" + id
	it := cluster.Item{Doc: id, Type: typ, Mode: mode, Date: date, Published: published, Lang: lang,
		Publisher: publisher, Actors: parties, Recipients: []cluster.Party{},
		Evidence: spanOf("evidence of " + id)}
	it.Lo, it.Hi = date, date
	if date == "" {
		it.Lo, it.Hi = dayBefore(published, cluster.UndatedWindow), published
	}
	d.Items = []cluster.Item{it}
	return d
}

func listEvents(t *testing.T, s store.Store, f store.Filter) []cluster.Listing {
	t.Helper()
	ls, _, err := s.Events(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return ls
}

// docsOf writes each event as its sorted documents.
func docsOf(ls []cluster.Listing) string {
	var out []string
	for _, l := range ls {
		d := slices.Clone(l.Documents)
		slices.Sort(d)
		out = append(out, strings.Join(d, " "))
	}
	slices.Sort(out)
	return strings.Join(out, " | ")
}

// eventsMerge: the same phone call reported in three languages is one
// event, whatever the order; a call a month later is another.
func eventsMerge(t *testing.T, s store.Store) {
	put(t, s, report("fa1", "fa", "irna.ir", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan))
	put(t, s, report("en1", "en", "reuters.com", "CONSULT", "phone", "2021-05-10", "2021-05-10", putin, erdogan))
	put(t, s, report("ar1", "ar", "aljazeera.net", "CONSULT", "", "", "2021-04-10", russia, turkey))
	put(t, s, report("en2", "en", "apnews.com", "CONSULT", "phone", "2021-04-09", "2021-04-09", erdogan, putin))
	ls := listEvents(t, s, store.Filter{})
	if got := docsOf(ls); got != "ar1 en2 fa1 | en1" {
		t.Fatalf("events: %s", got)
	}
	l := ls[0] // 9 April, the earlier day
	if l.Date == nil || *l.Date != "2021-04-09" || !slices.Equal(l.Languages, []string{"ar", "en", "fa"}) ||
		l.Sources != 3 || len(l.Evidence) != 3 || l.Mode == nil || *l.Mode != "phone" {
		t.Errorf("merged event: %+v", l)
	}
	got, err := s.Event(context.Background(), l.ID)
	if err != nil || got.ID != l.ID || len(got.Documents) != 3 {
		t.Errorf("Event(%s) = %+v, %v", l.ID, got, err)
	}
	if _, err := s.Event(context.Background(), "ev-none"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a missing event: %v", err)
	}
	// the same document again changes nothing
	put(t, s, report("fa1", "fa", "irna.ir", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan))
	if got := docsOf(listEvents(t, s, store.Filter{})); got != "ar1 en2 fa1 | en1" {
		t.Errorf("after storing fa1 twice: %s", got)
	}
}

// copiesOneSource: a syndicated copy on another outlet is stored (it is a
// document of its own) but does not count as an independent source.
func copiesOneSource(t *testing.T, s store.Store) {
	const body = "به گزارش ایرنا، ولادیمیر پوتین رئیس‌جمهوری روسیه و رجب طیب اردوغان رئیس‌جمهوری ترکیه روز جمعه در گفت‌وگوی تلفنی درباره تحولات قره‌باغ و همکاری دو کشور در مقابله با کرونا رایزنی کردند. دو طرف بر اجرای کامل بیانیه نهم نوامبر تاکید کردند."
	a := report("orig", "fa", "irna.ir", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan)
	a.Text, a.Signature = body, cluster.Sign(body)
	b := report("copy", "fa", "mashreghnews.ir", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan)
	b.Text = strings.ReplaceAll(strings.ReplaceAll(body, "ی", "ي"), "\u200c", " ")
	b.Signature = cluster.Sign(b.Text)
	put(t, s, a)
	r, err := s.Put(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	if r.Outcome != store.Stored || !slices.Equal(r.Copies, []string{"orig"}) {
		t.Errorf("the copy: %v, copies %v", r.Outcome, r.Copies)
	}
	ls := listEvents(t, s, store.Filter{})
	if len(ls) != 1 || len(ls[0].Documents) != 2 || ls[0].Sources != 1 {
		t.Errorf("events: %s, sources %d", docsOf(ls), ls[0].Sources)
	}
}

// eventsFiltered: filters by type, actor (id or name), days, and pages
// that join up.
func eventsFiltered(t *testing.T, s store.Store) {
	put(t, s, report("g1", "fa", "irna.ir", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan))
	put(t, s, report("g2", "ar", "aa.com.tr", "ACCUSE", "", "2021-04-12", "2021-04-12", turkey, russia))
	put(t, s, report("g3", "en", "reuters.com", "CONSULT", "visit", "2021-04-20", "2021-04-20", putin, aliyev))
	put(t, s, report("g4", "en", "apnews.com", "AGREE", "", "", "2021-04-25", aliyev, erdogan))
	for _, tt := range []struct {
		name string
		f    store.Filter
		want string
	}{
		{"type", store.Filter{Type: "consult"}, "g1 | g3"},
		{"actor id", store.Filter{Actors: []string{"ilham-aliyev"}}, "g3 | g4"},
		{"a state finds its leader", store.Filter{Actors: []string{"turkey"}}, "g1 | g2 | g4"},
		{"actor name", store.Filter{ActorText: "PUTIN"}, "g1 | g3"},
		{"days", store.Filter{From: "2021-04-10", To: "2021-04-24"}, "g2 | g3"},
		{"an undated event by its publication", store.Filter{From: "2021-04-25"}, "g4"},
	} {
		if got := docsOf(listEvents(t, s, tt.f)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	if got := strings.Join(pagedDocuments(t, s, store.Filter{Limit: 3}, 10), " "); got != "g1 g2 g3 g4" {
		t.Errorf("paged: %s", got)
	}
	if _, _, err := s.Events(context.Background(), store.Filter{Cursor: "!!"}); !errors.Is(err, store.ErrBadInput) {
		t.Errorf("a bad cursor: %v", err)
	}
}

// search: Arabic and Persian spellings of a word find each other, and the
// snippet is the text as written.
func search(t *testing.T, s store.Store) {
	fa := doc("h1")
	fa.Text = "سخنگوی کرملین روز جمعه گفت که ولادیمیر پوتین در گفت‌وگوی تلفنی با رجب طیب اردوغان درباره قره‌باغ رایزنی کرد."
	ar := doc("h2")
	ar.Text = "قال المتحدث باسم الكرملين دميتري بيسكوف إنّ الرئيسين بحثا الوضع في قره باغ."
	en := doc("h3")
	en.Text = "The Kremlin said the two presidents spoke by phone."
	tr := doc("h4")
	tr.Text = "Dışişleri Bakanı Çavuşoğlu, «Erdoğan–Putin» görüşmesini (Soçi'de) duyurdu."
	for _, d := range []store.Document{fa, ar, en, tr} {
		d.Title = ""
		put(t, s, d)
	}
	for q, want := range map[string]string{
		"كرملين":    "h1",
		"کرملین":    "h1",
		"الكرملين":  "h2",
		"بيسكوف":    "h2",
		"kremlin":   "h3",
		"قره باغ":   "h1 h2",
		"گفت‌وگوی":  "h1",
		"گفتوگوی":   "h1",
		"nothing":   "",
		"   ":       "",
		"پوتین قطر": "",
		// Latin letters match without their diacritics, and punctuation
		// (Latin or Arabic-script) never sticks to a word
		"Erdogan":              "h4",
		"ERDOĞAN putin":        "h4",
		"cavusoglu, disisleri": "h4",
		"soçi":                 "h4",
		"«جمعه»؟":              "h1",
	} {
		hits, err := s.Search(context.Background(), q, 10)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		if got := strings.Join(ids, " "); got != want {
			t.Errorf("Search(%q) = %q, want %q", q, got, want)
		}
	}
	hits, _ := s.Search(context.Background(), "كرملين", 10)
	if len(hits) == 1 && !strings.Contains(hits[0].Snippet, "کرملین") {
		t.Errorf("snippet %q does not show the text as written", hits[0].Snippet)
	}
	// a reanalysis indexes the document again, from its stored text
	tr.Title = "Soçi zirvesi"
	tr.Text, tr.SearchKey = "", ""
	if _, err := s.Reanalyze(context.Background(), tr); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"zirvesi": 1, "cavusoglu": 1} {
		if hits, err := s.Search(context.Background(), q, 10); err != nil || len(hits) != want {
			t.Errorf("after reanalysis, Search(%q) = %v, %v; want %d hits", q, hits, err, want)
		}
	}
}

// reanalyze: when a document's new analysis drops the report that held an
// event together, the event splits.
func reanalyze(t *testing.T, s store.Store) {
	put(t, s, report("k1", "fa", "irna.ir", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan))
	put(t, s, report("k2", "ar", "aljazeera.net", "CONSULT", "phone", "", "2021-04-12", putin, erdogan))
	put(t, s, report("k3", "en", "reuters.com", "CONSULT", "phone", "", "2021-04-18", putin, erdogan))
	// k2's window reaches back to 5 April and k3's to 11 April: k2 joins
	// k1 and k3, which do not reach each other.
	if got := docsOf(listEvents(t, s, store.Filter{})); got != "k1 k2 k3" {
		t.Fatalf("before: %s", got)
	}
	d := report("k2", "ar", "aljazeera.net", "ACCUSE", "", "", "2021-04-12", turkey, russia)
	d.Analysis, d.AnalyzerVersion = []byte(`{"id":"k2"}`), "0.2.0"
	if _, err := s.Reanalyze(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if got := docsOf(listEvents(t, s, store.Filter{Type: "CONSULT"})); got != "k1 | k3" {
		t.Errorf("after: %s", got)
	}
	if got := docsOf(listEvents(t, s, store.Filter{Type: "ACCUSE"})); got != "k2" {
		t.Errorf("after, the new event: %s", got)
	}
	stale, err := s.Stale(context.Background(), "0.2.0", "", 10)
	if err != nil || strings.Join(stale, " ") != "k1 k3" {
		t.Errorf("Stale = %v, %v", stale, err)
	}
	if ok, err := s.HasURL(context.Background(), "https://irna.ir/news/k1"); !ok || err != nil {
		t.Errorf("HasURL of a stored URL: %v %v", ok, err)
	}
	if ok, _ := s.HasURL(context.Background(), "https://irna.ir/news/none"); ok {
		t.Error("HasURL of an unknown URL")
	}
	if _, err := s.Reanalyze(context.Background(), report("none", "fa", "irna.ir", "CONSULT", "", "", "2021-04-09")); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("re-analysing a missing document: %v", err)
	}
}

func spanOf(s string) analyze.Span { return analyze.Span{Start: 0, End: len([]rune(s)), Text: s} }

func dayBefore(day string, n int) string {
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, -n).Format("2006-01-02")
}

// pagedDocuments walks the listing of f page by page (at most pages of
// them) and returns the documents of its events, in order.
func pagedDocuments(t *testing.T, s store.Store, f store.Filter, pages int) []string {
	t.Helper()
	var all []string
	for range pages {
		ls, next, err := s.Events(context.Background(), f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			all = append(all, l.Documents...)
		}
		if f.Cursor = next; f.Cursor == "" {
			break
		}
	}
	return all
}
