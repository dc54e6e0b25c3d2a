//===- token_source.cpp - RPy tokens with NEWLINE/INDENT/DEDENT ------------===//
// See token_source.h for the contract. The algorithm is CPython's tokenizer
// (Parser/tokenizer.c): an indentation stack compared at the first token of
// each logical line, a bracket stack that suppresses NEWLINE, and DEDENTs
// flushed at EOF. Tokens are queued in `pending_` because one raw token can
// yield several (DEDENT DEDENT NAME).
//===----------------------------------------------------------------------===//
#include "frontend/grammar/token_source.h"

#include <cstdio>

namespace lathe::grammar {

using antlr4::Token;

ByteStream::ByteStream(std::string_view bytes) {
  _data.resize(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i)
    _data[i] = char32_t(static_cast<unsigned char>(bytes[i]));
  p = 0;
}

RPyTokenSource::RPyTokenSource(ByteStream *input, uint32_t fileId, Diagnostics &diags)
    : RPyLexer(input), fileId_(fileId), diags_(diags) {
  const std::string &text = diags.sources().file(fileId).text();
  text_ = text;
  removeErrorListeners(); // ERROR_CHAR makes the lexer total; be safe anyway
}

std::unique_ptr<Token> RPyTokenSource::nextToken() {
  while (pending_.empty()) produce();
  auto tok = std::move(pending_.front());
  pending_.pop_front();
  return tok;
}

SrcLoc RPyTokenSource::locOf(Token &tok) const {
  return {fileId_, uint32_t(tok.getLine()), uint32_t(tok.getCharPositionInLine() + 1)};
}

void RPyTokenSource::fatal(SrcLoc loc, const std::string &msg) {
  diags_.error(loc, msg);
  ++errors_;
  done_ = true;
}

void RPyTokenSource::emitSynthetic(size_t type, Token &at) {
  size_t start = at.getStartIndex();
  auto tok = std::make_unique<antlr4::CommonToken>(
      std::pair<antlr4::TokenSource *, antlr4::CharStream *>(this, _input), type,
      Token::DEFAULT_CHANNEL, start, start - 1);
  tok->setLine(at.getLine());
  tok->setCharPositionInLine(at.getCharPositionInLine());
  tok->setText(type == NEWLINE ? "<newline>" : type == INDENT ? "<indent>"
               : type == DEDENT ? "<dedent>" : "<eof>");
  pending_.push_back(std::move(tok));
}

// One raw token from the generated lexer, dispatched by type.
void RPyTokenSource::produce() {
  if (done_) {
    auto eof = RPyLexer::nextToken(); // for its position only
    emitSynthetic(Token::EOF, *eof);
    return;
  }
  std::unique_ptr<Token> tok = RPyLexer::nextToken();
  switch (tok->getType()) {
  case NEWLINE: onNewline(std::move(tok)); return;
  case Token::EOF: onEof(*tok); return;
  case ERROR_CHAR: invalidCharacter(*tok); return;
  case UNTERMINATED_STRING:
    diags_.error(locOf(*tok), "unterminated string literal");
    ++errors_;
    skipRestOfLine();
    return;
  case UNTERMINATED_LONG_STRING:
    fatal(locOf(*tok), "unterminated triple-quoted string");
    return;
  }
  onToken(std::move(tok));
}

void RPyTokenSource::onNewline(std::unique_ptr<Token> tok) {
  if (!brackets_.empty() || atLineStart_) return; // joined or blank line
  atLineStart_ = true;
  prefixRun_ = powCount_ = ifCount_ = lambdaCount_ = 0;
  pending_.push_back(std::move(tok));
}

void RPyTokenSource::onToken(std::unique_ptr<Token> tok) {
  if (atLineStart_) {
    if (!checkIndent(*tok)) return;
    atLineStart_ = false;
  }
  trackBrackets(*tok);
  trackChains(*tok);
  if (!done_) pending_.push_back(std::move(tok));
}

void RPyTokenSource::onEof(Token &eof) {
  if (!brackets_.empty()) {
    const Bracket &b = brackets_.back();
    char open = b.type == LPAR ? '(' : b.type == LSQB ? '[' : '{';
    fatal(b.loc, std::string("'") + open + "' was never closed");
  } else if (!atLineStart_) {
    emitSynthetic(NEWLINE, eof);
  }
  for (size_t i = 1; i < indents_.size(); ++i) emitSynthetic(DEDENT, eof);
  indents_.resize(1);
  emitSynthetic(Token::EOF, eof);
  done_ = true;
}

// Measures the indentation of `tok`'s line and emits INDENT/DEDENTs.
// Returns false after a (fatal) indentation error.
bool RPyTokenSource::checkIndent(Token &tok) {
  size_t start = tok.getStartIndex(), lineStart = start;
  while (lineStart > 0 && text_[lineStart - 1] != '\n' && text_[lineStart - 1] != '\r')
    --lineStart;
  Indent ind{0, 0};
  for (size_t i = lineStart; i < start; ++i) {
    char c = text_[i];
    if (c == ' ') ++ind.width8, ++ind.width1;
    else if (c == '\t') ind.width8 = (ind.width8 / 8 + 1) * 8, ++ind.width1;
    else if (c == '\f') ind = {0, 0};
  }
  const Indent &top = indents_.back();
  bool consistent = ind.width8 == top.width8 ? ind.width1 == top.width1
                    : ind.width8 > top.width8 ? ind.width1 > top.width1
                                              : true; // checked by dedentTo
  if (!consistent) {
    fatal(locOf(tok), "inconsistent use of tabs and spaces in indentation");
    return false;
  }
  if (ind.width8 > top.width8) {
    if (indents_.size() > MAX_INDENT_DEPTH) {
      fatal(locOf(tok), "too many levels of indentation");
      return false;
    }
    indents_.push_back(ind);
    emitSynthetic(INDENT, tok);
  } else if (ind.width8 < top.width8) {
    dedentTo(ind, tok);
  }
  return !done_;
}

void RPyTokenSource::dedentTo(const Indent &ind, Token &tok) {
  while (indents_.back().width8 > ind.width8) {
    indents_.pop_back();
    emitSynthetic(DEDENT, tok);
  }
  if (indents_.back().width8 != ind.width8)
    fatal(locOf(tok), "unindent does not match any outer indentation level");
  else if (indents_.back().width1 != ind.width1)
    fatal(locOf(tok), "inconsistent use of tabs and spaces in indentation");
}

void RPyTokenSource::trackBrackets(Token &tok) {
  size_t type = tok.getType();
  if (type == LPAR || type == LSQB || type == LBRACE) {
    if (brackets_.size() >= MAX_BRACKET_DEPTH)
      fatal(locOf(tok), "too many nested parentheses");
    brackets_.push_back({type, locOf(tok)});
    return;
  }
  if (type != RPAR && type != RSQB && type != RBRACE) return;
  std::string close = tok.getType() == RPAR ? ")" : type == RSQB ? "]" : "}";
  if (brackets_.empty()) {
    diags_.error(locOf(tok), "unmatched '" + close + "'");
    ++errors_;
    return;
  }
  size_t open = brackets_.back().type;
  if ((open == LPAR) != (type == RPAR) || (open == LSQB) != (type == RSQB)) {
    std::string o = open == LPAR ? "(" : open == LSQB ? "[" : "{";
    fatal(locOf(tok), "closing parenthesis '" + close +
                          "' does not match opening parenthesis '" + o + "'");
    return;
  }
  brackets_.pop_back();
}

// Bounds the parser's recursion for constructs nested without brackets.
void RPyTokenSource::trackChains(Token &tok) {
  size_t type = tok.getType();
  bool prefix = type == NOT || type == MINUS || type == PLUS || type == TILDE;
  prefixRun_ = prefix ? prefixRun_ + 1 : 0;
  powCount_ += type == DOUBLE_STAR;
  ifCount_ += type == IF;
  lambdaCount_ += type == LAMBDA;
  if (prefixRun_ > MAX_CHAIN || powCount_ > MAX_CHAIN || ifCount_ > MAX_CHAIN ||
      lambdaCount_ > MAX_CHAIN)
    fatal(locOf(tok), "expression too deeply nested");
}

// Length of the UTF-8 sequence starting at text_[i], or 0 if malformed;
// stores its code point in `cp`.
static size_t utf8Sequence(std::string_view text, size_t i, uint32_t &cp) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  size_t len = c >= 0xF0 && c < 0xF5 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (len == 0 || c >= 0xF5 || i + len > text.size()) return 0;
  cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    unsigned char d = static_cast<unsigned char>(text[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  return len;
}

void RPyTokenSource::invalidCharacter(Token &tok) {
  size_t i = tok.getStartIndex();
  unsigned char c = static_cast<unsigned char>(text_[i]);
  char buf[64];
  uint32_t cp = 0;
  size_t len = c >= 0x80 ? utf8Sequence(text_, i, cp) : 1;
  if (c == '\\')
    std::snprintf(buf, sizeof buf, "unexpected character after line continuation character");
  else if (c >= 0x20 && c < 0x7f)
    std::snprintf(buf, sizeof buf, "invalid character '%c'", c);
  else if (c < 0x80)
    std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", unsigned(c));
  else if (len == 0)
    std::snprintf(buf, sizeof buf, "invalid utf-8 byte 0x%02x", unsigned(c));
  else
    std::snprintf(buf, sizeof buf, "invalid character '%.*s' (U+%04X)", int(len),
                  text_.data() + i, unsigned(cp));
  diags_.error(locOf(tok), buf);
  ++errors_;
  auto *sim = getInterpreter<antlr4::atn::LexerATNSimulator>();
  for (size_t k = 1; k < len; ++k) sim->consume(_input); // rest of the character
}

void RPyTokenSource::skipRestOfLine() {
  auto *sim = getInterpreter<antlr4::atn::LexerATNSimulator>();
  for (size_t c = _input->LA(1); c != Token::EOF && c != '\n' && c != '\r'; c = _input->LA(1))
    sim->consume(_input);
}

} // namespace lathe::grammar
