//===- trace.h - The trace IR: ops, refs, descriptors, traces -------------===//
// DESIGN §6. A trace is a straight-line list of operations recorded from a
// traced twin (issue 5), rewritten by the optimizer passes (issue 7) and run
// by a backend (interp.h now, x86 later). Its text form (trace_text.h) is the
// currency of tests and logs.
//
// Invariants (checked by verify()):
//  * SSA: every value is defined once — a trace input or an op result — and
//    used only after its definition. After a `label`, only the label's
//    arguments and values defined after it are visible (RPython's rule: the
//    label is the loop header, its arguments are the loop-carried values).
//  * Operand and result kinds agree with traceops.def and the descriptors.
//  * Every guard has its own GuardDescr (fail args defined at the guard).
//  * The trace ends with `jump` or `finish`, and only there; a jump passes
//    as many values, of the same kinds, as its target label takes.
//
// Values are referred to by Ref (32 bits, see below); constants live in
// per-trace pools, constant pointers in a RootTable the GC scans (gcroots.h).
// Descriptors that are the program's (fields, arrays, calls, sizes, loop
// tokens) live in a DescrTable shared by all traces and are referred to by
// index and, in text, by name; GuardDescrs and debug texts belong to the
// trace.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>
#include "jit/gcroots.h"

namespace lathe::jit {

/// The kind of a trace value (and of op results; VOID = no result).
enum class Kind : uint8_t { INT, REF, FLOAT, VOID };

/// "int", "ref", "float", "void" (for messages).
const char* kindName(Kind k);
/// The variable-name prefix of a kind in the text format: 'i', 'p', 'f'.
char kindPrefix(Kind k);

/// Which descriptor an op takes (the DESCR column of traceops.def).
enum class DescrKind : uint8_t { NONE, FIELD, ARRAY, CALL, SIZE, LOOP, GUARD, TEXT };

/// The FLAGS column of traceops.def.
enum OpFlag : uint8_t {
  OPF_GUARD = 1,   ///< a guard
  OPF_EFFECT = 2,  ///< has side effects
  OPF_PURE = 4,    ///< result depends only on the operands
  OPF_RAISE = 8,   ///< may leave an exception pending
};

/// Trace operations, one per row of traceops.def (Op::INT_ADD prints as int_add).
enum class Op : uint16_t {
#define TRACEOP(NAME, text, sig, result, descr, flags) NAME,
#include "jit/traceops.def"
#undef TRACEOP
};

/// One row of traceops.def.
struct OpInfo {
  const char* name;  ///< printed name
  const char* sig;   ///< operand kinds: i r f a, or "*" for any number of any kind
  Kind result;       ///< result kind
  DescrKind descr;   ///< descriptor the op needs
  uint8_t flags;     ///< OpFlag bits
};

inline constexpr OpInfo kOpInfo[] = {
#define TRACEOP(NAME, text, sig, result, descr, flags) \
  {text, sig, Kind::result, DescrKind::descr, static_cast<uint8_t>(flags)},
#include "jit/traceops.def"
#undef TRACEOP
};
inline constexpr size_t kNumOps = sizeof(kOpInfo) / sizeof(kOpInfo[0]);

inline const OpInfo& opInfo(Op op) { return kOpInfo[static_cast<size_t>(op)]; }
inline const char* opName(Op op) { return opInfo(op).name; }
inline bool isGuard(Op op) { return opInfo(op).flags & OPF_GUARD; }
inline bool hasSideEffects(Op op) { return opInfo(op).flags & OPF_EFFECT; }
inline bool isPure(Op op) { return opInfo(op).flags & OPF_PURE; }
inline bool canRaise(Op op) { return opInfo(op).flags & OPF_RAISE; }
inline bool isVariadic(Op op) { return opInfo(op).sig[0] == '*'; }
/// The op with this printed name, if any.
std::optional<Op> opFromName(std::string_view name);

// ORDER OP: the guards are one contiguous run of rows.
static_assert(static_cast<int>(Op::GUARD_NOT_INVALIDATED) - static_cast<int>(Op::GUARD_TRUE) == 10,
              "traceops.def: guards must be contiguous, GUARD_TRUE first");

/// A reference to a trace value, packed in 32 bits:
///
///   31    29 28                          0
///   +-------+-----------------------------+
///   |  tag  |           index             |
///   +-------+-----------------------------+
///
///   NONE         no value (the result of a void op)
///   INPUT        trace.inputs[index]
///   OP           the result of trace.ops[index]
///   CONST_INT    trace's int constant pool [index]
///   CONST_FLOAT  trace's float constant pool [index]
///   CONST_PTR    trace's GC-visible pointer pool [index]
///   VIRTUAL      virtual object [index] of the guard whose fail args hold
///                it (GuardDescr::virtuals): only ever a fail arg
///
/// (Tags 0..6 of 8: one tag is left.) The optimizer's virtualize pass also
/// uses VIRTUAL refs internally, numbered its own way, for values it has
/// not allocated; none reaches an op's operands in its output.
struct Ref {
  enum Tag : uint32_t { NONE, INPUT, OP, CONST_INT, CONST_FLOAT, CONST_PTR, VIRTUAL };
  static constexpr uint32_t kIndexBits = 29;
  static constexpr uint32_t kMaxIndex = (1u << kIndexBits) - 1;

  uint32_t bits = 0;

  static Ref make(Tag tag, uint32_t index) { return Ref{(static_cast<uint32_t>(tag) << kIndexBits) | index}; }
  static Ref input(uint32_t i) { return make(INPUT, i); }
  static Ref op(uint32_t i) { return make(OP, i); }
  static Ref virtualRef(uint32_t i) { return make(VIRTUAL, i); }
  Tag tag() const { return static_cast<Tag>(bits >> kIndexBits); }
  uint32_t index() const { return bits & kMaxIndex; }
  bool isNone() const { return tag() == NONE; }
  bool isConst() const { return tag() >= CONST_INT && tag() <= CONST_PTR; }
  bool isVirtual() const { return tag() == VIRTUAL; }
  friend bool operator==(Ref a, Ref b) { return a.bits == b.bits; }
  friend bool operator!=(Ref a, Ref b) { return a.bits != b.bits; }
};

/// A field of a struct: getfield_*/setfield.
struct FieldDescr {
  std::string name;        ///< "Class.field" by convention
  uint32_t offset = 0;     ///< byte offset in the struct
  Kind kind = Kind::INT;   ///< INT (size 1, 2, 4 or 8), REF (8) or FLOAT (8)
  uint8_t size = 8;        ///< bytes
  bool isSigned = true;    ///< INT fields narrower than 8 bytes: sign- or zero-extend
  bool immutable = false;  ///< _immutable_fields_: reads of constant objects fold (issue 7)
  /// Listed in its class's `_virtualizable_` (issue 7): on the trace's
  /// virtualizable (Trace::vable) the field lives in trace values. With
  /// `vableItems` the field is a `name[*]` entry: it points to a
  /// fixed-size array whose items live in trace values too.
  bool vable = false;
  bool vableItems = false;
  /// The field never holds a negative value (a list's `length`): intbounds
  /// starts its reads at [0, 2^63 - 1].
  bool nonneg = false;
  /// A resizable list's `length` (with nonneg): the array the field at this
  /// byte offset of the same object points to (its `items`) has at least
  /// that many items, whenever both are read with no write in between. The
  /// x86 backend then leaves out its own index check on items the trace
  /// has bounds-checked against the length (x86emit_mem.cpp). -1: none.
  int32_t itemsAt = -1;
};

/// The items of an array (RArray layout by default: length word, then items).
struct ArrayDescr {
  std::string name;
  Kind itemKind = Kind::INT;
  uint8_t itemSize = 8;
  bool itemSigned = true;
  uint32_t baseOffset = 8;    ///< offset of item 0
  uint32_t lengthOffset = 0;  ///< offset of the int64_t length
  bool immutable = false;     ///< `name[*]` in _immutable_fields_ (issue 7)
};

/// What a residual call may do (issue 7 item 2; computed by jitgen from the
/// low-level graphs, jitgen/effects.cpp). The heap pass keeps its caches
/// across a call for every field and array the call cannot write.
///
/// `known = false` (the default, and what a call without analysis gets)
/// means "may read and write anything". With `known = true` the four sets
/// list DescrTable indices: FieldDescrs in readsFields/writesFields,
/// ArrayDescrs in readsArrays/writesArrays (sorted, no duplicates).
struct EffectInfo {
  bool canRaise = true;   ///< may set the exception state
  bool elidable = false;  ///< @elidable: same arguments, same result, no effects
  bool known = false;     ///< the sets below are exact; false: anything
  std::vector<uint32_t> readsFields{}, writesFields{};
  std::vector<uint32_t> readsArrays{}, writesArrays{};
  /// May read or write a virtualizable's fields (through the frame object
  /// rather than the trace's copies): the virtualize pass writes the
  /// virtualizable back before such a call.
  bool accessesVirtualizable = true;

