// Synthetic "photos" for the image tests and pdq_bench, so no real
// photograph is ever needed or stored: a smooth background in a palette,
// shapes (ellipses, rectangles, striped fabric-like patches), soft shading
// and mild noise, deterministic from two seeds. `layout` fixes the palette,
// the background and where the main shapes sit; `content` fixes the shapes
// themselves (kind, size, turn, colour, texture) and the small details, so
// two pictures with one layout and different contents are the hard case
// for a perceptual hash: same colours, same composition, different picture.
//
// Also the edits an advert photo goes through when it is reposted (JPEG
// re-encoding, resizing, cropping a few per cent, a caption band or a
// watermark, another format, a quarter turn, a mirror), applied to the RGB
// buffer in plain C++ and encoded through images/image_decoder.h, so the
// benchmark (which does not see libvips' headers) can use them too.
//
// Header-only, no state: every function is a pure function of its
// arguments and safe to call from any thread.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <numbers>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "images/image_decoder.h"

namespace plainsight::images::test_pictures {

// SplitMix64: tiny, fast, and the same sequence on every platform (the
// standard distributions are not specified bit for bit).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1).
  double Unit() { return static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0); }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Unit(); }
  // Uniform in [lo, hi].
  int Int(int lo, int hi) {
    return lo + static_cast<int>(Next() % static_cast<std::uint64_t>(hi - lo + 1));
  }

 private:
  std::uint64_t state_;
};

struct Colour {
  double r = 0, g = 0, b = 0;
};

inline Colour Mix(const Colour& a, const Colour& b, double t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

inline std::uint8_t ToByte(double v) {
  return static_cast<std::uint8_t>(std::clamp(v, 0.0, 255.0) + 0.5);
}

// A float RGB canvas; converted to bytes once at the end. (float, not
// double: half the memory to touch, which matters under ASan.)
struct Canvas {
  int width = 0;
  int height = 0;
  std::vector<float> px;  // 3 per pixel
  Canvas(int w, int h)
      : width(w), height(h), px(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3) {}
  std::size_t At(int x, int y) const {
    return (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
            static_cast<std::size_t>(x)) *
           3;
  }
  void Blend(int x, int y, const Colour& c, double alpha) {
    const std::size_t i = At(x, y);
    px[i] += static_cast<float>((c.r - px[i]) * alpha);
    px[i + 1] += static_cast<float>((c.g - px[i + 1]) * alpha);
    px[i + 2] += static_cast<float>((c.b - px[i + 2]) * alpha);
  }
};

struct Palette {
  std::vector<Colour> colours;
};

// A palette of a base hue with related and contrasting colours, the way a
// room or a set of clothes looks in a photo.
inline Palette MakePalette(Rng& rng) {
  Palette p;
  const double hue = rng.Uniform(0.0, 2.0 * std::numbers::pi);
  for (int k = 0; k < 6; ++k) {
    const double h = hue + (k % 2 == 0 ? 0.0 : std::numbers::pi) + rng.Uniform(-0.5, 0.5);
    const double light = rng.Uniform(40.0, 215.0);
    const double sat = rng.Uniform(20.0, 90.0);
    p.colours.push_back({light + sat * std::cos(h), light + sat * std::cos(h - 2.094),
                         light + sat * std::cos(h + 2.094)});
  }
  return p;
}

struct Anchor {
  double x = 0, y = 0;  // centre, as fractions of width and height
  double scale = 0;     // typical radius, as a fraction of the shorter side
};

struct Layout {
  Palette palette;
  Colour background_a, background_b;
  double gradient_angle = 0;
  double light_x = 0, light_y = 0;  // where the soft light falls
  std::vector<Anchor> anchors;
};

inline Layout MakeLayout(std::uint64_t layout_seed) {
  Rng rng(layout_seed * 0x2545F4914F6CDD1Dull + 1);
  Layout l;
  l.palette = MakePalette(rng);
  l.background_a = l.palette.colours[0];
  l.background_b = l.palette.colours[static_cast<std::size_t>(rng.Int(1, 5))];
  l.gradient_angle = rng.Uniform(0.0, 2.0 * std::numbers::pi);
  l.light_x = rng.Uniform(0.2, 0.8);
  l.light_y = rng.Uniform(0.2, 0.8);
  const int n = rng.Int(7, 11);
  for (int k = 0; k < n; ++k) {
    l.anchors.push_back({rng.Uniform(0.1, 0.9), rng.Uniform(0.1, 0.9), rng.Uniform(0.08, 0.22)});
  }
  return l;
}

// Fills a turned ellipse or rectangle, solid or striped, with shading.
inline void DrawShape(Canvas& c, Rng& rng, const Palette& palette, double cx, double cy,
                      double radius) {
  const bool ellipse = rng.Unit() < 0.5;
  const double aspect = rng.Uniform(0.45, 1.0);
  const double rx = radius, ry = radius * aspect;
  const double turn = rng.Uniform(0.0, std::numbers::pi);
  const Colour fill = palette.colours[static_cast<std::size_t>(rng.Int(0, 5))];
  const Colour other = palette.colours[static_cast<std::size_t>(rng.Int(0, 5))];
  const bool striped = rng.Unit() < 0.35;
  const double period = rng.Uniform(28.0, 70.0);
  const double stripe_turn = rng.Uniform(0.0, std::numbers::pi);
  const double shade = rng.Uniform(-0.35, 0.35);  // lit from one side
  const double alpha = rng.Uniform(0.75, 1.0);
  const double cs = std::cos(turn), sn = std::sin(turn);
  const double stripe_x = std::cos(stripe_turn) / period, stripe_y = std::sin(stripe_turn) / period;
  const double reach = std::max(rx, ry) + 1.0;
  const int x0 = std::max(0, static_cast<int>(cx - reach)),
            x1 = std::min(c.width - 1, static_cast<int>(cx + reach));
  const int y0 = std::max(0, static_cast<int>(cy - reach)),
            y1 = std::min(c.height - 1, static_cast<int>(cy + reach));
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const double dx = x - cx, dy = y - cy;
      const double u = (dx * cs + dy * sn) / rx, v = (-dx * sn + dy * cs) / ry;
      const bool inside = ellipse ? u * u + v * v <= 1.0 : std::abs(u) <= 1.0 && std::abs(v) <= 1.0;
      if (!inside) continue;
      Colour col = fill;
      if (striped) {
        const double s = dx * stripe_x + dy * stripe_y;
        if (s - std::floor(s) < 0.5) col = other;
      }
      const double light = 1.0 + shade * u;
      c.Blend(x, y, {col.r * light, col.g * light, col.b * light}, alpha);
    }
  }
}

