//===- opt.h - The trace optimizer: pipeline and pass helpers -------------===//
// DESIGN §6, issue 7. Sits between the recorder (recorder.h) and the
// backends: a verified trace in, an equivalent verified trace out. The
// recipe is optimize(): the passes enabled in `enable_opts`, in the order of
// LATHE_JIT_OPT_PASSES (params.h), each a function Trace -> Trace in its own
// file (opt_<pass>.cpp), each checked with verify() afterwards when asked.
//
//   intbounds   opt_intbounds.cpp   integer ranges: folds comparisons, removes
//                                   guards and overflow checks it proves
//   rewrite     opt_rewrite.cpp     constant folding, algebra, guard implication
//   virtualize  opt_virtualize.cpp  allocation removal: objects that do not
//                                   escape stay virtual, guards describe them
//   heap        opt_heap.cpp        caches field and item reads, removes redundant
//                                   writes, delays writes until needed
//   pure        opt_pure.cpp        CSE of pure ops, call_pure and guards
//   unroll      opt_unroll.cpp      loop peeling: invariant values computed once
//
// Invariants every pass keeps (the interp backend is the judge, tests/jit/
// opt_test.cpp runs input and output traces side by side):
//  * the output passes verify(); ops are never moved across a `label`, and
//    what a pass knows about values is forgotten at a label (after it only
//    the label's arguments are visible, and they are loop-carried);
//  * when an op is removed or replaced (by a constant or an earlier equal
//    value) every later use — operands, guard fail args, label, jump and
//    finish operands — is remapped to the replacement. Fail args may become
//    constants; a guard's fail-arg count and resume frames never change
//    (virtualize alone adds virtuals to resume data, and their fields'
//    values to the fail args; later passes copy virtuals unchanged);
//  * every kept guard keeps its own GuardDescr (name, tag, frames); removed
//    guards' descrs are dropped, so guard indices change but names do not;
//  * a label argument that became a constant or a duplicate is given a
//    fresh `same_as` just before the label (label arguments must be distinct
//    non-constants).
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>
#include "jit/params.h"
#include "jit/trace.h"

namespace lathe::jit {

#ifdef NDEBUG
inline constexpr bool kVerifyPassesByDefault = false;
#else
inline constexpr bool kVerifyPassesByDefault = true;
#endif

struct OptOptions {
  /// Run verify() after every pass (tests and debug builds do, STYLE).
  bool verifyEachPass = kVerifyPassesByDefault;
  /// When a pass breaks the trace: if set, the message ("pass 'rewrite'
  /// broke the trace: op N: ...", then the broken trace) is stored here and
  /// optimize() returns the last valid trace, skipping the later passes;
  /// if null, the message goes to stderr and the process aborts (an
  /// optimizer bug is an internal error).
  std::string* error = nullptr;
  /// Called with each enabled pass's output (logs, --dump-after).
  std::function<void(OptPass, const Trace&)> afterPass;
  /// A guard fails only when its test fails. Then, with intbounds enabled,
  /// a guard's own condition among its fail args is the constant it fails
  /// with (conditionsInFailArgs). The driver clears it under fail_guards,
  /// which fails guards whose test passed.
  bool exactGuardFailures = true;
};

/// A pass: a trace in, an equivalent trace out.
using OptPassFn = Trace (*)(const Trace&, const DescrTable&);

/// Runs the passes of `enabledOpts` (a set of optBit()s, params.h) over a
/// verified trace, in pipeline order; when unroll peels a loop, the other
/// enabled passes run once more over the result (opt.cpp).
Trace optimize(const Trace& in, const DescrTable& d, uint32_t enabledOpts, const OptOptions& opts = {});

/// The pass function of `p`.
OptPassFn optPassFn(OptPass p);

/// optimize()'s engine with an explicit list of passes (tests inject
/// broken ones to check the error path).
struct NamedPass {
  OptPass pass;
  OptPassFn fn;
};
Trace runPasses(const Trace& in, const DescrTable& d, const std::vector<NamedPass>& passes, const OptOptions& opts);

// --- the passes, one file each, in pipeline order ----------------------------------
Trace passIntBounds(const Trace& in, const DescrTable& d);   // opt_intbounds.cpp
Trace passRewrite(const Trace& in, const DescrTable& d);     // opt_rewrite.cpp
Trace passVirtualize(const Trace& in, const DescrTable& d);  // opt_virtualize.cpp
Trace passHeap(const Trace& in, const DescrTable& d);        // opt_heap.cpp
Trace passPure(const Trace& in, const DescrTable& d);        // opt_pure.cpp
Trace passUnroll(const Trace& in, const DescrTable& d);      // opt_unroll.cpp

// --- helpers shared by the passes (opt.cpp) -----------------------------------------

/// Rebuilds a trace op by op: the skeleton of every pass. A pass walks the
/// input's ops in order and, for each, either copies it (copy/emitAs, with
/// operands remapped) or drops it, saying what its result is now
/// (replace). Remapping goes through two layers: old value -> new value
/// (set when an op is emitted or replaced), then a substitution on new
/// values (substitute: "from here on, uses of v are c", e.g. after
/// guard_value). Both apply to operands and guard fail args alike.
class TraceRewriter {
 public:
  TraceRewriter(const Trace& in, const DescrTable& d);

  const Trace& in() const { return in_; }
  const DescrTable& descrs() const { return d_; }
  Trace& out() { return out_; }
  const Trace& out() const { return out_; }

  /// The new value standing for an old one (input, op result or constant).
  Ref map(Ref old);
  /// The operands of old op i, remapped.
  std::vector<Ref> mapArgs(uint32_t i);

