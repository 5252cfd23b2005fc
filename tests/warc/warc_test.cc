// WARC evidence files: written by WarcWriter, read back by ReadWarcRecord and
// by warcio (an independent reader, via tests/warc/warc_validate.mjs).
// Rules cited from ISO 28500:2017 (WARC/1.1) and RFC 4648 (base32).
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <thread>

#include "core/sha256.h"
#include "warc/digest.h"
#include "warc/gzip.h"
#include "warc/http.h"
#include "warc/reader.h"
#include "warc/record.h"
#include "warc/writer.h"

namespace plainsight {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "plainsight-warc-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string path;
};

// A deterministic body that deflate cannot shrink much, so sizes are
// predictable for the rotation tests.
std::string NoisyBody(size_t size, unsigned seed) {
  std::string out(size, '\0');
  unsigned x = seed * 2654435761u + 1;
  for (char& c : out) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 16);
  }
  return out;
}

WarcCapture Capture(const std::string& uri, std::string payload) {
  WarcCapture c;
  c.target_uri = uri;
  c.request_headers =
      "GET " + uri.substr(uri.find('/', 8)) + " HTTP/1.1\r\nHost: example.org\r\n"
      "User-Agent: plainsight/1.0 (+https://example.org/contact)\r\n\r\n";
  c.response_headers = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n";
  c.payload = std::move(payload);
  c.fetched_unix_ms = 1795861800123;  // 2026-11-28T10:30:00.123Z
  c.ip_address = "127.0.0.1";
  return c;
}

