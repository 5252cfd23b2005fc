#include "crawler/link_patterns.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>

#include <re2/re2.h>

#include "core/strings.h"
#include "crawler/url.h"

namespace plainsight {
namespace {

// Lower-case alphanumeric words of `text` ("saved-jobs.html" -> saved, jobs, html).
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsAsciiAlnum(c)) {
      word += AsciiLower(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

bool AnyWordIn(const std::vector<std::string>& words, const std::set<std::string>& list) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& w) { return list.count(w) != 0; });
}

// Class or id words that mark a page's chrome rather than its content.
const std::set<std::string>& ChromeWords() {
  static const std::set<std::string> words = {
      "nav",       "navbar",      "navigation", "menu",     "sidebar", "breadcrumb",
      "breadcrumbs", "social",    "share",      "sharing",  "masthead", "topbar",
      "toolbar",   "legal",       "seo",        "categories", "login",  "cookie",  "cookies"};
  return words;
}

// "header", "site-footer", "page_header": a whole page's header or footer
// (a card's "card-header" is not).
bool IsPageEdgeName(std::string_view name) {
  std::string lower = ToLowerAscii(name);
  for (const char* edge : {"header", "footer"}) {
    if (lower == edge) return true;
    for (const char* scope : {"site", "page", "global", "main", "top", "bottom"}) {
      for (const char* sep : {"-", "_", ""}) {
        if (lower == std::string(scope) + sep + edge) return true;
      }
    }
  }
  return false;
}

// Pagination blocks are not chrome: their links are listing pages, which
// are told apart elsewhere.
bool IsPaginationName(const std::vector<std::string>& words) {
  for (const std::string& w : words) {
    if (w.rfind("pag", 0) == 0) return true;  // pagination, pager, paging, pages
  }
  return false;
}

// Modifier classes that vary between otherwise identical cards.
bool IsModifierClass(const std::string& name) {
  static const std::set<std::string> modifiers = {
      "featured", "premium", "sponsored", "top", "new", "highlight", "highlighted", "active",
      "selected", "odd", "even", "first", "last", "current", "vip", "gold", "silver", "urgent"};
  return name.find("--") != std::string::npos || modifiers.count(ToLowerAscii(name)) != 0;
}

std::string ElementSignature(const DomElement& e) {
  std::vector<std::string> classes;
  for (const std::string& c : e.classes) {
    if (!IsModifierClass(c)) classes.push_back(c);
  }
  std::sort(classes.begin(), classes.end());
  std::string out = e.tag;
  for (const std::string& c : classes) out += "." + c;
  return out;
}

bool IsChrome(const ProbeDom& dom, std::size_t i) {
  // A <header> or <footer> inside an <article> is the article's own.
  bool sectioning_edge = false;
  for (int at = static_cast<int>(i); at >= 0;) {
    const DomElement& e = dom.elements()[static_cast<std::size_t>(at)];
    std::vector<std::string> words;
    for (const std::string& c : e.classes) {
      for (std::string& w : Words(c)) words.push_back(std::move(w));
    }
    for (std::string& w : Words(e.id)) words.push_back(std::move(w));
    for (std::string& w : Words(dom.Attribute(static_cast<std::size_t>(at), "role"))) {
      words.push_back(std::move(w));
    }
    if (IsPaginationName(words)) return false;
    if (e.tag == "article") {
      if (sectioning_edge) sectioning_edge = false;
    } else if (e.tag == "header" || e.tag == "footer") {
      sectioning_edge = true;
    }
    if (e.tag == "nav" || e.tag == "aside") return true;
    if (AnyWordIn(words, ChromeWords())) return true;
    if (IsPageEdgeName(e.id) || std::any_of(e.classes.begin(), e.classes.end(), IsPageEdgeName)) {
      return true;
    }
    at = e.parent;
  }
  return sectioning_edge;
}

