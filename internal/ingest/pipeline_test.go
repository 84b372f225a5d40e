package ingest

import (
	"testing"

	"github.com/rasad/rasad/internal/store/sqlstore"
	"github.com/rasad/rasad/internal/text"
)

// searchKey, which reuses the text's key, indexes what the store's
// SearchKey of title and text would.
func FuzzSearchKey(f *testing.F) {
	for _, s := range [][2]string{
		{"", ""}, {"", "متن"}, {"عنوان", ""}, {" عنوان \n", "\n\t متن قره‌باغ "},
		{"پوتین و اردوغان", "كرملين گفت: «نشست سه‌جانبه» برگزار شد."}, {"\u200c", " \u200c "}, {"Putin", "Erdoğan"},
	} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, title, txt string) {
		got := searchKey(title, txt, text.KeyOf(txt))
		if want := sqlstore.SearchKey(title + "\n" + txt); got != want {
			t.Errorf("searchKey(%q, %q) = %q, want %q", title, txt, got, want)
		}
	})
}
