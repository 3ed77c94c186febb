#include "importers/net/http_client.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <stdexcept>
#include <utility>

#include "importers/net/url.hpp"
#include "src/core/text.hpp"

namespace litrev {
namespace {

using Clock = std::chrono::steady_clock;

// ---- RAII over libcurl's handles -----------------------------------------------------------

void ensure_curl_global() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Never cleaned up: libcurl's global state lives as long as the process, as its docs allow.
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("libcurl initialisation failed");
  });
}

struct MultiDeleter {
  void operator()(CURLM* m) const { curl_multi_cleanup(m); }
};
using MultiHandle = std::unique_ptr<CURLM, MultiDeleter>;

struct EasyDeleter {
  void operator()(CURL* e) const { curl_easy_cleanup(e); }
};
using EasyHandle = std::unique_ptr<CURL, EasyDeleter>;

struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using SlistHandle = std::unique_ptr<curl_slist, SlistDeleter>;

// One attempt of one request: the easy handle, its buffers, and its membership in the multi
// handle, which it leaves in its destructor (also when a completion callback throws).
struct Transfer {
  std::size_t index = 0;
  int attempt = 1;
  CURLM* multi = nullptr;
  EasyHandle easy;
  SlistHandle request_headers;
  std::string body;
  HttpHeaders headers;
  char error_buffer[CURL_ERROR_SIZE] = {};
  std::size_t max_body = 0;
  bool too_large = false;
  long status = 0;              // of the response whose headers are arriving
  std::string refused_redirect;  // why the transfer was stopped at a redirect

  Transfer() = default;
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;
  ~Transfer() {
    if (multi && easy) curl_multi_remove_handle(multi, easy.get());
  }
};

extern "C" std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::size_t n = size * count;
  if (t->body.size() + n > t->max_body) {  // returning less than n makes libcurl stop
    t->too_large = true;
    return 0;
  }
  t->body.append(data, n);
  return n;
}

