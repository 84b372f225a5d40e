package coding

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/rasad/rasad/internal/gazetteer"
	"github.com/rasad/rasad/internal/text"
	"github.com/rasad/rasad/internal/timex"
)

// Input is everything the coder reads: the display text and its key, its
// language, sentences, the entities and dates found in it, and the
// publication date (zero if unknown).
type Input struct {
	Display   string
	Key       *text.Keyed
	Lang      string
	Sentences []text.Span
	Mentions  []gazetteer.Mention
	Dates     []timex.Date
	Anchor    time.Time
	// Gazetteer resolves where places lie and whom persons serve.
	Gazetteer *gazetteer.Gazetteer
}

// Event is a coded event. Offsets are bytes of the display text.
type Event struct {
	Type, Mode string
	Actors     []string // entity ids
	Recipients []string
	Date       string // YYYY-MM-DD, or ""
	Location   string // entity id, or ""
	// Start and End span the evidence: the sentence that states the event.
	Start, End int
	Confidence float64
	// Pattern is the trigger as the data writes it.
	Pattern  string
	Primary  bool
	Contexts []string
}

// token is a key token with its display offsets.
type token struct {
	word       string
	start, end int // display bytes
}

// coder holds one document's state.
type coder struct {
	in   Input
	lx   *lexicon
	toks []token
	// buffers reused by forms and candidates
	formBuf []form
	candBuf []*trigger
	// where is the place or country the current trigger's sentence says
	// it happens in, for unnamed actors
	where string
	// rels are the current sentence's relative clauses
	rels []span
	// parts number the current sentence's comma-separated parts, from
	// token partFrom
	parts    []int
	partFrom int
}

// Code finds the events of one document.
func Code(in Input) ([]Event, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, err
	}
	c := &coder{in: in, lx: lx}
	for _, t := range in.Key.Tokens() {
		s, e := in.Key.Span(t.Start, t.End)
		c.toks = append(c.toks, token{in.Key.Key[t.Start:t.End], s, e})
	}
	var events []Event
	// persons of the latest event naming any, actors first: «دو طرف» (the
	// two sides), «وی» (he)
	var last []string
	for si, s := range in.Sentences {
		for _, ev := range c.sentence(si, s, last, events) {
			events = append(events, ev)
			if ps := personsOf(in.Gazetteer, append(append([]string{}, ev.Actors...), ev.Recipients...)); len(ps) > 0 {
				last = ps
			}
		}
	}
	events = merge(events, in.Gazetteer, in.Anchor)
	if len(events) > 0 {
		events[0].Primary = true
	}
	ctx := c.contexts(0, len(c.toks))
	for i := range events {
		events[i].Contexts = ctx
	}
	return events, nil
}

// tokenRange gives the tokens inside a display span.
func (c *coder) tokenRange(s text.Span) (int, int) {
	from := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= s.Start })
	to := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= s.End })
	return from, to
}

// hit is a trigger found at a token.
type hit struct {
	t    *trigger
	at   int // first token
	end  int
	mood string // "" when the form says the event happened
	// prefix is the clitics glued to an Arabic trigger («بال» in «بالغارات»)
	prefix string
	// verbMood is the mood of the Persian verb trigger that ends a trigger
	// noun's clause: «در جریان سفر … به آنکارا دیدار کنند» plans the visit
	verbMood string
	// clause counts the clauses before the trigger in its sentence: «حماس
	// آزاد کرد و اسرائیل آزاد کرد» are two releases
	clause int
	// topical: a noun named as a topic or a cause («درباره رفع تحریم‌ها»,
	// «بعد الهجمات»), not reported; it holds the names after it only
	topical bool
	// afterTalks: a topical meeting that came before what is reported,
	// an event if it names two parties: "signed … after talks between X
	// and Y"
	afterTalks bool
}

// noun reports whether an Arabic or English trigger is a noun, which takes
// the mood of its clause's verb: an Arabic noun (see arabicNoun) or an
// English one after a determiner ("the summit", "their first summit").
func (c *coder) noun(h hit) bool {
	switch langClass(c.in.Lang) {
	case "ar":
		return h.arabicNoun()
	case "en":
		if h.at > 0 {
			switch c.toks[h.at-1].word {
			case "for", "of", "in", "during", "at", "after", "before", "from", "with":
				return true // "for talks with Putin"
			}
		}
		for k := h.at - 1; k >= 0 && k >= h.at-3; k-- {
			switch c.toks[k].word {
			case "a", "an", "the", "their", "his", "her", "its", "s", "this":
				return true
			}
		}
	}
	return false
}

// arabicNoun reports whether an Arabic trigger is a noun: it carries the
// article or a preposition («الهجوم», «بغارات»).
func (h hit) arabicNoun() bool {
	return strings.Contains(h.prefix, "ال") || strings.Contains(h.prefix, "ب") || strings.HasPrefix(h.t.words[0], "ال")
}

// clauses numbers the clauses of a sentence's triggers: a clause ends at a
// comma or semicolon, or at a conjunction that joins two clauses («و»,
// «فيما», "and", "while") between two triggers.
func (c *coder) clauses(hits []hit) []hit {
	n := 0
	for i := range hits {
		if i > 0 {
			for k := hits[i-1].end; k < hits[i].at; k++ {
				if c.joint(k) {
					n++
				}
			}
		}
		hits[i].clause = n
	}
	return hits
}

