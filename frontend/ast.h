//===- ast.h - The RPy abstract syntax tree --------------------------------===//
// Output of the parser (parser.h), input of the module evaluator and the
// flow-graph builder. Every node carries the SrcLoc of its first token.
// Nodes live in the module's AstArena and refer to each other by plain
// pointers (views); the arena outlives every stage of a translation because
// the evaluator's function objects point into it.
//
// Node kinds come from ast.def. Dispatch with `switch (e->kind)` and
// downcast with `ast::cast<T>(e)` (asserts the kind).
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"

#include <cassert>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace lathe::ast {

enum class ExprKind : uint8_t {
#define EXPR(Name) Name,
#include "frontend/ast.def"
};
enum class StmtKind : uint8_t {
#define STMT(Name) Name,
#include "frontend/ast.def"
};
enum class BinOpKind : uint8_t {
#define BINOP(NAME, sym, dunder) NAME,
#include "frontend/ast.def"
};
enum class UnaryOpKind : uint8_t {
#define UNARYOP(NAME, sym) NAME,
#include "frontend/ast.def"
};
enum class CmpOpKind : uint8_t {
#define CMPOP(NAME, sym) NAME,
#include "frontend/ast.def"
};

const char *exprKindName(ExprKind k);
const char *stmtKindName(StmtKind k);
const char *binOpSymbol(BinOpKind k);   // "+"
const char *binOpDunder(BinOpKind k);   // "add" (for __add__, inplace_add)
const char *unaryOpSymbol(UnaryOpKind k);
const char *cmpOpSymbol(CmpOpKind k);

struct Node {
  SrcLoc loc;
  virtual ~Node() = default;
};
struct Expr : Node {
  ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};
struct Stmt : Node {
  StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};
using ExprList = std::vector<Expr *>;
using StmtList = std::vector<Stmt *>;

template <class T> T *cast(Expr *e) {
  assert(e && e->kind == T::KIND && "ast::cast to the wrong expression kind");
  return static_cast<T *>(e);
}
template <class T> const T *cast(const Expr *e) {
  assert(e && e->kind == T::KIND && "ast::cast to the wrong expression kind");
  return static_cast<const T *>(e);
}
template <class T> T *cast(Stmt *s) {
  assert(s && s->kind == T::KIND && "ast::cast to the wrong statement kind");
  return static_cast<T *>(s);
}
template <class T> const T *cast(const Stmt *s) {
  assert(s && s->kind == T::KIND && "ast::cast to the wrong statement kind");
  return static_cast<const T *>(s);
}
template <class T> T *dynCast(Expr *e) {
  return e && e->kind == T::KIND ? static_cast<T *>(e) : nullptr;
}
template <class T> T *dynCast(Stmt *s) {
  return s && s->kind == T::KIND ? static_cast<T *>(s) : nullptr;
}

#define LATHE_EXPR(Name) \
  static constexpr ExprKind KIND = ExprKind::Name; \
  Name() : Expr(KIND) {}
#define LATHE_STMT(Name) \
  static constexpr StmtKind KIND = StmtKind::Name; \
  Name() : Stmt(KIND) {}

/// One parameter: `name[: annotation][= default]`.
struct Arg {
  SrcLoc loc;
  std::string name;
  Expr *annotation = nullptr;
  Expr *defaultValue = nullptr;
};
/// A parameter list. Positional parameters first (those with defaults
/// last), then `*vararg`, keyword-only parameters, then `**kwarg`.
struct Arguments {
  std::vector<Arg> args;
  std::string vararg;          // empty: none
  std::vector<Arg> kwonlyargs; // after * or *vararg
  std::string kwarg;           // empty: none
};
/// `name=value` in a call or class header; an empty name means `**value`.
struct Keyword {
  SrcLoc loc;
  std::string name;
  Expr *value = nullptr;
};
/// `for target in iter if cond1 if cond2` in a comprehension.
struct Comprehension {
  Expr *target = nullptr;
  Expr *iter = nullptr;
  ExprList ifs;
};

