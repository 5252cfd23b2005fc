#include "images/jpeg_luma_decoder.h"

#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "images/exif_orientation.h"

// jpeglib.h needs FILE (<cstdio>) declared before it; jerror.h needs jpeglib.h.
#include <jerror.h>
#include <jpeglib.h>

namespace plainsight::images {
namespace {

// Corrupt-data warnings a file may raise before it counts as broken.
constexpr long kMaxWarnings = 100;

// libjpeg's error manager, extended with where to jump on an error and the
// message. `manager` comes first so libjpeg's pointer to it is one to us.
struct ErrorJump {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void JumpOnError(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<ErrorJump*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, errors->message);
  std::longjmp(errors->jump, 1);
}

// Warnings (msg_level -1) are counted, never printed: a crawl log has no
// use for them. Trace messages (msg_level >= 0) are dropped.
void CountWarning(j_common_ptr cinfo, int msg_level) {
  if (msg_level >= 0) return;
  if (++cinfo->err->num_warnings >= kMaxWarnings) (*cinfo->err->error_exit)(cinfo);
}

// A progressive JPEG may carry any number of scans, each a full pass over
// the picture: thousands of tiny ones burn CPU without end. Photos have
// about ten; libjpeg-turbo's own advice is to cap them.
constexpr int kMaxScans = 100;
void CapScans(j_common_ptr cinfo) {
  if (!cinfo->is_decompressor) return;
  if (reinterpret_cast<j_decompress_ptr>(cinfo)->input_scan_number > kMaxScans) {
    auto* errors = reinterpret_cast<ErrorJump*>(cinfo->err);
    std::snprintf(errors->message, sizeof errors->message,
                  "progressive JPEG with more than %d scans refused", kMaxScans);
    std::longjmp(errors->jump, 1);
  }
}

// The source is the caller's whole buffer, handed over at once. libjpeg
// asks for more only when it runs out before the picture ends: a truncated
// file. jpeg_mem_src would pad it with a fake end marker and a warning
// (and a half-grey picture); this refuses it.
[[noreturn]] void FailAtEndOfInput(j_decompress_ptr cinfo) {
  cinfo->err->msg_code = JERR_INPUT_EOF;  // "Premature end of input file"
  JumpOnError(reinterpret_cast<j_common_ptr>(cinfo));
}
void NoMoreInput(j_decompress_ptr) {}
boolean RefillAfterEnd(j_decompress_ptr cinfo) { FailAtEndOfInput(cinfo); }
void SkipInput(j_decompress_ptr cinfo, long count) {
  if (count <= 0) return;
  jpeg_source_mgr* source = cinfo->src;
  if (static_cast<unsigned long>(count) > source->bytes_in_buffer) FailAtEndOfInput(cinfo);
  source->next_input_byte += count;
  source->bytes_in_buffer -= static_cast<std::size_t>(count);
}

// to[x * step] = from[x] for x < n. Rows kept upright (step 1, nearly
// every photo) go sixteen at a time through a local copy, which the
// compiler makes vector code (bytes read straight from `from` might alias
// the floats written).
void WidenRow(const std::uint8_t* from, std::size_t n, float* to, std::ptrdiff_t step) {
  std::size_t x = 0;
  if (step == 1) {
    for (; x + 16 <= n; x += 16) {
      std::uint8_t block[16];
      std::memcpy(block, from + x, sizeof block);
      for (std::size_t b = 0; b < 16; ++b) to[x + b] = static_cast<float>(block[b]);
    }
  }
  for (; x < n; ++x) to[static_cast<std::ptrdiff_t>(x) * step] = static_cast<float>(from[x]);
}

}  // namespace

struct JpegLumaDecoder::State {
  jpeg_decompress_struct cinfo{};
  ErrorJump errors{};
  jpeg_source_mgr source{};
  jpeg_progress_mgr progress{};
  bool created = false;
  int orientation = 1;

  State() = default;
  State(const State&) = delete;
  State& operator=(const State&) = delete;
  ~State() {
    if (created) jpeg_destroy_decompress(&cinfo);
  }

  // Runs `calls` (libjpeg calls and plain data only: an error longjmps
  // back here past them, so nothing in them may need a destructor) and
  // says whether they finished without an error.
  template <typename Calls>
  bool Guarded(Calls&& calls) {
    if (setjmp(errors.jump) != 0) return false;
    calls();
    return true;
  }

