#include "store/advert_summary.h"

#include <cstring>

namespace plainsight {
namespace {

// Layout: "Y2" site kind posted sha256 first_seen last_seen removed
// removed_at phones emails handles postcodes addresses towns indicators, where a
// string is varint length + bytes, an integer a zigzag varint, a list a
// varint count + items, an indicator id category weight (8 bytes, IEEE
// little-endian) match.
constexpr std::string_view kMagic = "Y2";

void PutVarint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

// Zigzag: small negative and positive values both stay short. Done in
// unsigned arithmetic, so no signed shift is involved.
void PutInt(std::string& out, std::int64_t v) {
  const auto u = static_cast<std::uint64_t>(v);
  PutVarint(out, (u << 1) ^ (std::uint64_t{0} - (u >> 63)));
}

void PutString(std::string& out, std::string_view s) {
  PutVarint(out, s.size());
  out.append(s);
}

void PutStrings(std::string& out, const std::vector<std::string>& list) {
  PutVarint(out, list.size());
  for (const std::string& s : list) PutString(out, s);
}

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool done() const { return in_.empty(); }

  std::uint64_t Varint() {
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (in_.empty()) break;
      const auto byte = static_cast<unsigned char>(in_.front());
      in_.remove_prefix(1);
      v |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return v;
    }
    Fail();
    return 0;
  }
  std::int64_t Int() {
    const std::uint64_t z = Varint();
    return static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
  }
  void String(std::string* out) {
    const std::uint64_t n = Varint();
    if (n > in_.size()) {
      Fail();
      return;
    }
    out->assign(in_.data(), static_cast<size_t>(n));
    in_.remove_prefix(static_cast<size_t>(n));
  }
  // A count of items that each take at least one byte.
  size_t Count() {
    const std::uint64_t n = Varint();
    if (n > in_.size()) {
      Fail();
      return 0;
    }
    return static_cast<size_t>(n);
  }
  void Strings(std::vector<std::string>* out) {
    out->resize(Count());
    for (std::string& s : *out) String(&s);
  }
  double Double() {
    if (in_.size() < 8) {
      Fail();
      return 0;
    }
    std::uint64_t bits = 0;
    for (size_t i = 0; i < 8; ++i) {
      bits |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[i])) << (8 * i);
    }
    in_.remove_prefix(8);
    double v = 0;
    std::memcpy(&v, &bits, sizeof v);
    return v;
  }

 private:
  // Stops reading: every later field comes back empty.
  void Fail() {
    ok_ = false;
    in_ = {};
  }
  std::string_view in_;
  bool ok_ = true;
};

}  // namespace

AdvertSummary SummarizeAdvert(const AdvertRecord& a) {
  AdvertSummary s;
  s.id = a.id;
  s.site = a.site;
  s.kind = a.kind;
  s.posted = a.posted;
  s.sha256 = a.sha256;
  s.first_seen = a.first_seen;
  s.last_seen = a.last_seen;
  s.removed = a.removed;
  s.removed_at = a.removed_at;
  s.phones = a.phones;
  s.emails = a.emails;
  s.handles = a.handles;
  s.postcodes = a.postcodes;
  s.addresses = a.addresses;
  s.towns = a.towns;
  s.indicators = a.indicators;
  return s;
}

std::string EncodeAdvertSummary(const AdvertRecord& a) {
  std::string out(kMagic);
  PutString(out, a.site);
  PutString(out, a.kind);
  PutString(out, a.posted);
  PutString(out, a.sha256);
  PutInt(out, a.first_seen);
  PutInt(out, a.last_seen);
  out.push_back(a.removed ? '\1' : '\0');
  PutInt(out, a.removed_at);
  PutStrings(out, a.phones);
  PutStrings(out, a.emails);
  PutStrings(out, a.handles);
  PutStrings(out, a.postcodes);
  PutStrings(out, a.addresses);
  PutStrings(out, a.towns);
  PutVarint(out, a.indicators.size());
  for (const IndicatorRecord& hit : a.indicators) {
    PutString(out, hit.id);
    PutString(out, hit.category);
    std::uint64_t bits = 0;
    std::memcpy(&bits, &hit.weight, sizeof bits);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
    PutString(out, hit.match);
  }
  return out;
}

Status DecodeAdvertSummary(std::string_view id, std::string_view bytes, AdvertSummary* s) {
  if (bytes.substr(0, kMagic.size()) != kMagic) {
    return Status::Corruption("advert summary " + std::string(id) + ": unknown format");
  }
  Reader r(bytes.substr(kMagic.size()));
  s->id.assign(id);
  r.String(&s->site);
  r.String(&s->kind);
  r.String(&s->posted);
  r.String(&s->sha256);
  s->first_seen = r.Int();
  s->last_seen = r.Int();
  s->removed = r.Varint() != 0;
  s->removed_at = r.Int();
  r.Strings(&s->phones);
  r.Strings(&s->emails);
  r.Strings(&s->handles);
  r.Strings(&s->postcodes);
  r.Strings(&s->addresses);
  r.Strings(&s->towns);
  s->indicators.resize(r.Count());
  for (IndicatorRecord& hit : s->indicators) {
    r.String(&hit.id);
    r.String(&hit.category);
    hit.weight = r.Double();
    r.String(&hit.match);
  }
  if (!r.ok() || !r.done()) {
    return Status::Corruption("advert summary " + std::string(id) + ": truncated or malformed");
  }
  return Status::OK();
}

}  // namespace plainsight