// aside reports whether the clause break at token k opens or closes an
// aside that holds only when and where — «أدانت الخارجية، اليوم (الأحد)،
// إطلاق …», «وقّع ممثلو …، مساء أمس (الخميس) في جدة، …» — so that the
// verb and its object stay one clause. The aside is at most eight words.
func (c *coder) aside(k int) bool {
	for _, dir := range []int{1, -1} {
		words, ok := 0, false
		for j := k + dir; j >= 0 && j < len(c.toks) && words <= 8; j += dir {
			w := c.toks[j].word
			if clauseBreak(w) {
				ok = words > 0
				break
			}
			if !wordy(w) {
				continue
			}
			words++
			if !c.whenOrWhere(j) {
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// whenOrWhere reports whether token j lies in a date, a place name or is a
// preposition of place or time («في», «در», "in", "on").
func (c *coder) whenOrWhere(j int) bool {
	switch c.toks[j].word {
	case "في", "فی", "در", "in", "on", "at", "بمدينه", "بالعاصمه":
		return true
	}
	if c.dated(j) {
		return true
	}
	st, en := c.toks[j].start, c.toks[j].end
	ms := c.in.Mentions
	// the mention holding the token starts at it or just before it
	for i := max(sort.Search(len(ms), func(i int) bool { return ms[i].Start >= st })-1, 0); i < len(ms) && ms[i].Start < en; i++ {
		if ms[i].Start <= st && en <= ms[i].End && ms[i].Entity.Kind == gazetteer.KindPlace {
			return true
		}
	}
	return false
}

// dated reports whether token j lies in a date or time expression.
func (c *coder) dated(j int) bool {
	st, en := c.toks[j].start, c.toks[j].end
	ds := c.in.Dates
	for i := sort.Search(len(ds), func(i int) bool { return ds[i].End > st }); i < len(ds) && ds[i].Start < en; i++ {
		if ds[i].Start <= st && en <= ds[i].End {
			return true
		}
	}
	return false
}

// maxEventsPerSentence bounds the events one sentence may state.
const maxEventsPerSentence = 24

// sentence codes the events one sentence states. last holds the parties
// of the report's latest event: the two sides («دو طرف») and a subject
// pronoun («وی», "he") refer to them.
func (c *coder) sentence(si int, s text.Span, last []string, prior []Event) []Event {
	from, to := c.tokenRange(s)
	var hits []hit
	for _, h := range c.triggers(from, to) {
		if !c.anaphoric(h) {
			hits = append(hits, h)
		}
	}
	hits = c.clauses(hits)
	for i := range hits {
		if c.in.Lang != "fa" || hits[i].t.verbal {
			continue
		}
		for _, v := range hits[i+1:] {
			if v.clause != hits[i].clause {
				break
			}
			if v.t.verbal {
				if !(v.mood == moodPresent && v.t.performative) {
					hits[i].verbMood = v.mood
				}
				break
			}
		}
	}
	chosen := choose(hits)
	if len(chosen) == 0 || c.sporting(from, to) {
		return nil
	}
	if len(chosen) > maxEventsPerSentence {
		// not a sentence but a list or a runaway text: its first events
		// only, so time stays linear in the input
		chosen = chosen[:maxEventsPerSentence]
	}
	mentions := c.mentionsIn(s)
	dates := c.datesIn(s)
	both := c.bothSides(from, to)
	speech := c.speechStarts(from, to)
	nps := c.objectNPs(chosen, from, to)
	c.rels = c.relatives(from, to)
	c.parts, c.partFrom = c.parts[:0], from
	n := 0
	for i := from; i < to; i++ {
		if clauseBreak(c.toks[i].word) && !c.aside(i) {
			n++
		}
		c.parts = append(c.parts, n)
	}
	for i, h := range chosen {
		chosen[i].topical = c.background(h, from, "") || c.talkedAbout(h, from)
		// "signed eight agreements after talks in New Delhi between Modi
		// and Mohammed bin Salman": talks between the parties are news as
		// much as what came of them (an older meeting says its date),
		// unless they are the setting of what is reported («في ختام
		// مشاورات ريمبو»)
		chosen[i].afterTalks = h.t.typ == "CONSULT" && chosen[i].topical && !c.talkedAbout(h, from) && !c.background(h, from, "setting")
	}
	var out []Event
	var prev *hit // the sentence's previous event, for coordinated verbs
	for hi, h := range chosen {
		if h.topical && !h.afterTalks || c.modal(h, from, to) || c.historical(h, s) {
			continue
		}
		np, named := npOf(nps, hi)
		if named && unrealObject(chosen[np.verb].t) {
			continue // asked for or threatened, not done
		}
		c.where = ""
		ps, places := c.parties(segment(mentions, c, h, speech), hi, chosen, nps)
		if named && subjectFree(ps) {
			continue // «حمله به سفارت را محکوم کرد»: nobody named did it
		}
		for _, np := range nps {
			if np.verb != hi || unrealObject(h.t) {
				continue
			}
			// what the verb acts on is the agent of the event it names
			nps, _ := c.parties(segment(mentions, c, chosen[np.noun], speech), np.noun, chosen, nps)
			for _, p := range nps {
				if !p.object {
					p.object = true
					ps = addParty(ps, p)
					break
				}
			}
		}
		if both && len(last) > 0 {
			for _, id := range last {
				ps = addParty(ps, party{id: id, at: h.at, person: true})
			}
		}
		persons := idsOf(ps, true)
		if len(persons) == 0 && (h.t.mode == "phone" || restated(prior, h.t)) {
			continue // countries do not phone; the sentence speaks of a call already coded
		}
		ev := Event{Type: h.t.typ, Mode: h.t.mode, Start: s.Start, End: s.End, Pattern: h.t.form}
		ev.Location = c.location(places, h)
		var inherited string
		var fellows []string                      // the subjects a participle shares
		spoke := c.speechPronoun(h, speech, from) // "The Pentagon said it had sent …"
		switch {
		case prev != nil && len(out) > 0 && c.participle(*prev, h):
			// a participle names its object, never its subject: «…،
			// متهمة الدوحة بدعم …»
			fellows = out[len(out)-1].Actors
			if src := c.sourceBetween(prev.end, h.at); src != "" {
				// "…, the U.S. Navy said, calling on Tehran to …": the
				// participle is the one who said so
				fellows = []string{src}
			}
			inherited = fellows[0]
			for i := range ps {
				ps[i].object = true
			}
		case prev != nil && len(out) > 0 && c.coordinated(*prev, h):
			inherited = out[len(out)-1].Actors[0]
		case spoke != "":
			inherited = spoke
		case c.pronoun(from, h):
			inherited = c.antecedent(s.Start, idsOf(ps, false))
		case c.firstPerson(h, from):
			// «گفت: «امروز با میقاتی گفت‌وگو کردم»»: the speaker did it
			if sp := c.speakerBefore(h, speech, from); sp != "" && !slices.Contains(idsOf(ps, false), sp) {
				ps = append([]party{{id: sp, at: from, person: true}}, ps...)
			}
		}
		if !c.assignParties(&ev, h, ps, inherited) || h.afterTalks && len(ev.Actors)+len(ev.Recipients) < 2 {
			continue
		}
		if len(fellows) > 1 && len(ev.Actors) == 1 && ev.Actors[0] == fellows[0] {
			ev.Actors, ev.Recipients = fellows, without(ev.Recipients, fellows)
		}
		// «لاوروف اعلام کرد مسکو از … حمایت می‌کند»: a state speaking
		// through whoever says so is that speaker's act
		if len(ev.Actors) == 1 && c.spoken(h) {
			if sp := c.speakerFor(h, speech, from, ev.Actors[0]); sp != "" {
				ev.Actors[0] = sp
			}
		}
		// a threat in reported speech is the speaker's, against the others
		// named: «نصر الله: الحزب سيرد على …»
		if h.t.promise {
			if sp := c.speakerBefore(h, speech, from); sp != "" {
				own := append(serves(c.in.Gazetteer, sp, c.in.Anchor), countryOf(c.in.Gazetteer, sp), sp)
				against := without(append(append([]string{}, ev.Actors...), ev.Recipients...), own)
				if len(against) == 0 {
					// «اگر آمریکا … تحریم کند، … پاسخی خواهد داد»: the
					// condition names whom it is against
					against = without(idsOf(c.named(segment(mentions, c, h, speech)), false), own)
				}
				ev.Actors, ev.Recipients = []string{sp}, against
			}
		}
		// a person stands for the state they serve: no Russia beside Lavrov
		all := append(append([]string{}, ev.Actors...), ev.Recipients...)
		if a := represented(ev.Actors, all, c.in.Gazetteer, c.in.Anchor); len(a) > 0 {
			ev.Actors, ev.Recipients = a, represented(ev.Recipients, all, c.in.Gazetteer, c.in.Anchor)
		}
		if len(ev.Recipients) == 0 && sited(h.t) {
			if r := c.site(places, h, ev.Actors); r != "" {
				ev.Recipients = []string{r}
			}
		}
		if len(ev.Recipients) == 0 && !h.t.reciprocal {
			ev.Recipients = c.implied(h, ev.Actors, out, prior, from)
		}
		ev.Date = c.date(h, chosen, dates, si)
		if !c.in.Anchor.IsZero() && ev.Date > c.in.Anchor.Format("2006-01-02") {
			continue // dated after the report: planned, not done
		}
		ev.Confidence = confidence(h.t, ev)
		out = append(out, ev)
		hh := h
		prev = &hh
	}
	return out
}

// choose keeps, per type, the strong triggers (one per mode and clause), or
// the strongest weak one when a type has no strong trigger.
func choose(hits []hit) []hit {
	strong := map[string]bool{}
	for _, h := range hits {
		if !h.t.weak {
			strong[h.t.typ] = true
		}
	}
	// A call or a summit is the meeting the sentence speaks of: no separate
	// visit or talk beside it.
	hasSpecific := false
	for _, h := range hits {
		if h.t.typ == "CONSULT" && (h.t.mode == "phone" || h.t.mode == "multilateral") {
			hasSpecific = true
		}
	}
	var out []hit
	seen := map[string]bool{}
	for _, h := range hits {
		if hasSpecific && h.t.typ == "CONSULT" && h.t.mode != "phone" && h.t.mode != "multilateral" {
			continue
		}
		key := fmt.Sprint(h.t.typ, "/", h.t.mode, "/", h.clause)
		weakKey := fmt.Sprint(h.t.typ, "/weak/", h.clause)
		if h.t.weak && strong[h.t.typ] || seen[key] || h.t.weak && seen[weakKey] {
			continue
		}
		seen[key] = true
		if h.t.weak {
			seen[weakKey] = true
		}
		out = append(out, h)
	}
	return out
}

// restated reports whether an event of the trigger's type and mode is
// already coded in the report.
func restated(prior []Event, t *trigger) bool {
	for _, ev := range prior {
		if ev.Type == t.typ && ev.Mode == t.mode && t.mode != "" {
			return true
		}
	}
	return false
}

// triggers finds trigger forms in tokens [from, to), longest first.
func (c *coder) triggers(from, to int) []hit {
	var out []hit
	for i := from; i < to; i++ {
		var best *hit
		for _, f := range forms(c, i, c.lx.triggerSurfaces) {
			for _, t := range c.candidates(f, i, to) {
				if c.in.Lang != "" && t.lang != c.in.Lang {
					continue
				}
				mood, ok := cliticMood(f.prefix, t)
				if !ok || f.suffixed && len(t.words) > 1 || t.initial && !c.opening(i, from, f.prefix) {
					continue
				}
				end, ok := c.matchWords(i, to, t.words)
				better := best == nil || end > best.end
				if best != nil && best.t.form == t.form && slices.Contains(t.words, gap) {
					// two tenses of one verb after a gap: the nearer is its
					// verb («خواستار آزادی گروگان‌ها شد تا … آغاز شود»)
					better = end < best.end
				}
				if ok && better && !c.adjectival(t, end, to) {
					if mood == "" {
						mood = t.mood
					}
					best = &hit{t: t, at: i, end: end, mood: mood, prefix: f.prefix}
				}
			}
		}
		if best != nil {
			out = append(out, *best)
			i = best.end - 1
		}
	}
	return out
}

// opening reports whether token i opens its sentence (which starts at
// token from) or clause, or carries the clitic و or ف: where an Arabic verb
// stands, not a noun.
func (c *coder) opening(i, from int, prefix string) bool {
	return i == from || prefix == "و" || prefix == "ف" || clauseBreak(c.toks[i-1].word)
}

// candidates are the triggers that may start at token i read as form f,
// in load order: those of one word or a gap after the first, and those
// whose second word is the next token (bare or with a suffix).
func (c *coder) candidates(f form, i, to int) []*trigger {
	out := append(c.candBuf[:0], c.lx.byStart[f.word]...)
	if i+1 < to && !f.suffixed {
		next := c.toks[i+1].word
		out = append(out, c.lx.byStart[pairKey(f.word, next)]...)
		if rest, ok := strings.CutPrefix(next, "ال"); ok && c.in.Lang == "ar" {
			out = append(out, c.lx.byStart[pairKey(f.word, rest)]...) // «التفجير الانتحاري»
		}
		for _, s := range c.suffixes() {
			if len(next) > len(s) && strings.HasSuffix(next, s) {
				out = append(out, c.lx.byStart[pairKey(f.word, next[:len(next)-len(s)])]...)
			}
		}
	}
	slices.SortFunc(out, func(a, b *trigger) int { return a.seq - b.seq })
	c.candBuf = out
	return out
}

// adjectival reports whether a Persian past participle ending a trigger
// is an adjective — «افراد بازداشت شده» (detained persons) — rather than a
// verb: a verb is followed by its auxiliary («است», «اند»), a conjunction,
// punctuation or the end of the sentence.
func (c *coder) adjectival(t *trigger, end, to int) bool {
	if !t.verbal || t.mood != "" || !strings.HasSuffix(t.words[len(t.words)-1], "ه") || end >= to {
		return false
	}
	switch w := c.toks[end].word; w {
	case "است", "اند", "بود", "بودند", "باشد", "باشند", "و", "که", "ولی", "اما":
		return false
	default:
		return !clauseBreak(w) && w != "." && w != "!" && w != "؟" && w != "?"
	}
}

// forms are the ways token i may start a trigger (or a phrase of an
// index): as is; in Arabic, without the clitics glued to it; and without a
// suffix a one-word trigger may carry (a Persian ezafe or plural, an Arabic
// object pronoun). The surface index lists them by written form, so this is
// one lookup a token.
func forms(c *coder, i int, idx map[string]surfaces) []form {
	fs := idx[langClass(c.in.Lang)][c.toks[i].word]
	if len(fs) == 0 || c.in.Lang == "fa" {
		return fs
	}
	// the key writes ة as ه: «وزارة» has no pronoun to take off
	if tok := c.in.Display[c.toks[i].start:c.toks[i].end]; strings.HasSuffix(tok, "ة") {
		out := c.formBuf[:0]
		for _, f := range fs {
			if f.suffix != "ه" {
				out = append(out, f)
			}
		}
		c.formBuf = out
		return out
	}
	return fs
}

// cliticMood reads what the clitics on a trigger's first word say: the
// future «سـ» or the purpose «لـ» before a present verb make it a plan, not
// an event; «سـ» before anything else is not a clitic. It reports false
// when the clitics cannot stand before the trigger.
func cliticMood(prefix string, t *trigger) (string, bool) {
	if prefix == "" {
		return "", true
	}
	present := strings.IndexAny(t.words[0][:1], "تنا") == 0 || strings.HasPrefix(t.words[0], "ی")
	switch {
	case strings.HasSuffix(prefix, "س"):
		if !present {
			return "", false
		}
		return moodUnreal, true
	case strings.HasSuffix(prefix, "ال") || prefix == "لل":
		// the article stands before nouns: «اليدين» is not «يدين», nor
		// «الحذر» «حذر»; a present verb or a bare three-letter past verb
		// cannot take it
		if strings.HasPrefix(t.words[0], "ی") || utf8.RuneCountInString(t.words[0]) <= 3 {
			return "", false
		}
	case strings.HasSuffix(prefix, "ل") && present:
		return moodUnreal, true
	case (prefix == "ل" || prefix == "ول" || prefix == "فل") && t.typ != "CONSULT":
		// the purpose «لـ» before a verbal noun: «طلب … لنشر قوات», «لشن
		// هجوم» — planned, not done (one comes «لزيارة», and the visit
		// is under way)
		return moodUnreal, true
	}
	return "", true
}

// matchWords matches words at token i and returns the token after them.
// The last word may carry a suffix: a Persian ezafe or plural («امضای»,
// «تحریم‌ها»), an Arabic object pronoun («استقبله»).
func (c *coder) matchWords(i, to int, words []string) (int, bool) {
	k := i
	def := false // the first word carries the article
	for j := 0; j < len(words); j++ {
		w := words[j]
		if w == gap && j+1 < len(words) {
			// the next word within maxGap words (an Arabic subject with its commas)
			next := words[j+1]
			found := false
			limit := maxGap
			for g, n := k, 0; g < to && n <= limit; g++ {
				got := c.toks[g].word
				if got == next || j+1 == len(words)-1 && c.suffixed(got, next) {
					k, found = g+1, true
					break
				}
				if c.in.Lang == "fa" && c.lx.finite[got] {
					break // «۳۲ نظامی را آزاد کرد و … را تحویل داد»: one verb a clause
				}
				if c.in.Lang == "fa" && got == "را" && limit == maxGap {
					// the object is marked and the verb ends its clause:
					// adverbials between may be long («رزمایش … را با حضور
					// یگان‌های زرهی … در نزدیکی مرز … آغاز کرد»)
					limit = 2 * maxGap
				}
				if wordy(got) && !c.dated(g) {
					n++ // punctuation, brackets and dates are not words
				}
			}
			if !found {
				return 0, false
			}
			j++
			continue
		}
		if k >= to {
			return 0, false
		}
		got := c.toks[k].word
		switch {
		case j == 0 && k == i:
			// the first word was matched through its form
		case got == w, j == len(words)-1 && c.suffixed(got, w):
		case def && got == "ال"+w:
			// an Arabic adjective agrees with its noun: «التفجير
			// الانتحاري» for «تفجير انتحاري»
		default:
			return 0, false
		}
		if j == 0 {
			def = c.in.Lang == "ar" && definite(c.toks[i].word, w)
		}
		k++
	}
	return k, true
}

// definite reports whether an Arabic token is the word w with the article
// (and perhaps a clitic before it): «التفجير», «بالهجوم», «للهجوم».
func definite(tok, w string) bool {
	for _, p := range []string{"ال", "وال", "بال", "فال", "كال", "لل", "ولل"} {
		if tok == p+w || strings.HasPrefix(w, "ال") && tok == w {
			return true
		}
	}
	return false
}

// suffixed reports whether got is w with a suffix the language allows on a
// trigger's last word.
func (c *coder) suffixed(got, w string) bool {
	if !strings.HasPrefix(got, w) {
		return false
	}
	rest := got[len(w):]
	for _, s := range c.suffixes() {
		if rest == s {
			return true
		}
	}
	return false
}

// suffixes are the endings a trigger's last word may carry, as keys.
func (c *coder) suffixes() []string { return suffixesOf[langClass(c.in.Lang)] }

// modal reports whether the statement around a trigger is negated, in the
// future, or conditional. The trigger's own verb form says it first
// («امضا نکردند», «سيزور»). A condition («اگر», «إذا», "if") stands before
// the trigger in its clause. Persian puts the verb at the end of the
// clause, so a nominal trigger («دیدار») takes the mood of a negative or
// future verb up to the clause's end; Arabic and English put negation and
// the future just before the verb ("did not meet", «لم يلتق», «من المقرر أن»).
func (c *coder) modal(h hit, from, to int) bool {
	if h.t.promise {
		// a threat is made by saying what one will do, if …
		return h.mood == moodNegated || h.verbMood == moodNegated
	}
	switch {
	case h.mood == moodPresent && h.t.performative:
	case h.mood != "", h.verbMood != "":
		return true
	}
	clauseStart, clauseEnd := from, to
	for i := h.at - 1; i >= from; i-- {
		if clauseBreak(c.toks[i].word) {
			clauseStart = i + 1
			break
		}
	}
	for i := h.end; i < to; i++ {
		if clauseBreak(c.toks[i].word) {
			clauseEnd = i
			break
		}
	}
	noun := c.noun(h)
	for i := max(clauseStart, h.at-10); i < min(clauseEnd, h.end+12); i++ {
		for _, p := range c.lx.modality[c.toks[i].word] {
			if c.in.Lang != "" && p.lang != c.in.Lang {
				continue
			}
			end, ok := c.matchWords(i, to, p.words)
			if !ok {
				continue
			}
			var in bool
			switch {
			case p.kind == "denial":
				in = i >= h.end
			case p.kind == "condition":
				in = i < h.at
			case c.in.Lang == "fa":
				// the verb that ends the clause, unless the trigger is that verb
				// («قرار است» may come first)
				in = !h.t.verbal && i >= h.end || p.kind == "future" && i < h.at
			case noun:
				// the clause's verb is negated or in the future: "did not
				// attend the summit", «يعتزم … لقاء نظيره»
				in = i < h.at
			case p.kind == "negation":
				in = i < h.at && end >= h.at-2
			case c.in.Lang == "ar" && p.kind == "future":
				// the subject stands between: «يعتزم وزير الخارجية
				// الأمير فيصل بن فرحان لقاء نظيره»
				in = i < h.at
			default:
				in = i < h.at && end >= h.at-4
			}
			if in {
				return true
			}
		}
	}
	if c.denied(h, from, clauseEnd) {
		return true
	}
	for i := h.end + 12; i < clauseEnd && c.in.Lang == "fa" && !h.t.verbal; i++ {
		for _, p := range c.lx.modality[c.toks[i].word] {
			if p.kind != "condition" && p.lang == "fa" {
				if _, ok := c.matchWords(i, to, p.words); ok {
					return true
				}
			}
		}
	}
	return false
}

// denied reports whether a denial or a cancellation stands before the
// trigger in its sentence (tokens from …) or after it in its clause (…
// clauseEnd): «نفت … صحة التقارير التي تحدثت عن لقاء», «دیدار … لغو شد».
func (c *coder) denied(h hit, from, clauseEnd int) bool {
	for i := from; i < clauseEnd; i++ {
		if i >= h.at && i < h.end {
			continue
		}
		if c.cue(c.lx.modality, "denial", i, clauseEnd) >= 0 {
			return true
		}
	}
	return false
}

// background reports whether a trigger noun is named as the cause or the
// time of something else — «بعد الهجمات», «في أعقاب الانفجار», «در پی حمله»,
// "after the attack" — rather than reported as news, by a cue of a kind
// ("" for any, "setting" for the setting of what is reported: «في ختام
// مشاورات ريمبو»). A verb after «بعد أن» still reports: «بعد أن وقع».
func (c *coder) background(h hit, from int, kind string) bool {
	if h.t.verbal {
		return false
	}
	for k := h.at - 1; k >= from && k >= h.at-3; k-- {
		w := c.toks[k].word
		if clauseBreak(w) || w == "ان" || w == "that" {
			return false
		}
		if c.cue(c.lx.backgrounds, kind, k, h.at) >= h.at-1 {
			return true
		}
	}
	return false
}

// talkedAbout reports whether a trigger noun is what something is about
// — «درباره روند مذاکرات رفع تحریم‌ها», «بشأن تبادل الأسرى», "talks about a
// prisoner swap" — rather than an event: an about-word stands up to four
// words before it in its clause.
func (c *coder) talkedAbout(h hit, from int) bool {
	if h.t.verbal {
		return false
	}
	words := 0
	for k := h.at - 1; k >= from && words <= 4; k-- {
		w := c.toks[k].word
		if clauseBreak(w) {
			return false
		}
		if c.cue(c.lx.abouts, "", k, h.at) >= 0 {
			return true
		}
		if wordy(w) {
			words++ // quotation marks are not words: «في قضيتي «التخابر» و«اقتحام السجون»»
		}
	}
	return false
}

// anaphoric reports whether a trigger noun refers back to an event already
// told: a demonstrative stands right before it («در این دیدار», «هذا
// اللقاء», "this meeting").
func (c *coder) anaphoric(h hit) bool {
	if h.t.verbal {
		return false
	}
	for k := h.at - 1; k >= 0 && k >= h.at-3; k-- {
		if c.cue(c.lx.anaphors, "", k, h.at) == h.at {
			return true
		}
	}
	return false
}

// cue matches the phrases of one lexicon list (of one kind, unless kind
// is "") that the document's language has at token k, within tokens [k,
// to): the end of the longest, or -1 if none matches.
func (c *coder) cue(list map[string][]phrase, kind string, k, to int) int {
	best := -1
	for _, p := range list[c.toks[k].word] {
		if kind != "" && p.kind != kind || c.in.Lang != "" && p.lang != c.in.Lang {
			continue
		}
		if end, ok := c.matchWords(k, to, p.words); ok && end > best {
			best = end
		}
	}
	return best
}

// clauseBreak reports whether a token ends a clause.
func clauseBreak(w string) bool {
	switch w {
	case "،", ":", "؛", ",", ";":
		return true
	}
	return false
}

// bothSides reports whether the sentence speaks of "the two sides" rather
// than naming them.
func (c *coder) bothSides(from, to int) bool {
	for i := from; i < to; i++ {
		if c.cue(c.lx.bothSides, "", i, to) >= 0 {
			return true
		}
	}
	return false
}

// sporting reports whether a sentence is sports news: its «دیدار» is a
// match and its «هجوم» an attack on goal.
func (c *coder) sporting(from, to int) bool {
	for i := from; i < to; i++ {
		if len(c.lx.sports[c.toks[i].word]) > 0 && c.cue(c.lx.sports, "", i, to) >= 0 {
			return true
		}
	}
	return false
}

// mentionsIn lists the entity mentions inside a sentence.
func (c *coder) mentionsIn(s text.Span) []gazetteer.Mention {
	ms := c.in.Mentions // in text order
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= s.Start })
	var out []gazetteer.Mention
	for ; i < len(ms) && ms[i].Start < s.End; i++ {
		if ms[i].End <= s.End {
			out = append(out, ms[i])
		}
	}
	return out
}

// party is an actor or recipient candidate: an entity named in the
// sentence, where, and whether the text marks it as the one acted on.
type party struct {
	id string
	at int // token
	// start and end are the mention's bytes (0, 0 when not named here)
	start, end int
	adjective  bool // named by an adjective («التونسيين», "Turkish")
	person     bool
	object     bool
	// shared is a subject taken from an earlier verb of the sentence
	shared bool
	// with is a party named after «با», «مع», "with": a partner, not the
	// subject
	with bool
}

// addParty adds a party unless the entity is there already (a subject
// shared from an earlier verb becomes the verb's own when named again).
func addParty(ps []party, p party) []party {
	for i, q := range ps {
		if q.id == p.id {
			if q.shared && !p.shared {
				return append(slices.Delete(ps, i, i+1), p)
			}
			return ps
		}
	}
	return append(ps, p)
}

// idsOf lists the ids of the persons (or of every party).
func idsOf(ps []party, personsOnly bool) []string {
	var out []string
	for _, p := range ps {
		if p.person || !personsOnly {
			out = append(out, p.id)
		}
	}
	return out
}

// parties picks the parties of trigger h among a sentence's mentions, in
// text order: persons, countries and organisations (news outlets only
// cite), and a capital standing for its state («تهران ... را رد کرد»,
// «إلى بغداد» for an aid shipment). When a sentence has several triggers,
// each mention goes to the nearest one. Places are kept for the location.
func (c *coder) parties(ms []gazetteer.Mention, hi int, all []hit, nps []objectNP) (ps []party, places []gazetteer.Mention) {
	ps, places = c.partiesOf(ms, hi, all, nps, zoneMain)
	// A relative clause's names are its own, unless the trigger has no
	// one else to act on: «رفضها للموقف الذي عبر عنه مجلس الشيوخ», «کشتی‌هایی
	// که متعلق به رژیم صهیونیستی هستند». Its places count as ever.
	rps, rplaces := c.partiesOf(ms, hi, all, nps, zoneRelative)
	if len(ps) <= 1 {
		for _, p := range rps {
			ps = addParty(ps, p)
		}
	}
	// What is asked for names no party, unless no one else is named:
	// «خواستار ادامه هماهنگی مسکو و آنکارا شد».
	if len(ps) <= 1 && all[hi].t.typ == "REQUEST" {
		cps, _ := c.partiesOf(ms, hi, all, nps, zoneContent)
		for _, p := range cps {
			p.object = true
			ps = addParty(ps, p)
		}
	}
	return ps, append(places, rplaces...)
}

// zones of a sentence's names for a trigger: the trigger's own, those in a
// relative clause that does not hold it, and those in what it asks for or
// what it praises or blames for (content).
const (
	zoneMain = iota
	zoneRelative
	zoneContent
)

// partiesOf is parties for the names of one zone.
func (c *coder) partiesOf(ms []gazetteer.Mention, hi int, all []hit, nps []objectNP, zone int) (ps []party, places []gazetteer.Mention) {
	h := all[hi]
	np, named := npOf(nps, hi)
	content := c.content(h, ms)
	for _, m := range ms {
		at := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.Start })
		z := zoneMain
		if rel, ok := inSpan(c.rels, at); ok {
			if hrel, hin := inSpan(c.rels, h.at); !hin || hrel != rel {
				z = zoneRelative
			}
		}
		if at >= content.from && at < content.to {
			z = zoneContent // what is asked for: «طالب … مجلس الأمن باتخاذ إجراءات … إلى الحوثي»
		}
		if z != zone {
			continue
		}
		mine := true
		for _, o := range all {
			if o.at != h.at && c.nearer(o, h, at) && !(o.topical && at < o.at) {
				mine = false
			}
		}
		// A Persian verb shares the sentence's subject with the other
		// verbs and nouns before it: «عراقچی در گفت‌وگوی تلفنی با ... از
		// تلاش‌های دوحه قدردانی کرد».
		shared := false
		if !mine && c.predicate(h) && at < h.at && !c.object(m, h) && m.Entity.Kind != gazetteer.KindPlace && (subjectFree(ps) || c.sharedList(ps, at)) {
			mine, shared = true, true
		}
		// An event named in a verb's object has the names of its noun
		// phrase, and only those.
		other := false // in the noun phrase of another event
		switch {
		case named:
			mine = at >= np.from && at < np.to
			other = !mine
		case insideNP(nps, hi, at):
			mine, other = false, true
		}
		e := m.Entity
		switch {
		case other && e.Kind == gazetteer.KindPlace && !c.heldByEvent(nps, all, hi, at):
			// where the talks were, not where the event talked about was
			places = append(places, m)
		case other:
		case e.Kind == gazetteer.KindPlace && c.dateline(m):
			// «تهران - ایرنا -», «الرياض - واس»: where the report was filed
		case e.Kind == gazetteer.KindPlace:
			places = append(places, m)
			if c.where == "" && c.locative(m) {
				c.where = e.ID
			}
			if mine && c.capital(e) && (!c.locative(m) || h.t.typ != "CONSULT" && c.directional(m)) {
				ps = addParty(ps, party{id: e.In, at: at, object: c.object(m, h)})
			}
		case !mine:
		case e.Type == "news-outlet":
		case nested(ms, m):
			// «وزارة الخارجية المصرية», «رئیس جمهور فرانسه»: a name inside
			// another says whose it is; it is no party of its own
		case (m.How == "adjective" || e.Kind == gazetteer.KindCountry) && c.modifies(ms, m):
			// «حزب الله اللبناني», «الحرس الثوري الإيراني», «جنبش انصارالله
			// یمن»: the adjective or the country says whose the named body
			// is; it is no party of its own
		case c.source(m):
			// «به گزارش کاخ کرملین، …», "according to the Kremlin": where
			// the report comes from, not a party
		case at >= h.end && c.attribution(m):
			// "…, the U.S. Navy said": the source, not a party
		case c.appositive(m):
			// "Ekrem Imamoglu, President Tayyip Erdogan's main rival,":
			// the name says who the one before it is
		case c.flag(m):
			// "the Marshall Islands-flagged tanker", «تحمل علم بنما»: the
			// flag a ship flies is no party
		case c.brokering(m):
			// "the U.S.- and French-brokered agreement", "Iranian-backed
			// rebels": who stands behind it is no party, nor a site
		case c.topic(m) || c.venue(m):
			// «درباره سوریه», «الأوضاع في اليمن», "at the White House":
			// what is talked about, or where, is no party
			if e.Kind == gazetteer.KindCountry && c.where == "" {
				c.where = e.ID
			}
			if e.Kind == gazetteer.KindCountry {
				places = append(places, m) // a site, for site()
			}
		default:
			with := c.partner(at)
			ps = addParty(ps, party{id: e.ID, at: at, start: m.Start, end: m.End, adjective: m.How == "adjective", person: e.Kind == gazetteer.KindPerson, object: c.object(m, h) || c.owner(m, h, at), shared: shared, with: with})
		}
	}
	// a verb with a subject of its own shares none: «ایران … را آزاد کرد
	// و در مقابل، آمریکا نیز … را آزاد کرد»
	own := false
	for _, p := range ps {
		own = own || !p.shared && !p.object && !p.with && p.at < h.at
	}
	if own {
		ps = slices.DeleteFunc(ps, func(p party) bool { return p.shared })
	}
	return ps, places
}