// The picture for (layout, content): main shapes at the layout's anchors,
// details wherever the content puts them.
inline RgbImage MakePicture(std::uint64_t layout_seed, std::uint64_t content_seed, int width = 800,
                            int height = 600) {
  const Layout layout = MakeLayout(layout_seed);
  Rng rng(content_seed * 0x9E3779B97F4A7C15ull + layout_seed + 7);
  Canvas c(width, height);
  const double ga = std::cos(layout.gradient_angle), gb = std::sin(layout.gradient_angle);
  const double side = std::min(width, height);
  for (int y = 0; y < height; ++y) {
    const double fy = static_cast<double>(y) / height;
    const double ly = fy - layout.light_y;
    for (int x = 0; x < width; ++x) {
      const double fx = static_cast<double>(x) / width;
      const double t = std::clamp(0.5 + 0.6 * ((fx - 0.5) * ga + (fy - 0.5) * gb), 0.0, 1.0);
      const double lx = fx - layout.light_x;
      const double light = 1.15 - 0.45 * std::sqrt(lx * lx + ly * ly);
      const Colour bg = Mix(layout.background_a, layout.background_b, t);
      const std::size_t i = c.At(x, y);
      c.px[i] = static_cast<float>(bg.r * light);
      c.px[i + 1] = static_cast<float>(bg.g * light);
      c.px[i + 2] = static_cast<float>(bg.b * light);
    }
  }
  for (const Anchor& a : layout.anchors) {
    // The content moves each main shape a little and picks its size.
    const double cx = (a.x + rng.Uniform(-0.04, 0.04)) * width;
    const double cy = (a.y + rng.Uniform(-0.04, 0.04)) * height;
    DrawShape(c, rng, layout.palette, cx, cy, a.scale * side * rng.Uniform(0.6, 1.4));
  }
  const int details = rng.Int(12, 24);
  for (int k = 0; k < details; ++k) {
    DrawShape(c, rng, layout.palette, rng.Uniform(0, width), rng.Uniform(0, height),
              side * rng.Uniform(0.015, 0.06));
  }
  RgbImage out{width, height, std::vector<std::uint8_t>(c.px.size())};
  std::uint64_t bits = 0;
  for (std::size_t i = 0; i < c.px.size(); ++i) {
    // Mild sensor noise, +-3 levels (eight draws from each random word).
    if (i % 8 == 0) bits = rng.Next();
    const auto noise = static_cast<double>((bits >> (8 * (i % 8))) & 0xFFu) * (7.0 / 256.0);
    out.rgb[i] = ToByte(c.px[i] + std::floor(noise) - 3.0);
  }
  return out;
}

