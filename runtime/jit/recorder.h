//===- recorder.h - The recorder the traced twins call ---------------------===//
// DESIGN §6 ("traced twins"), issue 5. A traced twin is a C++ function with
// the control flow of a low-level graph in which every value is a Val<T>: a
// concrete value plus its reference in the trace being recorded. Every
// Recorder method COMPUTES the concrete result (as the normal code would:
// real memory, real calls, real allocation) and RECORDS the op into a Trace,
// except that
//   * a pure op (OPF_PURE) whose operands are all constants is folded: no op,
//     the result is a constant;
//   * a call_pure (@elidable) with all-constant arguments is run and folded;
//   * an _ovf op on two constants folds (the overflow outcome is known);
//   * a guard on a constant records nothing.
// Guards take the live values (the guard's fail args) and a resume tag (the
// twin's resume point); both go into the GuardDescr. Real resume data
// (frames of twin, resume point, live values) replaces them later.
//
// After an abort (trace too long, a twin inconsistency) the recorder keeps
// COMPUTING — the twin must still run the program correctly to the next
// merge point — but records nothing; the trace is never compiled.
//
// Typical use (see docs/jit-trace-ir.md, "Recorder"):
//   Recorder R(descrs);
//   Val<int64_t> pc{3}, n{10}; Val<Frame*> f{frame};
//   R.start(loopDescr, {pc}, {n, f});  // pc: constant; n, f: inputs + label
//   ... twin code calling R.intSub(...), R.guardTrue(...) ...
//   if (R.closeLoop({pc}, {n, f}) == Recorder::Status::CLOSED) compile(R.takeTrace());
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <cstring>
#include <map>
#include <initializer_list>
#include <span>
#include <string>
#include <type_traits>
#include <vector>
#include "jit/trace.h"

namespace lathe::jit {

/// The trace kind of a C++ value type: int64_t -> INT, double -> FLOAT,
/// any pointer -> REF. (Booleans are int64_t 0/1, as in the trace IR.)
template <class T>
constexpr Kind kindOfType() {
  if constexpr (std::is_same_v<T, int64_t>) return Kind::INT;
  else if constexpr (std::is_same_v<T, double>) return Kind::FLOAT;
  else {
    static_assert(std::is_pointer_v<T>, "Val<T>: T must be int64_t, double or a pointer");
    return Kind::REF;
  }
}

/// A traced value: the concrete value `v` and its reference in the trace
/// (a trace input, an op result, or a constant; NONE while not traced, e.g.
/// before Recorder::start or after an abort).
template <class T>
struct Val {
  static constexpr Kind kind = kindOfType<T>();
  T v{};
  Ref ref{};

  Val() = default;
  /// A concrete value not yet in the trace (what start() turns into a
  /// constant or an input). Explicit, so that `R.intAdd(n, 1)` does not
  /// compile: a constant operand is `R.constInt(1)`.
  explicit Val(T value) : v(value) {}
  Val(T value, Ref r) : v(value), ref(r) {}
  /// Typed pointers convert to each other (Val<Frame*> <-> Val<void*>),
  /// function pointers too (a method table's entry compared with null).
  template <class U>
    requires(std::is_pointer_v<T> && std::is_pointer_v<U> && !std::is_same_v<T, U>)
  Val(const Val<U>& o) : v(castPointer<U>(o.v)), ref(o.ref) {}

  template <class U>
  static T castPointer(U u) {
    if constexpr (std::is_function_v<std::remove_pointer_t<U>> || std::is_function_v<std::remove_pointer_t<T>>)
      return reinterpret_cast<T>(u);
    else
      return reinterpret_cast<T>(const_cast<std::remove_const_t<std::remove_pointer_t<U>>*>(u));
  }

