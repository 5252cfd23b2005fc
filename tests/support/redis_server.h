// Test fixture: a real redis-server, started as a child process on a free
// loopback port with its own temp dir, append-only file on and fsynced on
// every write (so Kill() loses nothing that was acknowledged) and RDB
// snapshots off. Restart() reuses the port and dir, so Redis reloads the AOF
// and clients see the same data at the same address.
//
// Use through StartRedisOrWarn(): when redis-server is not installed it WARNs
// and returns nullptr and the test returns early (scripts/install-test-tools
// installs it, so CI always runs these tests).
//
// The child gets SIGKILL if the test process dies (PR_SET_PDEATHSIG), so a
// crashed test leaves no server behind; the destructor kills the server and
// removes the dir. Header-only; not thread-safe; one object per server.
#pragma once

#include <catch2/catch.hpp>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace plainsight::testing {

// A loopback TCP port nothing listens on now (bound, then released).
inline int FreeLoopbackPort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

class RedisServer {
 public:
  // The redis-server on PATH, or "" when there is none.
  static std::string Binary() {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin");
    for (std::string dir; std::getline(dirs, dir, ':');) {
      std::string candidate = dir + "/redis-server";
      if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return "";
  }

  RedisServer() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "plainsight-redis-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
  }
  ~RedisServer() {
    Kill();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }
  RedisServer(const RedisServer&) = delete;
  RedisServer& operator=(const RedisServer&) = delete;

  // On a fresh free port; a few tries, since another process may take the
  // port between our probe and Redis binding it. Returns "" or what failed.
  std::string Start() {
    std::string error;
    for (int attempt = 0; attempt < 3; ++attempt) {
      port_ = FreeLoopbackPort();
      error = Launch();
      if (error.empty()) return "";
    }
    return error;
  }
  // SIGTERM (Redis flushes and exits), SIGKILL if it lingers past 5 s.
  void Stop() { Signal(SIGTERM); }
  // A crash: no shutdown work at all.
  void Kill() { Signal(SIGKILL); }
  // Stops it if running, then starts it again on the same port and dir.
  std::string Restart() {
    Stop();
    return Launch();
  }

  int port() const { return port_; }
  std::string Url(int db = 0) const {
    return "redis://127.0.0.1:" + std::to_string(port_) + "/" + std::to_string(db);
  }
  bool running() const { return pid_ > 0; }

 private:
  std::string Launch() {
    const std::string binary = Binary();
    if (binary.empty()) return "redis-server is not on PATH";
    std::vector<std::string> args = {binary, "--port", std::to_string(port_), "--bind", "127.0.0.1",
                                     "--save", "", "--appendonly", "yes", "--appendfsync", "always",
                                     "--dir", dir_, "--daemonize", "no"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    const std::string log = dir_ + "/redis.log";
    int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    pid_t pid = ::fork();
    if (pid == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      ::dup2(log_fd, 1);
      ::dup2(log_fd, 2);
      ::close_range(3, ~0U, 0);  // the test's own sockets stay the test's
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(log_fd);
    if (pid < 0) return std::string("fork failed: ") + std::strerror(errno);
    pid_ = pid;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return "redis-server on port " + std::to_string(port_) + " exited at start: " + Slurp(log);
      }
      if (AnswersPing()) return "";
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    Kill();
    return "redis-server on port " + std::to_string(port_) + " did not answer PING in 5 s: " +
           Slurp(log);
  }

  // +PONG, not -LOADING: a restarted server answers only once the AOF is in.
  bool AnswersPing() const {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port_));
    timeval wait{0, 200000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    char reply[16] = {};
    bool pong = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                ::send(fd, "PING\r\n", 6, MSG_NOSIGNAL) == 6 &&
                ::recv(fd, reply, sizeof reply - 1, 0) > 0 && std::strncmp(reply, "+PONG", 5) == 0;
    ::close(fd);
    return pong;
  }

  void Signal(int signal) {
    if (pid_ <= 0) return;
    ::kill(pid_, signal);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    int status = 0;
    while (::waitpid(pid_, &status, WNOHANG) == 0) {
      if (std::chrono::steady_clock::now() > deadline) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, &status, 0);
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    pid_ = -1;
  }

  static std::string Slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }

  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

// The started server, or nullptr (after a WARN) when redis-server is missing.
inline std::unique_ptr<RedisServer> StartRedisOrWarn() {
  if (RedisServer::Binary().empty()) {
    WARN("redis-server is not installed, so this test checks nothing; "
         "scripts/install-test-tools installs it");
    return nullptr;
  }
  auto server = std::make_unique<RedisServer>();
  const std::string error = server->Start();
  INFO(error);
  REQUIRE(error.empty());
  return server;
}

}  // namespace plainsight::testing