// Why a redirect from `from` to `location` is not followed, or empty when it may be: only
// http(s), never from https down to http, and only on the same host.
std::string redirect_refusal(const std::string& from, const std::string& location) {
  struct UrlDeleter {
    void operator()(CURLU* u) const { curl_url_cleanup(u); }
  };
  auto part = [](CURLU* u, CURLUPart what) {
    char* text = nullptr;
    std::string out;
    if (curl_url_get(u, what, &text, 0) == CURLUE_OK && text) out = ascii_lower(text);
    curl_free(text);
    return out;
  };
  std::unique_ptr<CURLU, UrlDeleter> source(curl_url()), target(curl_url());
  if (!source || !target || curl_url_set(source.get(), CURLUPART_URL, from.c_str(), 0) != CURLUE_OK)
    return "cannot read the request URL";
  // Setting a URL on a handle that holds one resolves it as a relative reference.
  curl_url_set(target.get(), CURLUPART_URL, from.c_str(), 0);
  if (curl_url_set(target.get(), CURLUPART_URL, location.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return "unreadable Location: " + location;
  const std::string scheme = part(target.get(), CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") return "to a " + scheme + ": URL (" + location + ")";
  if (part(source.get(), CURLUPART_SCHEME) == "https" && scheme == "http") return "from https down to http (" + location + ")";
  if (part(target.get(), CURLUPART_HOST) != part(source.get(), CURLUPART_HOST))
    return "to another host (" + location + ")";
  return {};
}

extern "C" std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const std::string_view line(data, size * count);
  if (line.starts_with("HTTP/")) {
    t->headers.clear();  // a new response in a redirect chain (or after 100 Continue)
    const auto space = line.find(' ');
    t->status = space == std::string_view::npos ? 0 : std::strtol(std::string(line.substr(space + 1, 3)).c_str(), nullptr, 10);
  } else if (const auto colon = line.find(':'); colon != std::string_view::npos) {
    t->headers.push_back({ascii_lower(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
    if (t->status >= 300 && t->status < 400 && t->headers.back().name == "location") {
      char* current = nullptr;
      curl_easy_getinfo(t->easy.get(), CURLINFO_EFFECTIVE_URL, &current);
      t->refused_redirect = redirect_refusal(current ? current : "", t->headers.back().value);
      if (!t->refused_redirect.empty()) return 0;  // stops the transfer before it follows
    }
  }
  return size * count;
}

HttpErrorKind classify(CURLcode code) {
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT: return HttpErrorKind::timeout;
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_BAD_CONTENT_ENCODING: return HttpErrorKind::truncated;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION: return HttpErrorKind::connect;
    default: return HttpErrorKind::transport;
  }
}

// A short human description of an error answer's body for the final report: the first line
// of a plain-text body, else its media type.
std::string body_summary(const HttpResponse& r) {
  const std::string type = r.content_type();
  if (type == "text/plain") {
    std::string_view first = r.body;
    if (const auto nl = first.find('\n'); nl != std::string_view::npos) first = first.substr(0, nl);
    return std::string(trim(first.substr(0, 200)));
  }
  return type.empty() ? std::string{} : type + " body";
}

struct Pending {
  std::size_t index = 0;
  int attempt = 1;
  Clock::time_point not_before{};
};

}  // namespace

struct HttpClient::Impl {
  HttpClientOptions options;
  MultiHandle multi;
  RateLimiter limiter;
  HttpStats stats;
  std::optional<ResponseCache> cache;
  std::mt19937_64 rng;

  explicit Impl(HttpClientOptions opts) : options(std::move(opts)), limiter(options.rate) {
    ensure_curl_global();
    multi.reset(curl_multi_init());
    if (!multi) throw std::runtime_error("curl_multi_init failed");
    // Keep a few idle connections per host between calls; the limiter bounds how many are busy.
    curl_multi_setopt(multi.get(), CURLMOPT_MAXCONNECTS, 16L);
    if (options.cache_mode != CacheMode::disabled && !options.cache_dir.empty()) cache.emplace(options.cache_dir);
    rng.seed(options.jitter_seed != 0 ? options.jitter_seed : std::random_device{}());
  }

  double jitter() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng); }

  bool cancelled() const { return options.cancelled && options.cancelled(); }

  std::unique_ptr<Transfer> start(const HttpRequest& request, const Pending& p) {
    auto t = std::make_unique<Transfer>();
    t->index = p.index;
    t->attempt = p.attempt;
    t->easy.reset(curl_easy_init());
    if (!t->easy) return nullptr;
    CURL* e = t->easy.get();
    t->max_body = options.max_body_bytes;
    std::string url = request.url;
    for (const auto& [name, value] : request.secret_params)
      url += (url.find('?') == std::string::npos ? "?" : "&") + encode_query_value(name) + "=" + encode_query_value(value);
    curl_easy_setopt(e, CURLOPT_URL, url.c_str());  // libcurl keeps its own copy
    // Refused at once when the answer announces its size (Content-Length); on_body counts the rest.
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.max_body_bytes));
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can undo (gzip...)
    curl_easy_setopt(e, CURLOPT_USERAGENT, options.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options.total_timeout.count()));
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t.get());
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t.get());
    curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->error_buffer);
    curl_easy_setopt(e, CURLOPT_PRIVATE, t.get());
    curl_slist* list = nullptr;
    for (const auto& [name, value] : request.headers) {
      const std::string line = name + ": " + value;
      curl_slist* next = curl_slist_append(list, line.c_str());
      if (!next) break;
      list = next;
    }
    t->request_headers.reset(list);
    if (list) curl_easy_setopt(e, CURLOPT_HTTPHEADER, list);
    if (curl_multi_add_handle(multi.get(), e) != CURLM_OK) return nullptr;
    t->multi = multi.get();
    return t;
  }

  void fetch_all(std::span<const HttpRequest> requests, const Completion& on_done);
};

