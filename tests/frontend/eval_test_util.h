//===- eval_test_util.h - Run RPy programs through the module evaluator ----===//
// TempDir makes a fresh directory for program files; RunResult holds the
// evaluator and what it produced. `global(name)` is the repr() of a module
// global; `errors()` the rendered diagnostics with paths relative to the dir.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/evaluator.h"

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <unistd.h>

namespace lathe::test {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lathe_eval_XXXXXX").string();
    path = mkdtemp(tmpl.data());
  }
  ~TempDir() { std::error_code ec; std::filesystem::remove_all(path, ec); }
  std::string write(const std::string &rel, const std::string &text) const {
    std::filesystem::path p = path / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
};

struct RunResult {
  TempDir dir;
  SourceManager sm;
  Diagnostics diags{sm};
  std::unique_ptr<eval::Evaluator> ev;
  eval::ModuleObj *main = nullptr;

  explicit RunResult(const std::string &mainText, std::vector<std::pair<std::string, std::string>> files = {},
                     std::vector<std::string> extraPath = {}) {
    for (auto &[rel, text] : files) dir.write(rel, text);
    std::string path = dir.write("prog.py", mainText);
    ev = std::make_unique<eval::Evaluator>(sm, diags, extraPath);
    main = ev->loadMain(path);
  }
  std::string global(const std::string &name) const {
    if (!main) return "<no module>";
    const eval::Value *v = main->globals.find(name);
    return v ? eval::repr(*v) : "<unset>";
  }
  std::string errors() const {
    std::string out = diags.renderAll();
    std::string prefix = dir.path.string() + "/";
    for (size_t p; (p = out.find(prefix)) != std::string::npos;) out.erase(p, prefix.size());
    return out;
  }
};

} // namespace lathe::test
