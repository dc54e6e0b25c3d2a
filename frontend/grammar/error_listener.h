//===- error_listener.h - ANTLR syntax errors to Diagnostics ---------------===//
// Translates ANTLR's messages ("mismatched input 'x' expecting {...}") into
// short Python-style ones: "unexpected indent", "expected an indented block",
// "expected ':'", otherwise "invalid syntax". To avoid cascades, once an
// error is reported the rest of its logical line is silent, and so is an
// unexpected DEDENT or end of file after an earlier error.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"

#include "antlr4-runtime.h"

namespace lathe::grammar {

class SyntaxErrorListener : public antlr4::BaseErrorListener {
public:
  SyntaxErrorListener(uint32_t fileId, Diagnostics &diags) : fileId_(fileId), diags_(diags) {}
  void syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offending, size_t line,
                   size_t charPositionInLine, const std::string &msg,
                   std::exception_ptr e) override;
  /// Errors seen, reported or not.
  unsigned errors() const { return errors_; }

private:
  std::string message(antlr4::Parser *parser, antlr4::Token *offending) const;
  SrcLoc location(antlr4::Token *offending) const;

  uint32_t fileId_;
  Diagnostics &diags_;
  unsigned errors_ = 0;
  size_t silentUntil_ = 0; // token index: errors at or before it are cascades
};

} // namespace lathe::grammar
