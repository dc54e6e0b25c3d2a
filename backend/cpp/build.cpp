//===- build.cpp - Compiling the generated project -------------------------===//
// cmake -G Ninja (once per project directory) and ninja (parallel over the
// translation units; ccache through the generated CMakeLists). The
// compiler's output is returned on failure so the driver can show it.
//===----------------------------------------------------------------------===//
#include "backend/cpp/emit.h"

#include <cstdio>
#include <filesystem>
#include <sys/wait.h>

namespace lathe::cpp {

namespace fs = std::filesystem;

namespace {

/// Runs a shell command; returns its exit status and combined output.
int run(const std::string &cmd, std::string &output) {
  FILE *p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) output.append(buf, n);
  int st = pclose(p);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::string quote(const std::string &s) {
  std::string r = "'";
  for (char c : s) r += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return r + "'";
}

} // namespace

std::string buildProject(const std::string &dir, const std::string &output, int opt) {
  fs::path build = fs::path(dir) / "build";
  // -O2, with g++'s limit for inlining functions not declared inline
  // raised from 15 to 40 insns: RPy methods are many small functions
  // (accessors, list helpers inlined into them) that -O2 leaves as calls;
  // measured 20% faster on the BF interpreter (docs/translation.md). And
  // no jump crossing or ending at a 32-byte boundary (the assembler pads):
  // on Intel cores with the JCC erratum's microcode fix, such a jump in a
  // hot loop keeps it out of the decoded-instruction cache — the same
  // interpreter loop ran 45% slower in one binary than in another, by
  // where the linker happened to place it (docs/translation.md).
  std::string optFlags = opt == 0 ? "-O0" : kLatheOptFlags;
  std::string out;
  bool configured = fs::exists(build / "build.ninja");
  if (configured) {
    // Reconfigure only when the optimisation level changed.
    std::string cache;
    run("grep '^LATHE_OPT:' " + quote((build / "CMakeCache.txt").string()), cache);
    if (cache.find("=" + optFlags) == std::string::npos) configured = false;
  }
  if (!configured) {
    std::string cmd = "cmake -S " + quote(dir) + " -B " + quote(build.string()) +
                      " -G Ninja -DCMAKE_BUILD_TYPE=None -DLATHE_OPT=" + quote(optFlags);
    if (run(cmd, out) != 0) return "configuring the generated C++ project failed:\n" + out;
  }
  out.clear();
  if (run("ninja -C " + quote(build.string()), out) != 0)
    return "compiling the generated C++ failed:\n" + out;
  std::error_code ec;
  fs::path exe = build / "program";
  fs::path dest = fs::absolute(output);
  fs::remove(dest, ec);
  fs::copy_file(exe, dest, fs::copy_options::overwrite_existing, ec);
  if (ec) return "cannot write " + output + ": " + ec.message();
  return {};
}

} // namespace lathe::cpp