// dateline reports whether a place opens a dateline: a dash follows it
// («تهران - ایرنا -», «الرياض - واس», "MOSCOW -").
func (c *coder) dateline(m gazetteer.Mention) bool {
	j := sort.Search(len(c.toks), func(j int) bool { return c.toks[j].start >= m.End })
	if j >= len(c.toks) {
		return false
	}
	switch c.toks[j].word {
	case "-", "–", "—":
		return true
	}
	return false
}

// span is a range of tokens.
type span struct{ from, to int }

// content is the part of a request, a praise, an apology or an accusation
// that says what is asked for or what it is for, whose names are no
// parties:
//   - requests: in Arabic after the addressee, from a verbal noun with «بـ»
//     or from «أن» («طالب X مجلس الأمن باتخاذ إجراءات …»); in English from
//     "to" after the addressee ("called on X to …"); in Persian inside
//     «خواستار … شد» or after «خواست» («از ایران خواست … ارائه دهد»);
//   - reasons: in English from "for" or "of" after the one praised or
//     accused ("praised Oman for its mediation between Iran and …", "accused
//     Russia of shelling …"); in Arabic from «على» or a verbal noun with
//     «بـ» after them; in Persian from «برای», «بابت» or «به خاطر», or «به»
//     after the object's «را», up to the verb («X را به نادیده گرفتن
//     همکاری‌های ایران متهم کرد»).
func (c *coder) content(h hit, ms []gazetteer.Mention) span {
	request := h.t.typ == "REQUEST"
	if !request && h.t.typ != "SUPPORT" && h.t.typ != "CONCEDE" && h.t.typ != "ACCUSE" {
		return span{}
	}
	// the sentence's names bound what is read; commas around a date
	// («، اليوم (الثلاثاء)،») do not end the request
	end := min(h.end+40, len(c.toks))
	named := func(lo, k int) bool { // a name stands in tokens [lo, k)
		from, to := c.toks[lo].start, c.toks[k].start
		for _, m := range ms {
			if m.Start >= from && m.End <= to && m.Entity.Kind != gazetteer.KindPlace {
				return true
			}
		}
		return false
	}
	switch c.in.Lang {
	case "fa":
		if !h.t.verbal {
			return span{}
		}
		if request {
			if len(h.t.words) > 1 && slices.Contains(h.t.words, gap) {
				return span{h.at + 1, h.end - 1}
			}
			return span{h.end, c.clauseEnd(h.end, end)}
		}
		ra := -1
		for k := h.at - 1; k >= 0 && k >= h.at-25 && !clauseBreak(c.toks[k].word); k-- {
			switch c.toks[k].word {
			case "را":
				ra = k
			case "برای", "بابت", "خاطر":
				if k > 0 && named(max(0, k-12), k) {
					// «بابت سقوط هواپیما از علی‌اف عذرخواهی کرد»: whom
					// to, after what for
					to := h.at
					for j := h.at - 1; j > k; j-- {
						if c.toks[j].word == "از" {
							to = j
							break
						}
					}
					return span{k, to}
				}
			}
		}
		for k := ra + 1; ra >= 0 && k < h.at; k++ {
			if c.toks[k].word == "به" {
				return span{k, h.at}
			}
		}
	case "en":
		for k := h.end; k < end; k++ {
			w := c.toks[k].word
			if (request && w == "to" || !request && (w == "for" || w == "of")) && named(h.end, k) {
				return span{k, end}
			}
		}
	default:
		// «طالب X Y بـ…», «اتهم X Y بـ…»: the addressee or the accused
		// stands before what is asked or alleged; a praise's «بـ» names what
		// is praised («أشاد بجهود الكويت»), its «على» what for
		for k := h.end; k < end; k++ {
			w := c.in.Display[c.toks[k].start:c.toks[k].end]
			verbalNoun := (request || h.t.typ == "ACCUSE") && strings.HasPrefix(w, "ب") && utf8.RuneCountInString(w) > 4
			that := c.toks[k].word == "ان" || c.toks[k].word == "بان"
			if (verbalNoun || that || !request && c.toks[k].word == "علی") && named(h.end, k) {
				return span{k, end}
			}
		}
	}
	return span{}
}

