// Golden low-level graphs: each tests/rtyper/programs/NAME.py is annotated
// and RTyped in process; the printed low-level graphs (every graph of the
// program) must equal NAME.expected and pass verifyLLGraph (rtype() checks
// it). Programs the RTyper must reject live in programs/bad/ with their
// diagnostics as golden. Regenerate with LATHE_UPDATE_GOLDEN=1 (review the diff).
#include "annotator/annotate.h"
#include "frontend/evaluator.h"
#include "rtyper/rtyper.h"
#include "tests/annotator/ann_test_util.h" // readFile, checkGolden

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

namespace lathe {
namespace {

using anntest::pythonFilesIn;

/// The low-level graphs of a program, or its diagnostics (directory stripped).
std::string lowerFile(const std::string &path, bool &ok) {
  anntest::TestPipeline p(path);
  rtyper::LLProgram ll;
  ok = p.annotated && rtyper::rtype(*p.an, p.entry, ll, p.diags) && !p.diags.hasErrors();
  return ok ? rtyper::printProgram(ll) : p.diagnostics();
}

using anntest::checkGolden;

const std::string kDir = std::string(LATHE_TESTS_DIR) + "/rtyper/programs";

TEST(LowerGolden, AcceptedPrograms) {
  auto files = pythonFilesIn(kDir);
  ASSERT_GE(files.size(), 8u);
  for (const std::string &p : files) {
    SCOPED_TRACE(p);
    bool ok = false;
    std::string out = lowerFile(p, ok);
    EXPECT_TRUE(ok) << out;
    checkGolden(p, out);
  }
}

// Programs the annotator accepts but the RTyper cannot lower: one precise
// diagnostic each (golden), never a crash or a second, generic message.
TEST(LowerGolden, RejectedPrograms) {
  auto files = pythonFilesIn(kDir + "/bad");
  ASSERT_GE(files.size(), 3u);
  for (const std::string &p : files) {
    SCOPED_TRACE(p);
    bool ok = true;
    std::string out = lowerFile(p, ok);
    EXPECT_FALSE(ok);
    EXPECT_NE(out.find("error: "), std::string::npos) << out;
    checkGolden(p, out);
  }
}

TEST(LowerGolden, Deterministic) {
  for (const std::string &p : pythonFilesIn(kDir)) {
    bool ok1 = false, ok2 = false;
    EXPECT_EQ(lowerFile(p, ok1), lowerFile(p, ok2)) << p;
  }
}

} // namespace
} // namespace lathe
