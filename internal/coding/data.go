package coding

import (
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/text"
)

//go:embed data/*.tsv
var dataFS embed.FS

// Types are the 16 PLOVER event types.
var Types = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "SANCTION", "THREATEN", "PROTEST", "MOBILIZE", "COERCE", "ASSAULT"}

// trigger is one trigger form.
type trigger struct {
	typ, mode, lang string
	words           []string // key tokens
	reciprocal      bool
	weak            bool
	host            bool // the first party receives the others
	performative    bool // a speech act: the Persian present is the act
	// initial is an Arabic verb whose form is also a common noun («طالب»,
	// a student): it counts only opening its sentence or clause, or after
	// the clitic و or ف («وطالب»)
	initial bool
	// promise is a threat or a pledge made by saying what one will do
	// («پاسخ قاطعی خواهد داد», «سيرد على»): its future and its condition
	// are its form, and only a negation unmakes it
	promise bool
	// participle is an Arabic active participle («متهمة», «مشيدا»): after
	// a comma its subject is the previous event's
	participle bool
	// mood is what the verb form says of the event: "" (it happened),
	// moodNegated or moodUnreal (future, present, subjunctive).
	mood   string
	verbal bool   // ends with a conjugated Persian verb
	form   string // as written in the data, for the event page
	seq    int    // load order: the first listed wins a tie
}

// pairKey is the byStart key of a trigger's first two words.
func pairKey(a, b string) string { return a + "\x00" + b }

// Moods of a trigger's verb form.
const (
	moodNegated = "negated"
	moodUnreal  = "unreal"
	moodPresent = "present" // unreal, unless the trigger is performative
)

// phrase is a word list of one kind and language (modality, contexts).
type phrase struct {
	kind, lang string
	words      []string
}

