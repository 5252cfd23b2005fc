// RAII holders for libcurl's C handles: copy deleted, move noexcept.
#pragma once

#include <curl/curl.h>

#include <utility>

namespace plainsight {

template <typename Handle, void (*Free)(Handle*)>
class CurlHandle {
 public:
  CurlHandle() = default;
  explicit CurlHandle(Handle* handle) : handle_(handle) {}
  CurlHandle(const CurlHandle&) = delete;
  CurlHandle& operator=(const CurlHandle&) = delete;
  CurlHandle(CurlHandle&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
  CurlHandle& operator=(CurlHandle&& other) noexcept {
    if (this != &other) {
      reset();
      handle_ = std::exchange(other.handle_, nullptr);
    }
    return *this;
  }
  ~CurlHandle() { reset(); }

  Handle* get() const { return handle_; }
  explicit operator bool() const { return handle_ != nullptr; }
  void reset() {
    if (handle_ != nullptr) Free(handle_);
    handle_ = nullptr;
  }

 private:
  Handle* handle_ = nullptr;
};

inline void FreeEasy(CURL* h) { curl_easy_cleanup(h); }
inline void FreeMulti(CURLM* h) { curl_multi_cleanup(h); }
inline void FreeSlist(curl_slist* h) { curl_slist_free_all(h); }

using CurlEasy = CurlHandle<CURL, FreeEasy>;
using CurlMulti = CurlHandle<CURLM, FreeMulti>;
using CurlSlist = CurlHandle<curl_slist, FreeSlist>;

}  // namespace plainsight
