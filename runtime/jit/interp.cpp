//===- interp.cpp - Backend `interp`: executes trace IR -------------------===//
// See interp.h. One frame slot per trace input and per op (op i's result is
// slot inputs+i); a jump copies its operands into its label's argument slots
// and continues after the label. Everything a bad trace could turn into
// undefined behaviour in C++ is defined here instead, deterministically:
// integer ops wrap, x/0 and x%0 give 0, cast_float_to_int of NaN or an
// out-of-range double gives INT64_MIN (x86's "integer indefinite", so the
// x86 backend can agree), null bases and out-of-bounds indices stop the run
// with an error.
//===----------------------------------------------------------------------===//
#include "jit/interp.h"
#include <cmath>
#include <map>
#include <type_traits>
#include <utility>
#include "llexc.h"
#include "llgc.h"
#include "rstr.h"

namespace lathe::jit {

namespace {

// --- calls through CallDescr function pointers ------------------------------------
// The callee's C type is spelled by the descr's kinds (int64_t, void*, double);
// every combination of up to kMaxCallArgs arguments is instantiated below.
constexpr size_t kMaxCallArgs = 4;

template <class T> T unwrap(Value v) {
  if constexpr (std::is_same_v<T, int64_t>) return v.asInt();
  else if constexpr (std::is_same_v<T, double>) return v.asFloat();
  else return v.asRef();
}
template <class T> Value wrap(T x) {
  if constexpr (std::is_same_v<T, int64_t>) return Value::i(x);
  else if constexpr (std::is_same_v<T, double>) return Value::f(x);
  else return Value::r(x);
}

template <class R, class... A>
struct Invoker {
  template <size_t... K>
  static Value call(void* fn, const Value* args, std::index_sequence<K...>) {
    auto f = reinterpret_cast<R (*)(A...)>(fn);
    if constexpr (std::is_void_v<R>) {
      f(unwrap<A>(args[K])...);
      return Value{};
    } else {
      return wrap<R>(f(unwrap<A>(args[K])...));
    }
  }
};

/// Builds the argument type list from c.argKinds, one kind at a time.
template <class R, class... A>
bool callWithArgs(const CallDescr& c, const Value* args, Value& out) {
  constexpr size_t n = sizeof...(A);
  if (n == c.argKinds.size()) {
    out = Invoker<R, A...>::call(c.fn, args, std::index_sequence_for<A...>{});
    return true;
  }
  if constexpr (n < kMaxCallArgs) {
    switch (c.argKinds[n]) {
      case Kind::INT: return callWithArgs<R, A..., int64_t>(c, args, out);
      case Kind::REF: return callWithArgs<R, A..., void*>(c, args, out);
      case Kind::FLOAT: return callWithArgs<R, A..., double>(c, args, out);
      case Kind::VOID: return false;
    }
  }
  return false;
}

bool callDescr(const CallDescr& c, const Value* args, Value& out) {
  if (!c.fn || c.argKinds.size() > kMaxCallArgs) return false;
  switch (c.result) {
    case Kind::INT: return callWithArgs<int64_t>(c, args, out);
    case Kind::REF: return callWithArgs<void*>(c, args, out);
    case Kind::FLOAT: return callWithArgs<double>(c, args, out);
    case Kind::VOID: return callWithArgs<void>(c, args, out);
  }
  return false;
}

// --- integer semantics (defined for every input) ---------------------------------
int64_t wrapAdd(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
int64_t wrapSub(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b)); }
int64_t wrapMul(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); }
int64_t truncDiv(int64_t a, int64_t b) { return b == 0 ? 0 : (b == -1 ? wrapSub(0, a) : a / b); }
int64_t truncMod(int64_t a, int64_t b) { return b == 0 || b == -1 ? 0 : a % b; }
int64_t shiftLeft(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) << (b & 63)); }
int64_t shiftRight(int64_t a, int64_t b) { return a >> (b & 63); }  // arithmetic (C++20)
uint64_t u(int64_t a) { return static_cast<uint64_t>(a); }
int64_t s(uint64_t a) { return static_cast<int64_t>(a); }
int64_t floatToInt(double v) {
  // [-2^63, 2^63) converts; the rest (and NaN) is "integer indefinite".
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(v);
}

