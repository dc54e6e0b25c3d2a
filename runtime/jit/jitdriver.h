//===- jitdriver.h - The JIT at run time: merge points, traces, deopt ------===//
// DESIGN §6, issue 5 items 2-3. What the code jitgen generates for a
// program translated with --jit calls into:
//
//   * one JitDriverState per JitDriver. The normal portal calls enter() at
//     its counting marker (can_enter_jit, or jit_merge_point when the
//     driver has no can_enter_jit) with the driver's greens then reds as
//     64-bit words. enter() counts the green key; when it is hot it traces
//     a loop by running the portal's traced twin from its merge point;
//     when the key has compiled code it runs it (the interp backend), and
//     on a guard failure either follows the guard's bridge, traces one
//     (after trace_eagerness failures), or deoptimises.
//   * TwinCtx: what every traced twin receives — the Recorder, the mode
//     (tracing a loop, tracing a bridge, or deoptimising with recording
//     off) and the exception being propagated as traced values.
//   * ResumeCursor: a guard's resume data being consumed by the twins,
//     outermost frame first (each call site resumes its callee).
//
// Whatever ran (compiled code, a trace, a deoptimisation) stops at a merge
// point of the portal and enter() hands its greens and reds back to the
// normal portal, which continues from there (RPython's
// ContinueRunningNormally) — or the portal returned or raised meanwhile,
// and enter() says so. As in RPython, entering compiled code at
// can_enter_jit starts it at the merge point: can_enter_jit belongs just
// before the jump back to jit_merge_point (a loop condition in between is
// skipped on entry).
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <unordered_map>
#include <vector>
#include "jit/counters.h"
#include "jit/glue.h"
#include "jit/interp.h"
#include "jit/log.h"
#include "jit/params.h"
#include "jit/recorder.h"
#include "jit/trace.h"
#include "jit/x86/x86backend.h"
#include "llexc.h"

namespace lathe::jit {

/// A twin was asked to resume at a point it does not have (fatal).
[[noreturn]] void badResumePoint(uint32_t code);

/// A guard's resume data being consumed: frames outermost first, their
/// values (the fail args' concrete values) and, when a bridge is being
/// traced, the refs those values have in the new trace (else NONE).
class ResumeCursor {
 public:
  ResumeCursor(std::span<const ResumeFrame> frames, std::span<const uint64_t> values, std::span<const Ref> refs)
      : frames_(frames), values_(values), refs_(refs) {}
  /// Enters the next frame, which must belong to twin `code` (else a fatal
  /// error: the resume data does not match the program); returns its point.
  uint32_t enter(uint32_t code);
  /// Value k of the frame entered last.
  template <class T>
  Val<T> get(uint32_t k) const {
    size_t i = base_ + k;
    return Val<T>(AnyVal::fromBits<T>(values_[i]), refs_.empty() ? Ref{} : refs_[i]);
  }
  bool done() const { return next_ == frames_.size(); }

 private:
  std::span<const ResumeFrame> frames_;
  std::span<const uint64_t> values_;
  std::span<const Ref> refs_;
  size_t next_ = 0, base_ = 0, end_ = 0;
};

class JitDriverState;

/// The context of a traced twin (DESIGN §6).
struct TwinCtx {
  enum class Mode : uint8_t { LOOP, BRIDGE, DEOPT };
  Recorder& R;
  JitDriverState& D;
  Mode mode;
  /// The exception being propagated, as traced values (set where it was
  /// raised: a residual call's guard_exception, or a twin's raise).
  Val<void*> excType, excValue;
  /// Set when the portal twin stopped at its merge point: the greens then
  /// reds there, as words.
  bool stopped = false;
  std::vector<uint64_t> mergeValues;
  /// The portal's result when it returned (as bits).
  uint64_t retBits = 0;

  TwinCtx(Recorder& r, JitDriverState& d, Mode m) : R(r), D(d), mode(m) {}

  /// A pointer constant of any pointer type (function pointers included).
  template <class T>
  Val<T> cref(T p) {
    return Val<T>(p, R.constPtr((void*)p).ref);
  }