// relatives finds the relative clauses of tokens [from, to): from a
// relative word after a noun to the next comma or the sentence's end,
// within 30 words —
// «X که به مسکو سفر کرده بود، …», «…، التي …،», ", which …,". A «که» after
// a verb or in a conjunction («در حالی که») opens no relative clause.
func (c *coder) relatives(from, to int) []span {
	var out []span
	for k := from + 1; k < to; k++ {
		if len(c.lx.relatives[c.toks[k].word]) == 0 || clauseBreak(c.toks[k-1].word) && c.in.Lang == "fa" {
			continue
		}
		// the whole cue, not its first word: «بعد» is not «بعد أن»
		clause := c.cue(c.lx.relatives, "relative", k, to) > k
		ok := clause || c.cue(c.lx.relatives, "circumstance", k, to) > k
		if !ok || c.in.Lang == "fa" && notRelative(c.toks[k-1].word) || c.in.Lang == "en" && !clauseBreak(c.toks[k-1].word) {
			continue
		}
		for e := k + 1; e <= to && e <= k+30; e++ {
			// a relative clause goes on over a list of names to its verb:
			// «که به پیشنهاد فرانسه، آلمان، انگلیس و آمریکا تهیه شده بود»
			if e == to || clauseBreak(c.toks[e].word) && !(clause && c.listComma(e)) {
				out = append(out, span{k, e})
				k = e
				break
			}
		}
	}
	return out
}

// partner reports whether the name at token at follows «با», «مع» or
// "with": a partner in what another does, never its subject.
func (c *coder) partner(at int) bool {
	if at == 0 {
		return false
	}
	switch c.toks[at-1].word {
	case "با", "مع", "with":
		return true
	}
	return false
}

// listComma reports whether the comma at token k stands in a list of
// names: «به پیشنهاد فرانسه، آلمان، انگلیس و آمریکا».
func (c *coder) listComma(k int) bool {
	if w := c.toks[k].word; (w != "،" && w != ",") || k+1 >= len(c.toks) {
		return false
	}
	ms := c.in.Mentions
	next := c.toks[k+1].start
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= next })
	return c.mentionEndingAt(c.toks[k].start) >= 0 && i < len(ms) && ms[i].Start == next
}

// notRelative reports whether «که» after this word is a conjunction or a
// complementizer, not a relative pronoun.
func notRelative(w string) bool {
	switch w {
	case "حالی", "طوری", "چرا", "آن", "این", "آنجا", "زمانی", "هنگامی", "است", "بود", "شد", "کرد", "گفت", "داد", "دارد", "اند", "کند", "کرده", "شده", "بلکه", "تا":
		return true
	}
	return false
}

// inSpan reports whether token at lies in one of the spans.
func inSpan(ss []span, at int) (span, bool) {
	for _, s := range ss {
		if at >= s.from && at < s.to {
			return s, true
		}
	}
	return span{}, false
}

// firstPerson reports whether a trigger verb is in the first person
// («گفت‌وگو کردم», «دیدار کردیم», "I met", "we signed"): quoted words of
// the speaker.
func (c *coder) firstPerson(h hit, from int) bool {
	switch c.in.Lang {
	case "fa":
		if !h.t.verbal {
			return false
		}
		// a Persian verb's first person ends in «م» (کردم، کردیم، کرده‌ایم);
		// no third person does
		return strings.HasSuffix(c.toks[h.end-1].word, "م")
	case "en":
		if h.at > from {
			switch c.toks[h.at-1].word {
			case "i", "we":
				return true
			}
		}
	}
	return false
}

// speakerBefore is the person who speaks the words holding trigger h: the
// last person named before the speech that holds it.
func (c *coder) speakerBefore(h hit, speech []int, from int) string {
	start := speechOf(speech, h)
	if start < 0 {
		return ""
	}
	lo, hi := c.toks[from].start, c.toks[start].start
	best := ""
	for _, m := range c.in.Mentions {
		if m.Start >= lo && m.End <= hi && m.Entity.Kind == gazetteer.KindPerson {
			best = m.Entity.ID
		}
	}
	return best
}

// spoken reports whether a trigger is a stance that exists by being
// stated — support, rejection, accusation, request, threat, apology —
// stated as it is said (a Persian verb in the present: «حمایت می‌کند»,
// not the perfect «رد کرده است», which reports an earlier act).
func (c *coder) spoken(h hit) bool {
	switch h.t.typ {
	case "SUPPORT", "REJECT", "ACCUSE", "REQUEST", "THREATEN", "CONCEDE":
		return c.in.Lang != "fa" || !h.t.verbal || h.mood == moodPresent
	}
	return false
}

// named lists the parties a set of mentions names: no places, outlets or
// names inside another.
func (c *coder) named(ms []gazetteer.Mention) []party {
	var ps []party
	for _, m := range ms {
		if e := m.Entity; e.Kind != gazetteer.KindPlace && e.Type != "news-outlet" && !nested(ms, m) && !c.modifies(ms, m) {
			ps = addParty(ps, party{id: e.ID})
		}
	}
	return ps
}

// speechOf is the start of the reported speech that holds trigger h: the
// latest of a sentence's speech starts at or before it, or -1.
func speechOf(speech []int, h hit) int {
	start := -1
	for _, s := range speech {
		if s <= h.at {
			start = s
		}
	}
	return start
}

