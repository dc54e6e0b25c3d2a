//===- x86emit.h - Trace IR to asmjit x86::Compiler nodes (internal) ------===//
// The x86 backend's code generator (x86backend.h is the public side). One
// TraceEmitter turns one trace into one asmjit function, op by op, in three
// translation units:
//   x86emit.cpp      the recipe, values and constants, guards and exits,
//                    labels and jumps, the dispatch switch
//   x86emit_arith.cpp integer, overflow-checked, unsigned and float ops, casts
//   x86emit_mem.cpp   fields, arrays, strings, allocation, calls, exceptions
//
// Every trace value gets a virtual register (Gp for ints and refs, Xmm for
// floats); the Compiler's register allocator maps them to machine registers
// and spills. Cold paths (guard failures, error exits, label entries) are
// collected while the body is emitted and placed after it.
//===----------------------------------------------------------------------===//
#pragma once
#include <asmjit/x86.h>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>
#include "jit/trace.h"
#include "jit/x86/x86backend.h"

namespace lathe::jit::x86emit {

namespace aj = asmjit;
namespace ax = asmjit::x86;

/// What the code refers to outside the trace.
struct EmitContext {
  /// The GC-visible copy of the trace's pointer constants (word k =
  /// ConstPtr k); the code loads them from there.
  const uint64_t* ptrPool;
  /// Per guard: the attached bridge's entry or 0 (X86Code::attachBridge).
  const uint64_t* bridgeSlots;
  /// The X86Code being compiled: every exit writes it into frame[-1].
  const void* self;
  X86Options options;
};

class TraceEmitter {
 public:
  TraceEmitter(ax::Compiler& cc, const Trace& t, const DescrTable& d, const EmitContext& ctx);
  /// Emits the whole function. False (with the reason) for an op or
  /// descriptor this backend cannot compile yet.
  bool emitFunction(std::string* whyNot);

 private:
  // --- bridges compiled into this function (x86emit.cpp) ----------------------------
  /// A guard whose bridge is inlined (X86Options::inlined): its failure
  /// branch goes straight into the bridge's code, emitted after the body,
  /// with the fail args' registers as the bridge's inputs.
  struct ExitValue {
    Ref ref;      ///< the value
    ax::Reg reg;  ///< its register at the exit (none for constants)
    /// A comparison computed only for exits (deferredCond_): `cmp lhs, rhs;
    /// setcc` at the exit, with the operands' registers of the guard.
    int cond = -1;
    ax::Gp lhs = {};
    aj::Operand rhs = {};
  };
  bool deferrable(uint32_t pc) const;
  /// Materialises exit value `v` into a new register (for an inlined
  /// bridge's inputs), or stores it (exit stubs).
  ax::Gp deferredBool(const ExitValue& v);
  /// A field read whose value is still what memory holds: obj.descr == val
  /// (no write to that field, no call, since). An inlined bridge reading
  /// the same field of the same object takes the register instead.
  struct KnownLoad {
    Ref obj;
    uint32_t descr;
    Ref val;
    ax::Reg reg;           ///< val's register at the guard (snapshots for inlined bridges)
    bool nonNull = false;  ///< val is known non-null there
  };
  struct PendingInline {
    aj::Label at;
    const X86InlineBridge* bridge;
    std::vector<ExitValue> failArgs;  // the guard's, with their registers at the guard
    bool done = false;
    std::vector<KnownLoad> loads = {};  // knownLoads_ at the guard
  };
  /// The field reads op pc leaves valid (knownLoads_), before it runs.
  void forgetLoads(uint32_t pc);
  /// An inlined bridge's getfield the guard's loads answer: emitted as a move.
  bool inheritedLoad(uint32_t pc);
  /// The values `refs` with their registers here (a later label gives its
  /// arguments new registers, so exits look them up when they are made).
  std::vector<ExitValue> exitValues(const std::vector<Ref>& refs) const;
  /// Emits the bridges inlined at this emitter's guards, each in its
  /// guard's failure branch: those not emitted yet, or (readyOnly) only
  /// those whose labels are bound — with the cold stubs between stretches
  /// of the body, so their fail args do not live to the end (as stubs).
  void emitInlined(bool readyOnly);
  bool inlineReady(const X86InlineBridge& b) const;
  /// Emits this (an inlined bridge's) emitter's trace in root_'s
  /// function, from the given input registers.
  bool emitInline(const std::vector<ax::Reg>& inputs, std::string* whyNot);
  /// After guard pc: an index checked against a list's length, for checkedByLength.
  void noteLengthCheck(uint32_t pc);
  /// Is `arr` a list's items array that `idx` was checked against the
  /// length of (FieldDescr::itemsAt)? Then arrayItem needs no check of its own.
  bool checkedByLength(Ref arr, Ref idx) const;
  /// The ops from the first to the last, fused guards and cold batches included.
  bool emitBody(std::string* whyNot);

