// jitgen's analysis (jitgen/jitinfo.h): each tests/jitgen/programs/ok/*.py
// prints its drivers, portals and look-inside policy (golden NAME.expected);
// each programs/bad/*.py is rejected with its hint diagnostics (golden).
// Regenerate with LATHE_UPDATE_GOLDEN=1 (review the diff).
#include "jitgen/jitinfo.h"
#include "tests/annotator/ann_test_util.h" // readFile, checkGolden

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace lathe {
namespace {

std::vector<std::string> corpus(const std::string &dir) {
  std::vector<std::string> out;
  for (const auto &e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".py") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// `lathe jitinfo` in process: the printed JitInfo, or the diagnostics.
std::string jitinfoFile(const std::string &path, bool &ok) {
  SourceManager sm;
  Diagnostics diags(sm);
  eval::Evaluator ev(sm, diags, {LATHE_SOURCE_DIR});
  std::string out;
  ok = false;
  if (eval::ModuleObj *main = ev.loadMain(path)) {
    const eval::Value *entry = main->globals.find("entry_point");
    const eval::FunctionObj *f = entry ? eval::asFunction(*entry) : nullptr;
    if (f) {
      flow::FlowGraphCache cache(ev);
      ann::Annotator an(cache, diags);
      ann::ListDef *argv = an.bookkeeper().newListDef(f->loc());
      an.bookkeeper().generalize(argv->item, ann::someString(), f->loc(), f->loc(), "list item");
      rtyper::LLProgram ll;
      if (an.annotate(f, {ann::someList(argv)}) && !diags.hasErrors() && rtyper::rtype(an, f, ll, diags)) {
        jitgen::JitInfo info;
        ok = jitgen::analyze(an, ll, info, diags) && !diags.hasErrors();
        if (ok) out = jitgen::printJitInfo(info, sm);
      }
    }
  }
  if (!ok) {
    out = diags.renderAll();
    std::string dir = path.substr(0, path.rfind('/') + 1);
    for (size_t at; (at = out.find(dir)) != std::string::npos;) out.erase(at, dir.size());
  }
  return out;
}

const std::string kDir = std::string(LATHE_TESTS_DIR) + "/jitgen/programs";

TEST(JitInfo, AcceptedPrograms) {
  auto files = corpus(kDir + "/ok");
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
  auto files = corpus(kDir + "/bad");
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
