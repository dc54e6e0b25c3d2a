//===- opt_virtualize.cpp - Allocation removal for traces -----------------===//
// Issue 7, pass `virtualize`. Input/output: trace IR. Requires: nothing.
// Invalidates: nothing. Follows RPython's OptVirtualize (Bolz et al.,
// "Allocation Removal by Partial Evaluation in a Tracing JIT", PEPM 2011):
// one forward walk in which allocations start *virtual* and become real
// only where they escape.
//
//  * new, new_with_vtable and new_array with a constant length (up to
//    kMaxVirtualItems) emit nothing: the object is a virtual, a record of
//    the values of its fields (items) written so far. ll_malloc zeroes, so
//    a field never written reads as the zero of its kind.
//  * On a virtual: setfield/getfield, setarrayitem/getarrayitem with a
//    constant index in bounds and arraylen are done on the record (a
//    narrow int read is truncated as memory would: int_and, or a shift
//    pair for signed fields); guard_nonnull and guard_class with its own
//    class (new_with_vtable's vtable, or the constant a `new` object got in
//    its first word: translated programs write OBJECT.typeptr) are
//    removed; ptr_eq/ptr_ne are decided (a virtual is itself and differs
//    from every other value: nothing else can point to it); same_as_r is
//    the virtual. What that exposes goes too (rewrite ran
//    before): ptr_eq/ptr_ne of two constants, guard_true/guard_false on a
//    constant that holds.
//  * Anywhere else a virtual escapes and is *forced* there: its allocation
//    and the setfields of its non-zero fields are emitted (virtuals it
//    points to are forced first; a cycle ends at an object already being
//    forced), and from then on it is an ordinary value. Escapes: call
//    arguments, a store into a non-virtual object or array, label, jump
//    and finish operands, guard_value and guard_isnull, a non-constant or
//    out-of-bounds index, a field the record cannot model (overlapping
//    another, or outside the object), any op not listed above. At a label
//    every virtual it receives is forced — except at the peeled loop's
//    label (LoopDescr::peeled), which only this trace's jump enters: there
//    a virtual passes its fields (a tree of nested virtuals, constants left
//    out) and the loop starts with a virtual of the same shape (RPython's
//    virtual state); the jump must pass one (else the pass runs again
//    with that argument forced).
//  * Guards do not force the virtuals in their fail args: the guard's
//    resume data describes them (GuardDescr::virtuals, trace.h) with their
//    fields' values appended to the fail args, and a failure materialises
//    them (virtuals.h). Virtuals the input's guards already describe are
//    kept as they are.
//
//  * The virtualizable (Trace::vable, the JitDriver's `virtualizables=`
//    red; RPython's virtualizable frames): the fields its FieldDescrs mark
//    `vable`, and the items of the fixed-size arrays `vableItems` fields
//    point to (constant indices), live in trace values. The first read of
//    one is done for real and remembered; later reads take the value;
//    writes only change the value, which may be a virtual. Writes are
//    *delayed*: a guard describes them in its resume data (setfield /
//    setarrayitem entries after its virtuals; a failure redoes them), and
//    they are done for real (flushed) before a finish, before a jump to
//    another loop, before a residual call whose EffectInfo may access a
//    virtualizable (or that gets the frame or one of its arrays: the
//    values it may change, by its EffectInfo, are then forgotten), and
//    before an item access at a variable index. At a label inside the trace (the
//    peeled loop unroll made: only the trace's own jump enters it) the
//    values are loop-carried instead: they become extra label arguments
//    and the jump passes their new values, so a loop reads and writes its
//    frame's fields only in values. Like RPython, this assumes the frame's
//    listed fields are reached only through the virtualizable while the
//    trace runs (other code sees them after a flush).
//
// Inside the walk a virtual is a Ref with tag VIRTUAL numbered by this pass
// (an index into virts_); forcing substitutes the allocation for it. Guards
// renumber the virtuals they describe in their own GuardDescr.
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cstring>
#include <optional>
#include <set>
#include <string>
#include <vector>
#include "jit/opt.h"
#include "jit/semantics.h"

namespace lathe::jit {

namespace {

/// Arrays longer than this are allocated: resume data grows with them.
constexpr int64_t kMaxVirtualItems = 128;

/// A virtual object: what allocates it and its fields written so far.
struct Virtual {
  Op op;
  uint32_t descr;
  uint32_t length;  // new_array
  std::vector<std::pair<uint32_t, Ref>> fields;  // field descr or item index -> value, in order of first write
  Ref forced;                                    // the allocation once forced (NONE while virtual)
};

/// How values cross the peeled loop's label, decided by trying: a first
/// walk assumes the best, the jump tells which assumptions failed, and
/// another walk starts over without them. The keys name what is carried:
/// "aK" label argument K, "sF:I" the virtualizable's slot (field F, item
/// I), and "<key>.N" constant leaf N of a virtual carried as its fields.
struct CarryPlan {
  std::set<std::string> dirty;     ///< slots the loop changes (memory is stale in it)
  std::set<std::string> unshared;  ///< slots that need an argument of their own
  std::set<std::string> varying;   ///< constants (slots, leaves) that do not stay the same
  std::set<std::string> forced;    ///< virtuals not of the same shape at the jump
  bool retry = false;
};

class Virtualize {
 public:
  Virtualize(const Trace& in, const DescrTable& d, CarryPlan& plan) : in_(in), d_(d), rw_(in, d), plan_(plan) {}

