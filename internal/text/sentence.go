package text

import (
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) of a display text.
type Span struct {
	Start, End int
}

//go:embed data/abbreviations.txt
var abbreviationsData string

// abbreviations is read-only after init; it holds the data file's words.
var abbreviations = func() map[string]bool {
	m := map[string]bool{}
	for _, line := range strings.Split(abbreviationsData, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		m[line] = true
	}
	return m
}()

// isTerminator reports whether r ends a sentence in fa, ar or en.
func isTerminator(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '…', '؛', '۔':
		return true
	}
	return false
}

// isCloser reports whether r may follow a terminator inside the sentence.
func isCloser(r rune) bool {
	switch r {
	case '»', '"', '\'', ')', ']', '”', '’', '›', '}':
		return true
	}
	return false
}

// Sentences splits a display text into sentences: at . ! ? ؟ ؛ … and at line
// breaks, but not inside numbers («۳٫۵», 3.5), dates (10.11.2020), after
// abbreviations and initials, nor at the soft line breaks of hard-wrapped
// texts (a long line without final punctuation that runs on into the next).
// Each span is trimmed of surrounding whitespace.
func Sentences(text string) []Span {
	wrapped := isHardWrapped(text)
	var out []Span
	start := 0
	firstLine := true
	emit := func(end int) {
		if s, ok := trimSpan(text, start, end); ok {
			out = append(out, s)
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n':
			lineStart := strings.LastIndexByte(text[:i], '\n') + 1
			line := strings.TrimSpace(text[lineStart:i])
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if !(wrapped && !firstLine && softBreak(line, text[j:])) {
				emit(i)
			}
			if line != "" {
				firstLine = false
			}
			i = j
			continue
		case isTerminator(r):
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if !isTerminator(r2) && !isCloser(r2) {
					break
				}
				j += n2
			}
			if endsSentence(text, i, r, j) {
				emit(j)
			}
			i = j
			continue
		}
		i += n
	}
	emit(len(text))
	return out
}

// endsSentence decides whether the terminator r at i, whose run ends at j,
// closes a sentence.
func endsSentence(text string, i int, r rune, j int) bool {
	if j < len(text) {
		next, _ := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsSpace(next) {
			return false // 3.5, 10.11.2020, example.com, «؟»...
		}
	}
	if r != '.' || j > i+1 {
		return true
	}
	// A single full stop: not after an abbreviation or an initial.
	w := lastWord(text[:i])
	if utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0]) {
		return false
	}
	if abbreviations[strings.ToLower(w)] {
		return false
	}
	// Not when a Latin lower-case word follows ("approx. five").
	rest := strings.TrimLeft(text[j:], " \t")
	if next, _ := utf8.DecodeRuneInString(rest); next >= 'a' && next <= 'z' {
		return false
	}
	return true
}

// lastWord returns the run of letters and inner dots before the end of s.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		i -= n
	}
	return strings.Trim(s[i:], ".")
}

// softBreak reports whether a line break after line (trimmed) runs on into
// next in a hard-wrapped text.
func softBreak(line, next string) bool {
	if line == "" || utf8.RuneCountInString(line) < 40 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	if isTerminator(last) || isCloser(last) || last == ':' {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(first)
}

// isHardWrapped reports whether the text breaks lines inside sentences: many
// long lines end without punctuation. Texts whose only unpunctuated lines are
// a title and a lead are not wrapped.
func isHardWrapped(text string) bool {
	long, open := 0, 0
	for line := range strings.SplitSeq(text, "\n") {
		line = strings.TrimSpace(line)
		if utf8.RuneCountInString(line) < 40 {
			continue
		}
		long++
		last, _ := utf8.DecodeLastRuneInString(line)
		if !isTerminator(last) && !isCloser(last) && last != ':' {
			open++
		}
	}
	return open >= 3 && open*3 >= long
}

func trimSpan(text string, start, end int) (Span, bool) {
	for start < end {
		r, n := utf8.DecodeRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		start += n
	}
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return Span{start, end}, end > start
}

// Clauses splits a sentence span into clauses at commas and semicolons
// (، , ؛ ;), but not at a comma between digits (1,000).
func Clauses(text string, s Span) []Span {
	var out []Span
	start := s.Start
	for i := s.Start; i < s.End; {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '،' || r == ',' || r == ';' || r == '؛' {
			if r == ',' && i > s.Start && i+1 < s.End && isASCIIDigit(text[i-1]) && isASCIIDigit(text[i+1]) {
				i += n
				continue
			}
			if sp, ok := trimSpan(text, start, i+n); ok {
				out = append(out, sp)
			}
			start = i + n
		}
		i += n
	}
	if sp, ok := trimSpan(text, start, s.End); ok {
		out = append(out, sp)
	}
	return out
}

func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }
