#include "tests/farm/gzip_bomb.h"

#include <zlib.h>

#include <cstdint>
#include <vector>

namespace plainsight::farm {

namespace {

// windowBits 15 plus 16 asks zlib for a gzip header and trailer.
constexpr int kGzipWindowBits = 15 + 16;

// RAII for a z_stream set up by deflateInit2 or inflateInit2.
class ZStream {
 public:
  explicit ZStream(bool deflating) : deflating_(deflating) {
    // Z_RLE finds the zero runs as well as the default and is much faster.
    ok_ = deflating ? deflateInit2(&z_, 9, Z_DEFLATED, kGzipWindowBits, 9, Z_RLE) == Z_OK
                    : inflateInit2(&z_, kGzipWindowBits) == Z_OK;
  }
  ~ZStream() {
    if (!ok_) return;
    if (deflating_) {
      deflateEnd(&z_);
    } else {
      inflateEnd(&z_);
    }
  }
  ZStream(const ZStream&) = delete;
  ZStream& operator=(const ZStream&) = delete;

  bool ok() const { return ok_; }
  z_stream* get() { return &z_; }

 private:
  z_stream z_{};
  bool deflating_;
  bool ok_ = false;
};

// Deflates `input` with `flush` and appends what comes out to `out`.
bool DeflateInto(z_stream* z, const unsigned char* input, std::size_t size, int flush,
                 std::string* out) {
  unsigned char buffer[1 << 16];
  z->next_in = const_cast<unsigned char*>(input);  // zlib never writes to it
  z->avail_in = static_cast<uInt>(size);
  int rc = Z_OK;
  do {
    z->next_out = buffer;
    z->avail_out = sizeof buffer;
    rc = deflate(z, flush);
    if (rc == Z_STREAM_ERROR) return false;
    out->append(reinterpret_cast<const char*>(buffer), sizeof buffer - z->avail_out);
  } while (z->avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  return true;
}

void AppendLittleEndian32(std::uint32_t value, std::string* out) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

// Deflating 500 MiB takes seconds, so deflate one MiB of zeros after a
// full flush (which resets the compressor, so every such MiB comes out as
// the same bytes), repeat those bytes, and write the gzip trailer (CRC-32
// and length of everything) ourselves.
std::string BuildBomb() {
  constexpr std::size_t kChunk = std::size_t{1} << 20;
  static_assert(kGzipBombInflatedBytes % kChunk == 0);
  constexpr std::size_t kChunks = kGzipBombInflatedBytes / kChunk;
  ZStream stream(true);
  if (!stream.ok()) return "";
  const std::vector<unsigned char> zeros(kChunk, 0);
  std::string first, repeated, check, finish;
  if (!DeflateInto(stream.get(), zeros.data(), kChunk, Z_FULL_FLUSH, &first) ||
      !DeflateInto(stream.get(), zeros.data(), kChunk, Z_FULL_FLUSH, &repeated) ||
      !DeflateInto(stream.get(), zeros.data(), kChunk, Z_FULL_FLUSH, &check) ||
      !DeflateInto(stream.get(), nullptr, 0, Z_FINISH, &finish) || repeated != check ||
      finish.size() < 8) {
    return "";
  }
  finish.resize(finish.size() - 8);  // zlib's trailer covers only three chunks
  uLong crc = crc32(0L, Z_NULL, 0);
  const uLong chunk_crc = crc32(0L, zeros.data(), static_cast<uInt>(kChunk));
  for (std::size_t i = 0; i < kChunks; ++i) crc = crc32_combine(crc, chunk_crc, static_cast<z_off_t>(kChunk));
  std::string gzip = first;
  gzip.reserve(first.size() + repeated.size() * kChunks + finish.size() + 8);
  for (std::size_t i = 1; i < kChunks; ++i) gzip += repeated;
  gzip += finish;
  AppendLittleEndian32(static_cast<std::uint32_t>(crc), &gzip);
  AppendLittleEndian32(static_cast<std::uint32_t>(kGzipBombInflatedBytes & 0xffffffffu), &gzip);
  return gzip;
}

}  // namespace

const std::string& GzipBomb() {
  static const std::string kBomb = BuildBomb();  // thread-safe static initialisation
  return kBomb;
}

Result<std::string> GunzipPrefix(std::string_view gzip, std::size_t max_bytes) {
  ZStream stream(false);
  if (!stream.ok()) return Status::IoError("inflateInit2 failed");
  z_stream* z = stream.get();
  // zlib's API takes non-const input but never writes to it.
  z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzip.data()));
  z->avail_in = static_cast<uInt>(gzip.size());
  std::string out(max_bytes, '\0');
  z->next_out = reinterpret_cast<Bytef*>(out.data());
  z->avail_out = static_cast<uInt>(max_bytes);
  const int rc = inflate(z, Z_SYNC_FLUSH);
  if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
    return Status::Corruption(std::string("inflate: ") + (z->msg != nullptr ? z->msg : "error"));
  }
  out.resize(max_bytes - z->avail_out);
  return out;
}

}  // namespace plainsight::farm
