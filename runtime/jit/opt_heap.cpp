//===- opt_heap.cpp - Heap caching for traces -----------------------------===//
// Issue 7, pass `heap`. Input/output: trace IR. Requires: nothing.
// Invalidates: nothing. Follows RPython's OptHeap: one forward walk that
// remembers, per location, the value the trace last read from it or wrote
// to it. A location is a field (object, FieldDescr) or an array item
// (array, index, ArrayDescr); distinct descrs never overlap.
//
//  * Reads: getfield/getarrayitem of a location whose value is known are
//    dropped, their result is the known value (fail args follow through the
//    rewriter's mapping). Indices are the same when they are the same value
//    (equal constants are one pooled Ref).
//  * Writes: a write of the value already known to be there is dropped.
//    Otherwise it forgets the same descr's entries for every object that
//    may be the written one — an item write only those at indices not
//    provably different (two different constants; i and i ± c, c != 0) —
//    then records its value.
//  * Aliasing: two values are known to be different objects when they are
//    different constants, or when one is an allocation of this trace and
//    the other is another allocation, a constant, a value that existed
//    before the allocation, or anything at all while the allocation has not
//    escaped (it was never stored, passed to a call or copied: only uses as
//    the object of a memory op, in guards and in ptr_eq/ptr_ne keep it
//    private). Everything else may alias.
//  * Immutable fields and arrays (FieldDescr/ArrayDescr::immutable): their
//    entries survive every write and call.
//  * Narrow integers: after storing v into an int of fewer than 8 bytes a
//    read gives v back only when v fits; the write's value is remembered
//    only then (constants, comparisons, x & mask, reads whose width and
//    signedness fit).
//  * Delayed writes: a setfield or setarrayitem is kept pending, so that a
//    later write to the same location with no read of memory in between
//    replaces it. Pending writes are emitted, in program order, before:
//    every guard (resume data has no pending writes yet: a failing guard
//    must find memory as the interpreter left it), a call that may raise
//    (its exception guard follows), a call that may read or write their
//    descr (EffectInfo; unknown effects: all), label, jump and finish; a
//    write to the same descr of an object (an item of an array, at an index
//    not provably different) that may alias theirs (program order between
//    the two); a read that the cache cannot answer of such a location.
//    (In recorded traces a bounds guard separates item writes; in the loop
//    the unroll pass peels, the guards on invariant indices are gone, and
//    the passes run again over it — opt.cpp — so BF's `+++` becomes one
//    store.)
//  * Calls: call_* forget the entries of every mutable descr their
//    EffectInfo may write (unknown: all); call_pure_* and calls of
//    @elidable callees (EffectInfo::elidable) forget nothing, though
//    pending writes they may read go first. Allocations, guards and pure
//    ops change nothing.
//  * Everything is forgotten at a label (pending writes are emitted before
//    it); the unroll pass will carry state across the loop header.
// Not here: arraylen/strlen (pure, CSE'd by `pure`), reads of fresh objects
// (zero until written: the virtualize pass's business), pending writes in
// resume data.
//===----------------------------------------------------------------------===//
#include <map>
#include <optional>
#include <tuple>
#include <unordered_set>
#include <utility>
#include <vector>
#include "jit/opt.h"

namespace lathe::jit {

namespace {

/// The values an int of `size` bytes can hold.
std::pair<int64_t, int64_t> widthRange(uint8_t size, bool isSigned) {
  if (size >= 8) return {INT64_MIN, INT64_MAX};
  int bits = 8 * size;
  if (isSigned) return {-(int64_t{1} << (bits - 1)), (int64_t{1} << (bits - 1)) - 1};
  return {0, (int64_t{1} << bits) - 1};
}

class Heap {
 public:
  Heap(const Trace& in, const DescrTable& d) : in_(in), d_(d), rw_(in, d) {}

  Trace run() {
    for (uint32_t i = 0; i < in_.ops.size(); i++) visit(i);
    return removeDeadOps(rw_.take(), d_);
  }

 private:
  using FieldKey = std::pair<uint32_t, uint32_t>;            // descr, object's Ref bits
  using ItemKey = std::tuple<uint32_t, uint32_t, uint32_t>;  // descr, array's Ref bits, index's Ref bits

  /// A setfield or setarrayitem not emitted yet: old op `op`, with its
  /// operands remapped (`idx` only for items).
  struct PendingWrite {
    uint32_t op;
    uint32_t descr;
    Ref obj, value;
    bool item = false;
    Ref idx{};
  };

