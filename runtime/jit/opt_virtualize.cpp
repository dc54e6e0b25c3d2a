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
//    every virtual it receives is forced (unroll may one day carry them).
//  * Guards do not force the virtuals in their fail args: the guard's
//    resume data describes them (GuardDescr::virtuals, trace.h) with their
//    fields' values appended to the fail args, and a failure materialises
//    them (virtuals.h). Virtuals the input's guards already describe are
//    kept as they are.
//
// Inside the walk a virtual is a Ref with tag VIRTUAL numbered by this pass
// (an index into virts_); forcing substitutes the allocation for it. Guards
// renumber the virtuals they describe in their own GuardDescr.
//===----------------------------------------------------------------------===//
#include <cstring>
#include <optional>
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

class Virtualize {
 public:
  Virtualize(const Trace& in, const DescrTable& d) : in_(in), d_(d), rw_(in, d) {}

  Trace run() {
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
    if (isGuard(op)) return guard(i, forcedArgs(i));
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
    rw_.emitAs(i, Op::SETFIELD, {force(obj), force(value)});
  }

  void getfield(uint32_t i) {
    Ref obj = arg(i, 0);
    uint32_t field = in_.ops[i].descr;
    Virtual* v = virtualOf(obj);
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
    rw_.emitAs(i, Op::SETARRAYITEM, {force(arr), arg(i, 1), force(value)});
  }

  void getarrayitem(uint32_t i) {
    Ref arr = arg(i, 0);
    int64_t k = virtualItem(i, arr);
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
    const GuardDescr& g = in_.guards[o.descr];
    std::vector<Ref> failArgs;
    std::vector<VirtualDescr> virtuals = g.virtuals;  // the input's own come first, numbered as they were
    std::vector<uint32_t> queue;                       // this pass's virtuals, in the guard's order
    std::vector<uint32_t> number(virts_.size(), UINT32_MAX);
    auto describe = [&](Ref r) {
      Virtual* v = virtualOf(r);
      if (!v) return r;
      uint32_t& n = number[r.index()];
      if (n == UINT32_MAX) {
        n = static_cast<uint32_t>(g.virtuals.size() + queue.size());
        queue.push_back(r.index());
      }
      return Ref::virtualRef(n);
    };
    for (Ref a : g.failArgs) failArgs.push_back(a.isVirtual() ? a : describe(val(rw_.map(a))));
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
    Ref r = rw_.out().emitGuard(o.op, std::move(args), std::move(failArgs), g.tag, g.name, g.frames,
                                std::move(virtuals));
    rw_.replace(i, r);
  }

  void label(uint32_t i) {
    for (size_t k = 0; k < in_.ops[i].args.size(); k++) force(arg(i, k));
    rw_.emitLabel(i);  // maps its operands again: the forced allocations
  }

  const Trace& in_;
  const DescrTable& d_;
  TraceRewriter rw_;
  std::vector<Virtual> virts_;  // by this pass's VIRTUAL index
};

}  // namespace

Trace passVirtualize(const Trace& in, const DescrTable& d) { return Virtualize(in, d).run(); }

}  // namespace lathe::jit
