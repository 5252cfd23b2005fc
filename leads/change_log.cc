#include "leads/change_log.h"

#include "store/meta_keys.h"

namespace plainsight {

Result<ChangeLog> ReadChangeLog(const Store& store) {
  ChangeLog log;
  const std::string prefix = meta_keys::kChanged;
  Status s = store.ForEachMeta(prefix, [&](const std::string& key, const std::string& how) {
    log.advert_ids.push_back(key.substr(prefix.size()));
    ++log.by_kind[meta_keys::ChangeKind(how)];
    log.entries.emplace_back(key, how);
    return true;
  });
  if (!s.ok()) return s;
  return log;
}

Status ClearChangeLog(Store& store, const ChangeLog& log) {
  if (log.entries.empty()) return Status::OK();
  return store.DeleteMetasIfUnchanged(log.entries);
}

}  // namespace plainsight