  // --- values (x86emit.cpp) ---------------------------------------------------------
  uint32_t slot(Ref r) const { return r.tag() == Ref::INPUT ? r.index() : nIn_ + r.index(); }
  const TraceOp& op(uint32_t pc) const { return t_.ops[pc]; }
  /// The value of an int or ref operand in a register (constants loaded).
  ax::Gp gp(Ref r);
  /// The value of a float operand in a register.
  ax::Xmm xmm(Ref r);
  /// An int operand as an immediate when it is a constant that fits in
  /// 32 bits (sign-extended), else in a register.
  aj::Operand gpOrImm(Ref r);
  /// A fresh register for op `pc`'s result.
  ax::Gp defGp(uint32_t pc);
  ax::Xmm defXmm(uint32_t pc);
  /// A register holding the 64-bit address `p` (for globals and pools).
  ax::Gp address(const void* p);
  /// Stores a value of any kind into a 64-bit memory word.
  void storeWord(const ax::Mem& m, Ref r);
  ax::Mem frameWord(size_t k) const { return ax::qword_ptr(frame_, static_cast<int32_t>(8 * k)); }

  // --- exits (x86emit.cpp) ----------------------------------------------------------
  /// A cold stub that stores `values` into the frame, marks the exit as
  /// this code's (and a jump's target), and returns `code` — for a guard
  /// (`guard` valid), jumps instead to guardTail(), which calls an attached
  /// bridge first (guardExit). A VIRTUAL fail arg is stored as 0.
  aj::Label exitStub(uint32_t code, const std::vector<Ref>& values, uint32_t guard = kNoOp, uint32_t jumpTarget = kNoDescr);
  /// The tail of every guard's stub, emitted once (the stub sets
  /// guardIndex() and jumps to it): calls the bridge in the guard's slot,
  /// if any, and goes on at the label a bridge jumps back to (a label of
  /// this trace); else returns the guard's index.
  aj::Label guardTail();
  /// The register holding the failing guard's index on the way to guardTail().
  ax::Gp guardIndex();
  /// Loads the j-th label's arguments from frame[0..n) and jumps to it
  /// (an entry at the label, a patched bridge jumping back), through the
  /// checks of the facts the label keeps (labelEntryChecks).
  void enterLabelFromFrame(size_t j);
  /// The block every entry from outside into label j goes through: it
  /// re-checks the facts kept across the label that the code after it
  /// relies on, then jumps to the label. Emitted after the body (only
  /// then is it known which facts were relied on, and where).
  aj::Label labelEntryChecks(size_t j);
  void emitLabelEntryChecks(size_t j);
  /// fail_guards: the countdown before guard `pc`'s own test.
  void failCountdown(uint32_t pc);
  /// The failure stub of guard op `pc` (or the start of its inlined bridge).
  aj::Label guardExit(uint32_t pc);
  /// A cold stub returning error `why` at `pc`, storing `a`, `b` (when
  /// valid) into frame[0], frame[1].
  aj::Label errorExit(uint32_t pc, X86Error why, ax::Gp a = ax::Gp(), ax::Gp b = ax::Gp());
  /// Jumps to `pc`'s error stub when `base` (the value of `r`) is null —
  /// unless `r` is a non-null constant or was checked (or made) before in
  /// the same straight stretch of code (facts are dropped at labels).
  void nullCheck(uint32_t pc, Ref r, const ax::Gp& base);
  /// Whether `r` is known not to be null here.
  bool knownNonNull(Ref r) const;
  void setNonNull(Ref r);
  /// Facts kept across a label (keepFacts): which label arguments the
  /// trace's own jumps pass back unchanged; the facts about them that hold
  /// where the label is reached in order are then true at every iteration.
  void keepFacts(uint32_t pc);
  /// Code at `pc` relies on kept fact k of the current label: the label's
  /// entries from outside check it (the first such pc names the error).
  void relyOnKept(size_t k, uint32_t pc, int32_t lengthOffset = 0);
  /// Whether `r` is known non-null only through a fact kept across the
  /// label that no check in this stretch has relied on yet.
  bool nonNullOnlyKept(Ref r) const;
  /// The guard_true/guard_false that tests op pc's result, when nothing
  /// else reads it but that guard's fail args and only flag-neutral ops
  /// (stores that need no check, debug_merge_point) come between: then the
  /// compare's flags feed the guard's branch and the boolean is never
  /// made. kNoOp otherwise.
  uint32_t fusedGuardOf(uint32_t pc) const;
  bool fusesWithGuard(uint32_t pc) const { return fusedGuardOf(pc) != kNoOp; }
  /// Arranges the branch of a compare fused with its guard, given the
  /// condition that makes op pc's result true: the guard emits the jcc.
  void fusedGuardBranch(uint32_t pc, ax::CondCode whenTrue);
  /// A store that emits no flag-changing instruction here (its base known
  /// non-null, an item's index already bounds-checked).
  bool flagNeutralStore(uint32_t pc) const;
  void emitColdStubs();

