package cluster

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

var (
	putin    = Party{ID: "vladimir-putin", Name: "Vladimir Putin", State: "russia"}
	lavrov   = Party{ID: "sergey-lavrov", Name: "Sergey Lavrov", State: "russia"}
	erdogan  = Party{ID: "recep-tayyip-erdogan", Name: "Recep Tayyip Erdogan", State: "turkey"}
	aliyev   = Party{ID: "ilham-aliyev", Name: "Ilham Aliyev", State: "azerbaijan"}
	russia   = Party{ID: "russia", Name: "Russia", Country: true}
	turkey   = Party{ID: "turkey", Name: "Turkey", Country: true}
	armenia  = Party{ID: "armenia", Name: "Armenia", Country: true}
	moscow   = Party{ID: "moscow", Name: "Moscow", State: "russia"}
	noPeople = []Party{}
)

func item(doc, typ, mode, date, published string, actors ...Party) Item {
	it := Item{Doc: doc, Type: typ, Mode: mode, Date: date, Published: published, Actors: actors, Recipients: noPeople}
	it.Lo, it.Hi = window(date, published)
	return it
}

func TestSame(t *testing.T) {
	call := item("a", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan)
	tests := []struct {
		name string
		b    Item
		want bool
	}{
		{"the same call, reported elsewhere", item("b", "CONSULT", "phone", "2021-04-09", "2021-04-10", erdogan, putin), true},
		{"states for the leaders", item("b", "CONSULT", "", "2021-04-09", "2021-04-10", russia, turkey), true},
		{"undated, published the next day", item("b", "CONSULT", "phone", "", "2021-04-10", putin, erdogan), true},
		{"undated, published a month later", item("b", "CONSULT", "phone", "", "2021-05-12", putin, erdogan), false},
		{"a call a month later", item("b", "CONSULT", "phone", "2021-05-10", "2021-05-10", putin, erdogan), false},
		{"the day after, across midnight", item("b", "CONSULT", "phone", "2021-04-10", "2021-04-10", putin, erdogan), true},
		{"the day after, with a party more", item("b", "CONSULT", "phone", "2021-04-10", "2021-04-10", putin, erdogan, aliyev), false},
		{"the same day, with a party more", item("b", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan, aliyev), true},
		{"two days after", item("b", "CONSULT", "phone", "2021-04-11", "2021-04-11", putin, erdogan), false},
		{"undated, published 8 days later", item("b", "CONSULT", "phone", "", "2021-04-17", putin, erdogan), true},
		{"undated, published 9 days later", item("b", "CONSULT", "phone", "", "2021-04-18", putin, erdogan), false},
		{"a visit, not a call", item("b", "CONSULT", "visit", "2021-04-09", "2021-04-09", putin, erdogan), false},
		{"another type", item("b", "ACCUSE", "", "2021-04-09", "2021-04-09", putin, erdogan), false},
		{"another partner", item("b", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, aliyev), false},
		{"a minister is not the president", item("b", "CONSULT", "phone", "2021-04-09", "2021-04-09", lavrov, erdogan), false},
		{"the same document", item("a", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan), false},
		{"no parties", item("b", "CONSULT", "phone", "2021-04-09", "2021-04-09"), false},
		{"undated and no publication date", item("b", "CONSULT", "phone", "", "", putin, erdogan), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Same(&call, &tt.b); got != tt.want {
				t.Errorf("Same = %v, want %v", got, tt.want)
			}
			if got := Same(&tt.b, &call); got != tt.want {
				t.Errorf("Same reversed = %v, want %v", got, tt.want)
			}
		})
	}
	// one party on one side: it must be among the other's
	support := item("c", "SUPPORT", "", "2021-04-09", "2021-04-09", erdogan)
	if !Same(&support, ptr(item("d", "SUPPORT", "", "2021-04-09", "2021-04-09", turkey, armenia))) {
		t.Error("a lone party matching its state: not the same")
	}
	if Same(&support, ptr(item("d", "SUPPORT", "", "2021-04-09", "2021-04-09", russia, armenia))) {
		t.Error("a lone party matching nobody: the same")
	}
}

func ptr(it Item) *Item { return &it }