  Status Error() const {
    return Status::Corruption(std::string("cannot decode JPEG: ") + errors.message);
  }
};

JpegLumaDecoder::JpegLumaDecoder(std::unique_ptr<State> state) : state_(std::move(state)) {}
JpegLumaDecoder::JpegLumaDecoder(JpegLumaDecoder&&) noexcept = default;
JpegLumaDecoder& JpegLumaDecoder::operator=(JpegLumaDecoder&&) noexcept = default;
JpegLumaDecoder::~JpegLumaDecoder() = default;

Result<JpegLumaDecoder> JpegLumaDecoder::ReadHeader(std::string_view bytes) {
  auto state = std::make_unique<State>();
  State& s = *state;
  jpeg_decompress_struct& cinfo = s.cinfo;
  cinfo.err = jpeg_std_error(&s.errors.manager);
  s.errors.manager.error_exit = JumpOnError;
  s.errors.manager.emit_message = CountWarning;
  s.source.next_input_byte = reinterpret_cast<const JOCTET*>(bytes.data());
  s.source.bytes_in_buffer = bytes.size();
  s.source.init_source = NoMoreInput;
  s.source.fill_input_buffer = RefillAfterEnd;
  s.source.skip_input_data = SkipInput;
  s.source.resync_to_restart = jpeg_resync_to_restart;
  s.source.term_source = NoMoreInput;
  // jpeg_create_decompress can fail (out of memory) half way; destroying
  // a half-made struct is safe, so mark it before the call.
  s.created = true;
  const bool read = s.Guarded([&] {
    jpeg_create_decompress(&cinfo);
    cinfo.src = &s.source;
    s.progress.progress_monitor = CapScans;
    cinfo.progress = &s.progress;
    // Keep APP1 segments for the EXIF orientation.
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
  });
  if (!read) return s.Error();
  for (jpeg_saved_marker_ptr m = cinfo.marker_list; m != nullptr; m = m->next) {
    const std::string_view app1(reinterpret_cast<const char*>(m->data), m->data_length);
    if (app1.substr(0, 4) == "Exif") {
      // The first Exif segment is the picture's (as libvips reads it).
      s.orientation = ExifOrientation(app1);
      break;
    }
  }
  return JpegLumaDecoder(std::move(state));
}

int JpegLumaDecoder::stored_width() const { return static_cast<int>(state_->cinfo.image_width); }
int JpegLumaDecoder::stored_height() const { return static_cast<int>(state_->cinfo.image_height); }
int JpegLumaDecoder::orientation() const { return state_->orientation; }

bool JpegLumaDecoder::ReadsLuma() const {
  // libjpeg makes grayscale from these three (from RGB with PDQ's weights).
  const J_COLOR_SPACE space = state_->cinfo.jpeg_color_space;
  return space == JCS_GRAYSCALE || space == JCS_YCbCr || space == JCS_RGB;
}

Result<DecodedImage> JpegLumaDecoder::Decode(int shrink) && {
  State& s = *state_;
  jpeg_decompress_struct& cinfo = s.cinfo;
  cinfo.out_color_space = JCS_GRAYSCALE;
  cinfo.scale_num = 1;
  cinfo.scale_denom = static_cast<unsigned>(shrink);
  if (!s.Guarded([&] { jpeg_calc_output_dimensions(&cinfo); })) return s.Error();

  const int width = static_cast<int>(cinfo.output_width);
  const int height = static_cast<int>(cinfo.output_height);
  const OrientationMap map = MapOrientation(s.orientation, width, height);
  DecodedImage out;
  out.width = map.shown_width;
  out.height = map.shown_height;
  const OrientationMap source = MapOrientation(s.orientation, stored_width(), stored_height());
  out.source_width = source.shown_width;
  out.source_height = source.shown_height;
  out.format = ImageFormat::kJpeg;
  // Allocated before the guarded decode: a failed allocation throws here,
  // outside the setjmp region.
  out.luma.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
  std::vector<std::uint8_t> row_buffer(static_cast<std::size_t>(width));

  // Each decoded row is widened to float straight into the shown picture,
  // along the row or column the orientation sends it to, while it is
  // still in cache.
  float* const luma = out.luma.data();
  std::uint8_t* const row = row_buffer.data();
  const std::ptrdiff_t shown_w = out.width;
  const std::ptrdiff_t step = std::ptrdiff_t{map.dy_x} * shown_w + map.dx_x;
  const bool decoded = s.Guarded([&] {
    jpeg_start_decompress(&cinfo);
    while (cinfo.output_scanline < cinfo.output_height) {
      const std::ptrdiff_t y = cinfo.output_scanline;
      JSAMPROW rows[1] = {row};
      jpeg_read_scanlines(&cinfo, rows, 1);
      const std::ptrdiff_t first = (map.y0 + map.dy_y * y) * shown_w + map.x0 + map.dx_y * y;
      WidenRow(row, static_cast<std::size_t>(width), luma + first, step);
    }
  });
  if (!decoded) return s.Error();
  return out;
}

}  // namespace plainsight::images