  /// Whether the call may write field / array descr `d`.
  bool mayWriteField(uint32_t d) const;
  bool mayWriteArray(uint32_t d) const;
  bool mayReadField(uint32_t d) const;
  bool mayReadArray(uint32_t d) const;
};

/// A residual call target: called with args of argKinds, returns `result`.
/// The function must have exactly the C type those kinds spell
/// (int64_t / void* / double parameters and result).
struct CallDescr {
  std::string name;
  void* fn = nullptr;
  std::vector<Kind> argKinds;
  Kind result = Kind::VOID;
  EffectInfo effect;
  /// Optional: the same call taking its arguments as an array of words and
  /// returning the result's bits (jitgen generates one per descr), for
  /// callers that cannot spell every signature (any arity, any kinds).
  uint64_t (*thunk)(const uint64_t* args) = nullptr;
};

/// A struct to allocate: new / new_with_vtable.
struct SizeDescr {
  std::string name;
  uint32_t size = 0;
  void* vtable = nullptr;  ///< stored in the first word by new_with_vtable
};

/// A loop's target token: names a label; jumps refer to it.
/// argKinds, when set, is the label's signature, so traces that jump to a
/// label in another trace (bridges) can be verified too.
struct LoopDescr {
  std::string name;
  std::optional<std::vector<Kind>> argKinds;
  /// The label of a peeled loop (unroll's `loopN.body`): only the jump at
  /// the end of its own trace enters it, so the optimizer may change what
  /// it takes (virtualize carries virtuals and the virtualizable through it).
  bool peeled = false;
};

using Descr = std::variant<FieldDescr, ArrayDescr, CallDescr, SizeDescr, LoopDescr>;

/// The program's descriptors, by index and by name (shared by all traces;
/// the text format names them). Also the named pointer constants that text
/// may spell ConstPtr(name); their values are kept GC-visible here.
class DescrTable {
 public:
  /// Adds a descriptor; its name must be new. Returns its index.
  uint32_t add(Descr d);
  /// The index of the descriptor with this name.
  std::optional<uint32_t> find(std::string_view name) const;
  size_t size() const { return descrs_.size(); }
  const Descr& operator[](uint32_t i) const { return descrs_[i]; }
  DescrKind kindOf(uint32_t i) const;
  const std::string& name(uint32_t i) const;

  const FieldDescr& field(uint32_t i) const { return std::get<FieldDescr>(descrs_[i]); }
  const ArrayDescr& array(uint32_t i) const { return std::get<ArrayDescr>(descrs_[i]); }
  const CallDescr& call(uint32_t i) const { return std::get<CallDescr>(descrs_[i]); }
  const SizeDescr& sizeDescr(uint32_t i) const { return std::get<SizeDescr>(descrs_[i]); }
  const LoopDescr& loop(uint32_t i) const { return std::get<LoopDescr>(descrs_[i]); }