int64_t readInt(const char* p, uint8_t size, bool isSigned) {
  switch (size) {
    case 1: { uint8_t x; std::memcpy(&x, p, 1); return isSigned ? int64_t{static_cast<int8_t>(x)} : int64_t{x}; }
    case 2: { uint16_t x; std::memcpy(&x, p, 2); return isSigned ? int64_t{static_cast<int16_t>(x)} : int64_t{x}; }
    case 4: { uint32_t x; std::memcpy(&x, p, 4); return isSigned ? int64_t{static_cast<int32_t>(x)} : int64_t{x}; }
    default: { int64_t x; std::memcpy(&x, p, 8); return x; }
  }
}

void writeInt(char* p, uint8_t size, int64_t v) {
  switch (size) {
    case 1: { auto x = static_cast<uint8_t>(v); std::memcpy(p, &x, 1); return; }
    case 2: { auto x = static_cast<uint16_t>(v); std::memcpy(p, &x, 2); return; }
    case 4: { auto x = static_cast<uint32_t>(v); std::memcpy(p, &x, 4); return; }
    default: std::memcpy(p, &v, 8); return;
  }
}

/// Reads a value of `kind` (INT of `size` bytes) at p.
Value load(const char* p, Kind kind, uint8_t size, bool isSigned) {
  if (kind == Kind::INT) return Value::i(readInt(p, size, isSigned));
  Value v;
  std::memcpy(&v.bits, p, 8);  // REF and FLOAT: one 8-byte word
  return v;
}

void store(char* p, Kind kind, uint8_t size, Value v) {
  if (kind == Kind::INT) return writeInt(p, size, v.asInt());
  std::memcpy(p, &v.bits, 8);
}

class Interp {
 public:
  Interp(const Trace& t, const DescrTable& d, const InterpOptions& opts)
      : t_(t), d_(d), opts_(opts), nIn_(static_cast<uint32_t>(t.inputs.size())), frame_(t.inputs.size() + t.ops.size()) {
    for (uint32_t i = 0; i < t.ops.size(); i++)
      if (t.ops[i].op == Op::LABEL) labels_.emplace(t.ops[i].descr, i);
  }

  InterpResult run(std::span<const Value> inputs) {
    if (inputs.size() != t_.inputs.size())
      return fail(kNoOp, "the trace takes " + std::to_string(t_.inputs.size()) + " inputs, got " +
                             std::to_string(inputs.size()));
    for (uint32_t k = 0; k < nIn_; k++) frame_[k] = inputs[k].bits;
    uint32_t pc = 0;
    while (!done_) {
      if (pc >= t_.ops.size()) return fail(pc, "ran past the last op");
      if (opts_.maxSteps && res_.steps >= opts_.maxSteps) return fail(pc, "step limit reached");
      res_.steps++;
      pc = exec(pc);
    }
    return std::move(res_);
  }

 private:
  // --- operand access ---------------------------------------------------------------
  Value get(Ref r) const {
    switch (r.tag()) {
      case Ref::INPUT: return Value{frame_[r.index()]};
      case Ref::OP: return Value{frame_[nIn_ + r.index()]};
      case Ref::CONST_INT: return Value::i(t_.intConst(r));
      case Ref::CONST_FLOAT: return Value::f(t_.floatConst(r));
      case Ref::CONST_PTR: return Value::r(t_.ptrConst(r));
      case Ref::NONE: break;
    }
    return Value{};
  }
  int64_t I(uint32_t pc, size_t k) const { return get(t_.ops[pc].args[k]).asInt(); }
  double F(uint32_t pc, size_t k) const { return get(t_.ops[pc].args[k]).asFloat(); }
  void* R(uint32_t pc, size_t k) const { return get(t_.ops[pc].args[k]).asRef(); }

