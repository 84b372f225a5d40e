// Package text owns how rasad reads Persian, Arabic and English characters.
//
// It has two layers. The display-safe layer (Display) is what rasad stores and
// shows: the document as written, minus invisible debris such as bidi
// controls, presentation forms and tatweel. The matching-key layer (Key) folds
// the letter variants, digits and marks that writers of Persian and Arabic mix
// freely, so that «كرملين» and «کرملین» meet; every key keeps a map back to the
// display text, so a match found on keys is reported on the text exactly.
//
// The package also splits sentences, clauses and word tokens, and tells
// Persian from Arabic and other languages. It does no I/O.
package text
