//===- log.h - The JIT's logs (LATHE_LOG) and its summary -----------------===//
// DESIGN §6, issue 5 item 6. PYPYLOG's model, without timestamps so logs
// are deterministic:
//
//   LATHE_LOG := item (',' item)* [':' file]
//   item      := a category, or a prefix of categories ending before a '-'
//                ('jit' = every category, 'jit-log' = jit-log-noopt and
//                jit-log-opt)
//   file      := a path, opened once in append mode and flushed at exit;
//                '-' or no ':file' is stderr
//
// Unknown items are errors naming the item. A section (a trace, the
// summary) is written as PYPYLOG writes it, minus the timestamps:
//
//   {jit-log-noopt
//   ...text...
//   jit-log-noopt}
//
// Single-threaded, as the translated VMs are.
//===----------------------------------------------------------------------===//
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace lathe::jit {

/// The log categories: X(NAME, text).
#define LATHE_LOG_CATEGORIES(X)   \
  X(JIT_SUMMARY, "jit-summary")   \
  X(JIT_TRACING, "jit-tracing")   \
  X(JIT_ABORT, "jit-abort")       \
  X(JIT_LOG_NOOPT, "jit-log-noopt") \
  X(JIT_LOG_OPT, "jit-log-opt")   \
  X(JIT_BACKEND, "jit-backend")   \
  X(JIT_DISASM, "jit-disasm")

enum class LogCat : uint8_t {
#define X(NAME, text) NAME,
  LATHE_LOG_CATEGORIES(X)
#undef X
};
inline constexpr unsigned kNumLogCats = 0
#define X(NAME, text) +1
    LATHE_LOG_CATEGORIES(X)
#undef X
    ;
constexpr uint32_t logBit(LogCat c) { return uint32_t{1} << static_cast<unsigned>(c); }
/// "jit-summary", ...
const char* logCatName(LogCat c);

/// A parsed LATHE_LOG: the enabled categories and where they go.
struct LogSpec {
  uint32_t cats = 0;  ///< logBit()s
  std::string file;   ///< empty: stderr
  bool operator==(const LogSpec&) const = default;
};

/// Parses LATHE_LOG text (null or empty: nothing enabled). On error returns
/// false, leaves `out` untouched and sets `error` ("item 2 'jit-foo':
/// unknown category ...").
bool parseLogSpec(const char* text, LogSpec& out, std::string& error);

/// Makes `spec` the log's configuration: closes a previous file, opens
/// spec.file for appending. False (and logging off) when it cannot be opened.
bool configureLog(const LogSpec& spec, std::string& error);
/// Reads LATHE_LOG and configures the log, on the first call only (later
/// calls return true). The error starts with "LATHE_LOG: "; the caller reports it.
bool initLogFromEnv(std::string& error);
/// Flushes the log file (also done at exit).
void flushLog();
/// Flushes and closes the log file; nothing is enabled afterwards.
void closeLog();

namespace detail {
extern uint32_t gLogMask;
}
/// Whether `c` is enabled: one load and a test, cheap enough for hot paths.
inline bool logEnabled(LogCat c) { return (detail::gLogMask & logBit(c)) != 0; }
/// Writes `text` and a newline (unless it ends in one) when `c` is enabled.
void logLine(LogCat c, std::string_view text);
/// Writes "{cat\n" text "cat}\n" when `c` is enabled.
void logSection(LogCat c, std::string_view text);
/// The section text logSection writes (without checking `c`).
std::string sectionText(LogCat c, std::string_view text);

/// Why a trace was abandoned (aborts.def).
enum class AbortReason : uint8_t {
#define TRACEABORT(NAME, text) NAME,
#include "jit/aborts.def"
#undef TRACEABORT
};
inline constexpr unsigned kNumAbortReasons = 0
#define TRACEABORT(NAME, text) +1
#include "jit/aborts.def"
#undef TRACEABORT
    ;
/// "trace too long", ...
const char* abortReasonName(AbortReason r);

/// The counters behind jit-summary; the JIT bumps them as it goes.
struct JitSummary {
  uint64_t tracing = 0;        ///< traces started (loops, functions, bridges)
  uint64_t loops = 0;          ///< loops compiled
  uint64_t bridges = 0;        ///< bridges compiled
  uint64_t treesInlined = 0;   ///< loops compiled again with their bridges inlined
  uint64_t aborts[kNumAbortReasons] = {};
  uint64_t guardFailures = 0;  ///< guards that failed in compiled code
  uint64_t recordedOps = 0;    ///< ops recorded by the tracer (compiled traces)
  uint64_t recordedGuards = 0; ///< of which guards
  uint64_t optimizedOps = 0;   ///< ops of those traces after the optimizer
  uint64_t optimizedGuards = 0;
  uint64_t codeBytes = 0;      ///< machine code compiled (x86)
  uint64_t codeFullAtKb = 0;   ///< max_code_kb when it was reached, else 0
  double timeTracing = 0;      ///< seconds
  double timeOptimising = 0;
  double timeCompiling = 0;

  void abort(AbortReason r) { aborts[static_cast<unsigned>(r)]++; }
  uint64_t totalAborts() const;
  /// The jit-summary section (format in docs/jit-trace-ir.md); only the
  /// three time lines vary between runs, and `withTimes = false` drops them.
  std::string print(bool withTimes = true) const;
};

/// Adds the time from construction to destruction to `seconds`
/// (`ScopedTimer t(summary.timeTracing);`).
class ScopedTimer {
 public:
  explicit ScopedTimer(double& seconds) : seconds_(seconds), start_(std::chrono::steady_clock::now()) {}
  ~ScopedTimer() {
    seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }
  ScopedTimer(const ScopedTimer&) = delete;
  ScopedTimer& operator=(const ScopedTimer&) = delete;

 private:
  double& seconds_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace lathe::jit
