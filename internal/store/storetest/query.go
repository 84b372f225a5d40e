package storetest

import (
	"strings"
	"testing"

	"github.com/rasad/rasad/internal/store"
)

// eventsByQuery: the events of the documents that have every word of a
// query, matched on keys (Persian and Arabic spellings find each other),
// with the other filters and paged.
func eventsByQuery(t *testing.T, s store.Store) {
	docs := []struct {
		d    store.Document
		text string
	}{
		{report("q1", "fa", "irna.ir", "CONSULT", "phone", "2021-04-09", "2021-04-09", putin, erdogan),
			"سخنگوی کرملین گفت که پوتین و اردوغان در گفت‌وگوی تلفنی رایزنی کردند."},
		{report("q2", "ar", "aa.com.tr", "ACCUSE", "", "2021-04-12", "2021-04-12", turkey, russia),
			"اتهمت أنقرة موسكو بخرق الهدنة في قره\u200cباغ."},
		{report("q3", "en", "reuters.com", "CONSULT", "visit", "2021-04-20", "2021-04-20", putin, aliyev),
			"The Kremlin said Putin and Aliyev discussed Karabakh."},
		{report("q4", "en", "apnews.com", "AGREE", "", "2021-04-25", "2021-04-25", aliyev, erdogan),
			"Aliyev and Erdogan agreed on Karabakh."},
	}
	for _, x := range docs {
		x.d.Title, x.d.Text = "", x.text
		put(t, s, x.d)
	}
	for _, tt := range []struct {
		name string
		f    store.Filter
		want string
	}{
		{"an Arabic spelling finds the Persian", store.Filter{Query: "كرملين"}, "q1"},
		{"the Persian spelling", store.Filter{Query: "کرملین"}, "q1"},
		{"every word must be there", store.Filter{Query: "kremlin karabakh"}, "q3"},
		{"a spaced query finds a ZWNJ form", store.Filter{Query: "قره باغ"}, "q2"},
		{"two events", store.Filter{Query: "Karabakh"}, "q3 | q4"},
		{"with a type", store.Filter{Query: "karabakh", Type: "AGREE"}, "q4"},
		{"with an actor", store.Filter{Query: "karabakh", Actors: []string{"vladimir-putin"}}, "q3"},
		{"with days", store.Filter{Query: "karabakh", To: "2021-04-21"}, "q3"},
		{"no document has it", store.Filter{Query: "zanzibar"}, ""},
		{"no word in it", store.Filter{Query: " !! "}, ""},
	} {
		if got := docsOf(listEvents(t, s, tt.f)); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
	if got := strings.Join(pagedDocuments(t, s, store.Filter{Query: "karabakh", Limit: 1}, 5), " "); got != "q3 q4" {
		t.Errorf("paged by one: %s", got)
	}
}
