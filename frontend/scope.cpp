//===- scope.cpp - Python 3 scope analysis ----------------------------------===//
// Two passes, as CPython's symtable: (1) collect, per scope, the names bound,
// used and declared (source order); (2) resolve top-down: a name used but not
// bound here is FREE when an enclosing function scope binds it (the binder
// then makes it a CELL, and every scope in between passes it through as a
// free variable), GLOBAL otherwise. Class scopes do not provide bindings to
// inner scopes. See scope.h for the contract.
//===----------------------------------------------------------------------===//
#include "frontend/scope.h"

#include <algorithm>
#include <cassert>
#include <unordered_set>

namespace lathe {

bool Scope::has(const std::vector<std::string> &v, const std::string &n) {
  return std::find(v.begin(), v.end(), n) != v.end();
}

NameKind Scope::kindOf(const std::string &name) const {
  if (isGlobalDecl(name)) return NameKind::GLOBAL;
  if (kind != ScopeKind::CLASS && isCell(name)) return NameKind::CELL;
  if (isLocal(name)) return NameKind::LOCAL;
  if (isFree(name)) return NameKind::FREE;
  return NameKind::GLOBAL;
}

namespace {

void addUnique(std::vector<std::string> &v, const std::string &n) {
  if (std::find(v.begin(), v.end(), n) == v.end()) v.push_back(n);
}
bool contains(const std::vector<std::string> &v, const std::string &n) {
  return std::find(v.begin(), v.end(), n) != v.end();
}

/// Per-scope facts gathered by the first pass.
struct Raw {
  Scope *scope = nullptr;
  std::vector<std::string> bound; // in order of first binding
  std::vector<std::string> uses;  // in order of first load
  std::vector<Raw *> children;
};

class Collector {
public:
  Collector(std::vector<std::unique_ptr<Scope>> &scopes, Diagnostics *diags)
      : scopes_(scopes), diags_(diags) {}

  void module(const ast::Module &m) { stmts(m.body); }
  std::vector<std::unique_ptr<Raw>> raws;
  std::vector<Raw *> roots;

private:
  std::vector<std::unique_ptr<Scope>> &scopes_;
  Diagnostics *diags_;
  Raw *cur_ = nullptr;

  void bind(const std::string &n) { if (cur_) addUnique(cur_->bound, n); }
  void use(const std::string &n) { if (cur_) addUnique(cur_->uses, n); }

  Raw *open(ScopeKind kind, const ast::Node *node) {
    scopes_.push_back(std::make_unique<Scope>());
    Scope *s = scopes_.back().get();
    s->kind = kind;
    s->node = node;
    s->parent = cur_ ? cur_->scope : nullptr;
    raws.push_back(std::make_unique<Raw>());
    Raw *r = raws.back().get();
    r->scope = s;
    (cur_ ? cur_->children : roots).push_back(r);
    return r;
  }

  void stmts(const ast::StmtList &body) {
    for (const ast::Stmt *s : body) stmt(s);
  }
  void exprs(const ast::ExprList &es) {
    for (const ast::Expr *e : es) expr(e);
  }
  void optExpr(const ast::Expr *e) { if (e) expr(e); }

  void argDefaults(const ast::Arguments &a) {
    for (const ast::Arg &arg : a.args) { optExpr(arg.defaultValue); optExpr(arg.annotation); }
    for (const ast::Arg &arg : a.kwonlyargs) { optExpr(arg.defaultValue); optExpr(arg.annotation); }
  }
  void params(Scope *s, const ast::Arguments &a) {
    for (const ast::Arg &arg : a.args) addUnique(s->params, arg.name);
    if (!a.vararg.empty()) addUnique(s->params, a.vararg);
    for (const ast::Arg &arg : a.kwonlyargs) addUnique(s->params, arg.name);
    if (!a.kwarg.empty()) addUnique(s->params, a.kwarg);
  }

