// PatternSet: the indicator pattern packs (config/patterns/*.toml), compiled.
//
// A pack is a TOML file of [[indicator]] tables, each a regular expression
// (RE2 syntax) that marks wording linked to exploitation, with a weight, a
// category, the advert kinds it applies to ("jobs", "adult"), an optional
// `unless` pattern that suppresses it, and examples / counter-examples that
// `Check()` (and `plainsight patterns check`) runs. See
// config/patterns/README.md for the format.
//
// Loading validates everything up front: every error names "file:line: ...".
// A loaded PatternSet is immutable; Match(), Check(), Find() and
// indicators() are const and safe to call from many threads at once on one
// shared instance (RE2 and RE2::Set are thread-safe for matching).
//
// Matching scans the text once with one RE2::Set per kind (a prefilter
// telling which indicators match at all), then runs only those indicators'
// own RE2 to find the first match span and their `unless` patterns.
//
// Usage:
//   auto set = PatternSet::LoadFiles({"config/patterns/jobs.toml"});
//   if (!set.ok()) return set.status();
//   for (const IndicatorHit& hit : (*set)->Match(advert_text, "jobs")) ...
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace plainsight {

// One [[indicator]] table, as written in its pack.
struct Indicator {
  std::string id;        // unique across all loaded packs, e.g. "jobs.fees_upfront"
  std::string category;  // small shared vocabulary, e.g. "fees_and_debt"
  std::vector<std::string> kinds;  // "jobs" and/or "adult"
  double weight = 1.0;
  std::string pattern;   // RE2 syntax; carries its own flags such as (?i)
  std::string unless;    // RE2 syntax; empty = none. A match anywhere suppresses the hit.
  std::vector<std::string> examples;          // must produce a hit
  std::vector<std::string> counter_examples;  // must not
  std::string file;      // pack the indicator came from (as given to Load*)
  int line = 0;          // line of its [[indicator]] header
};

// An indicator that fired on a text.
struct IndicatorHit {
  std::string id;
  std::string category;
  double weight = 0.0;
  std::string match;   // text of the first (leftmost) match of `pattern`
  size_t offset = 0;   // byte offset of `match` in the text given to Match()
};

class PatternSet {
 public:
  // Reads, parses and compiles every pack in order. Indicator ids must be
  // unique across all of them. An empty list gives an empty set.
  static Result<std::shared_ptr<const PatternSet>> LoadFiles(
      const std::vector<std::string>& paths);
  // As LoadFiles for one pack held in memory; `source_name` is used as the
  // file name in errors and in Indicator::file.
  static Result<std::shared_ptr<const PatternSet>> LoadText(const std::string& toml_text,
                                                            const std::string& source_name);

  PatternSet(const PatternSet&) = delete;
  PatternSet& operator=(const PatternSet&) = delete;
  ~PatternSet();

  // Indicators of `kind` ("jobs" or "adult"; empty = every indicator) that
  // match `text` and are not suppressed by their `unless`, in pack order.
  // An unknown kind matches nothing.
  std::vector<IndicatorHit> Match(std::string_view text, std::string_view kind) const;

  // Runs every example (must produce a hit for its indicator) and every
  // counter-example (must not) through Match() with each of the indicator's
  // kinds. Returns one message per failure, e.g.
  //   config/patterns/jobs.toml:14: indicator jobs.x: example "..." did not match
  //   config/patterns/jobs.toml:14: indicator jobs.x: counter-example "..." matched "..."
  // Empty means every example behaves.
  std::vector<std::string> Check() const;

  // Every indicator, in pack order (packs in the order given).
  const std::vector<Indicator>& indicators() const { return indicators_; }
  // The indicator with this id, or nullptr. The pointer lives as long as
  // the PatternSet.
  const Indicator* Find(std::string_view id) const;

 private:
  struct Compiled {
    std::unique_ptr<RE2> pattern;
    std::unique_ptr<RE2> unless;  // null when the indicator has none
  };
  // The prefilter for one kind: `set` entry i is indicators_[members[i]].
  struct KindSet {
    std::string kind;
    std::unique_ptr<RE2::Set> set;
    std::vector<size_t> members;
  };

  PatternSet() = default;

  Status Compile();
  Status BuildKindSet(std::string kind, KindSet* out) const;
  const KindSet* SetFor(std::string_view kind) const;
  // The hit for indicators_[index] on `text`, if its pattern matches and
  // its `unless` does not. Returns false otherwise.
  bool MatchOne(size_t index, std::string_view text, IndicatorHit* hit) const;

  std::vector<Indicator> indicators_;
  std::vector<Compiled> compiled_;  // parallel to indicators_
  std::vector<KindSet> kind_sets_;  // "" (all), then each known kind
};

}  // namespace plainsight