  Trace run() {
    if (in_.vable >= 0) vable_ = rw_.map(Ref::input(static_cast<uint32_t>(in_.vable)));
    for (uint32_t i = 0; i < in_.ops.size(); i++) visit(i);
    return removeDeadOps(rw_.take(), d_);
  }

 private:
  // --- dispatch ---------------------------------------------------------------------
  // An if-chain, not a switch: the ops not named here all take the generic
  // path (force every operand, copy the op).
  void visit(uint32_t i) {
    Op op = in_.ops[i].op;
    if (op == Op::NEW || op == Op::NEW_WITH_VTABLE) return allocate(i, 0);
    if (op == Op::NEW_ARRAY) return newArray(i);
    if (op == Op::SETFIELD) return setfield(i);
    if (op == Op::GETFIELD_I || op == Op::GETFIELD_R || op == Op::GETFIELD_F) return getfield(i);
    if (op == Op::SETARRAYITEM) return setarrayitem(i);
    if (op == Op::GETARRAYITEM_I || op == Op::GETARRAYITEM_R || op == Op::GETARRAYITEM_F) return getarrayitem(i);
    if (op == Op::ARRAYLEN) return arraylen(i);
    if (op == Op::PTR_EQ || op == Op::PTR_NE) return ptrCompare(i);
    if (op == Op::SAME_AS_R) return sameAs(i);
    if (op == Op::GUARD_NONNULL || op == Op::GUARD_CLASS) return guardOnObject(i);
    if (op == Op::LABEL) return label(i);
    if (op == Op::JUMP) return jump(i);
    if (isGuard(op)) return guard(i, forcedArgs(i));
    if (op == Op::FINISH) flushVable();
    else if (touchesVable(i)) {
      flushVable();
      forgetWritten(i);
    }
    rw_.emitAs(i, op, forcedArgs(i));
  }

  // --- values -----------------------------------------------------------------------
  /// A new value with forced virtuals replaced by their allocation.
  Ref val(Ref r) const {
    if (r.isVirtual() && !virts_[r.index()].forced.isNone()) return virts_[r.index()].forced;
    return r;
  }
  /// Operand k of old op i as a new value (possibly a virtual).
  Ref arg(uint32_t i, size_t k) { return val(rw_.map(in_.ops[i].args[k])); }
  /// The virtual `r` is, or null.
  Virtual* virtualOf(Ref r) { return r.isVirtual() ? &virts_[r.index()] : nullptr; }
  /// Old op i's operands, every virtual among them forced.
  std::vector<Ref> forcedArgs(uint32_t i) {
    std::vector<Ref> args;
    for (size_t k = 0; k < in_.ops[i].args.size(); k++) args.push_back(force(arg(i, k)));
    return args;
  }
  static bool isZero(const Trace& t, Ref r) {
    if (r.tag() == Ref::CONST_INT) return t.intConst(r) == 0;
    if (r.tag() == Ref::CONST_PTR) return t.ptrConst(r) == nullptr;
    if (r.tag() == Ref::CONST_FLOAT) {
      double v = t.floatConst(r);
      uint64_t bits;
      std::memcpy(&bits, &v, sizeof bits);
      return bits == 0;  // +0.0 only: -0.0 is not what zeroed memory holds
    }
    return false;
  }
  Ref zeroOf(Kind k) {
    Trace& t = rw_.out();
    return k == Kind::REF ? t.constPtr(nullptr) : k == Kind::FLOAT ? t.constFloat(0.0) : t.constInt(0);
  }

  /// Makes `r` real if it is a virtual: emits its allocation, then its
  /// non-zero fields (forcing the virtuals they hold). The allocation is
  /// recorded before the fields, so a cycle back to it finds it.
  Ref force(Ref r) {
    r = val(r);
    Virtual* v = virtualOf(r);
    if (!v) return r;
    uint32_t k = r.index();
    Trace& t = rw_.out();
    Ref obj = v->op == Op::NEW_ARRAY ? t.emit(Op::NEW_ARRAY, {t.constInt(v->length)}, v->descr) : t.emit(v->op, {}, v->descr);
    virts_[k].forced = obj;
    rw_.substitute(r, obj);
    for (size_t f = 0; f < virts_[k].fields.size(); f++) {  // (virts_ may grow: no references held)
      auto [key, value] = virts_[k].fields[f];
      Ref x = force(value);
      if (isZero(t, x)) continue;  // ll_malloc zeroed it
      if (virts_[k].op == Op::NEW_ARRAY) t.emit(Op::SETARRAYITEM, {obj, t.constInt(key), x}, virts_[k].descr);
      else t.emit(Op::SETFIELD, {obj, x}, key);
    }
    return obj;
  }

  /// The value an int of `size` bytes reads back after `x` was stored:
  /// memory truncates and sign- or zero-extends.
  Ref narrowed(Ref x, uint8_t size, bool isSigned) {
    if (size >= 8) return x;
    Trace& t = rw_.out();
    if (x.tag() == Ref::CONST_INT) {
      char buf[8] = {};
      writeInt(buf, size, t.intConst(x));
      return t.constInt(readInt(buf, size, isSigned));
    }
    int bits = 8 * size;
    if (!isSigned) return t.emit(Op::INT_AND, {x, t.constInt((int64_t{1} << bits) - 1)});  // x & (2^bits - 1)
    Ref up = t.emit(Op::INT_LSHIFT, {x, t.constInt(64 - bits)});                            // (x << 64-bits) >> 64-bits
    return t.emit(Op::INT_RSHIFT, {up, t.constInt(64 - bits)});
  }