  bool isConst() const { return ref.isConst(); }
};

/// Any Val, type-erased: its kind, concrete bits and ref. Used for lists of
/// values (fail args, call arguments, jump/finish operands, greens).
struct AnyVal {
  Kind kind;
  uint64_t bits;
  Ref ref;
  template <class T>
  AnyVal(const Val<T>& x) : kind(Val<T>::kind), bits(toBits(x.v)), ref(x.ref) {}  // NOLINT: implicit
  bool isConstRef() const { return ref.isConst(); }

  template <class T>
  static uint64_t toBits(T x) {
    if constexpr (std::is_same_v<T, int64_t>) return static_cast<uint64_t>(x);
    else if constexpr (std::is_same_v<T, double>) {
      uint64_t b;
      std::memcpy(&b, &x, sizeof b);
      return b;
    } else return reinterpret_cast<uint64_t>(x);
  }
  template <class T>
  static T fromBits(uint64_t b) {
    if constexpr (std::is_same_v<T, int64_t>) return static_cast<int64_t>(b);
    else if constexpr (std::is_same_v<T, double>) {
      double d;
      std::memcpy(&d, &b, sizeof d);
      return d;
    } else return reinterpret_cast<T>(b);
  }
};

/// A twin's variable that start() fills in: a green becomes a constant, a
/// red a trace input.
struct ValSlot {
  Kind kind;
  uint64_t bits;
  Ref* ref;
  template <class T>
  ValSlot(Val<T>& x) : kind(Val<T>::kind), bits(AnyVal::toBits(x.v)), ref(&x.ref) {}  // NOLINT: implicit
};

using Live = std::initializer_list<AnyVal>;

struct RecorderOptions {
  /// Abort when the trace reaches this many ops (RPython's trace_limit).
  size_t traceLimit = 6000;
};

/// The result of an overflow-checked op: the (wrapped) value and whether it
/// overflowed — the twin takes the same branch as the normal code.
struct OvfResult {
  Val<int64_t> value;
  bool overflowed;
};

class Recorder {
 public:
  enum class Status {
    IDLE,       ///< start() not called yet
    RECORDING,  ///< recording
    CLOSED,     ///< closeLoop() recorded the jump: the trace is a loop
    FINISHED,   ///< finish() recorded: the trace ends there
    ABORTED,    ///< given up (abortReason() says why); still computing
    COMPUTING,  ///< computeOnly(): deoptimisation runs the twins, nothing is recorded
  };

  explicit Recorder(const DescrTable& descrs, RecorderOptions opts = {});

  Status status() const { return status_; }
  bool recording() const { return status_ == Status::RECORDING; }
  const std::string& abortReason() const { return abortReason_; }
  const Trace& trace() const { return trace_; }
  /// Input `k` is the JitDriver's virtualizable (Trace::vable).
  void setVable(int32_t k) { trace_.vable = k; }
  /// A bridge's first ops, before anything is traced: the bridge takes
  /// every fail arg of guard `g` of its parent (`refs`, one per fail arg:
  /// an input or a constant; NONE for VIRTUAL ones), and allocates g's
  /// virtuals and redoes its writes itself, as trace ops — what
  /// materializeVirtuals does at run time (virtuals.h). So a guard with
  /// virtuals can jump straight into its bridge, and the optimizer sees the
  /// objects the bridge starts with. Returns the refs of g's frame values.
  std::vector<Ref> bridgePrologue(const GuardDescr& g, const std::vector<Ref>& refs);
  /// The recorded trace (CLOSED or FINISHED); the recorder is IDLE again.
  Trace takeTrace();
  const DescrTable& descrs() const { return descrs_; }

