//===- opt_pure.cpp - Common-subexpression elimination for traces ---------===//
// Issue 7, pass `pure`. Input/output: trace IR. Requires: nothing.
// Invalidates: nothing. Follows RPython's OptPure: a table from
// (op, descr, operands) to the value that computed it; a pure op found in
// the table is replaced by the earlier value.
//
//  * OPF_PURE ops that cannot raise (int/float arithmetic, comparisons,
//    casts, ptr_eq, arraylen, strlen, strgetitem); operands of commutative
//    int ops are ordered first, so a+b and b+a meet. same_as is left alone
//    (labels need the ones that remain).
//  * call_pure_* (an @elidable callee: same arguments, same result) with the
//    same descr and arguments. A callee that can raise is only reused once
//    the earlier call's guard_no_exception passed (so it did not raise, and
//    with the same arguments will not); the later call's own
//    guard_no_exception is then removed with it, when no exception can be
//    pending there. A call followed by guard_exception (it raised while
//    recording) is never replaced, nor reused.
//  * Guards that check only their operands (guard_true/false/value/class/
//    nonnull/isnull) are CSE'd too: one with the same op and operands as an
//    earlier one is removed, as the earlier one passed. CSE of the values
//    guarded makes these (heap caching leaves each BF command's bounds
//    check comparing the same values). Guards on machine state (exceptions,
//    overflow, invalidation) are left alone.
//  * The table is emptied at a label: values before it are not visible
//    after it.
// Not here: reads of the heap (the heap pass), float commutativity (NaN
// payloads depend on the operand order).
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>
#include <vector>
#include "jit/opt.h"

namespace lathe::jit {

namespace {

bool isCommutativeInt(Op op) {
  return op == Op::INT_ADD || op == Op::INT_MUL || op == Op::INT_AND || op == Op::INT_OR || op == Op::INT_XOR ||
         op == Op::INT_EQ || op == Op::INT_NE || op == Op::PTR_EQ || op == Op::PTR_NE;
}

/// A guard whose outcome depends on its operands alone (a class is an
/// object's immutable first word).
bool checksOnlyOperands(Op op) {
  return op == Op::GUARD_TRUE || op == Op::GUARD_FALSE || op == Op::GUARD_VALUE || op == Op::GUARD_CLASS ||
         op == Op::GUARD_NONNULL || op == Op::GUARD_ISNULL;
}

class Pure {
 public:
  Pure(const Trace& in, const DescrTable& d) : in_(in), d_(d), rw_(in, d) {}

  Trace run() {
    for (uint32_t i = 0; i < in_.ops.size(); i++) visit(i);
    return removeDeadOps(rw_.take(), d_);
  }

 private:
  using Key = std::vector<uint32_t>;  // op, descr, operand bits

  void visit(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    if (dropped_.count(i)) return;  // the guard_no_exception of a removed call_pure
    if (o.op == Op::LABEL) {
      rw_.emitLabel(i);
      table_.clear();
      guards_.clear();
      excClear_ = false;
      return;
    }
    bool isSameAs = o.op == Op::SAME_AS_I || o.op == Op::SAME_AS_R || o.op == Op::SAME_AS_F;
    if (!isPure(o.op) || isSameAs) return other(i);
    if (canRaise(o.op)) return callPure(i);
    Key k = key(i);
    if (auto it = table_.find(k); it != table_.end()) return rw_.replace(i, it->second);
    table_.emplace(std::move(k), rw_.copy(i));
  }

  /// Guards and effects: copied; the exception state is tracked.
  void other(uint32_t i) {
    Op op = in_.ops[i].op;
    if (checksOnlyOperands(op)) {
      // guard(x) after the same guard(x): it passed, x has not changed.
      Key k{static_cast<uint32_t>(op), kNoDescr};  // not the GuardDescr: each guard has its own
      for (Ref r : rw_.mapArgs(i)) k.push_back(r.bits);
      if (!guards_.insert(std::move(k)).second) return;
    }
    rw_.copy(i);
    if (op == Op::GUARD_NO_EXCEPTION || op == Op::GUARD_EXCEPTION) excClear_ = true;
    if (mayRaise(in_, d_, i)) excClear_ = false;
  }

  Key key(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    std::vector<Ref> a = rw_.mapArgs(i);
    Key k{static_cast<uint32_t>(o.op), o.descr};
    for (Ref r : a) k.push_back(r.bits);
    if (isCommutativeInt(o.op)) std::sort(k.begin() + 2, k.end());
    return k;
  }

  void callPure(uint32_t i) {
    Op next = i + 1 < in_.ops.size() ? in_.ops[i + 1].op : Op::FINISH;
    bool raises = mayRaise(in_, d_, i);
    bool guarded = next == Op::GUARD_NO_EXCEPTION;
    Key k = key(i);
    auto it = table_.find(k);
    if (it != table_.end() && next != Op::GUARD_EXCEPTION) {
      rw_.replace(i, it->second);
      // The guard read the state the call left: as the call did not raise,
      // the state before it. Nothing pending there: the guard goes too.
      if (raises && guarded && excClear_) dropped_.insert(i + 1);
      return;
    }
    Ref r = rw_.copy(i);
    if (raises) excClear_ = false;
    if (!raises || guarded) table_.emplace(std::move(k), r);  // reused only past its guard
  }

  const Trace& in_;
  const DescrTable& d_;
  TraceRewriter rw_;
  std::map<Key, Ref> table_;
  std::set<Key> guards_;  // the guards kept since the last label (checksOnlyOperands)
  std::unordered_set<uint32_t> dropped_;
  bool excClear_ = false;  // no exception can be pending here
};

}  // namespace

Trace passPure(const Trace& in, const DescrTable& d) { return Pure(in, d).run(); }

}  // namespace lathe::jit
