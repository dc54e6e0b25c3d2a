//===- parser.h - RPy source text to AST -----------------------------------===//
// Entry point of the frontend: lexes (RPyLexer.g4 + the INDENT/DEDENT token
// source), parses (RPyParser.g4, SLL first, full LL on failure) and builds
// the AST (ast.h). Syntax errors go to the Diagnostics sink as
// `file:line:col: error: ...`; independent errors are reported together.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/ast.h"

namespace lathe {

/// Parses the file `fileId` of `diags.sources()`. Returns null when the file
/// has syntax errors (all of them reported to `diags`).
std::unique_ptr<ast::Module> parseModule(uint32_t fileId, Diagnostics &diags);

} // namespace lathe