  // --- merge points ---------------------------------------------------------------
  /// Computes without recording (deoptimisation, DESIGN §6): every method
  /// acts as in ABORTED, but nothing was ever recorded.
  void computeOnly();
  /// Starts a trace whose inputs have `kinds` (Ref::input(k)): a loop when
  /// `label` is a LoopDescr (`label(inputs)` is recorded first), a bridge
  /// when it is kNoDescr. Green keys are the caller's business (jumpTo).
  void startTrace(std::span<const Kind> kinds, uint32_t label);
  /// Records `jump(values)` to the label of LoopDescr `loopDescr` (in this
  /// trace or another); status CLOSED.
  Status jumpTo(uint32_t loopDescr, Live values) { return jumpTo(loopDescr, std::span<const AnyVal>(values.begin(), values.size())); }
  Status jumpTo(uint32_t loopDescr, std::span<const AnyVal> values);
  /// Starts a trace at the merge point of loop `loopDescr` (a LoopDescr):
  /// greens become constants, reds trace inputs, and `label(reds)` is
  /// recorded. The green key is remembered for closeLoop().
  void start(uint32_t loopDescr, std::initializer_list<ValSlot> greens, std::initializer_list<ValSlot> reds);
  /// At the merge point again: if the greens' values are the start key,
  /// records `jump(reds)` to the label and returns CLOSED; otherwise returns
  /// RECORDING (another green key: keep tracing). A green that is not a
  /// constant aborts (greens must be constant at the merge point).
  Status closeLoop(Live greens, Live reds);
  /// Records `finish(values)`; status FINISHED.
  Status finish(Live values) { return finish(std::span<const AnyVal>(values.begin(), values.size())); }
  Status finish(std::span<const AnyVal> values);
  /// Discards the trace; status ABORTED. The twin keeps computing.
  void abort(std::string reason);
  /// Records debug_merge_point('text').
  void debugMergePoint(std::string text);

  // --- resume frames ----------------------------------------------------------------
  /// The twin now running is `code` (the outermost one: the portal). From
  /// then on guards get resume frames (trace.h ResumeFrame): the frames
  /// pushed by pushFrame, then (code, the guard's tag, its live values).
  void enterCode(uint32_t code);
  /// A twin calls twin `callee` at its resume point `point`, with `live`
  /// the values live across the call: that frame becomes an outer frame of
  /// every guard recorded until popFrame().
  void pushFrame(uint32_t point, Live live, uint32_t callee);
  void popFrame();
  size_t depth() const { return frames_.size(); }
  /// Ops recorded per inlined function: each op counts for the outermost
  /// twin called from the portal (the portal's own ops for the portal).
  const std::map<uint32_t, size_t>& opsByCode() const { return opsByCode_; }
  /// The most ops one single call from the portal recorded, per function
  /// (what makes a function worth no longer inlining when a trace is too
  /// long: one big call, not many small ones).
  const std::map<uint32_t, size_t>& biggestCallByCode() const { return biggestCall_; }

  // --- constants ------------------------------------------------------------------
  Val<int64_t> constInt(int64_t v);
  Val<double> constFloat(double v);
  template <class P>
  Val<P> constPtr(P p) {
    return Val<P>(p, trace_.constPtr(const_cast<void*>(static_cast<const void*>(p))));
  }