  static Ref* fieldIn(Virtual& v, uint32_t key) {
    for (auto& [k, value] : v.fields)
      if (k == key) return &value;
    return nullptr;
  }
  static void setIn(Virtual& v, uint32_t key, Ref value) {
    if (Ref* slot = fieldIn(v, key)) *slot = value;
    else v.fields.push_back({key, value});
  }

  // --- allocation -------------------------------------------------------------------
  void allocate(uint32_t i, uint32_t length) {
    const TraceOp& o = in_.ops[i];
    virts_.push_back(Virtual{o.op, o.descr, length, {}, Ref{}});
    rw_.replace(i, Ref::virtualRef(static_cast<uint32_t>(virts_.size() - 1)));
  }

  void newArray(uint32_t i) {
    Ref n = arg(i, 0);
    if (rw_.isConstInt(n) && rw_.intOf(n) >= 0 && rw_.intOf(n) <= kMaxVirtualItems)
      return allocate(i, static_cast<uint32_t>(rw_.intOf(n)));
    rw_.emitAs(i, Op::NEW_ARRAY, {n});  // a bad length stays the error it is
  }

  // --- fields -----------------------------------------------------------------------
  /// Can the record of struct virtual v model field descr `field`: inside
  /// the object, past the vtable word, overlapping no other field written?
  bool models(const Virtual& v, uint32_t field) const {
    if (v.op == Op::NEW_ARRAY) return false;
    const FieldDescr& f = d_.field(field);
    uint32_t first = v.op == Op::NEW_WITH_VTABLE ? sizeof(void*) : 0;
    if (f.offset < first || f.offset + f.size > d_.sizeDescr(v.descr).size) return false;
    for (const auto& [key, value] : v.fields) {
      const FieldDescr& g = d_.field(key);
      if (key != field && f.offset < g.offset + g.size && g.offset < f.offset + f.size) return false;
    }
    return true;
  }

  void setfield(uint32_t i) {
    Ref obj = arg(i, 0), value = arg(i, 1);
    uint32_t field = in_.ops[i].descr;
    if (Virtual* v = virtualOf(obj); v && models(*v, field)) return setIn(*v, field, value);
    if (isVable(obj) && d_.field(field).vable) return setVableField(field, value);
    rw_.emitAs(i, Op::SETFIELD, {force(obj), force(value)});
  }

  void getfield(uint32_t i) {
    Ref obj = arg(i, 0);
    uint32_t field = in_.ops[i].descr;
    Virtual* v = virtualOf(obj);
    if (!v && isVable(obj) && d_.field(field).vable) return getVable(i, field, -1);
    if (!v || !models(*v, field)) {
      rw_.emitAs(i, in_.ops[i].op, {force(obj)});
      return;
    }
    const FieldDescr& f = d_.field(field);
    Ref* value = fieldIn(*v, field);
    Ref x = value ? val(*value) : zeroOf(f.kind);
    rw_.replace(i, f.kind == Kind::INT ? narrowed(x, f.size, f.isSigned) : x);
  }

  // --- arrays -----------------------------------------------------------------------
  /// The item index of old op i on a virtual array it can be done on, or -1.
  int64_t virtualItem(uint32_t i, Ref arr) {
    Virtual* v = virtualOf(arr);
    if (!v || v->op != Op::NEW_ARRAY || v->descr != in_.ops[i].descr) return -1;
    Ref index = arg(i, 1);
    if (!rw_.isConstInt(index) || rw_.intOf(index) < 0 || rw_.intOf(index) >= v->length) return -1;
    return rw_.intOf(index);
  }

  void setarrayitem(uint32_t i) {
    Ref arr = arg(i, 0), value = arg(i, 2);
    if (int64_t k = virtualItem(i, arr); k >= 0) return setIn(*virtualOf(arr), static_cast<uint32_t>(k), value);
    if (uint32_t f = vableArrayField(arr); f != kNoDescr) {
      Ref index = arg(i, 1);
      if (rw_.isConstInt(index) && rw_.intOf(index) >= 0) return setVableItem(f, rw_.intOf(index), in_.ops[i].descr, value);
      flushVableItems(f);  // an unknown item changes: forget them all
      forgetVableItems(f);
    }
    rw_.emitAs(i, Op::SETARRAYITEM, {force(arr), arg(i, 1), force(value)});
  }

  void getarrayitem(uint32_t i) {
    Ref arr = arg(i, 0);
    int64_t k = virtualItem(i, arr);
    if (uint32_t f = vableArrayField(arr); k < 0 && f != kNoDescr) {
      Ref index = arg(i, 1);
      if (rw_.isConstInt(index) && rw_.intOf(index) >= 0) return getVable(i, f, rw_.intOf(index));
      flushVableItems(f);  // the item read may be one of them
    }
    if (k < 0) {
      rw_.emitAs(i, in_.ops[i].op, {force(arr), arg(i, 1)});
      return;
    }
    const ArrayDescr& a = d_.array(in_.ops[i].descr);
    Ref* value = fieldIn(*virtualOf(arr), static_cast<uint32_t>(k));
    Ref x = value ? val(*value) : zeroOf(a.itemKind);
    rw_.replace(i, a.itemKind == Kind::INT ? narrowed(x, a.itemSize, a.itemSigned) : x);
  }

