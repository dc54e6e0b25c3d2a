//===- opt_intbounds.cpp - Integer ranges for traces ----------------------===//
// Issue 7, pass `intbounds`. Input/output: trace IR. Requires: nothing.
// Invalidates: nothing. Follows RPython's OptIntBounds: one forward walk
// keeping a range [lo, hi] per integer value, what is true of it from that
// point of the trace on.
//
// Ranges come from: constants; results of comparisons (0..1); arraylen,
// strlen and fields marked nonneg (a list's length) (>= 0), strgetitem
// (0..255), narrow fields and array items (their width and signedness);
// arithmetic on ranges when it cannot wrap (add, sub, mul, neg, invert,
// shifts and division by constants, and/or/xor/mod of non-negative
// values); an ovf op right before its guard_no_overflow (its exact
// result); and guards: guard_true/guard_false on a comparison narrow both
// operands (guard_true(int_lt(i, 10)) => i <= 9 afterwards; the unsigned
// bounds check uint_lt(i, n) with n >= 0 gives 0 <= i < n), guard_value(i,
// c) gives c. A value base + k (int_add/int_sub of constants, affineOf)
// that cannot wrap moves with its base both ways: narrowing it narrows the
// base, and its range is recomputed from the base's when asked.
//
// Relations: a guard stating `base + k < x` (or <=) for two non-constant
// values is kept as a fact about (base, x); a later `base + k' < x` with
// k' <= k folds, when neither sum can wrap (p + 2 < n says nothing of
// p - 4 < n if p may be near -2^63). This is what bounds checks need:
// `i + 1 < len` proves uint_lt(i + 1, len) once i >= 0 is known.
//
// Guard widening (opt_widen.cpp): the first guard of a ladder on one value
// (p + 1 < n, p + 2 < n, ...) checks the strongest rung instead, with
// int_add_ovf and a guard_no_overflow named "<guard>.ovf" when the sum may
// wrap; the relations above then remove the other rungs.
//
// A peeled loop's label (unroll's loopN.body, entered only from the
// preamble and its own jump) keeps its int arguments' ranges from the end
// of the preamble; the pass checks that the jump passes values inside them,
// and otherwise runs again with the ends the jump went past widened (to 0
// or to the end of the int64 range), then with nothing assumed. Every other
// label forgets everything.
//
// Ranges are used to: fold comparisons and int_is_true; replace any value
// whose range is one number by that constant; remove x & (2^k - 1) and
// x % c when x already is in range; remove guard_true/guard_false/
// guard_value they prove; turn int_add_ovf/int_sub_ovf/int_mul_ovf that
// cannot overflow into int_add/int_sub/int_mul, removing their
// guard_no_overflow (an ovf op whose flag a guard_overflow reads is kept).
// Not yet: known bits, ranges of floats.
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include "jit/opt.h"

namespace lathe::jit {

namespace {

/// A closed range of int64 values; the full range means "nothing known".
struct IntBound {
  int64_t lo = INT64_MIN;
  int64_t hi = INT64_MAX;