  // --- dispatch ---------------------------------------------------------------------
  void visit(uint32_t i) {
    noteEscapes(i);
    switch (in_.ops[i].op) {
      case Op::INT_ADD: case Op::INT_SUB: case Op::INT_MUL: case Op::INT_FLOORDIV: case Op::INT_MOD:
      case Op::INT_AND: case Op::INT_OR: case Op::INT_XOR: case Op::INT_LSHIFT: case Op::INT_RSHIFT:
      case Op::INT_NEG: case Op::INT_INVERT: case Op::INT_LT: case Op::INT_LE: case Op::INT_EQ: case Op::INT_NE:
      case Op::INT_GT: case Op::INT_GE: case Op::INT_IS_TRUE: case Op::INT_ADD_OVF: case Op::INT_SUB_OVF:
      case Op::INT_MUL_OVF: case Op::UINT_LT: case Op::UINT_LE: case Op::UINT_GE: case Op::UINT_GT:
      case Op::UINT_RSHIFT: case Op::UINT_FLOORDIV: case Op::UINT_MOD: case Op::FLOAT_ADD: case Op::FLOAT_SUB:
      case Op::FLOAT_MUL: case Op::FLOAT_TRUEDIV: case Op::FLOAT_NEG: case Op::FLOAT_ABS: case Op::FLOAT_LT:
      case Op::FLOAT_LE: case Op::FLOAT_EQ: case Op::FLOAT_NE: case Op::FLOAT_GT: case Op::FLOAT_GE:
      case Op::CAST_INT_TO_FLOAT: case Op::CAST_FLOAT_TO_INT: case Op::SAME_AS_I: case Op::SAME_AS_R:
      case Op::SAME_AS_F: case Op::PTR_EQ: case Op::PTR_NE:
      case Op::ARRAYLEN: case Op::STRLEN: case Op::STRGETITEM:  // arrays never resize, strings never change
      case Op::DEBUG_MERGE_POINT:
        rw_.copy(i);
        return;
      case Op::GETFIELD_I: case Op::GETFIELD_R: case Op::GETFIELD_F: return getfield(i);
      case Op::SETFIELD: return setfield(i);
      case Op::GETARRAYITEM_I: case Op::GETARRAYITEM_R: case Op::GETARRAYITEM_F: return getitem(i);
      case Op::SETARRAYITEM: return setitem(i);
      case Op::NEW: case Op::NEW_WITH_VTABLE: case Op::NEW_ARRAY: return allocation(i);
      case Op::CALL_I: case Op::CALL_R: case Op::CALL_F: case Op::CALL_N: return call(i, false);
      case Op::CALL_PURE_I: case Op::CALL_PURE_R: case Op::CALL_PURE_F: return call(i, true);
      case Op::GUARD_TRUE: case Op::GUARD_FALSE: case Op::GUARD_VALUE: case Op::GUARD_CLASS:
      case Op::GUARD_NONNULL: case Op::GUARD_ISNULL: case Op::GUARD_NO_EXCEPTION: case Op::GUARD_EXCEPTION:
      case Op::GUARD_NO_OVERFLOW: case Op::GUARD_OVERFLOW: case Op::GUARD_NOT_INVALIDATED:
      case Op::JUMP: case Op::FINISH:
        return exitPoint(i);
      case Op::LABEL: return label(i);
    }
  }

  // --- fields -----------------------------------------------------------------------
  void getfield(uint32_t i) {
    uint32_t f = in_.ops[i].descr;
    Ref obj = rw_.map(in_.ops[i].args[0]);
    if (auto it = fields_.find({f, obj.bits}); it != fields_.end()) return rw_.replace(i, it->second);
    flushAliasing(f, obj, true);  // memory must hold what the trace wrote there
    fields_[{f, obj.bits}] = rw_.copy(i);
  }

  void setfield(uint32_t i) {
    uint32_t f = in_.ops[i].descr;
    const FieldDescr& fd = d_.field(f);
    Ref obj = rw_.map(in_.ops[i].args[0]), v = rw_.map(in_.ops[i].args[1]);
    auto it = fields_.find({f, obj.bits});
    if (it != fields_.end() && it->second == v) return;  // obj.f = v where obj.f is v: dropped
    flushAliasing(f, obj, false);                         // they came first, and may hit the same object
    std::erase_if(pending_, [&](const PendingWrite& w) { return w.descr == f && w.obj == obj; });  // overwritten
    if (!fd.immutable)
      std::erase_if(fields_, [&](const auto& e) { return e.first.first == f && mayAlias(Ref{e.first.second}, obj); });
    fields_.erase({f, obj.bits});
    if (fits(v, fd.kind, fd.size, fd.isSigned)) fields_[{f, obj.bits}] = v;
    pending_.push_back({i, f, obj, v});
  }

