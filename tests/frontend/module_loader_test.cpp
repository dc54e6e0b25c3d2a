// Tests for module loading in the evaluator (frontend/evaluator_module.cpp):
// program-directory imports, packages, the search path, cycles, errors.
#include "tests/frontend/eval_test_util.h"

#include <gtest/gtest.h>

using lathe::test::RunResult;
using lathe::test::TempDir;

namespace {

TEST(ModuleLoaderTest, ImportFromProgramDirectory) {
  RunResult r("import helper\nfrom helper import K as k2\nx = (helper.K, k2, helper.__name__)\n",
              {{"helper.py", "K = 41 + 1\n"}});
  EXPECT_EQ(r.global("x"), "(42, 42, 'helper')") << r.errors();
}

TEST(ModuleLoaderTest, PackagesAndRelativeImports) {
  RunResult r("import pkg.sub\nfrom pkg import sub as s2\nfrom pkg.sub import V\nx = (pkg.sub.V, s2.V, V, pkg.P)\n",
              {{"pkg/__init__.py", "P = 'p'\n"}, {"pkg/sub.py", "from . import other\nV = other.O * 2\n"},
               {"pkg/other.py", "O = 21\n"}});
  EXPECT_EQ(r.global("x"), "(42, 42, 42, 'p')") << r.errors();
}

TEST(ModuleLoaderTest, MainFileNamedLikeABuiltinModuleIsAnError) {
  lathe::test::TempDir dir;
  std::string path = dir.write("os.py", "X = 1\n");
  lathe::SourceManager sm;
  lathe::Diagnostics diags(sm);
  lathe::eval::Evaluator ev(sm, diags, {});
  EXPECT_EQ(ev.loadMain(path), nullptr);
  EXPECT_EQ(diags.renderAll(), "lathe: error: the program's file name 'os.py' is the name of the "
                               "built-in module 'os'; rename the file\n");
}

TEST(ModuleLoaderTest, SearchPath) {
  TempDir lib;
  lib.write("rlib/__init__.py", "");
  lib.write("rlib/jit.py", "def elidable(f):\n    return f\n");
  RunResult r("from rlib import jit\n@jit.elidable\ndef f(): return 1\nx = f()\n", {}, {lib.path.string()});
  EXPECT_EQ(r.global("x"), "1") << r.errors();
  EXPECT_EQ(r.ev->modules().back()->name, "rlib.jit"); // order in which loading began
}

TEST(ModuleLoaderTest, CyclesSeePartialModules) {
  RunResult r("import a\nx = a.fromb\n",
              {{"a.py", "A1 = 1\nimport b\nfromb = b.seen\n"}, {"b.py", "import a\nseen = a.A1\n"}});
  EXPECT_EQ(r.global("x"), "1") << r.errors();
  RunResult bad("import a\n", {{"a.py", "import b\nA1 = 1\n"}, {"b.py", "from a import A1\n"}});
  EXPECT_NE(bad.errors().find("error: ImportError: cannot import name 'A1' from 'a'"), std::string::npos)
      << bad.errors();
}

TEST(ModuleLoaderTest, MissingModuleGolden) {
  RunResult r("x = 1\nimport nosuch\n");
  EXPECT_EQ(r.main, nullptr);
  EXPECT_EQ(r.errors(), "prog.py:2:8: error: ModuleNotFoundError: no module named 'nosuch'\nimport nosuch\n       ^\n");
  RunResult c("try:\n    import nosuch\nexcept ImportError:\n    ok = True\n");
  EXPECT_EQ(c.global("ok"), "True") << c.errors();
}

TEST(ModuleLoaderTest, ErrorInImportedModuleHasNote) {
  RunResult r("import broken\n", {{"broken.py", "x = 1 / 0\n"}});
  EXPECT_EQ(r.errors(), "broken.py:1:1: error: ZeroDivisionError: division by zero\nx = 1 / 0\n^\n"
                        "prog.py:1:8: note: while importing module 'broken'\nimport broken\n       ^\n");
}

TEST(ModuleLoaderTest, ImportedModuleThatDoesNotParseStops) {
  // `from m import name` of a module with a syntax error: its error is
  // reported and loading stops (it used to look the name up in no module).
  RunResult r("from broken import f\n", {{"broken.py", "def f():\n    return 99999999999999999999\n"}});
  EXPECT_NE(r.errors().find("broken.py:2:12: error: integer literal too large"), std::string::npos) << r.errors();
  RunResult r2("import broken\n", {{"broken.py", "def f(:\n"}});
  EXPECT_NE(r2.errors().find("broken.py:1:"), std::string::npos) << r2.errors();
}

} // namespace
