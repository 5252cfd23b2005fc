// RAII holders for libcurl's C handles: std::unique_ptr with the handle's
// cleanup call as deleter, so copy is deleted and move is noexcept. One
// holder per owner; not shared between threads.
#pragma once

#include <curl/curl.h>

#include <memory>

namespace plainsight {

// Deleter that hands a libcurl handle to its cleanup function `Free`.
template <auto Free>
struct CurlFree {
  template <typename Handle>
  void operator()(Handle* handle) const {
    Free(handle);
  }
};

using CurlEasy = std::unique_ptr<CURL, CurlFree<curl_easy_cleanup>>;
using CurlMulti = std::unique_ptr<CURLM, CurlFree<curl_multi_cleanup>>;
using CurlSlist = std::unique_ptr<curl_slist, CurlFree<curl_slist_free_all>>;

}  // namespace plainsight
