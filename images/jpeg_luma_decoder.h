// JpegLumaDecoder: decodes a JPEG straight to its luma channel with
// libjpeg-turbo, for DecodeImage (images/image_decoder.h), which keeps the
// policy (limits, shrink factor) and calls this for the mechanics.
//
// Why not libvips for JPEG: PDQ needs only luminance. A JFIF JPEG stores
// Y = 0.299 R + 0.587 G + 0.114 B (the weights PDQ uses) as its own
// channel, so asking libjpeg for grayscale output skips the chroma IDCTs,
// the chroma upsampling and the colour conversion, and libvips' pipeline
// around them. bench/pdq_bench, 800x600 photos: 820 decodes per
// CPU-second against 275 through libvips (libjpeg's RGB output with Y
// taken from it: about 540).
//
// The luma differs from Y of the decoded RGB by rounding, and where R, G
// or B clip at 0 or 255 (0.17 grey levels on average, 0-2 bits of PDQ, on
// generated photos). A repost was re-encoded from clipped RGB, so its Y
// drifts a little from the original's there: on bench/pdq_bench's
// generated edits the true and false matches are the same as through
// libvips, the 99th percentile of true-pair distances 24 instead of 22.
//
// Use: ReadHeader (markers up to the first scan, no pixels), check
// stored_width() x stored_height() against the pixel limit, then Decode
// once. CMYK and YCCK JPEGs have no luma channel (ReadsLuma() is false):
// decode those with libvips, which converts them to sRGB.
//
// Hostile input: libjpeg reports errors by calling error_exit, which here
// longjmps back to the libjpeg call that failed (only libjpeg's C frames
// are skipped, never a C++ destructor) and the error becomes a Status. The
// end of the bytes before the picture ends is an error (a truncated file is
// refused, not shown half grey). Recoverable damage ("corrupt JPEG data"
// warnings, after which libjpeg resynchronises) is tolerated, as the
// libvips path tolerates it, but the 100th warning is an error: a badly
// damaged file can raise one per block.
//
// Ownership and threads: the decoder borrows `bytes` (they must outlive
// it) and owns libjpeg's state, released by its destructor; movable, not
// copyable. One thread at a time per decoder; any number of decoders may
// run at once.
#pragma once

#include <memory>
#include <string_view>

#include "core/status.h"
#include "images/image_decoder.h"

namespace plainsight::images {

class JpegLumaDecoder {
 public:
  // Errors: Corruption "cannot decode JPEG: <libjpeg's message>".
  static Result<JpegLumaDecoder> ReadHeader(std::string_view bytes);

  JpegLumaDecoder(JpegLumaDecoder&&) noexcept;
  JpegLumaDecoder& operator=(JpegLumaDecoder&&) noexcept;
  JpegLumaDecoder(const JpegLumaDecoder&) = delete;
  JpegLumaDecoder& operator=(const JpegLumaDecoder&) = delete;
  ~JpegLumaDecoder();

  // The picture as stored in the file, before EXIF orientation.
  int stored_width() const;
  int stored_height() const;
  // EXIF orientation 1..8 (1 when there is none).
  int orientation() const;
  // False for CMYK and YCCK colour: decode with libvips instead.
  bool ReadsLuma() const;

  // Decodes at 1/shrink of the size (shrink 1, 2, 4 or 8: inside the IDCT,
  // as libvips' shrink-on-load does), turned as the EXIF orientation says.
  // The decoder is spent afterwards. Errors: Corruption as above.
  Result<DecodedImage> Decode(int shrink) &&;

 private:
  struct State;
  explicit JpegLumaDecoder(std::unique_ptr<State> state);

  // On the heap: libjpeg holds pointers to the error and source managers.
  std::unique_ptr<State> state_;
};

}  // namespace plainsight::images
