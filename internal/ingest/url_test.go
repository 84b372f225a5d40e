package ingest

import (
	"strings"
	"testing"
)

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://www.irna.ir/news/84530391/?utm_source=telegram&utm_medium=social", "https://www.irna.ir/news/84530391/"},
		{"HTTPS://WWW.IRNA.IR:443/news/84530391/#comments", "https://www.irna.ir/news/84530391/"},
		{"http://aawsat.com:80", "http://aawsat.com/"},
		{"https://www.aljazeera.net/news/2020/11/10/x?b=2&a=1&fbclid=IwAR0", "https://www.aljazeera.net/news/2020/11/10/x?a=1&b=2"},
		{"https://www.reuters.com/world/?gclid=1&ID=7", "https://www.reuters.com/world/?ID=7"},
		// the path keeps its case and its percent-encoded Persian
		{"https://www.isna.ir/news/1400081007/%D8%AF%DB%8C%D8%AF%D8%A7%D8%B1", "https://www.isna.ir/news/1400081007/%D8%AF%DB%8C%D8%AF%D8%A7%D8%B1"},
		{"https://www.isna.ir/news/1400081007/دیدار", "https://www.isna.ir/news/1400081007/%D8%AF%DB%8C%D8%AF%D8%A7%D8%B1"},
		{"https://user:secret@example.org/a?", "https://example.org/a"},
		{"  https://example.org./A  ", "https://example.org/A"},
	}
	for _, tt := range tests {
		got, err := NormalizeURL(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestNormalizeURLRefuses(t *testing.T) {
	for _, in := range []string{"", "ftp://example.org/x", "file:///etc/passwd", "javascript:alert(1)", "https://", "http://[::1", "https://example.org/" + strings.Repeat("a", maxURL)} {
		if got, err := NormalizeURL(in); err == nil {
			t.Errorf("NormalizeURL(%.40q) = %q, want an error", in, got)
		}
	}
}

// FuzzNormalizeURL checks that normalising is idempotent and never panics.
func FuzzNormalizeURL(f *testing.F) {
	for _, s := range []string{"https://www.irna.ir/news/84530391/?utm_source=x#y", "http://a.b:80/?b=1&a=2", "https://[::1]:8080/p?q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeURL(s)
		if err != nil {
			return
		}
		again, err := NormalizeURL(n)
		if err != nil || again != n {
			t.Errorf("NormalizeURL(%q) = %q, and again %q, %v", s, n, again, err)
		}
	})
}