type lexicon struct {
	triggers map[string][]*trigger // by first key token
	// byStart lists the triggers by their first two key tokens (pairKey),
	// or by the first alone for one word or a gap after it
	byStart  map[string][]*trigger
	modality map[string][]phrase // by first key token
	contexts map[string][]phrase
	speech   map[string][]phrase // speech verbs that open reported speech
	// triggerSurfaces and speechSurfaces list, per language class, the
	// written forms the first words of triggers and speech verbs take
	triggerSurfaces, speechSurfaces map[string]surfaces
	// topics are prepositions of topic and place («درباره», «حول», "about")
	topics map[string][]phrase
	// backgrounds are the words that name an event as a cause or a time
	// («پس از», «إثر», "after")
	backgrounds map[string][]phrase
	// abouts are the words after which a trigger noun is what is talked
	// about («درباره رفع تحریم‌ها», «بشأن وقف إطلاق النار», "about a ceasefire")
	abouts map[string][]phrase
	// anaphors are the demonstratives by which a trigger noun refers back to
	// an event already told («این دیدار», «هذا اللقاء», "this meeting")
	anaphors map[string][]phrase
	// bothSides are the words that name an event's two parties without
	// naming them («دو طرف», «الوزيران», "the two leaders")
	bothSides map[string][]phrase
	// relatives open a relative clause («که», «التي», "which"), whose
	// names are not the parties of the verbs outside it
	relatives map[string][]phrase
	// sports are the words of sports news («تیم ملی فوتبال», «المنتخب»,
	// "striker"), where «دیدار», «لقاء», "match" and «هجوم» are games
	sports map[string][]phrase
	// sources are the words after which a name is where a report comes
	// from, no party («به گزارش کاخ کرملین»، «بحسب»، "according to")
	sources map[string][]phrase
	// beneficiaries are the words after which a place is whom aid is for
	// («لإغاثة سكان», «برای کمک به», "to help")
	beneficiaries map[string][]phrase
	// finite are the Persian finite past forms of the verbs triggers end
	// with («کرد», «کردند», «داد»): a gap in a trigger does not cross one
	finite map[string]bool
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	lx := &lexicon{triggers: map[string][]*trigger{}, byStart: map[string][]*trigger{}, modality: map[string][]phrase{}, contexts: map[string][]phrase{}, speech: map[string][]phrase{},
		topics: map[string][]phrase{}, backgrounds: map[string][]phrase{}, abouts: map[string][]phrase{}, anaphors: map[string][]phrase{}, bothSides: map[string][]phrase{}, relatives: map[string][]phrase{}, sports: map[string][]phrase{}, sources: map[string][]phrase{}, beneficiaries: map[string][]phrase{}, finite: map[string]bool{}}
	verbs := map[string]verb{}
	if err := readTSV("data/verbs.tsv", 3, func(f []string) error {
		inf := text.KeyOf(f[0])
		if _, dup := verbs[inf]; dup {
			return fmt.Errorf("verb %q listed twice", f[0])
		}
		verbs[inf] = verb{past: text.KeyOf(f[1]), present: text.KeyOf(f[2])}
		for _, end := range []string{"", "ند", "م", "یم", "ید", "ی"} {
			lx.finite[text.KeyOf(f[1])+end] = true
		}
		return nil
	}); err != nil {
		return nil, err
	}
	seq := 0
	triggerFiles, err := fs.Glob(dataFS, "data/triggers*.tsv")
	if err != nil {
		return nil, err
	}
	if err := readTSVs(triggerFiles, 4, func(f []string) error {
		t := &trigger{typ: f[0], mode: f[1], lang: f[2], form: f[3]}
		if !validType(t.typ) {
			return fmt.Errorf("unknown type %q", t.typ)
		}
		if t.mode == "-" {
			t.mode = ""
		}
		if len(f) > 4 {
			for _, flag := range strings.Split(f[4], ",") {
				switch flag {
				case "reciprocal":
					t.reciprocal = true
				case "weak":
					t.weak = true
				case "host":
					t.host = true
				case "performative":
					t.performative = true
				case "initial":
					t.initial = true
				case "promise":
					t.promise = true
				case "participle":
					t.participle = true
				case "":
				default:
					return fmt.Errorf("unknown flag %q", flag)
				}
			}
		}
		vs := variants(f[3])
		if len(vs) == 0 {
			return fmt.Errorf("empty trigger")
		}
		for _, v := range vs {
			for _, tv := range conjugate(t, v, verbs) {
				tv.seq = seq
				seq++
				lx.triggers[tv.words[0]] = append(lx.triggers[tv.words[0]], tv)
				// a trigger of two words or more is looked up by both, so
				// that a common first word («به», «از») costs little
				k := tv.words[0]
				if len(tv.words) > 1 && tv.words[1] != gap {
					k = pairKey(tv.words[0], tv.words[1])
				}
				lx.byStart[k] = append(lx.byStart[k], tv)
			}
		}
		return nil
	}); err != nil {
		return nil, err
	}
	// Phrase files: kind, language, words. pick gives the map a kind goes
	// to, or nil for a kind the file may not have.
	one := func(m map[string][]phrase, kinds ...string) func(string) map[string][]phrase {
		return func(kind string) map[string][]phrase {
			if len(kinds) == 0 || slices.Contains(kinds, kind) {
				return m
			}
			return nil
		}
	}
	for _, f := range []struct {
		name string
		pick func(kind string) map[string][]phrase
	}{
		{"data/modality.tsv", one(lx.modality, "negation", "future", "condition", "denial")},
		{"data/contexts.tsv", one(lx.contexts)},
		{"data/speech.tsv", one(lx.speech, "verb", "that")},
		{"data/cues.tsv", func(kind string) map[string][]phrase {
			return map[string]map[string][]phrase{"topic": lx.topics, "mediator": lx.topics, "beneficiary": lx.beneficiaries, "background": lx.backgrounds, "setting": lx.backgrounds, "about": lx.abouts, "anaphor": lx.anaphors, "bothsides": lx.bothSides, "relative": lx.relatives, "circumstance": lx.relatives, "sport": lx.sports, "source": lx.sources}[kind]
		}},
	} {
		if err := readTSV(f.name, 3, func(fs []string) error {
			into := f.pick(fs[0])
			if into == nil {
				return fmt.Errorf("unknown kind %q", fs[0])
			}
			vs := variants(fs[2])
			if len(vs) == 0 {
				return fmt.Errorf("empty phrase")
			}
			for _, v := range vs {
				into[v[0]] = append(into[v[0]], phrase{kind: fs[0], lang: fs[1], words: v})
			}
			return nil
		}); err != nil {
			return nil, err
		}
	}
	lx.triggerSurfaces = buildSurfaces(lx.triggers)
	lx.speechSurfaces = buildSurfaces(lx.speech)
	return lx, nil
})

func validType(t string) bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

