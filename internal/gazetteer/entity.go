package gazetteer

import (
	"fmt"
	"strings"
	"time"
)

// Kind of entity, as the contract names them.
const (
	KindPerson  = "person"
	KindCountry = "country"
	KindOrg     = "org"
	KindPlace   = "place"
	KindOther   = "other"
)

// Entity is one actor, place or organisation.
type Entity struct {
	ID   string `json:"id"`
	QID  string `json:"qid,omitempty"`
	Kind string `json:"kind"`
	// Name is the canonical English name.
	Name string `json:"name"`
	// Names are the names the news uses, per language code.
	Names map[string][]string `json:"names"`
	// Surnames match only after a full mention in the same text.
	Surnames map[string][]string `json:"surnames,omitempty"`
	// Adjectives are a country's demonyms («روسی», «الروسي», Russian).
	Adjectives map[string][]string `json:"adjectives,omitempty"`
	// Context lists words that must stand right before a single-word name
	// for it to count («به گزارش مشرق»).
	Context map[string][]string `json:"context,omitempty"`
	// Country is the state a person serves or an organisation belongs to.
	Country string `json:"country,omitempty"`
	// In is the state a place lies in.
	In string `json:"in,omitempty"`
	// Capital is a country's capital (a place id).
	Capital string `json:"capital,omitempty"`
	// Type refines the kind of organisations and places.
	Type  string `json:"type,omitempty"`
	ISO   string `json:"iso,omitempty"`
	Roles []Role `json:"roles,omitempty"`
	// Source says where the facts come from.
	Source string `json:"source,omitempty"`
}

// Role is an office held from one date to another.
type Role struct {
	Role string `json:"role"`
	// Of is the country or organisation the office belongs to.
	Of   string `json:"of"`
	From string `json:"from"`
	To   string `json:"to,omitempty"`

	from, to time.Time // parsed; to is zero while in office
}

// Roles a person may hold. Role phrases name them.
var knownRoles = map[string]bool{
	"president": true, "vice-president": true, "prime-minister": true, "deputy-prime-minister": true,
	"king": true, "emir": true, "sultan": true, "crown-prince": true, "supreme-leader": true,
	"head-of-state": true, "foreign-minister": true, "defence-minister": true, "interior-minister": true,
	"spokesperson": true, "secretary-general": true, "chairman": true, "speaker": true,
}

// parseDay reads YYYY-MM-DD, YYYY-MM or YYYY; a partial date stands for its
// first day when it starts a term and its last when it ends one.
func parseDay(s string, end bool) (time.Time, error) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

// holds reports whether the role was held on day t.
func (r *Role) holds(t time.Time) bool {
	return !t.Before(r.from) && (r.to.IsZero() || !t.After(r.to))
}

// allNames lists every name form of the entity with its language.
func (e *Entity) allNames(yield func(lang, form string, how nameHow)) {
	for lang, forms := range e.Names {
		for _, f := range forms {
			yield(lang, f, howName)
		}
	}
	for lang, forms := range e.Surnames {
		for _, f := range forms {
			yield(lang, f, howSurname)
		}
	}
	for lang, forms := range e.Adjectives {
		for _, f := range forms {
			yield(lang, f, howAdjective)
		}
	}
}

// Slug makes an id from an English name: lower-case ASCII words joined by
// hyphens.
func Slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(foldLatin(name)) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		default:
			dash = true
		}
	}
	return b.String()
}

// foldLatin drops diacritics from common Latin letters (Erdoğan → Erdogan).
func foldLatin(s string) string { return latinFolder.Replace(s) }

var latinFolder = strings.NewReplacer("ğ", "g", "Ğ", "G", "ş", "s", "Ş", "S", "ı", "i", "İ", "I", "ç", "c", "Ç", "C",
	"ö", "o", "Ö", "O", "ü", "u", "Ü", "U", "é", "e", "è", "e", "ê", "e", "á", "a", "à", "a", "â", "a",
	"í", "i", "ó", "o", "ú", "u", "ñ", "n", "ã", "a", "õ", "o", "ë", "e", "ï", "i", "ə", "a", "Ə", "A")
