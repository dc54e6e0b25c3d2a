//===- ast_builder.h - RPy parse tree to AST --------------------------------===//
// Input: the parse tree of a file that parsed without syntax errors.
// Output: the AST (ast.h) in the module's arena.
// Also reports the syntax errors a context-free grammar states badly:
// invalid assignment/deletion targets, parameter order, argument order,
// literal values (integer too large, bad escapes, bytes mixed with str).
// Statement builders live in ast_builder_stmt.cpp, expression builders in
// ast_builder_expr.cpp. Children are walked in source order so interleaved
// alternatives (`test | star_expr`) keep their order.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/ast.h"

#include "RPyParser.h"

namespace lathe::grammar {

class AstBuilder {
public:
  AstBuilder(ast::Module &m, Diagnostics &diags, std::string_view text)
      : m_(m), diags_(diags), text_(text) {}
  /// Fills m.body; returns the number of errors reported.
  unsigned build(RPyParser::File_inputContext *file);

private:
  using Tree = antlr4::tree::ParseTree;
  using Ctx = antlr4::ParserRuleContext;
  using Token = antlr4::Token;

  // --- helpers (ast_builder_expr.cpp) ---
  SrcLoc loc(Token *t) const;
  SrcLoc loc(Tree *t) const;
  std::string_view tokenText(Token *t) const;
  std::string_view tokenText(Tree *t) const;
  void error(SrcLoc loc, std::string msg);
  template <class T> T *make(SrcLoc l) { return m_.arena.make<T>(l); }

  // --- statements (ast_builder_stmt.cpp) ---
  void stmt(RPyParser::StmtContext *ctx, ast::StmtList &out);
  void simpleStmts(RPyParser::Simple_stmtsContext *ctx, ast::StmtList &out);
  ast::Stmt *simpleStmt(RPyParser::Simple_stmtContext *ctx);
  ast::Stmt *compoundStmt(RPyParser::Compound_stmtContext *ctx);
  ast::StmtList suite(RPyParser::SuiteContext *ctx);
  ast::Stmt *exprStmt(RPyParser::Expr_stmtContext *ctx);
  ast::Stmt *annAssign(ast::Expr *target, RPyParser::AnnassignContext *ctx);
  ast::Stmt *augAssign(ast::Expr *target, RPyParser::Expr_stmtContext *ctx);
  ast::Stmt *delStmt(RPyParser::Del_stmtContext *ctx);
  ast::Stmt *raiseStmt(RPyParser::Raise_stmtContext *ctx);
  ast::Stmt *namesStmt(Ctx *ctx, bool global);
  ast::Stmt *assertStmt(RPyParser::Assert_stmtContext *ctx);
  ast::Stmt *importName(RPyParser::Import_nameContext *ctx);
  ast::Stmt *importFrom(RPyParser::Import_fromContext *ctx);
  std::string dottedName(RPyParser::Dotted_nameContext *ctx);
  ast::Stmt *ifStmt(RPyParser::If_stmtContext *ctx);
  ast::Stmt *whileStmt(RPyParser::While_stmtContext *ctx);
  ast::Stmt *forStmt(RPyParser::For_stmtContext *ctx);
  ast::Stmt *tryStmt(RPyParser::Try_stmtContext *ctx);
  ast::Stmt *funcDef(RPyParser::FuncdefContext *ctx, ast::ExprList decorators);
  ast::Stmt *classDef(RPyParser::ClassdefContext *ctx, ast::ExprList decorators);
  ast::Stmt *decorated(RPyParser::DecoratedContext *ctx);
  ast::Expr *decorator(RPyParser::DecoratorContext *ctx);
  void checkTarget(ast::Expr *e, bool del);

  // --- expressions (ast_builder_expr.cpp) ---
  ast::Expr *expr(Tree *t);
  ast::Expr *value(Tree *t); // expr() that rejects a bare `*x`
  ast::Expr *testExpr(RPyParser::TestContext *ctx);
  ast::Expr *lambda(Ctx *ctx);
  ast::Expr *orTest(RPyParser::Or_testContext *ctx);
  ast::Expr *notTest(RPyParser::Not_testContext *ctx);
  ast::Expr *comparison(RPyParser::ComparisonContext *ctx);
  ast::Expr *arith(RPyParser::ExprContext *ctx);
  ast::Expr *arithLeaf(RPyParser::ExprContext *ctx);
  ast::Expr *trailer(ast::Expr *base, RPyParser::TrailerContext *ctx);
  ast::Expr *atom(RPyParser::AtomContext *ctx);
  ast::Expr *parenAtom(RPyParser::AtomContext *ctx);
  ast::Expr *listAtom(RPyParser::AtomContext *ctx);
  ast::Expr *braceAtom(RPyParser::AtomContext *ctx);
  ast::Expr *dictMaker(RPyParser::DictorsetmakerContext *ctx, SrcLoc l);
  ast::Expr *intLiteral(Token *t);
  ast::Expr *strLiterals(RPyParser::AtomContext *ctx);
  ast::Expr *tupleOrSingle(Ctx *ctx);
  ast::Expr *subscriptList(RPyParser::SubscriptlistContext *ctx);
  ast::Expr *subscript(RPyParser::SubscriptContext *ctx);
  ast::ExprList items(Ctx *ctx); // the rule-context children, built
  std::vector<ast::Comprehension> comprehensions(RPyParser::Comp_forContext *ctx);
  void arguments(RPyParser::ArglistContext *ctx, ast::ExprList &args,
                 std::vector<ast::Keyword> &keywords);
  ast::Arguments parameters(Ctx *list);
  void parameter(Ctx *item, ast::Arguments &out, bool &sawStar, bool &sawDefault);

  ast::Module &m_;
  Diagnostics &diags_;
  std::string_view text_;
  unsigned errors_ = 0;
};

} // namespace lathe::grammar
