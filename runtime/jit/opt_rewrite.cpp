//===- opt_rewrite.cpp - Folding, algebra and guard implication -----------===//
// Issue 7, pass `rewrite`. Input/output: trace IR. Requires: nothing.
// Invalidates: nothing. Follows RPython's OptRewrite and LuaJIT's FOLD: one
// forward walk; each op is folded, simplified, or copied with what is known
// about its operands.
//
//  * Constant folding of pure ops whose operands are all constants, with
//    semantics.h (the meaning the recorder and interp share). Not folded:
//    arraylen/strlen/strgetitem (they read memory) and call_pure.
//  * Algebra on ints (rules below, one comment each), constants moved to the
//    right of commutative ops and comparisons, strength reduction, x+c1+c2.
//    Floats are only constant-folded (x*1.0, x+0.0 differ on -0.0 and NaN).
//  * Overflow ops on constants, or with an identity operand, become their
//    value when nothing but a guard_no_overflow reads their flag; that guard
//    goes too.
//  * Guards: guard_true/false on a constant that holds, guard_value already
//    known, guard_class known from guard_class/guard_value/new_with_vtable,
//    guard_nonnull known, guard_isnull on null, guard_no_exception with no
//    raising op since the last exception guard, a repeated
//    guard_not_invalidated with no call in between: removed. A guard that can
//    never hold is kept (the trace then always leaves there).
//  * What guards teach is used afterwards: guard_value(x, c) and
//    guard_isnull(x) make x a constant, guard_true/false on a comparison
//    makes it 1/0.
//  * same_as is removed (except the ones labels need, see opt.h).
// Everything known is forgotten at a label.
//===----------------------------------------------------------------------===//
#include <cstring>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include "jit/opt.h"
#include "jit/semantics.h"

namespace lathe::jit {

namespace {

bool isOvf(Op op) { return op == Op::INT_ADD_OVF || op == Op::INT_SUB_OVF || op == Op::INT_MUL_OVF; }

bool isCommutative(Op op) {
  return op == Op::INT_ADD || op == Op::INT_MUL || op == Op::INT_AND || op == Op::INT_OR || op == Op::INT_XOR ||
         op == Op::INT_EQ || op == Op::INT_NE || op == Op::PTR_EQ || op == Op::PTR_NE;
}

/// a OP b == b MIRROR(OP) a, for comparisons; nullopt for other ops.
std::optional<Op> mirrored(Op op) {
  if (op == Op::INT_LT) return Op::INT_GT;
  if (op == Op::INT_LE) return Op::INT_GE;
  if (op == Op::INT_GT) return Op::INT_LT;
  if (op == Op::INT_GE) return Op::INT_LE;
  if (op == Op::UINT_LT) return Op::UINT_GT;
  if (op == Op::UINT_LE) return Op::UINT_GE;
  if (op == Op::UINT_GT) return Op::UINT_LT;
  if (op == Op::UINT_GE) return Op::UINT_LE;
  return std::nullopt;
}

bool isFloatOp(Op op) {
  return op == Op::FLOAT_ADD || op == Op::FLOAT_SUB || op == Op::FLOAT_MUL || op == Op::FLOAT_TRUEDIV ||
         op == Op::FLOAT_NEG || op == Op::FLOAT_ABS;
}
bool isFloatCmp(Op op) {
  return op == Op::FLOAT_LT || op == Op::FLOAT_LE || op == Op::FLOAT_EQ || op == Op::FLOAT_NE ||
         op == Op::FLOAT_GT || op == Op::FLOAT_GE;
}
bool isIntOp(Op op) { return opInfo(op).result == Kind::INT && opInfo(op).sig[0] == 'i' && isPure(op); }

/// log2(v) when v is a power of two in 2..2^62, else -1.
int powerOfTwo(int64_t v) {
  if (v < 2 || (v & (v - 1)) != 0) return -1;
  return __builtin_ctzll(static_cast<uint64_t>(v));
}

/// An op to emit instead of the input's: a new op and operands.
struct Rewritten {
  Op op;
  std::vector<Ref> args;
};

class Rewrite {
 public:
  Rewrite(const Trace& in, const DescrTable& d) : in_(in), d_(d), rw_(in, d) {}