  uint32_t set(uint32_t pc, Value v) {
    frame_[nIn_ + pc] = v.bits;
    return pc + 1;
  }
  uint32_t setI(uint32_t pc, int64_t v) { return set(pc, Value::i(v)); }
  uint32_t setF(uint32_t pc, double v) { return set(pc, Value::f(v)); }
  uint32_t setR(uint32_t pc, void* v) { return set(pc, Value::r(v)); }

  // --- exits ------------------------------------------------------------------------
  InterpResult fail(uint32_t pc, std::string why) {
    res_.exit = InterpResult::Exit::ERROR;
    res_.op = pc;
    res_.error = std::move(why);
    return std::move(res_);
  }
  uint32_t error(uint32_t pc, std::string why) {
    done_ = true;
    res_.exit = InterpResult::Exit::ERROR;
    res_.op = pc;
    res_.error = "op " + std::to_string(pc) + " (" + opName(t_.ops[pc].op) + "): " + why;
    return pc;
  }
  uint32_t exitWith(uint32_t pc, InterpResult::Exit how, const std::vector<Ref>& refs) {
    done_ = true;
    res_.exit = how;
    res_.op = pc;
    for (Ref r : refs) res_.values.push(get(r).bits);
    return pc;
  }
  /// A guard: continue when `ok`, else leave with its fail args.
  uint32_t guard(uint32_t pc, bool ok) {
    if (ok) return pc + 1;
    const TraceOp& op = t_.ops[pc];
    res_.guard = op.descr;
    return exitWith(pc, InterpResult::Exit::GUARD_FAILED, t_.guards[op.descr].failArgs);
  }

  // --- memory -----------------------------------------------------------------------
  uint32_t getfield(uint32_t pc) {
    const FieldDescr& f = d_.field(t_.ops[pc].descr);
    auto* base = static_cast<const char*>(R(pc, 0));
    if (!base) return error(pc, "null object reading " + f.name);
    return set(pc, load(base + f.offset, f.kind, f.size, f.isSigned));
  }
  uint32_t setfield(uint32_t pc) {
    const FieldDescr& f = d_.field(t_.ops[pc].descr);
    auto* base = static_cast<char*>(R(pc, 0));
    if (!base) return error(pc, "null object writing " + f.name);
    store(base + f.offset, f.kind, f.size, get(t_.ops[pc].args[1]));
    return pc + 1;
  }
  /// The address of item args[1] of array args[0], or null after an error.
  char* item(uint32_t pc, const ArrayDescr& a) {
    auto* base = static_cast<char*>(R(pc, 0));
    if (!base) return error(pc, "null array"), nullptr;
    int64_t len = readInt(base + a.lengthOffset, 8, true), i = I(pc, 1);
    if (i < 0 || i >= len)
      return error(pc, "index " + std::to_string(i) + " out of bounds (length " + std::to_string(len) + ")"), nullptr;
    return base + a.baseOffset + i * a.itemSize;
  }
  uint32_t getarrayitem(uint32_t pc) {
    const ArrayDescr& a = d_.array(t_.ops[pc].descr);
    char* p = item(pc, a);
    return p ? set(pc, load(p, a.itemKind, a.itemSize, a.itemSigned)) : pc;
  }
  uint32_t setarrayitem(uint32_t pc) {
    const ArrayDescr& a = d_.array(t_.ops[pc].descr);
    char* p = item(pc, a);
    if (p) store(p, a.itemKind, a.itemSize, get(t_.ops[pc].args[2]));
    return p ? pc + 1 : pc;
  }
  uint32_t arraylen(uint32_t pc) {
    auto* base = static_cast<const char*>(R(pc, 0));
    if (!base) return error(pc, "null array");
    return setI(pc, readInt(base + d_.array(t_.ops[pc].descr).lengthOffset, 8, true));
  }
  uint32_t strlen(uint32_t pc) {
    auto* str = static_cast<const RStr*>(R(pc, 0));
    return str ? setI(pc, str->length) : error(pc, "null string");
  }
  uint32_t strgetitem(uint32_t pc) {
    auto* str = static_cast<const RStr*>(R(pc, 0));
    if (!str) return error(pc, "null string");
    int64_t i = I(pc, 1);
    if (i < 0 || i >= str->length) return error(pc, "index " + std::to_string(i) + " out of bounds");
    return setI(pc, static_cast<unsigned char>(str->chars[i]));
  }
  uint32_t allocate(uint32_t pc, bool withVtable) {
    const SizeDescr& sd = d_.sizeDescr(t_.ops[pc].descr);
    void* p = ll_malloc(sd.size ? sd.size : 1);
    if (withVtable) std::memcpy(p, &sd.vtable, sizeof(void*));
    return setR(pc, p);
  }
  uint32_t newArray(uint32_t pc) {
    const ArrayDescr& a = d_.array(t_.ops[pc].descr);
    int64_t n = I(pc, 0);
    if (n < 0 || n > (int64_t{1} << 40) / (a.itemSize ? a.itemSize : 1)) return error(pc, "bad array length " + std::to_string(n));
    auto* p = static_cast<char*>(ll_malloc(a.baseOffset + static_cast<size_t>(n) * a.itemSize));
    writeInt(p + a.lengthOffset, 8, n);
    return setR(pc, p);
  }

