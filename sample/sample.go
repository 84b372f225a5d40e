// Package sample bundles rasad's own short news reports in Persian, Arabic
// and English (see README.md here), so that a fresh install has something to
// analyse.
package sample

import "embed"

// Files holds the reports, one plain-text file each (*.txt).
//
//go:embed *.txt
var Files embed.FS
