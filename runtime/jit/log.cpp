//===- log.cpp - LATHE_LOG parsing, the log sink, the summary -------------===//
// One process-wide sink: stderr or a file opened once in append mode,
// flushed and closed by an atexit handler. See log.h for the syntax.
//===----------------------------------------------------------------------===//
#include "jit/log.h"
#include <cerrno>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace lathe::jit {

namespace detail {
uint32_t gLogMask = 0;
}

namespace {

constexpr const char* kCatNames[] = {
#define X(NAME, text) text,
    LATHE_LOG_CATEGORIES(X)
#undef X
};

constexpr const char* kAbortNames[] = {
#define TRACEABORT(NAME, text) text,
#include "jit/aborts.def"
#undef TRACEABORT
};

FILE* gLogFile = nullptr;  // null: stderr
bool gAtExitRegistered = false;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

/// The categories `item` names: itself, or those it is a '-'-bounded prefix of.
uint32_t matchCategories(std::string_view item) {
  uint32_t bits = 0;
  for (unsigned k = 0; k < kNumLogCats; k++) {
    std::string_view name = kCatNames[k];
    if (name == item || (name.size() > item.size() && name.substr(0, item.size()) == item &&
                         name[item.size()] == '-'))
      bits |= uint32_t{1} << k;
  }
  return bits;
}

void write(std::string_view text) {
  FILE* f = gLogFile ? gLogFile : stderr;
  std::fwrite(text.data(), 1, text.size(), f);
}

void closeAtExit() { closeLog(); }

}  // namespace

const char* logCatName(LogCat c) { return kCatNames[static_cast<unsigned>(c)]; }
const char* abortReasonName(AbortReason r) { return kAbortNames[static_cast<unsigned>(r)]; }

bool parseLogSpec(const char* text, LogSpec& out, std::string& error) {
  std::string_view s = text ? text : "";
  if (trim(s).empty()) {
    out = LogSpec{};
    return true;
  }
  LogSpec spec;
  size_t colon = s.find(':');
  if (colon != std::string_view::npos) {
    std::string_view file = trim(s.substr(colon + 1));
    if (file.empty()) {
      error = "empty file name after ':'";
      return false;
    }
    if (file != "-") spec.file = std::string(file);
    s = s.substr(0, colon);
  }
  if (trim(s).empty()) {
    error = "no category before ':'";
    return false;
  }
  for (unsigned itemNo = 1;; itemNo++) {
    size_t comma = s.find(',');
    std::string_view item = trim(s.substr(0, comma));
    uint32_t bits = item.empty() ? 0 : matchCategories(item);
    if (bits == 0) {
      error = "item " + std::to_string(itemNo) + " '" + std::string(item) + "': ";
      if (item.empty()) {
        error += "empty item";
      } else {
        error += "unknown category (categories:";
        for (const char* name : kCatNames) error += std::string(" ") + name;
        error += "; or a prefix such as 'jit')";
      }
      return false;
    }
    spec.cats |= bits;
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  out = spec;
  return true;
}

bool configureLog(const LogSpec& spec, std::string& error) {
  closeLog();
  if (!spec.file.empty()) {
    gLogFile = std::fopen(spec.file.c_str(), "a");
    if (!gLogFile) {
      error = "cannot open log file '" + spec.file + "': " + std::strerror(errno);
      return false;
    }
    if (!gAtExitRegistered) {
      std::atexit(closeAtExit);
      gAtExitRegistered = true;
    }
  }
  detail::gLogMask = spec.cats;
  return true;
}

bool initLogFromEnv(std::string& error) {
  static bool done = false;
  if (done) return true;
  done = true;
  LogSpec spec;
  std::string why;
  if (!parseLogSpec(std::getenv("LATHE_LOG"), spec, why) || !configureLog(spec, why)) {
    error = "LATHE_LOG: " + why;
    return false;
  }
  return true;
}

void flushLog() { std::fflush(gLogFile ? gLogFile : stderr); }

void closeLog() {
  detail::gLogMask = 0;
  if (gLogFile) std::fclose(gLogFile);
  gLogFile = nullptr;
}

void logLine(LogCat c, std::string_view text) {
  if (!logEnabled(c)) return;
  if (text.empty() || text.back() != '\n') {
    write(std::string(text) + "\n");  // one write: lines stay whole on stderr
  } else {
    write(text);
  }
}

std::string sectionText(LogCat c, std::string_view text) {
  std::string s = "{" + std::string(logCatName(c)) + "\n";
  s += text;
  if (!text.empty() && text.back() != '\n') s += "\n";
  return s + logCatName(c) + "}\n";
}

void logSection(LogCat c, std::string_view text) {
  if (logEnabled(c)) write(sectionText(c, text));
}

uint64_t JitSummary::totalAborts() const {
  uint64_t n = 0;
  for (uint64_t a : aborts) n += a;
  return n;
}

namespace {
/// "label:" padded to a fixed column, then the value.
void row(std::string& out, const char* label, const char* value) {
  char buf[128];
  std::snprintf(buf, sizeof buf, "%-22s%s\n", (std::string(label) + ":").c_str(), value);
  out += buf;
}
void row(std::string& out, const char* label, uint64_t n) {
  char num[32];
  std::snprintf(num, sizeof num, "%" PRIu64, n);
  row(out, label, num);
}
void timeRow(std::string& out, const char* label, double seconds) {
  char num[48];
  std::snprintf(num, sizeof num, "%.6f s", seconds);
  row(out, label, num);
}
}  // namespace

std::string JitSummary::print(bool withTimes) const {
  std::string body;
  row(body, "tracing", tracing);
  row(body, "loops", loops);
  row(body, "bridges", bridges);
  row(body, "trees inlined", treesInlined);
  row(body, "aborts", totalAborts());
  for (unsigned k = 0; k < kNumAbortReasons; k++)
    row(body, ("  " + std::string(kAbortNames[k])).c_str(), aborts[k]);
  row(body, "guard failures", guardFailures);
  row(body, "recorded ops", recordedOps);
  row(body, "  guards", recordedGuards);
  row(body, "optimized ops", optimizedOps);
  row(body, "  guards", optimizedGuards);
  if (codeFullAtKb) {
    // Only when it happened: the cap is large and the line says why tracing stopped.
    body += "code memory full:     " + std::to_string(codeFullAtKb) +
            " KiB (max_code_kb); no more traces are compiled\n";
  }
  if (withTimes) {
    timeRow(body, "time tracing", timeTracing);
    timeRow(body, "time optimising", timeOptimising);
    timeRow(body, "time compiling", timeCompiling);
  }
  return sectionText(LogCat::JIT_SUMMARY, body);
}

}  // namespace lathe::jit
