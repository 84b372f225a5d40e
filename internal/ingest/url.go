package ingest

import (
	_ "embed"
	"fmt"
	"net/url"
	"sort"
	"strings"
)

//go:embed data/tracking.txt
var trackingData string

// tracking holds the tracking parameters, by name and by prefix.
var tracking = func() (t struct{ names, prefixes []string }) {
	for line := range strings.Lines(trackingData) {
		line = strings.TrimSpace(line)
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasSuffix(line, "*"):
			t.prefixes = append(t.prefixes, strings.TrimSuffix(line, "*"))
		default:
			t.names = append(t.names, line)
		}
	}
	return t
}()

func isTracking(name string) bool {
	name = strings.ToLower(name)
	for _, n := range tracking.names {
		if name == n {
			return true
		}
	}
	for _, p := range tracking.prefixes {
		if strings.HasPrefix(name, p) {
			return true
		}
	}
	return false
}

// maxURL bounds the length of a URL that is read.
const maxURL = 8 << 10

// NormalizeURL gives the form of a web address under which a document is
// stored: scheme and host in lower case, no default port, no fragment, no
// tracking parameters (data/tracking.txt), the other parameters sorted, an
// empty path as "/". Two addresses of one page shared in different ways
// normalise alike; the path, being case-sensitive on most servers, is kept.
func NormalizeURL(raw string) (string, error) {
	raw = strings.TrimSpace(raw)
	if len(raw) > maxURL {
		return "", fmt.Errorf("URL of %d bytes, over %d", len(raw), maxURL)
	}
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("reading URL %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("URL %q: not http or https", raw)
	}
	if u.Host == "" {
		return "", fmt.Errorf("URL %q: no host", raw)
	}
	host, port := strings.ToLower(u.Hostname()), u.Port()
	host = strings.TrimSuffix(host, ".")
	if host == "" {
		return "", fmt.Errorf("URL %q: no host", raw)
	}
	if port == "80" && u.Scheme == "http" || port == "443" && u.Scheme == "https" {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6
	}
	if port != "" {
		host += ":" + port
	}
	u.Host = host
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	if u.Path == "" {
		u.Path, u.RawPath = "/", ""
	}
	q := u.Query()
	for name := range q {
		if isTracking(name) {
			q.Del(name)
		}
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	u.RawQuery = b.String()
	u.ForceQuery = false
	return u.String(), nil
}
