package coding

// An event is often named inside the object of another: «حمله هوایی رژیم
// صهیونیستی به ساختمان … را محکوم کرد», «أدانت السعودية الهجوم الإسرائيلي على
// …», "condemned Russia's attack on Kyiv". The names inside that noun phrase
// are the parties of the named event, not of the verb; what the verb acts
// on is the named event's agent (Israel is condemned, not the embassy).
// And an event named in the object of a request, a threat or a talk
// («خواستار آتش‌بس شد», "called for a ceasefire", «هدد بشن هجمات», «بحث
// تبادل الأسرى») has not happened, or is not reported as happened.

// objectNP is a nominal trigger inside the object of a verb trigger, and
// the tokens [from, to) of the noun phrase that holds its parties.
type objectNP struct {
	noun, verb int // indexes into the sentence's chosen hits
	from, to   int
}

// unrealObject reports whether an event named in the object of a verb
// trigger is not reported as happened: it is asked for, threatened, or
// talked about («بحث الجانبان تبادل الأسرى», "discussed a ceasefire"). A
// promise to respond names what it responds to, which happened («سيرد
// على الهجوم الإسرائيلي»).
func unrealObject(t *trigger) bool {
	return !t.promise && (t.typ == "REQUEST" || t.typ == "THREATEN" || t.typ == "CONSULT")
}

// reacting reports whether a verb of this type acts on the agent of the
// event named in its object: one condemns, rejects, praises or apologises
// for what someone did.
func reacting(t *trigger) bool {
	switch t.typ {
	case "ACCUSE", "REJECT", "SUPPORT", "CONCEDE", "REQUEST", "THREATEN", "CONSULT":
		return true
	}
	return false
}

// objectNPs finds the nominal triggers named in the object of a verb
// trigger among a sentence's hits, tokens [from, to).
//   - Persian: the object ends at «را» before the verb: the noun phrase runs
//     from the nominal trigger to «را», in the verb's clause. A request
//     names its object inside the verb («خواستار … شد»).
//   - Arabic: the object follows the verb and its subject; the noun phrase
//     runs from the nominal trigger to the end of its clause.
//   - English: the object follows the verb; the noun phrase runs from the
//     verb's end (a possessive "Russia's" comes before the noun) to the
//     end of the clause.
func (c *coder) objectNPs(hits []hit, from, to int) []objectNP {
	var out []objectNP
	for v, vh := range hits {
		if !reacting(vh.t) {
			continue
		}
		switch langClass(c.in.Lang) {
		case "fa":
			if !vh.t.verbal {
				continue
			}
			for n := v - 1; n >= 0; n-- {
				nh := hits[n]
				if nh.t.verbal || nh.t.typ == vh.t.typ {
					break
				}
				if ra := c.objectEnd(nh.end, vh.at); ra >= 0 {
					out = append(out, objectNP{noun: n, verb: v, from: nh.at, to: ra})
				}
				break
			}
			// «خواستار آتش‌بس شد»: the object inside a verb with a gap
			for n := v + 1; n < len(hits) && hits[n].at < vh.end; n++ {
				out = append(out, objectNP{noun: n, verb: v, from: hits[n].at, to: vh.end})
			}
		default:
			n := v + 1
			if n >= len(hits) || hits[n].clause != vh.clause || hits[n].t.typ == vh.t.typ {
				continue
			}
			end := c.clauseEnd(hits[n].end, to)
			if n+1 < len(hits) && hits[n+1].at < end {
				end = hits[n+1].at
			}
			start := hits[n].at
			if langClass(c.in.Lang) == "en" {
				// a possessive or an adjective before the noun: "Russia's
				// attack", "the Israeli air strike"
				for start > vh.end && !englishPreposition(c.toks[start-1].word) {
					start--
				}
			}
			out = append(out, objectNP{noun: n, verb: v, from: start, to: end})
		}
	}
	return out
}

// objectEnd finds the Persian object marker «را» in tokens [from, to)
// before any clause break; -1 if there is none.
func (c *coder) objectEnd(from, to int) int {
	for k := from; k < to; k++ {
		switch w := c.toks[k].word; {
		case w == "را":
			return k
		case clauseBreak(w) && !c.listComma(k):
			return -1
		}
	}
	return -1
}

// clauseEnd is the first clause break at or after token i, or to.
func (c *coder) clauseEnd(i, to int) int {
	for ; i < to; i++ {
		if clauseBreak(c.toks[i].word) {
			return i
		}
	}
	return to
}

// npOf finds the noun phrase a hit names its event in, if any.
func npOf(nps []objectNP, i int) (objectNP, bool) {
	for _, np := range nps {
		if np.noun == i {
			return np, true
		}
	}
	return objectNP{}, false
}

// insideNP reports whether token at lies in the noun phrase of another
// hit than i.
func insideNP(nps []objectNP, i, at int) bool {
	for _, np := range nps {
		if np.noun != i && at >= np.from && at < np.to {
			return true
		}
	}
	return false
}

// englishPreposition reports whether an English word ends the words
// before a noun phrase's head ("for the Israeli air strike").
func englishPreposition(w string) bool {
	switch w {
	case "to", "for", "of", "with", "on", "in", "at", "by", "from", "over", "about":
		return true
	}
	return false
}

// heldByEvent reports whether token at lies in the noun phrase of an event
// other than hit i that is reported as happened (not asked for, threatened
// or talked about): its places are that event's.
func (c *coder) heldByEvent(nps []objectNP, all []hit, i, at int) bool {
	for _, np := range nps {
		if np.noun != i && at >= np.from && at < np.to && !unrealObject(all[np.verb].t) {
			return true
		}
	}
	return false
}