  // --- calls and control ------------------------------------------------------------
  uint32_t call(uint32_t pc) {
    const TraceOp& op = t_.ops[pc];
    const CallDescr& c = d_.call(op.descr);
    Value args[kMaxCallArgs];
    for (size_t k = 0; k < op.args.size() && k < kMaxCallArgs; k++) args[k] = get(op.args[k]);
    Value out;
    if (!callDescr(c, args, out)) return error(pc, "the interp backend cannot call " + c.name + " (unsupported signature)");
    return op.type == Kind::VOID ? pc + 1 : set(pc, out);
  }
  uint32_t jump(uint32_t pc) {
    const TraceOp& op = t_.ops[pc];
    auto it = labels_.find(op.descr);
    if (it == labels_.end()) return error(pc, "no label " + d_.name(op.descr) + " in this trace");
    const TraceOp& label = t_.ops[it->second];
    if (label.args.size() != op.args.size()) return error(pc, "arity differs from the label's");
    std::vector<uint64_t> vals;  // all read before any is written (parallel move)
    for (Ref r : op.args) vals.push_back(get(r).bits);
    for (size_t k = 0; k < vals.size(); k++) {
      Ref dst = label.args[k];
      frame_[dst.tag() == Ref::INPUT ? dst.index() : nIn_ + dst.index()] = vals[k];
    }
    return it->second + 1;
  }
  uint32_t guardClass(uint32_t pc) {
    void* obj = R(pc, 0);
    void* typeptr = nullptr;
    if (obj) std::memcpy(&typeptr, obj, sizeof typeptr);  // first word: typeptr
    return guard(pc, obj && typeptr == R(pc, 1));
  }
  uint32_t guardException(uint32_t pc) {
    if (!ll_exc_occurred() || ll_exc_type != R(pc, 0)) return guard(pc, false);
    void* value = ll_exc_value;
    ll_exc_clear();
    return setR(pc, value);
  }
  /// An _ovf op: the result wraps, the flag records whether it overflowed.
  template <class F>
  uint32_t ovf(uint32_t pc, F checkedOp) {
    int64_t result;
    overflow_ = checkedOp(I(pc, 0), I(pc, 1), &result);
    return setI(pc, result);
  }

