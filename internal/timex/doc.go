// Package timex finds, parses and resolves date expressions in Persian,
// Arabic and English text: Gregorian dates with Persian, Arabic (Egyptian,
// Levantine, Maghrebi) and English month names, Solar Hijri and lunar Hijri
// dates, numeric dates, ordinal day words, weekdays, relative expressions
// anchored on the publication date, times and time zones in datelines, and
// ranges. It also works out a document's publication date from its dateline
// or URL.
//
// Finding works on the matching key of the text (see package text), so every
// digit script and letter variant is read alike, and reports spans on the
// display text. Resolution takes the anchor date as an argument: it never
// reads the machine's clock. Calendar conversion comes from go-jalaali and
// go-hijri.
package timex