  Trace run() {
    for (uint32_t i = 0; i < in_.ops.size(); i++) visit(i);
    return removeDeadOps(rw_.take(), d_);
  }

 private:
  // --- dispatch ---------------------------------------------------------------------
  void visit(uint32_t i) {
    Op op = in_.ops[i].op;
    if (dropped_.count(i)) return;  // an overflow guard whose ovf op folded
    if (op == Op::LABEL) return label(i);
    if (isGuard(op)) return guard(i);
    if (isOvf(op)) return ovf(i);
    if (isPure(op) && !canRaise(op)) return pure(i);
    other(i);
  }

  void label(uint32_t i) {
    rw_.emitLabel(i);
    knownClass_.clear();
    nonnull_.clear();
    nonzero_.clear();
    excClear_ = notInvalidated_ = false;
  }

  /// Calls, memory, allocation: copied; what they tell is noted.
  void other(uint32_t i) {
    Ref r = rw_.copy(i);
    Op op = in_.ops[i].op;
    if (op == Op::NEW || op == Op::NEW_WITH_VTABLE || op == Op::NEW_ARRAY) nonnull_.insert(r.bits);
    if (op == Op::NEW_WITH_VTABLE && d_.sizeDescr(in_.ops[i].descr).vtable)
      knownClass_[r.bits] = d_.sizeDescr(in_.ops[i].descr).vtable;
    if (mayRaise(in_, d_, i)) excClear_ = false;
    if (hasSideEffects(op) && canRaise(op)) notInvalidated_ = false;  // a call may invalidate
  }

  // --- pure ops -----------------------------------------------------------------------
  void pure(uint32_t i) {
    Op op = in_.ops[i].op;
    std::vector<Ref> a = rw_.mapArgs(i);
    if (op == Op::SAME_AS_I || op == Op::SAME_AS_R || op == Op::SAME_AS_F) return rw_.replace(i, a[0]);
    if (std::optional<Ref> c = fold(op, a)) return rw_.replace(i, *c);
    Rewritten w{op, a};
    for (int step = 0; step < 4; step++) {  // a rule may enable another (bounded: rules shrink or canonicalise)
      canonicalise(w);
      if (std::optional<Ref> v = simplify(w)) return rw_.replace(i, *v);
      if (!reduce(w)) break;
    }
    if (std::optional<Ref> c = fold(w.op, w.args)) return rw_.replace(i, *c);
    rw_.emitAs(i, w.op, w.args);
  }

  /// All-constant operands: the value (semantics.h), or nullopt.
  std::optional<Ref> fold(Op op, const std::vector<Ref>& a) {
    for (Ref r : a)
      if (!r.isConst()) return std::nullopt;
    Trace& t = rw_.out();
    if (isIntOp(op)) return t.constInt(evalIntOp(op, t.intConst(a[0]), a.size() > 1 ? t.intConst(a[1]) : 0));
    if (isFloatOp(op)) return t.constFloat(evalFloatOp(op, t.floatConst(a[0]), a.size() > 1 ? t.floatConst(a[1]) : 0.0));
    if (isFloatCmp(op)) return t.constInt(evalFloatCmp(op, t.floatConst(a[0]), t.floatConst(a[1])));
    if (op == Op::CAST_INT_TO_FLOAT) return t.constFloat(static_cast<double>(t.intConst(a[0])));
    if (op == Op::CAST_FLOAT_TO_INT) return t.constInt(floatToInt(t.floatConst(a[0])));
    if (op == Op::PTR_EQ) return t.constInt(t.ptrConst(a[0]) == t.ptrConst(a[1]));
    if (op == Op::PTR_NE) return t.constInt(t.ptrConst(a[0]) != t.ptrConst(a[1]));
    return std::nullopt;  // arraylen, strlen, strgetitem: they read memory
  }

