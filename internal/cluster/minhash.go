package cluster

import (
	"encoding/binary"
	"unicode"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"
	"github.com/rasad/rasad/internal/text"
)

// Near-duplicates (syndicated copies) are found with MinHash over shingles
// of the matching key, and locality-sensitive hashing in bands: two texts
// whose signatures agree on every row of one band are candidates, and a
// candidate is a near-duplicate when the signatures agree on at least
// NearDuplicate of their rows (an estimate of the Jaccard similarity of
// their shingle sets).
//
// Shingles are runs of letters and digits of the key with spaces and
// punctuation taken out, so a copy that writes «رئیس‌جمهوری» with a space
// for the ZWNJ, or ي for ی, is the same text. The signature is one-permutation
// MinHash: each shingle is hashed once, its top bits choose one of Rows bins
// and the bin keeps its least hash; empty bins borrow from the next full one
// (densification, Shrivastava 2017), so short texts still compare.
//
// No MinHash module is obtainable here (design/dependencies.md), and the
// algorithm is short.
const (
	// Rows is the length of a signature.
	Rows = 64
	// Bands split the signature for candidate lookup: Bands × rowsPerBand = Rows.
	Bands       = 16
	rowsPerBand = Rows / Bands
	// shingleRunes is the length of a shingle in characters.
	shingleRunes = 6
	// minShingles: texts shorter than this are too short to call copies.
	minShingles = 60
	// NearDuplicate is the estimated Jaccard similarity above which two
	// texts are copies of one report. Syndicated copies with a new first
	// line or a dropped last paragraph stay well above it; two reports of
	// one event in different words fall far below.
	NearDuplicate = 0.6
)

// Signature is a MinHash signature: for each of Rows bins, the least hash
// of the text's shingles that fell in it.
type Signature []uint64

// mix is the finaliser of splitmix64: a cheap, well-spread 64-bit bijection.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Sign returns the signature of a display text, or nil when the text is too
// short to be compared.
func Sign(display string) Signature { return SignKey(text.KeyOf(display)) }

// SignKey is Sign of the text whose matching key (text.KeyOf) is k.
func SignKey(k string) Signature {
	// the letters and digits of the key, as byte offsets of rune starts
	buf := make([]byte, 0, len(k))
	var starts []int
	for _, r := range k {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			starts = append(starts, len(buf))
			buf = utf8.AppendRune(buf, r)
		}
	}
	n := len(starts) - shingleRunes + 1
	if n < minShingles {
		return nil
	}
	sig := make(Signature, Rows)
	full := make([]bool, Rows)
	const binShift = 64 - 6 // the top 6 bits choose one of 64 bins
	for i := 0; i < n; i++ {
		end := len(buf)
		if i+shingleRunes < len(starts) {
			end = starts[i+shingleRunes]
		}
		h := xxhash.Sum64(buf[starts[i]:end])
		bin := h >> binShift
		v := h << 6 // the rest of the bits order the bin
		if !full[bin] || v < sig[bin] {
			sig[bin], full[bin] = v, true
		}
	}
	for i := range sig {
		if full[i] {
			continue
		}
		for d := 1; d < Rows; d++ {
			if j := (i + d) % Rows; full[j] {
				sig[i] = mix(sig[j] + uint64(d))
				break
			}
		}
	}
	return sig
}

// Similarity estimates the Jaccard similarity of the two texts' shingles.
func Similarity(a, b Signature) float64 {
	if len(a) != Rows || len(b) != Rows {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / Rows
}

// BandKeys returns one key per band: texts that share a key are candidates.
// A key mixes in its band's number, so equal rows in different bands do not
// collide.
func (s Signature) BandKeys() []int64 {
	if len(s) != Rows {
		return nil
	}
	out := make([]int64, Bands)
	var buf [8 * (rowsPerBand + 1)]byte
	for b := range out {
		binary.LittleEndian.PutUint64(buf[:], uint64(b))
		for r := 0; r < rowsPerBand; r++ {
			binary.LittleEndian.PutUint64(buf[8*(r+1):], s[b*rowsPerBand+r])
		}
		out[b] = int64(xxhash.Sum64(buf[:]) >> 1) // non-negative, for SQL
	}
	return out
}

// Bytes encodes the signature for storage.
func (s Signature) Bytes() []byte {
	out := make([]byte, 8*len(s))
	for i, v := range s {
		binary.LittleEndian.PutUint64(out[8*i:], v)
	}
	return out
}

// ParseSignature decodes a stored signature; anything malformed gives nil.
func ParseSignature(b []byte) Signature {
	if len(b) != 8*Rows {
		return nil
	}
	s := make(Signature, Rows)
	for i := range s {
		s[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return s
}
