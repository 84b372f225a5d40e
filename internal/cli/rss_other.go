//go:build !unix

package cli

// peakRSSMB is not measured here.
func peakRSSMB() float64 { return 0 }