  static IntBound of(int64_t a, int64_t b) { return {a, b}; }
  bool isPoint() const { return lo == hi; }
  bool contains(int64_t v) const { return lo <= v && v <= hi; }
  bool nonneg() const { return lo >= 0; }
  IntBound meet(IntBound o) const { return {std::max(lo, o.lo), std::min(hi, o.hi)}; }
};

constexpr IntBound kFull{};

/// The range of an int of `size` bytes, sign- or zero-extended.
IntBound ofWidth(uint8_t size, bool isSigned) {
  if (size >= 8) return kFull;
  int bits = size * 8;
  if (isSigned) return {-(int64_t{1} << (bits - 1)), (int64_t{1} << (bits - 1)) - 1};
  return {0, (int64_t{1} << bits) - 1};
}

/// 2^(bit length of v) - 1 for v >= 0: the largest value with v's bits.
int64_t fillBits(int64_t v) {
  if (v <= 0) return 0;
  int n = 64 - __builtin_clzll(static_cast<uint64_t>(v));
  return n >= 63 ? INT64_MAX : (int64_t{1} << n) - 1;
}

// Range arithmetic: nullopt when some value in the ranges would wrap.
std::optional<IntBound> addB(IntBound a, IntBound b) {
  int64_t lo, hi;
  if (__builtin_add_overflow(a.lo, b.lo, &lo) || __builtin_add_overflow(a.hi, b.hi, &hi)) return std::nullopt;
  return IntBound{lo, hi};
}
std::optional<IntBound> subB(IntBound a, IntBound b) {
  int64_t lo, hi;
  if (__builtin_sub_overflow(a.lo, b.hi, &lo) || __builtin_sub_overflow(a.hi, b.lo, &hi)) return std::nullopt;
  return IntBound{lo, hi};
}
std::optional<IntBound> mulB(IntBound a, IntBound b) {
  int64_t p[4];
  if (__builtin_mul_overflow(a.lo, b.lo, &p[0]) || __builtin_mul_overflow(a.lo, b.hi, &p[1]) ||
      __builtin_mul_overflow(a.hi, b.lo, &p[2]) || __builtin_mul_overflow(a.hi, b.hi, &p[3]))
    return std::nullopt;
  return IntBound{*std::min_element(p, p + 4), *std::max_element(p, p + 4)};
}

/// A guard's fact in normal form: a REL b, signed or unsigned.
enum class Rel { LT, LE, EQ, NE };
struct Fact {
  Rel rel;
  Ref a, b;
  bool isUnsigned;
};

/// The fact `cmp` being `truth` states, if cmp is a comparison.
std::optional<Fact> factOf(const TraceOp& cmp, bool truth) {
  Ref a = cmp.args[0], b = cmp.args.size() > 1 ? cmp.args[1] : Ref{};
  bool u = cmp.op == Op::UINT_LT || cmp.op == Op::UINT_LE || cmp.op == Op::UINT_GT || cmp.op == Op::UINT_GE;
  switch (cmp.op) {
    case Op::INT_LT: case Op::UINT_LT: return truth ? Fact{Rel::LT, a, b, u} : Fact{Rel::LE, b, a, u};
    case Op::INT_LE: case Op::UINT_LE: return truth ? Fact{Rel::LE, a, b, u} : Fact{Rel::LT, b, a, u};
    case Op::INT_GT: case Op::UINT_GT: return truth ? Fact{Rel::LT, b, a, u} : Fact{Rel::LE, a, b, u};
    case Op::INT_GE: case Op::UINT_GE: return truth ? Fact{Rel::LE, b, a, u} : Fact{Rel::LT, a, b, u};
    case Op::INT_EQ: return Fact{truth ? Rel::EQ : Rel::NE, a, b, false};
    case Op::INT_NE: return Fact{truth ? Rel::NE : Rel::EQ, a, b, false};
    default: return std::nullopt;  // a rule table: other ops state no fact
  }
}

/// What a peeled loop's label is assumed to receive: a range per
/// argument (kFull: nothing), checked against what the jump passes.
struct LabelImport {
  bool on = true;                 ///< import at all
  std::vector<IntBound> atLeast;  ///< per argument: widen the preamble's range to include this
};

/// A peeled label's argument k that the preamble made argument m plus c.
struct AliasImport {
  size_t k, m;
  int64_t c;
};

class IntBounds {
 public:
  IntBounds(const Trace& in, const DescrTable& d, const LabelImport& imp)
      : in_(in), d_(d), rw_(in, d), imp_(imp), plan_(planWidening(in)) {}

  Trace run() {
    for (uint32_t i = 0; i < in_.ops.size(); i++) visit(i);
    if (importLabel_ != kNoDescr && !sawJump_) importHeld_ = false;  // nothing checked the assumption
    return removeDeadOps(rw_.take(), d_);
  }

  /// After run(): did the jump pass values in the ranges the peeled
  /// label assumed (imported())? If not, jumpRanges() is what it passed.
  bool importHeld() const { return importHeld_; }
  const std::vector<IntBound>& jumpRanges() const { return jumpRanges_; }
  const std::vector<IntBound>& imported() const { return imported_; }

 private:
  void visit(uint32_t i) {
    Op op = in_.ops[i].op;
    if (dropped_.count(i)) return;  // the guard_no_overflow of an ovf op that cannot overflow
    if (op == Op::LABEL) return label(i);
    if (op == Op::JUMP) checkJump(i);
    if (isGuard(op)) return guard(i);
    if (op == Op::INT_ADD_OVF || op == Op::INT_SUB_OVF || op == Op::INT_MUL_OVF) return ovf(i);
    std::vector<Ref> a = rw_.mapArgs(i);
    if (in_.ops[i].type == Kind::INT && isPure(op) && !canRaise(op))
      if (std::optional<Ref> v = simplify(op, a)) return rw_.replace(i, *v);
    Ref r = rw_.emitAs(i, op, a);
    if (in_.ops[i].type == Kind::INT) setBound(r, resultBound(i, a));
  }

