package feed

import (
	"errors"
	"testing"
)

func TestCheckAddress(t *testing.T) {
	tests := []struct {
		addr    string
		refused bool
	}{
		{"127.0.0.1:80", true},
		{"127.9.9.9", true},
		{"10.1.2.3:443", true},
		{"172.16.0.1:80", true},
		{"172.31.255.255:80", true},
		{"192.168.1.1:8080", true},
		{"169.254.169.254:80", true}, // cloud metadata
		{"100.64.0.1:80", true},      // CGNAT
		{"100.127.255.255:80", true},
		{"0.0.0.0:80", true},
		{"0.1.2.3:80", true},
		{"224.0.0.1:80", true},
		{"255.255.255.255:80", true},
		{"[::1]:80", true},
		{"[::]:80", true},
		{"[fc00::1]:80", true}, // ULA
		{"[fd12:3456::1]:80", true},
		{"[fe80::1%eth0]:80", true},
		{"[ff02::1]:80", true},
		{"[::ffff:127.0.0.1]:80", true}, // IPv4-mapped loopback
		{"[::ffff:10.0.0.1]:80", true},
		{"[64:ff9b::a00:1]:80", true}, // NAT64 of 10.0.0.1
		{"[2002:7f00:1::]:80", true},  // 6to4 of 127.0.0.1
		{"not-an-ip:80", true},
		{"8.8.8.8:53", false},
		{"1.1.1.1:443", false},
		{"172.32.0.1:80", false},
		{"100.128.0.1:80", false},
		{"[2606:4700:4700::1111]:443", false},
		{"[64:ff9b::808:808]:80", false}, // NAT64 of 8.8.8.8
	}
	for _, tt := range tests {
		err := checkAddress(tt.addr)
		if got := err != nil; got != tt.refused {
			t.Errorf("checkAddress(%q) = %v, want refused %v", tt.addr, err, tt.refused)
		}
		if err != nil && !errors.Is(err, ErrPrivateAddress) {
			t.Errorf("checkAddress(%q) = %v, not ErrPrivateAddress", tt.addr, err)
		}
	}
}
