#include "store/audit_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace plainsight {

AuditLog::AuditLog(std::string store_dir) : path_(std::move(store_dir) + "/audit.log") {}

Status AuditLog::Append(const AuditEntry& entry) const {
  nlohmann::json j = {{"at", entry.at},           {"user", entry.user},
                      {"command", entry.command}, {"arguments", entry.arguments},
                      {"results", entry.results}};
  std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError(path_ + ": cannot open audit log");
  ssize_t written = ::write(fd, line.data(), line.size());
  bool synced = ::fdatasync(fd) == 0;
  ::close(fd);
  if (written != static_cast<ssize_t>(line.size()) || !synced) {
    return Status::IoError(path_ + ": audit entry not written");
  }
  return Status::OK();
}

Status AuditLog::ForEach(std::int64_t since,
                         const std::function<bool(const AuditEntry&)>& visit) const {
  std::ifstream in(path_);
  if (!in) return Status::OK();  // nothing audited yet
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    AuditEntry entry;
    try {
      auto j = nlohmann::json::parse(line);
      entry = {j.at("at").get<std::int64_t>(), j.value("user", ""), j.value("command", ""),
               j.value("arguments", ""), j.value("results", std::int64_t{0})};
    } catch (const nlohmann::json::exception&) {
      return Status::Corruption(path_ + ":" + std::to_string(number) + ": unreadable audit entry");
    }
    if (entry.at < since) continue;
    if (!visit(entry)) break;
  }
  return Status::OK();
}

}  // namespace plainsight