  // --- labels ------------------------------------------------------------------------------
  /// Everything is forgotten at a label (its arguments are loop-carried),
  /// except at a peeled loop's label, which only the preamble and the
  /// loop's own jump enter: there each int argument keeps the range it has
  /// at the end of the preamble (widened by imp_.atLeast), and checkJump
  /// verifies that the jump passes values in those ranges. If it does not,
  /// passIntBounds runs again with wider ranges, then with none.
  void label(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    bool import = imp_.on && i > 0 && d_.loop(o.descr).peeled;
    std::vector<IntBound> pre;
    // Which int argument the preamble made another one plus a constant,
    // without wrapping (unroll hoists a widened guard's n - 4 out of the
    // loop: p < n - 4 in the loop still says p + 4 < n). Both must come
    // back unchanged through the jump (checkJump).
    std::vector<AliasImport> aliases;
    if (import) {
      std::vector<Ref> pa = rw_.mapArgs(i);
      for (Ref a : pa) pre.push_back(rw_.out().kindOf(a) == Kind::INT ? get(a) : kFull);
      for (size_t k = 0; k < pa.size(); k++) {
        if (rw_.out().kindOf(pa[k]) != Kind::INT) continue;
        Affine f = affine(pa[k]);
        auto m = std::find(pa.begin(), pa.end(), f.base);
        if (f.base == pa[k] || m == pa.end() || !exactAff(pa[k])) continue;
        aliases.push_back({k, static_cast<size_t>(m - pa.begin()), f.k});
      }
    }
    rw_.emitLabel(i);
    afterLabel_ = static_cast<uint32_t>(rw_.out().ops.size());
    opBounds_.clear();
    inBounds_.clear();
    facts_.clear();
    exact_.clear();
    labelAffine_.clear();
    importAliases_.clear();
    if (!import) return;
    const TraceOp& now = rw_.out().ops.back();
    importLabel_ = o.descr;
    for (const AliasImport& al : aliases) labelAffine_[now.args[al.k].bits] = Affine{now.args[al.m], al.c};
    importAliases_ = std::move(aliases);
    imported_.assign(now.args.size(), kFull);
    for (size_t k = 0; k < now.args.size() && k < pre.size(); k++) {
      if (rw_.out().kindOf(now.args[k]) != Kind::INT) continue;
      IntBound b = pre[k];
      if (k < imp_.atLeast.size()) b = {std::min(b.lo, imp_.atLeast[k].lo), std::max(b.hi, imp_.atLeast[k].hi)};
      imported_[k] = b;
      if (!b.isPoint()) setBound(now.args[k], b);  // (a point would make the argument a constant)
      else imported_[k] = kFull;
    }
  }

  void checkJump(uint32_t i) {
    if (importLabel_ == kNoDescr || in_.ops[i].descr != importLabel_) return;
    sawJump_ = true;
    std::vector<Ref> a = rw_.mapArgs(i);
    const std::vector<Ref>& l = rw_.out().ops[afterLabel_ - 1].args;  // the peeled label
    for (const AliasImport& al : importAliases_)
      if (al.k >= a.size() || al.m >= a.size() || a[al.k] != l[al.k] || a[al.m] != l[al.m]) importHeld_ = false;
    jumpRanges_.assign(a.size(), kFull);
    for (size_t k = 0; k < a.size() && k < imported_.size(); k++) {
      if (rw_.out().kindOf(a[k]) != Kind::INT) continue;
      IntBound b = get(a[k]);
      jumpRanges_[k] = b;
      if (b.lo < imported_[k].lo || b.hi > imported_[k].hi) importHeld_ = false;
    }
  }

  // --- ranges ---------------------------------------------------------------------------
  /// r's range: what was recorded for it, and, for r = base + k, what its
  /// base's range (which guards may have narrowed since) says.
  IntBound get(Ref r) const {
    IntBound b = stored(r);
    Affine a = affine(r);
    if (a.base != r)
      if (std::optional<IntBound> s = addB(stored(a.base), {a.k, a.k})) b = b.meet(*s);
    return b;
  }
  IntBound stored(Ref r) const {
    if (rw_.isConstInt(r)) return IntBound::of(rw_.intOf(r), rw_.intOf(r));
    const std::vector<IntBound>& v = r.tag() == Ref::OP ? opBounds_ : inBounds_;
    bool known = (r.tag() == Ref::OP || r.tag() == Ref::INPUT) && r.index() < v.size();
    return known ? v[r.index()] : kFull;
  }

  /// Records r's range; a range of one number makes r that constant.
  void setBound(Ref r, IntBound b) {
    if (r.isConst() || b.lo > b.hi) return;  // an empty range: code after a guard that always fails
    if (r.tag() != Ref::OP && r.tag() != Ref::INPUT) return;
    std::vector<IntBound>& v = r.tag() == Ref::OP ? opBounds_ : inBounds_;
    if (v.size() <= r.index()) v.resize(std::max<size_t>(r.index() + 1, rw_.out().ops.size() + 64), kFull);
    v[r.index()] = b;
    if (b.isPoint()) rw_.substitute(r, rw_.constInt(b.lo));
    // r = base + k exactly: what is known of r is known of base - k
    Affine a = affine(r);
    if (a.base != r && exactAff(r)) {
      auto sat = [](__int128 v) { return static_cast<int64_t>(std::clamp<__int128>(v, INT64_MIN, INT64_MAX)); };
      IntBound was = get(a.base);
      IntBound now = was.meet({sat(__int128{b.lo} - a.k), sat(__int128{b.hi} - a.k)});
      if (now.lo != was.lo || now.hi != was.hi) setBound(a.base, now);
    }
  }

