//===- ast.cpp - Names of AST kinds and the AST printer ---------------------===//
// Input: an AST (ast.h). Output: its golden-test text. Deterministic.
//
// Print format: one node per line, children indented by two spaces.
//   Kind [attributes] [@line:col]
// `@line:col` (the node's first token) is printed when withLocations is set.
// Fixed children print unlabeled in field order (BinOp: left, right);
// optional or same-typed children carry a `field:` label on the child's
// own line (`test: Name x`), and lists carry a `field:` line with the items
// indented below it; empty lists and null fields are omitted. Examples:
//   Assign @1:1                      FunctionDef f @1:1
//     target: Name a @1:1              arg x @1:7
//     value: BinOp + @1:5                default: IntLit 1 @1:9
//       IntLit 1 @1:5                  vararg args
//       IntLit 2 @1:9                  body:
//                                        Return @2:3
// Literals: IntLit 42, FloatLit 1.5 (shortest round-trip form), StrLit "a\n"
// or b"..." (C escapes, \xhh for other bytes), BoolLit True, NoneLit.
// Call: the callee, then positional args, then `keyword name` (or
// `keyword **`) with the value below. Comprehensions print as
// `comprehension` with target:/iter:/if: children.
//===----------------------------------------------------------------------===//
#include "frontend/ast.h"
#include "frontend/grammar/literals.h"

#include <charconv>

namespace lathe::ast {

const char *exprKindName(ExprKind k) {
  static const char *names[] = {
#define EXPR(Name) #Name,
#include "frontend/ast.def"
  };
  return names[size_t(k)];
}
const char *stmtKindName(StmtKind k) {
  static const char *names[] = {
#define STMT(Name) #Name,
#include "frontend/ast.def"
  };
  return names[size_t(k)];
}
const char *binOpSymbol(BinOpKind k) {
  static const char *names[] = {
#define BINOP(NAME, sym, dunder) sym,
#include "frontend/ast.def"
  };
  return names[size_t(k)];
}
const char *binOpDunder(BinOpKind k) {
  static const char *names[] = {
#define BINOP(NAME, sym, dunder) dunder,
#include "frontend/ast.def"
  };
  return names[size_t(k)];
}
const char *unaryOpSymbol(UnaryOpKind k) {
  static const char *names[] = {
#define UNARYOP(NAME, sym) sym,
#include "frontend/ast.def"
  };
  return names[size_t(k)];
}
const char *cmpOpSymbol(CmpOpKind k) {
  static const char *names[] = {
#define CMPOP(NAME, sym) sym,
#include "frontend/ast.def"
  };
  return names[size_t(k)];
}

namespace {

class Printer {
public:
  explicit Printer(bool locs) : locs_(locs) {}
  std::string out;

