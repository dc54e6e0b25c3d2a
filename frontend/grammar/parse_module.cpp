//===- parse_module.cpp - parseModule: the frontend's parsing recipe -------===//
// Source bytes -> tokens (RPyTokenSource) -> parse tree (RPyParser) -> AST
// (AstBuilder). Parsing is two-stage, as the ANTLR book recommends: SLL
// prediction with a bail-out strategy (fast, enough for every valid
// program of this grammar), and only when that fails a full-LL reparse
// with the default recovering strategy, to report the errors well.
// Lexical errors stop before parsing; syntax errors stop before the AST.
//===----------------------------------------------------------------------===//
#include "frontend/parser.h"
#include "frontend/grammar/ast_builder.h"
#include "frontend/grammar/error_listener.h"
#include "frontend/grammar/token_source.h"

#include "RPyParser.h"

namespace lathe {

namespace {

using antlr4::atn::ParserATNSimulator;
using antlr4::atn::PredictionMode;

grammar::RPyParser::File_inputContext *
parseTwoStage(grammar::RPyParser &parser, antlr4::CommonTokenStream &tokens,
              grammar::SyntaxErrorListener &listener) {
  parser.removeErrorListeners();
  parser.getInterpreter<ParserATNSimulator>()->setPredictionMode(PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
  try {
    return parser.file_input();
  } catch (antlr4::ParseCancellationException &) {
    tokens.seek(0);
    parser.reset();
    parser.addErrorListener(&listener);
    parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    parser.getInterpreter<ParserATNSimulator>()->setPredictionMode(PredictionMode::LL);
    return parser.file_input();
  }
}

std::unique_ptr<ast::Module> parseFile(uint32_t fileId, Diagnostics &diags) {
  const std::string &text = diags.sources().file(fileId).text();
  grammar::ByteStream chars(text);
  grammar::RPyTokenSource lexer(&chars, fileId, diags);
  antlr4::CommonTokenStream tokens(&lexer);
  tokens.fill();
  if (lexer.lexicalErrors()) return nullptr;

  grammar::RPyParser parser(&tokens);
  grammar::SyntaxErrorListener listener(fileId, diags);
  auto *tree = parseTwoStage(parser, tokens, listener);
  if (listener.errors()) return nullptr;

  auto module = std::make_unique<ast::Module>();
  module->file = fileId;
  grammar::AstBuilder builder(*module, diags, text);
  if (builder.build(tree)) return nullptr;
  return module;
}

} // namespace

std::unique_ptr<ast::Module> parseModule(uint32_t fileId, Diagnostics &diags) {
  try {
    return parseFile(fileId, diags);
  } catch (std::exception &e) {
    // ANTLR throws on internal trouble; a user must never see a crash.
    diags.error({fileId, 1, 1}, std::string("internal parser error: ") + e.what());
    return nullptr;
  }
}

} // namespace lathe