// ---- edits ----------------------------------------------------------------

inline RgbImage Blank(int w, int h) {
  return {w, h,
          std::vector<std::uint8_t>(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 3)};
}

inline std::size_t Px(const RgbImage& im, int x, int y) {
  return (static_cast<std::size_t>(y) * static_cast<std::size_t>(im.width) +
          static_cast<std::size_t>(x)) *
         3;
}

// Resampling by the area each output pixel covers (a box filter): what
// most tools do when shrinking; for enlarging, bilinear interpolation.
inline RgbImage Resize(const RgbImage& in, int w, int h) {
  RgbImage out = Blank(w, h);
  const double sx = static_cast<double>(in.width) / w, sy = static_cast<double>(in.height) / h;
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      double acc[3] = {0, 0, 0};
      if (sx >= 1.0 && sy >= 1.0) {
        const int xa = static_cast<int>(x * sx),
                  xb = std::max(xa + 1, static_cast<int>((x + 1) * sx));
        const int ya = static_cast<int>(y * sy),
                  yb = std::max(ya + 1, static_cast<int>((y + 1) * sy));
        for (int yy = ya; yy < yb; ++yy) {
          for (int xx = xa; xx < xb; ++xx) {
            const std::size_t i = Px(in, xx, yy);
            for (std::size_t ch = 0; ch < 3; ++ch) acc[ch] += in.rgb[i + ch];
          }
        }
        const double n = static_cast<double>((xb - xa) * (yb - ya));
        for (double& v : acc) v /= n;
      } else {
        const double fx = std::clamp((x + 0.5) * sx - 0.5, 0.0, in.width - 1.0);
        const double fy = std::clamp((y + 0.5) * sy - 0.5, 0.0, in.height - 1.0);
        const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
        const int x1 = std::min(x0 + 1, in.width - 1), y1 = std::min(y0 + 1, in.height - 1);
        const double ax = fx - x0, ay = fy - y0;
        for (std::size_t ch = 0; ch < 3; ++ch) {
          const double top =
              in.rgb[Px(in, x0, y0) + ch] * (1 - ax) + in.rgb[Px(in, x1, y0) + ch] * ax;
          const double bottom =
              in.rgb[Px(in, x0, y1) + ch] * (1 - ax) + in.rgb[Px(in, x1, y1) + ch] * ax;
          acc[ch] = top * (1 - ay) + bottom * ay;
        }
      }
      const std::size_t o = Px(out, x, y);
      for (std::size_t ch = 0; ch < 3; ++ch) out.rgb[o + ch] = ToByte(acc[ch]);
    }
  }
  return out;
}

inline RgbImage Crop(const RgbImage& in, int left, int top, int w, int h) {
  RgbImage out = Blank(w, h);
  for (int y = 0; y < h; ++y) {
    std::copy_n(in.rgb.begin() + static_cast<std::ptrdiff_t>(Px(in, left, top + y)),
                static_cast<std::size_t>(w) * 3,
                out.rgb.begin() + static_cast<std::ptrdiff_t>(Px(out, 0, y)));
  }
  return out;
}

// Crops each side by its own fraction of the width or height.
inline RgbImage CropSides(const RgbImage& in, double left, double top, double right,
                          double bottom) {
  const int l = static_cast<int>(std::lround(left * in.width));
  const int t = static_cast<int>(std::lround(top * in.height));
  const int r = static_cast<int>(std::lround(right * in.width));
  const int b = static_cast<int>(std::lround(bottom * in.height));
  return Crop(in, l, t, in.width - l - r, in.height - t - b);
}

// A quarter turn clockwise.
inline RgbImage Rotate90(const RgbImage& in) {
  RgbImage out = Blank(in.height, in.width);
  for (int y = 0; y < out.height; ++y) {
    for (int x = 0; x < out.width; ++x) {
      const std::size_t s = Px(in, y, in.height - 1 - x), d = Px(out, x, y);
      for (std::size_t ch = 0; ch < 3; ++ch) out.rgb[d + ch] = in.rgb[s + ch];
    }
  }
  return out;
}

// Mirrored left to right.
inline RgbImage Mirror(const RgbImage& in) {
  RgbImage out = Blank(in.width, in.height);
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      const std::size_t s = Px(in, in.width - 1 - x, y), d = Px(out, x, y);
      for (std::size_t ch = 0; ch < 3; ++ch) out.rgb[d + ch] = in.rgb[s + ch];
    }
  }
  return out;
}