  void functionDef(const ast::FunctionDef *f) {
    exprs(f->decorators);
    argDefaults(f->args);
    optExpr(f->returns);
    bind(f->name);
    Raw *saved = cur_;
    Raw *r = open(ScopeKind::FUNCTION, f);
    params(r->scope, f->args);
    cur_ = r;
    stmts(f->body);
    cur_ = saved;
  }
  void classDef(const ast::ClassDef *c) {
    exprs(c->decorators);
    exprs(c->bases);
    for (const ast::Keyword &k : c->keywords) expr(k.value);
    bind(c->name);
    Raw *saved = cur_;
    cur_ = open(ScopeKind::CLASS, c);
    stmts(c->body);
    cur_ = saved;
  }
  void lambda(const ast::Lambda *l) {
    argDefaults(l->args);
    Raw *saved = cur_;
    Raw *r = open(ScopeKind::LAMBDA, l);
    params(r->scope, l->args);
    cur_ = r;
    expr(l->body);
    cur_ = saved;
  }
  void comprehension(const ast::Expr *node, const std::vector<ast::Comprehension> &gens,
                     const ast::Expr *a, const ast::Expr *b) {
    if (gens.empty()) return;
    expr(gens[0].iter); // evaluated in the enclosing scope
    Raw *saved = cur_;
    cur_ = open(ScopeKind::COMPREHENSION, node);
    for (size_t i = 0; i < gens.size(); ++i) {
      if (i > 0) expr(gens[i].iter);
      target(gens[i].target);
      exprs(gens[i].ifs);
    }
    optExpr(a);
    optExpr(b);
    cur_ = saved;
  }

  void declare(const std::vector<std::string> &names, bool isGlobal, SrcLoc loc) {
    if (!cur_) {
      if (!isGlobal && diags_) diags_->error(loc, "nonlocal declaration not allowed at module level");
      return;
    }
    for (const std::string &n : names) {
      if (contains(cur_->scope->params, n) && diags_)
        diags_->error(loc, "name '" + n + "' is parameter and " + (isGlobal ? "global" : "nonlocal"));
      addUnique(isGlobal ? cur_->scope->globals : cur_->scope->nonlocals, n);
    }
  }

