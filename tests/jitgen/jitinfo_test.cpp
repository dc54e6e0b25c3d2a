// jitgen's analysis (jitgen/jitinfo.h): each tests/jitgen/programs/ok/*.py
// prints its drivers, portals and look-inside policy (golden NAME.expected);
// each programs/bad/*.py is rejected with its hint diagnostics (golden);
// each programs/twins/*.py gives its traced twins and JIT glue (golden C++);
// each programs/effects/*.py prints its residual calls' effects (golden).
// Regenerate with LATHE_UPDATE_GOLDEN=1 (review the diff).
#include "jitgen/jitinfo.h"
#include "jitgen/twins.h"
#include "tests/annotator/ann_test_util.h" // readFile, checkGolden

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace lathe {
namespace {

using anntest::pythonFilesIn;

/// `lathe jitinfo` in process: the printed JitInfo and the residual calls'
/// effects, or the diagnostics.
std::string jitinfoFile(const std::string &path, bool &ok) {
  anntest::TestPipeline p(path);
  rtyper::LLProgram ll;
  jitgen::JitInfo info;
  cpp::JitHooks hooks;
  std::vector<jitgen::ResidualCall> calls;
  ok = p.annotated && rtyper::rtype(*p.an, p.entry, ll, p.diags) &&
       jitgen::analyze(*p.an, ll, info, p.diags) && !p.diags.hasErrors() &&
       (info.drivers.empty() || jitgen::generateJit(ll, info, hooks, p.diags, &calls));
  return ok ? jitgen::printJitInfo(info, p.sm) + jitgen::printEffects(calls) : p.diagnostics();
}

const std::string kDir = std::string(LATHE_TESTS_DIR) + "/jitgen/programs";

TEST(JitInfo, AcceptedPrograms) {
  auto files = pythonFilesIn(kDir + "/ok");
  ASSERT_GE(files.size(), 1u);
  for (const std::string &p : files) {
    SCOPED_TRACE(p);
    bool ok = false;
    std::string out = jitinfoFile(p, ok);
    EXPECT_TRUE(ok) << out;
    anntest::checkGolden(p, out);
  }
}

TEST(JitInfo, HintMisuseIsReported) {
  auto files = pythonFilesIn(kDir + "/bad");
  ASSERT_GE(files.size(), 5u);
  for (const std::string &p : files) {
    SCOPED_TRACE(p);
    bool ok = true;
    std::string out = jitinfoFile(p, ok);
    EXPECT_FALSE(ok);
    EXPECT_NE(out.find("error: "), std::string::npos) << out;
    anntest::checkGolden(p, out);
  }
}

TEST(TracedTwins, GeneratedCode) {
  auto files = pythonFilesIn(kDir + "/twins");
  ASSERT_GE(files.size(), 1u);
  for (const std::string &path : files) {
    SCOPED_TRACE(path);
    anntest::TestPipeline p(path);
    rtyper::LLProgram ll;
    jitgen::JitInfo info;
    cpp::JitHooks hooks;
    bool ok = p.annotated && rtyper::rtype(*p.an, p.entry, ll, p.diags) &&
              jitgen::analyze(*p.an, ll, info, p.diags) && jitgen::generateJit(ll, info, hooks, p.diags);
    ASSERT_TRUE(ok) << p.diagnostics();
    std::string out = jitgen::printJitFiles(hooks);
    // Every twin restores its frames from a resume switch; the portal counts.
    EXPECT_NE(out.find("switch (rs->enter("), std::string::npos);
    EXPECT_NE(out.find("C.mergePoint("), std::string::npos);
    anntest::checkGolden(path, out);
  }
}

// Effect analysis (jitgen/effects.h): each programs/effects/*.py prints
// its policy and every residual call's effects (golden).
TEST(Effects, ResidualCalls) {
  auto files = pythonFilesIn(kDir + "/effects");
  ASSERT_GE(files.size(), 8u);
  for (const std::string &p : files) {
    SCOPED_TRACE(p);
    bool ok = false;
    std::string out = jitinfoFile(p, ok);
    EXPECT_TRUE(ok) << out;
    EXPECT_NE(out.find("\neffects "), std::string::npos) << out;
    anntest::checkGolden(p, out);
  }
}

TEST(JitInfo, BundledInterpreters) {
  for (const char *rel : {"/interpreters/bf/bf.py", "/interpreters/tlr/tlr.py"}) {
    bool ok = false;
    std::string out = jitinfoFile(std::string(LATHE_SOURCE_DIR) + rel, ok);
    EXPECT_TRUE(ok) << rel << "\n" << out;
    EXPECT_NE(out.find("portal fn_"), std::string::npos) << out;
  }
}

} // namespace
} // namespace lathe
