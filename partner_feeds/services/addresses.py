"""Which IP addresses a partner calendar may be downloaded from: public ones only.

Python's ipaddress says which addresses are global, but (in Python 3.11) it calls global
some IPv6 forms that lead to an IPv4 address, whatever that address is: ::7f00:1 is
127.0.0.1. For those the IPv4 address inside decides:

- IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d (SIIT) and the deprecated
  IPv4-compatible ::a.b.c.d (::7f00:1);
- NAT64's well-known prefix 64:ff9b::/96 (a NAT64 gateway connects to the IPv4 address
  in the last 32 bits; an IPv6-only server with DNS64 reaches every IPv4 partner so);
- 6to4 2002::/16 (the IPv4 address is bits 16–47).

Other prefixes are refused whatever they carry: NAT64's local-use 64:ff9b:1::/48 (where
its IPv4 address sits is the local network's choice), Teredo 2001::/32 (a tunnel through
a relay to an obfuscated IPv4 address), the deprecated site-local fec0::/10, the
documentation prefix 3fff::/20 and the SRv6 prefix 5f00::/16 that Python 3.11 does not
know yet. Multicast and reserved addresses are never public either.

ENSEMBLE_FEED_ALLOWED_NETWORKS names networks allowed anyway (an intranet): an address
inside one, or whose IPv4 address is, passes; plain http:// is accepted only to them.
"""

import ipaddress

from django.conf import settings

# Network -> how far right its IPv4 address sits (bits).
EMBEDDED_IPV4 = {
    ipaddress.ip_network("::ffff:0:0/96"): 0,
    ipaddress.ip_network("::ffff:0:0:0/96"): 0,
    ipaddress.ip_network("::/96"): 0,
    ipaddress.ip_network("64:ff9b::/96"): 0,
    ipaddress.ip_network("2002::/16"): 80,
}
NEVER_PUBLIC = [
    ipaddress.ip_network(network)
    for network in ("64:ff9b:1::/48", "2001::/32", "fec0::/10", "3fff::/20", "5f00::/16")
]


def parse(address):
    """An ipaddress object; a zone ("fe80::1%eth0") is dropped."""
    return ipaddress.ip_address(address.split("%")[0])


def embedded_ipv4(ip):
    """The IPv4 address an IPv6 address leads to, or None."""
    if ip.version != 6:
        return None
    for network, shift in EMBEDDED_IPV4.items():
        if ip in network:
            return ipaddress.IPv4Address((int(ip) >> shift) & 0xFFFFFFFF)
    return None


def is_allowed(address):
    """Inside a network of ENSEMBLE_FEED_ALLOWED_NETWORKS (itself or its IPv4 address)."""
    ip = parse(address)
    networks = [ipaddress.ip_network(net) for net in settings.ENSEMBLE_FEED_ALLOWED_NETWORKS]
    candidates = [ip, embedded_ipv4(ip)]
    return any(
        candidate is not None and candidate.version == net.version and candidate in net
        for candidate in candidates
        for net in networks
    )


def is_public(address):
    ip = parse(address)
    if is_allowed(address):
        return True
    inner = embedded_ipv4(ip)
    if inner is not None:
        ip = inner
    elif any(ip in network for network in NEVER_PUBLIC):
        return False
    return ip.is_global and not ip.is_multicast and not ip.is_reserved