  void arraylen(uint32_t i) {
    Virtual* v = virtualOf(arg(i, 0));
    if (v && v->op == Op::NEW_ARRAY && v->descr == in_.ops[i].descr) return rw_.replace(i, rw_.constInt(v->length));
    rw_.emitAs(i, Op::ARRAYLEN, forcedArgs(i));
  }

  // --- identity and guards on objects -------------------------------------------------
  // ptr_eq(v, v) ==> 1; ptr_eq(v, x) ==> 0 for a virtual v and any other x
  // (x cannot point to v: v never escaped). ptr_ne likewise. Two constants
  // (a virtual's field read back) are folded too: rewrite ran before.
  void ptrCompare(uint32_t i) {
    Ref a = arg(i, 0), b = arg(i, 1);
    bool constants = rw_.isConstPtr(a) && rw_.isConstPtr(b);
    if (!virtualOf(a) && !virtualOf(b) && !constants) {
      rw_.emitAs(i, in_.ops[i].op, {a, b});
      return;
    }
    bool same = a == b;  // (equal pointer constants are pooled: the same Ref)
    rw_.replace(i, rw_.constInt(in_.ops[i].op == Op::PTR_EQ ? same : !same));
  }

  void sameAs(uint32_t i) {
    Ref a = arg(i, 0);
    if (virtualOf(a)) return rw_.replace(i, a);
    rw_.emitAs(i, Op::SAME_AS_R, {a});
  }

  /// The typeptr a virtual struct has in its first word, if known: its
  /// SizeDescr's vtable for new_with_vtable; for new, a constant written
  /// to a word-sized field at offset 0 (how translated programs set
  /// OBJECT.typeptr).
  std::optional<void*> classOf(Virtual& v) {
    if (v.op == Op::NEW_WITH_VTABLE) return d_.sizeDescr(v.descr).vtable;
    if (v.op != Op::NEW) return std::nullopt;
    for (const auto& [key, value] : v.fields) {
      const FieldDescr& f = d_.field(key);
      Ref x = val(value);
      if (f.offset == 0 && f.size == sizeof(void*) && f.kind == Kind::REF && rw_.isConstPtr(x))
        return rw_.out().ptrConst(x);
    }
    return std::nullopt;
  }

  // guard_nonnull(v) and guard_class(v, its class) hold: removed. Any other
  // guard on a virtual forces it (guard_class of another class, or with a
  // first word not known, is checked for real).
  void guardOnObject(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    if (Virtual* v = virtualOf(arg(i, 0))) {
      if (o.op == Op::GUARD_NONNULL) return;
      Ref cls = arg(i, 1);
      std::optional<void*> known = classOf(*v);
      if (known && rw_.isConstPtr(cls) && rw_.out().ptrConst(cls) == *known) return;
    }
    guard(i, forcedArgs(i));
  }

  /// Emits guard i with `args`; the virtuals among its fail args are
  /// described in its resume data instead of forced (trace.h's layout:
  /// their fields' values go after the fail args it had).
  void guard(uint32_t i, std::vector<Ref> args) {
    const TraceOp& o = in_.ops[i];
    // A guard on a comparison this pass decided (ptr_eq of a virtual) holds:
    // guard_true(c != 0), guard_false(0) ==> removed.
    bool isConst = !args.empty() && rw_.isConstInt(args[0]);
    if (isConst && ((o.op == Op::GUARD_TRUE && rw_.intOf(args[0]) != 0) ||
                    (o.op == Op::GUARD_FALSE && rw_.intOf(args[0]) == 0)))
      return;
    // guard_value of a value this pass made the constant it checks for (a
    // virtualizable's field read back, a promoted stack depth): holds.
    if (o.op == Op::GUARD_VALUE && args[0].isConst() && args[0] == args[1]) return;
    const GuardDescr& g = in_.guards[o.descr];
    // The input's own virtuals keep their numbers; its writes (the newest
    // values: set after what this pass knows) go last, since writes come
    // after every allocation (trace.h) and later writes win.
    size_t oldAllocs = 0, oldArgs = 0;
    while (oldAllocs < g.virtuals.size() && !g.virtuals[oldAllocs].isWrite()) oldArgs += g.virtuals[oldAllocs++].numArgs();
    std::vector<VirtualDescr> virtuals(g.virtuals.begin(), g.virtuals.begin() + static_cast<std::ptrdiff_t>(oldAllocs));
    std::vector<VirtualDescr> oldWrites(g.virtuals.begin() + static_cast<std::ptrdiff_t>(oldAllocs), g.virtuals.end());
    std::vector<uint32_t> queue;  // this pass's virtuals, in the guard's order
    std::vector<uint32_t> number(virts_.size(), UINT32_MAX);
    auto describe = [&](Ref r) {
      Virtual* v = virtualOf(r);
      if (!v) return r;
      uint32_t& n = number[r.index()];
      if (n == UINT32_MAX) {
        n = static_cast<uint32_t>(oldAllocs + queue.size());
        queue.push_back(r.index());
      }
      return Ref::virtualRef(n);
    };
    std::vector<Ref> failArgs, oldWriteArgs;
    size_t keep = g.numFrameArgs() + oldArgs;
    for (size_t k = 0; k < g.failArgs.size(); k++) {
      Ref a = g.failArgs[k];
      Ref x = a.isVirtual() ? a : describe(val(rw_.map(a)));
      (k < keep ? failArgs : oldWriteArgs).push_back(x);
    }
    // What the input's writes set needs no write of this pass's.
    std::set<std::pair<uint32_t, int64_t>> covered;  // (field, -1) or (item, array's vableItems field)
    for (size_t k = 0, pos = 0; k < oldWrites.size(); pos += oldWrites[k++].numArgs()) {
      Ref target = oldWriteArgs[pos];
      uint32_t arrayField = vableArrayField(target);
      for (uint32_t key : oldWrites[k].fields) {
        if (oldWrites[k].op == Op::SETFIELD && isVable(target)) covered.insert({key, -1});
        if (oldWrites[k].op == Op::SETARRAYITEM && arrayField != kNoDescr) covered.insert({arrayField, key});
      }
    }
    std::vector<VirtualDescr> writes;
    std::vector<Ref> writeArgs;
    describeVableWrites(writes, writeArgs, describe, covered);
    for (size_t q = 0; q < queue.size(); q++) {  // (describe may grow queue)
      const Virtual& v = virts_[queue[q]];
      VirtualDescr vd{v.op, v.descr, v.length, {}};
      for (const auto& [key, value] : v.fields) {
        Ref x = val(value);
        if (isZero(rw_.out(), x)) continue;  // materialised objects start zeroed
        vd.fields.push_back(key);
        failArgs.push_back(describe(x));
      }
      virtuals.push_back(std::move(vd));
    }
    for (VirtualDescr& w : writes) virtuals.push_back(std::move(w));
    for (VirtualDescr& w : oldWrites) virtuals.push_back(std::move(w));
    failArgs.insert(failArgs.end(), writeArgs.begin(), writeArgs.end());
    failArgs.insert(failArgs.end(), oldWriteArgs.begin(), oldWriteArgs.end());
    Ref r = rw_.out().emitGuard(o.op, std::move(args), std::move(failArgs), g.tag, g.name, g.frames,
                                std::move(virtuals));
    rw_.replace(i, r);
  }