  // --- affine values and the facts relating them ----------------------------------------------
  /// r as base + k, not looking past the last label (as def() does not);
  /// affineOf's walk, one step per op, remembered (get() asks for every
  /// value it is given).
  Affine affine(Ref r) const {
    if (r.tag() != Ref::OP || r.index() < afterLabel_) return {r, 0};
    uint32_t i = r.index();
    if (i < affineMemo_.size() && !affineMemo_[i].base.isNone()) return affineMemo_[i];
    const TraceOp& o = rw_.out().ops[i];
    Affine a{r, 0};
    if (o.args.size() == 2 && (o.op == Op::INT_ADD || o.op == Op::INT_ADD_OVF || o.op == Op::INT_SUB || o.op == Op::INT_SUB_OVF)) {
      Affine step = affineOf(rw_.out(), r, i);  // this op alone: its operand and constant
      if (step.base != r) {
        Affine x = affine(step.base);
        a = {x.base, static_cast<int64_t>(static_cast<uint64_t>(x.k) + static_cast<uint64_t>(step.k))};
      }
    }
    if (affineMemo_.size() <= i) affineMemo_.resize(rw_.out().ops.size() + 64);
    affineMemo_[i] = a;
    return a;
  }

  /// Is r's true value base + k (no wrap on the way)? Each step of the
  /// chain is either an ovf op its guard checked, or an add whose operand's
  /// range cannot wrap.
  bool exactAff(Ref r) const {
    for (int depth = 0; depth < 32; depth++) {
      const TraceOp* o = rw_.def(r);
      if (!o) return true;
      bool add = o->op == Op::INT_ADD || o->op == Op::INT_ADD_OVF, sub = o->op == Op::INT_SUB || o->op == Op::INT_SUB_OVF;
      if (!add && !sub) return true;
      Ref x = o->args[0], c = o->args[1];
      if (add && rw_.isConstInt(x)) std::swap(x, c);
      if (!rw_.isConstInt(c)) return true;
      bool ok = exact_.count(r.bits) > 0;
      if (!ok) {
        int64_t v = rw_.intOf(c);
        ok = add ? addB(get(x), {v, v}).has_value() : subB(get(x), {v, v}).has_value();
      }
      if (!ok) return false;
      r = x;
    }
    return false;
  }

  /// Records `a < x` (strict) or `a <= x` as a fact about a's base.
  void relate(Ref a, Ref x, bool strict) {
    if (x.isConst() || a.isConst()) return;  // ranges say what a constant bound says
    Affine f = affine(a);
    if (f.base == x) return;
    int64_t k = f.k;
    bool ex = exactAff(a);
    if (!strict) {
      if (k == INT64_MIN) return;
      k -= 1;  // a <= x  <=>  a - 1 < x, exact when base + k - 1 cannot wrap
      ex = ex && addB(get(f.base), {k, k}).has_value();
    }
    facts_[key(f.base, x)].push_back({k, ex});
    // x = x' - c (c >= 0), computed without wrapping: base + k < x' - c,
    // so base + (k + c) < x', exact too (it is below x' <= INT64_MAX and
    // above base + k). A widened guard's `p < n - 4` is `p + 4 < n`.
    Affine xa = affineOrAlias(x);
    if (xa.base != x && xa.k <= 0 && xa.k != INT64_MIN && exactOrAlias(x) && !__builtin_sub_overflow(k, xa.k, &k))
      facts_[key(f.base, xa.base)].push_back({k, ex});
  }

  /// affine(r), or for a peeled label's argument what the preamble made it:
  /// another argument plus a constant (labelAffine_).
  Affine affineOrAlias(Ref r) const {
    Affine a = affine(r);
    if (a.base != r) return a;
    auto it = labelAffine_.find(r.bits);
    return it == labelAffine_.end() ? a : it->second;
  }
  bool exactOrAlias(Ref r) const { return labelAffine_.count(r.bits) || exactAff(r); }

  /// Is `a < x` (strict) or `a <= x` implied by a recorded fact?
  bool knownRel(Ref a, Ref x, bool strict) const {
    if (a.isConst() || x.isConst()) return false;
    Affine f = affine(a);
    auto it = facts_.find(key(f.base, x));
    if (it == facts_.end() || !exactAff(a)) return false;
    for (auto [k, ex] : it->second) {
      bool covers = strict ? k >= f.k : k >= f.k - 1;  // base + f.k <= base + k < x
      if (!covers) continue;
      if (ex || addB(get(f.base), {k, k})) return true;
    }
    return false;
  }
  static uint64_t key(Ref base, Ref x) { return (uint64_t{base.bits} << 32) | x.bits; }
  void narrow(Ref r, IntBound b) { setBound(r, get(r).meet(b)); }