  // --- control (x86emit.cpp) --------------------------------------------------------
  void emitEntry();
  bool emitOp(uint32_t pc, std::string* whyNot);
  /// The index in labelOps_ of the label with this LoopDescr, or kNoOp.
  uint32_t labelIndex(uint32_t loopDescr) const;
  void moveTo(const ax::Reg& dst, Ref r);
  /// A jump's parallel move into a label's registers (x86emit.cpp);
  /// `params`: the label's arguments when the jump is in its own trace.
  void moveIntoLabel(const std::vector<ax::Reg>& regs, const std::vector<Ref>& args, const std::vector<Ref>* params);
  void label(uint32_t pc);
  void jump(uint32_t pc);
  void finish(uint32_t pc);

  // --- arithmetic (x86emit_arith.cpp) -----------------------------------------------
  void intBinary(uint32_t pc, aj::InstId inst);
  void intUnary(uint32_t pc, aj::InstId inst);
  void shift(uint32_t pc, aj::InstId inst);
  void intCompare(uint32_t pc, ax::CondCode cc);
  void intIsTrue(uint32_t pc);
  void divMod(uint32_t pc, bool isSigned, bool wantRemainder);
  void overflowOp(uint32_t pc, aj::InstId inst);
  void floatBinary(uint32_t pc, aj::InstId inst);
  void floatSignBit(uint32_t pc, aj::InstId inst);
  void floatCompare(uint32_t pc);
  void castIntToFloat(uint32_t pc);
  void castFloatToInt(uint32_t pc);
  void sameAs(uint32_t pc);
  void ptrCompare(uint32_t pc, ax::CondCode cc);
  /// Zeroes `dst` (before a compare whose outcome setBool stores) and returns it.
  ax::Gp zeroed(const ax::Gp& dst);
  /// Sets the low byte of a zeroed `dst` from condition `cond` of the last compare.
  void setBool(const ax::Gp& dst, ax::CondCode cond);

  // --- guards (x86emit.cpp) ---------------------------------------------------------
  void guardTest(uint32_t pc, bool failIfZero);
  void guardValue(uint32_t pc);
  void guardClass(uint32_t pc);
  void guardOverflow(uint32_t pc, bool failIfOverflow);
  void guardNotInvalidated(uint32_t pc);

  // --- memory, calls, exceptions (x86emit_mem.cpp) ----------------------------------
  void getfield(uint32_t pc);
  void setfield(uint32_t pc);
  /// The address of item args[1] of array args[0], bounds-checked as interp
  /// (once per array and index in a straight stretch of code).
  ax::Mem arrayItem(uint32_t pc, const ArrayDescr& a);
  void getarrayitem(uint32_t pc);
  void setarrayitem(uint32_t pc);
  void arraylen(uint32_t pc);
  void strlen(uint32_t pc);
  void strgetitem(uint32_t pc);
  void load(const ax::Mem& m, Kind kind, uint8_t size, bool isSigned, uint32_t pc);
  void store(ax::Mem m, Kind kind, uint8_t size, Ref value);
  void allocate(uint32_t pc, bool withVtable);
  void newArray(uint32_t pc);
  /// Calls ll_malloc(size) into a fresh register.
  ax::Gp mallocCall(const ax::Gp& size);
  bool call(uint32_t pc, std::string* whyNot);
  void guardNoException(uint32_t pc);
  void guardException(uint32_t pc);

