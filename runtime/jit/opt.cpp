//===- opt.cpp - The trace optimizer's recipe and shared helpers ----------===//
// See opt.h. optimize() is the recipe: the enabled passes in pipeline order,
// verify() after each. TraceRewriter is the skeleton the passes share
// (remapping of operands and fail args, label handling), removeDeadOps the
// sweep each implemented pass ends with.
//===----------------------------------------------------------------------===//
#include "jit/opt.h"
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include "jit/trace_text.h"

namespace lathe::jit {

// --- the recipe ------------------------------------------------------------------

OptPassFn optPassFn(OptPass p) {
  switch (p) {
    case OptPass::INTBOUNDS: return passIntBounds;
    case OptPass::REWRITE: return passRewrite;
    case OptPass::VIRTUALIZE: return passVirtualize;
    case OptPass::HEAP: return passHeap;
    case OptPass::PURE: return passPure;
    case OptPass::UNROLL: return passUnroll;
  }
  return nullptr;
}

Trace optimize(const Trace& in, const DescrTable& d, uint32_t enabledOpts, const OptOptions& opts) {
  std::vector<NamedPass> passes;
  for (unsigned k = 0; k < kNumOptPasses; k++) {  // ORDER: LATHE_JIT_OPT_PASSES is the pipeline order
    auto p = static_cast<OptPass>(k);
    if (enabledOpts & optBit(p)) passes.push_back({p, optPassFn(p)});
  }
  Trace out = runPasses(in, d, passes, opts);
  // The loop unroll peeled meets the other passes once more: with the
  // invariant values and guards out of it, heap can combine writes the
  // guards kept apart, pure can share what is left, and so on (RPython
  // optimizes the peeled loop with its whole chain too). They restart at
  // its label, so the preamble is left as it was.
  //
  // A trace unroll does not peel (a bridge, a loop that cannot be peeled)
  // gets the second round too: what a later pass finds is news to an
  // earlier one. heap forwarding a stored or re-read item to its first
  // read lets intbounds fold a test of it that it had passed over.
  auto labels = [](const Trace& t) { return std::count_if(t.ops.begin(), t.ops.end(), [](const TraceOp& o) { return o.op == Op::LABEL; }); };
  std::vector<NamedPass> again;
  for (const NamedPass& p : passes)
    if (p.pass != OptPass::UNROLL) again.push_back(p);
  bool peeled = (enabledOpts & optBit(OptPass::UNROLL)) && labels(out) > labels(in);
  if (again.size() > 1 || peeled) out = runPasses(out, d, again, opts);
  if ((enabledOpts & optBit(OptPass::INTBOUNDS)) && opts.exactGuardFailures) conditionsInFailArgs(out);
  return out;
}

Trace runPasses(const Trace& in, const DescrTable& d, const std::vector<NamedPass>& passes, const OptOptions& opts) {
  Trace cur = in;
  for (const NamedPass& p : passes) {
    Trace next = p.fn(cur, d);
    if (opts.verifyEachPass) {
      std::vector<TraceError> errs = verify(next, d);
      if (!errs.empty()) {
        std::string msg = std::string("pass '") + optPassName(p.pass) + "' broke the trace: op " +
                          (errs[0].op == kNoOp ? std::string("-") : std::to_string(errs[0].op)) + ": " +
                          errs[0].message + "\n" + printTrace(next, d);
        if (!opts.error) {
          std::fprintf(stderr, "lathe: internal error: %s", msg.c_str());
          std::abort();
        }
        *opts.error = std::move(msg);
        return cur;
      }
    }
    if (opts.afterPass) opts.afterPass(p.pass, next);
    cur = std::move(next);
  }
  return cur;
}

// --- TraceRewriter -----------------------------------------------------------------

TraceRewriter::TraceRewriter(const Trace& in, const DescrTable& d)
    : in_(in), d_(d), opMap_(in.ops.size()) {
  out_.ops.reserve(in.ops.size());  // (a pass rarely adds ops; growing by doubling copied every op)
  out_.guards.reserve(in.guards.size());
  for (Kind k : in.inputs) inMap_.push_back(out_.addInput(k));
  out_.vable = in.vable;
}

Ref TraceRewriter::reintern(Ref c) {
  switch (c.tag()) {
    case Ref::CONST_INT: return out_.constInt(in_.intConst(c));
    case Ref::CONST_FLOAT: return out_.constFloat(in_.floatConst(c));
    case Ref::CONST_PTR: return out_.constPtr(in_.ptrConst(c), in_.ptrConstName(c));
    case Ref::NONE: case Ref::INPUT: case Ref::OP: case Ref::VIRTUAL: break;
  }
  return c;
}

Ref TraceRewriter::resolve(Ref r) const {
  for (;;) {  // chains are short: v -> w after CSE, w -> constant after a guard
    auto it = subst_.find(r.bits);
    if (it == subst_.end()) return r;
    r = it->second;
  }
}

Ref TraceRewriter::map(Ref old) {
  switch (old.tag()) {
    case Ref::INPUT: return resolve(inMap_[old.index()]);
    case Ref::OP: return resolve(opMap_[old.index()]);
    case Ref::CONST_INT: case Ref::CONST_FLOAT: case Ref::CONST_PTR: return reintern(old);
    // A guard's virtual (a fail arg): the guard's own numbering, which
    // copying the guard keeps.
    case Ref::VIRTUAL: return old;
    case Ref::NONE: break;
  }
  return old;
}

std::vector<Ref> TraceRewriter::mapArgs(uint32_t i) {
  std::vector<Ref> args;
  for (Ref r : in_.ops[i].args) args.push_back(map(r));
  return args;
}

void TraceRewriter::substitute(Ref v, Ref by) {
  if (v.isConst() || v == by) return;
  subst_[v.bits] = by;
}

Ref TraceRewriter::emitAs(uint32_t i, Op op, std::vector<Ref> args) {
  Ref r = emitExtra(i, op, std::move(args));
  opMap_[i] = r;
  return r;
}

Ref TraceRewriter::emitExtra(uint32_t i, Op op, std::vector<Ref> args) {
  const TraceOp& o = in_.ops[i];
  Ref r;
  switch (opInfo(op).descr) {
    case DescrKind::GUARD: {
      const GuardDescr& g = in_.guards[o.descr];
      std::vector<Ref> failArgs;
      for (Ref a : g.failArgs) failArgs.push_back(map(a));
      r = out_.emitGuard(op, std::move(args), std::move(failArgs), g.tag, g.name, g.frames, g.virtuals);
      break;
    }
    case DescrKind::TEXT: out_.emitDebugMergePoint(in_.texts[o.descr]); break;
    case DescrKind::NONE: r = out_.emit(op, std::move(args)); break;
    case DescrKind::FIELD: case DescrKind::ARRAY: case DescrKind::CALL: case DescrKind::SIZE: case DescrKind::LOOP:
      r = out_.emit(op, std::move(args), o.descr);
      break;
  }
  return r;
}

void TraceRewriter::emitLabel(uint32_t i, std::vector<Ref>* extra, const std::vector<bool>* dropped) {
  const TraceOp& o = in_.ops[i];
  std::vector<Ref> all = mapArgs(i), args;
  std::vector<int> at(all.size(), -1);  // old argument k -> its position, or -1 when dropped
  for (size_t k = 0; k < all.size(); k++) {
    if (dropped && (*dropped)[k]) continue;
    at[k] = static_cast<int>(args.size());
    args.push_back(all[k]);
  }
  size_t own = args.size();
  if (extra) args.insert(args.end(), extra->begin(), extra->end());
  for (size_t k = 0; k < args.size(); k++) {
    bool dup = false;
    for (size_t j = 0; j < k; j++) dup |= args[j] == args[k];
    if (!args[k].isConst() && !dup) continue;
    // label(c) or label(x, x) is invalid: give the loop-carried value its own name.
    Kind kind = out_.kindOf(args[k]);
    Op same = kind == Kind::INT ? Op::SAME_AS_I : kind == Kind::REF ? Op::SAME_AS_R : Op::SAME_AS_F;
    args[k] = out_.emit(same, {args[k]});
  }
  out_.emit(Op::LABEL, args, o.descr);
  afterLabel_ = static_cast<uint32_t>(out_.ops.size());
  subst_.clear();
  if (extra) extra->assign(args.begin() + static_cast<std::ptrdiff_t>(own), args.end());
  for (size_t k = 0; k < o.args.size(); k++) {
    if (at[k] < 0) continue;  // the caller says what it is now
    Ref a = o.args[k];
    if (a.tag() == Ref::INPUT) inMap_[a.index()] = args[at[k]];
    if (a.tag() == Ref::OP) opMap_[a.index()] = args[at[k]];
  }
}

// --- fail args that are their guard's condition ------------------------------------

void conditionsInFailArgs(Trace& t) {
  for (const TraceOp& o : t.ops) {
    if ((o.op != Op::GUARD_TRUE && o.op != Op::GUARD_FALSE) || o.args[0].tag() != Ref::OP) continue;
    Ref v = o.args[0];
    if (o.op == Op::GUARD_FALSE && !isBoolOp(t.ops[v.index()].op)) continue;  // any non-zero int
    Ref c = t.constInt(o.op == Op::GUARD_TRUE ? 0 : 1);
    for (Ref& f : t.guards[o.descr].failArgs)
      if (f == v) f = c;
  }
}

// --- dead ops ------------------------------------------------------------------------

Trace removeDeadOps(Trace t, const DescrTable& d) {
  size_t n = t.ops.size();
  std::vector<char> live(n, 0), used(n, 0);
  auto use = [&](Ref r) {
    if (r.tag() == Ref::OP) used[r.index()] = 1;
  };
  for (size_t k = n; k-- > 0;) {
    const TraceOp& op = t.ops[k];
    bool removable = isPure(op.op) && !canRaise(op.op);
    live[k] = !removable || used[k];
    if (!live[k]) continue;
    for (Ref r : op.args) use(r);
    if (isGuard(op.op))
      for (Ref r : t.guards[op.descr].failArgs) use(r);
  }
  // Nothing to remove (the usual case): the trace as it is, not rebuilt.
  if (std::all_of(live.begin(), live.end(), [](char l) { return l != 0; })) return t;
  TraceRewriter rw(t, d);
  for (uint32_t i = 0; i < n; i++) {
    if (!live[i]) continue;
    if (t.ops[i].op == Op::LABEL) rw.emitLabel(i);
    else rw.copy(i);
  }
  return rw.take();
}

// --- small queries -------------------------------------------------------------------

uint32_t overflowGuardOf(const Trace& t, uint32_t i) {
  for (auto j = static_cast<uint32_t>(i + 1); j < t.ops.size(); j++) {
    Op op = t.ops[j].op;
    // A label or jump may carry the flag to a reader we cannot see: report it
    // as the reader, so callers leave the ovf op alone.
    if (op == Op::GUARD_NO_OVERFLOW || op == Op::GUARD_OVERFLOW || op == Op::LABEL || op == Op::JUMP) return j;
    if (op == Op::INT_ADD_OVF || op == Op::INT_SUB_OVF || op == Op::INT_MUL_OVF) return kNoOp;
  }
  return kNoOp;
}

Affine affineOf(const Trace& t, Ref r, uint32_t from) {
  Affine a{r, 0};
  for (int depth = 0; depth < 32 && a.base.tag() == Ref::OP && a.base.index() >= from; depth++) {
    const TraceOp& o = t.ops[a.base.index()];
    bool add = o.op == Op::INT_ADD || o.op == Op::INT_ADD_OVF, sub = o.op == Op::INT_SUB || o.op == Op::INT_SUB_OVF;
    if (!add && !sub) break;
    Ref x = o.args[0], c = o.args[1];
    if (add && x.tag() == Ref::CONST_INT) std::swap(x, c);
    if (c.tag() != Ref::CONST_INT) break;
    // wrapping arithmetic: base + k stays exact mod 2^64 whatever the sum does
    uint64_t step = static_cast<uint64_t>(t.intConst(c));
    a.k = static_cast<int64_t>(static_cast<uint64_t>(a.k) + (add ? step : -step));
    a.base = x;
  }
  return a;
}

bool isBoolOp(Op op) {
  // An if-chain, not a switch: these few rows are what matters.
  return op == Op::INT_LT || op == Op::INT_LE || op == Op::INT_EQ || op == Op::INT_NE || op == Op::INT_GT ||
         op == Op::INT_GE || op == Op::INT_IS_TRUE || op == Op::UINT_LT || op == Op::UINT_LE ||
         op == Op::UINT_GE || op == Op::UINT_GT || op == Op::FLOAT_LT || op == Op::FLOAT_LE ||
         op == Op::FLOAT_EQ || op == Op::FLOAT_NE || op == Op::FLOAT_GT || op == Op::FLOAT_GE ||
         op == Op::PTR_EQ || op == Op::PTR_NE;
}

bool mayRaise(const Trace& t, const DescrTable& d, uint32_t i) {
  const TraceOp& op = t.ops[i];
  if (!canRaise(op.op)) return false;
  if (opInfo(op.op).descr == DescrKind::CALL) return d.call(op.descr).effect.canRaise;
  return true;
}

}  // namespace lathe::jit