  /// Constants to the right: c OP x ==> x OP c; c < x ==> x > c.
  void canonicalise(Rewritten& w) {
    if (w.args.size() != 2 || !w.args[0].isConst() || w.args[1].isConst()) return;
    if (isCommutative(w.op)) std::swap(w.args[0], w.args[1]);
    else if (std::optional<Op> m = mirrored(w.op)) w.op = *m, std::swap(w.args[0], w.args[1]);
  }

  bool isInt(Ref r, int64_t v) const { return rw_.isConstInt(r) && rw_.intOf(r) == v; }
  bool isNonnull(Ref r) const {
    return nonnull_.count(r.bits) || (rw_.isConstPtr(r) && rw_.out().ptrConst(r) != nullptr);
  }
  bool isNull(Ref r) const { return rw_.isConstPtr(r) && rw_.out().ptrConst(r) == nullptr; }
  Ref c(int64_t v) { return rw_.constInt(v); }

  /// The algebraic identities: the value w computes, if it is one we have.
  std::optional<Ref> simplify(const Rewritten& w) {
    Op op = w.op;
    Ref x = w.args[0], y = w.args.size() > 1 ? w.args[1] : Ref{};
    const TraceOp* dx = rw_.def(x);
    switch (op) {
      case Op::INT_ADD: if (isInt(y, 0)) return x; break;                        // x + 0 ==> x
      case Op::INT_SUB:
        if (isInt(y, 0)) return x;                                                 // x - 0 ==> x
        if (x == y) return c(0);                                                   // x - x ==> 0
        break;
      case Op::INT_MUL:
        if (isInt(y, 1)) return x;                                                 // x * 1 ==> x
        if (isInt(y, 0)) return c(0);                                              // x * 0 ==> 0
        break;
      case Op::INT_FLOORDIV: if (isInt(y, 1)) return x; break;                   // x / 1 ==> x
      case Op::INT_MOD: if (isInt(y, 1) || isInt(y, -1)) return c(0); break;     // x % 1 ==> 0 (and % -1, semantics.h)
      case Op::UINT_FLOORDIV: if (isInt(y, 1)) return x; break;                  // x /u 1 ==> x
      case Op::UINT_MOD: if (isInt(y, 1)) return c(0); break;                    // x %u 1 ==> 0
      case Op::INT_AND:
        if (isInt(y, 0)) return c(0);                                              // x & 0 ==> 0
        if (isInt(y, -1) || x == y) return x;                                      // x & -1 ==> x; x & x ==> x
        break;
      case Op::INT_OR:
        if (isInt(y, 0) || x == y) return x;                                       // x | 0 ==> x; x | x ==> x
        if (isInt(y, -1)) return c(-1);                                            // x | -1 ==> -1
        break;
      case Op::INT_XOR:
        if (isInt(y, 0)) return x;                                                 // x ^ 0 ==> x
        if (x == y) return c(0);                                                   // x ^ x ==> 0
        break;
      case Op::INT_LSHIFT: case Op::INT_RSHIFT: case Op::UINT_RSHIFT:
        if (rw_.isConstInt(y) && (rw_.intOf(y) & 63) == 0) return x;              // x << 0 ==> x (counts mod 64)
        if (isInt(x, 0)) return c(0);                                              // 0 << y ==> 0
        break;
      case Op::INT_NEG:                                                            // -(-x) ==> x
        if (dx && dx->op == Op::INT_NEG) return dx->args[0];
        break;
      case Op::INT_INVERT:                                                         // ~~x ==> x
        if (dx && dx->op == Op::INT_INVERT) return dx->args[0];
        break;
      case Op::INT_IS_TRUE:                                                        // is_true(cmp) ==> cmp
        if (dx && isBoolOp(dx->op)) return x;
        if (nonzero_.count(x.bits)) return c(1);                                   // after guard_true(x)
        break;
      case Op::INT_EQ: case Op::INT_LE: case Op::INT_GE: case Op::UINT_LE: case Op::UINT_GE:
        if (x == y) return c(1);                                                   // x == x ==> 1
        break;
      case Op::INT_NE: case Op::INT_LT: case Op::INT_GT: case Op::UINT_LT: case Op::UINT_GT:
        if (x == y) return c(0);                                                   // x < x ==> 0
        if (op == Op::UINT_LT && isInt(y, 0)) return c(0);                         // x <u 0 ==> 0
        break;
      case Op::PTR_EQ:
        if (x == y) return c(1);                                                   // x is x ==> 1
        if (isNull(y) && isNonnull(x)) return c(0);                                // nonnull is null ==> 0
        break;
      case Op::PTR_NE:
        if (x == y) return c(0);
        if (isNull(y) && isNonnull(x)) return c(1);
        break;
      // A rule table, not a dispatcher: the other rows have no identities,
      // and a new op needs none to be correct (STYLE's no-default rule is
      // for dispatch switches).
      default: break;
    }
    return std::nullopt;
  }

