//===- token_dump.cpp - The RPy token stream as text, for tests -------------===//
#include "frontend/grammar/token_dump.h"
#include "frontend/grammar/literals.h"
#include "frontend/grammar/token_source.h"

#include <charconv>

namespace lathe {

static std::string literalValue(antlr4::Token *t, std::string_view text) {
  if (t->getType() == grammar::RPyLexer::INTEGER) {
    int64_t v = 0;
    return literals::decodeInt(text, v) ? std::to_string(v) : "<too large>";
  }
  if (t->getType() == grammar::RPyLexer::FLOAT) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, literals::decodeFloat(text));
    return std::string(buf, r.ptr);
  }
  literals::StringValue v;
  std::string err;
  if (!literals::decodeString(text, v, err)) return "<error: " + err + ">";
  return (v.isBytes ? "b\"" : "\"") + literals::escapeForPrint(v.value) + "\"";
}

std::string dumpTokens(uint32_t fileId, Diagnostics &diags) {
  const std::string &src = diags.sources().file(fileId).text();
  grammar::ByteStream chars(src);
  grammar::RPyTokenSource lexer(&chars, fileId, diags);
  const antlr4::dfa::Vocabulary &vocab = lexer.getVocabulary();
  std::string out;
  for (;;) {
    auto t = lexer.nextToken();
    size_t type = t->getType();
    out += std::to_string(t->getLine()) + ":" + std::to_string(t->getCharPositionInLine() + 1) +
           " " + (type == antlr4::Token::EOF ? "EOF" : vocab.getSymbolicName(type));
    bool synthetic = type == grammar::RPyLexer::NEWLINE || type == grammar::RPyLexer::INDENT ||
                     type == grammar::RPyLexer::DEDENT || type == antlr4::Token::EOF;
    if (!synthetic) {
      std::string_view text(src.data() + t->getStartIndex(), t->getStopIndex() + 1 - t->getStartIndex());
      out += " '" + literals::escapeForPrint(text) + "'";
      if (type == grammar::RPyLexer::INTEGER || type == grammar::RPyLexer::FLOAT ||
          type == grammar::RPyLexer::STRING)
        out += " = " + literalValue(t.get(), text);
    }
    out += '\n';
    if (type == antlr4::Token::EOF) break;
  }
  return out;
}

} // namespace lathe