void HttpClient::Impl::fetch_all(std::span<const HttpRequest> requests, const Completion& on_done) {
  std::deque<Pending> ready;
  std::vector<Pending> delayed;
  std::map<CURL*, std::unique_ptr<Transfer>> active;

  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (cache && options.cache_mode != CacheMode::refresh) {
      if (auto hit = cache->load(cache_key(requests[i]))) {
        ++stats.cache_hits;
        hit->url = requests[i].url;
        on_done(i, std::move(*hit));
        continue;
      }
    }
    if (options.cache_mode == CacheMode::offline) {
      ++stats.offline_misses;
      on_done(i, std::unexpected(HttpError{requests[i].url, HttpErrorKind::offline_miss, 0, {}, 0}));
      continue;
    }
    ready.push_back({i, 1, {}});
  }

  // Results wait here until the requests they made room for have been started: the caller's
  // callback (parsing a page, writing a store transaction) then overlaps with the network.
  std::vector<std::pair<std::size_t, HttpResult>> finished;

  auto finish_transport_error = [&](const Transfer& t, CURLcode code) {
    const HttpRequest& req = requests[t.index];
    limiter.on_failure(req.rate_class);
    ++stats.transport_errors;
    // Answers the server meant (too large, a redirect we refuse) are not retried: the next
    // attempt would get the same.
    if (t.too_large || code == CURLE_FILESIZE_EXCEEDED) {
      finished.emplace_back(t.index, std::unexpected(HttpError{req.url, HttpErrorKind::too_large, t.status,
                                                               "larger than the limit of " +
                                                                   std::to_string(options.max_body_bytes >> 20) + " MB",
                                                               t.attempt}));
      return;
    }
    const bool redirecting = t.status >= 300 && t.status < 400;
    if (!t.refused_redirect.empty() || code == CURLE_TOO_MANY_REDIRECTS ||
        (code == CURLE_UNSUPPORTED_PROTOCOL && redirecting)) {
      std::string why = !t.refused_redirect.empty()               ? t.refused_redirect
                        : code == CURLE_TOO_MANY_REDIRECTS ? "more than 5 redirects"
                                                                   : std::string(t.error_buffer);
      finished.emplace_back(t.index, std::unexpected(HttpError{req.url, HttpErrorKind::redirect, t.status,
                                                               std::move(why), t.attempt}));
      return;
    }
    const HttpErrorKind kind = classify(code);
    if (t.attempt - 1 < options.retry.max_transport_retries) {
      ++stats.retries;
      const auto delay = backoff_delay(options.retry, t.attempt, jitter());
      delayed.push_back({t.index, t.attempt + 1, Clock::now() + delay});
      return;
    }
    std::string message = t.error_buffer[0] ? std::string(t.error_buffer) : std::string(curl_easy_strerror(code));
    if (kind == HttpErrorKind::timeout)
      message = "no complete answer within " + std::to_string(options.total_timeout.count()) + " ms (" + message + ")";
    finished.emplace_back(t.index, std::unexpected(HttpError{req.url, kind, 0, std::move(message), t.attempt}));
  };

  auto finish_answer = [&](Transfer& t) {
    const HttpRequest& req = requests[t.index];
    long status = 0;
    curl_easy_getinfo(t.easy.get(), CURLINFO_RESPONSE_CODE, &status);
    const auto now = Clock::now();
    limiter.on_response(req.rate_class, status, t.headers);
    ++stats.responses;
    stats.bytes_received += t.body.size();
    if (status == 429) ++stats.responses_429;
    if (status >= 500) ++stats.responses_5xx;

    HttpResponse response;
    response.url = req.url;
    response.status = status;
    response.headers = std::move(t.headers);
    response.body = std::move(t.body);
    response.attempts = t.attempt;

    if (is_retryable_status(status) && !(req.final_answer && req.final_answer(response))) {
      const auto retry_after = parse_retry_after(response.header("retry-after"), std::chrono::system_clock::now());
      if (t.attempt - 1 < options.retry.max_retries) {
        ++stats.retries;
        const auto delay = retry_delay(options.retry, t.attempt, retry_after, jitter());
        // Too many requests / overloaded: the whole class waits, not only this request.
        if (status == 429 || status == 503) limiter.pause_until(req.rate_class, now + delay);
        delayed.push_back({t.index, t.attempt + 1, now + delay});
        return;
      }
      finished.emplace_back(t.index, std::unexpected(HttpError{req.url, HttpErrorKind::retries_exhausted, status,
                                                               body_summary(response), t.attempt}));
      return;
    }
    if (cache && options.cache_mode != CacheMode::offline) cache->store(cache_key(req), response);
    finished.emplace_back(t.index, std::move(response));
  };

  auto start_ready = [&](Clock::time_point now) {
    while (!ready.empty() && limiter.may_start(requests[ready.front().index].rate_class, now)) {
      const Pending p = ready.front();
      ready.pop_front();
      const HttpRequest& req = requests[p.index];
      auto t = start(req, p);
      if (!t) {
        finished.emplace_back(p.index, std::unexpected(HttpError{req.url, HttpErrorKind::transport, 0,
                                                                 "cannot create a transfer", p.attempt}));
        continue;
      }
      limiter.on_start(req.rate_class, now);
      ++stats.requests_sent;
      CURL* key = t->easy.get();
      active.emplace(key, std::move(t));
    }
  };

  while (!ready.empty() || !delayed.empty() || !active.empty() || !finished.empty()) {
    if (cancelled()) {
      // `active` goes out of scope: its handles leave the multi handle and close.
      for (const auto& [easy, t] : active) limiter.on_failure(requests[t->index].rate_class);
      return;
    }
    auto now = Clock::now();
    // Retries whose wait is over join the queue first: they are the oldest work.
    std::stable_partition(delayed.begin(), delayed.end(), [&](const Pending& p) { return p.not_before > now; });
    while (!delayed.empty() && delayed.back().not_before <= now) {
      ready.push_front(delayed.back());
      delayed.pop_back();
    }
    start_ready(now);
    int running = 0;
    curl_multi_perform(multi.get(), &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi.get(), &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      auto it = active.find(msg->easy_handle);
      if (it == active.end()) continue;
      std::unique_ptr<Transfer> t = std::move(it->second);
      active.erase(it);
      const CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi.get(), t->easy.get());
      t->multi = nullptr;
      if (code == CURLE_OK) finish_answer(*t);
      else finish_transport_error(*t, code);
    }
    if (!finished.empty()) {
      start_ready(Clock::now());
      curl_multi_perform(multi.get(), &running);  // send the new requests before the callbacks run
      for (auto& [index, result] : std::exchange(finished, {})) on_done(index, std::move(result));
      if (cancelled()) continue;
    }
    if (ready.empty() && delayed.empty() && active.empty()) break;

    // Sleep until a socket is ready, a retry is due or the limiter lets the next request go.
    now = Clock::now();
    auto wait = std::chrono::milliseconds(200);
    if (!ready.empty()) {
      if (const auto at = limiter.next_start(requests[ready.front().index].rate_class, now))
        wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(*at - now));
    }
    for (const auto& p : delayed) wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(p.not_before - now));
    if (wait.count() <= 0) continue;
    if (!active.empty()) {
      long curl_wait = -1;
      curl_multi_timeout(multi.get(), &curl_wait);
      if (curl_wait >= 0) wait = std::min(wait, std::chrono::milliseconds(curl_wait));
    }
    if (wait.count() > 0) curl_multi_poll(multi.get(), nullptr, 0, static_cast<int>(wait.count()), nullptr);
  }
}

HttpClient::HttpClient(HttpClientOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
HttpClient::~HttpClient() = default;

HttpResult HttpClient::get(const HttpRequest& request) {
  std::optional<HttpResult> out;
  impl_->fetch_all(std::span<const HttpRequest>(&request, 1), [&](std::size_t, HttpResult r) { out = std::move(r); });
  if (!out) return std::unexpected(HttpError{request.url, HttpErrorKind::transport, 0, "cancelled", 0});
  return std::move(*out);
}

void HttpClient::fetch_all(std::span<const HttpRequest> requests, const Completion& on_done) {
  impl_->fetch_all(requests, on_done);
}

const HttpStats& HttpClient::stats() const { return impl_->stats; }
const RateLimiter& HttpClient::limiter() const { return impl_->limiter; }
void HttpClient::document_limits(const std::string& rate_class, RateLimits limits) { impl_->limiter.document(rate_class, limits); }
const HttpClientOptions& HttpClient::options() const { return impl_->options; }

}  // namespace litrev
