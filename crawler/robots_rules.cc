#include "crawler/robots_rules.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "core/strings.h"
#include "crawler/robots_parser.h"
#include "crawler/url.h"

namespace plainsight {

namespace {

// "plainsight/1.0 (+https://...)" -> "plainsight" (RFC 9309 section 2.2.1).
std::string_view ProductToken(std::string_view user_agent) {
  user_agent = TrimAsciiBlank(user_agent);
  return user_agent.substr(0, user_agent.find_first_of("/ \t"));
}

bool IsGlobalAgent(std::string_view value) {
  return value.starts_with('*') && (value.size() == 1 || IsAsciiBlank(value[1]));
}

std::optional<double> ParseCrawlDelay(std::string_view value) {
  double seconds = 0;
  const char* end = value.data() + value.size();
  const auto [ptr, ec] = std::from_chars(value.data(), end, seconds);
  if (ec != std::errc() || ptr == value.data()) return std::nullopt;
  if (!std::isfinite(seconds) || seconds < 0) return std::nullopt;
  return seconds;
}

// '*' matches any run of octets, the pattern may stop short of the path
// unless anchored. Greedy with backtracking to the last '*': linear space,
// no allocation, and correct because '*' is the only wildcard.
bool GlobMatches(std::string_view pattern, std::string_view path, bool anchored) {
  size_t p = 0;
  size_t s = 0;
  size_t star = std::string_view::npos;
  size_t star_s = 0;
  while (true) {
    if (p == pattern.size()) {
      if (!anchored || s == path.size()) return true;
    } else if (pattern[p] == '*') {
      star = p++;
      star_s = s;
      continue;
    } else if (s < path.size() && pattern[p] == path[s]) {
      ++p;
      ++s;
      continue;
    }
    if (star == std::string_view::npos || star_s >= path.size()) return false;
    p = star + 1;
    s = ++star_s;
  }
}

bool IsRobotsTxtPath(std::string_view path_and_query) {
  return path_and_query.substr(0, path_and_query.find('?')) == "/robots.txt";
}

// Collects the groups that apply to one product token, following the group
// model of RFC 9309 section 2.1: consecutive user-agent lines open a group,
// the first rule line after them closes the list of agents.
class RobotsRulesCollector : public RobotsParseHandler {
 public:
  explicit RobotsRulesCollector(std::string_view product) : product_(product) {}

  void HandleRobotsStart() override {}
  void HandleRobotsEnd() override {}

  void HandleUserAgent(int /*line_num*/, std::string_view value) override {
    if (seen_rule_) {
      in_specific_ = in_global_ = seen_rule_ = false;
    }
    if (IsGlobalAgent(value)) {
      in_global_ = true;
    } else if (!product_.empty() && EqualsIgnoreCaseAscii(ProductToken(value), product_)) {
      in_specific_ = true;
      found_specific_ = true;
    }
  }

  void HandleAllow(int /*line_num*/, std::string_view value) override { AddRule(value, true); }
  void HandleDisallow(int /*line_num*/, std::string_view value) override { AddRule(value, false); }

  void HandleSitemap(int /*line_num*/, std::string_view value) override {
    if (!value.empty()) sitemaps_.emplace_back(value);
  }

  void HandleCrawlDelay(int /*line_num*/, std::string_view value) override {
    // Crawl-delay belongs to its group like a rule does, so it too closes
    // the agent list: "User-agent: *  Crawl-delay: 10  User-agent: x" is
    // two groups, as site owners mean it (google ignores Crawl-delay).
    seen_rule_ = true;
    std::optional<double> seconds = ParseCrawlDelay(value);
    if (!seconds) return;
    // Several matching groups may each name a delay: keep the politest.
    if (in_specific_) specific_.delay = std::max(specific_.delay.value_or(0), *seconds);
    if (in_global_) global_.delay = std::max(global_.delay.value_or(0), *seconds);
  }

  void HandleUnknownAction(int /*line_num*/, std::string_view /*action*/,
                           std::string_view /*value*/) override {}

  struct RuleSpec {
    std::string pattern;  // percent-normalised, as written otherwise
    bool allow;
  };

  // The rules of the groups that apply, in file order.
  std::vector<RuleSpec>& rules() { return chosen().rules; }
  std::optional<double> crawl_delay() { return chosen().delay; }
  std::vector<std::string>& sitemaps() { return sitemaps_; }

 private:
  struct Group {
    std::vector<RuleSpec> rules;
    std::optional<double> delay;
  };

  Group& chosen() { return found_specific_ ? specific_ : global_; }

  void AddRule(std::string_view value, bool allow) {
    seen_rule_ = true;
    // An empty value matches nothing (RFC 9309 section 2.2.2 example).
    if (value.empty() || (!in_specific_ && !in_global_)) return;
    std::string pattern = NormalizePercentEncoding(value);
    if (in_specific_) specific_.rules.push_back({pattern, allow});
    if (in_global_) global_.rules.push_back({std::move(pattern), allow});
  }

  const std::string_view product_;
  bool in_specific_ = false;   // the current group names our product token
  bool in_global_ = false;     // the current group names "*"
  bool seen_rule_ = false;     // the current group's agent list is closed
  bool found_specific_ = false;
  Group specific_;
  Group global_;
  std::vector<std::string> sitemaps_;
};

}  // namespace

RobotsRules RobotsRules::AllowAll() { return RobotsRules(); }

RobotsRules RobotsRules::DisallowAll() {
  RobotsRules rules;
  Rule everything;
  everything.pattern = "/";
  everything.priority = 1;
  rules.rules_.push_back(std::move(everything));
  return rules;
}

RobotsRules RobotsRules::Parse(std::string_view body, std::string_view user_agent) {
  RobotsRulesCollector collector(ProductToken(user_agent));
  ParseRobotsTxt(body, &collector);
  RobotsRules rules;
  for (RobotsRulesCollector::RuleSpec& spec : collector.rules()) {
    Rule rule;
    rule.allow = spec.allow;
    rule.priority = spec.pattern.size();
    rule.anchored = spec.pattern.ends_with('$');
    if (rule.anchored) spec.pattern.pop_back();
    rule.has_wildcard = spec.pattern.find('*') != std::string::npos;
    rule.pattern = std::move(spec.pattern);
    rules.rules_.push_back(std::move(rule));
  }
  rules.crawl_delay_seconds_ = collector.crawl_delay();
  rules.sitemaps_ = std::move(collector.sitemaps());
  std::stable_sort(rules.rules_.begin(), rules.rules_.end(), [](const Rule& a, const Rule& b) {
    if (a.priority != b.priority) return a.priority > b.priority;
    return a.allow && !b.allow;
  });
  return rules;
}

bool RobotsRules::Matches(const Rule& rule, std::string_view path) {
  if (rule.has_wildcard) return GlobMatches(rule.pattern, path, rule.anchored);
  if (rule.anchored) return path == rule.pattern;
  return path.starts_with(rule.pattern);
}

bool RobotsRules::Allowed(std::string_view path_and_query) const {
  std::string_view path = path_and_query.empty() ? std::string_view("/") : path_and_query;
  std::string normalized;  // only filled for paths that are not already normal
  if (NeedsPercentNormalization(path)) {
    normalized = NormalizePercentEncoding(path);
    path = normalized;
  }
  if (IsRobotsTxtPath(path)) return true;  // RFC 9309 section 2.2.2
  for (const Rule& rule : rules_) {
    if (Matches(rule, path)) return rule.allow;
  }
  return true;
}

}  // namespace plainsight