std::vector<std::string> WarcFiles(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    files.push_back(entry.path().filename().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

unsigned Mode(const std::string& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

std::string HeaderOf(const WarcReadBack& back, const std::string& name) {
  return FindWarcField(back.warc_headers, name);
}

TEST_CASE("Warc_RoundTrip_PayloadAndSha256Match") {
  TempDir tmp;
  auto writer = WarcWriter::Open({tmp.path + "/warc"});
  REQUIRE(writer.ok());
  static const struct {
    const char* name;
    std::string payload;
  } kCases[] = {
      {"empty body", ""},
      {"small page", "<html><h1>Relaxing evenings</h1><p>Call 07700 900123</p></html>"},
      {"blank line inside body", "line one\r\n\r\nline two\r\n\r\n"},
      {"binary with NULs", std::string("\0\x01\xff\x1f\x8b\0", 6)},
      {"300 KB page", NoisyBody(300 * 1024, 7)},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    auto location = (*writer)->Append(Capture("https://example.org/ad/1", c.payload));
    REQUIRE(location.ok());
    CHECK(location->payload_sha256 == Sha256Hex(c.payload));
    CHECK(location->record_id.rfind("<urn:uuid:", 0) == 0);
    auto back = ReadWarcRecord(tmp.path + "/warc", *location);
    REQUIRE(back.ok());
    CHECK(back->payload == c.payload);
    CHECK(back->payload_sha256 == location->payload_sha256);
    CHECK(back->http_headers.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(HeaderOf(*back, "WARC-Type") == "response");
    CHECK(HeaderOf(*back, "WARC-Record-ID") == location->record_id);
    CHECK(HeaderOf(*back, "WARC-Target-URI") == "https://example.org/ad/1");
    CHECK(HeaderOf(*back, "WARC-Date") == "2026-11-28T10:30:00.123Z");
    CHECK(HeaderOf(*back, "WARC-IP-Address") == "127.0.0.1");
    CHECK(HeaderOf(*back, "WARC-Payload-SHA256") == Sha256Hex(c.payload));
  }
}

// ISO 28500 annex D: each record is its own gzip member, and the first record
// of every file is a warcinfo record.
TEST_CASE("Warc_Rotation_SmallMaxFileBytesStartsNewFiles") {
  TempDir tmp;
  WarcWriter::Options options{tmp.path};
  options.max_file_bytes = 8 * 1024;
  auto writer = WarcWriter::Open(options);
  REQUIRE(writer.ok());
  std::vector<std::pair<WarcLocation, std::string>> written;
  for (unsigned i = 0; i < 20; ++i) {
    std::string body = NoisyBody(2000, i);
    auto location = (*writer)->Append(Capture("https://example.org/ad/" + std::to_string(i), body));
    REQUIRE(location.ok());
    written.emplace_back(*location, body);
  }
  std::vector<std::string> files = WarcFiles(tmp.path);
  CHECK(files.size() >= 4);
  for (const std::string& file : files) {
    INFO(file);
    std::string bytes = ReadWholeFile(tmp.path + "/" + file);
    // Rotation happens before a capture would cross the limit.
    CHECK(bytes.size() <= options.max_file_bytes);
    auto first = GunzipMember(bytes);
    REQUIRE(first.ok());
    CHECK(FindWarcField(*first, "WARC-Type") == "warcinfo");
    CHECK(FindWarcField(*first, "WARC-Filename") == file);
  }
  for (const auto& [location, body] : written) {
    INFO(location.file << " @" << location.offset);
    auto back = ReadWarcRecord(tmp.path, location);
    REQUIRE(back.ok());
    CHECK(back->payload == body);
  }
}

TEST_CASE("Warc_FileName_PrefixTimestampCounterPid") {
  TempDir tmp;
  WarcWriter::Options options{tmp.path};
  options.prefix = "evidence";
  auto writer = WarcWriter::Open(options);
  REQUIRE(writer.ok());
  std::string name = (*writer)->CurrentFile();
  std::string pid = std::to_string(::getpid());
  INFO(name);
  // evidence-20261128T103000Z-00001-<pid>.warc.gz
  CHECK(name.rfind("evidence-", 0) == 0);
  CHECK(name.size() == std::string("evidence-").size() + 16 + 1 + 5 + 1 + pid.size() + 8);
  CHECK(name.substr(9 + 8, 1) == "T");
  CHECK(name.substr(9 + 15, 1) == "Z");
  CHECK(name.substr(9 + 16, 7) == "-00001-");
  CHECK(name.substr(name.size() - pid.size() - 8) == pid + ".warc.gz");
}

TEST_CASE("Warc_ConcurrentAppend_FourThreadsAllReadBack") {
  TempDir tmp;
  WarcWriter::Options options{tmp.path};
  options.max_file_bytes = 64 * 1024;  // rotation happens under contention too
  auto writer = WarcWriter::Open(options);
  REQUIRE(writer.ok());
  constexpr int kThreads = 4;
  constexpr int kPerThread = 40;
  std::vector<std::vector<std::pair<WarcLocation, std::string>>> results(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        std::string body = NoisyBody(1500, static_cast<unsigned>(t * 1000 + i));
        auto location = (*writer)->Append(
            Capture("https://example.org/ad/" + std::to_string(t) + "-" + std::to_string(i), body));
        if (location.ok()) results[static_cast<size_t>(t)].emplace_back(*location, body);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  std::set<std::pair<std::string, std::uint64_t>> places;
  for (int t = 0; t < kThreads; ++t) {
    CAPTURE(t);
    REQUIRE(results[static_cast<size_t>(t)].size() == kPerThread);
    for (const auto& [location, body] : results[static_cast<size_t>(t)]) {
      places.insert({location.file, location.offset});
      auto back = ReadWarcRecord(tmp.path, location);
      REQUIRE(back.ok());
      CHECK(back->payload == body);
    }
  }
  CHECK(places.size() == kThreads * kPerThread);  // no two captures share a place
  CHECK(WarcFiles(tmp.path).size() > 1);
}

// ISO 28500 5.13: WARC-Truncated names why a block is shorter than the
// original; a body cut at max_body_bytes is "length".
TEST_CASE("Warc_Truncated_CarriesWarcTruncatedLength") {
  TempDir tmp;
  auto writer = WarcWriter::Open({tmp.path});
  REQUIRE(writer.ok());
  static const struct {
    bool truncated;
    const char* expected;
  } kCases[] = {{true, "length"}, {false, ""}};
  for (const auto& c : kCases) {
    CAPTURE(c.truncated);
    WarcCapture capture = Capture("https://example.org/ad/9", "cut here");
    capture.truncated = c.truncated;
    auto location = (*writer)->Append(capture);
    REQUIRE(location.ok());
    auto back = ReadWarcRecord(tmp.path, *location);
    REQUIRE(back.ok());
    CHECK(HeaderOf(*back, "WARC-Truncated") == c.expected);
  }
}

TEST_CASE("Warc_TornFinalMember_EarlierRecordsStillReadBack") {
  TempDir tmp;
  std::vector<WarcLocation> locations;
  {
    auto writer = WarcWriter::Open({tmp.path});
    REQUIRE(writer.ok());
    for (unsigned i = 0; i < 3; ++i) {
      auto location = (*writer)->Append(Capture("https://example.org/ad/" + std::to_string(i),
                                                NoisyBody(4000, i)));
      REQUIRE(location.ok());
      locations.push_back(*location);
    }
  }
  // A process killed mid-write: the file ends inside the last response member.
  const WarcLocation& last = locations.back();
  fs::resize_file(tmp.path + "/" + last.file, last.offset + last.length / 2);

  static const struct {
    size_t index;
    bool readable;
  } kCases[] = {{0, true}, {1, true}, {2, false}};
  for (const auto& c : kCases) {
    CAPTURE(c.index);
    auto back = ReadWarcRecord(tmp.path, locations[c.index]);
    CHECK(back.ok() == c.readable);
    if (back.ok()) CHECK(back->payload == NoisyBody(4000, static_cast<unsigned>(c.index)));
    if (!back.ok()) CHECK(back.status().code() == Status::Code::kCorruption);
  }
  // A new run never appends behind the torn member: it starts its own file.
  auto next = WarcWriter::Open({tmp.path});
  REQUIRE(next.ok());
  CHECK((*next)->CurrentFile() != last.file);
  auto location = (*next)->Append(Capture("https://example.org/ad/3", "after the crash"));
  REQUIRE(location.ok());
  CHECK(ReadWarcRecord(tmp.path, *location).ok());
}

TEST_CASE("Warc_DamagedMember_IsCorruption") {
  TempDir tmp;
  auto writer = WarcWriter::Open({tmp.path});
  REQUIRE(writer.ok());
  auto location = (*writer)->Append(Capture("https://example.org/ad/1", NoisyBody(3000, 1)));
  REQUIRE(location.ok());
  // Flip one byte in the compressed data: inflate or the gzip CRC-32 fails.
  std::string path = tmp.path + "/" + location->file;
  std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
  f.seekp(static_cast<std::streamoff>(location->offset + location->length / 2));
  f.put('\x5a');
  f.close();
  auto back = ReadWarcRecord(tmp.path, *location);
  REQUIRE_FALSE(back.ok());
  CHECK(back.status().code() == Status::Code::kCorruption);
}

TEST_CASE("Warc_Permissions_DirectoryOwnerOnlyFilesPrivate") {
  TempDir tmp;
  std::string dir = tmp.path + "/evidence/warc";
  auto writer = WarcWriter::Open({dir});
  REQUIRE(writer.ok());
  CHECK(Mode(dir) == 0700);
  CHECK(Mode(dir + "/" + (*writer)->CurrentFile()) == 0600);
}

TEST_CASE("Warc_Open_NeverAppendsToAnotherWritersFile") {
  TempDir tmp;
  auto first = WarcWriter::Open({tmp.path});
  auto second = WarcWriter::Open({tmp.path});  // same process, same second
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  CHECK((*first)->CurrentFile() != (*second)->CurrentFile());
  auto a = (*first)->Append(Capture("https://example.org/ad/a", "first writer"));
  auto b = (*second)->Append(Capture("https://example.org/ad/b", "second writer"));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  CHECK(ReadWarcRecord(tmp.path, *a)->payload == "first writer");
  CHECK(ReadWarcRecord(tmp.path, *b)->payload == "second writer");
}

TEST_CASE("Warc_Open_RejectsBadOptions") {
  TempDir tmp;
  static const struct {
    const char* name;
    std::string dir;
    std::string prefix;
    std::uint64_t max_file_bytes;
  } kCases[] = {
      {"no dir", "", "plainsight", 1024},
      {"slash in prefix", tmp.path, "../x", 1024},
      {"empty prefix", tmp.path, "", 1024},
      {"zero max size", tmp.path, "plainsight", 0},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    WarcWriter::Options options{c.dir};
    options.prefix = c.prefix;
    options.max_file_bytes = c.max_file_bytes;
    auto writer = WarcWriter::Open(options);
    CHECK(writer.status().IsInvalidArgument());
  }
}

// A CR or LF in a field value would end the field and forge the next one.
TEST_CASE("Warc_Append_RejectsMissingUriAndFieldInjection") {
  TempDir tmp;
  auto writer = WarcWriter::Open({tmp.path});
  REQUIRE(writer.ok());
  static const struct {
    const char* name;
    std::string uri;
    std::string ip;
  } kCases[] = {
      {"empty uri", "", ""},
      {"CRLF in uri", "https://example.org/a\r\nWARC-Type: resource", ""},
      {"LF in ip", "https://example.org/a", "127.0.0.1\nX: y"},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    WarcCapture capture = Capture("https://example.org/a", "x");
    capture.target_uri = c.uri;
    capture.ip_address = c.ip;
    CHECK((*writer)->Append(capture).status().IsInvalidArgument());
  }
}

TEST_CASE("Warc_ReadBack_RejectsLocationsOutsideTheDirectory") {
  TempDir tmp;
  static const struct {
    const char* file;
    std::uint64_t length;
    Status::Code code;
  } kCases[] = {
      {"../etc/passwd", 10, Status::Code::kInvalidArgument},
      {"sub/../../x.warc.gz", 10, Status::Code::kInvalidArgument},
      {"/etc/passwd", 10, Status::Code::kInvalidArgument},
      {"", 10, Status::Code::kInvalidArgument},
      {"missing.warc.gz", 0, Status::Code::kInvalidArgument},
      {"missing.warc.gz", 10, Status::Code::kNotFound},
  };
  for (const auto& c : kCases) {
    INFO(c.file);
    WarcLocation location;
    location.file = c.file;
    location.length = c.length;
    auto back = ReadWarcRecord(tmp.path, location);
    CHECK(back.status().code() == c.code);
  }
}

// RFC 4648 section 10 test vectors.
TEST_CASE("Warc_Base32_Rfc4648Vectors") {
  static const struct {
    const char* in;
    const char* out;
  } kCases[] = {
      {"", ""},          {"f", "MY======"},         {"fo", "MZXQ===="},
      {"foo", "MZXW6==="}, {"foob", "MZXW6YQ="},      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI======"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.in);
    CHECK(Base32Encode(c.in) == c.out);
  }
}

// WARC-Payload-Digest is "sha1:" + base32 of the payload's SHA-1; expected
// values computed independently (Python hashlib + base64.b32encode).
TEST_CASE("Warc_PayloadDigest_IsSha1Base32OfPayload") {
  std::string all_bytes;
  for (int i = 0; i < 256; ++i) all_bytes.push_back(static_cast<char>(i));
  static const struct {
    std::string payload;
    const char* digest;
  } kCases[] = {
      {"", "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ"},
      {"abc", "sha1:VGMT4NSHA2AWVOR6EVYXQUGCNSONBWE5"},
      {"<p>Relaxing evenings, call 07700 900123</p>", "sha1:WAYB4XV2AVCDENSCDHGAYXMYR2YIJDHP"},
      {all_bytes, "sha1:JELNNPNX66HGQA3JRSVTFUKYN2SFPX6I"},
  };
  TempDir tmp;
  auto writer = WarcWriter::Open({tmp.path});
  REQUIRE(writer.ok());
  for (const auto& c : kCases) {
    CAPTURE(c.digest);
    CHECK(WarcSha1Digest(c.payload) == c.digest);
    auto location = (*writer)->Append(Capture("https://example.org/ad/1", c.payload));
    REQUIRE(location.ok());
    auto back = ReadWarcRecord(tmp.path, *location);
    REQUIRE(back.ok());
    CHECK(HeaderOf(*back, "WARC-Payload-Digest") == c.digest);
    CHECK(HeaderOf(*back, "WARC-Block-Digest") ==
          WarcSha1Digest(back->http_headers + back->payload));
  }
}

// The fetcher hands over de-chunked, decoded bodies; the stored headers must
// not claim encodings a reader would then try to undo.
TEST_CASE("Warc_HttpHeaders_StaleEncodingFieldsRenamed") {
  static const struct {
    const char* name;
    const char* in;
    std::uint64_t payload_size;
    bool content_decoded;
    const char* out;
    const char* renamed;
  } kCases[] = {
      {"plain response kept", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", 5, true,
       "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", ""},
      {"gzip decoded", "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 3\r\n\r\n", 9,
       true,
       "HTTP/1.1 200 OK\r\nX-Plainsight-Orig-Content-Encoding: gzip\r\n"
       "X-Plainsight-Orig-Content-Length: 3\r\nContent-Length: 9\r\n\r\n",
       "Content-Encoding,Content-Length,"},
      {"gzip kept when not decoded",
       "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 3\r\n\r\n", 3, false,
       "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 3\r\n\r\n", ""},
      {"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 4, true,
       "HTTP/1.1 200 OK\r\nX-Plainsight-Orig-Transfer-Encoding: chunked\r\n\r\n",
       "Transfer-Encoding,"},
      {"identity encoding kept", "HTTP/1.1 200 OK\r\ncontent-encoding: identity\r\n\r\n", 4, true,
       "HTTP/1.1 200 OK\r\ncontent-encoding: identity\r\n\r\n", ""},
      {"LF only and no blank line", "HTTP/1.1 404 Not Found\nServer: x", 0, true,
       "HTTP/1.1 404 Not Found\r\nServer: x\r\n\r\n", ""},
      {"redirect chain keeps the last block",
       "HTTP/1.1 301 Moved\r\nLocation: /b\r\n\r\nHTTP/2 200\r\nServer: y\r\n\r\n", 0, true,
       "HTTP/2 200\r\nServer: y\r\n\r\n", ""},
  };
  for (const auto& c : kCases) {
    INFO(c.name);
    StoredResponseHeaders stored = HeadersForStoredPayload(c.in, c.payload_size, c.content_decoded);
    CHECK(stored.headers == c.out);
    std::string renamed;
    for (const std::string& name : stored.renamed) renamed += name + ",";
    CHECK(renamed == c.renamed);
  }
}

TEST_CASE("Warc_RequestHeaders_SynthesisedWhenEmpty") {
  static const struct {
    const char* given;
    const char* uri;
    const char* out;
  } kCases[] = {
      {"", "https://example.org/ad/1?x=2#top", "GET /ad/1?x=2 HTTP/1.1\r\nHost: example.org\r\n\r\n"},
      {"", "https://example.org", "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"},
      {"", "http://127.0.0.1:8080?q", "GET /?q HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"},
      {"GET /robots.txt HTTP/1.1\nHost: example.com\n", "https://example.com/robots.txt",
       "GET /robots.txt HTTP/1.1\r\nHost: example.com\r\n\r\n"},
  };
  for (const auto& c : kCases) {
    CAPTURE(c.uri);
    CHECK(RequestHeadersForRecord(c.given, c.uri) == c.out);
  }
}

// --- The real-reader check -------------------------------------------------

struct CommandOutput {
  int exit_code = -1;
  std::string out;
};

CommandOutput Run(const std::string& command) {
  CommandOutput result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[4096];
  size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof(buf), pipe)) > 0) result.out.append(buf, n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

const char kInstallHint[] =
    "node and the npm package warcio are needed to check WARC files with a real "
    "reader: run scripts/install-test-tools";

// Parses a file with warcio and returns its JSON report; FAILs (never skips)
// when node or warcio is missing.
nlohmann::json ValidateWithWarcio(const std::string& file, const std::string& stderr_path) {
  std::string source_dir = PLAINSIGHT_SOURCE_DIR;
  CommandOutput has_node = Run("command -v node");
  if (has_node.exit_code != 0) FAIL(kInstallHint << " (node not found)");
  CommandOutput run = Run("node " + ShellQuote(source_dir + "/tests/warc/warc_validate.mjs") +
                          " " + ShellQuote(file) + " 2>" + ShellQuote(stderr_path));
  std::string errors = ReadWholeFile(stderr_path);
  if (run.exit_code == 3) FAIL(kInstallHint << "\n" << errors);
  INFO("warc_validate.mjs stderr: " << errors);
  REQUIRE(run.exit_code == 0);
  return nlohmann::json::parse(run.out);
}

TEST_CASE("Warc_RealReader_WarcioParsesEveryRecord") {
  TempDir tmp;
  std::string dir = tmp.path + "/warc";
  WarcWriter::Options options{dir};
  options.max_file_bytes = 32 * 1024;  // two or more files
  auto writer = WarcWriter::Open(options);
  REQUIRE(writer.ok());

  struct Written {
    WarcLocation location;
    std::string uri;
    bool truncated;
  };
  std::vector<Written> written;
  static const struct {
    const char* name;
    const char* response_headers;
    bool truncated;
    size_t size;
  } kCases[] = {
      {"plain page", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", false, 900},
      {"gzip decoded by the fetcher",
       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
       "Content-Length: 120\r\n\r\n",
       false, 5000},
      {"chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", false, 7000},
      {"truncated at max_body_bytes",
       "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 99999\r\n\r\n", true, 12000},
      {"robots.txt", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n", false, 40},
      {"not found, empty body", "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", false, 0},
      {"HTTP/2 status line", "HTTP/2 200\r\ncontent-type: text/html\r\n\r\n", false, 3000},
  };
  for (int round = 0; round < 3; ++round) {
    unsigned seed = 0;
    for (const auto& c : kCases) {
      std::string uri = "https://example.org/ad/" + std::to_string(round) + "/" + std::to_string(seed);
      WarcCapture capture = Capture(uri, NoisyBody(c.size, ++seed));
      capture.response_headers = c.response_headers;
      capture.truncated = c.truncated;
      if (round == 1) capture.request_headers.clear();  // synthesised
      auto location = (*writer)->Append(capture);
      REQUIRE(location.ok());
      written.push_back({*location, uri, c.truncated});
    }
  }
  writer->reset();

  std::map<std::string, std::vector<const Written*>> by_file;
  for (const Written& w : written) by_file[w.location.file].push_back(&w);
  REQUIRE(by_file.size() >= 2);
  for (const std::string& file : WarcFiles(dir)) {
    INFO("file " << file);
    nlohmann::json report = ValidateWithWarcio(dir + "/" + file, tmp.path + "/stderr.txt");
    CHECK(report["warnings"].empty());
    const nlohmann::json& records = report["records"];
    const std::vector<const Written*>& expected = by_file[file];
    REQUIRE(records.size() == 1 + 2 * expected.size());
    CHECK(records[0]["type"] == "warcinfo");
    for (size_t i = 0; i < records.size(); ++i) {
      CAPTURE(i);
      CHECK(records[i]["content_length_ok"] == true);
      CHECK(records[i]["block_digest_ok"] == true);
    }
    for (size_t k = 0; k < expected.size(); ++k) {
      const Written& w = *expected[k];
      const nlohmann::json& response = records[1 + 2 * k];
      const nlohmann::json& request = records[2 + 2 * k];
      INFO("capture " << w.uri);
      CHECK(response["type"] == "response");
      CHECK(request["type"] == "request");
      CHECK(response["target_uri"] == w.uri);
      CHECK(request["target_uri"] == w.uri);
      CHECK(response["record_id"] == w.location.record_id);
      CHECK(response["offset"] == w.location.offset);
      CHECK(response["length"] == w.location.length);
      CHECK(response["payload_sha256"] == w.location.payload_sha256);
      CHECK(response["content_sha256"] == w.location.payload_sha256);
      CHECK(response["payload_sha256_header"] == w.location.payload_sha256);
      CHECK(response["payload_digest_ok"] == true);
      CHECK(response["truncated"] == (w.truncated ? nlohmann::json("length") : nlohmann::json()));
      CHECK(response["concurrent_to"] == nlohmann::json::array({request["record_id"]}));
      CHECK(request["concurrent_to"] == nlohmann::json::array({response["record_id"]}));
    }
  }
}

}  // namespace
}  // namespace plainsight
