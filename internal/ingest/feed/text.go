package feed

import (
	"strings"

	"golang.org/x/net/html"
)

// htmlText turns a feed's HTML snippet (a summary or content) into plain
// text: tags dropped, entities decoded, scripts and styles left out, a line
// break after each block, runs of spaces folded.
func htmlText(s string) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	skip := 0 // inside <script> or <style>
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return tidyLines(b.String())
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case tag == "script" || tag == "style":
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case blockTags[tag]:
				b.WriteByte('\n')
			default:
				b.WriteByte(' ')
			}
		}
	}
}

// blockTags end a line of text.
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "tr": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"ul": true, "ol": true, "table": true, "section": true, "article": true, "hr": true,
}

// tidyLines folds spaces within lines and drops empty lines.
func tidyLines(s string) string {
	var lines []string
	for line := range strings.Lines(s) {
		if line = strings.Join(strings.Fields(line), " "); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}
