// Loading and compiling: packs -> Indicators -> one RE2 per pattern and one
// RE2::Set prefilter per kind.
#include "patterns/pattern_set.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "patterns/pack_parser.h"

namespace plainsight {
namespace {

// Room for a few hundred indicators in one DFA; RE2's 8 MiB default makes
// big sets fall back to slower matching.
constexpr int64_t kSetMaxMem = int64_t{64} << 20;

RE2::Options PatternOptions() {
  RE2::Options options;  // UTF-8, leftmost-first (longest_match off)
  options.set_log_errors(false);  // errors are returned, not printed
  return options;
}

std::string Where(const Indicator& indicator) {
  return indicator.file + ":" + std::to_string(indicator.line) + ": indicator " + indicator.id +
         ": ";
}

Status CompileOne(const Indicator& indicator, const std::string& what, const std::string& text,
                  std::unique_ptr<RE2>* out) {
  auto re = std::make_unique<RE2>(text, PatternOptions());
  if (!re->ok()) {
    return Status::InvalidArgument(Where(indicator) + "bad " + what + ": " + re->error());
  }
  // A pattern that matches nothing at all would fire on every page (or, as
  // `unless`, silence the indicator everywhere).
  if (RE2::PartialMatch("", *re)) {
    return Status::InvalidArgument(Where(indicator) + what + " matches empty text");
  }
  *out = std::move(re);
  return Status::OK();
}

}  // namespace

PatternSet::~PatternSet() = default;

Result<std::shared_ptr<const PatternSet>> PatternSet::LoadFiles(
    const std::vector<std::string>& paths) {
  std::shared_ptr<PatternSet> set(new PatternSet());
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return Status::IoError(path + ": cannot read pattern pack: " + std::strerror(errno));
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return Status::IoError(path + ": cannot read pattern pack");
    Status s = ParsePack(text.str(), path, &set->indicators_);
    if (!s.ok()) return s;
  }
  Status s = set->Compile();
  if (!s.ok()) return s;
  return std::shared_ptr<const PatternSet>(std::move(set));
}

Result<std::shared_ptr<const PatternSet>> PatternSet::LoadText(const std::string& toml_text,
                                                               const std::string& source_name) {
  std::shared_ptr<PatternSet> set(new PatternSet());
  Status s = ParsePack(toml_text, source_name, &set->indicators_);
  if (!s.ok()) return s;
  s = set->Compile();
  if (!s.ok()) return s;
  return std::shared_ptr<const PatternSet>(std::move(set));
}

Status PatternSet::Compile() {
  std::unordered_map<std::string_view, const Indicator*> seen;
  for (const Indicator& indicator : indicators_) {
    auto [it, inserted] = seen.emplace(indicator.id, &indicator);
    if (!inserted) {
      return Status::InvalidArgument(Where(indicator) + "duplicate id (first at " +
                                     it->second->file + ":" +
                                     std::to_string(it->second->line) + ")");
    }
  }

  compiled_.resize(indicators_.size());
  for (size_t i = 0; i < indicators_.size(); ++i) {
    const Indicator& indicator = indicators_[i];
    Status s = CompileOne(indicator, "pattern", indicator.pattern, &compiled_[i].pattern);
    if (!s.ok()) return s;
    if (!indicator.unless.empty()) {
      s = CompileOne(indicator, "unless", indicator.unless, &compiled_[i].unless);
      if (!s.ok()) return s;
    }
  }

  kind_sets_.resize(1 + std::size(kIndicatorKinds));
  Status s = BuildKindSet("", &kind_sets_[0]);
  for (size_t k = 0; s.ok() && k < std::size(kIndicatorKinds); ++k) {
    s = BuildKindSet(std::string(kIndicatorKinds[k]), &kind_sets_[k + 1]);
  }
  return s;
}

Status PatternSet::BuildKindSet(std::string kind, KindSet* out) const {
  out->kind = std::move(kind);
  RE2::Options options = PatternOptions();
  options.set_max_mem(kSetMaxMem);
  out->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (size_t i = 0; i < indicators_.size(); ++i) {
    const Indicator& indicator = indicators_[i];
    bool wanted = out->kind.empty();
    for (const std::string& k : indicator.kinds) wanted = wanted || k == out->kind;
    if (!wanted) continue;
    std::string error;
    // Each pattern already compiled alone, so Add only fails on a
    // difference between RE2 and RE2::Set parsing; report it all the same.
    if (out->set->Add(indicator.pattern, &error) < 0) {
      return Status::InvalidArgument(Where(indicator) + "bad pattern: " + error);
    }
    out->members.push_back(i);
  }
  if (!out->set->Compile()) {
    const std::string name = out->kind.empty() ? "all" : out->kind;
    return Status::InvalidArgument("pattern packs: the " + name +
                                   " indicators are too large to compile together");
  }
  return Status::OK();
}

const PatternSet::KindSet* PatternSet::SetFor(std::string_view kind) const {
  for (const KindSet& kind_set : kind_sets_) {
    if (kind_set.kind == kind) return &kind_set;
  }
  return nullptr;
}

const Indicator* PatternSet::Find(std::string_view id) const {
  for (const Indicator& indicator : indicators_) {
    if (indicator.id == id) return &indicator;
  }
  return nullptr;
}

}  // namespace plainsight