// --- expressions ----------------------------------------------------------
struct Name : Expr { LATHE_EXPR(Name) std::string id; };
struct IntLit : Expr { LATHE_EXPR(IntLit) int64_t value = 0; };
struct FloatLit : Expr { LATHE_EXPR(FloatLit) double value = 0; };
struct StrLit : Expr { LATHE_EXPR(StrLit) std::string value; bool isBytes = false; };
struct BoolLit : Expr { LATHE_EXPR(BoolLit) bool value = false; };
struct NoneLit : Expr { LATHE_EXPR(NoneLit) };
struct BinOp : Expr { LATHE_EXPR(BinOp) BinOpKind op{}; Expr *left = nullptr, *right = nullptr; };
struct UnaryOp : Expr { LATHE_EXPR(UnaryOp) UnaryOpKind op{}; Expr *operand = nullptr; };
struct BoolOp : Expr { LATHE_EXPR(BoolOp) bool isAnd = true; ExprList values; };
struct Compare : Expr {
  LATHE_EXPR(Compare)
  Expr *left = nullptr;
  std::vector<CmpOpKind> ops;
  ExprList comparators; // same length as ops
};
struct Call : Expr {
  LATHE_EXPR(Call)
  Expr *func = nullptr;
  ExprList args;                 // may contain Starred
  std::vector<Keyword> keywords; // empty name: **value
};
struct Attribute : Expr { LATHE_EXPR(Attribute) Expr *value = nullptr; std::string attr; };
struct Subscript : Expr { LATHE_EXPR(Subscript) Expr *value = nullptr; Expr *index = nullptr; };
struct Slice : Expr { LATHE_EXPR(Slice) Expr *lower = nullptr, *upper = nullptr, *step = nullptr; };
struct Starred : Expr { LATHE_EXPR(Starred) Expr *value = nullptr; };
struct Tuple : Expr { LATHE_EXPR(Tuple) ExprList elts; };
struct List : Expr { LATHE_EXPR(List) ExprList elts; };
struct Dict : Expr { LATHE_EXPR(Dict) ExprList keys, values; };
struct Set : Expr { LATHE_EXPR(Set) ExprList elts; };
struct IfExp : Expr { LATHE_EXPR(IfExp) Expr *test = nullptr, *body = nullptr, *orelse = nullptr; };
struct Lambda : Expr { LATHE_EXPR(Lambda) Arguments args; Expr *body = nullptr; };
struct ListComp : Expr { LATHE_EXPR(ListComp) Expr *elt = nullptr; std::vector<Comprehension> generators; };
struct SetComp : Expr { LATHE_EXPR(SetComp) Expr *elt = nullptr; std::vector<Comprehension> generators; };
struct DictComp : Expr { LATHE_EXPR(DictComp) Expr *key = nullptr, *value = nullptr; std::vector<Comprehension> generators; };
struct GeneratorExp : Expr { LATHE_EXPR(GeneratorExp) Expr *elt = nullptr; std::vector<Comprehension> generators; };

// --- statements -----------------------------------------------------------
struct FunctionDef : Stmt {
  LATHE_STMT(FunctionDef)
  std::string name;
  Arguments args;
  StmtList body;
  ExprList decorators;
  Expr *returns = nullptr; // the `-> annotation`, unused by the toolchain
};
struct ClassDef : Stmt {
  LATHE_STMT(ClassDef)
  std::string name;
  ExprList bases;
  std::vector<Keyword> keywords;
  StmtList body;
  ExprList decorators;
};
struct Return : Stmt { LATHE_STMT(Return) Expr *value = nullptr; };
struct Delete : Stmt { LATHE_STMT(Delete) ExprList targets; };
struct Assign : Stmt { LATHE_STMT(Assign) ExprList targets; Expr *value = nullptr; };
struct AugAssign : Stmt { LATHE_STMT(AugAssign) Expr *target = nullptr; BinOpKind op{}; Expr *value = nullptr; };
struct AnnAssign : Stmt { LATHE_STMT(AnnAssign) Expr *target = nullptr, *annotation = nullptr, *value = nullptr; };
struct For : Stmt { LATHE_STMT(For) Expr *target = nullptr, *iter = nullptr; StmtList body, orelse; };
struct While : Stmt { LATHE_STMT(While) Expr *test = nullptr; StmtList body, orelse; };
struct If : Stmt { LATHE_STMT(If) Expr *test = nullptr; StmtList body, orelse; };
struct Raise : Stmt { LATHE_STMT(Raise) Expr *exc = nullptr, *cause = nullptr; };
struct ExceptHandler {
  SrcLoc loc;
  Expr *type = nullptr; // null: bare `except:`
  std::string name;     // `as name`, empty if none
  StmtList body;
};
struct Try : Stmt {
  LATHE_STMT(Try)
  StmtList body;
  std::vector<ExceptHandler> handlers;
  StmtList orelse, finalbody;
};
struct Assert : Stmt { LATHE_STMT(Assert) Expr *test = nullptr, *msg = nullptr; };
/// `name` is dotted ("a.b"); `asname` empty if none. In `from m import *`
/// the single alias has name "*".
struct Alias {
  SrcLoc loc;
  std::string name, asname;
};
struct Import : Stmt { LATHE_STMT(Import) std::vector<Alias> names; };
struct ImportFrom : Stmt {
  LATHE_STMT(ImportFrom)
  std::string module; // dotted, may be empty with level > 0
  int level = 0;      // number of leading dots
  std::vector<Alias> names;
};
struct Global : Stmt { LATHE_STMT(Global) std::vector<std::string> names; };
struct Nonlocal : Stmt { LATHE_STMT(Nonlocal) std::vector<std::string> names; };
struct ExprStmt : Stmt { LATHE_STMT(ExprStmt) Expr *value = nullptr; };
struct Pass : Stmt { LATHE_STMT(Pass) };
struct Break : Stmt { LATHE_STMT(Break) };
struct Continue : Stmt { LATHE_STMT(Continue) };

#undef LATHE_EXPR
#undef LATHE_STMT

/// Owns every node of one module.
class AstArena {
public:
  template <class T> T *make(SrcLoc loc) {
    auto node = std::make_unique<T>();
    node->loc = loc;
    T *raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  size_t size() const { return nodes_.size(); }

private:
  std::vector<std::unique_ptr<Node>> nodes_;
};

/// A parsed source file.
struct Module {
  uint32_t file = 0; // SourceManager id
  StmtList body;
  AstArena arena;
};

/// Prints a module as an indented S-expression-like tree with locations:
/// the golden format of the parser tests. Deterministic.
std::string printModule(const Module &m, bool withLocations = true);
std::string printExpr(const Expr *e, bool withLocations = true);

} // namespace lathe::ast