  /// Names a pointer constant for the text format (name must be new and
  /// not "null").
  void namePointer(std::string name, void* p);
  /// The pointer named `name`.
  std::optional<void*> pointer(std::string_view name) const;
  /// The first name given to `p`, or null.
  const std::string* pointerName(const void* p) const;

 private:
  std::vector<Descr> descrs_;
  std::map<std::string, uint32_t, std::less<>> byName_;
  std::vector<std::string> ptrNames_;
  RootTable ptrValues_;  // parallel to ptrNames_
};

/// One frame of a guard's resume data (DESIGN §6): the traced twin it
/// belongs to (`code`, the twin's number in the generated program), the
/// twin's resume point, and how many of the guard's fail args are this
/// frame's values. Frames are outermost (the portal) first; the fail args
/// are their values concatenated in that order.
struct ResumeFrame {
  uint32_t code = 0;
  uint32_t point = 0;
  uint32_t numValues = 0;
  bool operator==(const ResumeFrame&) const = default;
};

inline constexpr uint32_t kNoDescr = UINT32_MAX;

/// What a failure of the guard must do to the heap before the frames'
/// values are used (virtualize, issue 7). Either
///  * an object the optimizer did not allocate, to materialise: `op` NEW or
///    NEW_WITH_VTABLE with a SizeDescr, or NEW_ARRAY with an ArrayDescr and
///    `length` items, and which of its fields (FieldDescr indices) or items
///    (indices) to fill, in order; every other field stays zero (ll_malloc
///    zeroes); or
///  * a write the optimizer delayed into an existing object (the fields of
///    a virtualizable, Trace::vable): `op` SETFIELD with `fields` FieldDescr
///    indices, or SETARRAYITEM with an ArrayDescr and item indices. Writes
///    come after every allocation, so virtual k is entry k.
/// The values (the target of a write first, then one per field) are fail
/// args of the guard (GuardDescr below).
struct VirtualDescr {
  Op op = Op::NEW;
  uint32_t descr = kNoDescr;
  uint32_t length = 0;           ///< NEW_ARRAY: number of items
  std::vector<uint32_t> fields;  ///< field descrs, or item indices for arrays
  bool operator==(const VirtualDescr&) const = default;
  bool isWrite() const { return op == Op::SETFIELD || op == Op::SETARRAYITEM; }
  /// How many fail args it takes: its fields' values (and a write's target).
  size_t numArgs() const { return fields.size() + (isWrite() ? 1 : 0); }
};

/// A guard's descriptor, one per guard, owned by the trace: the values live
/// at the guard (its fail args, printed in brackets), its resume data
/// (`frames`, printed `resume=code.point.count/...`; empty in hand-written
/// traces; `virtuals`, printed `virtuals=[...]`) and a user tag (free for
/// tests; the innermost resume point when the recorder writes frames).
///
/// The fail args are the frames' values, then each entry's values
/// (numArgs(): a write's target, then one value per field), entry 0's first:
///
///   failArgs  [ frame values ... | virtuals[0]'s values | virtuals[1]'s values | ... ]
///              numFrameArgs()      numVirtualFields() in all
///
/// A fail arg Ref::virtualRef(k), in either part, stands for virtual k (a
/// field pointing to a virtual, cycles included). Backends hand back every
/// fail arg, a virtual as the placeholder 0; materializeVirtuals()
/// (virtuals.h) allocates and fills the virtuals and leaves the frame
/// values, which is what deoptimisation and bridges consume.
struct GuardDescr {
  std::string name;            ///< unique in the trace ("g0", ...)
  std::vector<Ref> failArgs;   ///< values handed back when the guard fails
  int64_t tag = 0;             ///< printed as tag=N when not 0
  std::vector<ResumeFrame> frames;  ///< resume data; numValues sum to numFrameArgs()
  std::vector<VirtualDescr> virtuals;  ///< objects to materialise, writes to redo, on failure

