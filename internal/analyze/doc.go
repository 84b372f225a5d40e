// Package analyze turns one document into one analysis object, the JSON shape
// of rasad's contract: the display text every offset points into, its
// language, title, publication date and where that came from, its dates,
// entities and events. It is pure: no I/O, no clock; the caller passes the
// document and the options, and the same input always gives the same output.
package analyze