std::string LinkText(const ProbeDom& dom, std::size_t i) {
  std::string text(dom.TextOf(i));
  if (!text.empty()) return text;
  const auto& elements = dom.elements();
  for (std::size_t j = i + 1; j < elements.size() && dom.IsInside(j, i); ++j) {
    if (elements[j].tag == "img") {
      std::string alt(dom.Attribute(j, "alt"));
      if (!alt.empty()) return alt;
    }
  }
  std::string title(dom.Attribute(i, "title"));
  if (!title.empty()) return title;
  return std::string(dom.Attribute(i, "aria-label"));
}

// --- grouping ------------------------------------------------------------

struct UrlInfo {
  std::string url;
  UrlParts parts;
  std::string text;  // longest anchor text
  std::set<std::string> texts;  // every anchor text, lower case
  std::set<std::string> contexts;
  std::set<int> pages;
  bool chrome = true;  // every occurrence is in the chrome
  std::size_t order = 0;
};

std::size_t PositionCount(const UrlParts& parts) { return parts.segments.size() + parts.query.size(); }

const std::string& ValueAt(const UrlParts& parts, std::size_t p) {
  return p < parts.segments.size() ? parts.segments[p] : parts.query[p - parts.segments.size()].second;
}

// "Da.html": a value's shape (leading digits, letters, trailing digits,
// extension), so "7781-chef.html" and "about.html" do not share a template.
std::string Shape(const std::string& value) {
  std::string stem = value;
  std::string extension;
  std::size_t dot = value.rfind('.');
  if (dot != std::string::npos && dot > 0) {
    stem = value.substr(0, dot);
    extension = ToLowerAscii(value.substr(dot));
  }
  bool all_digits = !stem.empty() && std::all_of(stem.begin(), stem.end(), IsAsciiDigit);
  if (all_digits) return "D" + extension;
  std::string shape;
  if (!stem.empty() && IsAsciiDigit(stem.front())) shape += 'D';
  if (std::any_of(stem.begin(), stem.end(), IsAsciiAlpha)) shape += 'a';
  if (!stem.empty() && IsAsciiDigit(stem.back())) shape += 'D';
  return shape + extension;
}

