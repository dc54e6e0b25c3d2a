//===- opt_unroll.cpp - Loop peeling for traces ---------------------------===//
// Issue 7, pass `unroll`. Input/output: trace IR. Requires: nothing (runs
// last, on what the other passes left). Invalidates: nothing.
//
// A loop trace `[in] label(A, L) body jump(J, L)` becomes
//
//   [in] label(A, L) body                         the preamble: the first
//        label(J + I, L.body)                     iteration, as recorded
//        body' jump(J' + I, L.body)               the peeled loop
//
// where body' is body with its loop-invariant part left out: the values I
// it computed are handed over from the preamble through the new label (so
// they are computed once, not per iteration), and its guards on invariant
// values are dropped (the preamble checked the same values). Other traces
// still enter at L (bridges run the preamble again); only the trace's own
// jump targets L.body, a LoopDescr named "<L>.body" that the driver
// declares with every loop (no such descr: the trace is left alone).
//
// Loop-invariant, found in one forward walk of the body:
//  * constants, and label arguments the jump passes back unchanged (J_k is
//    A_k). (A label argument the jump sets to a constant is that constant
//    in the peeled loop, without a slot; it is not invariant in this sense:
//    the preamble ran with the value it came in with. Guards it makes
//    trivially true are dropped.)
//  * pure ops that cannot raise (arithmetic, comparisons, casts, arraylen,
//    strlen, strgetitem) and call_pure of a callee that cannot raise, on
//    invariant operands;
//  * getfield on an invariant object of a field the body never writes:
//    no setfield with that descr, no residual call whose EffectInfo may
//    write it (RPython's short preamble does the same with its heap cache);
//    getarrayitem likewise, on an invariant array and index, when the
//    body writes no item of that array descr; immutable fields and arrays
//    always.
// Guards on invariant values (guard_true/false, nonnull/isnull, class,
// value) are dropped from the peeled loop.
//
// Items carried across the loop edge: a getarrayitem on an invariant array
// and index, before the body's first write to that item, reads what the
// previous iteration stored last there -- when every write of that array
// descr in the body is to the same array ref at an invariant index that is
// either this index or provably another one (the same base plus a different
// constant), and no residual call may write the descr. The value stored is
// then handed over through the new label (the preamble's store for the
// first peeled iteration, the peeled body's for the next), and the read is
// left out: the loop keeps the item in a register (the stores stay).
//
// The peeled loop's label is marked LoopDescr::peeled: virtualize, which
// runs again after this pass, carries virtual objects and the
// virtualizable's values through it (opt_virtualize.cpp). Not yet: the
// "short preamble" that lets a bridge jump straight into the peeled loop,
// and retracing with a new preamble.
//===----------------------------------------------------------------------===//
#include <set>
#include <unordered_map>
#include <vector>
#include "jit/opt.h"

namespace lathe::jit {

namespace {

class Unroll {
 public:
  Unroll(const Trace& in, const DescrTable& d) : in_(in), d_(d) {}

  Trace run() {
    if (!shape()) return in_;
    analyse();
    return emit();
  }

 private:
  // --- shape: one label, the last op jumps to it ------------------------------------
  bool shape() {
    const std::vector<TraceOp>& ops = in_.ops;
    if (ops.empty() || ops.back().op != Op::JUMP) return false;
    for (uint32_t i = 0; i < ops.size(); i++) {
      if (ops[i].op != Op::LABEL) continue;
      if (label_ != kNoOp) return false;  // already peeled, or two loops
      label_ = i;
    }
    if (label_ == kNoOp || ops.back().descr != ops[label_].descr) return false;
    auto body = d_.find(d_.name(ops[label_].descr) + ".body");
    if (!body || d_.kindOf(*body) != DescrKind::LOOP) return false;
    bodyDescr_ = *body;
    jump_ = static_cast<uint32_t>(ops.size() - 1);
    return ops[label_].args.size() == ops[jump_].args.size();
  }

  // --- analysis ----------------------------------------------------------------------
  bool invariant(Ref r) const { return r.isConst() || inv_.count(r.bits) != 0; }

  bool allInvariant(const std::vector<Ref>& args) const {
    for (Ref r : args)
      if (!invariant(r)) return false;
    return true;
  }

  void analyse() {
    const std::vector<TraceOp>& ops = in_.ops;
    const std::vector<Ref>& A = ops[label_].args;
    const std::vector<Ref>& J = ops[jump_].args;
    for (size_t k = 0; k < A.size(); k++)
      if (J[k] == A[k]) inv_.insert(A[k].bits);
    // What the body writes.
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      const TraceOp& o = ops[i];
      if (o.op == Op::SETFIELD) writtenFields_.insert(o.descr);
      if (o.op == Op::SETARRAYITEM) writtenArrays_.insert(o.descr);
      if (o.op == Op::CALL_I || o.op == Op::CALL_R || o.op == Op::CALL_F || o.op == Op::CALL_N)
        calls_.push_back(&d_.call(o.descr).effect);
    }
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      const TraceOp& o = ops[i];
      if (isGuard(o.op)) {
        if (invariantGuard(o)) dropGuard_.insert(i);
        continue;
      }
      if (o.type == Kind::VOID || !allInvariant(o.args) || !invariantOp(o)) continue;
      inv_.insert(Ref::op(i).bits);
    }
    for (uint32_t i = label_ + 1; i < jump_; i++) findCarried(i);
  }