  /// The range of old op i's result, computed from its new operands.
  IntBound resultBound(uint32_t i, const std::vector<Ref>& args) {
    const TraceOp& op = in_.ops[i];
    IntBound a = args.empty() ? kFull : get(args[0]);
    IntBound b = args.size() > 1 && in_.kindOf(op.args[1]) == Kind::INT ? get(args[1]) : kFull;
    if (isBoolOp(op.op)) return {0, 1};
    switch (op.op) {
      case Op::INT_ADD: return addB(a, b).value_or(kFull);
      case Op::INT_SUB: return subB(a, b).value_or(kFull);
      case Op::INT_MUL: return mulB(a, b).value_or(kFull);
      case Op::INT_NEG: return a.lo == INT64_MIN ? kFull : IntBound{-a.hi, -a.lo};
      case Op::INT_INVERT: return {~a.hi, ~a.lo};
      case Op::INT_AND:
        if (a.nonneg() && b.nonneg()) return {0, std::min(a.hi, b.hi)};
        if (a.nonneg() || b.nonneg()) return {0, a.nonneg() ? a.hi : b.hi};
        return kFull;
      case Op::INT_OR: case Op::INT_XOR:
        return a.nonneg() && b.nonneg() ? IntBound{0, fillBits(std::max(a.hi, b.hi))} : kFull;
      case Op::INT_RSHIFT:
        if (!b.isPoint()) return a.nonneg() ? IntBound{0, a.hi} : kFull;
        return {a.lo >> (b.lo & 63), a.hi >> (b.lo & 63)};
      case Op::UINT_RSHIFT:
        if (!b.isPoint() || (b.lo & 63) == 0) return a.nonneg() ? IntBound{0, a.hi} : kFull;
        if (a.nonneg()) return {a.lo >> (b.lo & 63), a.hi >> (b.lo & 63)};
        return {0, static_cast<int64_t>(~uint64_t{0} >> (b.lo & 63))};
      case Op::INT_LSHIFT: {
        if (!b.isPoint()) return kFull;
        int s = static_cast<int>(b.lo & 63);
        auto fits = [s](int64_t v) { return s < 63 && v >= (INT64_MIN >> s) && v <= (INT64_MAX >> s); };
        if (!fits(a.lo) || !fits(a.hi)) return kFull;
        return {static_cast<int64_t>(static_cast<uint64_t>(a.lo) << s), a.hi * (int64_t{1} << s)};
      }
      case Op::INT_FLOORDIV:  // truncating division by c > 0 is monotone
        return b.isPoint() && b.lo > 0 ? IntBound{a.lo / b.lo, a.hi / b.lo} : kFull;
      case Op::INT_MOD:  // C: the sign of a, |result| < c
        if (!b.isPoint() || b.lo <= 0) return kFull;
        return {a.nonneg() ? 0 : -(b.lo - 1), a.hi <= 0 ? 0 : std::min(b.lo - 1, std::max<int64_t>(a.hi, 0))};
      case Op::UINT_FLOORDIV:
        return a.nonneg() && b.isPoint() && b.lo > 0 ? IntBound{a.lo / b.lo, a.hi / b.lo} : kFull;
      case Op::UINT_MOD: return b.isPoint() && b.lo > 0 ? IntBound{0, b.lo - 1} : kFull;
      case Op::SAME_AS_I: return a;
      case Op::ARRAYLEN: case Op::STRLEN: return {0, INT64_MAX};
      case Op::STRGETITEM: return {0, 255};
      case Op::GETFIELD_I: {
        const FieldDescr& f = d_.field(op.descr);
        return f.nonneg ? IntBound{0, INT64_MAX} : ofWidth(f.size, f.isSigned);
      }
      case Op::GETARRAYITEM_I: {
        const ArrayDescr& ad = d_.array(op.descr);
        return ofWidth(ad.itemSize, ad.itemSigned);
      }
      default: return kFull;  // a rule table: other ops give no range
    }
  }

  // --- folding -----------------------------------------------------------------------------
  /// A comparison's value when the ranges decide it.
  std::optional<int64_t> decide(Op op, Ref x, Ref y) const {
    IntBound a = get(x), b = get(y);
    bool u = op == Op::UINT_LT || op == Op::UINT_LE || op == Op::UINT_GT || op == Op::UINT_GE;
    if (u && !(a.nonneg() && b.nonneg())) {
      // As unsigned the order differs, but 0 <= x < y (or <=) as signed
      // values also holds unsigned, whatever is known of y's range.
      if (op == Op::UINT_LT && a.nonneg() && knownRel(x, y, true)) return 1;
      if (op == Op::UINT_LE && a.nonneg() && knownRel(x, y, false)) return 1;
      if (op == Op::UINT_GT && b.nonneg() && knownRel(y, x, true)) return 1;
      if (op == Op::UINT_GE && b.nonneg() && knownRel(y, x, false)) return 1;
      return std::nullopt;
    }
    switch (op) {
      case Op::INT_LT: case Op::UINT_LT:
        if (a.hi < b.lo) return 1;
        if (a.lo >= b.hi) return 0;
        break;
      case Op::INT_LE: case Op::UINT_LE:
        if (a.hi <= b.lo) return 1;
        if (a.lo > b.hi) return 0;
        break;
      case Op::INT_GT: case Op::UINT_GT: return decide(Op::INT_LT, y, x);
      case Op::INT_GE: case Op::UINT_GE: return decide(Op::INT_LE, y, x);
      case Op::INT_EQ: case Op::INT_NE: {
        bool disjoint = a.hi < b.lo || b.hi < a.lo;
        bool same = a.isPoint() && b.isPoint() && a.lo == b.lo;
        if (disjoint || same) return (op == Op::INT_EQ) == same ? 1 : 0;
        break;
      }
      default: break;  // a rule table: only comparisons are decided here
    }
    // facts relating the two values (x is base + k, y the bound)
    switch (op) {
      case Op::INT_LT: case Op::UINT_LT:
        if (knownRel(x, y, true)) return 1;
        if (knownRel(y, x, false)) return 0;
        break;
      case Op::INT_LE: case Op::UINT_LE:
        if (knownRel(x, y, false)) return 1;
        if (knownRel(y, x, true)) return 0;
        break;
      case Op::INT_EQ: case Op::INT_NE:
        if (knownRel(x, y, true) || knownRel(y, x, true)) return op == Op::INT_NE ? 1 : 0;
        break;
      default: break;  // GT/GE were turned round above
    }
    return std::nullopt;
  }

