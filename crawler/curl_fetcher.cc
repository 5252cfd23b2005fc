// Fetcher on libcurl's multi interface: one thread, many transfers.
#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>

#include "core/strings.h"
#include "crawler/address_policy.h"
#include "crawler/curl_handles.h"
#include "crawler/fetcher.h"

namespace plainsight {
namespace {

void GlobalInitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Transfer {
  FetchRequest request;
  FetchResult result;
  CurlEasy easy;
  CurlSlist headers;
  bool aborted_for_size = false;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  auto limit = static_cast<size_t>(t->request.max_body_bytes);
  size_t room = limit > t->result.body.size() ? limit - t->result.body.size() : 0;
  if (n > room) {
    // Decompressed bytes arrive here, so this bound holds for a gzip bomb
    // too; returning short makes libcurl stop the transfer at once.
    t->result.body.append(data, room);
    t->result.truncated = true;
    t->aborted_for_size = true;
    return 0;
  }
  t->result.body.append(data, n);
  return n;
}

std::string HeaderValue(const char* line, size_t n, size_t name_length) {
  std::string value(line + name_length, n - name_length);
  size_t begin = value.find_first_not_of(" \t");
  size_t end = value.find_last_not_of(" \t\r\n");
  if (begin == std::string::npos) return "";
  return value.substr(begin, end - begin + 1);
}

size_t OnHeader(char* line, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  const std::string_view header(line, n);
  if (StartsWithIgnoreCaseAscii(header, "HTTP/")) {  // a new response (after a redirect)
    t->result.etag.clear();
    t->result.last_modified.clear();
    t->result.response_headers.clear();
  }
  t->result.response_headers.append(line, n);
  if (StartsWithIgnoreCaseAscii(header, "etag:")) {
    t->result.etag = HeaderValue(line, n, 5);
  } else if (StartsWithIgnoreCaseAscii(header, "last-modified:")) {
    t->result.last_modified = HeaderValue(line, n, 14);
  }
  return n;
}

// Keeps the request headers libcurl actually sent (the last request wins,
// so after redirects it is the final one): the WARC request record.
int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) {
    auto* t = static_cast<Transfer*>(user);
    t->result.request_headers.assign(data, size);
  }
  return 0;
}

// Checked on the resolved address of every connection, redirects included,
// so neither a redirect nor DNS rebinding can reach a private target.
curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, struct curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  bool refused = IsLinkLocalAddress(&address->addr) ||
                 (!t->request.allow_private_addresses && IsPrivateAddress(&address->addr));
  if (purpose == CURLSOCKTYPE_IPCXN && refused) {
    t->result.refused_address = true;
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype, address->protocol);
}

class CurlFetcher final : public Fetcher {
 public:
  CurlFetcher() : multi_(curl_multi_init()) {
    curl_multi_setopt(multi_.get(), CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
  }

  void Start(FetchRequest request) override {
    auto transfer = std::make_unique<Transfer>();
    Transfer* t = transfer.get();
    t->request = std::move(request);
    t->result.token = t->request.token;
    t->result.url = t->request.url;
    t->easy = CurlEasy(curl_easy_init());
    CURL* e = t->easy.get();
    const FetchRequest& r = t->request;
    curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
    curl_easy_setopt(e, CURLOPT_USERAGENT, r.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, r.follow_redirects ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout_ms));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min(r.timeout_ms, 10000)));
    // A server that trickles bytes (slow loris) is dropped well before the
    // overall timeout.
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 16L);
    curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, static_cast<long>(std::max(2, std::min(r.timeout_ms / 2000, 30))));
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, OnBody);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, OnHeader);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, OnOpenSocket);
    curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, t);
    curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, OnDebug);
    curl_easy_setopt(e, CURLOPT_DEBUGDATA, t);
    curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);  // only feeds OnDebug: request headers for WARC
    if (!r.proxy.empty()) curl_easy_setopt(e, CURLOPT_PROXY, r.proxy.c_str());
    if (!r.cookies.empty()) curl_easy_setopt(e, CURLOPT_COOKIE, r.cookies.c_str());
    curl_slist* list = nullptr;
    list = curl_slist_append(list, "Accept: text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
    if (!r.if_none_match.empty()) {
      list = curl_slist_append(list, ("If-None-Match: " + r.if_none_match).c_str());
    }
    for (const std::string& header : r.headers) list = curl_slist_append(list, header.c_str());
    if (!r.if_modified_since.empty()) {
      list = curl_slist_append(list, ("If-Modified-Since: " + r.if_modified_since).c_str());
    }
    t->headers = CurlSlist(list);
    curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
    curl_multi_add_handle(multi_.get(), e);
    transfers_.emplace(e, std::move(transfer));
  }

  void Poll(std::chrono::milliseconds timeout, std::vector<FetchResult>* finished) override {
    int running = 0;
    curl_multi_perform(multi_.get(), &running);
    Collect(finished);
    if (!finished->empty()) return;
    int ready = 0;
    curl_multi_poll(multi_.get(), nullptr, 0, static_cast<int>(timeout.count()), &ready);
    curl_multi_perform(multi_.get(), &running);
    Collect(finished);
  }

  void Wakeup() override { curl_multi_wakeup(multi_.get()); }

  size_t InFlight() const override { return transfers_.size(); }

  ~CurlFetcher() override {
    for (auto& [easy, transfer] : transfers_) curl_multi_remove_handle(multi_.get(), easy);
    transfers_.clear();
  }

 private:
  void Collect(std::vector<FetchResult>* finished) {
    int left = 0;
    while (CURLMsg* message = curl_multi_info_read(multi_.get(), &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* e = message->easy_handle;
      auto it = transfers_.find(e);
      if (it == transfers_.end()) continue;
      Transfer* t = it->second.get();
      FetchResult& result = t->result;
      CURLcode code = message->data.result;
      long status = 0;
      curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
      char* content_type = nullptr;
      curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &content_type);
      if (content_type != nullptr) result.content_type = content_type;
      char* final_url = nullptr;
      curl_easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &final_url);
      result.final_url = final_url != nullptr ? final_url : result.url;
      curl_off_t retry_after = 0;
      if (curl_easy_getinfo(e, CURLINFO_RETRY_AFTER, &retry_after) == CURLE_OK && retry_after > 0) {
        result.retry_after_seconds = static_cast<std::int64_t>(retry_after);
      }
      char* redirect = nullptr;
      if (curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &redirect) == CURLE_OK && redirect != nullptr) {
        result.redirect_url = redirect;
      }
      char* ip = nullptr;
      if (curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip != nullptr) {
        result.ip_address = ip;
      }
      double seconds = 0;
      curl_easy_getinfo(e, CURLINFO_TOTAL_TIME, &seconds);
      result.seconds = seconds;
      if (code == CURLE_OK || (code == CURLE_WRITE_ERROR && t->aborted_for_size)) {
        result.status = status;
      } else if (result.refused_address) {
        result.error = "refused: private, loopback or link-local address";
      } else {
        result.error = curl_easy_strerror(code);
        if (code == CURLE_TOO_MANY_REDIRECTS) result.error = "too many redirects (limit 5)";
      }
      curl_multi_remove_handle(multi_.get(), e);
      finished->push_back(std::move(result));
      transfers_.erase(it);
    }
  }

  CurlMulti multi_;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers_;
};

}  // namespace

std::unique_ptr<Fetcher> NewCurlFetcher() {
  GlobalInitOnce();
  return std::make_unique<CurlFetcher>();
}

}  // namespace plainsight
