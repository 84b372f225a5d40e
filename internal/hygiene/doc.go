// Package hygiene holds tests of the repository's own rules: every package
// says what it is for, and the pure stages import no I/O.
package hygiene
