//===- flow_test_util.h - Build flow graphs of RPy snippets in tests ------===//
// FlowTest runs a program through the module evaluator (eval_test_util.h)
// and builds graphs of its functions:
//   FlowTest t("def f(x):\n    return x + 1\n");
//   EXPECT_EQ(t.print("f"), R"(graph prog.f(x_0): ...)");
// `print` verifies the graph (and, unless `raw`, also the unsimplified
// build) and returns the verifier's complaints instead of the graph when it
// is invalid; for a function with errors it returns the rendered
// diagnostics (paths relative to the temp dir).
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/flow_builder.h"
#include "tests/frontend/eval_test_util.h"

namespace lathe::test {

struct FlowTest {
  RunResult run;
  std::unique_ptr<flow::FlowGraphCache> cache;

  explicit FlowTest(const std::string &src) : run(src) {
    if (run.ev) cache = std::make_unique<flow::FlowGraphCache>(*run.ev);
  }

  /// "f" (a module global) or "C.m" (a method of a module-level class).
  const eval::FunctionObj *func(const std::string &name) const {
    if (!run.main) return nullptr;
    size_t dot = name.find('.');
    const eval::Value *v = run.main->globals.find(name.substr(0, dot));
    if (v && dot != std::string::npos) {
      eval::ClassObj *c = eval::asClass(*v);
      v = c ? c->attrs.find(name.substr(dot + 1)) : nullptr;
    }
    return v ? eval::asFunction(*v) : nullptr;
  }

  std::string print(const std::string &name, bool locations = false, bool raw = false) {
    if (!run.main) return "<load failed>\n" + run.errors();
    const eval::FunctionObj *f = func(name);
    if (!f) return "<no function " + name + ">\n";
    cache->setSimplify(!raw);
    const flow::FunctionGraph *g = cache->graphFor(f);
    if (!g) return run.errors();
    if (!raw) { // the unsimplified graph must be valid too (built after the
                // real one, so any errors are reported once)
      flow::FlowGraphCache rawCache(*run.ev);
      rawCache.setSimplify(false);
      if (const flow::FunctionGraph *rg = rawCache.graphFor(f)) {
        std::string bad = flow::verifyGraph(*rg);
        if (!bad.empty()) return "<raw graph invalid>\n" + bad + flow::printGraph(*rg);
      }
    }
    std::string bad = flow::verifyGraph(*g);
    flow::PrintOptions opts;
    opts.locations = locations;
    if (!bad.empty()) return "<invalid>\n" + bad + flow::printGraph(*g, opts);
    return flow::printGraph(*g, opts);
  }
};

} // namespace lathe::test