  void label(uint32_t i) {
    if (d_.loop(in_.ops[i].descr).peeled) return peeledLabel(i);
    // Another trace may enter here: the frame must be up to date in memory,
    // and nothing is known after it.
    flushVable();
    vstate_.clear();
    for (size_t k = 0; k < in_.ops[i].args.size(); k++) force(arg(i, k));
    rw_.emitLabel(i);  // maps its operands again: the forced allocations
  }

  // --- the virtualizable ------------------------------------------------------------
  /// A field of the virtualizable (item < 0), or item `item` of the array
  /// its vableItems field `field` holds (descr `array`): its value now, and
  /// whether memory still has an older one.
  struct VableSlot {
    uint32_t field;
    int64_t item;
    uint32_t array;
    Ref value;
    bool dirty;
  };

  bool isVable(Ref obj) const { return !vable_.isNone() && obj == vable_; }

  VableSlot* slot(uint32_t field, int64_t item) {
    for (VableSlot& s : vstate_)
      if (s.field == field && s.item == item) return &s;
    return nullptr;
  }

  /// The vableItems field whose array `arr` is (known from a read or write
  /// of that field in this trace), or kNoDescr.
  uint32_t vableArrayField(Ref arr) const {
    if (arr.isVirtual() || arr.isConst() || vable_.isNone()) return kNoDescr;
    for (const VableSlot& s : vstate_)
      if (s.item < 0 && d_.field(s.field).vableItems && val(s.value) == arr) return s.field;
    return kNoDescr;
  }

  /// getfield (item < 0) or getarrayitem of old op i: the value, or a real
  /// read remembered from now on.
  void getVable(uint32_t i, uint32_t field, int64_t item) {
    if (VableSlot* s = slot(field, item)) {
      Ref x = val(s->value);
      if (item < 0) {
        const FieldDescr& f = d_.field(field);
        if (f.kind == Kind::INT) x = narrowed(x, f.size, f.isSigned);
      } else {
        const ArrayDescr& a = d_.array(s->array);
        if (a.itemKind == Kind::INT) x = narrowed(x, a.itemSize, a.itemSigned);
      }
      return rw_.replace(i, x);
    }
    Ref r = item < 0 ? rw_.emitAs(i, in_.ops[i].op, {vable_}) : rw_.emitAs(i, in_.ops[i].op, {arg(i, 0), arg(i, 1)});
    vstate_.push_back({field, item, item < 0 ? kNoDescr : in_.ops[i].descr, r, false});
  }

  void setVableField(uint32_t field, Ref value) {
    if (d_.field(field).vableItems) {  // another array: its items are another story
      flushVableItems(field);
      forgetVableItems(field);
    }
    if (VableSlot* s = slot(field, -1)) *s = {field, -1, kNoDescr, value, true};
    else vstate_.push_back({field, -1, kNoDescr, value, true});
  }

  void setVableItem(uint32_t field, int64_t item, uint32_t array, Ref value) {
    if (VableSlot* s = slot(field, item)) *s = {field, item, array, value, true};
    else vstate_.push_back({field, item, array, value, true});
  }

  /// Does the write of slot `s` for real.
  void flushSlot(VableSlot& s) {
    if (!s.dirty) return;
    s.dirty = false;
    Ref x = force(s.value);
    Trace& t = rw_.out();
    if (s.item < 0) t.emit(Op::SETFIELD, {vable_, x}, s.field);
    else t.emit(Op::SETARRAYITEM, {val(slot(s.field, -1)->value), t.constInt(s.item), x}, s.array);
  }