  /// m = 2^k - 1, 0 < k < 64.
  static bool lowMask(int64_t m) { return m > 0 && (static_cast<uint64_t>(m) & (static_cast<uint64_t>(m) + 1)) == 0; }

  /// A new value z + delta (wrapping), folded into z's own constant when z
  /// is x + c or x - c.
  Ref addConst(Ref z, uint64_t delta) {
    if (const TraceOp* dz = rw_.def(z); dz && (dz->op == Op::INT_ADD || dz->op == Op::INT_SUB) &&
                                        rw_.isConstInt(dz->args[1])) {
      uint64_t c0 = static_cast<uint64_t>(rw_.intOf(dz->args[1]));
      delta += dz->op == Op::INT_ADD ? c0 : 0 - c0;
      z = dz->args[0];
    }
    if (delta == 0) return z;
    return rw_.out().emit(Op::INT_ADD, {z, c(static_cast<int64_t>(delta))});
  }

  /// Strength reduction and reassociation: rewrites w in place; true if
  /// it changed.
  bool reduce(Rewritten& w) {
    Ref x = w.args[0], y = w.args.size() > 1 ? w.args[1] : Ref{};
    if (w.op == Op::INT_MUL && rw_.isConstInt(y) && powerOfTwo(rw_.intOf(y)) > 0)  // x * 2^k ==> x << k
      return w = {Op::INT_LSHIFT, {x, c(powerOfTwo(rw_.intOf(y)))}}, true;
    if (w.op == Op::UINT_FLOORDIV && rw_.isConstInt(y) && powerOfTwo(rw_.intOf(y)) > 0)  // x /u 2^k ==> x >>u k
      return w = {Op::UINT_RSHIFT, {x, c(powerOfTwo(rw_.intOf(y)))}}, true;
    if ((w.op == Op::INT_MUL || w.op == Op::INT_FLOORDIV) && isInt(y, -1))        // x * -1 ==> -x
      return w = {Op::INT_NEG, {x}}, true;
    if (w.op == Op::INT_SUB && isInt(x, 0)) return w = {Op::INT_NEG, {y}}, true;  // 0 - x ==> -x
    if (w.op == Op::INT_XOR && isInt(y, -1)) return w = {Op::INT_INVERT, {x}}, true;  // x ^ -1 ==> ~x
    // ((z & m) + c) & m ==> (z + c) & m for a low-bit mask m = 2^k - 1 (and
    // with -): the low k bits of a sum depend only on the operands' low k
    // bits. BF's `+++` on a byte cell becomes one add and one mask.
    if (w.op == Op::INT_AND && rw_.isConstInt(y) && lowMask(rw_.intOf(y))) {
      const TraceOp* dx = rw_.def(x);
      if (dx && (dx->op == Op::INT_ADD || dx->op == Op::INT_SUB) && rw_.isConstInt(dx->args[1])) {
        const TraceOp* dz = rw_.def(dx->args[0]);
        if (dz && dz->op == Op::INT_AND && dz->args[1] == y) {
          int64_t k = rw_.intOf(dx->args[1]);
          uint64_t delta = dx->op == Op::INT_ADD ? static_cast<uint64_t>(k) : 0 - static_cast<uint64_t>(k);
          w = {Op::INT_AND, {addConst(dz->args[0], delta), y}};
          return true;
        }
      }
    }
    // (x + c1) + c2 ==> x + (c1 + c2), likewise with -: ints wrap, so + is associative.
    if ((w.op == Op::INT_ADD || w.op == Op::INT_SUB) && rw_.isConstInt(y)) {
      const TraceOp* dx = rw_.def(x);
      if (!dx || (dx->op != Op::INT_ADD && dx->op != Op::INT_SUB) || !rw_.isConstInt(dx->args[1])) return false;
      auto u = [](int64_t v) { return static_cast<uint64_t>(v); };
      uint64_t c1 = dx->op == Op::INT_ADD ? u(rw_.intOf(dx->args[1])) : 0 - u(rw_.intOf(dx->args[1]));
      uint64_t c2 = w.op == Op::INT_ADD ? u(rw_.intOf(y)) : 0 - u(rw_.intOf(y));
      w = {Op::INT_ADD, {dx->args[0], c(static_cast<int64_t>(c1 + c2))}};
      return true;
    }
    return false;
  }

