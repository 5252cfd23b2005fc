#include "tests/farm/streamed_bodies.h"

#include <httplib.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "tests/farm/gzip_bomb.h"

namespace plainsight::farm {

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kPollStep = std::chrono::milliseconds(50);
constexpr std::size_t kSliceBytes = 64 * 1024;

constexpr std::string_view kHugeHead =
    "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Huge page - Hostile Board"
    "</title></head><body>\n";
constexpr std::string_view kHugeLine =
    "<p>Filler line for a very large page. Nothing to see here, keep scrolling.</p>\n";
constexpr std::string_view kHugeTail = "</body></html>\n";

// Sleeps up to `wait` in short steps; false if the transfer should end
// (server stopping, client gone, or past its deadline).
bool WaitOrQuit(Clock::duration wait, Clock::time_point deadline, const StreamControl& control,
                const httplib::DataSink& sink) {
  const auto until = Clock::now() + wait;
  for (;;) {
    if (control.stopping || Clock::now() > deadline) return false;
    if (sink.is_writable && !sink.is_writable()) return false;
    const auto now = Clock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(std::min<Clock::duration>(kPollStep, until - now));
  }
}

// Counts the provider as active until httplib releases the response.
httplib::ContentProviderResourceReleaser Track(StreamControl* control) {
  ++control->active;
  return [control](bool) { --control->active; };
}

}  // namespace

char HugeBodyByte(std::size_t index) {
  if (index < kHugeHead.size()) return kHugeHead[index];
  if (index >= kHugeBodyBytes - kHugeTail.size()) {
    return kHugeTail[index - (kHugeBodyBytes - kHugeTail.size())];
  }
  return kHugeLine[(index - kHugeHead.size()) % kHugeLine.size()];
}

void SetStreamedBody(const SiteReply& reply, StreamControl* control, httplib::Response* response) {
  const std::string type = reply.content_type;
  switch (reply.mode) {
    case BodyMode::kFixed:
      response->set_content(reply.body, type.c_str());
      return;

    case BodyMode::kGzipBomb: {
      // A length provider: httplib never re-compresses those, so the bytes
      // go out exactly as built, whatever Accept-Encoding says.
      response->set_header("Content-Encoding", "gzip");
      const std::string& bomb = GzipBomb();
      response->set_content_provider(
          bomb.size(), type,
          [&bomb, control](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            if (control->stopping) return false;
            return sink.write(bomb.data() + offset, std::min(length, kSliceBytes));
          },
          Track(control));
      return;
    }

    case BodyMode::kHuge:
      response->set_content_provider(
          kHugeBodyBytes, type,
          [control](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
            if (control->stopping) return false;
            std::string slice(std::min(length, kSliceBytes), ' ');
            for (std::size_t i = 0; i < slice.size(); ++i) slice[i] = HugeBodyByte(offset + i);
            return sink.write(slice.data(), slice.size());
          },
          Track(control));
      return;

    case BodyMode::kEndless: {
      const auto deadline = Clock::now() + kLongestStream;
      auto chunks = std::make_shared<int>(0);
      response->set_chunked_content_provider(
          type,
          [control, deadline, chunks](std::size_t, httplib::DataSink& sink) {
            if (*chunks > 0 && !WaitOrQuit(kEndlessChunkInterval, deadline, *control, sink)) {
              return false;  // drops the connection: the reply never completes
            }
            const std::string chunk =
                "<p>Loading more vacancies, part " + std::to_string(++*chunks) + "</p>\n";
            return sink.write(chunk.data(), chunk.size());
          },
          Track(control));
      return;
    }

    case BodyMode::kSlow: {
      const auto deadline = Clock::now() + kLongestStream;
      response->set_content_provider(
          kSlowDeclaredBytes, type,
          [control, deadline](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (offset > 0 && !WaitOrQuit(kSlowByteInterval, deadline, *control, sink)) return false;
            const char byte = offset == 0 ? '<' : ' ';
            return sink.write(&byte, 1);
          },
          Track(control));
      return;
    }

    case BodyMode::kTruncated:
      response->set_content_provider(
          kTruncatedDeclaredBytes, type,
          [control](std::size_t offset, std::size_t, httplib::DataSink& sink) {
            if (control->stopping || offset >= kTruncatedSentBytes) return false;  // closes early
            const std::string part(kTruncatedSentBytes - offset, ' ');
            std::string head = "<html><body><p>This vacancy page is cut short";
            std::string body = head + part.substr(head.size());
            return sink.write(body.data(), body.size());
          },
          Track(control));
      return;
  }
}

}  // namespace plainsight::farm