// speakerFor finds who, before the speech that holds trigger h, speaks for
// the state or organisation id: the last person serving it, else the last
// body («وزارة الخارجية المصرية»). It is "" when id is a person or nobody
// named before the speech serves it.
func (c *coder) speakerFor(h hit, speech []int, from int, id string) string {
	g := c.in.Gazetteer
	if e := g.Entity(id); e == nil || e.Kind == gazetteer.KindPerson {
		return ""
	}
	start := speechOf(speech, h)
	if start < 0 {
		return ""
	}
	lo, hi := c.toks[from].start, c.toks[start].start
	person, body := "", ""
	for _, m := range c.in.Mentions {
		if m.Start < lo || m.End > hi || m.Entity.Kind == gazetteer.KindPlace || !slices.Contains(serves(g, m.Entity.ID, c.in.Anchor), id) {
			continue
		}
		if m.Entity.Kind == gazetteer.KindPerson {
			person = m.Entity.ID
		} else {
			body = m.Entity.ID
		}
	}
	if person != "" {
		return person
	}
	return body
}

// implied finds the recipient of a directed event whose sentence names
// none, from the events around it:
//   - a thanks, an apology or a request made in a meeting or a call goes
//     to the other side of it: «پوتین در گفت‌وگوی تلفنی با علی‌اف بابت
//     حادثه عذرخواهی کرد»;
//   - a reaction to "this move" («این اقدام را محکوم کرد», «هذا القرار»,
//     "the decision") is to whoever acted in the report's latest event
//     before the sentence.
func (c *coder) implied(h hit, actors []string, same, prior []Event, from int) []string {
	others := func(ev Event) []string {
		var out []string
		for _, p := range append(append([]string{}, ev.Actors...), ev.Recipients...) {
			if !slices.Contains(actors, p) && !slices.Contains(out, p) {
				out = append(out, p)
			}
		}
		return out
	}
	switch h.t.typ {
	case "SUPPORT", "CONCEDE", "REQUEST":
		for i := len(same) - 1; i >= 0; i-- {
			if same[i].Type == "CONSULT" && slices.Contains(append(append([]string{}, same[i].Actors...), same[i].Recipients...), actors[0]) {
				return others(same[i])
			}
		}
	}
	if !reacting(h.t) || len(prior) == 0 {
		return nil
	}
	for k := max(from, h.at-12); k < h.end+12 && k < len(c.toks); k++ {
		if c.cue(c.lx.anaphors, "", k, len(c.toks)) >= 0 {
			if last := prior[len(prior)-1]; last.End <= c.toks[from].start {
				return without(last.Actors, actors)
			}
		}
	}
	return nil
}

// predicate reports whether a trigger is a Persian verb, or a noun that
// shares the verb coordinated after it: «با پوتین دیدار و گفت‌وگو کرد».
func (c *coder) predicate(h hit) bool {
	return h.t.verbal || c.in.Lang == "fa" && h.end < len(c.toks) && c.toks[h.end].word == "و"
}

// nearer reports whether trigger o is nearer than h to the name at token
// at: a trigger in the name's own part of the sentence (between commas)
// first — «استقبل X في جدة الرئيس الأوكراني Y، وجرى بحث … لتبادل الأسرى»
// gives Y to the reception — then the one fewer words away.
func (c *coder) nearer(o, h hit, at int) bool {
	so, sh := c.part(o.at) == c.part(at), c.part(h.at) == c.part(at)
	if so != sh {
		return so
	}
	// a name after a conjunction that follows one verb opens the next
	// verb's clause: «آذربایجان … را آزاد کرد و ارمنستان نیز … را تحویل داد»
	switch {
	case o.end <= at && at < h.at && c.joined(o.end, at):
		return false
	case h.end <= at && at < o.at && c.joined(h.end, at):
		return true
	case h.end <= at && at < o.at && c.governs(h, o):
		// «اتهمت X الحرس الثوري وحزب الله بتدريب …», "accused X of
		// training …": the names between a verb and a noun after it are
		// the verb's
		return false
	case o.end <= at && at < h.at && c.governs(o, h):
		return true
	}
	return distance(o, at) < distance(h, at)
}

// governs reports whether an Arabic verb trigger v keeps the names
// between it and a later noun trigger n of its clause: Arabic names a
// verb's subject and object after it, and a noun's after the noun.
func (c *coder) governs(v, n hit) bool {
	return c.in.Lang == "ar" && !c.noun(v) && !c.joined(v.end, n.at)
}

// joined reports whether a clause joint lies in tokens [from, to).
func (c *coder) joined(from, to int) bool {
	for k := from; k < to; k++ {
		if c.joint(k) {
			return true
		}
	}
	return false
}

// joint reports whether token k joins two clauses: a clause break (not an
// aside's comma) or a conjunction («و», «فيما», "and", "while").
func (c *coder) joint(k int) bool {
	switch w := c.toks[k].word; {
	case clauseBreak(w):
		return !c.aside(k)
	case w == "و", w == "and", w == "فیما", w == "while", w == "whereas":
		return true
	}
	return false
}

// part numbers the comma-separated parts of the current sentence: the
// clause breaks before token i.
func (c *coder) part(i int) int {
	if i < c.partFrom || i-c.partFrom >= len(c.parts) {
		return -1
	}
	return c.parts[i-c.partFrom]
}

// venue reports whether an organisation is named as where something
// happens: "signed agreements at the White House", "met at the foreign
// ministry". (Persian «در» and Arabic «في» are topic cues already.)
func (c *coder) venue(m gazetteer.Mention) bool {
	if c.in.Lang != "en" || m.Entity.Kind != gazetteer.KindOrg {
		return false
	}
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.Start })
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		switch c.toks[k].word {
		case "at":
			return true
		case "the":
			continue
		}
		break
	}
	return false
}

// topic reports whether a mention follows a preposition of topic or place
// within two words: «درباره», «در مورد», «در»; «حول», «بشأن», «في»; "about",
// "in".
func (c *coder) topic(m gazetteer.Mention) bool { return c.topicWithin(m, 8) }

// topicWithin is topic looking back over at most depth coordinated names,
// so that a list of names costs linear time.
func (c *coder) topicWithin(m gazetteer.Mention, depth int) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > m.Start })
	if i < len(c.toks) && c.toks[i].start < m.Start {
		glued := c.in.Display[c.toks[i].start:m.Start]
		if glued == "و" {
			return depth > 0 && c.joinedTopic(i, m, depth-1)
		}
		return c.in.Lang == "ar" && (glued == "وفي" || glued == "في")
	}
	if i > 0 {
		switch c.toks[i-1].word {
		case "و", "and":
			if depth > 0 && c.joinedTopic(i-1, m, depth-1) {
				return true
			}
		case "،", ",":
			// a comma lists names only when the list goes on: «درباره
			// سوریه، عراق و یمن», not «با میانجی‌گری قطر، ایران … آزاد کرد»
			if depth > 0 && c.listGoesOn(m) && c.joinedTopic(i-1, m, depth-1) {
				return true
			}
		}
	}
	if i > 0 && depth > 0 && m.How == "adjective" {
		// stacked adjectives share their cue: «برعاية سعودية أمريكية»
		if j := c.mentionEndingAt(c.toks[i-1].end); j >= 0 && c.in.Mentions[j].How == "adjective" && c.topicWithin(c.in.Mentions[j], depth-1) {
			return true
		}
	}
	// a cue ends at most one word before the name
	return c.cueBefore(c.lx.topics, i, 6, 1)
}

// brokering reports whether an English name qualifies a compound that
// says who brokered or sponsored something — "the U.S.- and
// French-brokered agreement", "an Egyptian-mediated truce" — and is so no
// party to it.
func (c *coder) brokering(m gazetteer.Mention) bool {
	if c.in.Lang != "en" {
		return false
	}
	rest := strings.ToLower(c.in.Display[m.End:min(len(c.in.Display), m.End+40)])
	if !strings.HasPrefix(rest, "-") {
		return false
	}
	rest = strings.TrimLeft(rest[1:], " ")
	if after, ok := strings.CutPrefix(rest, "and "); ok {
		// "U.S.- and French-brokered": the next name's compound
		if k := strings.Index(after, "-"); k > 0 && !strings.ContainsAny(after[:k], " ,") {
			rest = after[k+1:]
		}
	}
	for _, w := range []string{"brokered", "mediated", "sponsored", "backed"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	return false
}

// cueBefore reports whether a cue of a list starts at most reach tokens
// before token i, in its clause, and ends at most slack words before it.
func (c *coder) cueBefore(list map[string][]phrase, i, reach, slack int) bool {
	for k := i - 1; k >= 0 && k >= i-reach; k-- {
		if clauseBreak(c.toks[k].word) {
			return false
		}
		if end := c.cue(list, "", k, i); end >= i-slack {
			return true
		}
	}
	return false
}

// listGoesOn reports whether a conjunction or a comma follows a mention.
func (c *coder) listGoesOn(m gazetteer.Mention) bool {
	j := sort.Search(len(c.toks), func(j int) bool { return c.toks[j].start >= m.End })
	if j >= len(c.toks) {
		return false
	}
	switch c.toks[j].word {
	case "و", "and", "،", ",", "or", "یا", "او":
		return true
	}
	return false
}

// mentionEndingAt gives the index of the document's mention ending at
// display offset end, or -1.
func (c *coder) mentionEndingAt(end int) int {
	ms := c.in.Mentions // in text order: only the few starting before end can
	i := sort.Search(len(ms), func(j int) bool { return ms[j].Start >= end })
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if ms[j].End == end {
			return j
		}
	}
	return -1
}

// joinedTopic reports whether the name before the conjunction at token k
// is a topic: «في سوريا واليمن», «درباره سوریه و عراق», "about Syria and
// Iraq" talk of both.
func (c *coder) joinedTopic(k int, m gazetteer.Mention, depth int) bool {
	ms := c.in.Mentions
	j := sort.Search(len(ms), func(j int) bool { return ms[j].Start >= m.Start }) - 1
	for ; j >= 0 && ms[j].End > c.toks[k].start; j-- {
	}
	if j < 0 || ms[j].End < c.toks[max(k-1, 0)].start {
		return false
	}
	return c.topicWithin(ms[j], depth)
}

// modifies reports whether an adjective mention qualifies the entity
// named right before it (within one word).
func (c *coder) modifies(ms []gazetteer.Mention, m gazetteer.Mention) bool {
	// ms is in text order: only the few names just before m can be it
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= m.Start })
	for _, o := range ms[max(0, i-3):i] {
		if o.End <= m.Start && o.How != "adjective" && o.Entity.Kind != gazetteer.KindPlace &&
			(m.How == "adjective" || o.Entity.Kind != gazetteer.KindCountry && countryOf(c.in.Gazetteer, o.Entity.ID) == m.Entity.ID) {
			gapStart := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= o.End })
			gapEnd := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.Start })
			// an adjective may stand one word away («الحرس الثوري
			// الإيراني»), a country's name right after the body's; an
			// English adjective stands before its noun ("Germany released
			// Russians")
			if m.How == "adjective" && c.in.Lang == "en" {
				continue
			}
			if gapEnd-gapStart == 0 || m.How == "adjective" && gapEnd-gapStart == 1 && !clauseBreak(c.toks[gapStart].word) {
				return true
			}
		}
	}
	return false
}

// nested reports whether a mention lies inside a longer one (ms is in
// text order, and a mention contains only the few after it).
func nested(ms []gazetteer.Mention, m gazetteer.Mention) bool {
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start > m.Start })
	for _, o := range ms[max(0, i-4):i] {
		if o.Start <= m.Start && m.End <= o.End && o.End-o.Start > m.End-m.Start {
			return true
		}
	}
	return false
}

// subjectFree reports whether no party before the verb has been taken as a
// possible subject yet.
// sharedList reports whether the name at token at goes on a list of
// subjects the verb shares: «پزشکیان و پوتین … پس از دیدار و گفت‌وگو، …
// امضا کردند».
func (c *coder) sharedList(ps []party, at int) bool {
	if len(ps) == 0 || !ps[len(ps)-1].shared || at < 1 {
		return false
	}
	for _, p := range ps {
		if !p.shared && !p.object {
			return false
		}
	}
	w := c.toks[at-1].word
	return w == "و" || w == "،"
}

func subjectFree(ps []party) bool {
	for _, p := range ps {
		if !p.object {
			return false
		}
	}
	return true
}

