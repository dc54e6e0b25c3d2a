// Tests of runtime/jit/log.cpp: LATHE_LOG parsing with its messages, the
// sink (a temporary file, appended), sections, the jit-summary text.
#include <gtest/gtest.h>
#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include "jit/log.h"

using namespace lathe::jit;

namespace {
std::string errorOf(const char* text) {
  LogSpec spec;
  std::string error;
  bool ok = parseLogSpec(text, spec, error);
  EXPECT_EQ(ok, error.empty()) << text;
  return error;
}

LogSpec parsed(const char* text) {
  LogSpec spec;
  std::string error;
  EXPECT_TRUE(parseLogSpec(text, spec, error)) << text << ": " << error;
  return spec;
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string tempPath(const char* name) {
  return ::testing::TempDir() + "lathe_log_test_" + std::to_string(getpid()) + "_" + name;
}

constexpr uint32_t kAllCats = (uint32_t{1} << kNumLogCats) - 1;
}  // namespace

TEST(JitLog, CategoryNames) {
  std::string all;
  for (unsigned k = 0; k < kNumLogCats; k++) all += std::string(" ") + logCatName(static_cast<LogCat>(k));
  EXPECT_EQ(all, " jit-summary jit-tracing jit-abort jit-log-noopt jit-log-opt jit-backend jit-disasm");
}

TEST(JitLog, ParsesCategoriesAndFile) {
  EXPECT_EQ(parsed(""), LogSpec{});
  EXPECT_EQ(parsed(nullptr), LogSpec{});
  LogSpec s = parsed("jit-summary,jit-abort");
  EXPECT_EQ(s.cats, logBit(LogCat::JIT_SUMMARY) | logBit(LogCat::JIT_ABORT));
  EXPECT_EQ(s.file, "");
  s = parsed("jit-log-opt:/tmp/x:y.log");  // the first ':' ends the categories
  EXPECT_EQ(s.cats, logBit(LogCat::JIT_LOG_OPT));
  EXPECT_EQ(s.file, "/tmp/x:y.log");
  EXPECT_EQ(parsed("jit-tracing:-").file, "");  // '-' is stderr
  EXPECT_EQ(parsed("jit").cats, kAllCats);
  EXPECT_EQ(parsed("jit-log").cats, logBit(LogCat::JIT_LOG_NOOPT) | logBit(LogCat::JIT_LOG_OPT));
  EXPECT_EQ(parsed(" jit-backend , jit-summary ").cats,
            logBit(LogCat::JIT_BACKEND) | logBit(LogCat::JIT_SUMMARY));
}

TEST(JitLog, ParseErrors) {
  const char* known =
      "unknown category (categories: jit-summary jit-tracing jit-abort jit-log-noopt jit-log-opt "
      "jit-backend jit-disasm; or a prefix such as 'jit')";
  EXPECT_EQ(errorOf("jit-summary,jit-sumary"), std::string("item 2 'jit-sumary': ") + known);
  EXPECT_EQ(errorOf("ji"), std::string("item 1 'ji': ") + known);  // not at a '-' boundary
  EXPECT_EQ(errorOf("jit-log-"), std::string("item 1 'jit-log-': ") + known);
  EXPECT_EQ(errorOf("jit-abort,,jit-summary"), "item 2 '': empty item");
  EXPECT_EQ(errorOf("jit-abort:"), "empty file name after ':'");
  EXPECT_EQ(errorOf(":out.log"), "no category before ':'");
}

TEST(JitLog, WritesToFileAppending) {
  std::string path = tempPath("append");
  {
    std::ofstream pre(path);
    pre << "before\n";
  }
  LogSpec spec;
  std::string error;
  ASSERT_TRUE(parseLogSpec(("jit-abort,jit-log-noopt:" + path).c_str(), spec, error)) << error;
  ASSERT_TRUE(configureLog(spec, error)) << error;
  EXPECT_TRUE(logEnabled(LogCat::JIT_ABORT));
  EXPECT_TRUE(logEnabled(LogCat::JIT_LOG_NOOPT));
  EXPECT_FALSE(logEnabled(LogCat::JIT_SUMMARY));
  logLine(LogCat::JIT_ABORT, "abort: trace too long");
  logLine(LogCat::JIT_SUMMARY, "not enabled: not written");
  logLine(LogCat::JIT_ABORT, "ends in a newline\n");
  logSection(LogCat::JIT_LOG_NOOPT, "[i0]\nfinish(i0)");
  logSection(LogCat::JIT_LOG_OPT, "not enabled");
  closeLog();
  EXPECT_FALSE(logEnabled(LogCat::JIT_ABORT));
  EXPECT_EQ(readFile(path),
            "before\n"
            "abort: trace too long\n"
            "ends in a newline\n"
            "{jit-log-noopt\n"
            "[i0]\n"
            "finish(i0)\n"
            "jit-log-noopt}\n");
  // Configuring again appends to what is there.
  ASSERT_TRUE(configureLog(spec, error)) << error;
  logLine(LogCat::JIT_ABORT, "second run");
  flushLog();
  EXPECT_EQ(readFile(path).substr(readFile(path).size() - 11), "second run\n");
  closeLog();
  std::remove(path.c_str());
}

TEST(JitLog, UnopenableFileIsAnError) {
  LogSpec spec;
  spec.cats = logBit(LogCat::JIT_SUMMARY);
  spec.file = "/nonexistent-dir-lathe/x.log";
  std::string error;
  EXPECT_FALSE(configureLog(spec, error));
  EXPECT_EQ(error, "cannot open log file '/nonexistent-dir-lathe/x.log': No such file or directory");
  EXPECT_FALSE(logEnabled(LogCat::JIT_SUMMARY));
}

TEST(JitLog, SectionText) {
  EXPECT_EQ(sectionText(LogCat::JIT_TRACING, "a\nb\n"), "{jit-tracing\na\nb\njit-tracing}\n");
  EXPECT_EQ(sectionText(LogCat::JIT_TRACING, ""), "{jit-tracing\njit-tracing}\n");
}

TEST(JitLog, AbortReasons) {
  std::string all;
  for (unsigned k = 0; k < kNumAbortReasons; k++)
    all += std::string("|") + abortReasonName(static_cast<AbortReason>(k));
  EXPECT_EQ(all, "|trace too long|compiling|vable escape|bad loop|force quasi-immut|left the portal|tracer");
}

TEST(JitSummary, PrintsTheBlock) {
  JitSummary s;
  s.tracing = 5;
  s.loops = 3;
  s.bridges = 1;
  s.treesInlined = 2;
  s.abort(AbortReason::TOO_LONG);
  s.abort(AbortReason::TOO_LONG);
  s.abort(AbortReason::FORCE_QUASIIMMUT);
  s.guardFailures = 17;
  s.recordedOps = 1234;
  s.recordedGuards = 200;
  s.optimizedOps = 1000;
  s.optimizedGuards = 150;
  s.timeTracing = 0.25;
  s.timeOptimising = 0.0000004;
  s.timeCompiling = 1.5;
  EXPECT_EQ(s.totalAborts(), 3u);
  EXPECT_EQ(s.print(),
            "{jit-summary\n"
            "tracing:              5\n"
            "loops:                3\n"
            "bridges:              1\n"
            "trees inlined:        2\n"
            "aborts:               3\n"
            "  trace too long:     2\n"
            "  compiling:          0\n"
            "  vable escape:       0\n"
            "  bad loop:           0\n"
            "  force quasi-immut:  1\n"
            "  left the portal:    0\n"
            "  tracer:             0\n"
            "guard failures:       17\n"
            "recorded ops:         1234\n"
            "  guards:             200\n"
            "optimized ops:        1000\n"
            "  guards:             150\n"
            "time tracing:         0.250000 s\n"
            "time optimising:      0.000000 s\n"
            "time compiling:       1.500000 s\n"
            "jit-summary}\n");
  EXPECT_EQ(s.print(false),
            "{jit-summary\n"
            "tracing:              5\n"
            "loops:                3\n"
            "bridges:              1\n"
            "trees inlined:        2\n"
            "aborts:               3\n"
            "  trace too long:     2\n"
            "  compiling:          0\n"
            "  vable escape:       0\n"
            "  bad loop:           0\n"
            "  force quasi-immut:  1\n"
            "  left the portal:    0\n"
            "  tracer:             0\n"
            "guard failures:       17\n"
            "recorded ops:         1234\n"
            "  guards:             200\n"
            "optimized ops:        1000\n"
            "  guards:             150\n"
            "jit-summary}\n");
}

TEST(JitSummary, ScopedTimerAccumulates) {
  double seconds = 1.0;
  { ScopedTimer t(seconds); }
  EXPECT_GE(seconds, 1.0);
  EXPECT_LT(seconds, 2.0);
}

// The only test that calls initLogFromEnv: LATHE_LOG is read once.
TEST(JitLog, InitFromEnvironmentOnce) {
  static bool ran = false;  // --gtest_repeat: the environment was read already
  if (ran) GTEST_SKIP() << "LATHE_LOG is read once per process";
  ran = true;
  std::string path = tempPath("env");
  setenv("LATHE_LOG", ("jit-summary:" + path).c_str(), 1);
  std::string error;
  ASSERT_TRUE(initLogFromEnv(error)) << error;
  EXPECT_TRUE(logEnabled(LogCat::JIT_SUMMARY));
  setenv("LATHE_LOG", "bogus", 1);
  EXPECT_TRUE(initLogFromEnv(error));  // not read again
  JitSummary s;
  s.loops = 2;
  logLine(LogCat::JIT_SUMMARY, s.print(false));
  closeLog();
  EXPECT_EQ(readFile(path), s.print(false));
  unsetenv("LATHE_LOG");
  std::remove(path.c_str());
}