  void flushVable() {
    for (size_t k = 0; k < vstate_.size(); k++) flushSlot(vstate_[k]);  // (force may not add slots)
  }
  void flushVableItems(uint32_t field) {
    for (VableSlot& s : vstate_)
      if (s.field == field && s.item >= 0) flushSlot(s);
  }
  void forgetVableItems(uint32_t field) {
    std::erase_if(vstate_, [&](const VableSlot& s) { return s.field == field && s.item >= 0; });
  }

  /// May old op i see or change the virtualizable's fields in memory: a
  /// residual call whose effects may access a virtualizable (or are not
  /// known), or any op with side effects that gets the virtualizable or
  /// one of its arrays.
  bool touchesVable(uint32_t i) {
    if (vstate_.empty()) return false;
    const TraceOp& o = in_.ops[i];
    if (opInfo(o.op).descr == DescrKind::CALL) {
      const EffectInfo& e = d_.call(o.descr).effect;
      if (!e.known || e.accessesVirtualizable) return true;
    }
    for (size_t k = 0; k < o.args.size(); k++) {
      Ref a = arg(i, k);
      if (isVable(a) || vableArrayField(a) != kNoDescr) return hasSideEffects(o.op) || opInfo(o.op).descr == DescrKind::CALL;
    }
    return false;
  }

  /// After old op i (a call, or an op given the frame) ran on the frame in
  /// memory: forget what it may have changed — the fields and the arrays'
  /// items its EffectInfo may write (everything when not known).
  void forgetWritten(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    const EffectInfo* e = opInfo(o.op).descr == DescrKind::CALL ? &d_.call(o.descr).effect : nullptr;
    if (!e || !e->known) {
      vstate_.clear();
      return;
    }
    std::erase_if(vstate_, [&](const VableSlot& s) {
      return s.item < 0 ? e->mayWriteField(s.field) : e->mayWriteArray(s.array) || e->mayWriteField(s.field);
    });
  }

  /// A guard's delayed writes: one setfield entry for the virtualizable's
  /// dirty fields, one setarrayitem entry per array with dirty items.
  template <class Describe>
  void describeVableWrites(std::vector<VirtualDescr>& writes, std::vector<Ref>& args, Describe& describe,
                           const std::set<std::pair<uint32_t, int64_t>>& covered) {
    VirtualDescr fields{Op::SETFIELD, kNoDescr, 0, {}};
    std::vector<Ref> fieldArgs{vable_};
    for (const VableSlot& s : vstate_)
      if (s.dirty && s.item < 0 && !covered.count({s.field, -1})) {
        fields.fields.push_back(s.field);
        fieldArgs.push_back(describe(val(s.value)));
      }
    if (!fields.fields.empty()) {
      writes.push_back(std::move(fields));
      args.insert(args.end(), fieldArgs.begin(), fieldArgs.end());
    }
    for (const VableSlot& a : vstate_) {
      if (a.item >= 0 || !d_.field(a.field).vableItems) continue;
      VirtualDescr items{Op::SETARRAYITEM, kNoDescr, 0, {}};
      std::vector<Ref> itemArgs{val(a.value)};
      for (const VableSlot& s : vstate_)
        if (s.dirty && s.field == a.field && s.item >= 0 && !covered.count({s.field, s.item})) {
          items.descr = s.array;
          items.fields.push_back(static_cast<uint32_t>(s.item));
          itemArgs.push_back(describe(val(s.value)));
        }
      if (items.fields.empty()) continue;
      writes.push_back(std::move(items));
      args.insert(args.end(), itemArgs.begin(), itemArgs.end());
    }
  }

  // --- the loop edge ------------------------------------------------------------------
  /// How a virtual crosses the peeled loop's label: as its fields (a tree,
  /// nested virtuals included), each a label argument — or, for a constant,
  /// nothing: the rebuilt virtual has the constant.
  struct Shape {
    Op op;
    uint32_t descr, length;
    std::vector<uint32_t> keys;
    std::vector<int> child;       // per key: the nested virtual's shape, or -1
    std::vector<Ref> constant;    // per key: the constant leaf, or NONE (an argument)
  };

  /// The shape of virtual `x` (new value) for carrying it, key `key`; its
  /// non-constant leaves appended to `leaves`. -1 when it cannot be carried
  /// (a virtual met twice: shared or cyclic).
  int shapeOf(Ref x, const std::string& key, std::vector<Ref>& leaves, std::set<uint32_t>& seen) {
    if (!seen.insert(x.index()).second) return -1;
    int id = static_cast<int>(shapes_.size());
    {
      const Virtual& v = virts_[x.index()];
      shapes_.push_back(Shape{v.op, v.descr, v.length, {}, {}, {}});
    }
    for (size_t f = 0; f < virts_[x.index()].fields.size(); f++) {  // (force may grow virts_)
      auto [fkey, value] = virts_[x.index()].fields[f];
      Ref y = val(value);
      std::string leaf = key + "." + std::to_string(shapes_[id].keys.size());
      int child = -1;
      Ref constant;
      if (virtualOf(y)) {
        child = shapeOf(y, leaf, leaves, seen);
        if (child < 0) return -1;
      } else if (y.isConst() && !plan_.varying.count(leaf)) {
        constant = y;
      } else {
        leaves.push_back(y);
      }
      shapes_[id].keys.push_back(fkey);
      shapes_[id].child.push_back(child);
      shapes_[id].constant.push_back(constant);
    }
    return id;
  }