// Clusters of `infos` (indices) whose values at position `p` are
// equivalent under `key`, and whose clusters then merge when `linked` says
// two keys belong together. Returns the clusters in first-seen order.
std::vector<std::vector<const UrlInfo*>> ClusterByContext(const std::vector<const UrlInfo*>& infos,
                                                          std::size_t p) {
  // Values at p, each with its contexts; values sharing a context merge.
  std::map<std::string, std::size_t> value_index;
  std::vector<std::set<std::string>> contexts;
  std::vector<std::size_t> parent;
  for (const UrlInfo* info : infos) {
    const std::string& value = ValueAt(info->parts, p);
    auto [it, inserted] = value_index.try_emplace(value, contexts.size());
    if (inserted) {
      contexts.emplace_back();
      parent.push_back(parent.size());
    }
    contexts[it->second].insert(info->contexts.begin(), info->contexts.end());
  }
  auto find = [&](std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::map<std::string, std::size_t> owner;  // context -> first value holding it
  for (std::size_t v = 0; v < contexts.size(); ++v) {
    for (const std::string& c : contexts[v]) {
      auto [it, inserted] = owner.try_emplace(c, v);
      if (!inserted) parent[find(v)] = find(it->second);
    }
  }
  std::map<std::size_t, std::size_t> cluster_of_root;
  std::vector<std::vector<const UrlInfo*>> clusters;
  for (const UrlInfo* info : infos) {
    std::size_t root = find(value_index[ValueAt(info->parts, p)]);
    auto [it, inserted] = cluster_of_root.try_emplace(root, clusters.size());
    if (inserted) clusters.emplace_back();
    clusters[it->second].push_back(info);
  }
  return clusters;
}

std::vector<std::vector<const UrlInfo*>> ClusterByShape(const std::vector<const UrlInfo*>& infos,
                                                        std::size_t p) {
  std::map<std::string, std::size_t> index;
  std::vector<std::vector<const UrlInfo*>> clusters;
  for (const UrlInfo* info : infos) {
    auto [it, inserted] = index.try_emplace(Shape(ValueAt(info->parts, p)), clusters.size());
    if (inserted) clusters.emplace_back();
    clusters[it->second].push_back(info);
  }
  return clusters;
}

// Splits `infos` (one skeleton) into template groups, position by position.
void Partition(const std::vector<const UrlInfo*>& infos, std::size_t p, bool split_done,
               std::vector<std::vector<const UrlInfo*>>* out) {
  if (infos.empty()) return;
  const std::size_t positions = PositionCount(infos.front()->parts);
  while (p < positions) {
    std::set<std::string> values;
    for (const UrlInfo* info : infos) values.insert(ValueAt(info->parts, p));
    if (values.size() > 1 && !split_done) {
      auto clusters = ClusterByContext(infos, p);
      if (clusters.size() <= 1) clusters = ClusterByShape(infos, p);
      if (clusters.size() > 1) {
        for (const auto& cluster : clusters) Partition(cluster, p, true, out);
        return;
      }
    }
    if (values.size() > 1 && split_done) {
      // A context split may leave shapes mixed; shapes still split.
      auto clusters = ClusterByShape(infos, p);
      if (clusters.size() > 1) {
        for (const auto& cluster : clusters) Partition(cluster, p + 1, false, out);
        return;
      }
    }
    split_done = false;
    ++p;
  }
  out->push_back(infos);
}

// Whether a variable part of `t` is a number (an id).
bool HasIdPart(const UrlTemplate& t) {
  for (const TemplatePart& part : t.segments) {
    if (!part.literal && part.regex.find("\\d") != std::string::npos) return true;
  }
  for (const TemplatePart& part : t.query_values) {
    if (!part.literal && part.regex.find("\\d") != std::string::npos) return true;
  }
  return false;
}

const std::set<std::string>& NonAdvertWords() {
  static const std::set<std::string> words = {
      "login", "logout", "signin", "signup", "register", "account", "accounts", "cart",
      "basket", "share", "sharer", "category", "categories", "cat", "tag", "tags", "search",
      "filter", "sort", "about", "contact", "help", "faq", "terms", "privacy", "cookies",
      "cookie", "policy", "advertise", "reply", "report", "save", "saved", "favourite",
      "favourites", "favorites", "apply", "employers", "town", "towns", "city", "cities",
      "location", "locations", "region", "blog", "news", "advice", "feed", "rss", "print",
      "static", "assets", "admin", "auth", "verified", "pricing", "page", "pages", "more",
      "compare", "alert", "alerts", "subscribe", "newsletter", "auth", "password", "forgot"};
  return words;
}

const std::set<std::string>& AdvertWords() {
  static const std::set<std::string> words = {
      "job",      "vacancy",   "vacancies", "ad",         "ads",      "advert",  "adverts",
      "listing",  "profile",   "profiles",  "companion",  "companions", "escort", "escorts",
      "view",     "detail",    "details",   "position",   "positions", "item",   "classified",
      "classifieds", "offer",  "role",      "girl",       "girls",    "model",   "models",
      "id",       "aid",       "jobid",     "adid",       "pid",      "show",    "vacature"};
  return words;
}

std::string Format(const char* format, double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

void Score(LinkGroup* group, const std::vector<const UrlInfo*>& infos, int pages) {
  const double n = static_cast<double>(infos.size());
  // A link is labelled as itself when one of its anchor texts is on no
  // other link of the group (a title; "Read more" and "View contact
  // details" are on every card).
  std::map<std::string, int> text_count;
  for (const UrlInfo* info : infos) {
    for (const std::string& t : info->texts) ++text_count[t];
  }
  double labelled = 0;
  double text_length = 0;
  double chrome = 0;
  double repeated = 0;
  std::set<int> on_pages;
  for (const UrlInfo* info : infos) {
    std::size_t own = 0;
    for (const std::string& t : info->texts) {
      if (text_count[t] == 1) own = std::max(own, t.size());
    }
    if (own > 0) labelled += 1;
    text_length += static_cast<double>(std::min<std::size_t>(own, 80));
    if (info->chrome) chrome += 1;
    if (pages > 1 && static_cast<int>(info->pages.size()) >= pages) repeated += 1;
    on_pages.insert(info->pages.begin(), info->pages.end());
  }
  group->listing_pages = static_cast<int>(on_pages.size());
  const double diversity = labelled / n;
  const double mean_length = text_length / n;
  chrome /= n;
  repeated /= n;

  std::vector<std::string> literal_words;
  bool id_in_url = false;
  const UrlTemplate& t = group->pattern;
  for (const TemplatePart& part : t.segments) {
    if (part.literal) {
      for (std::string& w : Words(part.display)) literal_words.push_back(std::move(w));
    } else if (part.regex.find("\\d") != std::string::npos) {
      id_in_url = true;
    }
  }
  for (std::size_t i = 0; i < t.query_names.size(); ++i) {
    for (std::string& w : Words(t.query_names[i])) literal_words.push_back(std::move(w));
    if (t.query_values[i].literal) {
      for (std::string& w : Words(t.query_values[i].display)) literal_words.push_back(std::move(w));
    } else if (t.query_values[i].regex.find("\\d") != std::string::npos) {
      id_in_url = true;
    }
  }
  double words = 1.0;
  if (AnyWordIn(literal_words, NonAdvertWords())) words *= 0.2;
  if (AnyWordIn(literal_words, AdvertWords())) words *= 1.4;

  double score = std::min(n, 60.0);
  score *= 0.25 + 0.75 * diversity;
  score *= 0.3 + 0.7 * std::min(1.0, mean_length / 12.0);
  score *= 1.0 - 0.9 * chrome;
  score *= 1.0 - 0.7 * repeated;
  score *= id_in_url ? 1.5 : 1.0;
  score *= words;
  if (infos.size() < 2) score *= 0.3;
  if (t.VariableParts() == 0 && infos.size() > 1) score *= 0.3;
  group->score = score;
  group->reason = std::to_string(infos.size()) + " links, " +
                  Format("%.0f%%", 100 * diversity) + " distinct anchor texts" +
                  (chrome > 0 ? ", " + Format("%.0f%%", 100 * chrome) + " in page chrome" : "") +
                  (repeated > 0 ? ", " + Format("%.0f%%", 100 * repeated) + " on every listing page"
                                : "") +
                  (id_in_url ? ", an id in the URL" : "");
}

}  // namespace

std::vector<ListingLink> CollectListingLinks(const ProbeDom& dom, const std::string& page_url,
                                             const std::vector<std::string>& strip_params,
                                             int page_index) {
  std::string base = page_url;
  if (!dom.base_href().empty()) {
    if (auto resolved = ResolveUrl(page_url, dom.base_href())) base = *resolved;
  }
  std::vector<ListingLink> out;
  const auto& elements = dom.elements();
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const DomElement& e = elements[i];
    const bool anchor = e.tag == "a" || e.tag == "area";
    std::string rel = ToLowerAscii(dom.Attribute(i, "rel"));
    if (!anchor && !(e.tag == "link" && (rel.find("next") != std::string::npos ||
                                         rel.find("prev") != std::string::npos))) {
      continue;
    }
    std::string_view href = dom.Attribute(i, "href");
    if (href.empty()) continue;
    auto resolved = ResolveUrl(base, href);
    if (!resolved) continue;
    ListingLink link;
    link.url = StripQueryParams(*resolved, strip_params);
    link.rel = rel;
    link.page = page_index;
    if (anchor) {
      link.text = LinkText(dom, i);
      link.chrome = IsChrome(dom, i);
      std::vector<std::string> chain;
      int at = static_cast<int>(i);
      for (int level = 0; level < 4 && at >= 0; ++level) {
        chain.push_back(ElementSignature(elements[static_cast<std::size_t>(at)]));
        at = elements[static_cast<std::size_t>(at)].parent;
      }
      std::reverse(chain.begin(), chain.end());  // outermost first
      for (const std::string& signature : chain) {
        if (!link.context.empty()) link.context += ">";
        link.context += signature;
      }
    } else {
      link.context = "link";
    }
    out.push_back(std::move(link));
  }
  return out;
}