  /// Executes ops[pc]; returns the next pc.
  uint32_t exec(uint32_t pc) {
    const TraceOp& op = t_.ops[pc];
    switch (op.op) {
      case Op::INT_ADD: return setI(pc, wrapAdd(I(pc, 0), I(pc, 1)));
      case Op::INT_SUB: return setI(pc, wrapSub(I(pc, 0), I(pc, 1)));
      case Op::INT_MUL: return setI(pc, wrapMul(I(pc, 0), I(pc, 1)));
      case Op::INT_FLOORDIV: return setI(pc, truncDiv(I(pc, 0), I(pc, 1)));
      case Op::INT_MOD: return setI(pc, truncMod(I(pc, 0), I(pc, 1)));
      case Op::INT_AND: return setI(pc, I(pc, 0) & I(pc, 1));
      case Op::INT_OR: return setI(pc, I(pc, 0) | I(pc, 1));
      case Op::INT_XOR: return setI(pc, I(pc, 0) ^ I(pc, 1));
      case Op::INT_LSHIFT: return setI(pc, shiftLeft(I(pc, 0), I(pc, 1)));
      case Op::INT_RSHIFT: return setI(pc, shiftRight(I(pc, 0), I(pc, 1)));
      case Op::INT_NEG: return setI(pc, wrapSub(0, I(pc, 0)));
      case Op::INT_INVERT: return setI(pc, ~I(pc, 0));
      case Op::INT_LT: return setI(pc, I(pc, 0) < I(pc, 1));
      case Op::INT_LE: return setI(pc, I(pc, 0) <= I(pc, 1));
      case Op::INT_EQ: return setI(pc, I(pc, 0) == I(pc, 1));
      case Op::INT_NE: return setI(pc, I(pc, 0) != I(pc, 1));
      case Op::INT_GT: return setI(pc, I(pc, 0) > I(pc, 1));
      case Op::INT_GE: return setI(pc, I(pc, 0) >= I(pc, 1));
      case Op::INT_IS_TRUE: return setI(pc, I(pc, 0) != 0);
      case Op::INT_ADD_OVF: return ovf(pc, [](int64_t a, int64_t b, int64_t* r) { return __builtin_add_overflow(a, b, r); });
      case Op::INT_SUB_OVF: return ovf(pc, [](int64_t a, int64_t b, int64_t* r) { return __builtin_sub_overflow(a, b, r); });
      case Op::INT_MUL_OVF: return ovf(pc, [](int64_t a, int64_t b, int64_t* r) { return __builtin_mul_overflow(a, b, r); });
      case Op::UINT_LT: return setI(pc, u(I(pc, 0)) < u(I(pc, 1)));
      case Op::UINT_LE: return setI(pc, u(I(pc, 0)) <= u(I(pc, 1)));
      case Op::UINT_GE: return setI(pc, u(I(pc, 0)) >= u(I(pc, 1)));
      case Op::UINT_GT: return setI(pc, u(I(pc, 0)) > u(I(pc, 1)));
      case Op::UINT_RSHIFT: return setI(pc, s(u(I(pc, 0)) >> (I(pc, 1) & 63)));
      case Op::UINT_FLOORDIV: return setI(pc, I(pc, 1) == 0 ? 0 : s(u(I(pc, 0)) / u(I(pc, 1))));
      case Op::UINT_MOD: return setI(pc, I(pc, 1) == 0 ? 0 : s(u(I(pc, 0)) % u(I(pc, 1))));
      case Op::FLOAT_ADD: return setF(pc, F(pc, 0) + F(pc, 1));
      case Op::FLOAT_SUB: return setF(pc, F(pc, 0) - F(pc, 1));
      case Op::FLOAT_MUL: return setF(pc, F(pc, 0) * F(pc, 1));
      case Op::FLOAT_TRUEDIV: return setF(pc, F(pc, 0) / F(pc, 1));
      case Op::FLOAT_NEG: return setF(pc, -F(pc, 0));
      case Op::FLOAT_ABS: return setF(pc, std::fabs(F(pc, 0)));
      case Op::FLOAT_LT: return setI(pc, F(pc, 0) < F(pc, 1));
      case Op::FLOAT_LE: return setI(pc, F(pc, 0) <= F(pc, 1));
      case Op::FLOAT_EQ: return setI(pc, F(pc, 0) == F(pc, 1));
      case Op::FLOAT_NE: return setI(pc, F(pc, 0) != F(pc, 1));
      case Op::FLOAT_GT: return setI(pc, F(pc, 0) > F(pc, 1));
      case Op::FLOAT_GE: return setI(pc, F(pc, 0) >= F(pc, 1));
      case Op::CAST_INT_TO_FLOAT: return setF(pc, static_cast<double>(I(pc, 0)));
      case Op::CAST_FLOAT_TO_INT: return setI(pc, floatToInt(F(pc, 0)));
      case Op::SAME_AS_I: case Op::SAME_AS_R: case Op::SAME_AS_F: return set(pc, get(op.args[0]));
      case Op::PTR_EQ: return setI(pc, R(pc, 0) == R(pc, 1));
      case Op::PTR_NE: return setI(pc, R(pc, 0) != R(pc, 1));
      case Op::GETFIELD_I: case Op::GETFIELD_R: case Op::GETFIELD_F: return getfield(pc);
      case Op::SETFIELD: return setfield(pc);
      case Op::GETARRAYITEM_I: case Op::GETARRAYITEM_R: case Op::GETARRAYITEM_F: return getarrayitem(pc);
      case Op::SETARRAYITEM: return setarrayitem(pc);
      case Op::ARRAYLEN: return arraylen(pc);
      case Op::STRLEN: return strlen(pc);
      case Op::STRGETITEM: return strgetitem(pc);
      case Op::NEW: return allocate(pc, false);
      case Op::NEW_WITH_VTABLE: return allocate(pc, true);
      case Op::NEW_ARRAY: return newArray(pc);
      case Op::CALL_I: case Op::CALL_R: case Op::CALL_F: case Op::CALL_N:
      case Op::CALL_PURE_I: case Op::CALL_PURE_R: case Op::CALL_PURE_F: return call(pc);
      case Op::CALL_ASSEMBLER_I: case Op::CALL_ASSEMBLER_R: case Op::CALL_ASSEMBLER_F: case Op::CALL_ASSEMBLER_N:
        return error(pc, "call_assembler needs the loop registry (issue 5)");
      case Op::GUARD_TRUE: return guard(pc, I(pc, 0) != 0);
      case Op::GUARD_FALSE: return guard(pc, I(pc, 0) == 0);
      case Op::GUARD_VALUE: return guard(pc, get(op.args[0]).bits == get(op.args[1]).bits);
      case Op::GUARD_CLASS: return guardClass(pc);
      case Op::GUARD_NONNULL: return guard(pc, R(pc, 0) != nullptr);
      case Op::GUARD_ISNULL: return guard(pc, R(pc, 0) == nullptr);
      case Op::GUARD_NO_EXCEPTION: return guard(pc, !ll_exc_occurred());
      case Op::GUARD_EXCEPTION: return guardException(pc);
      case Op::GUARD_NO_OVERFLOW: return guard(pc, !overflow_);
      case Op::GUARD_OVERFLOW: return guard(pc, overflow_);
      case Op::GUARD_NOT_INVALIDATED: return guard(pc, !(opts_.invalidated && *opts_.invalidated));
      case Op::LABEL: return pc + 1;
      case Op::JUMP: return jump(pc);
      case Op::FINISH: return exitWith(pc, InterpResult::Exit::FINISH, op.args);
      case Op::DEBUG_MERGE_POINT: return pc + 1;
    }
    return error(pc, "unknown op");
  }

  const Trace& t_;
  const DescrTable& d_;
  const InterpOptions& opts_;
  uint32_t nIn_;
  RootTable frame_;  // GC-visible: values only the trace holds stay alive
  std::map<uint32_t, uint32_t> labels_;  // loop descr -> op index of its label
  bool overflow_ = false;
  bool done_ = false;
  InterpResult res_;
};

}  // namespace

InterpResult runTrace(const Trace& t, const DescrTable& descrs, std::span<const Value> inputs,
                      const InterpOptions& opts) {
  return Interp(t, descrs, opts).run(inputs);
}

}  // namespace lathe::jit