  // --- overflow ops ----------------------------------------------------------------------
  void ovf(uint32_t i) {
    Op op = in_.ops[i].op;
    std::vector<Ref> a = rw_.mapArgs(i);
    uint32_t reader = overflowGuardOf(in_, i);
    bool canFold = reader == kNoOp || in_.ops[reader].op == Op::GUARD_NO_OVERFLOW;
    std::optional<Ref> v;
    if (rw_.isConstInt(a[0]) && rw_.isConstInt(a[1])) {
      int64_t x = rw_.intOf(a[0]), y = rw_.intOf(a[1]), r = 0;
      bool overflowed = op == Op::INT_ADD_OVF   ? __builtin_add_overflow(x, y, &r)
                        : op == Op::INT_SUB_OVF ? __builtin_sub_overflow(x, y, &r)
                                                : __builtin_mul_overflow(x, y, &r);
      if (!overflowed) v = c(r);
    } else if (op != Op::INT_SUB_OVF && rw_.isConstInt(a[0])) {
      std::swap(a[0], a[1]);  // c + x ==> x + c
    }
    if (!v && op == Op::INT_ADD_OVF && isInt(a[1], 0)) v = a[0];                 // x +ovf 0 ==> x
    if (!v && op == Op::INT_SUB_OVF && isInt(a[1], 0)) v = a[0];                 // x -ovf 0 ==> x
    if (!v && op == Op::INT_MUL_OVF && isInt(a[1], 1)) v = a[0];                 // x *ovf 1 ==> x
    if (!v && op == Op::INT_MUL_OVF && isInt(a[1], 0)) v = c(0);                 // x *ovf 0 ==> 0
    if (v && canFold) {
      rw_.replace(i, *v);
      if (reader != kNoOp) dropped_.insert(reader);
      return;
    }
    rw_.emitAs(i, op, a);
  }

  // --- guards ------------------------------------------------------------------------------
  void guard(uint32_t i) {
    Op op = in_.ops[i].op;
    std::vector<Ref> a = rw_.mapArgs(i);
    if (guardHolds(op, a)) return;  // removed: nothing after it changes
    rw_.copy(i);
    learn(op, a);
  }