  /// A new virtual of shape `id`, its leaves taken from `leaves` at `pos`.
  Ref rebuild(int id, const std::vector<Ref>& leaves, size_t& pos) {
    Virtual v{shapes_[id].op, shapes_[id].descr, shapes_[id].length, {}, Ref{}};
    for (size_t f = 0; f < shapes_[id].keys.size(); f++) {
      Ref x = shapes_[id].child[f] >= 0 ? rebuild(shapes_[id].child[f], leaves, pos)
              : !shapes_[id].constant[f].isNone() ? shapes_[id].constant[f]
                                                  : leaves[pos++];
      v.fields.push_back({shapes_[id].keys[f], x});
    }
    virts_.push_back(std::move(v));
    return Ref::virtualRef(static_cast<uint32_t>(virts_.size() - 1));
  }

  /// At the jump: the leaves of `x` if it is a virtual of shape `id` (a
  /// field it never wrote is zero); false, with the failed assumption in
  /// the plan, if not.
  bool matchShape(int id, Ref x, const std::string& key, std::vector<Ref>& out) {
    const Virtual* v = virtualOf(x);
    const Shape& sh = shapes_[id];
    if (!v || v->op != sh.op || v->descr != sh.descr || v->length != sh.length) return planFails(plan_.forced, key);
    for (const auto& [fkey, value] : v->fields)
      if (std::find(sh.keys.begin(), sh.keys.end(), fkey) == sh.keys.end()) return planFails(plan_.forced, key);
    for (size_t f = 0; f < sh.keys.size(); f++) {
      std::string leaf = key + "." + std::to_string(f);
      const Ref* value = fieldIn(virts_[x.index()], sh.keys[f]);
      Kind kind = sh.op == Op::NEW_ARRAY ? d_.array(sh.descr).itemKind : d_.field(sh.keys[f]).kind;
      Ref y = value ? val(*value) : zeroOf(kind);
      if (sh.child[f] >= 0) {
        if (!matchShape(sh.child[f], y, leaf, out)) return false;
      } else if (!sh.constant[f].isNone()) {
        if (y != sh.constant[f]) return planFails(plan_.varying, leaf);
      } else {
        out.push_back(force(y));
      }
    }
    return true;
  }

  bool planFails(std::set<std::string>& set, const std::string& key) {
    set.insert(key);
    plan_.retry = true;
    return false;
  }

  static std::string slotKey(const VableSlot& s) { return "s" + std::to_string(s.field) + ":" + std::to_string(s.item); }

  /// The peeled loop's label (LoopDescr::peeled: only this trace's jump
  /// enters it), where values are loop-carried rather than forced:
  ///  * a virtual label argument passes its fields (RPython's virtual
  ///    state): the loop gets a virtual of the same shape, none allocated;
  ///  * the virtualizable's known values each go one of four ways (Carry):
  ///    a constant that every iteration leaves as it is needs no argument;
  ///    a virtual passes its fields; a value the label already passes
  ///    shares that argument; any other gets an extra argument. A slot is
  ///    dirty in the loop (memory holds what the loop started with, or
  ///    older) unless it was clean at the label and the loop leaves it so.
  /// The jump passes the new values. Each choice is an assumption the
  /// jump checks (CarryPlan).
  void peeledLabel(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    shapes_.clear();
    argShape_.assign(o.args.size(), -1);
    std::vector<Ref> own, leaves;
    std::vector<bool> dropped(o.args.size(), false);
    for (size_t k = 0; k < o.args.size(); k++) {
      Ref x = arg(i, k);
      std::string key = "a" + std::to_string(k);
      if (virtualOf(x) && !plan_.forced.count(key)) {
        std::vector<Ref> mine;
        std::set<uint32_t> seen;
        int id = shapeOf(x, key, mine, seen);
        if (id >= 0) {
          argShape_[k] = id;
          dropped[k] = true;
          leaves.insert(leaves.end(), mine.begin(), mine.end());
          continue;
        }
      }
      own.push_back(force(x));
    }
    // The virtualizable's slots (after the arguments: sharing looks at them).
    std::vector<Ref> extra = leaves;
    carry_.clear();
    bool hasVable = !vable_.isNone() && std::find(own.begin(), own.end(), vable_) != own.end();
    if (!hasVable) vstate_.clear();
    for (VableSlot& sl : vstate_) {
      std::string key = slotKey(sl);
      Ref x = val(sl.value);
      Carry c;
      if (x.isConst() && !plan_.varying.count(key)) {
        c.mode = Carry::CONSTANT;
      } else if (virtualOf(x) && !plan_.forced.count(key)) {
        std::vector<Ref> mine;
        std::set<uint32_t> seen;
        c.shape = shapeOf(x, key, mine, seen);
        if (c.shape >= 0) {
          c.mode = Carry::FIELDS;
          extra.insert(extra.end(), mine.begin(), mine.end());
        }
      }
      if (c.mode == Carry::ARGUMENT) {
        x = force(x);
        auto at = std::find(own.begin(), own.end(), x);
        if (at != own.end() && !x.isConst() && !plan_.unshared.count(key)) {
          c.mode = Carry::SHARED;
          c.shared = static_cast<int>(at - own.begin());
        } else {
          extra.push_back(x);
        }
      }
      carry_.push_back(c);
    }
    rw_.emitLabel(i, &extra, &dropped);
    const std::vector<Ref>& args = rw_.out().ops.back().args;
    size_t pos = 0;  // into extra: the arguments' leaves first, then the slots'
    for (size_t k = 0; k < o.args.size(); k++)
      if (argShape_[k] >= 0) rw_.replace(o.args[k].index(), rebuild(argShape_[k], extra, pos));  // (only ops are virtual)
    carried_.clear();
    for (size_t k = 0; k < vstate_.size(); k++) {
      VableSlot& sl = vstate_[k];
      const Carry& c = carry_[k];
      switch (c.mode) {
        case Carry::CONSTANT: sl.value = val(sl.value); break;
        case Carry::SHARED: sl.value = args[c.shared]; break;
        case Carry::ARGUMENT: sl.value = extra[pos++]; break;
        case Carry::FIELDS: sl.value = rebuild(c.shape, extra, pos); break;
      }
      sl.dirty = sl.dirty || plan_.dirty.count(slotKey(sl));
      carried_.push_back(sl);
    }
    if (!hasVable) vable_ = Ref{};
    carriedLabel_ = o.descr;
  }

