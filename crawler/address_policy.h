// Which network addresses a crawl may connect to. Pure functions; thread-safe.
//
// Loopback, private (RFC 1918, RFC 4193), link-local (including the cloud
// metadata address 169.254.169.254), CGNAT, multicast, unspecified and
// IPv4-mapped forms of these are "private": a crawl of the public web must
// never reach them unless the operator allows it.
#pragma once

#include <sys/socket.h>

namespace plainsight {

bool IsPrivateAddress(const struct sockaddr* address);

// Link-local (169.254.0.0/16, fe80::/10), where cloud metadata services
// live. Refused even when allow_private_addresses is on: no advert site is
// ever there, and a redirect to one is an attack.
bool IsLinkLocalAddress(const struct sockaddr* address);

}  // namespace plainsight