// object reports whether the text marks a mention as the one acted on: in
// Persian, «از», «به», «علیه» before it or «را» after it; in Arabic, a
// preposition before it («على», «ضد», «إلى») or glued to it («بإيران»,
// «لروسيا»); in English, "to", "on", "against" before it, or the subject of
// a passive.
func (c *coder) object(m gazetteer.Mention, h hit) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > m.Start })
	if i < h.at && c.passive(h) {
		return true // "Five Iranians were arrested": the subject of a passive
	}
	if i < len(c.toks) && c.toks[i].start < m.Start {
		glued := c.in.Display[c.toks[i].start:m.Start]
		return c.in.Lang == "ar" && (strings.HasSuffix(glued, "ب") || strings.HasSuffix(glued, "ل"))
	}
	var before []string
	switch c.in.Lang {
	case "fa":
		before = []string{"از", "به", "علیه", "ضد"}
	case "ar":
		before = []string{"علی", "ضد", "الی", "بحق", "تجاه", "ب", "ل"}
	default:
		before = []string{"to", "on", "against", "at"}
	}
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		w := c.toks[k].word
		if clauseBreak(w) || k < h.end && k >= h.at {
			break
		}
		// «علیه», "against" reach over a noun phrase: «علیه طرح اصلاحات
		// قضایی کابینه نتانیاهو»; the others mark the next few words
		if k < i-3 && !against(w) {
			continue
		}
		if c.attributing(k) {
			continue // «به گزارش فارس جرج بوش …», «به نقل از»
		}
		for _, b := range before {
			if w == b {
				return true
			}
		}
		if h.t.typ == "PROTEST" && protestSite(w) {
			return true // «تجمع مقابل مجلس»: protesters face whom they protest to
		}
	}
	if c.in.Lang == "fa" {
		j := sort.Search(len(c.toks), func(j int) bool { return c.toks[j].start >= m.End })
		for k := j; k < len(c.toks) && k < j+4 && k < h.at; k++ {
			if w := c.toks[k].word; w == "را" {
				return !c.otherObject(m, c.toks[k].start)
			} else if clauseBreak(w) || npOpener(w) {
				break // «اتحادیه اروپا رسما این موضوع را رد کرد»
			}
		}
	}
	return false
}

// source reports whether a name follows a source cue by at most one word:
// «به گزارش کاخ کرملین»، «بحسب وكالة»، "according to the Kremlin".
func (c *coder) source(m gazetteer.Mention) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > m.Start })
	return c.cueBefore(c.lx.sources, i, 4, 1)
}

// attributing reports whether token k is the preposition of a Persian
// attribution formula — «به گزارش», «به نوشته», «به گفته», «به نقل از» —
// which marks no one as acted on.
func (c *coder) attributing(k int) bool {
	if c.in.Lang != "fa" {
		return false
	}
	switch w := c.toks[k].word; {
	case w == "به" && k+1 < len(c.toks):
		switch c.toks[k+1].word {
		case "گزارش", "نوشته", "گفته", "نقل":
			return true
		}
	case w == "از" && k > 0:
		return c.toks[k-1].word == "نقل"
	}
	return false
}

// npOpener reports whether a Persian word opens a noun phrase or stands
// between a subject and its object: a demonstrative, a numeral, an adverb
// of manner or time.
func npOpener(w string) bool {
	switch w {
	case "این", "آن", "همین", "همان", "یک", "چند", "رسما", "امروز", "دیروز", "نیز", "هم",
		"دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "صد", "هزار", "ده‌ها", "صدها", "هزاران", "دهها":
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsDigit(r) // «۳۲ نظامی را»
}

// owner reports whether a Persian or Arabic adjective of nationality says
// whose is what a seizure or an arrest acts on: it follows the noun that
// ends the trigger or follows a trigger noun — «توقیف نفتکش انگلیسی»,
// «احتجزت … ناقلة إيرانية», «القبض على صحفي أمريكي» — rather than the
// trigger itself («الاعتقالات الإسرائيلية»).
func (c *coder) owner(m gazetteer.Mention, h hit, at int) bool {
	if h.t.typ != "COERCE" || m.How != "adjective" || c.in.Lang == "en" || at <= h.at+1 || at < h.end || at > h.end+1 {
		return false
	}
	// a word between a trigger and the adjective is the noun it qualifies
	// only after a noun; after a verb it is the subject («اعتقلت قوات
	// أمريكية»)
	if at > h.end && (h.t.verbal || c.in.Lang == "ar" && !c.noun(h)) {
		return false
	}
	for k := h.end; k < at; k++ {
		if !wordy(c.toks[k].word) && c.toks[k].word != "«" {
			return false
		}
	}
	return true
}

// otherObject reports whether another name, not listed with m, stands
// between m and the «را» at byte offset ra: «مسکو ادعای واشنگتن را رد
// کرد», «عراقچی فرانسه و آلمان را … متهم کرد» mark the later names.
func (c *coder) otherObject(m gazetteer.Mention, ra int) bool {
	ms := c.in.Mentions
	prev := m.End
	for i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= m.End }); i < len(ms) && ms[i].Start < ra; i++ {
		if ms[i].Start < prev {
			continue // nested in the one before
		}
		if ms[i].Entity.ID == m.Entity.ID {
			prev = ms[i].End // «پوتین رئیس جمهوری روسیه»: the same one again
			continue
		}
		switch strings.TrimSpace(c.in.Display[prev:ms[i].Start]) {
		case "و", "،", ",":
			prev = ms[i].End
		default:
			return true
		}
	}
	return false
}

// against reports whether a word marks what follows it as opposed.
func against(w string) bool {
	switch w {
	case "علیه", "ضد", "against":
		return true
	}
	return false
}

// protestSite reports whether a word places protesters before whom they
// protest to: «مقابل مجلس», «أمام السفارة», "outside parliament".
func protestSite(w string) bool {
	switch w {
	case "مقابل", "جلوی", "امام", "outside":
		return true
	}
	return false
}

// directional reports whether a place follows a preposition of direction
// («به», «إلى», "to"): where aid is sent or envoys go.
func (c *coder) directional(p gazetteer.Mention) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > p.Start })
	if i == 0 || i < len(c.toks) && c.toks[i].start < p.Start {
		return false
	}
	switch c.toks[i-1].word {
	case "به", "الی", "to", "نحو":
		return true
	}
	return false
}

// coordinated reports whether trigger h is a verb joined by «و» to the
// sentence's previous one and naming no subject of its own: «X از Y حمایت
// کرد و خواستار ... شد», «وأشاد X بـ... وطالب بـ...».
func (c *coder) coordinated(prev, h hit) bool {
	if prev.end > h.at {
		return false
	}
	and := strings.HasPrefix(c.toks[h.at].word, "و") && c.in.Lang == "ar"
	for k := prev.end; k < h.at && !and; k++ {
		and = c.toks[k].word == "و" || c.toks[k].word == "and"
	}
	if !and {
		return false
	}
	ms := c.in.Mentions
	lo, hi := c.toks[prev.end-1].end, c.toks[h.at].start
	for i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= lo }); i < len(ms) && ms[i].End <= hi; i++ {
		if ms[i].Entity.Kind == gazetteer.KindPerson || c.newSubject(ms[i]) {
			return false
		}
	}
	return true
}

// sourceBetween is the source cited after the fact in tokens [from, to)
// ("…, the U.S. Navy said,"), or "".
func (c *coder) sourceBetween(from, to int) string {
	if from >= to {
		return ""
	}
	ms := c.in.Mentions // in text order
	lo, hi := c.toks[from].start, c.toks[to-1].end
	for i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= lo }); i < len(ms) && ms[i].Start < hi; i++ {
		if ms[i].Entity.Kind != gazetteer.KindPlace && c.attribution(ms[i]) {
			return ms[i].Entity.ID
		}
	}
	return ""
}

// participle reports whether a trigger opens a participle clause after the
// event before it — "met Zelenskyy in Kyiv, pledging continued support",
// «قطع علاقاتها مع قطر، متهمة الدوحة بـ…» — whose subject is that event's.
func (c *coder) participle(prev, h hit) bool {
	return prev.end <= h.at && h.at > 0 && clauseBreak(c.toks[h.at-1].word) &&
		(c.in.Lang == "en" && strings.HasSuffix(c.toks[h.at].word, "ing") || h.t.participle)
}

// newSubject reports whether a name is marked as a new subject by "also"
// right after it: «آمریکا نیز», «ایران هم», «روسيا أيضا», "Russia also".
func (c *coder) newSubject(m gazetteer.Mention) bool {
	j := sort.Search(len(c.toks), func(j int) bool { return c.toks[j].start >= m.End })
	if j >= len(c.toks) {
		return false
	}
	switch c.toks[j].word {
	case "نیز", "هم", "ایضا", "also", "too":
		return true
	}
	return false
}

// antecedent is the person a subject pronoun stands for: the latest person
// named before the sentence who is not a party here (one does not thank
// oneself).
func (c *coder) antecedent(before int, parties []string) string {
	ms := c.in.Mentions
	i := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= before }) - 1
	for stop := i - 100; i >= 0 && i > stop; i-- { // bounded: a pronoun refers to a recent name
		if e := ms[i].Entity; e.Kind == gazetteer.KindPerson && !slices.Contains(parties, e.ID) {
			return e.ID
		}
	}
	return ""
}

// speechPronoun finds the speaker a subject pronoun opening the speech
// that holds trigger h refers to: "The Pentagon said it had sent", «أعلن
// الجيش أنه …», with no other name before the trigger. It is "" if there
// is none.
func (c *coder) speechPronoun(h hit, speech []int, from int) string {
	start := speechOf(speech, h)
	if start <= from || start >= h.at {
		return ""
	}
	for start < h.at && (c.whenOrWhere(start) || !wordy(c.toks[start].word)) {
		start++ // "said on Tuesday it had …"
	}
	switch c.toks[start].word {
	case "it", "he", "she", "they":
	default:
		switch c.toks[start-1].word {
		case "انه", "انها", "بانه", "بانها":
		default:
			return ""
		}
	}
	lo, mid, hi := c.toks[from].start, c.toks[start].start, c.toks[h.at].start
	speaker := ""
	for _, m := range c.in.Mentions {
		if m.Start < lo || m.End > hi || m.Entity.Kind == gazetteer.KindPlace || m.Entity.Type == "news-outlet" {
			continue
		}
		if m.Start >= mid {
			return "" // a name of its own before the verb
		}
		speaker = m.Entity.ID
	}
	return speaker
}

// pronoun reports whether the sentence has a subject pronoun («وی», «او»,
// "he") before trigger h.
func (c *coder) pronoun(from int, h hit) bool {
	for k := h.at - 1; k >= from; k-- {
		switch c.toks[k].word {
		case "وی", "او", "ایشان", "he", "she":
			return true
		}
	}
	return false
}

// sited reports whether an event of this trigger reaches the state it
// takes place in: aid goes there, troops withdraw from it or are sent to
// it, an attack lands in it.
func sited(t *trigger) bool {
	switch t.typ {
	case "AID", "MOBILIZE", "ASSAULT":
		return true
	case "RETREAT":
		// a withdrawal from a place, or access opened to it («فتح معبر
		// رفح», "opened the crossing … to enter the Gaza Strip")
		return t.mode == "withdraw" || t.mode == "access"
	}
	return false
}

// site is the state of the place named nearest the trigger that is not
// the actors' own: the recipient of an event that names no one acted on
// («کمک به بیروت», «خروج نیروهای روسیه از خرسون», "in Afghanistan's Herat
// province").
func (c *coder) site(places []gazetteer.Mention, h hit, actors []string) string {
	own := map[string]bool{}
	for _, a := range actors {
		own[a] = true
		own[countryOf(c.in.Gazetteer, a)] = true
		for _, s := range serves(c.in.Gazetteer, a, c.in.Anchor) {
			own[s] = true
		}
	}
	best, bestDist := "", 1<<30
	for _, p := range places {
		country := countryOf(c.in.Gazetteer, p.Entity.ID)
		if country == "" || own[country] {
			continue
		}
		at := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= p.Start })
		if c.border(p, at) {
			continue // troops near a border have not crossed it
		}
		if h.t.typ == "AID" && c.beneficiary(p) {
			// «وصلت إلى مطار العريش طائرة مساعدات … لإغاثة سكان قطاع
			// غزة»: whom aid is for, not where it lands
			return country
		}
		if d := distance(h, at); d < bestDist {
			best, bestDist = country, d
		}
	}
	return best
}