  // --- integer, unsigned, float arithmetic and comparisons -------------------------
  /// Generic forms: `op` must be a pure op of that signature (checked).
  Val<int64_t> intOp(Op op, Val<int64_t> a, Val<int64_t> b);
  Val<int64_t> intOp(Op op, Val<int64_t> a);
  Val<double> floatOp(Op op, Val<double> a, Val<double> b);
  Val<double> floatOp(Op op, Val<double> a);
  Val<int64_t> floatCmp(Op op, Val<double> a, Val<double> b);

#define LATHE_REC_II(name, OP) \
  Val<int64_t> name(Val<int64_t> a, Val<int64_t> b) { return intOp(Op::OP, a, b); }
  LATHE_REC_II(intAdd, INT_ADD)
  LATHE_REC_II(intSub, INT_SUB)
  LATHE_REC_II(intMul, INT_MUL)
  LATHE_REC_II(intFloordiv, INT_FLOORDIV)
  LATHE_REC_II(intMod, INT_MOD)
  LATHE_REC_II(intAnd, INT_AND)
  LATHE_REC_II(intOr, INT_OR)
  LATHE_REC_II(intXor, INT_XOR)
  LATHE_REC_II(intLshift, INT_LSHIFT)
  LATHE_REC_II(intRshift, INT_RSHIFT)
  LATHE_REC_II(intLt, INT_LT)
  LATHE_REC_II(intLe, INT_LE)
  LATHE_REC_II(intEq, INT_EQ)
  LATHE_REC_II(intNe, INT_NE)
  LATHE_REC_II(intGt, INT_GT)
  LATHE_REC_II(intGe, INT_GE)
  LATHE_REC_II(uintLt, UINT_LT)
  LATHE_REC_II(uintLe, UINT_LE)
  LATHE_REC_II(uintGe, UINT_GE)
  LATHE_REC_II(uintGt, UINT_GT)
  LATHE_REC_II(uintRshift, UINT_RSHIFT)
  LATHE_REC_II(uintFloordiv, UINT_FLOORDIV)
  LATHE_REC_II(uintMod, UINT_MOD)
#undef LATHE_REC_II
  Val<int64_t> intNeg(Val<int64_t> a) { return intOp(Op::INT_NEG, a); }
  Val<int64_t> intInvert(Val<int64_t> a) { return intOp(Op::INT_INVERT, a); }
  Val<int64_t> intIsTrue(Val<int64_t> a) { return intOp(Op::INT_IS_TRUE, a); }

  Val<double> floatAdd(Val<double> a, Val<double> b) { return floatOp(Op::FLOAT_ADD, a, b); }
  Val<double> floatSub(Val<double> a, Val<double> b) { return floatOp(Op::FLOAT_SUB, a, b); }
  Val<double> floatMul(Val<double> a, Val<double> b) { return floatOp(Op::FLOAT_MUL, a, b); }
  Val<double> floatTruediv(Val<double> a, Val<double> b) { return floatOp(Op::FLOAT_TRUEDIV, a, b); }
  Val<double> floatNeg(Val<double> a) { return floatOp(Op::FLOAT_NEG, a); }
  Val<double> floatAbs(Val<double> a) { return floatOp(Op::FLOAT_ABS, a); }
  Val<int64_t> floatLt(Val<double> a, Val<double> b) { return floatCmp(Op::FLOAT_LT, a, b); }
  Val<int64_t> floatLe(Val<double> a, Val<double> b) { return floatCmp(Op::FLOAT_LE, a, b); }
  Val<int64_t> floatEq(Val<double> a, Val<double> b) { return floatCmp(Op::FLOAT_EQ, a, b); }
  Val<int64_t> floatNe(Val<double> a, Val<double> b) { return floatCmp(Op::FLOAT_NE, a, b); }
  Val<int64_t> floatGt(Val<double> a, Val<double> b) { return floatCmp(Op::FLOAT_GT, a, b); }
  Val<int64_t> floatGe(Val<double> a, Val<double> b) { return floatCmp(Op::FLOAT_GE, a, b); }
  Val<double> castIntToFloat(Val<int64_t> a);
  Val<int64_t> castFloatToInt(Val<double> a);

  Val<int64_t> ptrEq(Val<const void*> a, Val<const void*> b);
  Val<int64_t> ptrNe(Val<const void*> a, Val<const void*> b);

  // --- overflow-checked arithmetic ----------------------------------------------------
  /// Records int_*_ovf and then guard_no_overflow (or guard_overflow when it
  /// did overflow now) with `live`/`tag`; the twin branches on .overflowed.
  OvfResult intAddOvf(Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag);
  OvfResult intSubOvf(Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag);
  OvfResult intMulOvf(Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag);

