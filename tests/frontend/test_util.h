//===- test_util.h - Parse RPy text in a test -------------------------------===//
// ParsedText owns everything a parse needs; usage:
//   ParsedText p("x = 1\n");
//   ASSERT_TRUE(p.module) << p.errors();
//   EXPECT_EQ(ast::printModule(*p.module), R"(...)");
// `errors()` is the rendered diagnostics (Diagnostics::renderAll), the file
// is named "t.py".
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/parser.h"

#include <string>

namespace lathe::test {

struct ParsedText {
  SourceManager sm;
  uint32_t file;
  Diagnostics diags{sm};
  std::unique_ptr<ast::Module> module;

  explicit ParsedText(std::string text, std::string path = "t.py")
      : file(sm.add(std::move(path), std::move(text))) {
    module = parseModule(file, diags);
  }
  std::string errors() const { return diags.renderAll(); }
};

/// printModule of `text` without locations, or the rendered errors.
inline std::string parseAndPrint(const std::string &text, bool withLocations = false) {
  ParsedText p(text);
  return p.module ? ast::printModule(*p.module, withLocations) : p.errors();
}

/// The rendered errors of parsing `text` (empty if it parsed).
inline std::string parseErrors(const std::string &text) {
  ParsedText p(text);
  return p.errors();
}

} // namespace lathe::test
