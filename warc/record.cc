#include "warc/record.h"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <ctime>
#include <random>

#include "core/strings.h"

namespace plainsight {
namespace {

constexpr std::string_view kHeaderEnd = "\r\n\r\n";

void FillRandom(unsigned char* bytes, size_t size) {
  // getentropy() draws from the kernel CSPRNG, at most 256 bytes per call.
  if (::getentropy(bytes, size) == 0) return;
  std::random_device device;  // fallback; also kernel-backed on Linux
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<unsigned char>(device());
}

}  // namespace

std::string SerializeWarcRecord(const std::vector<WarcField>& fields, std::string_view block) {
  std::string out = "WARC/1.1\r\n";
  for (const WarcField& field : fields) {
    out += field.name;
    out += ": ";
    out += field.value;
    out += "\r\n";
  }
  out += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  out.append(block);
  out += "\r\n\r\n";
  return out;
}

bool IsSafeWarcFieldValue(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

std::string NewWarcRecordId() {
  unsigned char b[16];
  FillRandom(b, sizeof(b));
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);  // version 4
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);  // RFC variant
  static const char kHex[] = "0123456789abcdef";
  std::string out = "<urn:uuid:";
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0xf]);
  }
  out += ">";
  return out;
}

std::string FormatWarcDate(std::int64_t unix_ms) {
  std::int64_t seconds = unix_ms / 1000;
  std::int64_t millis = unix_ms % 1000;
  if (millis < 0) {  // round towards minus infinity for dates before 1970
    millis += 1000;
    seconds -= 1;
  }
  std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buf[96];  // room for any int fields, which keeps -Wformat-truncation quiet
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(millis));
  return buf;
}

std::string FindWarcField(std::string_view headers, std::string_view name) {
  size_t pos = 0;
  while (pos < headers.size()) {
    size_t eol = headers.find("\r\n", pos);
    if (eol == std::string_view::npos) eol = headers.size();
    std::string_view line = headers.substr(pos, eol - pos);
    size_t colon = line.find(':');
    if (colon != std::string_view::npos &&
        EqualsIgnoreCaseAscii(TrimAsciiBlank(line.substr(0, colon)), name)) {
      return std::string(TrimAsciiBlank(line.substr(colon + 1)));
    }
    pos = eol + 2;
  }
  return "";
}

Result<ParsedWarcRecord> ParseWarcRecord(std::string_view bytes) {
  if (bytes.substr(0, 6) != "WARC/1") {
    return Status::Corruption("not a WARC record (no WARC/1.x version line)");
  }
  size_t end = bytes.find(kHeaderEnd);
  if (end == std::string_view::npos) {
    return Status::Corruption("WARC record headers do not end");
  }
  ParsedWarcRecord record;
  record.warc_headers = std::string(bytes.substr(0, end + kHeaderEnd.size()));
  std::string length_text = FindWarcField(record.warc_headers, "Content-Length");
  std::uint64_t length = 0;
  auto [ptr, ec] =
      std::from_chars(length_text.data(), length_text.data() + length_text.size(), length);
  if (length_text.empty() || ec != std::errc() || ptr != length_text.data() + length_text.size()) {
    return Status::Corruption("WARC record has no valid Content-Length");
  }
  std::string_view rest = bytes.substr(record.warc_headers.size());
  if (length > rest.size()) {
    return Status::Corruption("WARC record block is shorter than its Content-Length");
  }
  record.block = std::string(rest.substr(0, static_cast<size_t>(length)));
  return record;
}

}  // namespace plainsight
