#pragma once

namespace sockscope {

// The largest UDP payload one datagram can carry: 65535 minus the UDP header (8) and, over
// IPv4, the smallest IP header (20); IPv6's header is not counted in its length field.
constexpr int MaxDatagramIPv4 = 65507;
constexpr int MaxDatagramIPv6 = 65527;

} // namespace sockscope