  /// How many fail args belong to the virtuals and writes.
  size_t numVirtualFields() const {
    size_t n = 0;
    for (const VirtualDescr& v : virtuals) n += v.numArgs();
    return n;
  }
  /// How many fail args are the frames' values (the rest: virtuals' fields).
  size_t numFrameArgs() const {
    size_t f = numVirtualFields();
    return failArgs.size() >= f ? failArgs.size() - f : 0;
  }
};

/// One operation. `descr` indexes the DescrTable (FIELD, ARRAY, CALL, SIZE,
/// LOOP), the trace's guards (GUARD) or its texts (TEXT).
struct TraceOp {
  Op op;
  Kind type;  ///< result kind (= opInfo(op).result)
  std::vector<Ref> args;
  uint32_t descr = kNoDescr;
};

/// A trace: inputs, ops, constant pools, guard descriptors, debug texts.
class Trace {
 public:
  std::vector<Kind> inputs;
  /// The input that is the JitDriver's virtualizable (`virtualizables=`),
  /// or -1: the fields its FieldDescrs mark `vable` live in trace values
  /// (virtualize). Printed `vable=pN` after the inputs.
  int32_t vable = -1;
  std::vector<TraceOp> ops;
  std::vector<GuardDescr> guards;
  std::vector<std::string> texts;

  /// Declares the next input.
  Ref addInput(Kind k);
  /// Constants (pooled: equal values share a Ref; floats compare by bits).
  Ref constInt(int64_t v);
  Ref constFloat(double v);
  /// A pointer constant, kept visible to the GC while the trace lives;
  /// `name` (optional) is how the printer spells it.
  Ref constPtr(void* p, std::string name = {});

  /// Appends an op; returns its result (Ref::NONE for void ops).
  Ref emit(Op op, std::vector<Ref> args = {}, uint32_t descr = kNoDescr);
  /// Appends a guard with a fresh GuardDescr (named "g<N>" when `name` is empty).
  Ref emitGuard(Op op, std::vector<Ref> args, std::vector<Ref> failArgs, int64_t tag = 0,
                std::string name = {}, std::vector<ResumeFrame> frames = {},
                std::vector<VirtualDescr> virtuals = {});
  /// Appends debug_merge_point('text').
  void emitDebugMergePoint(std::string text);

  /// The kind of a value (VOID for NONE or out-of-range refs; REF for a
  /// VIRTUAL ref).
  Kind kindOf(Ref r) const;
  int64_t intConst(Ref r) const { return ints_[r.index()]; }
  double floatConst(Ref r) const { return floats_[r.index()]; }
  void* ptrConst(Ref r) const { return reinterpret_cast<void*>(ptrs_[r.index()]); }
  const std::string& ptrConstName(Ref r) const { return ptrNames_[r.index()]; }
  size_t numIntConsts() const { return ints_.size(); }
  size_t numFloatConsts() const { return floats_.size(); }
  size_t numPtrConsts() const { return ptrs_.size(); }

 private:
  std::vector<int64_t> ints_;
  std::vector<double> floats_;
  RootTable ptrs_;  // GC-visible: the collector sees every ConstPtr
  std::vector<std::string> ptrNames_;
};

inline constexpr uint32_t kNoOp = UINT32_MAX;

/// A problem verify() found: at op `op` (kNoOp: the trace as a whole).
struct TraceError {
  uint32_t op;
  std::string message;
};

/// Checks the invariants listed at the top of this file; empty = valid.
std::vector<TraceError> verify(const Trace& t, const DescrTable& descrs);

/// Compares two traces by meaning: the same inputs, ops, descriptors, guard
/// descrs and texts, with constants compared by value (pool order does not
/// matter). Returns "" when they are the same, else the first difference.
std::string traceDifference(const Trace& a, const Trace& b);

}  // namespace lathe::jit