std::vector<LinkGroup> GroupLinks(const std::vector<ListingLink>& links, const std::string& origin,
                                  const std::set<std::string>& exclude, int pages) {
  std::map<std::string, UrlInfo> by_url;
  for (const ListingLink& link : links) {
    if (link.context == "link" || exclude.count(link.url) != 0) continue;
    auto parts = SplitUrl(link.url);
    if (!parts || parts->origin != origin) continue;
    auto [it, inserted] = by_url.try_emplace(link.url);
    UrlInfo& info = it->second;
    if (inserted) {
      info.url = link.url;
      info.parts = std::move(*parts);
      info.order = by_url.size();
    }
    if (link.text.size() > info.text.size()) info.text = link.text;
    if (!link.text.empty()) info.texts.insert(ToLowerAscii(link.text));
    info.contexts.insert(link.context);
    info.pages.insert(link.page);
    if (!link.chrome) info.chrome = false;
  }
  std::vector<const UrlInfo*> ordered;
  ordered.reserve(by_url.size());
  for (const auto& [url, info] : by_url) ordered.push_back(&info);
  std::sort(ordered.begin(), ordered.end(),
            [](const UrlInfo* a, const UrlInfo* b) { return a->order < b->order; });

  std::map<std::string, std::vector<const UrlInfo*>> by_skeleton;
  std::vector<std::string> skeleton_order;
  for (const UrlInfo* info : ordered) {
    std::string key = info->parts.Skeleton();
    auto [it, inserted] = by_skeleton.try_emplace(key);
    if (inserted) skeleton_order.push_back(key);
    it->second.push_back(info);
  }
  std::vector<std::vector<const UrlInfo*>> partitions;
  for (const std::string& key : skeleton_order) Partition(by_skeleton[key], 0, false, &partitions);

  // Partitions that come out with one template are one group when the
  // template holds an id (a featured card and a plain card of one advert
  // list) or they share a page context. Slugs from different places stay
  // apart even when no class tells them apart ("/jobs/warehouse" in the
  // menu, "/jobs/warehouse-operative-corby" in the results).
  std::multimap<std::string, std::size_t> by_regex;
  std::vector<std::vector<const UrlInfo*>> members;
  std::vector<std::set<std::string>> member_contexts;
  std::vector<LinkGroup> groups;
  for (const auto& partition : partitions) {
    std::vector<UrlParts> parts;
    std::set<std::string> contexts;
    for (const UrlInfo* info : partition) {
      parts.push_back(info->parts);
      contexts.insert(info->contexts.begin(), info->contexts.end());
    }
    UrlTemplate pattern = InduceTemplate(parts);
    const std::string regex = pattern.Regex();
    const bool has_id = HasIdPart(pattern);
    std::size_t into = groups.size();
    auto [first, last] = by_regex.equal_range(regex);
    for (auto it = first; it != last; ++it) {
      const auto& other = member_contexts[it->second];
      bool shared = std::any_of(contexts.begin(), contexts.end(),
                                [&](const std::string& c) { return other.count(c) != 0; });
      if (has_id || shared) {
        into = it->second;
        break;
      }
    }
    if (into == groups.size()) {
      groups.emplace_back();
      groups.back().pattern = std::move(pattern);
      members.emplace_back();
      member_contexts.emplace_back();
      by_regex.emplace(regex, into);
    }
    members[into].insert(members[into].end(), partition.begin(), partition.end());
    member_contexts[into].insert(contexts.begin(), contexts.end());
  }
  for (std::size_t g = 0; g < groups.size(); ++g) {
    auto& group_members = members[g];
    std::sort(group_members.begin(), group_members.end(),
              [](const UrlInfo* a, const UrlInfo* b) { return a->order < b->order; });
    for (const UrlInfo* info : group_members) {
      groups[g].urls.push_back(info->url);
      groups[g].texts.push_back(info->text);
      groups[g].contexts.insert(info->contexts.begin(), info->contexts.end());
    }
    Score(&groups[g], group_members, pages);
  }
  std::stable_sort(groups.begin(), groups.end(),
                   [](const LinkGroup& a, const LinkGroup& b) { return a.score > b.score; });
  return groups;
}

