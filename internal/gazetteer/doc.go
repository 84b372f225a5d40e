// Package gazetteer knows the actors, places and organisations of the news
// by every name they go by in Persian, Arabic, English and other languages:
// entity records with stable ids, names per language, roles with dates
// (who was Russia's president on 2021-04-09), and a matcher that finds them
// in a text on its matching keys — respecting Arabic clitics, Persian
// suffixes and lost ZWNJs, resolving role phrases («رئیس جمهوری روسیه»,
// «نظيره التركي», "his Turkish counterpart") to the office holder on the
// report's date, and a surname to the person fully named before.
//
// The bundled data (data/*.jsonl) is embedded; Wikidata dump extracts can
// be imported into the same record format.
package gazetteer
