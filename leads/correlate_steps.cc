#include "leads/correlate_steps.h"

#include <deque>
#include <thread>
#include <type_traits>
#include <unordered_map>
#include <variant>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "leads/lead_scorer.h"
#include "leads/template_diff.h"
#include "store/image_record.h"

namespace plainsight {
namespace {

// Adverts shown to BuildTemplate: enough to show the slots, few enough to
// stay quick (alignment is quadratic in words per text).
constexpr size_t kTemplateSampleAdverts = 4;
constexpr size_t kTemplateMaxWords = 200;

// Members of each group, as one flat array (counting sort).
struct Groups {
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> members;
};

Groups GroupMembers(const LinkGraph& graph) {
  Groups g;
  g.offsets.assign(graph.groups + 1, 0);
  for (std::uint32_t group : graph.group) ++g.offsets[group + 1];
  for (size_t k = 0; k < graph.groups; ++k) g.offsets[k + 1] += g.offsets[k];
  g.members.resize(graph.group.size());
  std::vector<std::uint32_t> fill(g.offsets.begin(), g.offsets.end() - 1);
  for (size_t i = 0; i < graph.group.size(); ++i) {
    g.members[fill[graph.group[i]]++] = static_cast<std::uint32_t>(i);
  }
  return g;
}

Status AddTemplate(const Store& store, const Corpus& corpus,
                   const std::vector<std::uint32_t>& members, LeadRecord* lead) {
  std::vector<std::string> texts;
  std::string title, text;
  for (std::uint32_t i : members) {
    if (texts.size() == kTemplateSampleAdverts) break;
    // The text alone: decoding whole adverts was most of this step.
    auto found = store.GetAdvertText(std::string(corpus.Id(i)), &title, &text);
    if (!found.ok()) return found.status();
    // The title is often repeated in the text; the page chrome never helps.
    if (*found) texts.push_back(WithoutChrome(corpus, corpus.adverts[i].site, text));
  }
  if (texts.size() < 2) return Status::OK();
  AdvertTemplate t = BuildTemplate(texts, kTemplateMaxWords);
  lead->template_text = std::move(t.text);
  lead->template_slots.clear();
  for (TemplateSlot& slot : t.slots) lead->template_slots.push_back(std::move(slot.values));
  return Status::OK();
}

Status BuildTemplatesInParallel(const Store& store, const Corpus& corpus,
                                const std::vector<size_t>& to_build,
                                const std::vector<std::vector<std::uint32_t>>& members,
                                std::vector<LeadRecord>* leads) {
  constexpr size_t kThreads = 2;
  std::vector<Status> failures(kThreads);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (size_t k = t; k < to_build.size(); k += kThreads) {
        const size_t i = to_build[k];
        Status s = AddTemplate(store, corpus, members[i], &(*leads)[i]);
        if (!s.ok()) {
          failures[t] = s;
          return;
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const Status& s : failures) {
    if (!s.ok()) return s;
  }
  return Status::OK();
}

}  // namespace

ScoredLeads ScoreGroups(const Corpus& corpus, LinkGraph* graph, const LeadSettings& settings,
                        CorrelateSummary* summary) {
  summary->boilerplate = graph->boilerplate;
  summary->boilerplate.insert(summary->boilerplate.end(), corpus.site_wide_indicators.begin(),
                              corpus.site_wide_indicators.end());
  summary->hubs = graph->hubs;
  const Groups groups = GroupMembers(*graph);
  std::vector<std::vector<GroupLink>> sources_of = LinksByGroup(*graph);
  for (const LinkSource& s : graph->sources) {
    if (s.joined && s.kind == LinkKind::kTemplate) ++summary->template_links;
  }
  // Scored leads are collected in a deque and then moved into a vector of
  // exactly their number: a doubling vector of 100k+ leads would hold up to
  // twice their headers (and both copies while it grows).
  std::deque<LeadRecord> scored_leads;
  ScoredLeads out;
  for (size_t k = 0; k < graph->groups; ++k) {
    const std::vector<std::uint32_t> members(groups.members.begin() + groups.offsets[k],
                                             groups.members.begin() + groups.offsets[k + 1]);
    const bool linked = members.size() >= 2;
    if (!linked) {
      if (corpus.Indicators(members[0]).empty() && corpus.adverts[members[0]].removed_at < 0) {
        continue;  // nothing to score
      }
    }
    ScoredGroup scored = ScoreGroup(corpus, *graph, members, sources_of[k], settings);
    if (scored.lead.score <= 0 ||
        (!linked && scored.lead.score < settings.single_advert_min_score)) {
      continue;
    }
    scored_leads.push_back(std::move(scored.lead));
    out.template_members.push_back(std::move(scored.template_members));
  }
  out.leads.reserve(scored_leads.size());
  while (!scored_leads.empty()) {  // popping frees the deque block by block
    out.leads.push_back(std::move(scored_leads.front()));
    scored_leads.pop_front();
  }
  // The graph is only for scoring; free it before the earlier leads are
  // matched and the templates read.
  FreeMemory(sources_of);
  *graph = LinkGraph{};
  return out;
}

// Templates cost a read and an alignment per sampled advert: an unchanged
// lead keeps the template it already has; the rest are built on two
// threads (the store is safe for concurrent reads, BuildTemplate is pure).
Status AddTemplates(const Store& store, const Corpus& corpus,
                    const std::vector<LeadRecord>& previous, ScoredLeads* scored) {
  std::unordered_map<std::string, const LeadRecord*> previous_by_id;
  for (const LeadRecord& old : previous) previous_by_id[old.id] = &old;
  std::vector<size_t> to_build;
  std::vector<LeadRecord>& leads = scored->leads;
  for (size_t i = 0; i < leads.size(); ++i) {
    if (scored->template_members[i].empty()) continue;
    auto old = previous_by_id.find(leads[i].id);
    if (old != previous_by_id.end() && !old->second->template_text.empty() &&
        old->second->advert_ids == leads[i].advert_ids) {
      leads[i].template_text = old->second->template_text;
      leads[i].template_slots = old->second->template_slots;
      continue;
    }
    to_build.push_back(i);
  }
  return BuildTemplatesInParallel(store, corpus, to_build, scored->template_members, &leads);
}

CorpusOptions CorpusOptionsFor(const LeadSettings& settings, bool rebuild) {
  CorpusOptions corpus_options;
  corpus_options.reuse_signatures = !rebuild;
  corpus_options.common_share = settings.template_common_share;
  corpus_options.common_min_writers = settings.template_common_min_writers;
  corpus_options.site_wide_share = settings.boilerplate_share;
  corpus_options.site_wide_min_adverts = settings.boilerplate_min_adverts;
  return corpus_options;
}

TemplateBanding BandingFor(const LeadSettings& settings) {
  const MinHashOptions minhash;
  TemplateBanding banding;
  banding.signature_length = static_cast<size_t>(minhash.num_hashes);
  banding.bands = static_cast<size_t>(std::max(minhash.bands, 1));
  banding.threshold = settings.near_duplicate_threshold;
  return banding;
}

// What the kept incremental state was made with: every lead setting (a
// changed setting can change any decision, so the next run is full).
std::string IncrementalStateValue(const LeadSettings& settings) {
  std::string out = "clean";
  for (const auto& key : LeadSettingKeys()) {
    out += ' ';
    out += key.name;
    out += '=';
    std::visit(
        [&](auto member) {
          const auto& value = settings.*member;
          using T = std::decay_t<decltype(value)>;
          if constexpr (std::is_same_v<T, std::string>) {
            out += value;
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            for (const std::string& item : value) out += item + ",";
          } else {
            out += std::to_string(value);
          }
        },
        key.member);
  }
  return out;
}

std::vector<TemplateSignature> SignaturesOf(const Corpus& corpus) {
  std::vector<TemplateSignature> out(corpus.adverts.size());
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].id = std::string(corpus.Id(i));
    if (const std::uint16_t* values = corpus.Signature(i)) {
      out[i].values.assign(values, values + corpus.signature_length);
    }
  }
  return out;
}

Result<bool> StoreHasPhotos(const Store& store) {
  bool any = false;
  Status s = ForEachAdvertImage(store, [&](const AdvertImage&) {
    any = true;
    return false;
  });
  if (!s.ok()) return s;
  return any;
}

#ifdef __GLIBC__
// A run allocates and frees hundreds of megabytes in small blocks, which
// glibc keeps: without this the process (a crawl correlates after every
// run) would hold its largest run's memory for good.
void ReturnFreedMemory() { malloc_trim(0); }
#else
void ReturnFreedMemory() {}
#endif

}  // namespace plainsight