func TestBuild(t *testing.T) {
	a := item("irna-1", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin)
	a.Recipients, a.Lang, a.Publisher = []Party{erdogan}, "fa", "irna.ir"
	a.Location = &moscow
	b := item("aj-1", "CONSULT", "", "2021-04-09", "2021-04-10", russia, turkey)
	b.Lang, b.Publisher = "ar", "aljazeera.net"
	c := item("aj-2", "CONSULT", "phone", "", "2021-04-10", putin, erdogan)
	c.Lang, c.Publisher = "ar", "aljazeera.net"
	d := item("copy-1", "CONSULT", "phone", "2021-04-09", "2021-04-10", putin)
	d.Recipients, d.Lang, d.Publisher = []Party{erdogan}, "fa", "mashreghnews.ir"
	l := Build([]Item{c, d, b, a}, []Link{{"copy-1", "irna-1"}})
	if l.Type != "CONSULT" || l.Mode == nil || *l.Mode != "phone" || l.Date == nil || *l.Date != "2021-04-09" {
		t.Errorf("type, mode, date = %s %v %v", l.Type, l.Mode, l.Date)
	}
	if got := names(l.Actors); got != "Vladimir Putin" {
		t.Errorf("actors = %s (Russia stands for nobody new once Putin is there)", got)
	}
	if got := names(l.Recipients); got != "Recep Tayyip Erdogan" {
		t.Errorf("recipients = %s", got)
	}
	if want := []string{"irna-1", "aj-1", "aj-2", "copy-1"}; !slices.Equal(l.Documents, want) {
		t.Errorf("documents = %v, want %v (by publication, then id)", l.Documents, want)
	}
	if l.Sources != 2 {
		t.Errorf("sources = %d, want 2 (Al Jazeera twice, and IRNA with its copy)", l.Sources)
	}
	if !slices.Equal(l.Languages, []string{"ar", "fa"}) || len(l.Evidence) != 4 || l.Location == nil || l.Location.ID != "moscow" {
		t.Errorf("languages %v, evidence %d, location %v", l.Languages, len(l.Evidence), l.Location)
	}
	if again := Build([]Item{a, b, c, d}, []Link{{"irna-1", "copy-1"}}); again.ID != l.ID || names(again.Actors) != names(l.Actors) {
		t.Errorf("another order gives %s, %s", again.ID, names(again.Actors))
	}
}

func names(ps []Party) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, ", ")
}

func TestComponentsOrder(t *testing.T) {
	items := []Item{
		item("a", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan),
		item("b", "CONSULT", "phone", "", "2021-04-10", russia, turkey),
		item("c", "CONSULT", "phone", "2021-05-10", "2021-05-10", putin, erdogan),
		item("d", "CONSULT", "", "", "2021-05-11", erdogan, putin),
		item("e", "ACCUSE", "", "2021-04-09", "2021-04-09", putin, erdogan),
		item("f", "CONSULT", "visit", "2021-04-09", "2021-04-09", putin, erdogan),
	}
	want := canon(Components(items))
	if want != "a b|c d|e|f" {
		t.Fatalf("clusters = %s", want)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		r.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		if got := canon(Components(items)); got != want {
			t.Fatalf("shuffled: %s, want %s", got, want)
		}
	}
}

// canon writes clusters as sorted document lists, sorted.
func canon(cs [][]Item) string {
	var out []string
	for _, c := range cs {
		var docs []string
		for _, it := range c {
			docs = append(docs, it.Doc)
		}
		slices.Sort(docs)
		out = append(out, strings.Join(docs, " "))
	}
	slices.Sort(out)
	return strings.Join(out, "|")
}

func TestNearDuplicate(t *testing.T) {
	orig := "به گزارش ایرنا، ولادیمیر پوتین رئیس‌جمهوری روسیه و رجب طیب اردوغان رئیس‌جمهوری ترکیه روز جمعه در گفت‌وگوی تلفنی درباره تحولات قره‌باغ و همکاری‌های دو کشور در مقابله با کرونا رایزنی کردند. دو طرف بر اجرای کامل بیانیه نهم نوامبر تاکید کردند و درباره مرکز مشترک نظارت بر آتش‌بس گفت‌وگو کردند."
	copyText := strings.Replace(strings.Replace(orig, "به گزارش ایرنا،", "به گزارش مشرق به نقل از ایرنا،", 1), "ی", "ي", -1)
	copyText = strings.ReplaceAll(copyText, "\u200c", " ")
	other := "رئیس‌جمهوری ترکیه در تماس با همتای روس خود از نقش مسکو در آتش‌بس قره‌باغ قدردانی کرد و خواستار تقویت همکاری‌های منطقه‌ای شد. این گفت‌وگو به درخواست آنکارا انجام شد و موضوع واکسن کرونا نیز مطرح شد."
	a, b, c := Sign(orig), Sign(copyText), Sign(other)
	t.Logf("copy %.2f, other %.2f", Similarity(a, b), Similarity(a, c))
	if s := Similarity(a, b); s < NearDuplicate {
		t.Errorf("a syndicated copy: similarity %.2f, under %.2f", s, NearDuplicate)
	}
	if s := Similarity(a, c); s >= NearDuplicate {
		t.Errorf("another report of the event: similarity %.2f", s)
	}
	shared := false
	for i, k := range a.BandKeys() {
		shared = shared || b.BandKeys()[i] == k
	}
	if !shared {
		t.Error("the copy shares no band with the original: it would never be a candidate")
	}
	if Sign("پوتین و اردوغان گفت‌وگو کردند") != nil {
		t.Error("a short text has a signature")
	}
	if got := ParseSignature(a.Bytes()); Similarity(got, a) != 1 {
		t.Error("a signature does not survive storage")
	}
	if ParseSignature([]byte("short")) != nil {
		t.Error("a malformed signature parsed")
	}
}

func TestPublisher(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.irna.ir/news/1":     "irna.ir",
		"https://m.aljazeera.net/news/x": "aljazeera.net",
		"https://aa.com.tr/ar/x":         "aa.com.tr",
		"":                               "",
		"not a url":                      "",
	} {
		if got := Publisher(in); got != want {
			t.Errorf("Publisher(%q) = %q, want %q", in, got, want)
		}
	}
}
