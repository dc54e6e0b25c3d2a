//===- token_source.h - RPy tokens with NEWLINE/INDENT/DEDENT --------------===//
// Sits between the generated RPyLexer and the parser. Input: the file's
// bytes (ByteStream: one ANTLR code point per byte, so columns are byte
// columns). Output: the Python token stream the parser grammar expects:
//   * NEWLINE ends a logical line; none inside brackets (implicit joining),
//     after a backslash continuation, or for blank and comment-only lines;
//   * INDENT/DEDENT from an indentation stack (tabs to multiples of 8, and
//     the width with tab = 1 must agree, as in CPython);
//   * at EOF: a final NEWLINE if the last line lacked one, then DEDENTs.
// Lexical errors (invalid characters, unterminated strings, unbalanced or
// too deeply nested brackets, bad dedents) go to Diagnostics; the parser is
// not run when there was one (lexicalErrors() != 0). Nesting is capped here
// so the recursive-descent parser never overflows the C++ stack.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"

#include "RPyLexer.h"
#include "antlr4-runtime.h"

#include <deque>

namespace lathe::grammar {

/// A CharStream over raw bytes: code point i is byte i of the text.
class ByteStream : public antlr4::ANTLRInputStream {
public:
  explicit ByteStream(std::string_view bytes);
};

/// Brackets may nest this deep; a parenthesis costs ~16 parser frames.
constexpr size_t MAX_BRACKET_DEPTH = 200;
/// Blocks may nest this deep (CPython's limit).
constexpr size_t MAX_INDENT_DEPTH = 100;
/// Prefix-operator runs (`- - - x`, `not not x`) and `**`/`if`/`lambda`
/// chains on one logical line are capped at this many.
constexpr size_t MAX_CHAIN = 1000;

class RPyTokenSource : public RPyLexer {
public:
  RPyTokenSource(ByteStream *input, uint32_t fileId, Diagnostics &diags);
  std::unique_ptr<antlr4::Token> nextToken() override;
  unsigned lexicalErrors() const { return errors_; }

private:
  struct Indent { size_t width8, width1; };
  struct Bracket { size_t type; SrcLoc loc; };

  void produce();
  void onToken(std::unique_ptr<antlr4::Token> tok);
  void onNewline(std::unique_ptr<antlr4::Token> tok);
  void onEof(antlr4::Token &eof);
  bool checkIndent(antlr4::Token &tok);
  void dedentTo(const Indent &ind, antlr4::Token &tok);
  void trackBrackets(antlr4::Token &tok);
  void trackChains(antlr4::Token &tok);
  void invalidCharacter(antlr4::Token &tok);
  void skipRestOfLine();
  void emitSynthetic(size_t type, antlr4::Token &at);
  void fatal(SrcLoc loc, const std::string &msg);
  SrcLoc locOf(antlr4::Token &tok) const;

  std::string_view text_;
  uint32_t fileId_;
  Diagnostics &diags_;
  std::deque<std::unique_ptr<antlr4::Token>> pending_;
  std::vector<Indent> indents_{{0, 0}};
  std::vector<Bracket> brackets_;
  bool atLineStart_ = true;
  bool done_ = false;
  unsigned errors_ = 0;
  size_t prefixRun_ = 0, powCount_ = 0, ifCount_ = 0, lambdaCount_ = 0;
};

} // namespace lathe::grammar
