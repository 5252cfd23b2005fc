// The bodies SiteServer cannot send in one piece: the gzip bomb, the 20 MB
// page, the endless chunked reply, the slow-loris trickle and the
// truncated reply (see BodyMode in site_reply.h). Each is an httplib
// content provider that checks StreamControl between small steps, so it
// ends when the client goes away (a write fails) or the server stops,
// never after more than about 50 ms.
//
// StreamControl is shared by the providers of one server; its members are
// atomics, safe from any thread. httplib stays out of this header.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>

#include "tests/farm/site_reply.h"

namespace httplib {
struct Response;
}  // namespace httplib

namespace plainsight::farm {

inline constexpr std::size_t kHugeBodyBytes = std::size_t{20} * 1024 * 1024;
inline constexpr std::size_t kTruncatedDeclaredBytes = 10000;
inline constexpr std::size_t kTruncatedSentBytes = 3000;
inline constexpr std::size_t kSlowDeclaredBytes = 150;
inline constexpr auto kEndlessChunkInterval = std::chrono::milliseconds(50);
inline constexpr auto kSlowByteInterval = std::chrono::seconds(2);
inline constexpr auto kLongestStream = std::chrono::minutes(5);

struct StreamControl {
  std::atomic<bool> stopping{false};  // set by SiteServer::Stop
  std::atomic<int> active{0};         // providers whose response is not yet finished
};

// Sets status-independent headers and the provider for `reply.mode`
// (anything but kFixed) on `response`.
void SetStreamedBody(const SiteReply& reply, StreamControl* control, httplib::Response* response);

// Byte `index` of the kHuge page, so it can be produced in any slice.
char HugeBodyByte(std::size_t index);

}  // namespace plainsight::farm
