// Golden annotations of the accepted corpus (programs/ok/*.py): each program
// annotates without errors and prints exactly its NAME.expected. Every
// program there also runs under CPython.
#include "ann_test_util.h"

namespace {

using namespace lathe;

TEST(AnnotateCorpus, AcceptedProgramsMatchTheirGoldens) {
  std::vector<std::string> programs = anntest::corpus("ok");
  ASSERT_FALSE(programs.empty());
  for (const std::string &p : programs) {
    SCOPED_TRACE(p);
    bool ok = false;
    std::string out = anntest::annotateFile(p, ok);
    EXPECT_TRUE(ok) << out;
    anntest::checkGolden(p, out);
  }
}

TEST(AnnotateCorpus, TheBrainfuckInterpreterAnnotates) {
  bool ok = false;
  std::string out = anntest::annotateFile(std::string(LATHE_SOURCE_DIR) + "/interpreters/bf/bf.py", ok);
  EXPECT_TRUE(ok) << out;
  EXPECT_NE(out.find("function bf.mainloop(program: bf.Program, tape: bf.Tape) -> None"),
            std::string::npos);
  EXPECT_NE(out.find("class bf.Tape\n  cells: list[int]\n"), std::string::npos);
}

TEST(AnnotateCorpus, IsDeterministic) {
  std::vector<std::string> programs = anntest::corpus("ok");
  for (const std::string &p : programs) {
    bool ok1 = false, ok2 = false;
    EXPECT_EQ(anntest::annotateFile(p, ok1), anntest::annotateFile(p, ok2)) << p;
  }
}

} // namespace