  /// Is this guard known to pass?
  bool guardHolds(Op op, const std::vector<Ref>& a) {
    switch (op) {
      case Op::GUARD_TRUE:
        return (rw_.isConstInt(a[0]) && rw_.intOf(a[0]) != 0) || nonzero_.count(a[0].bits);
      case Op::GUARD_FALSE: return isInt(a[0], 0);
      case Op::GUARD_VALUE: return a[0] == a[1];  // equal constants are pooled: the same Ref
      case Op::GUARD_CLASS: return classIs(a[0], a[1]);
      case Op::GUARD_NONNULL: return isNonnull(a[0]);
      case Op::GUARD_ISNULL: return isNull(a[0]);
      case Op::GUARD_NO_EXCEPTION: return excClear_;
      case Op::GUARD_NOT_INVALIDATED: return notInvalidated_;
      case Op::GUARD_EXCEPTION: case Op::GUARD_NO_OVERFLOW: case Op::GUARD_OVERFLOW: return false;
      default: return false;  // only guards come here
    }
  }

  /// Does obj's typeptr equal the constant cls? From an earlier guard_class,
  /// new_with_vtable, or the first word of a constant object (typeptrs never
  /// change).
  bool classIs(Ref obj, Ref cls) {
    if (!rw_.isConstPtr(cls)) return false;
    void* want = rw_.out().ptrConst(cls);
    auto it = knownClass_.find(obj.bits);
    if (it != knownClass_.end()) return it->second == want;
    if (!rw_.isConstPtr(obj) || !rw_.out().ptrConst(obj)) return false;
    void* typeptr;
    std::memcpy(&typeptr, rw_.out().ptrConst(obj), sizeof typeptr);
    return typeptr == want;
  }

  /// What a kept guard teaches about the values after it.
  void learn(Op op, const std::vector<Ref>& a) {
    Trace& t = rw_.out();
    const TraceOp* d0 = a.empty() ? nullptr : rw_.def(a[0]);
    switch (op) {
      case Op::GUARD_TRUE:
        nonzero_.insert(a[0].bits);
        if (d0 && isBoolOp(d0->op)) rw_.substitute(a[0], c(1));
        break;
      case Op::GUARD_FALSE: rw_.substitute(a[0], c(0)); break;
      case Op::GUARD_VALUE:
        if (a[1].isConst()) rw_.substitute(a[0], a[1]);
        else if (a[0].isConst()) rw_.substitute(a[1], a[0]);
        break;
      case Op::GUARD_CLASS:
        nonnull_.insert(a[0].bits);
        if (rw_.isConstPtr(a[1])) knownClass_[a[0].bits] = t.ptrConst(a[1]);
        break;
      case Op::GUARD_NONNULL: nonnull_.insert(a[0].bits); break;
      case Op::GUARD_ISNULL: rw_.substitute(a[0], t.constPtr(nullptr)); break;
      case Op::GUARD_NO_EXCEPTION: case Op::GUARD_EXCEPTION: excClear_ = true; break;
      case Op::GUARD_NOT_INVALIDATED: notInvalidated_ = true; break;
      case Op::GUARD_NO_OVERFLOW: case Op::GUARD_OVERFLOW: break;
      default: break;  // only guards come here
    }
  }

  const Trace& in_;
  const DescrTable& d_;
  TraceRewriter rw_;
  std::unordered_set<uint32_t> dropped_;                // old ops to skip (overflow guards)
  std::unordered_map<uint32_t, void*> knownClass_;      // new value bits -> its typeptr
  std::unordered_set<uint32_t> nonnull_, nonzero_;      // new value bits
  bool excClear_ = false;        // no exception can be pending here
  bool notInvalidated_ = false;  // a guard_not_invalidated passed, no call since
};

}  // namespace

Trace passRewrite(const Trace& in, const DescrTable& d) { return Rewrite(in, d).run(); }

}  // namespace lathe::jit
