#include "crawler/site_probe_toml.h"


#include "core/toml_text.h"

namespace plainsight {
namespace {

// A comment's text: one line, control characters dropped.
std::string OneLine(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n' || c == '\r' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) {
      out += c;
    }
  }
  return out;
}

// At most `limit` characters of UTF-8 text, cut at a character boundary.
std::string Shorten(const std::string& text, std::size_t limit) {
  std::string line = OneLine(text);
  std::size_t chars = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (++chars > limit) return line.substr(0, i) + "…";
  }
  return line;
}

// `line` padded to `width` columns, and at least two spaces before a comment.
std::string Padded(std::string line, std::size_t width) {
  line.append(line.size() + 2 < width ? width - line.size() : 2, ' ');
  return line;
}

}  // namespace

std::string RenderSiteToml(const SiteProposal& p) {
  std::string out;
  out += "# Proposed by `plainsight site probe` from " + std::to_string(p.listing_pages.size()) +
         " listing page(s) and " + std::to_string(p.sample_urls.size()) +
         " sample advert(s). Check each line, then append this block to the config.\n";
  for (std::size_t i = 0; i < p.sample_urls.size(); ++i) {
    out += "# sample " + std::to_string(i + 1) + ": " + OneLine(p.sample_urls[i]) + "\n";
  }
  for (const std::string& w : p.warnings) out += "# warning: " + OneLine(w) + "\n";
  for (const std::string& n : p.notes) out += "# note: " + OneLine(n) + "\n";
  out += "[[sites]]\n";
  out += "name = " + TomlString(p.name) + "\n";
  out += Padded("kind = " + TomlString(p.kind), 24) + "# " + OneLine(p.kind_reason) +
         (p.kind_reason == "given" ? "" : " (--kind to choose)") + "\n";
  out += "seeds = " + TomlStrings({p.seed}) + "\n";
  for (const std::string& note : p.adverts_notes) out += "# " + OneLine(note) + "\n";
  out += "adverts = " + TomlRegexes(p.adverts) + "\n";
  out += "# " + OneLine(p.follow_note) + "\n";
  out += "follow = " + TomlRegexes(p.follow) + "\n";
  out += "max_depth = 5\n";
  bool any = false;
  for (const FieldProposal& f : p.fields) any = any || !f.selector.empty();
  if (p.fields.empty()) {
    out += "# no [sites.fields]: no sample advert was read\n";
    return out;
  }
  out += "  [sites.fields]\n";
  if (!any) out += "  # no field selector fits the samples; the extractor finds fields by itself\n";
  for (const FieldProposal& f : p.fields) {
    if (f.selector.empty()) {
      out += "  # " + f.field + ": none proposed (" + OneLine(f.note) + ")\n";
      continue;
    }
    std::string values;
    for (std::size_t i = 0; i < f.values.size(); ++i) {
      if (i > 0) values += " | ";
      values += f.values[i].empty() ? "(nothing)" : "\"" + Shorten(f.values[i], 40) + "\"";
    }
    out += Padded("  " + f.field + " = " + TomlString(f.selector), 40) + "# " + values;
    if (!f.note.empty()) out += "  (" + OneLine(f.note) + ")";
    out += "\n";
  }
  return out;
}

}  // namespace plainsight
