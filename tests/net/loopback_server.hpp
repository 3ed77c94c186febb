#pragma once
// A cpp-httplib server on 127.0.0.1 (any free port) for the network tests: register routes,
// start(), point the code under test at base_url(), then look at what it received.
// Shared by tests/net, tests/crossref and tests/hal (header only: each test folder is its own
// executable). Nothing here touches the internet.

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace litrev::test {

// What the server saw of one request.
struct ReceivedRequest {
  std::string path;    // decoded path: "/works/10.1371/journal.pone.0033693"
  std::string target;  // as sent, with the raw query
  httplib::Params params;  // decoded query parameters
  httplib::Headers headers;
  std::chrono::steady_clock::time_point at;

  std::string param(const std::string& name) const {
    const auto it = params.find(name);
    return it == params.end() ? std::string{} : it->second;
  }
  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string{} : it->second;
  }
};

class LoopbackServer {
 public:
  LoopbackServer() {
    // Recorded before any handler runs, so a handler that sleeps or fails is still seen.
    server_.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response&) {
      std::lock_guard lock(mutex_);
      received_.push_back({req.path, req.target, req.params, req.headers, std::chrono::steady_clock::now()});
      return httplib::Server::HandlerResponse::Unhandled;
    });
  }
  ~LoopbackServer() { stop(); }
  LoopbackServer(const LoopbackServer&) = delete;
  LoopbackServer& operator=(const LoopbackServer&) = delete;

  httplib::Server& http() { return server_; }

  void start() {
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ <= 0) throw std::runtime_error("loopback server: cannot bind 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    for (int i = 0; i < 500 && !server_.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }

  void stop() {
    if (thread_.joinable()) {
      server_.stop();
      thread_.join();
    }
  }

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

  std::vector<ReceivedRequest> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }
  std::size_t count() const {
    std::lock_guard lock(mutex_);
    return received_.size();
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<ReceivedRequest> received_;
};

inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The response headers Crossref sent with the 2026 recordings (fixtures/README.md).
inline void crossref_headers(httplib::Response& res, const std::string& pool, int limit, int concurrency) {
  res.set_header("x-api-pool", pool);
  res.set_header("x-rate-limit-limit", std::to_string(limit));
  res.set_header("x-rate-limit-interval", "1s");
  if (concurrency > 0) res.set_header("x-concurrency-limit", std::to_string(concurrency));
}

}  // namespace litrev::test
