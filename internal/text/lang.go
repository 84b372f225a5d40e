package text

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Language codes rasad reads natively.
const (
	Persian = "fa"
	Arabic  = "ar"
	English = "en"
)

// Persian and Arabic function words, as matching keys: the commonest words
// that one language uses and the other does not.
var (
	persianWords = wordSet("است را این که از با برای می های شد کرد شده خود بود نیز اما همچنین گفت کند کرده دارد وی")
	arabicWords  = wordSet("في التي الذي الذين عن هذا هذه مع وقال قال ذلك أيضا وفي كما وقد لم لن وهو وأن")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[KeyOf(w)] = true
	}
	return m
}

// DetectLanguage names the language of a display text as an ISO 639-1 code
// ("fa", "ar", "en", …), or "" when there is nothing to tell it by. Arabic
// script is split between Persian and Arabic by letters only one of them uses
// (پ چ ژ گ and Persian ی/ک against ة ي ك ى) and by function words, which also
// settles older Persian texts typed with Arabic ي and ك. Other scripts go to
// a trigram classifier.
func DetectLanguage(text string) string {
	if len(text) > 64<<10 {
		text = text[:64<<10]
	}
	var arabicScript, latin, other, fa, ar int
	for _, r := range text {
		switch {
		case (r >= 0x0600 && r <= 0x06ff || r >= 0x0750 && r <= 0x077f) && unicode.IsLetter(r):
			arabicScript++
			switch r {
			case 'پ', 'چ', 'ژ', 'گ':
				fa += 3
			case 'ی', 'ک':
				fa++
			case 'ة', 'ى':
				ar += 3
			case 'ي', 'ك':
				ar++
			case 'ے', 'ں', 'ٹ', 'ڈ', 'ڑ':
				return "ur"
			case 'ێ', 'ۆ', 'ڵ', 'ڕ':
				return "ckb"
			}
		case r < 0x80 && unicode.IsLetter(r):
			latin++
		case unicode.IsLetter(r):
			other++
		}
	}
	if arabicScript == 0 && latin == 0 && other == 0 {
		return ""
	}
	if arabicScript >= latin && arabicScript >= other {
		for _, w := range strings.FieldsFunc(KeyOf(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if persianWords[w] {
				fa += 2
			}
			if arabicWords[w] {
				ar += 2
			}
		}
		if fa > ar {
			return Persian
		}
		return Arabic
	}
	info := whatlanggo.Detect(text)
	if code := info.Lang.Iso6391(); code != "" {
		return code
	}
	if latin > other {
		return English
	}
	return ""
}