// Blocky "letters" (random 3x5 cells, like a pixel font) in `ink`, one
// glyph every `cell * 4` pixels along a line from (x, y).
inline void DrawText(RgbImage& im, Rng& rng, int x, int y, int glyphs, int cell, const Colour& ink,
                     double alpha) {
  for (int g = 0; g < glyphs; ++g) {
    const std::uint64_t bits = rng.Next();
    for (int gy = 0; gy < 5; ++gy) {
      for (int gx = 0; gx < 3; ++gx) {
        if (((bits >> (gy * 3 + gx)) & 1u) == 0) continue;
        for (int py = 0; py < cell; ++py) {
          for (int px = 0; px < cell; ++px) {
            const int xx = x + g * cell * 4 + gx * cell + px, yy = y + gy * cell + py;
            if (xx < 0 || yy < 0 || xx >= im.width || yy >= im.height) continue;
            const std::size_t i = Px(im, xx, yy);
            im.rgb[i] = ToByte(im.rgb[i] + (ink.r - im.rgb[i]) * alpha);
            im.rgb[i + 1] = ToByte(im.rgb[i + 1] + (ink.g - im.rgb[i + 1]) * alpha);
            im.rgb[i + 2] = ToByte(im.rgb[i + 2] + (ink.b - im.rgb[i + 2]) * alpha);
          }
        }
      }
    }
  }
}

// A dark band across the bottom (`fraction` of the height, keeping `keep`
// of the picture under it) with a line of white text: the caption or phone
// number a reposter adds.
inline RgbImage Caption(const RgbImage& in, double fraction, double keep, std::uint64_t seed) {
  RgbImage out = in;
  Rng rng(seed);
  const int band = std::max(1, static_cast<int>(in.height * fraction));
  for (int y = in.height - band; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) {
      const std::size_t i = Px(out, x, y);
      for (std::size_t ch = 0; ch < 3; ++ch)
        out.rgb[i + ch] = ToByte(out.rgb[i + ch] * keep + 10 * (1 - keep));
    }
  }
  const int cell = std::max(1, band / 8);
  DrawText(out, rng, in.width / 20, in.height - band + (band - 5 * cell) / 2,
           (in.width * 9 / 10) / (cell * 4), cell, {250, 250, 250}, 1.0);
  return out;
}

// A half-transparent white site name in a corner: a watermark.
inline RgbImage Watermark(const RgbImage& in, std::uint64_t seed) {
  RgbImage out = in;
  Rng rng(seed);
  const int cell = std::max(2, in.height / 60);
  DrawText(out, rng, in.width - cell * 4 * 10 - in.width / 30, in.height / 30, 10, cell,
           {255, 255, 255}, 0.55);
  return out;
}

// ---- the table of edits ------------------------------------------------------

enum class EditKind {
  kJpegQ30,
  kJpegQ50,
  kJpegQ75,
  kJpegQ95,
  kHalfSize,
  kOneAndHalfSize,
  // Per cent off each side (each side its own +-0.5 %).
  kCrop2,
  kCrop3,
  kCrop4,
  kCrop5,
  kCaption,
  kWatermark,
  kPng,
  kWebp,
  kGif,
  kRotate90,
  kMirror,
  // Beyond what PDQ with centred crops is expected to survive; measured by
  // bench/pdq_bench to show where matching stops, not asserted.
  kCaptionHeavy,
  kCrop8,
  kCropBottom10,
};

struct Edited {
  RgbImage picture;
  ImageFormat format = ImageFormat::kJpeg;
  int quality = 90;
};

// How the original of every test is published: JPEG quality 90.
inline constexpr int kOriginalQuality = 90;

inline std::string_view EditName(EditKind kind) {
  switch (kind) {
    case EditKind::kJpegQ30:
      return "JPEG quality 30";
    case EditKind::kJpegQ50:
      return "JPEG quality 50";
    case EditKind::kJpegQ75:
      return "JPEG quality 75";
    case EditKind::kJpegQ95:
      return "JPEG quality 95";
    case EditKind::kHalfSize:
      return "resized to 50 per cent";
    case EditKind::kOneAndHalfSize:
      return "resized to 150 per cent";
    case EditKind::kCrop2:
      return "cropped 2 per cent each side";
    case EditKind::kCrop3:
      return "cropped 3 per cent each side";
    case EditKind::kCrop4:
      return "cropped 4 per cent each side";
    case EditKind::kCrop5:
      return "cropped 5 per cent each side";
    case EditKind::kCaption:
      return "half-dark caption band over the bottom 8 per cent";
    case EditKind::kWatermark:
      return "corner watermark";
    case EditKind::kPng:
      return "converted to PNG";
    case EditKind::kWebp:
      return "converted to WebP";
    case EditKind::kGif:
      return "converted to GIF (256 colours)";
    case EditKind::kRotate90:
      return "turned a quarter clockwise";
    case EditKind::kMirror:
      return "mirrored left to right";
    case EditKind::kCaptionHeavy:
      return "near-opaque caption band over the bottom 10 per cent";
    case EditKind::kCrop8:
      return "cropped 8 per cent each side";
    case EditKind::kCropBottom10:
      return "bottom 10 per cent cut off";
  }
  return "edit";
}

