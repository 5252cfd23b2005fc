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

}  // namespace plainsight
