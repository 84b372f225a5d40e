package feed

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
)

// ErrPrivateAddress is returned for a connection to an address that is not
// on the public internet (loopback, private, link-local, CGNAT…).
var ErrPrivateAddress = errors.New("address not public")

// reserved lists the non-public ranges netip has no predicate for.
var reserved = []struct {
	prefix netip.Prefix
	kind   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "this-network"},
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol assignments"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
}

// Prefixes that embed an IPv4 address: it is checked too.
var (
	nat64     = netip.MustParsePrefix("64:ff9b::/96")
	sixToFour = netip.MustParsePrefix("2002::/16")
)

// checkAddress refuses an address ("ip" or "ip:port") that a fetch of
// untrusted URLs must not reach. It is given the address actually dialled,
// so names that resolve to private addresses and redirects to them are
// refused alike.
func checkAddress(address string) error {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		host = address
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return fmt.Errorf("%w: unreadable address %q", ErrPrivateAddress, address)
	}
	if kind := privateKind(ip); kind != "" {
		return fmt.Errorf("%w: %s is %s", ErrPrivateAddress, ip, kind)
	}
	return nil
}

// privateKind names the kind of non-public address ip is, or "" for a
// public one.
func privateKind(ip netip.Addr) string {
	ip = ip.WithZone("").Unmap()
	switch {
	case ip.IsLoopback():
		return "loopback"
	case ip.IsPrivate():
		return "private"
	case ip.IsUnspecified():
		return "unspecified"
	case ip.IsLinkLocalUnicast():
		return "link-local"
	case ip.IsMulticast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast():
		return "multicast"
	}
	for _, r := range reserved {
		if r.prefix.Contains(ip) {
			return r.kind
		}
	}
	b := ip.As16()
	switch {
	case nat64.Contains(ip):
		if kind := privateKind(netip.AddrFrom4([4]byte(b[12:16]))); kind != "" {
			return kind + " (in NAT64)"
		}
	case sixToFour.Contains(ip):
		if kind := privateKind(netip.AddrFrom4([4]byte(b[2:6]))); kind != "" {
			return kind + " (in 6to4)"
		}
	}
	return ""
}