// The edits a repost keeps the same picture through (rotation and mirror
// are matched through PDQ's dihedral hashes instead, not listed here; the
// "beyond" edits are not expected to match).
inline constexpr EditKind kMatchingEdits[] = {
    EditKind::kJpegQ30,  EditKind::kJpegQ50,        EditKind::kJpegQ75, EditKind::kJpegQ95,
    EditKind::kHalfSize, EditKind::kOneAndHalfSize, EditKind::kCrop2,   EditKind::kCrop3,
    EditKind::kCrop4,    EditKind::kCrop5,          EditKind::kCaption, EditKind::kWatermark,
    EditKind::kPng,      EditKind::kWebp,           EditKind::kGif,
};

inline constexpr EditKind kBeyondEdits[] = {EditKind::kCaptionHeavy, EditKind::kCrop8,
                                            EditKind::kCropBottom10};

inline Edited ApplyEdit(const RgbImage& in, EditKind kind, std::uint64_t seed) {
  Rng rng(seed ^ 0xED17ull);
  auto crop = [&](double per_cent) {
    auto side = [&] { return (per_cent + rng.Uniform(-0.5, 0.5)) / 100.0; };
    const double l = side(), t = side(), r = side(), b = side();
    return Edited{CropSides(in, l, t, r, b), ImageFormat::kJpeg, kOriginalQuality};
  };
  switch (kind) {
    case EditKind::kJpegQ30:
      return {in, ImageFormat::kJpeg, 30};
    case EditKind::kJpegQ50:
      return {in, ImageFormat::kJpeg, 50};
    case EditKind::kJpegQ75:
      return {in, ImageFormat::kJpeg, 75};
    case EditKind::kJpegQ95:
      return {in, ImageFormat::kJpeg, 95};
    case EditKind::kHalfSize:
      return {Resize(in, in.width / 2, in.height / 2), ImageFormat::kJpeg, 85};
    case EditKind::kOneAndHalfSize:
      return {Resize(in, in.width * 3 / 2, in.height * 3 / 2), ImageFormat::kJpeg, 85};
    case EditKind::kCrop2:
      return crop(2.0);
    case EditKind::kCrop3:
      return crop(3.0);
    case EditKind::kCrop4:
      return crop(4.0);
    case EditKind::kCrop5:
      return crop(5.0);
    case EditKind::kCaption:
      return {Caption(in, 0.08, 0.5, seed), ImageFormat::kJpeg, 85};
    case EditKind::kWatermark:
      return {Watermark(in, seed), ImageFormat::kJpeg, 85};
    case EditKind::kPng:
      return {in, ImageFormat::kPng, 100};
    case EditKind::kWebp:
      return {in, ImageFormat::kWebp, 80};
    case EditKind::kGif:
      return {in, ImageFormat::kGif, 100};
    case EditKind::kRotate90:
      return {Rotate90(in), ImageFormat::kJpeg, kOriginalQuality};
    case EditKind::kMirror:
      return {Mirror(in), ImageFormat::kJpeg, kOriginalQuality};
    case EditKind::kCaptionHeavy:
      return {Caption(in, 0.10, 0.25, seed), ImageFormat::kJpeg, 85};
    case EditKind::kCrop8:
      return crop(8.0);
    case EditKind::kCropBottom10:
      return {CropSides(in, 0, 0, 0, 0.10), ImageFormat::kJpeg, kOriginalQuality};
  }
  return {in, ImageFormat::kJpeg, kOriginalQuality};
}

// Encodes; test pictures always encode, so a failure is a broken setup.
inline std::string Encode(const Edited& e) {
  Result<std::string> bytes = EncodeImage(e.picture, e.format, e.quality);
  return bytes.ok() ? std::move(bytes).value() : std::string();
}

inline std::string EncodeOriginal(const RgbImage& picture) {
  return Encode({picture, ImageFormat::kJpeg, kOriginalQuality});
}

}  // namespace plainsight::images::test_pictures
