//===- annotate.cpp - The annotator's recipe and fixpoint -----------------===//
// Implements annotate.h: graph states, the pending-block loop, flowing a
// block (operation rules, exits, narrowing, constant-folded switches), link
// merging with origins, and argument binding for calls.
//===----------------------------------------------------------------------===//
#include "annotator/annotate.h"

#include "annotator/rules.h"

#include <cassert>

namespace lathe::ann {

Annotator::Annotator(flow::FlowGraphCache &cache, Diagnostics &sink)
    : cache_(cache), diags_(sink), bk_(cache.evaluator(), *this, diags_) {}

bool Annotator::annotate(const eval::FunctionObj *entry, const std::vector<Ann> &args) {
  unsigned before = diags_.sink().errorCount();
  GraphInfo *gi = infoFor(entry, nullptr, entry->loc());
  if (!gi) return false;
  std::vector<Binding> bound;
  for (const Ann &a : args) bound.push_back({a, entry->loc()});
  if (bound.size() != gi->graph->startblock->inputargs.size()) {
    diags_.error(entry->loc(), "the entry point '" + entry->name + "' must take " +
                                   std::to_string(args.size()) + " argument(s)");
    return false;
  }
  mergeInto(*gi, gi->graph->startblock, bound);
  complete();
  bk_.reportUnknownAttributes();
  reportNoneAccesses();
  return diags_.sink().errorCount() == before;
}

// --- graphs -------------------------------------------------------------------

GraphInfo *Annotator::infoFor(const eval::FunctionObj *f, GraphInfo *caller, SrcLoc loc,
                              const std::string &specKey) {
  auto it = infoOf_.find({f->serial, specKey});
  if (it != infoOf_.end()) return it->second;
  // The first graph of a function is the cache's; each further
  // specialisation annotates a fresh copy.
  bool first = hasGraph_.insert(f->serial).second;
  flow::FunctionGraph *g = first ? cache_.graphFor(f) : cache_.buildFresh(f);
  if (!g) {
    noteCallChain(caller, loc);
    infoOf_[{f->serial, specKey}] = nullptr;
    return nullptr;
  }
  GraphInfo &gi = graphs_.emplace_back();
  gi.order = uint32_t(graphs_.size());
  gi.func = f;
  gi.graph = g;
  gi.specKey = specKey;
  gi.name = specKey.empty() ? g->name : g->name + "[" + specKey + "]";
  gi.bindings.assign(g->variableCount(), Binding{someImpossible(), {}});
  gi.caller = caller;
  gi.callLoc = loc;
  infoOf_[{f->serial, specKey}] = &gi;
  return &gi;
}

/// One note per call from the entry point to the call at `loc` in `gi`,
/// innermost first: "called from 'f' (prog.py:12)".
void Annotator::noteCallChain(const GraphInfo *gi, SrcLoc loc) {
  for (; gi; loc = gi->callLoc, gi = gi->caller)
    diags_.note(loc, "called from '" + gi->name + "' (" + diags_.where(loc) + ")");
}

Ann Annotator::annotationOf(const GraphInfo &gi, const flow::Hlvalue &v) {
  if (v.isVar()) return gi.bindings[v.var()->id].ann;
  assert(v.isConst() && !v.cst()->shape && "call shapes have no annotation");
  Ann a = bk_.immutableValue(v.cst()->value);
  // A list or dict constant in a graph is a module global (or a closure
  // cell): frozen at run time. (Lists held by prebuilt instances are read
  // through getattr, a variable, and stay mutable.)
  if (a->kind == SomeKind::LIST || a->kind == SomeKind::DICT) bk_.freezeGlobal(v.cst()->value, a);
  return a;
}

SrcLoc Annotator::originOf(const GraphInfo &gi, const flow::Hlvalue &v) const {
  if (v.isVar()) return gi.bindings[v.var()->id].origin;
  // A constant's origin is where the source made it (the literal, the
  // global's name); constants the builder invented belong to the current op.
  return v.cst()->loc.known() ? v.cst()->loc : currentLoc_;
}

void Annotator::reflow(const Position &p) {
  if (!scheduled_.insert({p.graph, p.block}).second) return;
  pending_.push_back(p);
}

// --- the fixpoint -----------------------------------------------------------------

void Annotator::complete() {
  while (!pending_.empty()) {
    Position p = pending_.front();
    pending_.pop_front();
    scheduled_.erase({p.graph, p.block});
    flowIn(*p.graph, p.block);
  }
}

void Annotator::flowIn(GraphInfo &gi, const flow::Block *b) {
  current_ = &gi;
  size_t n = b->operations.size();
  for (size_t i = 0; i < n; ++i) {
    if (flowOp(gi, b, b->operations[i])) continue;
    // The result is unknown: the rest of the block waits for a re-flow.
    // An op that raises still reaches the block's exception handlers.
    if (i + 1 == n && b->switchKind == flow::SwitchKind::LAST_EXCEPTION)
      followExits(gi, b, true);
    return;
  }
  followExits(gi, b, false);
}

/// Annotates one operation; false when its result is not known yet. An
/// operation that reports an error, or has a failed argument, gets the
/// failed bottom (model.h) and the block goes on, so that later independent
/// errors are found in the same run.
bool Annotator::flowOp(GraphInfo &gi, const flow::Block *b, const flow::Operation &op) {
  currentLoc_ = op.loc;
  currentOp_ = &op;
  OpContext c{*this, gi, b, op, {}, {}, op.loc};
  bool failedArg = false;
  for (const flow::Hlvalue &v : op.args) {
    if (v.isConst() && v.cst()->shape) {
      c.args.push_back(someImpossible()); // the call shape: read by callop.cpp
      c.origins.push_back(op.loc);
      continue;
    }
    Ann a = annotationOf(gi, v);
    if (isImpossible(a) && !isFailed(a)) return false;
    failedArg |= isFailed(a);
    c.args.push_back(a);
    c.origins.push_back(originOf(gi, v));
  }
  unsigned errorsBefore = diags_.attempts();
  Ann r = failedArg || !checkNotFrozen(c) ? someFailed() : applyRule(c);
  Binding &slot = gi.bindings[op.result->id];
  if (!r || isImpossible(r)) {
    bool failed = (r && isFailed(r)) || diags_.attempts() != errorsBefore;
    if (!failed) return false; // not known yet: wait for a re-flow
    if (isImpossible(slot.ann)) slot = {someFailed(), op.loc};
    return true;
  }
  if (!isImpossible(slot.ann)) {
    UnionResult u = unionOf(slot.ann, r);
    // Narrowing facts are recomputed at every flow; the join would drop them.
    if (u.ok() && !(r->knownTypes && !r->hasConst && !u.value->hasConst)) r = u.value;
  }
  slot = {r, c.resultOrigin};
  return true;
}

/// The rule of the operation's group (rules.h).
Ann Annotator::applyRule(OpContext &c) {
  Ann r;
  switch (c.op.op) {
  case flow::FlowOp::POS:
  case flow::FlowOp::NEG:
  case flow::FlowOp::INVERT:
  case flow::FlowOp::BOOL:
  case flow::FlowOp::NOT:
  case flow::FlowOp::TYPE:
  case flow::FlowOp::LEN:
  case flow::FlowOp::ITER:
  case flow::FlowOp::NEXT:
    r = unaryOp(c);
    break;
  case flow::FlowOp::ADD:
  case flow::FlowOp::SUB:
  case flow::FlowOp::MUL:
  case flow::FlowOp::TRUEDIV:
  case flow::FlowOp::FLOORDIV:
  case flow::FlowOp::MOD:
  case flow::FlowOp::POW:
  case flow::FlowOp::LSHIFT:
  case flow::FlowOp::RSHIFT:
  case flow::FlowOp::OR:
  case flow::FlowOp::XOR:
  case flow::FlowOp::AND:
  case flow::FlowOp::INPLACE_ADD:
  case flow::FlowOp::INPLACE_SUB:
  case flow::FlowOp::INPLACE_MUL:
  case flow::FlowOp::INPLACE_TRUEDIV:
  case flow::FlowOp::INPLACE_FLOORDIV:
  case flow::FlowOp::INPLACE_MOD:
  case flow::FlowOp::INPLACE_POW:
  case flow::FlowOp::INPLACE_LSHIFT:
  case flow::FlowOp::INPLACE_RSHIFT:
  case flow::FlowOp::INPLACE_OR:
  case flow::FlowOp::INPLACE_XOR:
  case flow::FlowOp::INPLACE_AND:
  case flow::FlowOp::LT:
  case flow::FlowOp::LE:
  case flow::FlowOp::EQ:
  case flow::FlowOp::NE:
  case flow::FlowOp::GT:
  case flow::FlowOp::GE:
  case flow::FlowOp::IS:
    r = binaryOp(c);
    break;
  case flow::FlowOp::CONTAINS:
  case flow::FlowOp::GETITEM:
  case flow::FlowOp::SETITEM:
  case flow::FlowOp::DELITEM:
  case flow::FlowOp::GETSLICE:
  case flow::FlowOp::SETSLICE:
  case flow::FlowOp::DELSLICE:
  case flow::FlowOp::NEWTUPLE:
  case flow::FlowOp::NEWLIST:
  case flow::FlowOp::NEWDICT:
    r = containerOp(c);
    break;
  case flow::FlowOp::GETATTR:
  case flow::FlowOp::SETATTR:
  case flow::FlowOp::DELATTR:
    r = attrOp(c);
    break;
  case flow::FlowOp::SIMPLE_CALL:
  case flow::FlowOp::CALL_ARGS:
  case flow::FlowOp::EXCEPTION_MATCH:
    r = callOp(c);
    break;
  }
  return r;
}

void Annotator::deferNoneAccess(GraphInfo &gi, const flow::Operation &op,
                                const std::string &message) {
  for (const NoneAccess &n : noneAccesses_)
    if (n.gi == &gi && n.op == &op) return;
  noneAccesses_.push_back({&gi, &op, message});
}

/// An operation on a value that is (so far) always None waits: the value
/// may still generalise. Still None after the fixpoint: a user error.
void Annotator::reportNoneAccesses() {
  for (const NoneAccess &n : noneAccesses_)
    if (annotationOf(*n.gi, n.op->args[0])->kind == SomeKind::NONE)
      diags_.error(n.op->loc, n.message);
}

// --- exits and links ------------------------------------------------------------------

void Annotator::followExits(GraphInfo &gi, const flow::Block *b, bool onlyExceptions) {
  const std::vector<std::pair<const flow::Variable *, Ann>> *facts[2] = {nullptr, nullptr};
  int known = -1; // the constant truth value of the switch, if any
  if (b->switchKind == flow::SwitchKind::VALUE) {
    Ann s = annotationOf(gi, b->exitswitch);
    if (s->hasConst && (s->constValue.isBool() || s->constValue.isInt()))
      known = s->constValue.asInt() != 0;
    if (s->knownTypes) {
      facts[0] = &s->knownTypes->ifFalse;
      facts[1] = &s->knownTypes->ifTrue;
    }
  }
  for (size_t i = 0; i < b->exits.size(); ++i) {
    const flow::Link *l = b->exits[i];
    if (onlyExceptions && !l->isException()) continue;
    const std::vector<std::pair<const flow::Variable *, Ann>> *f = nullptr;
    if (b->switchKind == flow::SwitchKind::VALUE && l->hasExitcase) {
      bool which = l->exitcase.isBool() ? l->exitcase.asBool() : l->exitcase.asInt() != 0;
      if (known >= 0 && known != int(which)) continue;
      f = facts[which];
    }
    followLink(gi, l, f);
  }
}

namespace {

/// Link arguments lose facts about the previous block's variables, and
/// `type(v)` facts are renamed to the target's variables.
Ann crossLink(const Ann &a, const flow::Link *l) {
  if (a->knownTypes) {
    auto s = std::make_shared<SomeValue>(*a);
    s->knownTypes.reset();
    return s;
  }
  if (a->kind != SomeKind::EXCTYPE || a->typeOf.empty()) return a;
  auto s = std::make_shared<SomeValue>(*a);
  s->typeOf.clear();
  for (size_t j = 0; j < l->args.size(); ++j)
    for (const flow::Variable *v : a->typeOf)
      if (l->args[j].var() == v) s->typeOf.push_back(l->target->inputargs[j]);
  return s;
}

} // namespace

void Annotator::followLink(GraphInfo &gi, const flow::Link *l,
                           const std::vector<std::pair<const flow::Variable *, Ann>> *facts) {
  if (l->isException()) {
    ClassDef *cd = bk_.classDefFor(eval::asClass(l->exitcase));
    assert(cd && "exception links name an exception class");
    Ann etype = someExcType(cd);
    std::const_pointer_cast<SomeValue>(etype)->typeOf = {l->lastExcValue};
    gi.bindings[l->lastException->id] = {etype, currentLoc_};
    gi.bindings[l->lastExcValue->id] = {someInstance(cd), currentLoc_};
  }
  std::vector<Binding> incoming;
  for (const flow::Hlvalue &v : l->args) {
    Binding in{annotationOf(gi, v), originOf(gi, v)};
    if (facts && v.isVar())
      for (const auto &[var, narrowed] : *facts)
        if (var == v.var()) in.ann = narrowed;
    // Narrowed away: this exit cannot be taken. (A failed value goes on.)
    if (isImpossible(in.ann) && !isFailed(in.ann)) return;
    in.ann = crossLink(in.ann, l);
    if (l->target == gi.graph->exceptblock && incoming.empty()) in.ann = excTypeOf(in.ann);
    incoming.push_back(in);
  }
  mergeInto(gi, l->target, incoming);
}

/// `raise E(...)` passes the class E itself as the exception type.
Ann Annotator::excTypeOf(const Ann &a) {
  if (a->kind != SomeKind::PBC || !a->hasConst || !eval::asClass(a->constValue)) return a;
  ClassDef *cd = bk_.classDefFor(eval::asClass(a->constValue));
  return cd ? someExcType(cd) : a;
}

std::string Annotator::describeVar(const GraphInfo &gi, const flow::Block *b, size_t i) const {
  const flow::Variable *v = b->inputargs[i];
  if (b == gi.graph->startblock)
    return "argument `" + v->hint + "` of " + gi.name + "()";
  if (b == gi.graph->returnblock) return "the return value of " + gi.name + "()";
  if (!v->hint.empty()) return "`" + v->hint + "`";
  return "a value in " + gi.name + "()";
}

void Annotator::mergeInto(GraphInfo &gi, const flow::Block *target,
                          const std::vector<Binding> &incoming) {
  assert(incoming.size() == target->inputargs.size() && "one link argument per inputarg");
  bool changed = gi.reached.insert(target).second;
  for (size_t j = 0; j < incoming.size(); ++j) {
    Binding &old = gi.bindings[target->inputargs[j]->id];
    Binding in = incoming[j];
    if (old.ann->kind == SomeKind::EXCTYPE || in.ann->kind == SomeKind::EXCTYPE) {
      old.ann = excTypeOf(old.ann);
      in.ann = excTypeOf(in.ann);
    }
    UnionResult u = unionOf(old.ann, in.ann);
    if (!u.ok()) {
      diags_.unionError(in.origin, describeVar(gi, target, j), printType(old.ann), old.origin,
                        printType(in.ann), in.origin, u.why);
      continue;
    }
    if (sameAnn(u.value, old.ann)) continue;
    if (isImpossible(old.ann) || sameAnn(u.value, in.ann)) old.origin = in.origin;
    old.ann = u.value;
    changed = true;
  }
  if (!changed) return;
  if (target == gi.graph->returnblock) {
    for (const Position &p : gi.returnReaders) reflow(p);
    return;
  }
  if (target != gi.graph->exceptblock) reflow({&gi, target});
}

// --- calls ------------------------------------------------------------------------------

bool Annotator::matchArgs(const eval::FunctionObj *f, const CallArgs &args, SrcLoc loc,
                          std::vector<Binding> &out, std::string *why) {
  auto fail = [&](const std::string &message) {
    if (why) *why = message;
    else diags_.error(loc, message);
    return false;
  };
  const ast::Arguments &a = f->args();
  std::string fname = f->qualname + "()";
  size_t npos = a.args.size();
  if (!a.kwonlyargs.empty() || !a.kwarg.empty())
    return fail("calling " + fname + ": keyword-only and ** parameters are only "
                "allowed at translation time");
  out.assign(npos, Binding{nullptr, {}});
  size_t given = args.positional.size();
  if (given > npos && a.vararg.empty())
    return fail(fname + " takes " + std::to_string(npos) + " argument" + (npos == 1 ? "" : "s") +
                " but " + std::to_string(given) + (given == 1 ? " was" : " were") + " given");
  for (size_t i = 0; i < std::min(given, npos); ++i) out[i] = args.positional[i];
  for (const auto &[name, b] : args.keywords) {
    size_t k = 0;
    while (k < npos && a.args[k].name != name) ++k;
    if (k == npos) return fail(fname + " got an unexpected keyword argument '" + name + "'");
    if (out[k].ann) return fail(fname + " got multiple values for argument '" + name + "'");
    out[k] = b;
  }
  size_t firstDefault = npos - f->defaults.size();
  for (size_t i = 0; i < npos; ++i) {
    if (out[i].ann) continue;
    if (i >= firstDefault) {
      out[i] = {bk_.immutableValue(f->defaults[i - firstDefault]), a.args[i].loc};
      continue;
    }
    return fail(fname + " missing required argument '" + a.args[i].name + "'");
  }
  if (!a.vararg.empty()) {
    std::vector<Ann> rest;
    for (size_t i = npos; i < given; ++i) rest.push_back(args.positional[i].ann);
    out.push_back({someTuple(std::move(rest)), loc});
  }
  return true;
}

GraphInfo *Annotator::calleeGraph(const flow::Operation *op, const eval::FunctionObj *f) const {
  auto it = callees_.find({op, f->serial});
  return it == callees_.end() ? nullptr : it->second;
}

GraphInfo *Annotator::graphOf(const eval::FunctionObj *f) const {
  auto it = infoOf_.find({f->serial, std::string()});
  return it == infoOf_.end() ? nullptr : it->second;
}

std::vector<Ann> Annotator::familySignature(const CallFamily &fam) {
  std::vector<Ann> sig;
  for (const Desc *d : fam.members) {
    if (d->kind != Desc::Kind::FUNCTION && d->kind != Desc::Kind::METHOD) return {};
    auto it = infoOf_.find({d->func->serial, std::string()});
    if (it == infoOf_.end() || !it->second) return {};
    const GraphInfo &gi = *it->second;
    std::vector<Ann> own;
    for (const flow::Variable *v : gi.graph->startblock->inputargs) own.push_back(gi.bindings[v->id].ann);
    own.push_back(gi.bindings[gi.graph->returnblock->inputargs[0]->id].ann);
    if (sig.empty()) sig.assign(own.size(), someImpossible());
    if (own.size() != sig.size()) return {};
    for (size_t i = 0; i < own.size(); ++i) {
      UnionResult u = unionOf(withoutConst(sig[i]), withoutConst(own[i]));
      if (!u.ok()) return {};
      sig[i] = u.value;
    }
  }
  return sig;
}

Binding Annotator::callFunction(const eval::FunctionObj *f, const CallArgs &args,
                                const Position &caller, SrcLoc loc) {
  Specialization spec = specializationOf(f);
  std::vector<Binding> bound;
  if (spec.kind == Specialization::Kind::NONE) {
    // Graph errors first: a function that cannot be built is the news.
    if (!infoFor(f, caller.graph, loc)) return {someFailed(), loc};
    if (!matchArgs(f, args, loc, bound)) return {someFailed(), loc};
  } else if (!matchArgs(f, args, loc, bound)) {
    return {someFailed(), loc};
  }
  if (spec.kind == Specialization::Kind::MEMO) return callMemo(f, bound, loc);
  std::string key;
  if (!specializationKey(f, spec, bound, loc, key)) return {someFailed(), loc};
  GraphInfo *gi = infoFor(f, caller.graph, loc, key);
  if (!gi) return {someFailed(), loc};
  if (currentOp_) callees_[{currentOp_, f->serial}] = gi;
  assert(bound.size() == gi->graph->startblock->inputargs.size() && "parameters match");
  GraphInfo *saved = current_;
  SrcLoc savedLoc = currentLoc_;
  mergeInto(*gi, gi->graph->startblock, bound);
  current_ = saved;
  currentLoc_ = savedLoc;
  bool known = false;
  for (const Position &p : gi->returnReaders) known |= p.graph == caller.graph && p.block == caller.block;
  if (!known) gi->returnReaders.push_back(caller);
  return gi->bindings[gi->graph->returnblock->inputargs[0]->id];
}

} // namespace lathe::ann