  // --- memory -------------------------------------------------------------------------
  /// obj->field (descr: a FieldDescr of kind INT / REF / FLOAT).
  Val<int64_t> getfieldI(Val<const void*> obj, uint32_t field);
  Val<void*> getfieldR(Val<const void*> obj, uint32_t field);
  Val<double> getfieldF(Val<const void*> obj, uint32_t field);
  /// obj->field = value (value's kind must be the field's).
  void setfield(Val<const void*> obj, uint32_t field, AnyVal value);
  /// (A field whose descr is `immutable` folds when obj is a constant.)
  /// arr[i] (descr: an ArrayDescr). Folds when arr and i are constants and
  /// the items are immutable: the descr says so, or `immutableItems` (the
  /// array was read from a `name[*]` field of _immutable_fields_).
  Val<int64_t> getarrayitemI(Val<const void*> arr, uint32_t array, Val<int64_t> i, bool immutableItems = false);
  Val<void*> getarrayitemR(Val<const void*> arr, uint32_t array, Val<int64_t> i, bool immutableItems = false);
  Val<double> getarrayitemF(Val<const void*> arr, uint32_t array, Val<int64_t> i, bool immutableItems = false);
  void setarrayitem(Val<const void*> arr, uint32_t array, Val<int64_t> i, AnyVal value);
  /// len(arr): pure (arrays never resize), folds on a constant array.
  Val<int64_t> arraylen(Val<const void*> arr, uint32_t array);
  /// RStr length and byte i: pure, fold on a constant string.
  Val<int64_t> strlen(Val<const void*> s);
  Val<int64_t> strgetitem(Val<const void*> s, Val<int64_t> i);

  // --- allocation (ll_malloc, zeroed, as the normal code) ----------------------------
  Val<void*> newStruct(uint32_t size);          ///< new (a SizeDescr)
  Val<void*> newWithVtable(uint32_t size);      ///< new_with_vtable: first word = vtable
  Val<void*> newArray(uint32_t array, Val<int64_t> n);  ///< new_array

  // --- calls --------------------------------------------------------------------------
  /// A residual call through CallDescr `call`: runs the function for real
  /// and records call_i/r/f/n. If the callee can raise, a guard follows with
  /// fail args `live` plus the call's result (last, when not void):
  /// guard_no_exception if it did not raise now, else
  /// `guard_exception(ConstPtr(type))` (its result, the exception value, is
  /// exceptionValue()), leaving the exception pending for the twin's own
  /// check. Returns the result (0 / null / 0.0 for void).
  Val<int64_t> callI(uint32_t call, Live args, Live live, int64_t tag);
  Val<void*> callR(uint32_t call, Live args, Live live, int64_t tag);
  Val<double> callF(uint32_t call, Live args, Live live, int64_t tag);
  void callN(uint32_t call, Live args, Live live, int64_t tag);
  /// An @elidable call (descr.effect.elidable): every argument constant ->
  /// runs it and returns a constant, recording nothing; else records
  /// call_pure_* (and the exception guard when it can raise).
  Val<int64_t> callPureI(uint32_t call, Live args, Live live, int64_t tag);
  Val<void*> callPureR(uint32_t call, Live args, Live live, int64_t tag);
  Val<double> callPureF(uint32_t call, Live args, Live live, int64_t tag);
  /// A bridge from a guard on the exception state (guard_no_exception,
  /// guard_exception) starts with the state it was traced in: with an
  /// exception pending, guard_exception on its type (compiled code catches
  /// it where the twin's handler will; returns the exception value), else
  /// guard_no_exception — with the fail args and resume frames given (the
  /// failed guard's), so a failure in the other state deoptimises there.
  Val<void*> catchPending(std::vector<Ref> failArgs, std::vector<ResumeFrame> frames, int64_t tag);
  /// The exception value of the last call that raised (guard_exception's result).
  Val<void*> exceptionValue() const { return excValue_; }