  void target(const ast::Expr *e);
  void stmt(const ast::Stmt *s);
  void expr(const ast::Expr *e);
  void importNames(const std::vector<ast::Alias> &names, bool from);
};

void Collector::target(const ast::Expr *e) {
  if (auto *n = ast::dynCast<ast::Name>(const_cast<ast::Expr *>(e))) return bind(n->id);
  if (auto *t = ast::dynCast<ast::Tuple>(const_cast<ast::Expr *>(e))) {
    for (const ast::Expr *x : t->elts) target(x);
    return;
  }
  if (auto *l = ast::dynCast<ast::List>(const_cast<ast::Expr *>(e))) {
    for (const ast::Expr *x : l->elts) target(x);
    return;
  }
  if (auto *st = ast::dynCast<ast::Starred>(const_cast<ast::Expr *>(e))) return target(st->value);
  expr(e); // attribute / subscript targets only load names
}

void Collector::importNames(const std::vector<ast::Alias> &names, bool from) {
  for (const ast::Alias &a : names) {
    if (!a.asname.empty()) bind(a.asname);
    else if (a.name == "*") continue;
    else if (from) bind(a.name);
    else bind(a.name.substr(0, a.name.find('.')));
  }
}

void Collector::stmt(const ast::Stmt *s) {
  using K = ast::StmtKind;
  switch (s->kind) {
  case K::FunctionDef: functionDef(ast::cast<ast::FunctionDef>(s)); return;
  case K::ClassDef: classDef(ast::cast<ast::ClassDef>(s)); return;
  case K::Return: optExpr(ast::cast<ast::Return>(s)->value); return;
  case K::Delete:
    for (const ast::Expr *t : ast::cast<ast::Delete>(s)->targets) target(t);
    return;
  case K::Assign: {
    auto *a = ast::cast<ast::Assign>(s);
    expr(a->value);
    for (const ast::Expr *t : a->targets) target(t);
    return;
  }
  case K::AugAssign: {
    auto *a = ast::cast<ast::AugAssign>(s);
    expr(a->value);
    if (auto *n = ast::dynCast<ast::Name>(const_cast<ast::Expr *>(a->target))) use(n->id);
    target(a->target);
    return;
  }
  case K::AnnAssign: {
    auto *a = ast::cast<ast::AnnAssign>(s);
    optExpr(a->annotation);
    if (a->value) { expr(a->value); target(a->target); }
    else if (a->target->kind != ast::ExprKind::Name) expr(a->target);
    return;
  }
  case K::For: {
    auto *f = ast::cast<ast::For>(s);
    expr(f->iter);
    target(f->target);
    stmts(f->body);
    stmts(f->orelse);
    return;
  }
  case K::While: {
    auto *w = ast::cast<ast::While>(s);
    expr(w->test);
    stmts(w->body);
    stmts(w->orelse);
    return;
  }
  case K::If: {
    auto *i = ast::cast<ast::If>(s);
    expr(i->test);
    stmts(i->body);
    stmts(i->orelse);
    return;
  }
  case K::Raise: {
    auto *r = ast::cast<ast::Raise>(s);
    optExpr(r->exc);
    optExpr(r->cause);
    return;
  }
  case K::Try: {
    auto *t = ast::cast<ast::Try>(s);
    stmts(t->body);
    for (const ast::ExceptHandler &h : t->handlers) {
      optExpr(h.type);
      if (!h.name.empty()) bind(h.name);
      stmts(h.body);
    }
    stmts(t->orelse);
    stmts(t->finalbody);
    return;
  }
  case K::Assert: {
    auto *a = ast::cast<ast::Assert>(s);
    expr(a->test);
    optExpr(a->msg);
    return;
  }
  case K::Import: importNames(ast::cast<ast::Import>(s)->names, false); return;
  case K::ImportFrom: importNames(ast::cast<ast::ImportFrom>(s)->names, true); return;
  case K::Global: declare(ast::cast<ast::Global>(s)->names, true, s->loc); return;
  case K::Nonlocal: declare(ast::cast<ast::Nonlocal>(s)->names, false, s->loc); return;
  case K::ExprStmt: expr(ast::cast<ast::ExprStmt>(s)->value); return;
  case K::Pass:
  case K::Break:
  case K::Continue: return;
  }
}

void Collector::expr(const ast::Expr *e) {
  using K = ast::ExprKind;
  switch (e->kind) {
  case K::Name: use(ast::cast<ast::Name>(e)->id); return;
  case K::IntLit: case K::FloatLit: case K::StrLit: case K::BoolLit: case K::NoneLit: return;
  case K::BinOp: {
    auto *b = ast::cast<ast::BinOp>(e);
    expr(b->left);
    expr(b->right);
    return;
  }
  case K::UnaryOp: expr(ast::cast<ast::UnaryOp>(e)->operand); return;
  case K::BoolOp: exprs(ast::cast<ast::BoolOp>(e)->values); return;
  case K::Compare: {
    auto *c = ast::cast<ast::Compare>(e);
    expr(c->left);
    exprs(c->comparators);
    return;
  }
  case K::Call: {
    auto *c = ast::cast<ast::Call>(e);
    expr(c->func);
    exprs(c->args);
    for (const ast::Keyword &k : c->keywords) expr(k.value);
    return;
  }
  case K::Attribute: expr(ast::cast<ast::Attribute>(e)->value); return;
  case K::Subscript: {
    auto *s = ast::cast<ast::Subscript>(e);
    expr(s->value);
    expr(s->index);
    return;
  }
  case K::Slice: {
    auto *s = ast::cast<ast::Slice>(e);
    optExpr(s->lower);
    optExpr(s->upper);
    optExpr(s->step);
    return;
  }
  case K::Starred: expr(ast::cast<ast::Starred>(e)->value); return;
  case K::Tuple: exprs(ast::cast<ast::Tuple>(e)->elts); return;
  case K::List: exprs(ast::cast<ast::List>(e)->elts); return;
  case K::Set: exprs(ast::cast<ast::Set>(e)->elts); return;
  case K::Dict: {
    auto *d = ast::cast<ast::Dict>(e);
    for (size_t i = 0; i < d->values.size(); ++i) {
      if (i < d->keys.size() && d->keys[i]) expr(d->keys[i]); // null key: **mapping
      expr(d->values[i]);
    }
    return;
  }
  case K::IfExp: {
    auto *i = ast::cast<ast::IfExp>(e);
    expr(i->test);
    expr(i->body);
    expr(i->orelse);
    return;
  }
  case K::Lambda: lambda(ast::cast<ast::Lambda>(e)); return;
  case K::ListComp: {
    auto *c = ast::cast<ast::ListComp>(e);
    comprehension(e, c->generators, c->elt, nullptr);
    return;
  }
  case K::SetComp: {
    auto *c = ast::cast<ast::SetComp>(e);
    comprehension(e, c->generators, c->elt, nullptr);
    return;
  }
  case K::GeneratorExp: {
    auto *c = ast::cast<ast::GeneratorExp>(e);
    comprehension(e, c->generators, c->elt, nullptr);
    return;
  }
  case K::DictComp: {
    auto *c = ast::cast<ast::DictComp>(e);
    comprehension(e, c->generators, c->key, c->value);
    return;
  }
  }
}

/// Second pass. `visible`: names bound in enclosing function scopes.
/// Returns the free variables of `r` (what it needs from above).
class Resolver {
public:
  explicit Resolver(Diagnostics *diags) : diags_(diags) {}