  /// Emits the pending writes to descr f of objects that may be obj (obj
  /// itself too when `self`).
  void flushAliasing(uint32_t f, Ref obj, bool self) {
    flushIf([&](const PendingWrite& w) {
      return !w.item && w.descr == f && (w.obj == obj ? self : mayAlias(w.obj, obj));
    });
  }
  /// Emits the pending item writes of descr a that may hit arr[idx] (that
  /// very item too when `self`).
  void flushItemsAliasing(uint32_t a, Ref arr, Ref idx, bool self) {
    flushIf([&](const PendingWrite& w) {
      if (!w.item || w.descr != a || !mayAlias(w.obj, arr)) return false;
      if (w.obj == arr && w.idx == idx) return self;
      return !differentIndices(w.idx, idx);
    });
  }

  template <class Pred>
  void flushIf(Pred pred) {
    std::vector<PendingWrite> keep;
    for (const PendingWrite& w : pending_) {
      if (pred(w) && w.item) rw_.emitAs(w.op, Op::SETARRAYITEM, {w.obj, w.idx, w.value});
      else if (pred(w)) rw_.emitAs(w.op, Op::SETFIELD, {w.obj, w.value});
      else keep.push_back(w);
    }
    pending_ = std::move(keep);
  }
  void flushAll() {
    flushIf([](const PendingWrite&) { return true; });
  }

  // --- array items --------------------------------------------------------------------
  void getitem(uint32_t i) {
    uint32_t a = in_.ops[i].descr;
    Ref arr = rw_.map(in_.ops[i].args[0]), idx = rw_.map(in_.ops[i].args[1]);
    if (auto it = items_.find({a, arr.bits, idx.bits}); it != items_.end()) return rw_.replace(i, it->second);
    flushItemsAliasing(a, arr, idx, true);  // memory must hold what the trace wrote there
    items_[{a, arr.bits, idx.bits}] = rw_.copy(i);
  }

  void setitem(uint32_t i) {
    uint32_t a = in_.ops[i].descr;
    const ArrayDescr& ad = d_.array(a);
    Ref arr = rw_.map(in_.ops[i].args[0]), idx = rw_.map(in_.ops[i].args[1]), v = rw_.map(in_.ops[i].args[2]);
    auto it = items_.find({a, arr.bits, idx.bits});
    if (it != items_.end() && it->second == v) return;  // arr[i] = v where arr[i] is v: dropped
    flushItemsAliasing(a, arr, idx, false);  // they came first, and may hit the same item
    std::erase_if(pending_, [&](const PendingWrite& w) { return w.item && w.descr == a && w.obj == arr && w.idx == idx; });
    pending_.push_back({i, a, arr, v, true, idx});
    if (!ad.immutable) {
      std::erase_if(items_, [&](const auto& e) {
        auto [descr, other, otherIdx] = e.first;
        return descr == a && mayAlias(Ref{other}, arr) && !differentIndices(Ref{otherIdx}, idx);
      });
    }
    items_.erase({a, arr.bits, idx.bits});
    if (fits(v, ad.itemKind, ad.itemSize, ad.itemSigned)) items_[{a, arr.bits, idx.bits}] = v;
  }

  /// Are x and y surely different indices? Two different constants; i and
  /// i + c or i - c with c != 0 (BF's `>` then `<`).
  bool differentIndices(Ref x, Ref y) const {
    if (x == y) return false;
    if (rw_.isConstInt(x) && rw_.isConstInt(y)) return true;
    return offsetFrom(x, y) || offsetFrom(y, x);
  }
  /// Is x defined as base + c or base - c, c a non-zero constant?
  bool offsetFrom(Ref x, Ref base) const {
    const TraceOp* d = rw_.def(x);
    if (!d || (d->op != Op::INT_ADD && d->op != Op::INT_SUB) || d->args[0] != base) return false;
    return rw_.isConstInt(d->args[1]) && rw_.intOf(d->args[1]) != 0;  // wrapping keeps them apart
  }