  // --- guards -------------------------------------------------------------------------
  /// guard_true / guard_false: `cond` must hold now (true / false) — the
  /// twin records the branch it takes; a contradiction aborts. Nothing is
  /// recorded for a constant.
  void guardTrue(Val<int64_t> cond, Live live, int64_t tag);
  void guardFalse(Val<int64_t> cond, Live live, int64_t tag);
  /// The branch on cond: guardTrue or guardFalse as it is now; returns cond.v != 0.
  bool branch(Val<int64_t> cond, Live live, int64_t tag);
  /// promote: records guard_value(x, its current value) and returns the
  /// value as a constant (x itself when already constant).
  template <class T>
  Val<T> guardValue(Val<T> x, Live live, int64_t tag) {
    return Val<T>(x.v, promoteRef(AnyVal(x), live, tag));
  }
  /// promote with a live list built at run time (the merge point's greens
  /// and reds, TwinCtx::mergePoint); returns the constant.
  Ref promoteLive(AnyVal x, std::span<const AnyVal> live, int64_t tag);
  /// guard_class: obj's typeptr (first word) is what it is now; returns the
  /// typeptr as a constant (obj must be non-null).
  Val<void*> guardClass(Val<const void*> obj, Live live, int64_t tag);
  /// guard_nonnull / guard_isnull: must hold now (else abort).
  void guardNonnull(Val<const void*> obj, Live live, int64_t tag);
  void guardIsnull(Val<const void*> obj, Live live, int64_t tag);
  /// guard_not_invalidated: the trace stops being valid when a
  /// quasi-immutable field it folded is written (jitdriver.h quasiWrite).
  void guardNotInvalidated(Live live, int64_t tag) { emitGuard(Op::GUARD_NOT_INVALIDATED, {}, live, tag); }
  /// Branch on a pointer's nullness; returns obj.v != nullptr.
  bool branchNonnull(Val<const void*> obj, Live live, int64_t tag);

 private:
  bool canRecord();
  /// Aborts (and returns false) when a ref is NONE: a value not in the trace.
  bool traced(const std::vector<Ref>& refs);
  Ref emit(Op op, std::vector<Ref> args, uint32_t descr = kNoDescr);
  void emitGuard(Op op, std::vector<Ref> args, Live live, int64_t tag, Ref extra = Ref{});
  void emitGuard(Op op, std::vector<Ref> args, std::span<const AnyVal> live, int64_t tag, Ref extra = Ref{});
  /// The fail args of a guard (outer frames' values, then `live`, then
  /// `extra` when not NONE) and its resume frames.
  std::vector<Ref> failArgs(std::span<const AnyVal> live, int64_t tag, Ref extra,
                            std::vector<ResumeFrame>& frames) const;
  Ref promoteRef(AnyVal x, Live live, int64_t tag);
  void countOp();
  /// Runs a call (for real) and records it; `pure` = call_pure (folding).
  uint64_t doCall(uint32_t call, Kind result, bool pure, Live args, Live live, int64_t tag, Ref& out);
  Ref loadField(Val<const void*> obj, uint32_t field, Kind kind, Op op, uint64_t& bits);
  Ref loadItem(Val<const void*> arr, uint32_t array, Val<int64_t> i, Kind kind, Op op, uint64_t& bits, bool immutable);
  OvfResult ovf(Op op, Val<int64_t> a, Val<int64_t> b, Live live, int64_t tag);

  const DescrTable& descrs_;
  RecorderOptions opts_;
  Trace trace_;
  Status status_ = Status::IDLE;
  std::string abortReason_;
  uint32_t loopDescr_ = kNoDescr;
  std::vector<uint64_t> greenKey_;
  Val<void*> excValue_;
  struct Frame {
    uint32_t code, point;
    std::vector<Ref> live;
  };
  std::vector<Frame> frames_;  // outer frames (pushFrame)
  uint32_t code_ = 0;          // the running twin
  std::map<uint32_t, size_t> opsByCode_;
  std::map<uint32_t, size_t> biggestCall_;
  size_t callOps_ = 0;         // ops of the current call from the portal
  bool hasCode_ = false;       // enterCode() called: guards get frames
};

const char* statusName(Recorder::Status s);

}  // namespace lathe::jit
