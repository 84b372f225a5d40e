package timex

import (
	"strconv"
	"strings"

	"github.com/rasad/rasad/internal/text"
)

// parser walks the key tokens of one text.
type parser struct {
	key   string
	toks  []text.KeyToken
	langs langMask
	lex   *lexicon
}

// Find returns the date expressions of a display text, in order, without
// overlaps. k is the text's matching key (text.Key(display)); lang is the
// document's language ("fa", "ar", "en"), or "" to accept every language's
// forms.
func Find(display string, k *text.Keyed, lang string) []Mention {
	p := &parser{key: k.Key, toks: k.Tokens(), langs: maskOf(lang), lex: loadLexicon()}
	var out []Mention
	for i := 0; i < len(p.toks); {
		if !p.mayStart(i) {
			i++
			continue
		}
		m, end, ok := p.parseAt(i)
		if !ok {
			i++
			continue
		}
		ks, ke := p.toks[i].Start, p.toks[end-1].End
		m.Start, m.End = k.Span(ks, ke)
		m.Text = display[m.Start:m.End]
		out = append(out, m)
		i = end
	}
	return out
}

// mayStart is a cheap test that token i can begin an expression.
func (p *parser) mayStart(i int) bool {
	t := p.toks[i]
	if t.Kind == text.Number {
		return true
	}
	w := p.word(i)
	if len(p.lex.byFirst[w]) > 0 {
		return true
	}
	return len(w) > 4 && w[:2] == "و" && p.conjoined(i) != nil
}

func (p *parser) word(i int) string {
	if i < 0 || i >= len(p.toks) {
		return ""
	}
	t := p.toks[i]
	return p.key[t.Start:t.End]
}

func (p *parser) kind(i int) text.TokenKind {
	if i < 0 || i >= len(p.toks) {
		return text.Punct
	}
	return p.toks[i].Kind
}

// glued reports whether tokens i-1 and i touch with no space between.
func (p *parser) glued(i int) bool {
	return i > 0 && i < len(p.toks) && !p.toks[i].SpaceBefore
}

// number reads token i as a free-standing number: not glued to letters or
// to a digit group of a larger number (1.000, 12,5).
func (p *parser) number(i int) (n, digits int, ok bool) {
	if p.kind(i) != text.Number {
		return 0, 0, false
	}
	if p.glued(i) && p.kind(i-1) == text.Word && p.word(i-1) != "و" {
		// a number glued to a word is part of a name («F16»), but the
		// conjunction «و» is written glued to what it joins («24 و25»)
		return 0, 0, false
	}
	if p.glued(i+1) && p.kind(i+1) == text.Word && !p.suffixOK(i+1) {
		return 0, 0, false
	}
	w := p.word(i)
	if len(w) > 9 {
		return 0, 0, false
	}
	n, err := strconv.Atoi(w)
	return n, len(w), err == nil
}

// suffixOK reports whether the word at i may be glued to a number before
// it: an era («1444هـ», «2023م») or an English ordinal suffix (9th).
func (p *parser) suffixOK(i int) bool {
	switch p.word(i) {
	case "st", "nd", "rd", "th":
		return true
	}
	return p.lex.hasCat(p, i, catEra)
}

// isPunct reports whether token i is one of the punctuation marks in set.
func (p *parser) isPunct(i int, set string) bool {
	return p.kind(i) == text.Punct && strings.Contains(set, p.word(i))
}

// parseAt tries every expression form at token i and keeps the longest.
func (p *parser) parseAt(i int) (Mention, int, bool) {
	var best Mention
	bestEnd := i
	try := func(m Mention, end int, ok bool) {
		if ok && end > bestEnd {
			best, bestEnd = m, end
		}
	}
	try(p.absolute(i))
	try(p.timeThenDate(i))
	try(p.weekdayForm(i))
	try(p.relDay(i))
	try(p.relUnit(i))
	return best, bestEnd, bestEnd > i
}

func newMention(f form) Mention {
	return Mention{form: f, hour: -1, minute: -1}
}