// attribution reports whether an English mention is the source a report
// cites after the fact: "…, the U.S. Navy said".
func (c *coder) attribution(m gazetteer.Mention) bool {
	if c.in.Lang != "en" {
		return false
	}
	j := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.End })
	for k := j; k < len(c.toks) && k <= j+1; k++ {
		switch c.toks[k].word {
		case "said", "says", "told", "reported", "announced":
			return true
		}
	}
	return false
}

// appositive reports whether an English name is a possessor in an
// apposition to a person: "Istanbul Mayor Ekrem Imamoglu, President Tayyip
// Erdogan's main political rival, …" (a comma right after a person's name,
// then at most a title word, then the name with "'s").
func (c *coder) appositive(m gazetteer.Mention) bool {
	if c.in.Lang != "en" {
		return false
	}
	if rest := c.in.Display[m.End:]; !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s") {
		return false
	}
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.Start })
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if c.toks[k].word != "," {
			continue
		}
		before := c.mentionEndingAt(c.toks[k].start)
		return before >= 0 && c.in.Mentions[before].Entity.Kind == gazetteer.KindPerson
	}
	return false
}

// flag reports whether a mention names the flag a ship flies: "the
// Panama-flagged tanker", «ناقلة ترفع علم بنما», «نفتکش با پرچم پاناما».
func (c *coder) flag(m gazetteer.Mention) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.Start })
	if i > 0 && (c.toks[i-1].word == "علم" || c.toks[i-1].word == "پرچم") {
		return true
	}
	j := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.End })
	for k := j; k < len(c.toks) && k <= j+1; k++ {
		if w := c.toks[k].word; w == "flagged" || w == "-flagged" {
			return true
		} else if w != "-" {
			break
		}
	}
	return false
}

// beneficiary reports whether a place follows a cue naming whom aid is
// for by at most three words: «لإغاثة سكان قطاع غزة», «برای کمک به مردم
// غزه», "to help civilians in Gaza".
func (c *coder) beneficiary(p gazetteer.Mention) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > p.Start })
	return c.cueBefore(c.lx.beneficiaries, i, 6, 3)
}

// border reports whether a place mention (at token at) names a border or
// a place near one: «در نزدیکی مرزهای اوکراین», «على الحدود مع», "along
// the Gaza border".
func (c *coder) border(p gazetteer.Mention, at int) bool {
	if at > 0 {
		switch c.toks[at-1].word {
		case "مرز", "مرزهای", "نزدیکی", "حدود", "الحدود", "قرب", "near", "مع":
			return true
		}
	}
	j := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= p.End })
	if j < len(c.toks) {
		switch c.toks[j].word {
		case "border", "borders", "frontier":
			return true
		}
	}
	return false
}

// location is the place named nearest the trigger after a locative
// preposition («در مسکو», «في موسكو», «بموسكو», "in Moscow"); a place the
// sentence talks about («درباره قره باغ») is no location.
func (c *coder) location(places []gazetteer.Mention, h hit) string {
	best, bestDist := "", 1<<30
	at := c.toks[h.at].start
	for _, p := range places {
		if !c.locative(p) {
			continue
		}
		d := p.Start - at
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = p.Entity.ID, d
		}
	}
	return best
}

// locative reports whether a place mention follows a locative preposition.
func (c *coder) locative(p gazetteer.Mention) bool {
	i := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].end > p.Start })
	if i < len(c.toks) && c.toks[i].start < p.Start {
		// A clitic glued to the name: «بموسكو», «وفي»… only ب means "in".
		return strings.HasSuffix(c.in.Display[c.toks[i].start:p.Start], "ب")
	}
	if i == 0 {
		return false
	}
	k := i - 1
	if k > 0 && placeHead(c.toks[k].word) {
		// «في العاصمة صنعاء», «در شهر تهران», "in the capital, Sanaa"
		k--
		if c.in.Lang == "ar" && strings.HasPrefix(c.in.Display[c.toks[k+1].start:c.toks[k+1].end], "ب") {
			return true // «بمدينة»
		}
	}
	switch c.toks[k].word {
	case "در", "فی", "وفی", "in", "into", "at", "الی", "الى", "به", "وارد", "the":
		return c.toks[k].word != "the" || k > 0 && (c.toks[k-1].word == "in" || c.toks[k-1].word == "at")
	}
	return false
}

// placeHead reports whether a word names the kind of a place before its
// name: «العاصمة», «مدينة», «شهر», «پایتخت», "capital", "city".
func placeHead(w string) bool {
	switch w {
	case "العاصمه", "عاصمه", "مدینه", "بمدینه", "المدینه", "شهر", "پایتخت", "استان", "محافظه", "بمحافظه", "capital", "city", "province":
		return true
	}
	return false
}

// assignParties fills the actors and recipients; it reports false when the
// event lacks the parties it needs. A reciprocal event (a call, a meeting,
// an agreement) has its persons — or, with fewer than two, its countries
// and organisations too — together as actors, unless the text says who
// initiated it («بمبادرة من الجانب التركي», «به درخواست») or who hosted
// whom (a meeting in a party's country). Otherwise the subject acts on the
// rest, less the subject's own country: the first party the text does not
// mark as acted on, before the verb in Persian and English, after it first
// in Arabic; or, when the verb has no subject of its own, the inherited
// one (a coordinated verb's, a pronoun's).
func (c *coder) assignParties(ev *Event, h hit, ps []party, inherited string) bool {
	g := c.in.Gazetteer
	persons, all := idsOf(ps, true), idsOf(ps, false)
	if h.t.reciprocal {
		parties := persons
		if len(parties) < 2 {
			parties = all
		}
		if inherited != "" && len(parties) < 2 {
			parties = mergeIDs([]string{inherited}, parties)
		}
		if len(parties) == 1 && h.t.mode == "multilateral" {
			// "NATO leaders gathered for a summit": an organisation's
			// members meet among themselves
			if e := g.Entity(parties[0]); e != nil && e.Kind == gazetteer.KindOrg && (e.Type == "international" || e.Type == "regional") {
				ev.Actors = parties
				return true
			}
		}
		if len(parties) < 2 {
			return false
		}
		if init := c.initiator(ev); init != "" && split(ev, parties, func(p string) bool { return countryOf(g, p) == init }) {
			return true
		}
		if ev.Type == "CONSULT" && ev.Mode == "visit" && ev.Location != "" {
			host := countryOf(g, ev.Location)
			if host != "" && split(ev, parties, func(p string) bool { return countryOf(g, p) != host }) {
				return true
			}
		}
		ev.Actors = parties
		return true
	}
	if len(ps) == 0 && inherited == "" {
		// Unnamed protesters are people of the country they march in.
		if country := countryOf(c.in.Gazetteer, c.where); h.t.typ == "PROTEST" && country != "" {
			ev.Actors = []string{country}
			return true
		}
		return false
	}
	if h.t.host && len(ps) > 1 {
		// «استقبل X Y»: Y came to X
		host := countryOf(g, all[0])
		for _, p := range all[1:] {
			if countryOf(g, p) != host || host == "" {
				ev.Actors = append(ev.Actors, p)
			}
		}
		ev.Recipients = all[:1]
		return len(ev.Actors) > 0
	}
	subject := c.subject(ps, h)
	if subject == "" && !c.passive(h) {
		subject = inherited // a passive's subject is acted on: "firms … accused of"
	}
	if country := countryOf(g, c.where); subject == "" && h.t.typ == "PROTEST" && country != "" {
		// unnamed protesters against the parties named: people of the
		// country they march in
		ev.Actors, ev.Recipients = []string{country}, without(all, []string{country})
		return true
	}
	if country := countryOf(g, c.where); subject == "" && h.t.typ == "COERCE" && subjectFree(ps) && country != "" && !slices.Contains(all, country) {
		// «أعلنت رئاسة أمن الدولة في المملكة القبض على … داعش»: whoever
		// arrests, unnamed, is the state where it happens; the named are
		// the arrested
		ev.Actors, ev.Recipients = []string{country}, all
		return true
	}
	if subject == "" && (c.passive(h) || !h.t.promise && !slices.ContainsFunc(ps, func(p party) bool { return !p.object && !p.with })) {
		return false // «حمله به سفارت»: only who was acted on is named
	}
	if subject == "" {
		subject = all[0]
	}
	first := subject
	subject = c.speaker(subject, ps, h)
	ev.Actors = []string{subject}
	// «أعلنت السعودية والإمارات والبحرين ومصر قطع علاقاتها»: a list of
	// subjects acts together
	for _, p := range c.coSubjects(ps, first, h) {
		if !slices.Contains(ev.Actors, p) {
			ev.Actors = append(ev.Actors, p)
		}
	}
	// the subject's own state is no recipient: the one it serves, or the
	// one an armed group or a party belongs to («جنبش انصارالله یمن»)
	own := append(serves(g, subject, c.in.Anchor), countryOf(g, subject))
	for _, p := range all {
		if !slices.Contains(ev.Actors, p) && !slices.Contains(own, p) {
			ev.Recipients = append(ev.Recipients, p)
		}
	}
	return true
}

// coSubjects lists the parties named in a list with the subject before
// the trigger («أعلنت السعودية والإمارات والبحرين ومصر … قطع علاقاتها»,
// "the United States and Germany released"), joined by «و» or "and" (a
// comma only on the way to one), not marked as acted on, not partners
// after «با» or "with", not adjectives («التونسيين والليبيين»).
func (c *coder) coSubjects(ps []party, subject string, h hit) []string {
	var out, pending []string
	var prev *party
	for i := range ps {
		p := &ps[i]
		if prev == nil {
			if p.id == subject && p.end > 0 && !p.adjective {
				prev = p
			}
			continue
		}
		if p.object || p.with || p.shared || p.adjective || p.end == 0 || p.start < prev.end || p.at >= h.at {
			break
		}
		switch strings.TrimSpace(c.in.Display[prev.end:p.start]) {
		case "و", "and", ", and":
			out = append(append(out, pending...), p.id)
			pending = nil
		case ",", "،":
			pending = append(pending, p.id)
		default:
			return out
		}
		prev = p
	}
	return out
}

// subject picks the party that acts: the first one not marked as acted on,
// looked for before the verb in Persian and English, and after it first in
// Arabic; a person rather than the state they serve when both are named
// («وزیر خارجه روسیه» is the minister, not Russia).
func (c *coder) subject(ps []party, h hit) string {
	var before, after []party
	for _, p := range ps {
		if p.object || p.with {
			continue // «قطع علاقاتها مع قطر»: a partner, not the subject
		}
		if p.at < h.at {
			before = append(before, p)
		} else {
			after = append(after, p)
		}
	}
	// Persian and English name the subject before the verb; what follows
	// it («خواستار ... شد») is its object.
	order := [][]party{before}
	if c.passive(h) {
		// "Sweden was accused by Turkey of …": only an agent after "by"
		order = [][]party{slices.DeleteFunc(after, func(p party) bool { return !c.agent(h, p.at) })}
	}
	if w := c.toks[h.at].word; c.in.Lang == "ar" && !(strings.HasPrefix(w, "ی") || strings.HasPrefix(w, "ت")) {
		// VSO, unless a present verb follows its subject, as headlines
		// write it («إيران تدين…»), or the trigger is a noun: the
		// subject of the sentence's verb acts («أطلقت السعودية … بغارات
		// جوية»), or the name after it («غارة إسرائيلية»)
		order = [][]party{after, before}
		if h.arabicNoun() {
			order = [][]party{before, after}
		}
	}
	for _, side := range order {
		if len(side) == 0 {
			continue
		}
		first := side[0]
		if !first.person {
			for _, p := range side[1:] {
				if p.person && slices.Contains(serves(c.in.Gazetteer, p.id, c.in.Anchor), first.id) {
					return p.id
				}
			}
		}
		return first.id
	}
	return ""
}