  // --- calls, allocations, exits --------------------------------------------------------
  void call(uint32_t i, bool isCallPure) {
    const EffectInfo& e = d_.call(in_.ops[i].descr).effect;
    if (mayRaise(in_, d_, i)) flushAll();  // its exception guard follows: keep the two together
    else flushIf([&](const PendingWrite& w) {
      return w.item ? e.mayReadArray(w.descr) || e.mayWriteArray(w.descr)
                    : e.mayReadField(w.descr) || e.mayWriteField(w.descr);
    });
    rw_.copy(i);
    if (isCallPure || e.elidable) return;  // same arguments, same result: writes nothing
    std::erase_if(fields_, [&](const auto& x) {
      uint32_t f = x.first.first;
      return !d_.field(f).immutable && e.mayWriteField(f);
    });
    std::erase_if(items_, [&](const auto& x) {
      uint32_t a = std::get<0>(x.first);
      return !d_.array(a).immutable && e.mayWriteArray(a);
    });
  }

  void allocation(uint32_t i) { fresh_.insert(rw_.copy(i).bits); }

  /// Guards, jump, finish: memory must be as the interpreter would have it.
  void exitPoint(uint32_t i) {
    flushAll();
    rw_.copy(i);
  }

  void label(uint32_t i) {
    flushAll();
    rw_.emitLabel(i);
    fields_.clear();
    items_.clear();
    fresh_.clear();
    escaped_.clear();
  }

  // --- aliasing -----------------------------------------------------------------------
  /// May new values a and b be the same object?
  bool mayAlias(Ref a, Ref b) const {
    if (a == b) return true;
    if (a.isConst() && b.isConst()) return false;  // pooled: different Refs, different pointers
    return !knownApart(a, b) && !knownApart(b, a);
  }

  /// Is a an allocation of this trace that b cannot be?
  bool knownApart(Ref a, Ref b) const {
    if (!fresh_.count(a.bits)) return false;
    if (b.isConst() || fresh_.count(b.bits) || !escaped_.count(a.bits)) return true;
    return b.tag() == Ref::INPUT || (b.tag() == Ref::OP && b.index() < a.index());  // existed before a
  }

  /// An allocation used other than as the object of a memory op, in a guard
  /// or in a pointer comparison may be reachable from now on.
  void noteEscapes(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    if (isGuard(o.op) || o.op == Op::PTR_EQ || o.op == Op::PTR_NE || fresh_.empty()) return;
    DescrKind dk = opInfo(o.op).descr;
    bool memOp = dk == DescrKind::FIELD || (dk == DescrKind::ARRAY && o.op != Op::NEW_ARRAY);
    for (size_t k = memOp ? 1 : 0; k < o.args.size(); k++) {  // the object (arg 0) does not escape
      Ref r = rw_.map(o.args[k]);
      if (fresh_.count(r.bits)) escaped_.insert(r.bits);
    }
  }

  // --- narrow ints --------------------------------------------------------------------
  /// Does v survive a store into an int of `size` bytes (always, for other kinds)?
  bool fits(Ref v, Kind kind, uint8_t size, bool isSigned) const {
    if (kind != Kind::INT || size >= 8) return true;
    std::optional<std::pair<int64_t, int64_t>> r = rangeOf(v);
    auto [lo, hi] = widthRange(size, isSigned);
    return r && r->first >= lo && r->second <= hi;
  }

  /// A range v is known to lie in, from its definition alone.
  std::optional<std::pair<int64_t, int64_t>> rangeOf(Ref v) const {
    if (rw_.isConstInt(v)) return std::pair{rw_.intOf(v), rw_.intOf(v)};
    const TraceOp* d = rw_.def(v);
    if (!d) return std::nullopt;
    if (isBoolOp(d->op)) return std::pair<int64_t, int64_t>{0, 1};
    if (d->op == Op::INT_AND && rw_.isConstInt(d->args[1]) && rw_.intOf(d->args[1]) >= 0)
      return std::pair<int64_t, int64_t>{0, rw_.intOf(d->args[1])};  // x & m, m >= 0: 0..m
    if (d->op == Op::GETFIELD_I) return widthRange(d_.field(d->descr).size, d_.field(d->descr).isSigned);
    if (d->op == Op::GETARRAYITEM_I) return widthRange(d_.array(d->descr).itemSize, d_.array(d->descr).itemSigned);
    return std::nullopt;
  }

  const Trace& in_;
  const DescrTable& d_;
  TraceRewriter rw_;
  std::map<FieldKey, Ref> fields_;  // what each known field holds (or will, once pending writes are emitted)
  std::map<ItemKey, Ref> items_;    // what each known array item holds
  std::vector<PendingWrite> pending_;  // delayed setfields, in program order
  std::unordered_set<uint32_t> fresh_, escaped_;  // allocations of this trace (Ref bits); those that escaped
};

}  // namespace

Trace passHeap(const Trace& in, const DescrTable& d) { return Heap(in, d).run(); }

}  // namespace lathe::jit