  /// The value a pure int op computes when its operands' ranges tell.
  std::optional<Ref> simplify(Op op, const std::vector<Ref>& a) {
    if (op == Op::INT_IS_TRUE) {
      IntBound b = get(a[0]);
      if (!b.contains(0)) return rw_.constInt(1);
      if (b.isPoint()) return rw_.constInt(0);
      return std::nullopt;
    }
    if (a.size() == 2 && rw_.out().kindOf(a[0]) == Kind::INT && rw_.out().kindOf(a[1]) == Kind::INT) {
      if (std::optional<int64_t> v = decide(op, a[0], a[1])) return rw_.constInt(*v);
    }
    IntBound x = get(a[0]);
    // x & (2^k - 1) ==> x   when 0 <= x <= 2^k - 1
    if (op == Op::INT_AND && rw_.isConstInt(a[1])) {
      int64_t m = rw_.intOf(a[1]);
      if (m >= 0 && fillBits(m) == m && x.nonneg() && x.hi <= m) return a[0];
    }
    // x % c ==> x   when 0 <= x < c
    if (op == Op::INT_MOD && rw_.isConstInt(a[1]) && rw_.intOf(a[1]) > 0 && x.nonneg() && x.hi < rw_.intOf(a[1]))
      return a[0];
    return std::nullopt;
  }

  // --- overflow ops ----------------------------------------------------------------------------
  void ovf(uint32_t i) {
    Op op = in_.ops[i].op;
    std::vector<Ref> a = rw_.mapArgs(i);
    IntBound x = get(a[0]), y = get(a[1]);
    std::optional<IntBound> exact = op == Op::INT_ADD_OVF   ? addB(x, y)
                                    : op == Op::INT_SUB_OVF ? subB(x, y)
                                                            : mulB(x, y);
    uint32_t reader = overflowGuardOf(in_, i);
    bool readerIsNoOvf = reader != kNoOp && in_.ops[reader].op == Op::GUARD_NO_OVERFLOW;
    if (exact && (reader == kNoOp || readerIsNoOvf)) {
      // cannot overflow: a plain op, and its guard goes
      Op plain = op == Op::INT_ADD_OVF ? Op::INT_ADD : op == Op::INT_SUB_OVF ? Op::INT_SUB : Op::INT_MUL;
      if (readerIsNoOvf) dropped_.insert(reader);
      Ref r = rw_.emitAs(i, plain, a);
      return setBound(r, *exact);
    }
    Ref r = rw_.emitAs(i, op, a);
    if (readerIsNoOvf && reader == i + 1) {
      // past its guard the result is exact: the true range, clamped to int64
      pendingOvf_ = r;
      pendingExact_ = saturated(op, x, y);
    }
  }

  static IntBound saturated(Op op, IntBound x, IntBound y) {
    auto sat = [](__int128 v) {
      return static_cast<int64_t>(std::clamp<__int128>(v, INT64_MIN, INT64_MAX));
    };
    __int128 c[4];
    if (op == Op::INT_ADD_OVF) return {sat(__int128{x.lo} + y.lo), sat(__int128{x.hi} + y.hi)};
    if (op == Op::INT_SUB_OVF) return {sat(__int128{x.lo} - y.hi), sat(__int128{x.hi} - y.lo)};
    c[0] = __int128{x.lo} * y.lo, c[1] = __int128{x.lo} * y.hi, c[2] = __int128{x.hi} * y.lo, c[3] = __int128{x.hi} * y.hi;
    return {sat(*std::min_element(c, c + 4)), sat(*std::max_element(c, c + 4))};
  }

