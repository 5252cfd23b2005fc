// What the demo tests share: a scratch folder that removes itself, files
// written into it, and one HTTP request to a server on 127.0.0.1.
#pragma once

#include <httplib.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace plainsight::demo::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "plainsight-demo-test-XXXXXX").string();
    if (::mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Writes `bytes` to dir/relative, creating the folders on the way.
inline void WriteFile(const std::string& dir, const std::string& relative, const std::string& bytes) {
  const std::filesystem::path path = std::filesystem::path(dir) / relative;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

struct Reply {
  int status = 0;  // 0: no answer
  std::string content_type;
  std::string body;
};

// One request with a new connection; the target goes out as written.
inline Reply Fetch(int port, const std::string& target, const std::string& method = "GET") {
  httplib::Client client("127.0.0.1", port);
  client.set_url_encode(false);
  client.set_connection_timeout(5);
  client.set_read_timeout(5);
  httplib::Result result = method == "HEAD" ? client.Head(target.c_str())
                           : method == "POST" ? client.Post(target.c_str())
                                              : client.Get(target.c_str());
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.content_type = result->get_header_value("Content-Type");
  reply.body = result->body;
  return reply;
}

}  // namespace plainsight::demo::testing