std::vector<std::size_t> ChooseAdvertGroups(const std::vector<LinkGroup>& ranked) {
  std::vector<std::size_t> chosen;
  if (ranked.empty() || ranked.front().urls.size() < 2 || ranked.front().score <= 0) return chosen;
  chosen.push_back(0);
  const LinkGroup& best = ranked.front();
  for (std::size_t i = 1; i < ranked.size(); ++i) {
    const LinkGroup& other = ranked[i];
    if (other.score < best.score / 10) continue;
    bool shared = std::any_of(other.contexts.begin(), other.contexts.end(),
                              [&](const std::string& c) { return best.contexts.count(c) != 0; });
    if (shared) chosen.push_back(i);
  }
  return chosen;
}

namespace {

std::size_t WordCount(const std::string& value, std::size_t suffix) {
  std::string stem = value.substr(0, value.size() - std::min(suffix, value.size()));
  return static_cast<std::size_t>(std::count(stem.begin(), stem.end(), '-')) + 1;
}

std::vector<std::string> StillMatched(const LinkGroup& group, const std::vector<std::string>& others) {
  RE2 re(group.pattern.Regex());
  std::vector<std::string> out;
  for (const std::string& url : others) {
    if (RE2::FullMatch(url, re)) out.push_back(url);
  }
  return out;
}

}  // namespace