  void expr(const Expr *e, int depth, const char *label = nullptr);
  void stmt(const Stmt *s, int depth);
  void stmts(const char *label, const StmtList &list, int depth);

private:
  void line(int depth, const char *label, const std::string &text, SrcLoc loc, bool hasLoc = true);
  void exprs(const char *label, const ExprList &list, int depth);
  void opt(const char *label, const Expr *e, int depth) { if (e) expr(e, depth, label); }
  void exprChildren(const Expr *e, int depth);
  std::string exprHeader(const Expr *e);
  std::string stmtHeader(const Stmt *s);
  void stmtChildren(const Stmt *s, int depth);
  void arguments(const Arguments &a, int depth);
  void keywords(const std::vector<Keyword> &kws, int depth);
  void comprehensions(const std::vector<Comprehension> &gens, int depth);
  void handler(const ExceptHandler &h, int depth);
  bool locs_;
};

void Printer::line(int depth, const char *label, const std::string &text, SrcLoc loc, bool hasLoc) {
  out.append(size_t(depth) * 2, ' ');
  if (label) out += std::string(label) + ": ";
  out += text;
  if (locs_ && hasLoc) out += " @" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
  out += '\n';
}

void Printer::exprs(const char *label, const ExprList &list, int depth) {
  if (list.empty()) return;
  if (label) line(depth++, nullptr, std::string(label) + ":", {}, false);
  for (const Expr *e : list) expr(e, depth);
}

void Printer::stmts(const char *label, const StmtList &list, int depth) {
  if (list.empty()) return;
  line(depth, nullptr, std::string(label) + ":", {}, false);
  for (const Stmt *s : list) stmt(s, depth + 1);
}

static std::string floatText(double v) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  std::string s(buf, r.ptr);
  if (s.find_first_of(".eni") == std::string::npos) s += ".0";
  return s;
}

std::string Printer::exprHeader(const Expr *e) {
  std::string h = exprKindName(e->kind);
  switch (e->kind) {
  case ExprKind::Name: return h + " " + cast<Name>(e)->id;
  case ExprKind::IntLit: return h + " " + std::to_string(cast<IntLit>(e)->value);
  case ExprKind::FloatLit: return h + " " + floatText(cast<FloatLit>(e)->value);
  case ExprKind::StrLit: {
    auto *s = cast<StrLit>(e);
    return h + (s->isBytes ? " b\"" : " \"") + literals::escapeForPrint(s->value) + "\"";
  }
  case ExprKind::BoolLit: return h + (cast<BoolLit>(e)->value ? " True" : " False");
  case ExprKind::BinOp: return h + " " + binOpSymbol(cast<BinOp>(e)->op);
  case ExprKind::UnaryOp: return h + " " + unaryOpSymbol(cast<UnaryOp>(e)->op);
  case ExprKind::BoolOp: return h + (cast<BoolOp>(e)->isAnd ? " and" : " or");
  case ExprKind::Compare:
    for (CmpOpKind op : cast<Compare>(e)->ops) h += std::string(" ") + cmpOpSymbol(op);
    return h;
  case ExprKind::Attribute: return h + " ." + cast<Attribute>(e)->attr;
  case ExprKind::NoneLit: case ExprKind::Call: case ExprKind::Subscript:
  case ExprKind::Slice: case ExprKind::Starred: case ExprKind::Tuple:
  case ExprKind::List: case ExprKind::Dict: case ExprKind::Set:
  case ExprKind::IfExp: case ExprKind::Lambda: case ExprKind::ListComp:
  case ExprKind::SetComp: case ExprKind::DictComp: case ExprKind::GeneratorExp:
    return h;
  }
  return h;
}

void Printer::expr(const Expr *e, int depth, const char *label) {
  line(depth, label, exprHeader(e), e->loc);
  exprChildren(e, depth + 1);
}

void Printer::exprChildren(const Expr *e, int d) {
  switch (e->kind) {
  case ExprKind::Name: case ExprKind::IntLit: case ExprKind::FloatLit:
  case ExprKind::StrLit: case ExprKind::BoolLit: case ExprKind::NoneLit: return;
  case ExprKind::BinOp: expr(cast<BinOp>(e)->left, d); expr(cast<BinOp>(e)->right, d); return;
  case ExprKind::UnaryOp: expr(cast<UnaryOp>(e)->operand, d); return;
  case ExprKind::BoolOp: exprs(nullptr, cast<BoolOp>(e)->values, d); return;
  case ExprKind::Compare:
    expr(cast<Compare>(e)->left, d);
    exprs(nullptr, cast<Compare>(e)->comparators, d);
    return;
  case ExprKind::Call:
    expr(cast<Call>(e)->func, d);
    exprs(nullptr, cast<Call>(e)->args, d);
    keywords(cast<Call>(e)->keywords, d);
    return;
  case ExprKind::Attribute: expr(cast<Attribute>(e)->value, d); return;
  case ExprKind::Subscript:
    expr(cast<Subscript>(e)->value, d);
    expr(cast<Subscript>(e)->index, d);
    return;
  case ExprKind::Slice:
    opt("lower", cast<Slice>(e)->lower, d);
    opt("upper", cast<Slice>(e)->upper, d);
    opt("step", cast<Slice>(e)->step, d);
    return;
  case ExprKind::Starred: expr(cast<Starred>(e)->value, d); return;
  case ExprKind::Tuple: exprs(nullptr, cast<Tuple>(e)->elts, d); return;
  case ExprKind::List: exprs(nullptr, cast<List>(e)->elts, d); return;
  case ExprKind::Set: exprs(nullptr, cast<Set>(e)->elts, d); return;
  case ExprKind::Dict:
    for (size_t i = 0; i < cast<Dict>(e)->keys.size(); ++i) {
      expr(cast<Dict>(e)->keys[i], d, "key");
      expr(cast<Dict>(e)->values[i], d, "value");
    }
    return;
  case ExprKind::IfExp:
    expr(cast<IfExp>(e)->test, d, "test");
    expr(cast<IfExp>(e)->body, d, "body");
    expr(cast<IfExp>(e)->orelse, d, "orelse");
    return;
  case ExprKind::Lambda:
    arguments(cast<Lambda>(e)->args, d);
    expr(cast<Lambda>(e)->body, d, "body");
    return;
  case ExprKind::ListComp:
    expr(cast<ListComp>(e)->elt, d, "elt");
    comprehensions(cast<ListComp>(e)->generators, d);
    return;
  case ExprKind::SetComp:
    expr(cast<SetComp>(e)->elt, d, "elt");
    comprehensions(cast<SetComp>(e)->generators, d);
    return;
  case ExprKind::GeneratorExp:
    expr(cast<GeneratorExp>(e)->elt, d, "elt");
    comprehensions(cast<GeneratorExp>(e)->generators, d);
    return;
  case ExprKind::DictComp:
    expr(cast<DictComp>(e)->key, d, "key");
    expr(cast<DictComp>(e)->value, d, "value");
    comprehensions(cast<DictComp>(e)->generators, d);
    return;
  }
}

void Printer::keywords(const std::vector<Keyword> &kws, int d) {
  for (const Keyword &k : kws) {
    line(d, nullptr, "keyword " + (k.name.empty() ? std::string("**") : k.name), k.loc);
    expr(k.value, d + 1);
  }
}

void Printer::comprehensions(const std::vector<Comprehension> &gens, int d) {
  for (const Comprehension &c : gens) {
    line(d, nullptr, "comprehension", {}, false);
    expr(c.target, d + 1, "target");
    expr(c.iter, d + 1, "iter");
    for (const Expr *cond : c.ifs) expr(cond, d + 1, "if");
  }
}

void Printer::arguments(const Arguments &a, int d) {
  auto arg = [&](const char *kind, const Arg &x) {
    line(d, nullptr, std::string(kind) + " " + x.name, x.loc);
    opt("annotation", x.annotation, d + 1);
    opt("default", x.defaultValue, d + 1);
  };
  for (const Arg &x : a.args) arg("arg", x);
  if (!a.vararg.empty()) line(d, nullptr, "vararg " + a.vararg, {}, false);
  for (const Arg &x : a.kwonlyargs) arg("kwonly", x);
  if (!a.kwarg.empty()) line(d, nullptr, "kwarg " + a.kwarg, {}, false);
}

std::string Printer::stmtHeader(const Stmt *s) {
  std::string h = stmtKindName(s->kind);
  auto names = [&](const std::vector<std::string> &ns) {
    for (const auto &n : ns) h += " " + n;
    return h;
  };
  switch (s->kind) {
  case StmtKind::FunctionDef: return h + " " + cast<FunctionDef>(s)->name;
  case StmtKind::ClassDef: return h + " " + cast<ClassDef>(s)->name;
  case StmtKind::AugAssign: return h + " " + binOpSymbol(cast<AugAssign>(s)->op) + "=";
  case StmtKind::ImportFrom: {
    auto *i = cast<ImportFrom>(s);
    return h + " " + std::string(size_t(i->level), '.') + i->module;
  }
  case StmtKind::Global: return names(cast<Global>(s)->names);
  case StmtKind::Nonlocal: return names(cast<Nonlocal>(s)->names);
  case StmtKind::Return: case StmtKind::Delete: case StmtKind::Assign:
  case StmtKind::AnnAssign: case StmtKind::For: case StmtKind::While:
  case StmtKind::If: case StmtKind::Raise: case StmtKind::Try:
  case StmtKind::Assert: case StmtKind::Import: case StmtKind::ExprStmt:
  case StmtKind::Pass: case StmtKind::Break: case StmtKind::Continue:
    return h;
  }
  return h;
}

void Printer::stmt(const Stmt *s, int depth) {
  line(depth, nullptr, stmtHeader(s), s->loc);
  stmtChildren(s, depth + 1);
}

void Printer::handler(const ExceptHandler &h, int d) {
  line(d, nullptr, h.name.empty() ? "except" : "except as " + h.name, h.loc);
  opt("type", h.type, d + 1);
  stmts("body", h.body, d + 1);
}

void Printer::stmtChildren(const Stmt *s, int d) {
  switch (s->kind) {
  case StmtKind::FunctionDef: {
    auto *f = cast<FunctionDef>(s);
    exprs("decorators", f->decorators, d);
    arguments(f->args, d);
    opt("returns", f->returns, d);
    stmts("body", f->body, d);
    return;
  }
  case StmtKind::ClassDef: {
    auto *c = cast<ClassDef>(s);
    exprs("decorators", c->decorators, d);
    exprs("bases", c->bases, d);
    keywords(c->keywords, d);
    stmts("body", c->body, d);
    return;
  }
  case StmtKind::Return: opt(nullptr, cast<Return>(s)->value, d); return;
  case StmtKind::Delete: exprs(nullptr, cast<Delete>(s)->targets, d); return;
  case StmtKind::Assign:
    for (const Expr *t : cast<Assign>(s)->targets) expr(t, d, "target");
    expr(cast<Assign>(s)->value, d, "value");
    return;
  case StmtKind::AugAssign:
    expr(cast<AugAssign>(s)->target, d);
    expr(cast<AugAssign>(s)->value, d);
    return;
  case StmtKind::AnnAssign:
    expr(cast<AnnAssign>(s)->target, d, "target");
    expr(cast<AnnAssign>(s)->annotation, d, "annotation");
    opt("value", cast<AnnAssign>(s)->value, d);
    return;
  case StmtKind::For:
    expr(cast<For>(s)->target, d, "target");
    expr(cast<For>(s)->iter, d, "iter");
    stmts("body", cast<For>(s)->body, d);
    stmts("orelse", cast<For>(s)->orelse, d);
    return;
  case StmtKind::While:
    expr(cast<While>(s)->test, d, "test");
    stmts("body", cast<While>(s)->body, d);
    stmts("orelse", cast<While>(s)->orelse, d);
    return;
  case StmtKind::If:
    expr(cast<If>(s)->test, d, "test");
    stmts("body", cast<If>(s)->body, d);
    stmts("orelse", cast<If>(s)->orelse, d);
    return;
  case StmtKind::Raise:
    opt("exc", cast<Raise>(s)->exc, d);
    opt("cause", cast<Raise>(s)->cause, d);
    return;
  case StmtKind::Try:
    stmts("body", cast<Try>(s)->body, d);
    for (const ExceptHandler &h : cast<Try>(s)->handlers) handler(h, d);
    stmts("orelse", cast<Try>(s)->orelse, d);
    stmts("finalbody", cast<Try>(s)->finalbody, d);
    return;
  case StmtKind::Assert:
    expr(cast<Assert>(s)->test, d, "test");
    opt("msg", cast<Assert>(s)->msg, d);
    return;
  case StmtKind::Import:
    for (const Alias &a : cast<Import>(s)->names)
      line(d, nullptr, "alias " + a.name + (a.asname.empty() ? "" : " as " + a.asname), a.loc);
    return;
  case StmtKind::ImportFrom:
    for (const Alias &a : cast<ImportFrom>(s)->names)
      line(d, nullptr, "alias " + a.name + (a.asname.empty() ? "" : " as " + a.asname), a.loc);
    return;
  case StmtKind::ExprStmt: expr(cast<ExprStmt>(s)->value, d); return;
  case StmtKind::Global: case StmtKind::Nonlocal: case StmtKind::Pass:
  case StmtKind::Break: case StmtKind::Continue: return;
  }
}

} // namespace

std::string printModule(const Module &m, bool withLocations) {
  Printer p(withLocations);
  p.out = "Module\n";
  for (const Stmt *s : m.body) p.stmt(s, 1);
  return p.out;
}

std::string printExpr(const Expr *e, bool withLocations) {
  Printer p(withLocations);
  p.expr(e, 0);
  return p.out;
}

} // namespace lathe::ast