  /// An index as (base, constant offset): int_add/int_sub of a constant
  /// are followed back; a constant is the base "none" plus its value.
  std::pair<uint32_t, int64_t> affine(Ref r) const {
    int64_t off = 0;
    for (int depth = 0; depth < 16; depth++) {
      if (r.tag() == Ref::CONST_INT) return {Ref().bits, off + in_.intConst(r)};
      if (r.tag() != Ref::OP) break;
      const TraceOp& o = in_.ops[r.index()];
      if (o.op != Op::INT_ADD && o.op != Op::INT_SUB) break;
      if (o.args[1].tag() == Ref::CONST_INT) {
        int64_t c = in_.intConst(o.args[1]);
        off += o.op == Op::INT_ADD ? c : -c;
        r = o.args[0];
      } else if (o.op == Op::INT_ADD && o.args[0].tag() == Ref::CONST_INT) {
        off += in_.intConst(o.args[0]);
        r = o.args[1];
      } else {
        break;
      }
    }
    return {r.bits, off};
  }

  /// Body op `i`: an item read that can take the value the previous
  /// iteration stored (see the header), recorded in carried_.
  void findCarried(uint32_t i) {
    const std::vector<TraceOp>& ops = in_.ops;
    const TraceOp& o = ops[i];
    if (o.op != Op::GETARRAYITEM_I && o.op != Op::GETARRAYITEM_R && o.op != Op::GETARRAYITEM_F) return;
    if (inv_.count(Ref::op(i).bits) || !invariant(o.args[0]) || !invariant(o.args[1])) return;
    for (const EffectInfo* e : calls_)
      if (e->mayWriteArray(o.descr)) return;
    auto at = affine(o.args[1]);
    uint32_t last = kNoOp;
    for (uint32_t w = label_ + 1; w < jump_; w++) {
      const TraceOp& x = ops[w];
      if (x.op != Op::SETARRAYITEM || x.descr != o.descr) continue;
      if (x.args[0] != o.args[0] || !invariant(x.args[1])) return;
      bool same = x.args[1] == o.args[1];
      auto xat = affine(x.args[1]);
      if (!same && xat.first != at.first) return;  // may be the same item
      same = same || xat.second == at.second;
      if (!same) continue;
      if (w < i) return;  // the body writes the item before this read
      last = w;
    }
    if (last != kNoOp) carried_.push_back({i, last});
  }

  bool invariantGuard(const TraceOp& o) const {
    switch (o.op) {
      case Op::GUARD_TRUE: case Op::GUARD_FALSE: case Op::GUARD_NONNULL: case Op::GUARD_ISNULL:
      case Op::GUARD_CLASS: case Op::GUARD_VALUE:
        return allInvariant(o.args);
      default:
        return false;
    }
  }

  bool fieldStable(uint32_t f) const {
    if (d_.field(f).immutable) return true;
    if (writtenFields_.count(f)) return false;
    for (const EffectInfo* e : calls_)
      if (e->mayWriteField(f)) return false;
    return true;
  }

  bool arrayStable(uint32_t a) const {
    if (d_.array(a).immutable) return true;
    if (writtenArrays_.count(a)) return false;
    for (const EffectInfo* e : calls_)
      if (e->mayWriteArray(a)) return false;
    return true;
  }

  bool invariantOp(const TraceOp& o) const {
    switch (o.op) {
      case Op::GETFIELD_I: case Op::GETFIELD_R: case Op::GETFIELD_F: return fieldStable(o.descr);
      case Op::GETARRAYITEM_I: case Op::GETARRAYITEM_R: case Op::GETARRAYITEM_F: return arrayStable(o.descr);
      case Op::CALL_PURE_I: case Op::CALL_PURE_R: case Op::CALL_PURE_F: return !d_.call(o.descr).effect.canRaise;
      case Op::SAME_AS_I: case Op::SAME_AS_R: case Op::SAME_AS_F: return false;  // label plumbing
      default: return isPure(o.op) && !canRaise(o.op);
    }
  }

  /// A guard that a constant slot made trivially true.
  static bool passesOnConstants(const Trace& t, Op op, const std::vector<Ref>& args) {
    auto intConst = [&](Ref r) { return r.tag() == Ref::CONST_INT; };
    if (op == Op::GUARD_TRUE && intConst(args[0])) return t.intConst(args[0]) != 0;
    if (op == Op::GUARD_FALSE && intConst(args[0])) return t.intConst(args[0]) == 0;
    if (op == Op::GUARD_VALUE && args[0].isConst() && args[0] == args[1]) return true;
    return false;
  }

