// DecodeLeadBrief: the members of a lead's JSON that re-correlation carries
// over, read with JsonScanner. Reasons and contacts are the bulk of a lead
// and are recomputed anyway; skipping them rather than building an nlohmann
// document is what makes reading 100k+ earlier leads cheap. Anything
// unexpected falls back to DecodeLead.
#include "store/json_scanner.h"
#include "store/record_codec.h"

namespace plainsight {
namespace {

bool ScanSlots(JsonScanner& s, std::vector<std::vector<std::string>>* slots) {
  slots->clear();
  if (!s.Eat('[')) return false;
  s.SkipSpace();
  if (s.Eat(']')) return true;
  while (true) {
    s.SkipSpace();
    slots->emplace_back();
    if (!s.StringArray(&slots->back())) return false;
    s.SkipSpace();
    if (s.Eat(']')) return true;
    if (!s.Eat(',')) return false;
  }
}

bool ScanLeadBrief(JsonScanner& s, LeadRecord* l) {
  bool has_id = false;
  s.SkipSpace();
  if (!s.Eat('{')) return false;
  s.SkipSpace();
  if (s.Eat('}')) return false;  // no id
  std::string key;
  for (bool done = false; !done;) {
    if (!s.Key(&key)) return false;
    bool ok = true;
    if (key == "id") {
      ok = s.String(&l->id);
      has_id = true;
    } else if (key == "status") {
      ok = s.String(&l->status);
    } else if (key == "created_at") {
      ok = s.Int64(&l->created_at);
    } else if (key == "updated_at") {
      ok = s.Int64(&l->updated_at);
    } else if (key == "advert_ids") {
      ok = s.StringArray(&l->advert_ids);
    } else if (key == "merged_from") {
      ok = s.StringArray(&l->merged_from);
    } else if (key == "split_from") {
      ok = s.String(&l->split_from);
    } else if (key == "template_text") {
      ok = s.String(&l->template_text);
    } else if (key == "template_slots") {
      ok = ScanSlots(s, &l->template_slots);
    } else {
      ok = s.SkipValue(0);
    }
    if (!ok || !s.NextMember(&done)) return false;
  }
  return has_id;
}

}  // namespace

Status DecodeLeadBrief(std::string_view bytes, LeadRecord* lead) {
  *lead = LeadRecord{};
  JsonScanner scanner(bytes);
  if (ScanLeadBrief(scanner, lead)) return Status::OK();
  LeadRecord full;
  Status s = DecodeLead(std::string(bytes), &full);
  if (!s.ok()) return s;
  *lead = LeadRecord{};
  lead->id = std::move(full.id);
  lead->status = std::move(full.status);
  lead->created_at = full.created_at;
  lead->updated_at = full.updated_at;
  lead->advert_ids = std::move(full.advert_ids);
  lead->merged_from = std::move(full.merged_from);
  lead->split_from = std::move(full.split_from);
  lead->template_text = std::move(full.template_text);
  lead->template_slots = std::move(full.template_slots);
  return Status::OK();
}

}  // namespace plainsight