  ax::Compiler& cc_;
  const Trace& t_;
  const DescrTable& d_;
  EmitContext ctx_;
  const uint64_t* ptrPool_;
  uint32_t nIn_;
  ax::Gp frame_;     // uint64_t* frame
  ax::Gp entry_;     // which entry (0 = top, k+1 = label k)
  ax::Gp overflow_;  // the last _ovf op's flag, 0/1 (interp's overflow_)
  bool readsOverflow_ = false;  // a guard reads overflow_ (else it is never written)
  std::vector<ax::Gp> gps_;    // per slot: int/ref values
  std::vector<ax::Xmm> xmms_;  // per slot: float values
  std::vector<aj::Label> labelOf_;     // per op: the asm label of a `label` op
  std::vector<uint32_t> labelOps_;     // op indices of the labels, in order
  std::vector<std::vector<ax::Reg>> labelArgs_;  // per label: its arguments' registers
  std::vector<std::function<void()>> cold_;  // stubs, emitted in batches after guards and after the body
  size_t coldDone_ = 0;                       // how many are emitted
  static constexpr size_t kColdBatch = 32;    // stubs per batch
  std::vector<aj::Label> guardStubs_;  // per guard (invalid until needed)
  aj::Label guardTail_;                // the stubs' shared tail (invalid until needed)
  ax::Gp guardIndex_;                  // the failing guard's index, into guardTail_
  // Straight-line facts: slots known non-null, and (array, index) pairs
  // already bounds-checked. At a label they are dropped, except the ones
  // about arguments the trace's jumps pass back unchanged (keepFacts).
  std::vector<bool> nonNull_;
  std::vector<std::pair<uint32_t, uint32_t>> checkedItems_;
  /// (index, length) bits: the trace checked index <u length (noteLengthCheck).
  std::vector<std::pair<uint32_t, uint32_t>> lengthChecked_;
  struct KeptFact {
    Ref obj;                     ///< non-null (index NONE) / the array
    Ref index;                   ///< in bounds of obj (an item fact)
    uint32_t consumer = kNoOp;   ///< the first op after the label relying on it
    int32_t lengthOffset = 0;    ///< where that op's array keeps its length
  };
  TraceEmitter* root_ = this;  // the emitter of the function (another for an inlined bridge)
  const std::vector<const X86InlineBridge*>* inlined_ = nullptr;  // per guard: its inlined bridge, or null
  std::vector<PendingInline> pendingInline_;
  bool inlineFailed_ = false;       // an inlined bridge could not be emitted
  std::string inlineWhyNot_;
  std::vector<std::vector<KeptFact>> kept_;   // per label
  std::vector<KnownLoad> knownLoads_;         // field reads still valid here (reg unset)
  // An inlined bridge: its parent's loads at the guard, the parent value
  // each of its values is (inputs: the fail args; inherited loads), and
  // whether an effect of its own has made them stale (all, or per descr).
  const std::vector<KnownLoad>* inherited_ = nullptr;
  std::vector<Ref> parentRef_;
  bool inheritedStale_ = false;
  std::vector<uint32_t> staleDescrs_;
  std::vector<aj::Label> labelEntry_;         // per label: its entry checks (invalid until needed)
  std::vector<bool> labelBound_;              // per label: emitted (its registers made)
  size_t curLabel_ = SIZE_MAX;                // the label of the current stretch
  // Use counts, for fusing compares with guards: per slot, uses as an op
  // argument and as a guard's fail arg.
  std::vector<uint32_t> argUses_, failUses_;
  std::vector<int8_t> fusedValue_;  // per slot: -1, or the 0/1 a fused compare's stub stores
  std::vector<int8_t> deferredCond_;  // per slot: -1, or the CondCode of a compare computed at exits only
  std::vector<bool> skip_;          // per op: a guard already emitted by its fused compare
  std::vector<int> fusedCond_;      // per op: the jcc (CondCode) a fused guard emits, or -1
};

}  // namespace lathe::jit::x86emit