  // --- guards ------------------------------------------------------------------------------------
  void guard(uint32_t i) {
    Op op = in_.ops[i].op;
    if (auto w = plan_.find(i); w != plan_.end()) widen(i, w->second);
    std::vector<Ref> a = rw_.mapArgs(i);
    if (op == Op::GUARD_TRUE || op == Op::GUARD_FALSE) redecide(a[0]);
    bool holds = false;
    if (op == Op::GUARD_TRUE) holds = !get(a[0]).contains(0);
    if (op == Op::GUARD_FALSE) holds = get(a[0]).isPoint() && get(a[0]).lo == 0;
    if (op == Op::GUARD_VALUE && rw_.out().kindOf(a[0]) == Kind::INT)
      holds = get(a[0]).isPoint() && get(a[1]).isPoint() && get(a[0]).lo == get(a[1]).lo;
    if (holds) return;
    rw_.copy(i);
    if (op == Op::GUARD_NO_OVERFLOW && pendingOvf_) {
      exact_.insert(pendingOvf_->bits);
      setBound(*pendingOvf_, pendingExact_);
    }
    pendingOvf_.reset();
    if (op == Op::GUARD_TRUE || op == Op::GUARD_FALSE) learn(a[0], op == Op::GUARD_TRUE);
    if (op == Op::GUARD_VALUE && rw_.out().kindOf(a[0]) == Kind::INT) {
      narrow(a[0], get(a[1]));
      narrow(a[1], get(a[0]));
    }
  }

  /// A comparison computed before facts that now decide it (a widened
  /// guard's, or one guarded later than it was computed): its value.
  void redecide(Ref v) {
    const TraceOp* cmp = rw_.def(v);
    if (!cmp || !isBoolOp(cmp->op) || cmp->args.size() != 2) return;
    if (rw_.out().kindOf(cmp->args[0]) != Kind::INT || rw_.out().kindOf(cmp->args[1]) != Kind::INT) return;
    if (std::optional<int64_t> r = decide(cmp->op, cmp->args[0], cmp->args[1])) narrow(v, {*r, *r});
  }

  /// Guard widening (opt_widen.cpp): before old guard i, check the
  /// strongest condition of its group, `base + k REL x`. base + k is
  /// computed with int_add when its range cannot wrap, else with
  /// int_add_ovf and a guard_no_overflow (i's resume data), so that the
  /// fact holds of true integers and implies the group's weaker offsets.
  void widen(uint32_t i, const WideGuard& w) {
    Ref base = rw_.map(w.base), x = rw_.map(w.x);
    if (base.isConst() || (!x.isConst() && affine(x).base == base)) return;
    Ref t = base;
    // base + k REL x as base REL x - k when base + k may wrap but x - k
    // cannot (x a list's length, or a constant): no overflow check, and
    // x - k is loop-invariant where x is. Passing, it proves the rung in
    // true integers: base + k < x <= INT64_MAX (k > 0 above x), or
    // base + k > x >= INT64_MIN (k < 0 below x).
    std::optional<IntBound> moved = subB(get(x), {w.k, w.k});
    bool byX = w.k != 0 && !addB(get(base), {w.k, w.k}) && moved && (w.lower ? w.k < 0 : w.k > 0);
    if (byX) {
      Ref d = x.isConst() ? rw_.constInt(rw_.intOf(x) - w.k) : rw_.emitExtra(w.cmp, Op::INT_SUB, {x, rw_.constInt(w.k)});
      if (!d.isConst()) setBound(d, *moved);
      Op cmp = w.strict ? Op::INT_LT : Op::INT_LE;
      std::vector<Ref> args = w.lower ? std::vector<Ref>{d, base} : std::vector<Ref>{base, d};
      if (decide(cmp, args[0], args[1])) return;
      Ref r = rw_.emitExtra(w.cmp, cmp, args);
      setBound(r, {0, 1});
      rw_.emitExtra(i, Op::GUARD_TRUE, {r});
      learn(r, true);  // (relate: base + k < x too, through d = x - k)
      return;
    }
    if (w.k != 0) {
      Ref c = rw_.constInt(w.k);
      if (std::optional<IntBound> b = addB(get(base), {w.k, w.k})) {
        t = rw_.emitExtra(w.cmp, Op::INT_ADD, {base, c});
        setBound(t, *b);
      } else {
        t = rw_.emitExtra(w.cmp, Op::INT_ADD_OVF, {base, c});
        rw_.emitExtra(i, Op::GUARD_NO_OVERFLOW, {});
        Trace& out = rw_.out();
        out.guards[out.ops.back().descr].name += ".ovf";  // its own name in logs: the base + k it checks
        exact_.insert(t.bits);
        setBound(t, saturated(Op::INT_ADD_OVF, get(base), {w.k, w.k}));
      }
    }
    Op cmp = w.strict ? Op::INT_LT : Op::INT_LE;
    std::vector<Ref> args = w.lower ? std::vector<Ref>{x, t} : std::vector<Ref>{t, x};
    if (decide(cmp, args[0], args[1])) return;  // known either way: the guards stay as they are
    Ref r = rw_.emitExtra(w.cmp, cmp, args);
    setBound(r, {0, 1});
    rw_.emitExtra(i, Op::GUARD_TRUE, {r});
    learn(r, true);
  }

