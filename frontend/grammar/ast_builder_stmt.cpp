//===- ast_builder_stmt.cpp - RPy parse tree to AST: statements ------------===//
// See ast_builder.h. Also checks what the grammar accepts too liberally:
// assignment and deletion targets, annotated and augmented targets, and the
// order of parameters. Statement locations are their first token, except a
// decorated def/class, which is located at its `def`/`class` keyword (as in
// CPython 3.8+) so later errors point at the definition.
//===----------------------------------------------------------------------===//
#include "frontend/grammar/ast_builder.h"

namespace lathe::grammar {

using namespace ast;
using antlr4::tree::TerminalNode;
using P = RPyParser;

BinOpKind augOp(size_t tokenType); // ast_builder_expr.cpp

unsigned AstBuilder::build(P::File_inputContext *file) {
  for (auto *s : file->stmt()) stmt(s, m_.body);
  return errors_;
}

void AstBuilder::stmt(P::StmtContext *ctx, StmtList &out) {
  if (auto *simple = ctx->simple_stmts()) simpleStmts(simple, out);
  else out.push_back(compoundStmt(ctx->compound_stmt()));
}

void AstBuilder::simpleStmts(P::Simple_stmtsContext *ctx, StmtList &out) {
  for (auto *s : ctx->simple_stmt()) out.push_back(simpleStmt(s));
}

StmtList AstBuilder::suite(P::SuiteContext *ctx) {
  StmtList out;
  if (auto *simple = ctx->simple_stmts()) simpleStmts(simple, out);
  for (auto *s : ctx->stmt()) stmt(s, out);
  return out;
}

Stmt *AstBuilder::simpleStmt(P::Simple_stmtContext *ctx) {
  Ctx *c = static_cast<Ctx *>(ctx->children[0]);
  SrcLoc l = loc(c);
  switch (c->getRuleIndex()) {
  case P::RuleExpr_stmt: return exprStmt(static_cast<P::Expr_stmtContext *>(c));
  case P::RuleDel_stmt: return delStmt(static_cast<P::Del_stmtContext *>(c));
  case P::RulePass_stmt: return make<Pass>(l);
  case P::RuleBreak_stmt: return make<Break>(l);
  case P::RuleContinue_stmt: return make<Continue>(l);
  case P::RuleReturn_stmt: {
    auto *r = make<Return>(l);
    if (c->children.size() > 1) r->value = value(c->children[1]);
    return r;
  }
  case P::RuleRaise_stmt: return raiseStmt(static_cast<P::Raise_stmtContext *>(c));
  case P::RuleGlobal_stmt: return namesStmt(c, true);
  case P::RuleNonlocal_stmt: return namesStmt(c, false);
  case P::RuleAssert_stmt: return assertStmt(static_cast<P::Assert_stmtContext *>(c));
  case P::RuleImport_name: return importName(static_cast<P::Import_nameContext *>(c));
  case P::RuleImport_from: return importFrom(static_cast<P::Import_fromContext *>(c));
  default: break; // ANTLR's rule enum
  }
  assert(false && "unknown simple statement rule");
  return nullptr;
}

Stmt *AstBuilder::exprStmt(P::Expr_stmtContext *ctx) {
  auto parts = ctx->testlist_star_expr();
  Expr *first = expr(parts[0]);
  if (auto *ann = ctx->annassign()) return annAssign(first, ann);
  if (ctx->augassign()) return augAssign(first, ctx);
  if (parts.size() == 1) {
    auto *s = make<ExprStmt>(loc(ctx));
    if (first->kind == ExprKind::Starred) error(first->loc, "can't use starred expression here");
    s->value = first;
    return s;
  }
  auto *a = make<Assign>(loc(ctx));
  a->targets.push_back(first);
  for (size_t i = 1; i + 1 < parts.size(); ++i) a->targets.push_back(expr(parts[i]));
  for (Expr *t : a->targets) {
    if (t->kind == ExprKind::Starred)
      error(t->loc, "starred assignment target must be in a list or tuple");
    else checkTarget(t, false);
  }
  a->value = value(parts.back());
  return a;
}

Stmt *AstBuilder::annAssign(Expr *target, P::AnnassignContext *ctx) {
  auto *a = make<AnnAssign>(target->loc);
  if (target->kind == ExprKind::Tuple || target->kind == ExprKind::List)
    error(target->loc, "only single target (not tuple) can be annotated");
  else if (target->kind == ExprKind::Starred)
    error(target->loc, "invalid syntax");
  else checkTarget(target, false);
  a->target = target;
  a->annotation = expr(ctx->test());
  if (ctx->testlist_star_expr()) a->value = value(ctx->testlist_star_expr());
  return a;
}

Stmt *AstBuilder::augAssign(Expr *target, P::Expr_stmtContext *ctx) {
  auto *a = make<AugAssign>(target->loc);
  ExprKind k = target->kind;
  if (k != ExprKind::Name && k != ExprKind::Attribute && k != ExprKind::Subscript)
    error(target->loc, k == ExprKind::Tuple || k == ExprKind::List
                           ? "illegal expression for augmented assignment"
                           : "'" + std::string(exprKindName(k)) +
                                 "' is an illegal expression for augmented assignment");
  a->target = target;
  auto *op = static_cast<TerminalNode *>(ctx->augassign()->children[0]);
  a->op = augOp(op->getSymbol()->getType());
  a->value = expr(ctx->testlist());
  return a;
}

// What an invalid target is called in "cannot assign to ...".
static const char *targetDescription(const Expr *e) {
  switch (e->kind) {
  case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
  case ExprKind::Starred: case ExprKind::Tuple: case ExprKind::List: return nullptr;
  case ExprKind::IntLit: case ExprKind::FloatLit: case ExprKind::StrLit: return "literal";
  case ExprKind::BoolLit: return cast<BoolLit>(e)->value ? "True" : "False";
  case ExprKind::NoneLit: return "None";
  case ExprKind::BinOp: case ExprKind::UnaryOp: case ExprKind::BoolOp:
  case ExprKind::Slice: return "expression";
  case ExprKind::Compare: return "comparison";
  case ExprKind::Call: return "function call";
  case ExprKind::Dict: return "dict literal";
  case ExprKind::Set: return "set display";
  case ExprKind::IfExp: return "conditional expression";
  case ExprKind::Lambda: return "lambda";
  case ExprKind::ListComp: return "list comprehension";
  case ExprKind::SetComp: return "set comprehension";
  case ExprKind::DictComp: return "dict comprehension";
  case ExprKind::GeneratorExp: return "generator expression";
  }
  return "expression";
}

// Targets: Name, Attribute, Subscript, or a Tuple/List of targets with at
// most one Starred each.
void AstBuilder::checkTarget(Expr *e, bool del) {
  if (const char *what = targetDescription(e)) {
    error(e->loc, std::string(del ? "cannot delete " : "cannot assign to ") + what);
    return;
  }
  if (e->kind == ExprKind::Starred) {
    if (del) error(e->loc, "cannot delete starred");
    else checkTarget(cast<Starred>(e)->value, del);
    return;
  }
  if (e->kind != ExprKind::Tuple && e->kind != ExprKind::List) return;
  ExprList &elts = e->kind == ExprKind::Tuple ? cast<Tuple>(e)->elts : cast<List>(e)->elts;
  int starred = 0;
  for (Expr *elt : elts) {
    if (elt->kind == ExprKind::Starred && ++starred == 2)
      error(elt->loc, "multiple starred expressions in assignment");
    checkTarget(elt, del);
  }
}

Stmt *AstBuilder::delStmt(P::Del_stmtContext *ctx) {
  auto *d = make<Delete>(loc(ctx));
  d->targets = items(ctx->exprlist());
  for (Expr *t : d->targets) checkTarget(t, true);
  return d;
}

Stmt *AstBuilder::raiseStmt(P::Raise_stmtContext *ctx) {
  auto *r = make<Raise>(loc(ctx));
  auto tests = ctx->test();
  if (!tests.empty()) r->exc = expr(tests[0]);
  if (tests.size() > 1) r->cause = expr(tests[1]);
  return r;
}

Stmt *AstBuilder::namesStmt(Ctx *ctx, bool global) {
  std::vector<std::string> names;
  for (Tree *c : ctx->children)
    if (static_cast<TerminalNode *>(c)->getSymbol()->getType() == P::NAME)
      names.emplace_back(tokenText(c));
  if (global) {
    auto *g = make<Global>(loc(ctx));
    g->names = std::move(names);
    return g;
  }
  auto *n = make<Nonlocal>(loc(ctx));
  n->names = std::move(names);
  return n;
}

Stmt *AstBuilder::assertStmt(P::Assert_stmtContext *ctx) {
  auto *a = make<Assert>(loc(ctx));
  auto tests = ctx->test();
  a->test = expr(tests[0]);
  if (tests.size() > 1) a->msg = expr(tests[1]);
  return a;
}

std::string AstBuilder::dottedName(P::Dotted_nameContext *ctx) {
  std::string out;
  for (auto *n : ctx->NAME()) {
    if (!out.empty()) out += '.';
    out += tokenText(n);
  }
  return out;
}

Stmt *AstBuilder::importName(P::Import_nameContext *ctx) {
  auto *s = make<Import>(loc(ctx));
  for (auto *d : ctx->dotted_as_name()) {
    Alias a{loc(d), dottedName(d->dotted_name()), ""};
    if (d->NAME()) a.asname = std::string(tokenText(d->NAME()));
    s->names.push_back(a);
  }
  return s;
}

Stmt *AstBuilder::importFrom(P::Import_fromContext *ctx) {
  auto *s = make<ImportFrom>(loc(ctx));
  s->level = int(ctx->DOT().size() + 3 * ctx->ELLIPSIS().size());
  if (ctx->dotted_name()) s->module = dottedName(ctx->dotted_name());
  auto *targets = ctx->import_targets();
  if (targets->STAR()) s->names.push_back({loc(targets), "*", ""});
  for (auto *n : targets->import_as_name()) {
    auto names = n->NAME();
    Alias a{loc(n), std::string(tokenText(names[0])), ""};
    if (names.size() > 1) a.asname = std::string(tokenText(names[1]));
    s->names.push_back(a);
  }
  return s;
}

Stmt *AstBuilder::compoundStmt(P::Compound_stmtContext *ctx) {
  if (auto *c = ctx->if_stmt()) return ifStmt(c);
  if (auto *c = ctx->while_stmt()) return whileStmt(c);
  if (auto *c = ctx->for_stmt()) return forStmt(c);
  if (auto *c = ctx->try_stmt()) return tryStmt(c);
  if (auto *c = ctx->funcdef()) return funcDef(c, {});
  if (auto *c = ctx->classdef()) return classDef(c, {});
  return decorated(ctx->decorated());
}

// `if a: ... elif b: ... else: ...` becomes If(a, orelse=[If(b, orelse=...)]).
Stmt *AstBuilder::ifStmt(P::If_stmtContext *ctx) {
  auto tests = ctx->test();
  auto suites = ctx->suite();
  auto elifs = ctx->ELIF();
  std::vector<If *> chain;
  for (size_t i = 0; i < tests.size(); ++i) {
    auto *s = make<If>(i == 0 ? loc(ctx) : loc(elifs[i - 1]->getSymbol()));
    s->test = expr(tests[i]);
    s->body = suite(suites[i]);
    if (i > 0) chain.back()->orelse.push_back(s);
    chain.push_back(s);
  }
  if (suites.size() > tests.size()) chain.back()->orelse = suite(suites.back());
  return chain.front();
}

Stmt *AstBuilder::whileStmt(P::While_stmtContext *ctx) {
  auto *w = make<While>(loc(ctx));
  w->test = expr(ctx->test());
  auto suites = ctx->suite();
  w->body = suite(suites[0]);
  if (suites.size() > 1) w->orelse = suite(suites[1]);
  return w;
}

Stmt *AstBuilder::forStmt(P::For_stmtContext *ctx) {
  auto *f = make<For>(loc(ctx));
  f->target = expr(ctx->exprlist());
  checkTarget(f->target, false);
  f->iter = expr(ctx->testlist());
  auto suites = ctx->suite();
  f->body = suite(suites[0]);
  if (suites.size() > 1) f->orelse = suite(suites[1]);
  return f;
}

// Children: TRY : suite (except_clause : suite)* [ELSE : suite] [FINALLY : suite].
Stmt *AstBuilder::tryStmt(P::Try_stmtContext *ctx) {
  auto *t = make<Try>(loc(ctx));
  auto &ch = ctx->children;
  t->body = suite(static_cast<P::SuiteContext *>(ch[2]));
  for (size_t i = 3; i + 2 < ch.size(); i += 3) {
    auto *body = static_cast<P::SuiteContext *>(ch[i + 2]);
    if (auto *ex = dynamic_cast<P::Except_clauseContext *>(ch[i])) {
      if (!t->handlers.empty() && !t->handlers.back().type)
        error(t->handlers.back().loc, "default 'except:' must be last");
      ExceptHandler h{loc(ex), nullptr, "", {}};
      if (ex->test()) h.type = expr(ex->test());
      if (ex->NAME()) h.name = std::string(tokenText(ex->NAME()));
      h.body = suite(body);
      t->handlers.push_back(std::move(h));
    } else if (static_cast<TerminalNode *>(ch[i])->getSymbol()->getType() == P::ELSE) {
      t->orelse = suite(body);
    } else {
      t->finalbody = suite(body);
    }
  }
  return t;
}

Stmt *AstBuilder::funcDef(P::FuncdefContext *ctx, ExprList decorators) {
  auto *f = make<FunctionDef>(loc(ctx));
  f->name = std::string(tokenText(ctx->NAME()));
  if (ctx->typedargslist()) f->args = parameters(ctx->typedargslist());
  if (ctx->test()) f->returns = expr(ctx->test());
  f->body = suite(ctx->suite());
  f->decorators = std::move(decorators);
  return f;
}

Stmt *AstBuilder::classDef(P::ClassdefContext *ctx, ExprList decorators) {
  auto *c = make<ClassDef>(loc(ctx));
  c->name = std::string(tokenText(ctx->NAME()));
  if (ctx->arglist()) arguments(ctx->arglist(), c->bases, c->keywords);
  c->body = suite(ctx->suite());
  c->decorators = std::move(decorators);
  return c;
}

Stmt *AstBuilder::decorated(P::DecoratedContext *ctx) {
  ExprList decorators;
  for (auto *d : ctx->decorator()) decorators.push_back(decorator(d));
  if (ctx->funcdef()) return funcDef(ctx->funcdef(), std::move(decorators));
  return classDef(ctx->classdef(), std::move(decorators));
}

// `@a.b(args)` becomes Call(Attribute(Name a, b), args).
Expr *AstBuilder::decorator(P::DecoratorContext *ctx) {
  auto names = ctx->dotted_name()->NAME();
  SrcLoc l = loc(names[0]->getSymbol());
  auto *n = make<Name>(l);
  n->id = std::string(tokenText(names[0]));
  Expr *e = n;
  for (size_t i = 1; i < names.size(); ++i) {
    auto *a = make<Attribute>(l);
    a->value = e;
    a->attr = std::string(tokenText(names[i]));
    e = a;
  }
  if (!ctx->LPAR()) return e;
  auto *c = make<Call>(l);
  c->func = e;
  if (ctx->arglist()) arguments(ctx->arglist(), c->args, c->keywords);
  return c;
}

// Parameters of a def (typedargslist) or lambda (varargslist): the items
// are checked for order here.
Arguments AstBuilder::parameters(Ctx *list) {
  Arguments out;
  bool sawStar = false, sawDefault = false;
  for (Tree *c : list->children)
    if (!dynamic_cast<TerminalNode *>(c)) parameter(static_cast<Ctx *>(c), out, sawStar, sawDefault);
  if (sawStar && out.vararg.empty() && out.kwonlyargs.empty())
    error(loc(list), "named arguments must follow bare *");
  return out;
}

void AstBuilder::parameter(Ctx *item, Arguments &out, bool &sawStar, bool &sawDefault) {
  auto &ch = item->children;
  size_t kind = static_cast<TerminalNode *>(ch[0])->getSymbol()->getType();
  Arg arg{loc(item), "", nullptr, nullptr};
  for (size_t i = 0; i < ch.size(); ++i) {
    auto *term = dynamic_cast<TerminalNode *>(ch[i]);
    size_t t = term ? term->getSymbol()->getType() : 0;
    if (t == P::NAME) arg.name = std::string(tokenText(term));
    else if (t == P::COLON) arg.annotation = expr(ch[++i]);
    else if (t == P::ASSIGN) arg.defaultValue = expr(ch[++i]);
  }
  if (!out.kwarg.empty()) error(arg.loc, "arguments cannot follow var-keyword argument");
  bool duplicate = arg.name == out.vararg || arg.name == out.kwarg;
  for (const auto *l : {&out.args, &out.kwonlyargs})
    for (const Arg &a : *l) duplicate |= a.name == arg.name;
  if (duplicate && !arg.name.empty())
    error(arg.loc, "duplicate argument '" + arg.name + "' in function definition");
  if (kind == P::DOUBLE_STAR) {
    out.kwarg = arg.name;
  } else if (kind == P::STAR) {
    if (sawStar) error(arg.loc, "* argument may appear only once");
    sawStar = true;
    out.vararg = arg.name;
  } else if (sawStar) {
    out.kwonlyargs.push_back(arg);
  } else {
    if (sawDefault && !arg.defaultValue)
      error(arg.loc, "non-default argument follows default argument");
    sawDefault |= arg.defaultValue != nullptr;
    out.args.push_back(arg);
  }
}

} // namespace lathe::grammar
