// Package feed polls news feeds (RSS, Atom, JSON Feed) for new articles.
//
// It has four parts: a Fetcher, a careful HTTP client for untrusted
// addresses (size-bounded even when the body is compressed, time-bounded,
// refusing private networks at dial time, polite to each host, with
// conditional GETs); Parse, which reads a feed into items with normalised
// links; Next, the pure schedule that says when a feed is polled again
// (adaptive intervals, backoff on errors, Retry-After); and a Poller, which
// polls the feeds that are due and hands each new article to a sink as an
// analyze.Document. The package keeps no state of its own between polls:
// feed state lives in a Store the caller provides, and every decision that
// depends on time takes the time as an argument.
package feed