  // --- emission ----------------------------------------------------------------------
  Trace emit() {
    const std::vector<TraceOp>& ops = in_.ops;
    Trace out = in_;  // the preamble is the trace as it is; constants keep their refs
    out.ops.pop_back();  // its jump becomes the peeled loop's label
    const std::vector<Ref>& A = ops[label_].args;
    const std::vector<Ref>& J = ops[jump_].args;

    // The invariant values the peeled loop reads (operands, fail args, jump).
    std::set<uint32_t> used;
    auto note = [&](Ref r) {
      if (r.tag() == Ref::OP && inv_.count(r.bits) && r.index() > label_) used.insert(r.index());
    };
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      const TraceOp& o = ops[i];
      if (inv_.count(Ref::op(i).bits) || dropGuard_.count(i)) continue;
      for (Ref r : o.args) note(r);
      if (isGuard(o.op))
        for (Ref r : in_.guards[o.descr].failArgs) note(r);
    }
    for (Ref r : J) note(r);

    // The new label: J's values then the invariant ones, each a distinct
    // non-constant ref (same_as where a value is a constant or repeats).
    std::vector<Ref> labelArgs;
    std::set<uint32_t> seen;
    auto slot = [&](Ref r) {
      if (r.isConst() || !seen.insert(r.bits).second) {
        Kind k = out.kindOf(r);
        r = out.emit(k == Kind::INT ? Op::SAME_AS_I : k == Kind::REF ? Op::SAME_AS_R : Op::SAME_AS_F, {r});
        seen.insert(r.bits);
      }
      labelArgs.push_back(r);
      return r;
    };
    std::unordered_map<uint32_t, Ref> map;  // old ref bits -> ref in the peeled loop
    std::vector<bool> constSlot(A.size());
    for (size_t k = 0; k < A.size(); k++) {
      // The jump passes a constant: in every peeled iteration A_k is it.
      constSlot[k] = J[k].isConst();
      map[A[k].bits] = constSlot[k] ? J[k] : slot(J[k]);
    }
    // (An invariant A_k is J_k: its slot is the same value, passed through.)
    for (uint32_t i : used) map[Ref::op(i).bits] = slot(Ref::op(i));
    // Carried items: the preamble's last store (an op before the label).
    for (const auto& [read, store] : carried_) map[Ref::op(read).bits] = slot(ops[store].args[2]);
    out.emit(Op::LABEL, labelArgs, bodyDescr_);
    std::set<uint32_t> carriedReads;
    for (const auto& c : carried_) carriedReads.insert(c.first);

    auto m = [&](Ref r) -> Ref {
      if (r.isConst() || r.isNone()) return r;
      auto it = map.find(r.bits);
      return it != map.end() ? it->second : r;  // (values before the label do not appear: verified input)
    };
    for (uint32_t i = label_ + 1; i < jump_; i++) {
      const TraceOp& o = ops[i];
      if (inv_.count(Ref::op(i).bits) || dropGuard_.count(i) || carriedReads.count(i)) continue;
      std::vector<Ref> args;
      for (Ref r : o.args) args.push_back(m(r));
      if (isGuard(o.op)) {
        if (passesOnConstants(out, o.op, args)) continue;
        const GuardDescr& g = in_.guards[o.descr];
        std::vector<Ref> fail;
        for (Ref r : g.failArgs) fail.push_back(m(r));
        // The copy is the same guard of the same program point: NAME.1.
        Ref res = out.emitGuard(o.op, std::move(args), std::move(fail), g.tag, g.name + ".1", g.frames);
        out.guards.back().virtuals = g.virtuals;  // the same objects, described the same way
        if (!res.isNone()) map[Ref::op(i).bits] = res;
        continue;
      }
      Ref res = out.emit(o.op, std::move(args), o.descr);
      if (!res.isNone()) map[Ref::op(i).bits] = res;
    }
    std::vector<Ref> jumpArgs;
    for (size_t k = 0; k < J.size(); k++)
      if (!constSlot[k]) jumpArgs.push_back(m(J[k]));
    for (uint32_t i : used) jumpArgs.push_back(map[Ref::op(i).bits]);
    for (const auto& c : carried_) jumpArgs.push_back(m(ops[c.second].args[2]));
    out.emit(Op::JUMP, jumpArgs, bodyDescr_);
    return out;
  }

  const Trace& in_;
  const DescrTable& d_;
  uint32_t label_ = kNoOp, jump_ = kNoOp, bodyDescr_ = kNoDescr;
  std::set<uint32_t> inv_;                 // invariant refs (bits)
  std::set<uint32_t> dropGuard_;           // invariant guards of the body
  std::set<uint32_t> writtenFields_, writtenArrays_;
  std::vector<const EffectInfo*> calls_;   // residual calls in the body
  /// Carried items: (the body's read, the body's last store to that item).
  std::vector<std::pair<uint32_t, uint32_t>> carried_;
};

}  // namespace

Trace passUnroll(const Trace& in, const DescrTable& d) { return Unroll(in, d).run(); }

}  // namespace lathe::jit
