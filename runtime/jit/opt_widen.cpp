//===- opt_widen.cpp - Which guards to widen (guard widening) -------------===//
// Part of pass `intbounds` (opt_intbounds.cpp applies the plan; see
// planWidening in opt.h). Input: trace IR. Output: a plan, old guard index
// -> the stronger condition it checks instead.
//
// An interpreter's pointer moved one step at a time leaves a ladder of
// guards on the same value at growing offsets. Brainfuck's `>>>>` checks
// `p + 1 < len`, `p + 2 < len`, `p + 3 < len`, `p + 4 < len`; its `<<<<`
// checks `0 <= p - 1` ... `0 <= p - 4`. Each guard is stronger than the one
// before, so range analysis cannot drop any of them. Widening makes the
// first guard of such a group check the group's strongest offset
// (`p + 4 < len`); intbounds then knows the later ones hold and drops them.
// LLVM's GuardWidening does the same for deoptimizing guards.
//
// Why it is correct: a guard only decides *where* the trace leaves. A
// widened guard that fails although the original condition held leaves
// at its own position, with its own resume data, and the interpreter runs
// on from there, doing the steps the trace would have done (a spurious
// failure, like the ones fail_guards forces). Its comparison result, if
// the interpreter needs it, is in the fail args as computed. The cost is a
// possible early exit when a trace would have left between the first and
// the strongest guard anyway; each group is one section (no label between
// its guards), so the distance is one loop iteration at most.
//
// Grouping: guard_true/guard_false of a signed comparison (int_lt, le, gt,
// ge) states `lhs < rhs` or `lhs <= rhs`. With a constant lhs the fact
// bounds rhs from below (`x <= base + k`, a lower group); otherwise it
// bounds lhs from above (`base + k < x`). Both sides go through affineOf
// (int_add/int_sub of constants, in the section); the other side `x` is
// kept as it is. Groups are keyed by (direction, strictness, base, x).
//===----------------------------------------------------------------------===//
#include <map>
#include <tuple>
#include "jit/opt.h"

namespace lathe::jit {

namespace {

struct Member {
  uint32_t guard, cmp;
  int64_t k;
};

/// (lower, strict, base bits, x: bits, or the constant for a constant x)
using GroupKey = std::tuple<bool, bool, uint32_t, bool, int64_t>;

/// The fact guard `truth` of comparison `cmp` states, as lhs (<|<=) rhs;
/// false for other ops and unsigned comparisons.
bool normalize(const TraceOp& cmp, bool truth, Ref* lhs, Ref* rhs, bool* strict) {
  Ref a = cmp.args.size() == 2 ? cmp.args[0] : Ref{}, b = cmp.args.size() == 2 ? cmp.args[1] : Ref{};
  switch (cmp.op) {  // a rule table: (op, truth) -> lhs REL rhs
    case Op::INT_LT: *lhs = truth ? a : b, *rhs = truth ? b : a, *strict = truth; return true;
    case Op::INT_LE: *lhs = truth ? a : b, *rhs = truth ? b : a, *strict = !truth; return true;
    case Op::INT_GT: *lhs = truth ? b : a, *rhs = truth ? a : b, *strict = truth; return true;
    case Op::INT_GE: *lhs = truth ? b : a, *rhs = truth ? a : b, *strict = !truth; return true;
    default: return false;
  }
}

class Planner {
 public:
  explicit Planner(const Trace& t) : t_(t) {}

  std::unordered_map<uint32_t, WideGuard> run() {
    for (uint32_t i = 0; i < t_.ops.size(); i++) {
      Op op = t_.ops[i].op;
      if (op == Op::LABEL) {
        flush();
        from_ = i + 1;
        continue;
      }
      if (op == Op::GUARD_TRUE || op == Op::GUARD_FALSE) add(i, op == Op::GUARD_TRUE);
    }
    flush();
    return std::move(plan_);
  }

 private:
  void add(uint32_t g, bool truth) {
    Ref v = t_.ops[g].args[0];
    if (v.tag() != Ref::OP || v.index() < from_) return;  // a comparison of this section
    uint32_t c = v.index();
    Ref lhs, rhs;
    bool strict;
    if (!normalize(t_.ops[c], truth, &lhs, &rhs, &strict)) return;
    bool lower = lhs.isConst();
    Ref side = lower ? rhs : lhs, x = lower ? lhs : rhs;
    if (side.isConst() || t_.kindOf(side) != Kind::INT) return;
    Affine a = affineOf(t_, side, from_);
    if (!x.isConst() && affineOf(t_, x, from_).base == a.base) return;  // both sides move together
    bool xc = x.tag() == Ref::CONST_INT;
    GroupKey key{lower, strict, a.base.bits, xc, xc ? t_.intConst(x) : int64_t{x.bits}};
    auto [it, fresh] = groups_.try_emplace(key, std::vector<Member>{});
    if (fresh) order_.push_back(key);
    it->second.push_back({g, c, a.k});
    bases_[key] = {a.base, x};
  }

  /// The section ends: plan each group whose first guard is not its strongest.
  void flush() {
    for (const GroupKey& key : order_) {
      const std::vector<Member>& m = groups_[key];
      if (m.size() < 2) continue;
      bool lower = std::get<0>(key);
      int64_t best = m[0].k;
      for (const Member& e : m) best = lower ? std::min(best, e.k) : std::max(best, e.k);
      if (best == m[0].k) continue;
      WideGuard w;
      w.cmp = m[0].cmp;
      w.lower = lower;
      w.strict = std::get<1>(key);
      w.base = bases_[key].first;
      w.x = bases_[key].second;
      w.k = best;
      plan_[m[0].guard] = w;
    }
    groups_.clear();
    bases_.clear();
    order_.clear();
  }

  const Trace& t_;
  uint32_t from_ = 0;                                    // the section's first op
  std::map<GroupKey, std::vector<Member>> groups_;       // in trace order within each group
  std::map<GroupKey, std::pair<Ref, Ref>> bases_;        // (base, x) of each group
  std::vector<GroupKey> order_;                          // groups in order of first guard (deterministic)
  std::unordered_map<uint32_t, WideGuard> plan_;
};

}  // namespace

std::unordered_map<uint32_t, WideGuard> planWidening(const Trace& t) { return Planner(t).run(); }

}  // namespace lathe::jit
