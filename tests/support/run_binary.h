// Runs the real plainsight binary for end-to-end tests and captures its
// exit code, stdout and stderr. Header-only so any test suite can use it.
#pragma once

#include <atomic>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace plainsight::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// `args` excludes argv[0]. stdin is /dev/null unless `stdin_path` is given.
// `started`, when given, receives the child's pid as soon as it runs (for a
// test that kills it from another thread).
inline RunResult RunPlainsight(const std::vector<std::string>& args,
                               const std::string& stdin_path = "/dev/null",
                               std::atomic<pid_t>* started = nullptr) {
  namespace fs = std::filesystem;
  std::string tmpl = (fs::temp_directory_path() / "plainsight-run-XXXXXX").string();
  std::string dir = ::mkdtemp(tmpl.data());
  std::string out_path = dir + "/out", err_path = dir + "/err";
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  std::vector<std::string> argv_storage = {PLAINSIGHT_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  RunResult result;
  if (posix_spawn(&pid, PLAINSIGHT_BINARY, &actions, nullptr, argv.data(), environ) == 0) {
    if (started != nullptr) started->store(pid);
    int status = 0;
    waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  fs::remove_all(dir);
  return result;
}

}  // namespace plainsight::testing
