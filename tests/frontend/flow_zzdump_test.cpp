// TEMPORARY (flow engineer's scratch; removed before handoff)
#include "tests/frontend/flow_test_util.h"
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <gtest/gtest.h>
using namespace lathe;
TEST(FlowDump, Dump) {
  const char *p = std::getenv("FLOW_DUMP");
  if (!p) GTEST_SKIP();
  std::ifstream in(p); std::stringstream ss; ss << in.rdbuf();
  test::FlowTest t(ss.str());
  if (!t.run.main) { std::cout << t.run.errors(); return; }
  if (const char *fn = std::getenv("FLOW_FUNC")) { std::cout << "<<<" << t.print(fn, std::getenv("FLOW_LOC") != nullptr, std::getenv("FLOW_RAW") != nullptr) << ">>>"; return; }
  for (const eval::FunctionObj *f : flow::moduleFunctions(t.run.main)) {
    std::string name = f->qualname;
    std::cout << t.print(name, std::getenv("FLOW_LOC") != nullptr) << "\n";
  }
}