// readTSV reads a data file of at least min tab-separated fields a line.
// readTSVs reads several files of one format, in order.
func readTSVs(names []string, min int, fn func([]string) error) error {
	for _, name := range names {
		if err := readTSV(name, min, fn); err != nil {
			return err
		}
	}
	return nil
}

func readTSV(name string, min int, fn func([]string) error) error {
	raw, err := dataFS.ReadFile(name)
	if err != nil {
		return err
	}
	for ln, line := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < min {
			return fmt.Errorf("%s:%d: want %d tab-separated fields", name, ln+1, min)
		}
		if err := fn(f); err != nil {
			return fmt.Errorf("%s:%d: %w", name, ln+1, err)
		}
	}
	return nil
}

// gap stands in a trigger's words for up to maxGap words of any kind.
const gap = "\x00…"

// maxGap is the most words a gap in a trigger spans.
const maxGap = 12

// variants gives the key-token sequences a data form matches: as written
// (ZWNJ dropped, as the key drops it: «گفت‌وگوی» is one word) and with ZWNJ
// read as a space («نمی کند»), since real text has both.
func variants(form string) [][]string {
	if before, after, ok := strings.Cut(form, " … "); ok {
		// a gap: «فرضت … عقوبات» with the subject between
		var out [][]string
		for _, b := range variants(before) {
			for _, a := range variants(after) {
				out = append(out, append(append(append([]string{}, b...), gap), a...))
			}
		}
		return out
	}
	d, _ := text.Display(form)
	plain := keyWords(d)
	if len(plain) == 0 {
		return nil
	}
	out := [][]string{plain}
	if strings.ContainsRune(d, '\u200c') {
		out = append(out, keyWords(strings.ReplaceAll(d, "\u200c", " ")))
	}
	return out
}

func keyWords(d string) []string {
	k := text.KeyOf(d)
	var out []string
	for _, t := range text.KeyTokens(k) {
		out = append(out, k[t.Start:t.End])
	}
	return out
}

// verb is a Persian verb's two stems, as matching keys.
type verb struct{ past, present string }

// conjugate gives the triggers a data line stands for. A Persian trigger
// whose last word is an infinitive of verbs.tsv becomes one trigger per
// tense form, each with its mood; any other trigger stands for itself.
func conjugate(t *trigger, words []string, verbs map[string]verb) []*trigger {
	last := words[len(words)-1]
	v, ok := verbs[last]
	if t.lang != "fa" || !ok {
		tv := *t
		tv.words = words
		return []*trigger{&tv}
	}
	head := words[:len(words)-1]
	var out []*trigger
	add := func(mood string, form ...string) {
		tv := *t
		tv.words = append(append([]string{}, head...), form...)
		tv.mood = mood
		tv.verbal = true
		out = append(out, &tv)
	}
	for _, f := range persianForms(v) {
		add(f.mood, f.words...)
		if len(f.words) == 1 && strings.HasPrefix(f.words[0], "می") && len(f.words[0]) > len("می") {
			// «می‌کند» written with a space: «می کند».
			add(f.mood, "می", strings.TrimPrefix(f.words[0], "می"))
		}
		if len(f.words) == 1 && strings.HasPrefix(f.words[0], "نمی") && len(f.words[0]) > len("نمی") {
			add(f.mood, "نمی", strings.TrimPrefix(f.words[0], "نمی"))
		}
	}
	return out
}

type verbForm struct {
	mood  string
	words []string
}

