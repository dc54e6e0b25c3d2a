// Shared by the annotator's corpus tests: annotate a program file in
// process and return the printed annotations or the rendered diagnostics.
// Goldens live next to each program as NAME.expected; run the tests with
// LATHE_UPDATE_GOLDEN=1 to (re)write them.
#pragma once
#include "annotator/annotate.h"
#include "annotator/printer.h"
#include "frontend/evaluator.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

namespace lathe::anntest {

inline std::string programsDir(const char *sub) {
  return std::string(LATHE_TESTS_DIR) + "/annotator/programs/" + sub;
}

/// Every *.py file of a corpus directory, sorted.
/// Every *.py file of a directory, sorted (the corpora of the stage tests).
inline std::vector<std::string> pythonFilesIn(const std::string &dir) {
  std::vector<std::string> out;
  for (const auto &e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".py") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

/// Every *.py file of an annotator corpus directory (ok, bad), sorted.
inline std::vector<std::string> corpus(const char *sub) { return pythonFilesIn(programsDir(sub)); }

/// The front of the pipeline in process, for the tests of every later
/// stage: loads `path`, then annotates it from entry_point(argv: list of
/// str). Everything stays alive for the stage under test (the RTyper's and
/// jitgen's tests continue from `an`).
struct TestPipeline {
  SourceManager sm;
  Diagnostics diags{sm};
  eval::Evaluator ev{sm, diags, {LATHE_SOURCE_DIR}};
  std::unique_ptr<flow::FlowGraphCache> cache;
  std::unique_ptr<ann::Annotator> an;
  const eval::FunctionObj *entry = nullptr;
  bool annotated = false;
  std::string path;

  explicit TestPipeline(const std::string &file) : path(file) {
    eval::ModuleObj *main = ev.loadMain(path);
    if (!main) return;
    const eval::Value *e = main->globals.find("entry_point");
    entry = e ? eval::asFunction(*e) : nullptr;
    if (!entry) return;
    cache = std::make_unique<flow::FlowGraphCache>(ev);
    an = std::make_unique<ann::Annotator>(*cache, diags);
    ann::ListDef *argv = an->bookkeeper().newListDef(entry->loc());
    an->bookkeeper().generalize(argv->item, ann::someString(), entry->loc(), entry->loc(), "list item");
    annotated = an->annotate(entry, {ann::someList(argv)}) && !diags.hasErrors();
  }

  /// The rendered diagnostics, with the program's directory stripped.
  std::string diagnostics() const {
    std::string out = diags.renderAll();
    std::string dir = path.substr(0, path.rfind('/') + 1);
    for (size_t at; (at = out.find(dir)) != std::string::npos;) out.erase(at, dir.size());
    return out;
  }
};

/// Annotates `path` from entry_point(argv); `ok` tells whether it succeeded.
/// Returns the annotations, or the diagnostics with the directory stripped.
inline std::string annotateFile(const std::string &path, bool &ok) {
  TestPipeline p(path);
  ok = p.annotated;
  return ok ? ann::printAnnotations(*p.an) : p.diagnostics();
}

inline std::string readFile(const std::string &path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Compares `actual` with PROGRAM.expected (or writes it when updating).
inline void checkGolden(const std::string &program, const std::string &actual) {
  std::string golden = program.substr(0, program.size() - 3) + ".expected";
  const char *update = std::getenv("LATHE_UPDATE_GOLDEN");
  if (update && *update) {
    std::ofstream(golden) << actual;
    return;
  }
  EXPECT_EQ(readFile(golden), actual) << "golden: " << golden;
}

} // namespace lathe::anntest