  /// A jump: to the peeled loop's label, the values it carries are passed
  /// along (the virtualizable's re-read where a call made the pass forget
  /// them); to any other, the writes are done. Where an assumption of
  /// peeledLabel fails, the plan learns it and the pass runs again.
  void jump(uint32_t i) {
    const TraceOp& o = in_.ops[i];
    if (o.descr != carriedLabel_ || carriedLabel_ == kNoDescr) {
      flushVable();
      rw_.emitAs(i, Op::JUMP, forcedArgs(i));
      return;
    }
    std::vector<Ref> args, extra;
    for (size_t k = 0; k < o.args.size(); k++) {
      Ref x = arg(i, k);
      if (k < argShape_.size() && argShape_[k] >= 0) matchShape(argShape_[k], x, "a" + std::to_string(k), extra);
      else args.push_back(force(x));
    }
    for (size_t k = 0; k < carried_.size(); k++) {
      const VableSlot& c = carried_[k];
      const Carry& how = carry_[k];
      std::string key = slotKey(c);
      VableSlot* now = slot(c.field, c.item);
      if (!c.dirty && (!now || now->dirty || val(now->value) != c.value)) planFails(plan_.dirty, key);  // changed after all
      Ref x = currentValue(c);
      switch (how.mode) {
        case Carry::CONSTANT:
          if (x != c.value) planFails(plan_.varying, key);
          break;
        case Carry::FIELDS: matchShape(how.shape, x, key, extra); break;
        case Carry::SHARED:
          if (args[how.shared] != force(x)) planFails(plan_.unshared, key);  // the shared argument goes its own way
          break;
        case Carry::ARGUMENT: extra.push_back(force(x)); break;
      }
    }
    args.insert(args.end(), extra.begin(), extra.end());
    rw_.emitAs(i, Op::JUMP, std::move(args));
  }

  /// The value of carried slot `c` now: known, or read from memory (which
  /// is up to date: only a flush makes the pass forget).
  Ref currentValue(const VableSlot& c) {
    if (VableSlot* s = slot(c.field, c.item)) return val(s->value);
    Trace& t = rw_.out();
    auto read = [&](Kind k, bool item) {
      if (item) return k == Kind::INT ? Op::GETARRAYITEM_I : k == Kind::REF ? Op::GETARRAYITEM_R : Op::GETARRAYITEM_F;
      return k == Kind::INT ? Op::GETFIELD_I : k == Kind::REF ? Op::GETFIELD_R : Op::GETFIELD_F;
    };
    Ref x;
    if (c.item < 0) {
      x = t.emit(read(d_.field(c.field).kind, false), {vable_}, c.field);
    } else {
      Ref arr = val(currentValueOfField(c.field));
      x = t.emit(read(d_.array(c.array).itemKind, true), {arr, t.constInt(c.item)}, c.array);
    }
    vstate_.push_back({c.field, c.item, c.array, x, false});
    return x;
  }
  Ref currentValueOfField(uint32_t field) {
    for (const VableSlot& c : carried_)
      if (c.field == field && c.item < 0) return currentValue(c);
    VableSlot f{field, -1, kNoDescr, Ref{}, false};
    return currentValue(f);
  }

  const Trace& in_;
  const DescrTable& d_;
  TraceRewriter rw_;
  std::vector<Virtual> virts_;  // by this pass's VIRTUAL index
  Ref vable_;                     // the virtualizable (new value), or NONE
  std::vector<VableSlot> vstate_;  // its fields and items known, in order of first access
  std::vector<VableSlot> carried_;  // the slots the carrying label takes, as they were there
  /// How a slot goes through the peeled loop's label (peeledLabel).
  struct Carry {
    enum Mode { ARGUMENT, SHARED, CONSTANT, FIELDS } mode = ARGUMENT;
    int shared = -1;  // SHARED: the label argument
    int shape = -1;   // FIELDS: the virtual's shape
  };
  std::vector<Carry> carry_;        // per carried slot
  std::vector<Shape> shapes_;       // of the virtuals the peeled loop's label carries
  std::vector<int> argShape_;       // per label argument: its shape, or -1 (passed as it is)
  uint32_t carriedLabel_ = kNoDescr;
  CarryPlan& plan_;
};

}  // namespace

Trace passVirtualize(const Trace& in, const DescrTable& d) {
  CarryPlan plan;
  for (;;) {  // each retry gives up one assumption: at most two per slot
    plan.retry = false;
    Trace out = Virtualize(in, d, plan).run();
    if (!plan.retry) return out;
  }
}

}  // namespace lathe::jit