std::vector<std::string> NarrowAgainst(LinkGroup* group, const std::vector<std::string>& others) {
  std::vector<std::string> matched = StillMatched(*group, others);
  if (matched.empty()) return matched;
  std::vector<UrlParts> mine;
  for (const std::string& url : group->urls) {
    if (auto parts = SplitUrl(url)) mine.push_back(std::move(*parts));
  }
  std::vector<UrlParts> theirs;
  for (const std::string& url : matched) {
    if (auto parts = SplitUrl(url)) theirs.push_back(std::move(*parts));
  }
  static const std::string kSlug = "[a-z0-9-]+";
  UrlTemplate& t = group->pattern;
  const std::size_t segments = t.segments.size();
  for (std::size_t p = 0; p < segments + t.query_values.size(); ++p) {
    TemplatePart& part = p < segments ? t.segments[p] : t.query_values[p - segments];
    if (part.literal || part.regex.compare(0, kSlug.size(), kSlug) != 0) continue;
    // What follows the slug: nothing or an escaped extension ("\.html").
    std::string tail = part.regex.substr(kSlug.size());
    if (!tail.empty() && tail.compare(0, 2, "\\.") != 0) continue;
    const std::size_t suffix = tail.empty() ? 0 : tail.size() - 1;  // "\.html" is ".html"
    std::size_t fewest = std::string::npos;
    for (const UrlParts& u : mine) fewest = std::min(fewest, WordCount(ValueAt(u, p), suffix));
    std::size_t most = 0;
    for (const UrlParts& u : theirs) most = std::max(most, WordCount(ValueAt(u, p), suffix));
    if (fewest == std::string::npos || fewest <= most || fewest < 2) continue;
    // The fewest words that leave the others out, so shorter slugs than
    // the samples' still count.
    part.regex = "[a-z0-9]+(?:-[a-z0-9]+){" + std::to_string(most) + ",}" + tail;
    part.display = "{slug of " + std::to_string(most + 1) + "+ words}" + part.display.substr(
        part.display.find("{slug}") == std::string::npos ? part.display.size()
                                                         : part.display.find("{slug}") + 6);
    matched = StillMatched(*group, matched);
    if (matched.empty()) break;
  }
  return matched;
}

}  // namespace plainsight