  /// The portal twin at its jit_merge_point: true when it must stop there
  /// (the loop closed, the trace jumped to compiled code or finished, or
  /// nothing is being recorded), with mergeValues set; false to go on
  /// tracing through it.
  bool mergePoint(Live greens, Live reds);
  /// After a residual call: when it raised, its exception as traced values.
  void noteCallException() {
    if (ll_exc_occurred()) {
      excType = R.constPtr(ll_exc_type);
      excValue = R.exceptionValue();
    }
  }
  /// A twin raises (its except block): the type is promoted so handlers
  /// can dispatch on it; `live`/`point` resume the raise.
  void raise(Val<void*> type, Val<void*> value, Live live, int64_t point) {
    excType = R.guardValue(type, live, point);
    excValue = value;
  }
  /// A read of quasi-immutable field `field` (quasi id `quasi`): on a
  /// constant object while recording, the value now as a constant, guarded
  /// by guard_not_invalidated (the trace depends on `quasi`); else a getfield.
  Val<int64_t> quasiI(Val<const void*> obj, uint32_t field, uint32_t quasi, Live live, int64_t point);
  Val<void*> quasiR(Val<const void*> obj, uint32_t field, uint32_t quasi, Live live, int64_t point);
  Val<double> quasiF(Val<const void*> obj, uint32_t field, uint32_t quasi, Live live, int64_t point);
  /// The quasi-immutable fields this trace folded.
  std::vector<uint32_t> quasiDeps;
  /// isinstance(obj, class range): null-checked and class-guarded, then
  /// a constant (ll_isinstance in llsupport.h).
  Val<int64_t> isInstance(Val<const void*> obj, Val<int64_t> lo, Val<int64_t> hi, Live live, int64_t point);
  /// An exception raised concretely (an overflow, the stack check, an
  /// unknown indirect call): its type is what it is, its value untraced.
  void concreteExc() {
    if (ll_exc_occurred()) {
      excType = R.constPtr(ll_exc_type);
      excValue = Val<void*>(ll_exc_value);
    }
  }
  /// A handler caught the exception.
  void clearExc() { excType = excValue = Val<void*>{}; }
  /// The pending exception's type and value for a handler (their refs when
  /// they are the ones recorded, else concrete only).
  Val<void*> takeExcType() const { return Val<void*>(ll_exc_type, excType.v == ll_exc_type ? excType.ref : Ref{}); }
  Val<void*> takeExcValue() const {
    return Val<void*>(ll_exc_value, excValue.v == ll_exc_value ? excValue.ref : Ref{});
  }
  /// The portal twin returned `result` (none for a void portal): a trace
  /// being recorded by the outermost portal ends with finish(result).
  void portalReturned(Live result) {
    if (portalDepth == 0 && R.recording()) R.finish(result);
  }
  /// Whether a call of twin `code` may be inlined (false after it made a
  /// trace too long).
  bool inlinable(uint32_t code) const;
  /// Whether a recursive call of the portal is inlined: below
  /// max_unroll_recursion levels, with `inlining` on; else it is a
  /// residual call of the normal portal (which runs its own JIT).
  bool inlinePortal(uint32_t code) const;
  /// How many inlined portal calls deep the twin is (0: the outermost
  /// portal, whose merge points end traces and deoptimisation).
  int portalDepth = 0;
};

/// What jitgen generates for one JitDriver.
struct DriverSpec {
  std::string name;
  std::vector<Kind> greens, reds;
  /// Runs the portal's twin (args from the cursor); sets C.stopped /
  /// C.mergeValues at a merge point, else C.retBits.
  void (*portalTwin)(TwinCtx& C, ResumeCursor* rs) = nullptr;
  /// get_printable_location on the green words, or null.
  std::string (*printLocation)(const uint64_t* greens) = nullptr;
  uint32_t portalCode = 0;  ///< the portal twin's code number
  uint32_t mergePoint = 0;  ///< its resume point just after jit_merge_point
  int32_t vableRed = -1;    ///< the virtualizable among the reds (a loop's input), or -1
};

/// The program-wide JIT state: descriptors (registered by the generated
/// code at start-up), parameters, summary, twin inlinability.
struct JitGlobals {
  DescrTable descrs;
  JitParams params;
  JitSummary summary;
  uint64_t guardChecks = 0;        ///< for fail_guards (interp)
  uint64_t failCountdown = 0;      ///< for fail_guards (x86: guards decrement it)
  uint64_t codeBytes = 0;          ///< machine code mapped so far (max_code_kb)
  bool codeFull = false;           ///< max_code_kb reached: nothing more is traced
  std::vector<uint8_t> notInlinable;  ///< by twin code
  std::vector<std::string> codeNames;  ///< by twin code (for messages)
  bool tracing = false;            ///< a trace is being recorded (no nesting)
  TwinCtx* recording = nullptr;    ///< the twin context recording, if any
  std::vector<std::vector<struct CompiledTrace*>> quasiDeps;  ///< by quasi id
  uint32_t nextLoop = 0;
};
JitGlobals& jitGlobals();

/// Called once by the generated main() before the program runs: reads
/// LATHE_JIT and LATHE_LOG (exit 2 with the message when malformed) and
/// registers the summary to be printed at exit.
void jitInit(std::vector<std::string> codeNames);

/// One compiled trace (loop or bridge) and what hangs off it.
struct CompiledTrace {
  Trace trace;
  std::string name;                    ///< "loop 3", "bridge 5 (loop 3 guard g7)"
  uint32_t label = kNoDescr;           ///< a loop's LoopDescr (kNoDescr: a bridge)
  std::vector<CompiledTrace*> bridges;  ///< by guard
  std::vector<uint32_t> failures;       ///< by guard
  std::vector<uint8_t> bridgeTooLong;   ///< by guard: bridges abandoned as too long
  bool invalidated = false;             ///< a quasi-immutable field it folded was written
  std::unique_ptr<X86Code> code;        ///< its machine code (backend=x86), or null: interp
  uint32_t labelEntry = 0;              ///< code's entry at `label` (X86Code::entryOf), for jumps into it
  CompiledTrace* parent = nullptr;      ///< a bridge's trace (the root of a tree has none)
  CompiledTrace* root = this;           ///< the loop at the root of its tree
  // A root's tree (JitDriverState::inlineBridges):
  uint64_t bridgeCalls = 0;             ///< calls of its bridges through guard slots, since its last compile
  bool newBridges = false;              ///< a bridge was attached since
  uint64_t treeOps = 0;                 ///< ops of the root and of the bridges attached in its tree
  uint32_t inlinedBridges = 0;          ///< how many bridges its code has inlined
  uint32_t recompiles = 0;              ///< how often it was compiled again to inline them
  JitCell* cell = nullptr;              ///< a loop's cell (cleared on invalidation)
};

class JitDriverState {
 public:
  explicit JitDriverState(DriverSpec spec);
  /// CONTINUE: nothing ran, the normal portal goes on after the marker;
  /// AT_MERGE_POINT: something ran and stopped at a merge point, whose
  /// greens and reds are now in `values` — the portal goes on from there;
  /// RETURNED / RAISED: the portal call is over.
  enum class Outcome { CONTINUE = 0, RETURNED = 1, RAISED = 2, AT_MERGE_POINT = 3 };
  /// At the counting marker: `values` are the greens then the reds (updated
  /// when something ran); `ret` gets the portal's result when RETURNED.
  /// `function`: the first merge point of a portal call, when the driver
  /// counts at can_enter_jit — it counts towards function_threshold.
  Outcome enter(uint64_t* values, uint64_t* ret, bool function = false);

