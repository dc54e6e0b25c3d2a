//===- ast_builder_expr.cpp - RPy parse tree to AST: expressions -----------===//
// See ast_builder.h. Each precedence level of the grammar passes its single
// child straight through, so the common case (a bare name or literal under
// fifteen levels of rules) allocates nothing. Binary chains are built
// left-associative in a loop; `**` is right-associative by the grammar.
//===----------------------------------------------------------------------===//
#include "frontend/grammar/ast_builder.h"
#include "frontend/grammar/literals.h"
#include "frontend/grammar/token_source.h"

namespace lathe::grammar {

using namespace ast;
using antlr4::tree::TerminalNode;
using P = RPyParser;

static size_t tokType(antlr4::tree::ParseTree *t) {
  auto *term = dynamic_cast<TerminalNode *>(t);
  return term ? term->getSymbol()->getType() : 0;
}

SrcLoc AstBuilder::loc(Token *t) const {
  return {m_.file, uint32_t(t->getLine()), uint32_t(t->getCharPositionInLine() + 1)};
}
SrcLoc AstBuilder::loc(Tree *t) const {
  if (auto *term = dynamic_cast<TerminalNode *>(t)) return loc(term->getSymbol());
  return loc(static_cast<Ctx *>(t)->getStart());
}
std::string_view AstBuilder::tokenText(Token *t) const {
  return text_.substr(t->getStartIndex(), t->getStopIndex() + 1 - t->getStartIndex());
}
std::string_view AstBuilder::tokenText(Tree *t) const {
  return tokenText(static_cast<TerminalNode *>(t)->getSymbol());
}
void AstBuilder::error(SrcLoc l, std::string msg) {
  diags_.error(l, std::move(msg));
  ++errors_;
}

// Dispatch on the grammar rule; every expression rule has a case.
Expr *AstBuilder::expr(Tree *t) {
  auto *ctx = static_cast<Ctx *>(t);
  switch (ctx->getRuleIndex()) {
  case P::RuleTest: return testExpr(static_cast<P::TestContext *>(ctx));
  case P::RuleTest_nocond: return expr(ctx->children[0]);
  case P::RuleLambdef:
  case P::RuleLambdef_nocond: return lambda(ctx);
  case P::RuleOr_test: return orTest(static_cast<P::Or_testContext *>(ctx));
  case P::RuleNot_test: return notTest(static_cast<P::Not_testContext *>(ctx));
  case P::RuleComparison: return comparison(static_cast<P::ComparisonContext *>(ctx));
  case P::RuleStar_expr: {
    auto *s = make<Starred>(loc(ctx));
    s->value = expr(ctx->children[1]);
    return s;
  }
  case P::RuleExpr: return arith(static_cast<P::ExprContext *>(ctx));
  case P::RuleAtom: return atom(static_cast<P::AtomContext *>(ctx));
  case P::RuleTestlist_star_expr:
  case P::RuleTestlist:
  case P::RuleExprlist: return tupleOrSingle(ctx);
  default: break; // not an expression rule (ANTLR's enum, not ours)
  }
  assert(false && "expr() called on a non-expression rule");
  return nullptr;
}

Expr *AstBuilder::value(Tree *t) {
  Expr *e = expr(t);
  if (e->kind == ExprKind::Starred) error(e->loc, "can't use starred expression here");
  return e;
}

ExprList AstBuilder::items(Ctx *ctx) {
  ExprList out;
  for (Tree *c : ctx->children)
    if (!tokType(c)) out.push_back(expr(c));
  return out;
}

Expr *AstBuilder::tupleOrSingle(Ctx *ctx) {
  if (ctx->children.size() == 1) return expr(ctx->children[0]);
  auto *t = make<Tuple>(loc(ctx));
  t->elts = items(ctx);
  return t;
}

Expr *AstBuilder::testExpr(P::TestContext *ctx) {
  if (ctx->lambdef()) return lambda(ctx->lambdef());
  if (ctx->children.size() == 1) return expr(ctx->children[0]);
  auto *e = make<IfExp>(loc(ctx));
  e->body = expr(ctx->children[0]);
  e->test = expr(ctx->children[2]);
  e->orelse = expr(ctx->children[4]);
  return e;
}

Expr *AstBuilder::lambda(Ctx *ctx) {
  auto *e = make<Lambda>(loc(ctx));
  Tree *params = ctx->children[1];
  if (!tokType(params)) e->args = parameters(static_cast<Ctx *>(params));
  e->body = expr(ctx->children.back());
  return e;
}

static CmpOpKind cmpOp(P::Comp_opContext *op) {
  switch (tokType(op->children[0])) {
  case P::LESS: return CmpOpKind::LT;
  case P::GREATER: return CmpOpKind::GT;
  case P::EQ: return CmpOpKind::EQ;
  case P::GE: return CmpOpKind::GE;
  case P::LE: return CmpOpKind::LE;
  case P::NE: return CmpOpKind::NE;
  case P::IN: return CmpOpKind::IN;
  case P::NOT: return CmpOpKind::NOT_IN;
  case P::IS: return op->children.size() == 2 ? CmpOpKind::IS_NOT : CmpOpKind::IS;
  default: break;
  }
  assert(false && "unknown comparison operator token");
  return CmpOpKind::EQ;
}

static BinOpKind binOp(size_t tokenType) {
  switch (tokenType) {
  case P::VBAR: case P::OR_ASSIGN: return BinOpKind::BITOR;
  case P::CIRCUMFLEX: case P::XOR_ASSIGN: return BinOpKind::BITXOR;
  case P::AMPER: case P::AND_ASSIGN: return BinOpKind::BITAND;
  case P::LSHIFT: case P::LSHIFT_ASSIGN: return BinOpKind::LSHIFT;
  case P::RSHIFT: case P::RSHIFT_ASSIGN: return BinOpKind::RSHIFT;
  case P::PLUS: case P::ADD_ASSIGN: return BinOpKind::ADD;
  case P::MINUS: case P::SUB_ASSIGN: return BinOpKind::SUB;
  case P::STAR: case P::MUL_ASSIGN: return BinOpKind::MUL;
  case P::SLASH: case P::DIV_ASSIGN: return BinOpKind::DIV;
  case P::FLOORDIV: case P::FLOORDIV_ASSIGN: return BinOpKind::FLOORDIV;
  case P::PERCENT: case P::MOD_ASSIGN: return BinOpKind::MOD;
  case P::DOUBLE_STAR: case P::DOUBLE_STAR_ASSIGN: return BinOpKind::POW;
  default: break;
  }
  assert(false && "unknown binary operator token");
  return BinOpKind::ADD;
}

// Exposed to the statement builder for augmented assignment.
BinOpKind augOp(size_t tokenType) { return binOp(tokenType); }

// Left-deep chains (a + b + c ...) nest their contexts on the left: walk
// that spine in a loop, so the C++ stack does not grow with chain length.
template <class C> static std::vector<C *> leftSpine(C *&ctx) {
  std::vector<C *> spine;
  while (ctx->children.size() == 3 && dynamic_cast<C *>(ctx->children[0])) {
    spine.push_back(ctx);
    ctx = static_cast<C *>(ctx->children[0]);
  }
  return spine;
}

Expr *AstBuilder::arith(P::ExprContext *ctx) {
  if (ctx->children.size() == 1) return expr(ctx->children[0]);
  P::ExprContext *leaf = ctx;
  std::vector<P::ExprContext *> spine = leftSpine(leaf);
  if (spine.size() > MAX_CHAIN) {
    // A left-deep tree this deep would overflow every later recursive pass.
    error(loc(ctx), "expression too deeply nested");
    return make<NoneLit>(loc(ctx));
  }
  Expr *left = arithLeaf(leaf);
  for (size_t i = spine.size(); i-- > 0;) {
    auto *e = make<BinOp>(left->loc);
    e->op = binOp(tokType(spine[i]->children[1]));
    e->left = left;
    e->right = expr(spine[i]->children[2]);
    left = e;
  }
  return left;
}

// `atom trailer*` or a prefix operator.
Expr *AstBuilder::arithLeaf(P::ExprContext *ctx) {
  size_t t = tokType(ctx->children[0]);
  if (t == 0) {
    Expr *e = expr(ctx->children[0]);
    for (size_t i = 1; i < ctx->children.size(); ++i)
      e = trailer(e, static_cast<P::TrailerContext *>(ctx->children[i]));
    return e;
  }
  auto *e = make<UnaryOp>(loc(ctx));
  e->op = t == P::MINUS ? UnaryOpKind::NEG : t == P::PLUS ? UnaryOpKind::POS : UnaryOpKind::INVERT;
  e->operand = expr(ctx->children[1]);
  return e;
}

// `a and b or c`: the left spine holds the and/or nodes bottom-up; a node
// extends the BoolOp its left operand built when the operator is the same
// (a parenthesized BoolOp comes from an atom and is never extended).
Expr *AstBuilder::orTest(P::Or_testContext *ctx) {
  if (ctx->children.size() == 1) return expr(ctx->children[0]);
  P::Or_testContext *leaf = ctx;
  std::vector<P::Or_testContext *> spine = leftSpine(leaf);
  Expr *left = expr(leaf->children[0]);
  BoolOp *built = nullptr;
  for (size_t i = spine.size(); i-- > 0;) {
    bool isAnd = tokType(spine[i]->children[1]) == P::AND;
    if (!built || built != left || built->isAnd != isAnd) {
      built = make<BoolOp>(left->loc);
      built->isAnd = isAnd;
      built->values.push_back(left);
    }
    built->values.push_back(expr(spine[i]->children[2]));
    left = built;
  }
  return left;
}

Expr *AstBuilder::notTest(P::Not_testContext *ctx) {
  if (!ctx->NOT()) return expr(ctx->children[0]);
  auto *e = make<UnaryOp>(loc(ctx));
  e->op = UnaryOpKind::NOT;
  e->operand = expr(ctx->children[1]);
  return e;
}

Expr *AstBuilder::comparison(P::ComparisonContext *ctx) {
  if (ctx->children.size() == 1) return expr(ctx->children[0]);
  auto *e = make<Compare>(loc(ctx));
  e->left = expr(ctx->children[0]);
  for (size_t i = 1; i + 1 < ctx->children.size(); i += 2) {
    e->ops.push_back(cmpOp(static_cast<P::Comp_opContext *>(ctx->children[i])));
    e->comparators.push_back(expr(ctx->children[i + 1]));
  }
  return e;
}

Expr *AstBuilder::trailer(Expr *base, P::TrailerContext *ctx) {
  if (ctx->DOT()) {
    auto *a = make<Attribute>(base->loc);
    a->value = base;
    a->attr = std::string(tokenText(ctx->NAME()));
    return a;
  }
  if (ctx->LSQB()) {
    auto *s = make<Subscript>(base->loc);
    s->value = base;
    s->index = subscriptList(ctx->subscriptlist());
    return s;
  }
  auto *c = make<Call>(base->loc);
  c->func = base;
  if (ctx->arglist()) arguments(ctx->arglist(), c->args, c->keywords);
  return c;
}

Expr *AstBuilder::subscriptList(P::SubscriptlistContext *ctx) {
  if (ctx->children.size() == 1)
    return subscript(static_cast<P::SubscriptContext *>(ctx->children[0]));
  auto *t = make<Tuple>(loc(ctx));
  for (Tree *c : ctx->children)
    if (!tokType(c)) t->elts.push_back(subscript(static_cast<P::SubscriptContext *>(c)));
  return t;
}

Expr *AstBuilder::subscript(P::SubscriptContext *ctx) {
  if (ctx->children.size() == 1 && !tokType(ctx->children[0])) return expr(ctx->children[0]);
  auto *s = make<Slice>(loc(ctx));
  bool afterColon = false;
  for (Tree *c : ctx->children) {
    if (tokType(c) == P::COLON) {
      afterColon = true;
    } else if (auto *op = dynamic_cast<P::SliceopContext *>(c)) {
      if (op->test()) s->step = expr(op->test());
    } else {
      (afterColon ? s->upper : s->lower) = expr(c);
    }
  }
  return s;
}

Expr *AstBuilder::atom(P::AtomContext *ctx) {
  Token *t = ctx->getStart();
  switch (t->getType()) {
  case P::LPAR: return parenAtom(ctx);
  case P::LSQB: return listAtom(ctx);
  case P::LBRACE: return braceAtom(ctx);
  case P::INTEGER: return intLiteral(t);
  case P::STRING: return strLiterals(ctx);
  case P::NONE: return make<NoneLit>(loc(t));
  case P::TRUE:
  case P::FALSE: {
    auto *b = make<BoolLit>(loc(t));
    b->value = t->getType() == P::TRUE;
    return b;
  }
  case P::FLOAT: {
    auto *f = make<FloatLit>(loc(t));
    f->value = literals::decodeFloat(tokenText(t));
    return f;
  }
  default: break;
  }
  auto *n = make<Name>(loc(t));
  n->id = std::string(tokenText(t));
  return n;
}

Expr *AstBuilder::intLiteral(Token *t) {
  auto *e = make<IntLit>(loc(t));
  if (!literals::decodeInt(tokenText(t), e->value)) error(e->loc, "integer literal too large");
  return e;
}

Expr *AstBuilder::strLiterals(P::AtomContext *ctx) {
  auto *s = make<StrLit>(loc(ctx));
  for (size_t i = 0; i < ctx->children.size(); ++i) {
    Token *t = static_cast<TerminalNode *>(ctx->children[i])->getSymbol();
    literals::StringValue v;
    std::string err;
    if (!literals::decodeString(tokenText(t), v, err)) error(loc(t), err);
    if (i == 0) s->isBytes = v.isBytes;
    else if (s->isBytes != v.isBytes) error(loc(t), "cannot mix bytes and nonbytes literals");
    s->value += v.value;
  }
  return s;
}

// `(` testlist_comp? `)`: unit tuple, parenthesized expression, tuple or
// generator expression.
Expr *AstBuilder::parenAtom(P::AtomContext *ctx) {
  auto *tc = ctx->testlist_comp();
  if (!tc) return make<Tuple>(loc(ctx));
  if (auto *cf = tc->comp_for()) {
    auto *g = make<GeneratorExp>(loc(ctx));
    g->elt = value(tc->children[0]);
    g->generators = comprehensions(cf);
    return g;
  }
  if (tc->children.size() == 1) return expr(tc->children[0]);
  auto *t = make<Tuple>(loc(ctx));
  t->elts = items(tc);
  return t;
}

Expr *AstBuilder::listAtom(P::AtomContext *ctx) {
  auto *tc = ctx->testlist_comp();
  if (tc && tc->comp_for()) {
    auto *c = make<ListComp>(loc(ctx));
    c->elt = value(tc->children[0]);
    c->generators = comprehensions(tc->comp_for());
    return c;
  }
  auto *l = make<List>(loc(ctx));
  if (tc) l->elts = items(tc);
  return l;
}

Expr *AstBuilder::braceAtom(P::AtomContext *ctx) {
  if (auto *dm = ctx->dictorsetmaker()) return dictMaker(dm, loc(ctx));
  return make<Dict>(loc(ctx));
}

Expr *AstBuilder::dictMaker(P::DictorsetmakerContext *ctx, SrcLoc l) {
  auto &ch = ctx->children;
  bool isDict = ch.size() > 1 && tokType(ch[1]) == P::COLON;
  auto *cf = ctx->comp_for();
  if (isDict && cf) {
    auto *d = make<DictComp>(l);
    d->key = value(ch[0]);
    d->value = value(ch[2]);
    d->generators = comprehensions(cf);
    return d;
  }
  if (cf) {
    auto *s = make<SetComp>(l);
    s->elt = value(ch[0]);
    s->generators = comprehensions(cf);
    return s;
  }
  if (!isDict) {
    auto *s = make<Set>(l);
    s->elts = items(ctx);
    return s;
  }
  auto *d = make<Dict>(l);
  d->keys.push_back(value(ch[0]));
  d->values.push_back(value(ch[2]));
  for (auto *item : ctx->dict_item()) {
    d->keys.push_back(value(item->children[0]));
    d->values.push_back(value(item->children[2]));
  }
  return d;
}

std::vector<Comprehension> AstBuilder::comprehensions(P::Comp_forContext *ctx) {
  std::vector<Comprehension> out;
  Tree *next = ctx;
  while (next) {
    if (auto *cf = dynamic_cast<P::Comp_forContext *>(next)) {
      Comprehension c;
      c.target = expr(cf->exprlist());
      checkTarget(c.target, false);
      c.iter = expr(cf->or_test());
      out.push_back(c);
      next = cf->comp_iter();
    } else if (auto *it = dynamic_cast<P::Comp_iterContext *>(next)) {
      next = it->children[0];
    } else {
      auto *ci = static_cast<P::Comp_ifContext *>(next);
      out.back().ifs.push_back(expr(ci->test_nocond()));
      next = ci->comp_iter();
    }
  }
  return out;
}

// Call arguments: positional (maybe *starred), then keywords and **kwargs.
void AstBuilder::arguments(P::ArglistContext *ctx, ExprList &args,
                           std::vector<Keyword> &keywords) {
  auto list = ctx->argument();
  bool sawKeyword = false, sawKwargs = false;
  for (auto *a : list) {
    if (a->comp_for() && list.size() > 1) {
      error(loc(a), "generator expression must be parenthesized");
    } else if (a->comp_for()) {
      auto *g = make<GeneratorExp>(loc(a));
      g->elt = value(a->test());
      g->generators = comprehensions(a->comp_for());
      args.push_back(g);
    } else if (a->ASSIGN() || a->DOUBLE_STAR()) {
      sawKeyword = true;
      sawKwargs |= a->DOUBLE_STAR() != nullptr;
      std::string name = a->NAME() ? std::string(tokenText(a->NAME())) : "";
      keywords.push_back({loc(a), name, value(a->test())});
    } else if (sawKwargs) {
      error(loc(a), a->STAR() ? "iterable argument unpacking follows keyword argument unpacking"
                              : "positional argument follows keyword argument unpacking");
    } else if (sawKeyword && !a->STAR()) {
      error(loc(a), "positional argument follows keyword argument");
    } else if (a->STAR()) {
      auto *s = make<Starred>(loc(a));
      s->value = value(a->test());
      args.push_back(s);
    } else {
      args.push_back(value(a->test()));
    }
  }
}

} // namespace lathe::grammar
