package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// guessTitle finds the headline of a plain text: the first of its opening
// lines that reads as one, skipping navigation scraps («Ru En»), codes and
// datelines («کد خبر 1293642», «تاریخ انتشار: …»). A text that opens with a
// sentence has no title.
func guessTitle(display string) (string, bool) {
	seen := 0
	for line := range strings.SplitSeq(display, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(line), "#*="))
		if line == "" {
			continue
		}
		if seen++; seen > 5 {
			break
		}
		words := strings.Fields(line)
		if len(words) < 3 || digitShare(line) > 0.25 {
			continue
		}
		if len(words) > 30 || utf8.RuneCountInString(line) > 250 {
			return "", false
		}
		last, _ := utf8.DecodeLastRuneInString(line)
		if last == '.' || last == '۔' {
			return "", false
		}
		return line, true
	}
	return "", false
}

func digitShare(s string) float64 {
	var digits, all int
	for _, r := range s {
		if unicode.IsSpace(r) {
			continue
		}
		all++
		if unicode.IsDigit(r) {
			digits++
		}
	}
	if all == 0 {
		return 0
	}
	return float64(digits) / float64(all)
}