  const DriverSpec& spec() const { return spec_; }
  /// The loop entered at this green key, or null.
  CompiledTrace* loopAt(std::span<const uint64_t> greens);
  /// get_printable_location text for green words ("" when none).
  std::string location(const uint64_t* greens) const;

 private:
  friend struct TwinCtx;
  Outcome runCompiled(CompiledTrace* loop, uint64_t* values, uint64_t* ret);
  Outcome traceLoop(const GreenKey& key, uint64_t* values, uint64_t* ret);
  Outcome deoptimise(const CompiledTrace& from, uint32_t guard, const RootTable& values, uint64_t* out,
                     uint64_t* ret);
  /// `raw`: the guard's fail args as the backend handed them back;
  /// `values`: its frames' values, virtuals materialised.
  Outcome traceBridge(CompiledTrace& from, uint32_t guard, const RootTable& raw, const RootTable& values,
                      uint64_t* out, uint64_t* ret);
  /// Runs the portal twin on `rs` in `C`, then copies the merge values or
  /// the result out.
  Outcome runTwin(TwinCtx& C, ResumeCursor& rs, uint64_t* values, uint64_t* ret);
  /// Verifies, logs and optimizes (enable_opts) a finished trace, in place.
  bool accept(Trace& t, const std::string& name);
  /// backend=x86: the trace's machine code (left null, so interp runs it,
  /// when the backend cannot compile it yet; jit-backend says why).
  void compile(CompiledTrace& ct);
  X86Options x86Options(CompiledTrace& ct);
  /// The jit-backend log line, the disassembly and perf's map for new code.
  void announceCode(const CompiledTrace& ct, const std::string& name);
  /// Compiles a root again with its tree's bridges inlined, when its
  /// bridges run often, and that adds some and the tree is small enough
  /// (jitdriver.cpp).
  void inlineBridges(CompiledTrace& root);
  /// After a "trace too long" abort: stop inlining the biggest contributor,
  /// or (none) stop tracing from `key`.
  void tooLong(const Recorder& R, std::optional<GreenKey> key, CompiledTrace* from = nullptr, uint32_t guard = 0);
  /// Registers `ct` with the quasi-immutable fields its trace folded.
  void registerDeps(const TwinCtx& C, CompiledTrace& ct);
  void aborted(const Recorder& R, const std::string& what);
  GreenKey keyOf(std::span<const uint64_t> greens) const;

  DriverSpec spec_;
  JitCounters counters_;
  std::deque<CompiledTrace> traces_;
  /// Frames for machine code (X86Code: header + kX86FrameCap words), one
  /// per nested run (a residual call may re-enter the portal), reused.
  std::vector<std::unique_ptr<RootTable>> frames_;
  size_t frameDepth_ = 0;
  // LoopDescr -> the trace holding the label, or null: a vector, as jumps
  // between compiled loops look it up on every pass (nested loops).
  std::vector<CompiledTrace*> labelOwner_;
  // Code replaced by a recompiled tree: kept, as an outer portal call may
  // still be running in it.
  std::vector<std::unique_ptr<X86Code>> retired_;
  CompiledTrace* ownerOf(uint32_t label) const {
    return label < labelOwner_.size() ? labelOwner_[label] : nullptr;
  }
  // While tracing a loop: its key and LoopDescr.
  GreenKey tracingKey_;
  uint32_t tracingLabel_ = kNoDescr;
  int64_t decay_ = -1;  // the decay the counters use (LATHE_JIT / set_param)
};

}  // namespace lathe::jit