  /// After guard_true(v) (truth) or guard_false(v): v's range, and its
  /// comparison's operands' ranges.
  void learn(Ref v, bool truth) {
    const TraceOp* cmp = rw_.def(v);  // read before narrow(v) may substitute v
    std::optional<Fact> f;
    if (cmp && cmp->op == Op::INT_IS_TRUE) f = Fact{truth ? Rel::NE : Rel::EQ, cmp->args[0], rw_.constInt(0), false};
    else if (cmp) f = factOf(*cmp, truth);
    if (truth) {
      IntBound b = get(v);
      if (b.lo == 0) narrow(v, {1, INT64_MAX});
      else if (b.hi == 0) narrow(v, {INT64_MIN, -1});
    } else {
      narrow(v, {0, 0});
    }
    if (f) apply(*f);
  }

  void apply(Fact f) {
    if (f.isUnsigned) {
      // x <u y (or <=u) with y >= 0: x is in [0, y] as a signed value too.
      if (!get(f.b).nonneg() || f.rel == Rel::EQ || f.rel == Rel::NE) return;
      narrow(f.a, {0, INT64_MAX});
    }
    if (f.rel == Rel::LT || f.rel == Rel::LE) {
      relate(f.a, f.b, f.rel == Rel::LT);
    }
    IntBound a = get(f.a), b = get(f.b);
    switch (f.rel) {
      case Rel::LT:  // a < b
        if (b.hi != INT64_MIN) narrow(f.a, {INT64_MIN, b.hi - 1});
        if (a.lo != INT64_MAX) narrow(f.b, {a.lo + 1, INT64_MAX});
        break;
      case Rel::LE:  // a <= b
        narrow(f.a, {INT64_MIN, b.hi});
        narrow(f.b, {a.lo, INT64_MAX});
        break;
      case Rel::EQ:
        narrow(f.a, b);
        narrow(f.b, a);
        break;
      case Rel::NE:  // only the ends of a range can move
        if (b.isPoint() && a.lo == b.lo && a.lo != INT64_MAX) narrow(f.a, {a.lo + 1, INT64_MAX});
        if (b.isPoint() && a.hi == b.lo && a.hi != INT64_MIN) narrow(f.a, {INT64_MIN, a.hi - 1});
        if (a.isPoint() && b.lo == a.lo && b.lo != INT64_MAX) narrow(f.b, {b.lo + 1, INT64_MAX});
        if (a.isPoint() && b.hi == a.lo && b.hi != INT64_MIN) narrow(f.b, {INT64_MIN, b.hi - 1});
        break;
    }
  }

  const Trace& in_;
  const DescrTable& d_;
  TraceRewriter rw_;
  std::vector<IntBound> opBounds_, inBounds_;      // new op / input index -> range (kFull: unknown)
  std::unordered_set<uint32_t> dropped_;           // old guard_no_overflows proven
  std::optional<Ref> pendingOvf_;                  // an ovf result waiting for its guard
  IntBound pendingExact_;
  const LabelImport& imp_;
  std::unordered_map<uint32_t, WideGuard> plan_;   // old guard -> its widened check
  /// (base, x) -> offsets k with `base + k < x` known (and whether base + k
  /// was exact when recorded); relate() and knownRel().
  std::unordered_map<uint64_t, std::vector<std::pair<int64_t, bool>>> facts_;
  std::unordered_set<uint32_t> exact_;             // ovf results past their guard: operand + c exactly
  /// A peeled label's arguments that are another argument plus a constant
  /// (label()): bits -> (that argument, constant), and their positions
  /// (argument k is argument m plus c), which the jump must pass back.
  std::unordered_map<uint32_t, Affine> labelAffine_;
  std::vector<AliasImport> importAliases_;
  uint32_t afterLabel_ = 0;                        // the first new op after the last label
  mutable std::vector<Affine> affineMemo_;         // per new op: affine() (base none: not yet)
  uint32_t importLabel_ = kNoDescr;                // the peeled label given imported ranges
  std::vector<IntBound> imported_, jumpRanges_;
  bool importHeld_ = true;
  bool sawJump_ = false;  // a jump to importLabel_ was checked
};

}  // namespace

Trace passIntBounds(const Trace& in, const DescrTable& d) {
  // The peeled label's ranges: the preamble's; if the jump passes wider
  // ones, their union; if it still does not fit, none.
  LabelImport imp;
  for (int attempt = 0;; attempt++) {
    IntBounds ib(in, d, imp);
    Trace out = ib.run();
    if (ib.importHeld() || !imp.on) return out;
    if (attempt > 0) {
      imp.on = false;
      continue;
    }
    // Widen each end the jump went past to the next threshold: 0 (indexes
    // counting down stay >= 0) or the end of the int64 range. A union
    // alone would creep one step per run for a value that counts.
    const std::vector<IntBound>& was = ib.imported();
    const std::vector<IntBound>& jumped = ib.jumpRanges();
    imp.atLeast.assign(was.size(), kFull);
    for (size_t k = 0; k < was.size() && k < jumped.size(); k++) {
      IntBound w = was[k];
      if (jumped[k].lo < w.lo) w.lo = jumped[k].lo >= 0 ? 0 : INT64_MIN;
      if (jumped[k].hi > w.hi) w.hi = INT64_MAX;
      imp.atLeast[k] = w;
    }
  }
}

}  // namespace lathe::jit
