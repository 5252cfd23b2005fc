#include "demo/static_site_server.h"

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "core/accept_loop.h"
#include "demo/site_files.h"

namespace plainsight::demo {

namespace {

namespace fs = std::filesystem;

// A keep-alive connection holds a worker until it closes, so this bounds
// the connections one site serves at once (the crawl uses one per host).
constexpr std::size_t kWorkers = 4;
constexpr auto kStartTimeout = std::chrono::seconds(5);
// Stop() waits for workers idling on keep-alive connections this long.
constexpr time_t kKeepAliveSeconds = 1;

void ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  for (std::size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

struct Page {
  std::string content_type;
  std::string body;
};

// Every regular file under `folder`, by its path relative to it.
Result<std::map<std::string, Page>> ReadPages(const fs::path& folder, const std::string& html_charset,
                                             const std::string& base_url) {
  std::error_code error;
  if (!fs::is_directory(folder, error)) return Status::NotFound(folder.string() + ": no such folder");
  std::map<std::string, Page> pages;
  for (fs::recursive_directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (!it->is_regular_file(error)) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    if (!in) return Status::IoError(it->path().string() + ": cannot read");
    const std::string relative = it->path().lexically_relative(folder).generic_string();
    Page page{ContentTypeFor(relative, html_charset), body.str()};
    ReplaceAll(&page.body, kBaseUrlToken, base_url);
    pages.emplace(relative, std::move(page));
  }
  if (error) return Status::IoError(folder.string() + ": " + error.message());
  return pages;
}

}  // namespace

struct StaticSiteServer::Impl {
  Impl(std::string folder_path, std::string charset)
      : folder(std::move(folder_path)), html_charset(std::move(charset)) {}

  void Serve(const httplib::Request& request, httplib::Response& response) const {
    if (request.method != "GET" && request.method != "HEAD") {
      response.status = 405;
      response.set_content("method not allowed\n", "text/plain; charset=utf-8");
      return;
    }
    const auto page = pages.find(FileForTarget(request.target));
    if (page == pages.end()) {
      response.status = 404;
      response.set_content("not found\n", "text/plain; charset=utf-8");
      return;
    }
    response.status = 200;
    response.set_content(page->second.body, page->second.content_type.c_str());
  }

  const std::string folder;
  const std::string html_charset;
  std::map<std::string, Page> pages;  // written by Start() before serving, then read-only
  httplib::Server server;
  AcceptLoop<httplib::Server> loop{server};
  int port = 0;
  std::string base_url;
};

StaticSiteServer::StaticSiteServer(std::string folder, std::string html_charset)
    : impl_(std::make_unique<Impl>(std::move(folder), std::move(html_charset))) {}

StaticSiteServer::~StaticSiteServer() { Stop(); }

Status StaticSiteServer::Start() {
  Impl& s = *impl_;
  if (s.port != 0) return Status::InvalidArgument(s.folder + ": a server starts only once");
  const int port = s.server.bind_to_any_port("127.0.0.1");
  if (port <= 0) return Status::IoError(s.folder + ": cannot bind a port on 127.0.0.1");
  s.port = port;
  s.base_url = "http://127.0.0.1:" + std::to_string(port);
  Result<std::map<std::string, Page>> pages = ReadPages(s.folder, s.html_charset, s.base_url);
  if (!pages.ok()) return pages.status();
  s.pages = std::move(pages).value();

  s.server.new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
  s.server.set_keep_alive_timeout(kKeepAliveSeconds);
  // Every method goes to Serve(), which refuses all but GET and HEAD.
  RouteEveryMethod(
      s.server, [&s](const httplib::Request& req, httplib::Response& res) { s.Serve(req, res); });
  if (!s.loop.Start(kStartTimeout)) {
    Stop();
    return Status::IoError(s.folder + ": server did not start on port " + std::to_string(port));
  }
  return Status::OK();
}

void StaticSiteServer::BeginStop() { impl_->loop.BeginStop(); }

void StaticSiteServer::Stop() {
  BeginStop();
  impl_->loop.Join();
}

int StaticSiteServer::port() const { return impl_->port; }

const std::string& StaticSiteServer::base_url() const { return impl_->base_url; }

std::size_t StaticSiteServer::page_count() const { return impl_->pages.size(); }

}  // namespace plainsight::demo