  /// Old op i is dropped; its result (if any) is now `now` (a new value).
  void replace(uint32_t i, Ref now) { opMap_[i] = now; }
  /// From here on, uses of new value `v` become `by`.
  void substitute(Ref v, Ref by);
  /// Emits old op i unchanged but for its (remapped) operands; guards get a
  /// copy of their GuardDescr with remapped fail args (its VIRTUAL fail args
  /// and virtuals unchanged). Returns the result.
  Ref copy(uint32_t i) { return emitAs(i, in_.ops[i].op, mapArgs(i)); }
  /// Emits old op i as `op` (same result kind) with `args`.
  Ref emitAs(uint32_t i, Op op, std::vector<Ref> args);
  /// Emits an op the input does not have, modelled on old op i (a guard
  /// gets a copy of i's GuardDescr, an op with a descr i's descr); what
  /// old op i stands for is left alone. For ops a pass adds (intbounds'
  /// widened guards).
  Ref emitExtra(uint32_t i, Op op, std::vector<Ref> args);
  /// Emits a label for old op i: arguments that became constants or
  /// duplicates get a same_as first; then every substitution is dropped
  /// (values before the label are invisible after it). `extra` (new
  /// values) are appended to its arguments the same way, and replaced by
  /// what the label passes (virtualize's loop-carried state).
  void emitLabel(uint32_t i, std::vector<Ref>* extra = nullptr, const std::vector<bool>* dropped = nullptr);

  /// New-value queries.
  bool isConstInt(Ref r) const { return r.tag() == Ref::CONST_INT; }
  int64_t intOf(Ref r) const { return out_.intConst(r); }
  bool isConstPtr(Ref r) const { return r.tag() == Ref::CONST_PTR; }
  Ref constInt(int64_t v) { return out_.constInt(v); }
  /// The new op defining `r`, or null: inputs, constants, and values
  /// defined before the last label (after it they are loop-carried: the
  /// label's arguments take other values on every iteration).
  const TraceOp* def(Ref r) const {
    bool visible = r.tag() == Ref::OP && (afterLabel_ == 0 || r.index() >= afterLabel_);
    return visible ? &out_.ops[r.index()] : nullptr;
  }

  /// The finished trace.
  Trace take() { return std::move(out_); }

 private:
  Ref reintern(Ref oldConst);
  Ref resolve(Ref r) const;

  const Trace& in_;
  const DescrTable& d_;
  Trace out_;
  std::vector<Ref> inMap_, opMap_;
  std::unordered_map<uint32_t, Ref> subst_;  // Ref bits -> replacement
  uint32_t afterLabel_ = 0;                  // index of the op after the last label (0: no label)
};

/// guard_true(v) fails only when v is 0, guard_false(v) on a comparison's
/// 0/1 result only when it is 1: where a guard's own fail args hold v, they
/// hold that constant. The exit then need not compute v, and a bridge from
/// the guard starts knowing it (its first guard, the same test, folds).
/// Run by optimize() after the passes (OptOptions::exactGuardFailures).
void conditionsInFailArgs(Trace& t);

/// Removes ops whose results nobody uses (operands, fail args, label/jump/
/// finish) and that have no effect: OPF_PURE ops that cannot raise. Every
/// implemented pass ends with it. When nothing is dead, `t` comes back as it
/// is (no rebuild: passes hand over their output by move).
Trace removeDeadOps(Trace t, const DescrTable& d);

/// The index of the op that reads the overflow flag set by ovf op i: the
/// next guard_no_overflow/guard_overflow before another ovf op, or a label
/// or jump reached first (the flag might be read beyond it: callers must
/// then keep the ovf op); kNoOp when nothing reads it.
uint32_t overflowGuardOf(const Trace& t, uint32_t i);

/// An int value as `base + k` (mod 2^64): int_add/int_sub (and their ovf
/// forms) of a constant, followed back through ops at index >= `from`
/// (a pass's current section). `base` is the first value that is not such
/// an op; `k` is 0 for it. Exact in wrapping arithmetic; whether base + k
/// also holds in true integers is for the caller to prove (ranges, ovf).
struct Affine {
  Ref base;
  int64_t k = 0;
};
Affine affineOf(const Trace& t, Ref r, uint32_t from);

/// Guard widening (opt_widen.cpp; intbounds applies it). In a section
/// (between labels) several guards often bound the same value at different
/// offsets: `p + 1 < n`, then `p + 2 < n`, ... (a pointer moved step by
/// step), or `0 <= p - 1`, `0 <= p - 2`. The first of them can check the
/// strongest offset instead; the later ones are then implied. A widened
/// guard may fail where the original would not have: it resumes at its own
/// position, as any failing guard, and the interpreter redoes the steps.
struct WideGuard {
  uint32_t cmp = 0;    ///< old index of the guard's comparison
  bool lower = false;  ///< x REL base + k (else base + k REL x)
  bool strict = true;  ///< REL is < (else <=)
  Ref base, x;         ///< old values
  int64_t k = 0;       ///< the group's strongest offset
};
/// The widenings of trace `t`: old index of a group's first guard -> what
/// it checks instead. Guards on signed comparisons (guard_true/guard_false
/// of int_lt/le/gt/ge) whose one side is base + k and other side x are
/// grouped by (base, x, direction); a group of two or more guards whose
/// first is not its strongest gives an entry.
std::unordered_map<uint32_t, WideGuard> planWidening(const Trace& t);

/// Is `op` a comparison (result 0 or 1)?
bool isBoolOp(Op op);

/// Does old op i (a call) leave an exception pending? calls and call_pure
/// whose CallDescr can raise.
bool mayRaise(const Trace& t, const DescrTable& d, uint32_t i);

}  // namespace lathe::jit
