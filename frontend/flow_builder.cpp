//===- flow_builder.cpp - Flow-graph builder: cache, states, joins --------===//
// The core of the builder (see flow_build.h for the design): the cache the
// annotator calls, the recipe of one build, name resolution, and the
// primitives every statement and expression uses — operation emission (with
// constant folding and the block split after a raising op inside `try`),
// jumps, branches, joins, loop headers and back edges.
//
// Name resolution, in Python 3's order: a local of the function (or a
// comprehension target) → its SSA value on this path, or the error "local
// variable 'x' referenced before assignment"; a free variable → Constant of
// its closure cell's value; a module global → Constant of its final value
// (the evaluator has run all module code); a built-in → Constant of the
// built-in; otherwise "name 'x' is not defined".
//
// Joins keep a local only when every incoming path binds it; a local that is
// the identical Constant on every path stays a Constant (no inputarg). Loop
// headers are built before their back edges are known, so they keep a
// Constant only for locals that the loop body never assigns (a syntactic
// check); every other bound local becomes a header inputarg.
//===----------------------------------------------------------------------===//
#include "frontend/flow_build.h"

#include <algorithm>
#include <cassert>

namespace lathe::flow {

FlowGraphCache::FlowGraphCache(eval::Evaluator &ev) : ev_(ev) {}
FlowGraphCache::~FlowGraphCache() = default;

FunctionGraph *FlowGraphCache::graphFor(const eval::FunctionObj *f) {
  auto it = graphs_.find(f);
  if (it != graphs_.end()) return it->second.get();
  std::unique_ptr<FunctionGraph> g = build::Builder(*this, f).run();
  FunctionGraph *raw = g.get();
  graphs_[f] = std::move(g);
  return raw;
}

FunctionGraph *FlowGraphCache::buildFresh(const eval::FunctionObj *f) {
  if (!graphFor(f)) return nullptr;
  fresh_.push_back(build::Builder(*this, f).run());
  return fresh_.back().get();
}

eval::Value FlowGraphCache::internStr(const std::string &s) {
  auto it = strings_.find(s);
  if (it != strings_.end()) return it->second;
  eval::Value v = ev_.heap().str(s);
  strings_.emplace(s, v);
  return v;
}

std::vector<const eval::FunctionObj *> moduleFunctions(const eval::ModuleObj *m) {
  std::vector<const eval::FunctionObj *> out;
  auto add = [&](const eval::Value &v) {
    const eval::FunctionObj *f = eval::asFunction(v);
    if (f && f->module == m && f->def && std::find(out.begin(), out.end(), f) == out.end())
      out.push_back(f);
  };
  for (const auto &[name, v] : m->globals.entries()) {
    add(v);
    if (const eval::ClassObj *c = eval::asClass(v); c && c->module == m)
      for (const auto &[attr, av] : c->attrs.entries()) add(av);
  }
  std::sort(out.begin(), out.end(), [](const eval::FunctionObj *a, const eval::FunctionObj *b) {
    SrcLoc la = a->loc(), lb = b->loc();
    if (la.line != lb.line) return la.line < lb.line;
    if (la.col != lb.col) return la.col < lb.col;
    return a->serial < b->serial;
  });
  return out;
}

static const char *nestedScopeWhat(const Scope &s) {
  switch (s.kind) {
  case ScopeKind::FUNCTION: return "nested function";
  case ScopeKind::LAMBDA: return "lambda";
  case ScopeKind::CLASS: return "nested class";
  case ScopeKind::COMPREHENSION:
    // List comprehensions are desugared into run-time loops; the others are not.
    return static_cast<const ast::Expr *>(s.node)->kind == ast::ExprKind::ListComp
               ? nullptr
               : "generator expression or set/dict comprehension";
  }
  return nullptr;
}

std::string translationTimeOnlyReason(const eval::Evaluator &ev, const eval::FunctionObj *f) {
  if (!f->def) return "it is a lambda";
  const Scope &fs = ev.scopeOf(f);
  if (!fs.globals.empty()) return "it declares 'global " + fs.globals.front() + "'";
  if (!fs.nonlocals.empty()) return "it declares 'nonlocal " + fs.nonlocals.front() + "'";
  const ScopeTable *table = f->module ? ev.scopes(f->module->ast) : nullptr;
  if (!table) return {};
  for (const auto &s : table->all()) {
    // A list comprehension's own scope counts as part of the function.
    const Scope *owner = s->parent;
    while (owner && owner != &fs && owner->kind == ScopeKind::COMPREHENSION &&
           static_cast<const ast::Expr *>(owner->node)->kind == ast::ExprKind::ListComp)
      owner = owner->parent;
    if (owner != &fs) continue;
    if (const char *what = nestedScopeWhat(*s)) return std::string("it contains a ") + what;
  }
  return {};
}

std::string printModuleGraphs(FlowGraphCache &cache, const eval::ModuleObj *m,
                              const PrintOptions &opts) {
  std::string out;
  for (const eval::FunctionObj *f : moduleFunctions(m))
    if (const FunctionGraph *g = cache.graphFor(f)) out += (out.empty() ? "" : "\n") + printGraph(*g, opts);
  return out;
}

namespace build {

Builder::Builder(FlowGraphCache &cache, const eval::FunctionObj *f)
    : cache_(cache), ev_(cache.evaluator()), func_(f) {}

std::unique_ptr<FunctionGraph> Builder::run() {
  if (!func_->def) {
    error(func_->loc(), "lambda functions are only allowed at translation time (module level)");
    return nullptr;
  }
  scope_ = &ev_.scopeOf(func_);
  std::string prefix = func_->module ? func_->module->name + "." : "";
  g_ = std::make_unique<FunctionGraph>(prefix + func_->qualname, func_, scope_->params);
  for (size_t i = 0; i < scope_->locals.size(); ++i) slots_.push_back({scope_->locals[i], i});
  state_.locals.resize(scope_->locals.size());
  for (size_t i = 0; i < scope_->params.size(); ++i)
    state_.locals[size_t(slotOf(scope_->params[i]))] = g_->startblock->inputargs[i];
  cur_ = g_->startblock;
  buildBody(func_->def->body);
  if (cur_) g_->newLink(cur_, g_->returnblock, {none()});
  if (errors_) return nullptr;
  assertValid(*g_, "building");
  if (!cache_.simplify()) return std::move(g_);
  simplifyGraph(*g_);
  assertValid(*g_, "simplifyGraph");
  return std::move(g_);
}

void Builder::error(SrcLoc loc, const std::string &msg) {
  ++errors_;
  ev_.diags().error(loc, msg);
}

eval::Value Builder::builtinClassValue(const char *name) {
  eval::ClassObj *c = ev_.builtinClass(name);
  assert(c && "the evaluator lacks a built-in exception class");
  return eval::Value::object(c);
}

Hlvalue Builder::pop() {
  assert(!state_.stack.empty() && "pop from an empty temporary stack");
  Hlvalue v = state_.stack.back();
  state_.stack.pop_back();
  return v;
}

std::vector<Hlvalue> Builder::evalAll(const std::vector<ast::Expr *> &es) {
  for (const ast::Expr *e : es) push(eval(e));
  std::vector<Hlvalue> out(state_.stack.end() - long(es.size()), state_.stack.end());
  state_.stack.resize(state_.stack.size() - es.size());
  return out;
}

// Results of these ops are bools already; other values are tested with bool().
static bool producesBool(FlowOp op) {
  using F = FlowOp;
  return op == F::LT || op == F::LE || op == F::EQ || op == F::NE || op == F::GT ||
         op == F::GE || op == F::IS || op == F::CONTAINS || op == F::NOT || op == F::BOOL ||
         op == F::EXCEPTION_MATCH;
}

// The exception edge of a raising op: to catcher `c`, with the state cut to
// the catcher's shape plus (etype, evalue) from the link's fresh variables.
static void addExceptionLink(FunctionGraph &g, Block *from, const State &state, Frame *c,
                             eval::Value cls) {
  Link *l = g.newLink(from, nullptr);
  l->hasExitcase = true;
  l->exitcase = cls;
  l->lastException = g.newVar("etype");
  l->lastExcValue = g.newVar("evalue");
  Edge e{l, state};
  e.state.locals.resize(c->numLocals);
  e.state.stack.resize(c->stackDepth);
  e.state.stack.push_back(l->lastException);
  e.state.stack.push_back(l->lastExcValue);
  c->raises.push_back(std::move(e));
}

Hlvalue Builder::emit(FlowOp op, std::vector<Hlvalue> args, SrcLoc loc) {
  assert(cur_ && "emitting into unreachable code");
  if (std::optional<eval::Value> folded = fold(op, args)) return cst(*folded, loc);
  Variable *r = g_->newVar();
  cur_->operations.push_back(Operation{op, std::move(args), r, loc});
  if (producesBool(op)) bools_.insert(r);
  Frame *c = innermostCatcher();
  if (!flowOpInfo(op).canRaise || !c) return r;
  // Inside `try`: the op ends its block; exits [normal, Exception].
  cur_->switchKind = SwitchKind::LAST_EXCEPTION;
  push(r);
  Edges normal{Edge{g_->newLink(cur_, nullptr), state_}};
  addExceptionLink(*g_, cur_, state_, c, builtinClassValue("Exception"));
  cur_ = nullptr;
  resolve(normal);
  return pop();
}

Hlvalue Builder::emitNext(Hlvalue it, SrcLoc loc, Edges &stop) {
  Variable *r = g_->newVar();
  cur_->operations.push_back(Operation{FlowOp::NEXT, {it}, r, loc});
  cur_->switchKind = SwitchKind::LAST_EXCEPTION;
  push(r);
  Edges normal{Edge{g_->newLink(cur_, nullptr), state_}};
  pop();
  Link *l = g_->newLink(cur_, nullptr);
  l->hasExitcase = true;
  l->exitcase = builtinClassValue("StopIteration");
  l->lastException = g_->newVar("etype");
  l->lastExcValue = g_->newVar("evalue");
  stop.push_back(Edge{l, state_});
  if (Frame *c = innermostCatcher())
    addExceptionLink(*g_, cur_, state_, c, builtinClassValue("Exception"));
  cur_ = nullptr;
  resolve(normal);
  return pop();
}

Edge Builder::jump() {
  assert(cur_ && "jump from unreachable code");
  Edge e{g_->newLink(cur_, nullptr), state_};
  cur_ = nullptr;
  return e;
}

void Builder::branch(Hlvalue v, SrcLoc loc, Edges &onTrue, Edges &onFalse) {
  if (v.isConst()) {
    std::optional<eval::Value> truth = fold(FlowOp::BOOL, {v});
    assert(truth && "constant condition of an unfoldable kind");
    (truth->asBool() ? onTrue : onFalse).push_back(jump());
    return;
  }
  Hlvalue sw = v;
  if (!bools_.count(v.var())) sw = emit(FlowOp::BOOL, {v}, loc);
  if (sw.isConst()) return branch(sw, loc, onTrue, onFalse);
  cur_->switchKind = SwitchKind::VALUE;
  cur_->exitswitch = sw;
  for (bool which : {false, true}) {
    Link *l = g_->newLink(cur_, nullptr);
    l->hasExitcase = true;
    l->exitcase = eval::Value::boolean(which);
    (which ? onTrue : onFalse).push_back(Edge{l, state_});
  }
  cur_ = nullptr;
}

bool Builder::resolve(Edges &edges) {
  cur_ = nullptr;
  if (edges.empty()) return false;
  Block *b = g_->newBlock();
  const State &s0 = edges[0].state;
  auto merge = [&](auto get, const std::string &hint) -> Hlvalue {
    Hlvalue first = get(s0);
    bool allBools = true;
    for (const Edge &e : edges) {
      Hlvalue v = get(e.state);
      if (v.isNull()) return Hlvalue();
      allBools = allBools && v.isVar() && bools_.count(v.var());
      if (!first.isConst() || !first.same(v)) first = Hlvalue();
    }
    if (!first.isNull()) return first;
    Variable *nv = g_->newVar(hint);
    if (allBools) bools_.insert(nv);
    b->inputargs.push_back(nv);
    return nv;
  };
  State merged;
  for (size_t i = 0; i < s0.locals.size(); ++i)
    merged.locals.push_back(merge([i](const State &s) { return s.locals[i]; }, slots_[i].first));
  for (size_t i = 0; i < s0.stack.size(); ++i)
    merged.stack.push_back(merge([i](const State &s) { return s.stack[i]; }, ""));
  for (Edge &e : edges) {
    assert(e.state.locals.size() == s0.locals.size() && e.state.stack.size() == s0.stack.size() &&
           "joining states of different shapes");
    e.link->target = b;
    for (size_t i = 0; i < merged.locals.size(); ++i)
      if (merged.locals[i].isVar()) e.link->args.push_back(e.state.locals[i]);
    for (size_t i = 0; i < merged.stack.size(); ++i)
      if (merged.stack[i].isVar()) e.link->args.push_back(e.state.stack[i]);
  }
  cur_ = b;
  state_ = std::move(merged);
  return true;
}

Frame Builder::makeLoop(const std::function<bool(size_t slot)> &reassigned) {
  Edge entry = jump();
  Frame loop{FrameKind::LOOP};
  loop.numLocals = entry.state.locals.size();
  loop.stackDepth = entry.state.stack.size();
  Block *h = g_->newBlock();
  State hs = entry.state;
  auto generalize = [&](Hlvalue &slot, const std::string &hint, bool keepConst) {
    if (slot.isNull() || (slot.isConst() && keepConst)) return;
    entry.link->args.push_back(slot);
    slot = g_->newVar(hint);
    h->inputargs.push_back(slot.var());
  };
  for (size_t i = 0; i < hs.locals.size(); ++i)
    generalize(hs.locals[i], slots_[i].first, !reassigned(i));
  for (Hlvalue &v : hs.stack) generalize(v, "", true);
  entry.link->target = h;
  loop.header = h;
  loop.headerState = hs;
  cur_ = h;
  state_ = std::move(hs);
  return loop;
}

void Builder::backEdge(Frame &loop) {
  Link *l = g_->newLink(cur_, loop.header);
  // A local bound at the loop entry can be unbound on a back edge only when
  // an `except ... as name` handler unbound it (Python 3); the header cannot
  // express "unbound", so that path passes None.
  auto pass = [&](const Hlvalue &header, const Hlvalue &now) {
    if (header.isVar()) l->args.push_back(now.isNull() ? Hlvalue(none()) : now);
  };
  for (size_t i = 0; i < loop.headerState.locals.size(); ++i)
    pass(loop.headerState.locals[i], state_.locals[i]);
  for (size_t i = 0; i < loop.headerState.stack.size(); ++i)
    pass(loop.headerState.stack[i], state_.stack[i]);
  cur_ = nullptr;
}

Frame *Builder::innermostCatcher() {
  for (size_t i = frames_.size(); i-- > 0;)
    if (frames_[i]->kind == FrameKind::EXCEPT || frames_[i]->kind == FrameKind::FINALLY)
      return frames_[i];
  return nullptr;
}

void Builder::raiseTo(Hlvalue etype, Hlvalue evalue) {
  Frame *c = innermostCatcher();
  if (!c) {
    g_->newLink(cur_, g_->exceptblock, {etype, evalue});
    cur_ = nullptr;
    return;
  }
  Edge e = jump();
  e.state.locals.resize(c->numLocals);
  e.state.stack.resize(c->stackDepth);
  e.state.stack.push_back(etype);
  e.state.stack.push_back(evalue);
  c->raises.push_back(std::move(e));
}

int Builder::slotOf(const std::string &name) const {
  for (size_t i = slots_.size(); i-- > 0;)
    if (slots_[i].first == name) return int(slots_[i].second);
  return -1;
}

Hlvalue Builder::loadName(const std::string &name, SrcLoc loc) {
  if (int s = slotOf(name); s >= 0) {
    Hlvalue v = state_.locals[size_t(s)];
    if (v.isNull()) {
      error(loc, "local variable '" + name + "' referenced before assignment");
      return none();
    }
    return v;
  }
  for (const auto &[free, cell] : func_->freevars) {
    if (free != name) continue;
    if (!cell->bound) {
      error(loc, "free variable '" + name + "' referenced before assignment in enclosing scope");
      return none();
    }
    return cst(cell->value, loc);
  }
  if (func_->module)
    if (const eval::Value *v = func_->module->globals.find(name)) return cst(*v, loc);
  if (ev_.hasBuiltin(name)) return cst(ev_.builtin(name), loc);
  error(loc, "name '" + name + "' is not defined");
  return none();
}

void Builder::storeName(const std::string &name, Hlvalue v, SrcLoc loc) {
  int s = slotOf(name);
  if (s < 0) {
    if (scope_->isNonlocalDecl(name) || scope_->isFree(name))
      error(loc, "assignment to nonlocal '" + name + "' is only allowed at translation time");
    else
      error(loc, "assignment to global '" + name +
                     "' is only allowed at translation time (module globals are constants at run time)");
    return;
  }
  if (v.isVar() && v.var()->hint.empty()) v.var()->hint = name;
  state_.locals[size_t(s)] = v;
}

} // namespace build
} // namespace lathe::flow