  void resolve(Raw *r, const std::vector<std::string> &visible) {
    Scope *s = r->scope;
    computeLocals(r);
    for (const std::string &n : s->nonlocals) {
      if (contains(visible, n)) addUnique(s->freevars, n);
      else if (diags_) diags_->error(s->node->loc, "no binding for nonlocal '" + n + "' found");
    }
    for (const std::string &n : r->uses)
      if (!s->isLocal(n) && !s->isGlobalDecl(n) && contains(visible, n)) addUnique(s->freevars, n);
    std::vector<std::string> inner = visible;
    if (s->kind != ScopeKind::CLASS) {
      inner.erase(std::remove_if(inner.begin(), inner.end(),
                                 [&](const std::string &n) { return s->isGlobalDecl(n); }),
                  inner.end());
      for (const std::string &n : s->locals) addUnique(inner, n);
    }
    for (Raw *c : r->children) {
      resolve(c, inner);
      for (const std::string &n : c->scope->freevars) passUp(s, n);
    }
    orderCells(s);
  }

private:
  Diagnostics *diags_;

  static void computeLocals(Raw *r) {
    Scope *s = r->scope;
    for (const std::string &p : s->params) addUnique(s->locals, p);
    for (const std::string &n : r->bound)
      if (!s->isGlobalDecl(n) && !s->isNonlocalDecl(n)) addUnique(s->locals, n);
  }
  // A child's free variable is a cell here when a function binds it,
  // otherwise this scope passes it through.
  static void passUp(Scope *s, const std::string &n) {
    if (s->kind != ScopeKind::CLASS && s->isLocal(n)) addUnique(s->cellvars, n);
    else addUnique(s->freevars, n);
  }
  static void orderCells(Scope *s) {
    std::vector<std::string> ordered;
    for (const std::string &n : s->locals)
      if (contains(s->cellvars, n)) ordered.push_back(n);
    s->cellvars = std::move(ordered);
  }
};

} // namespace

ScopeTable::ScopeTable(const ast::Module &m, Diagnostics *diags) {
  Collector c(scopes_, diags);
  c.module(m);
  Resolver res(diags);
  for (Raw *r : c.roots) res.resolve(r, {});
  for (const auto &s : scopes_) byNode_[s->node] = s.get();
}

const Scope *ScopeTable::find(const ast::Node *node) const {
  auto it = byNode_.find(node);
  return it == byNode_.end() ? nullptr : it->second;
}

const Scope &ScopeTable::of(const ast::Node *node) const {
  const Scope *s = find(node);
  assert(s && "ScopeTable::of: node is not a function, lambda, comprehension or class of this module");
  return *s;
}

} // namespace lathe