// persianForms lists the tense forms of a verb as matching keys (the key
// drops ZWNJ: «کرده‌اند» is «کردهاند», «می‌کند» is «میکند»).
func persianForms(v verb) []verbForm {
	var out []verbForm
	one := func(mood, w string) { out = append(out, verbForm{mood, []string{w}}) }
	neg := func(stem string) string {
		if strings.HasPrefix(stem, "ا") { // آمد → نیامد
			return "نی" + stem
		}
		return "ن" + stem
	}
	// Present endings after a stem ending in a vowel letter take a glide:
	// «آ» + «ید» → «آید»; the key writes آ as ا.
	pres := func(ending string) string {
		if strings.HasSuffix(v.present, "ا") {
			return v.present + "ی" + ending
		}
		return v.present + ending
	}
	// Past, perfect and past progressive: the event happened.
	for _, e := range []string{"", "ند", "ه", "هاند", "هایم", "یم", "م", "ید"} {
		one("", v.past+e)
	}
	for _, e := range []string{"", "ند", "یم"} {
		one("", "می"+v.past+e)
	}
	// Negated past and present.
	for _, e := range []string{"", "ند", "ه", "هاند", "یم", "م"} {
		one(moodNegated, neg(v.past)+e)
	}
	for _, e := range []string{"د", "ند", "یم", "م"} {
		one(moodNegated, "نمی"+pres(e))
	}
	// Future: «خواهد کرد», «نخواهد کرد».
	for _, aux := range []string{"خواهد", "خواهند", "خواهیم", "خواهم"} {
		out = append(out, verbForm{moodUnreal, []string{aux, v.past}})
		out = append(out, verbForm{moodNegated, []string{"ن" + aux, v.past}})
	}
	// Present and subjunctive: not (yet) an event.
	for _, e := range []string{"د", "ند", "یم", "م"} {
		one(moodPresent, "می"+pres(e))
		one(moodUnreal, pres(e))
		one(moodUnreal, "ب"+pres(e))
		one(moodNegated, "ن"+pres(e))
	}
	return dedupe(out)
}

// dedupe drops repeated forms, keeping the first mood (past before present:
// a stem such as «شمار» never collides in practice, but the data decides).
func dedupe(fs []verbForm) []verbForm {
	seen := map[string]bool{}
	var out []verbForm
	for _, f := range fs {
		k := strings.Join(f.words, " ")
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// form is one way a token may start a trigger: the word it is matched as,
// the clitics taken off it, and the suffix taken off it (then only a
// one-word trigger may match it).
type form struct {
	word, prefix, suffix string
	suffixed             bool
}

// surfaces maps a written key token to the forms it may be read as.
type surfaces map[string][]form

// arabicPrefixes are the conjunctions, prepositions, the article and the
// future particle glued to a trigger's first word («وبحث», «فأشاد»,
// «بالتوقيع», «سيزور»). Keys, as the text is matched.
var arabicPrefixes = []string{"وبال", "وال", "فال", "بال", "لل", "ول", "وب", "وس", "فس", "ال", "و", "ف", "ب", "ل", "س"}

// suffixesOf are the endings a trigger's last word may carry, per language
// class: a Persian ezafe or plural («امضای», «تحریم‌ها»), an Arabic object
// pronoun («استقبله»).
var suffixesOf = map[string][]string{
	"fa": {"ی", "ها", "های", "هایی"},
	"ar": {"ه", "ها", "هم", "هما"},
}

// langClass is the class of rules a document's language reads with: Arabic
// rules for Arabic and for text of unknown language.
func langClass(lang string) string {
	switch lang {
	case "fa", "en":
		return lang
	}
	return "ar"
}

// buildSurfaces lists, for each language class, every written form of the
// index's words: the word, the word with clitics (Arabic), with a suffix,
// or both. A word takes clitics or suffixes only if it has at least two
// letters.
func buildSurfaces[T any](index map[string][]T) map[string]surfaces {
	out := map[string]surfaces{"fa": {}, "ar": {}, "en": {}}
	for w := range index {
		for class, sf := range out {
			sf[w] = append(sf[w], form{word: w})
			if class == "en" || utf8.RuneCountInString(w) < 2 {
				continue
			}
			prefixes := []string{""}
			if class == "ar" {
				prefixes = append(prefixes, arabicPrefixes...)
			}
			for _, p := range prefixes {
				if p != "" {
					sf[p+w] = append(sf[p+w], form{word: w, prefix: p})
				}
				for _, x := range suffixesOf[class] {
					sf[p+w+x] = append(sf[p+w+x], form{word: w, prefix: p, suffix: x, suffixed: true})
				}
			}
		}
	}
	// The index was filled in map order: put each list in a fixed order,
	// the fewest letters taken off first, so that equal matches resolve
	// the same way in every run.
	for _, sf := range out {
		for _, fs := range sf {
			slices.SortFunc(fs, func(a, b form) int {
				return cmp.Or(
					cmp.Compare(len(a.prefix)+len(a.suffix), len(b.prefix)+len(b.suffix)),
					cmp.Compare(a.prefix, b.prefix), cmp.Compare(a.suffix, b.suffix), cmp.Compare(a.word, b.word))
			})
		}
	}
	return out
}
