//===- error_listener.cpp - ANTLR syntax errors to Diagnostics -------------===//
// See error_listener.h.
//===----------------------------------------------------------------------===//
#include "frontend/grammar/error_listener.h"

#include "RPyLexer.h"

namespace lathe::grammar {

std::string SyntaxErrorListener::message(antlr4::Parser *parser, antlr4::Token *offending) const {
  if (offending->getType() == RPyLexer::INDENT) return "unexpected indent";
  antlr4::misc::IntervalSet expected = parser->getExpectedTokens();
  if (expected.contains(size_t(RPyLexer::INDENT))) return "expected an indented block";
  if (expected.size() == 1 && expected.contains(size_t(RPyLexer::COLON))) return "expected ':'";
  if (offending->getType() == antlr4::Token::EOF) return "unexpected end of file";
  return "invalid syntax";
}

// The position of the offending token; EOF after a final newline is put at
// the end of the last line so the report can show it.
SrcLoc SyntaxErrorListener::location(antlr4::Token *offending) const {
  SrcLoc l{fileId_, uint32_t(offending->getLine()),
           uint32_t(offending->getCharPositionInLine() + 1)};
  const SourceFile &f = diags_.sources().file(fileId_);
  if (l.line > f.lineCount() && f.lineCount() > 0) {
    l.line = f.lineCount();
    l.col = uint32_t(f.line(l.line).size() + 1);
  }
  return l;
}

void SyntaxErrorListener::syntaxError(antlr4::Recognizer *recognizer, antlr4::Token *offending,
                                      size_t, size_t, const std::string &, std::exception_ptr) {
  ++errors_;
  auto *parser = dynamic_cast<antlr4::Parser *>(recognizer);
  if (!parser || !offending) {
    diags_.error({fileId_, 1, 1}, "invalid syntax");
    return;
  }
  size_t index = offending->getTokenIndex();
  size_t type = offending->getType();
  bool cascade = errors_ > 1 && (index <= silentUntil_ || type == RPyLexer::DEDENT ||
                                 type == antlr4::Token::EOF);
  if (cascade) return;
  diags_.error(location(offending), message(parser, offending));
  // Silence the rest of this logical line.
  antlr4::TokenStream *tokens = parser->getTokenStream();
  size_t i = index;
  while (i < tokens->size() && tokens->get(i)->getType() != RPyLexer::NEWLINE &&
         tokens->get(i)->getType() != antlr4::Token::EOF)
    ++i;
  silentUntil_ = i;
}

} // namespace lathe::grammar
