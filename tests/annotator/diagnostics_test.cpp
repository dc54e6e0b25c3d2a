// Golden diagnostics of the rejected corpus (programs/bad/*.py): each
// program fails to annotate and reports exactly its NAME.expected.
#include "ann_test_util.h"

namespace {

using namespace lathe;

TEST(DiagnosticsCorpus, RejectedProgramsMatchTheirGoldens) {
  std::vector<std::string> programs = anntest::corpus("bad");
  ASSERT_FALSE(programs.empty());
  for (const std::string &p : programs) {
    SCOPED_TRACE(p);
    bool ok = true;
    std::string out = anntest::annotateFile(p, ok);
    EXPECT_FALSE(ok);
    EXPECT_NE(out.find("error:"), std::string::npos) << out;
    anntest::checkGolden(p, out);
  }
}

} // namespace
