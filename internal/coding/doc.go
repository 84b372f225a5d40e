// Package coding turns a report's sentences, actors and dates into PLOVER
// events: for each sentence that states an event, its type and mode, its
// actors and recipients, the day it happened, the place, the sentence as
// evidence, the trigger that fired and a confidence. Negated, future and
// conditional statements are left out; one real event restated in several
// sentences is coded once. Triggers, modality words and contexts are data
// (data/*.tsv). The coder is pure: the caller passes everything in.
package coding
