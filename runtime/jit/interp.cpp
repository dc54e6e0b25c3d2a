//===- interp.cpp - Backend `interp`: executes trace IR -------------------===//
// See interp.h. One frame slot per trace input and per op (op i's result is
// slot inputs+i); a jump copies its operands into its label's argument slots
// and continues after the label. Everything a bad trace could turn into
// undefined behaviour in C++ is defined instead, deterministically: the
// operations' meaning is semantics.h's (shared with the recorder: integer
// ops wrap, x/0 and x%0 give 0, cast_float_to_int of NaN or an out-of-range
// double gives INT64_MIN, x86's "integer indefinite", so the x86 backend can
// agree); null bases and out-of-bounds indices stop the run with an error.
//===----------------------------------------------------------------------===//
#include "jit/interp.h"
#include "jit/semantics.h"
#include <cmath>
#include <map>
#include <type_traits>
#include <utility>
#include "llexc.h"
#include "llgc.h"
#include "rstr.h"

namespace lathe::jit {

namespace {

/// Reads a value of `kind` (INT of `size` bytes) at p.
Value load(const char* p, Kind kind, uint8_t size, bool isSigned) {
  return Value{loadBits(p, kind, size, isSigned)};
}

void store(char* p, Kind kind, uint8_t size, Value v) { storeBits(p, kind, size, v.bits); }

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
    return loop(0);
  }

  InterpResult runFromLabel(uint32_t label, std::span<const Value> values) {
    auto it = labels_.find(label);
    if (it == labels_.end()) return fail(kNoOp, "no label " + d_.name(label) + " in this trace");
    const TraceOp& op = t_.ops[it->second];
    if (op.args.size() != values.size())
      return fail(it->second, "the label takes " + std::to_string(op.args.size()) + " values, got " +
                                  std::to_string(values.size()));
    for (size_t k = 0; k < values.size(); k++) slot(op.args[k]) = values[k].bits;
    return loop(it->second + 1);
  }

 private:
  uint64_t& slot(Ref dst) { return frame_[dst.tag() == Ref::INPUT ? dst.index() : nIn_ + dst.index()]; }

  InterpResult loop(uint32_t pc) {
    while (!done_) {
      if (pc >= t_.ops.size()) return fail(pc, "ran past the last op");
      if (opts_.maxSteps && res_.steps >= opts_.maxSteps) return fail(pc, "step limit reached");
      res_.steps++;
      pc = exec(pc);
    }
    return std::move(res_);
  }

  // --- operand access ---------------------------------------------------------------
  Value get(Ref r) const {
    switch (r.tag()) {
      case Ref::INPUT: return Value{frame_[r.index()]};
      case Ref::OP: return Value{frame_[nIn_ + r.index()]};
      case Ref::CONST_INT: return Value::i(t_.intConst(r));
      case Ref::CONST_FLOAT: return Value::f(t_.floatConst(r));
      case Ref::CONST_PTR: return Value::r(t_.ptrConst(r));
      case Ref::VIRTUAL: break;  // a guard's virtual: handed back as the placeholder 0
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
    if (opts_.failGuards && opts_.guardChecks && ++*opts_.guardChecks % opts_.failGuards == 0) ok = false;
    const TraceOp& op = t_.ops[pc];
    if (opts_.failNth && ok) {
      const std::string& name = t_.guards[op.descr].name;
      if (name.substr(0, name.find('.')) == opts_.failName && ++namedChecks_ == opts_.failNth) ok = false;
    }
    if (ok) return pc + 1;
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
    uint64_t small[kMaxThunkArgs];
    std::vector<uint64_t> big(op.args.size() > kMaxThunkArgs ? op.args.size() : 0);
    uint64_t* args = big.empty() ? small : big.data();
    for (size_t k = 0; k < op.args.size(); k++) args[k] = get(op.args[k]).bits;
    uint64_t out = 0;
    if (!callDescrBits(c, args, out)) return error(pc, "the interp backend cannot call " + c.name + " (unsupported signature)");
    return op.type == Kind::VOID ? pc + 1 : set(pc, Value{out});
  }
  uint32_t jump(uint32_t pc) {
    const TraceOp& op = t_.ops[pc];
    auto it = labels_.find(op.descr);
    if (it == labels_.end()) {
      res_.label = op.descr;
      return exitWith(pc, InterpResult::Exit::JUMP, op.args);
    }
    const TraceOp& label = t_.ops[it->second];
    if (label.args.size() != op.args.size()) return error(pc, "arity differs from the label's");
    std::vector<uint64_t> vals;  // all read before any is written (parallel move)
    for (Ref r : op.args) vals.push_back(get(r).bits);
    for (size_t k = 0; k < vals.size(); k++) slot(label.args[k]) = vals[k];
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
    if (guard(pc, true) != pc + 1) return pc;  // forced to fail (fail_guards)
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
      case Op::INT_ADD: case Op::INT_SUB: case Op::INT_MUL: case Op::INT_FLOORDIV: case Op::INT_MOD:
      case Op::INT_AND: case Op::INT_OR: case Op::INT_XOR: case Op::INT_LSHIFT: case Op::INT_RSHIFT:
      case Op::INT_LT: case Op::INT_LE: case Op::INT_EQ: case Op::INT_NE: case Op::INT_GT: case Op::INT_GE:
      case Op::UINT_LT: case Op::UINT_LE: case Op::UINT_GE: case Op::UINT_GT: case Op::UINT_RSHIFT:
      case Op::UINT_FLOORDIV: case Op::UINT_MOD:
        return setI(pc, evalIntOp(op.op, I(pc, 0), I(pc, 1)));
      case Op::INT_NEG: case Op::INT_INVERT: case Op::INT_IS_TRUE:
        return setI(pc, evalIntOp(op.op, I(pc, 0), 0));
      case Op::FLOAT_ADD: case Op::FLOAT_SUB: case Op::FLOAT_MUL: case Op::FLOAT_TRUEDIV:
        return setF(pc, evalFloatOp(op.op, F(pc, 0), F(pc, 1)));
      case Op::FLOAT_NEG: case Op::FLOAT_ABS:
        return setF(pc, evalFloatOp(op.op, F(pc, 0), 0.0));
      case Op::FLOAT_LT: case Op::FLOAT_LE: case Op::FLOAT_EQ: case Op::FLOAT_NE: case Op::FLOAT_GT: case Op::FLOAT_GE:
        return setI(pc, evalFloatCmp(op.op, F(pc, 0), F(pc, 1)));
      case Op::INT_ADD_OVF: return ovf(pc, [](int64_t a, int64_t b, int64_t* r) { return __builtin_add_overflow(a, b, r); });
      case Op::INT_SUB_OVF: return ovf(pc, [](int64_t a, int64_t b, int64_t* r) { return __builtin_sub_overflow(a, b, r); });
      case Op::INT_MUL_OVF: return ovf(pc, [](int64_t a, int64_t b, int64_t* r) { return __builtin_mul_overflow(a, b, r); });
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
  uint64_t namedChecks_ = 0;  // checks of opts_.failName so far
  InterpResult res_;
};

}  // namespace

InterpResult runTrace(const Trace& t, const DescrTable& descrs, std::span<const Value> inputs,
                      const InterpOptions& opts) {
  return Interp(t, descrs, opts).run(inputs);
}

InterpResult runTraceFromLabel(const Trace& t, const DescrTable& descrs, uint32_t label,
                               std::span<const Value> values, const InterpOptions& opts) {
  return Interp(t, descrs, opts).runFromLabel(label, values);
}

}  // namespace lathe::jit
