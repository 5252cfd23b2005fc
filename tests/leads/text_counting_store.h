// Test helper for tests/leads: a Store that forwards to a real one and
// counts the calls that read advert text (GetAdvert, GetAdvertText,
// ForEachAdvert, ForEachAdvertText), to check what an incremental correlate reads.
#pragma once

#include <functional>
#include <memory>
#include <utility>
#include <string>
#include <vector>

#include "store/store.h"

namespace plainsight::testing {

class TextCountingStore final : public Store {
 public:
  explicit TextCountingStore(Store& base) : base_(base) {}

  Result<UpsertOutcome> UpsertAdvert(const AdvertRecord& r) override { return base_.UpsertAdvert(r); }
  Result<UpsertOutcome> UpsertAdvert(const AdvertRecord& r, const PageCommit& c) override {
    return base_.UpsertAdvert(r, c);
  }
  Status ReplaceAdvertContent(const AdvertRecord& r, const std::vector<std::string>& done) override {
    return base_.ReplaceAdvertContent(r, done);
  }
  Status TouchAdvert(const std::string& id, std::int64_t when) override {
    return base_.TouchAdvert(id, when);
  }
  Status MarkAdvertRemoved(const std::string& id, std::int64_t when) override {
    return base_.MarkAdvertRemoved(id, when);
  }
  Status DeleteAdvert(const std::string& id) override { return base_.DeleteAdvert(id); }
  Result<std::optional<AdvertRecord>> GetAdvert(const std::string& id) const override {
    ++text_reads_;
    return base_.GetAdvert(id);
  }
  Result<bool> GetAdvertText(const std::string& id, std::string* title,
                             std::string* text) const override {
    ++text_reads_;
    return base_.GetAdvertText(id, title, text);
  }
  Status ForEachAdvert(const std::function<bool(const AdvertRecord&)>& visit) const override {
    return base_.ForEachAdvert([&](const AdvertRecord& a) {
      ++text_reads_;
      return visit(a);
    });
  }
  Status ForEachAdvertSummary(
      const std::function<bool(const AdvertSummary&)>& visit) const override {
    if (before_summary_scan) before_summary_scan();
    return base_.ForEachAdvertSummary(visit);
  }

  // Runs as correlation starts loading the corpus: a test writes here what
  // a crawl would write while correlation runs.
  std::function<void()> before_summary_scan;
  Status ForEachAdvertText(
      const std::function<bool(std::string_view, const std::string&, const std::string&)>& visit)
      const override {
    return base_.ForEachAdvertText(
        [&](std::string_view id, const std::string& title, const std::string& text) {
          ++text_reads_;
          return visit(id, title, text);
        });
  }
  Result<std::vector<std::string>> AdvertIdsForEntity(EntityType type,
                                                      const std::string& value) const override {
    return base_.AdvertIdsForEntity(type, value);
  }
  Result<std::uint64_t> CountAdverts() const override { return base_.CountAdverts(); }
  Status ReplaceLeads(const std::vector<LeadRecord>& leads) override {
    return base_.ReplaceLeads(leads);
  }
  Status PatchLeads(const std::vector<LeadRecord>& puts,
                    const std::vector<std::string>& deletes) override {
    return base_.PatchLeads(puts, deletes);
  }
  Status PutLead(const LeadRecord& lead,
                 const std::vector<std::pair<std::string, std::string>>& meta) override {
    return base_.PutLead(lead, meta);
  }
  Result<std::optional<LeadRecord>> GetLead(const std::string& id) const override {
    return base_.GetLead(id);
  }
  Status ForEachLead(const std::function<bool(const LeadRecord&)>& visit) const override {
    return base_.ForEachLead(visit);
  }
  Result<std::optional<std::uint64_t>> CountLeads() const override { return base_.CountLeads(); }
  Result<std::vector<std::string>> LeadIdsOfAdverts(
      const std::vector<std::string>& advert_ids) const override {
    return base_.LeadIdsOfAdverts(advert_ids);
  }
  Result<std::vector<std::optional<LeadRecord>>> GetLeadBriefs(
      const std::vector<std::string>& ids) const override {
    return base_.GetLeadBriefs(ids);
  }
  Status AddToFrontier(const std::vector<FrontierEntry>& entries) override {
    return base_.AddToFrontier(entries);
  }
  Status CommitPage(const PageCommit& commit) override { return base_.CommitPage(commit); }
  Status ForEachFrontierEntry(
      const std::function<bool(const FrontierEntry&, bool)>& visit) const override {
    return base_.ForEachFrontierEntry(visit);
  }
  Status ClearFrontier() override { return base_.ClearFrontier(); }
  Status PutPage(const std::string& url, const std::string& value) override {
    return base_.PutPage(url, value);
  }
  Result<std::optional<std::string>> GetPage(const std::string& url) const override {
    return base_.GetPage(url);
  }
  Status PutMeta(const std::string& key, const std::string& value) override {
    return base_.PutMeta(key, value);
  }
  Status PutMetas(const std::vector<std::pair<std::string, std::string>>& entries) override {
    return base_.PutMetas(entries);
  }
  Status WriteMetas(const std::vector<std::pair<std::string, std::string>>& puts,
                    const std::vector<std::string>& deletes) override {
    return base_.WriteMetas(puts, deletes);
  }
  Result<std::optional<std::string>> GetMeta(const std::string& key) const override {
    return base_.GetMeta(key);
  }
  Status ForEachMeta(const std::string& prefix,
                     const std::function<bool(const std::string&, const std::string&)>& visit)
      const override {
    return base_.ForEachMeta(prefix, visit);
  }
  Status DeleteMeta(const std::string& key) override { return base_.DeleteMeta(key); }
  Status DeleteMetas(const std::vector<std::string>& keys) override {
    return base_.DeleteMetas(keys);
  }
  Status DeleteMetasIfUnchanged(
      const std::vector<std::pair<std::string, std::string>>& read) override {
    return base_.DeleteMetasIfUnchanged(read);
  }
  Status Flush() override { return base_.Flush(); }

  // Adverts whose text was read since the last call.
  size_t TakeTextReads() { return std::exchange(text_reads_, 0); }

 private:
  Store& base_;
  mutable size_t text_reads_ = 0;
};

}  // namespace plainsight::testing