// passive reports whether an English verb trigger is in the passive
// voice: a form of "be" before it ("was attacked", "were reportedly
// arrested") or, for a verb of blame, "of" or "with" right after it
// ("countries accused of helping Moscow", "men charged with"). Its
// subject is acted on; its agent, if named, follows "by".
func (c *coder) passive(h hit) bool {
	if c.in.Lang != "en" || c.noun(h) {
		return false
	}
	if h.end < len(c.toks) && h.end == h.at+1 && (c.toks[h.end].word == "of" || c.toks[h.end].word == "with") && strings.HasSuffix(c.toks[h.at].word, "ed") {
		return true
	}
	for k := h.at - 1; k >= 0 && k >= h.at-3; k-- {
		switch c.toks[k].word {
		case "was", "were", "been", "being", "is", "are", "got":
			return true
		case "be", "get":
			// "ordered the forces to be put on combat duty": the one
			// ordered is not the subject
			return k == 0 || c.toks[k-1].word != "to"
		case "reportedly", "allegedly", "also", "later", "then", "not", "already", "recently", "previously":
			continue
		}
		return false
	}
	return false
}

// agent reports whether a mention follows "by" right after a passive
// trigger (perhaps after a place or a date): "was attacked by Houthi
// drones".
func (c *coder) agent(h hit, at int) bool {
	for k := at - 1; k >= h.end; k-- {
		if c.toks[k].word == "by" {
			return true
		}
		if clauseBreak(c.toks[k].word) {
			return false
		}
	}
	return false
}

// speaker is who acts for a state or a body among the parties that may be
// the subject (not marked as acted on; before the verb in Persian and
// English): a person who serves it, else a body of it («وزارة الخارجية
// المصرية» for Egypt).
func (c *coder) speaker(id string, ps []party, h hit) string {
	g := c.in.Gazetteer
	if e := g.Entity(id); e == nil || e.Kind == gazetteer.KindPerson {
		return id
	}
	body := ""
	for _, p := range ps {
		if p.id == id || p.object || c.in.Lang != "ar" && p.at > h.at || !slices.Contains(serves(g, p.id, c.in.Anchor), id) {
			continue
		}
		if p.person {
			return p.id
		}
		if body == "" {
			body = p.id
		}
	}
	if body != "" {
		return body
	}
	return id
}

// split puts the parties for which isActor holds among the actors and the
// rest among the recipients, and reports whether both sides have someone.
func split(ev *Event, parties []string, isActor func(string) bool) bool {
	var actors, recipients []string
	for _, p := range parties {
		if isActor(p) {
			actors = append(actors, p)
		} else {
			recipients = append(recipients, p)
		}
	}
	if len(actors) == 0 || len(recipients) == 0 {
		return false
	}
	ev.Actors, ev.Recipients = actors, recipients
	return true
}

// initiator finds "at the initiative of the X side" in the evidence and
// returns X's country id.
func (c *coder) initiator(ev *Event) string {
	ev0 := c.in.Display[ev.Start:ev.End]
	for _, cue := range []string{"بمبادرة من", "به درخواست", "به ابتکار", "at the initiative of", "at the request of"} {
		i := strings.Index(ev0, cue)
		if i < 0 {
			continue
		}
		at := ev.Start + i + len(cue)
		ms := c.in.Mentions
		if j := sort.Search(len(ms), func(j int) bool { return ms[j].Start >= at }); j < len(ms) && ms[j].Start-at < 40 {
			return countryOf(c.in.Gazetteer, ms[j].Entity.ID)
		}
	}
	return ""
}

// countryOf is the country an entity belongs to (itself for a country).
func countryOf(g *gazetteer.Gazetteer, id string) string {
	if g == nil {
		return ""
	}
	e := g.Entity(id)
	switch {
	case e == nil:
		return ""
	case e.Kind == gazetteer.KindCountry:
		return e.ID
	case e.Country != "":
		return e.Country
	case e.In != "":
		return e.In
	}
	return ""
}

// datesIn lists the day dates of a sentence with their token positions.
// A relative date inside a quotation («امروز» in «…امروز توافق کردیم…») is
// counted from the day the words were said: when the sentence dates the
// speech outside the quotation, that date stands for it.
func (c *coder) datesIn(s text.Span) []datedAt {
	var out []datedAt
	quotes := quoteSpans(c.in.Display[s.Start:s.End], s.Start)
	inQuote := func(d timex.Date) bool {
		for _, q := range quotes {
			if d.Start >= q.Start && d.End <= q.End {
				return true
			}
		}
		return false
	}
	outside := false
	ds := c.in.Dates // in text order
	first := sort.Search(len(ds), func(i int) bool { return ds[i].Start >= s.Start })
	for i := first; i < len(ds) && ds[i].Start < s.End; i++ {
		if !inQuote(ds[i]) {
			outside = true
		}
	}
	for i := first; i < len(ds) && ds[i].Start < s.End; i++ {
		d := ds[i]
		if d.End > s.End || d.Granularity != timex.GranDay || outside && d.Relative && inQuote(d) {
			continue
		}
		at := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= d.Start })
		out = append(out, datedAt{d.Value, at})
	}
	return out
}

// quoteSpans finds the quotations of a sentence («…», “…”, "…"), as
// display offsets.
func quoteSpans(s string, base int) []text.Span {
	var out []text.Span
	open := -1
	var want rune
	for i, r := range s {
		switch {
		case open < 0 && (r == '«' || r == '“' || r == '"'):
			open = i
			want = map[rune]rune{'«': '»', '“': '”', '"': '"'}[r]
		case open >= 0 && r == want:
			out = append(out, text.Span{Start: base + open, End: base + i + utf8.RuneLen(r)})
			open = -1
		}
	}
	return out
}

type datedAt struct {
	value string
	at    int
}

// date is the date the sentence gives the event: each date goes to the
// trigger nearest it, and a trigger takes its nearest date; a sentence of
// the title or lead with no date is the day's news and takes the
// publication date.
func (c *coder) date(h hit, all []hit, dates []datedAt, si int) string {
	best, bestDist := "", 1<<30
	for _, d := range dates {
		dist := distance(h, d.at)
		nearest := true
		for _, o := range all {
			// the trigger of the date's own part of the sentence first:
			// "seized … on Thursday, the U.S. Navy said, calling on …"
			if o.at != h.at && c.nearer(o, h, d.at) {
				nearest = false
			}
		}
		if nearest && dist < bestDist && dist <= 20 {
			best, bestDist = d.value, dist
		}
	}
	if best == "" && si <= 2 && !c.in.Anchor.IsZero() {
		best = c.in.Anchor.Format("2006-01-02")
	}
	return best
}

func distance(h hit, at int) int {
	switch {
	case at < h.at:
		return h.at - at
	case at >= h.end:
		return at - h.end + 1
	}
	return 0
}

func confidence(t *trigger, ev Event) float64 {
	c := 0.6
	if !t.weak {
		c += 0.2
	}
	if ev.Date != "" {
		c += 0.1
	}
	if len(ev.Actors)+len(ev.Recipients) >= 2 {
		c += 0.05
	}
	return c
}

// contexts lists the PLOVER contexts whose words stand in tokens [from, to).
func (c *coder) contexts(from, to int) []string {
	seen := map[string]bool{}
	var out []string
	for i := from; i < to; i++ {
		for _, p := range c.lx.contexts[c.toks[i].word] {
			if seen[p.kind] || c.in.Lang != "" && p.lang != c.in.Lang {
				continue
			}
			if _, ok := c.matchWords(i, to, p.words); ok {
				seen[p.kind] = true
				out = append(out, p.kind)
			}
		}
	}
	sort.Strings(out)
	return out
}

// personsOf keeps the persons among entity ids.
func personsOf(g *gazetteer.Gazetteer, ids []string) []string {
	var out []string
	for _, id := range ids {
		if e := g.Entity(id); e != nil && e.Kind == gazetteer.KindPerson {
			out = append(out, id)
		}
	}
	return out
}

func mergeIDs(a, b []string) []string {
	out := append([]string{}, a...)
	for _, x := range b {
		found := false
		for _, y := range out {
			if x == y {
				found = true
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

// capital reports whether a place is its country's capital.
func (c *coder) capital(e *gazetteer.Entity) bool {
	if c.in.Gazetteer == nil || e.In == "" {
		return false
	}
	country := c.in.Gazetteer.Entity(e.In)
	return country != nil && country.Capital == e.ID
}

// speechStarts lists the tokens of tokens [from, to) where reported speech
// begins: in Persian right after the speech verb (and its «که» or colon),
// in Arabic and English at the complementizer that follows the verb within
// 30 words (أن، إن، that), else right after the verb.
func (c *coder) speechStarts(from, to int) []int {
	var out []int
	for i := from; i < to; i++ {
		w := c.toks[i].word
		best, kind := 0, ""
		for _, f := range forms(c, i, c.lx.speechSurfaces) {
			if f.suffixed {
				continue
			}
			for _, p := range c.lx.speech[f.word] {
				if c.in.Lang != "" && p.lang != c.in.Lang {
					continue
				}
				if end, ok := c.matchWords(i, to, p.words); ok && end > best {
					best, kind = end, p.kind
				}
			}
		}
		// «گفت و گو» is a talk, not «گفت»
		if best == 0 || kind != "verb" || best < to && c.toks[best].word == "و" && w == "گفت" {
			continue
		}
		start := best
		if c.in.Lang == "fa" {
			if start < to && (c.toks[start].word == "که" || c.toks[start].word == ":") {
				start++
			}
		} else {
			for k := best; k < to && k < best+30; k++ {
				if c.isThat(k, to) {
					start = k + 1
					break
				}
			}
		}
		out = append(out, start)
		i = start - 1
	}
	return out
}

// isThat reports whether token k is a complementizer opening speech.
func (c *coder) isThat(k, to int) bool {
	for _, f := range forms(c, k, c.lx.speechSurfaces) {
		for _, p := range c.lx.speech[f.word] {
			if p.kind == "that" && (c.in.Lang == "" || p.lang == c.in.Lang) && len(p.words) == 1 && !f.suffixed {
				return true
			}
		}
	}
	return false
}

// segment keeps the mentions on the trigger's side of reported speech: a
// speaker is no party of the event they report, and the events of the
// speech are not the speaker's own call or visit. When that side names
// nobody, every mention counts.
func segment(ms []gazetteer.Mention, c *coder, h hit, starts []int) []gazetteer.Mention {
	if len(starts) == 0 {
		return ms
	}
	lo, hi := 0, len(c.toks)
	for _, s := range starts {
		if s <= h.at {
			lo = s
		} else if s < hi {
			hi = s
			break
		}
	}
	var out []gazetteer.Mention
	named := false
	for _, m := range ms {
		at := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= m.Start })
		if at >= lo && at < hi {
			out = append(out, m)
			named = named || m.Entity.Kind != gazetteer.KindPlace && m.Entity.Type != "news-outlet"
		}
	}
	if !named {
		return ms
	}
	return out
}

// historical reports whether the date nearest a trigger in its sentence
// lies more than a year before the publication date: background («the
// 1992–1994 war», «در سال ۲۰۱۵»), not the day's news.
func (c *coder) historical(h hit, s text.Span) bool {
	if c.in.Anchor.IsZero() {
		return false
	}
	cut := c.in.Anchor.AddDate(-1, 0, 0)
	best, bestDist := time.Time{}, 1<<30
	ds := c.in.Dates
	for i := sort.Search(len(ds), func(i int) bool { return ds[i].Start >= s.Start }); i < len(ds) && ds[i].Start < s.End; i++ {
		d := ds[i]
		at := sort.Search(len(c.toks), func(i int) bool { return c.toks[i].start >= d.Start })
		if dist := distance(h, at); dist < bestDist && dist <= 20 {
			best, bestDist = d.Day, dist
			if d.ValueEnd != "" {
				// a range ends when its last value does
				if end, err := time.Parse(layoutOf(d.ValueEnd), d.ValueEnd); err == nil {
					best = end
				}
			}
		}
	}
	return !best.IsZero() && best.Before(cut)
}

// layoutOf gives the time layout of a date value: YYYY, YYYY-MM or
// YYYY-MM-DD.
func layoutOf(v string) string {
	switch len(v) {
	case 4:
		return "2006"
	case 7:
		return "2006-01"
	}
	return "2006-01-02"
}

// wordy reports whether a token is a word (it has a letter or a digit),
// not punctuation.
func wordy(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
