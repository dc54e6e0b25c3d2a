//===- x86emit_mem.cpp - Trace to x86-64: memory, calls, exceptions -------===//
// See x86emit.h. Fields and array items are read and written through the
// descriptors' offsets, kinds and sizes, as interp does (narrow ints sign- or
// zero-extended). Like interp, a null base, an index outside [0, length) or
// a bad new_array length stops the run with an error: a test and a branch
// to a cold error stub (recorded traces never take it; the optimizer may
// later drop the checks it can prove). Calls go through CallDescr::thunk
// (an array of words; what generated programs provide) or, without one,
// the function pointer with the C signature its kinds spell. Allocation
// calls ll_malloc (zeroed, GC-scanned). The exception state is the pair of
// globals of llexc.h.
//===----------------------------------------------------------------------===//
#include <algorithm>
#include <cstddef>
#include "jit/x86/x86emit.h"
#include "llexc.h"
#include "llgc.h"
#include "rstr.h"

namespace lathe::jit::x86emit {

namespace {
ax::Mem sized(ax::Mem m, uint32_t size) {
  m.setSize(size);
  return m;
}
int32_t offset32(size_t off) { return static_cast<int32_t>(off); }
}  // namespace

// --- loads and stores -----------------------------------------------------------------

void TraceEmitter::load(const ax::Mem& m, Kind kind, uint8_t size, bool isSigned, uint32_t pc) {
  if (kind == Kind::FLOAT) {
    cc_.movsd(defXmm(pc), sized(m, 8));
    return;
  }
  ax::Gp res = defGp(pc);
  if (kind == Kind::REF || size == 8) cc_.mov(res, sized(m, 8));
  else if (size == 4 && isSigned) cc_.movsxd(res, sized(m, 4));
  else if (size == 4) cc_.mov(res.r32(), sized(m, 4));  // writing r32 zero-extends
  else if (isSigned) cc_.movsx(res, sized(m, size));
  else cc_.movzx(res.r32(), sized(m, size));
}

void TraceEmitter::store(ax::Mem m, Kind kind, uint8_t size, Ref value) {
  if (kind == Kind::FLOAT) {
    cc_.movsd(sized(m, 8), xmm(value));
    return;
  }
  if (kind == Kind::REF) size = 8;
  m.setSize(size);
  if (value.tag() == Ref::CONST_INT && aj::Support::isInt32(t_.intConst(value))) {
    int64_t v = t_.intConst(value);  // truncated to the field, as writeInt does
    int64_t imm = size == 1 ? int64_t{static_cast<int8_t>(v)} : size == 2 ? int64_t{static_cast<int16_t>(v)} : v;
    cc_.mov(m, aj::Imm(imm));
    return;
  }
  ax::Gp g = gp(value);
  switch (size) {
    case 1: cc_.mov(m, g.r8()); break;
    case 2: cc_.mov(m, g.r16()); break;
    case 4: cc_.mov(m, g.r32()); break;
    default: cc_.mov(m, g); break;
  }
}

void TraceEmitter::getfield(uint32_t pc) {
  const FieldDescr& f = d_.field(op(pc).descr);
  if (!inheritedLoad(pc)) {
    ax::Gp base = gp(op(pc).args[0]);
    nullCheck(pc, op(pc).args[0], base);
    load(ax::ptr(base, offset32(f.offset)), f.kind, f.size, f.isSigned, pc);
  }
  Ref obj = op(pc).args[0];
  if (!f.vable && (obj.tag() == Ref::INPUT || obj.tag() == Ref::OP))
    knownLoads_.push_back({obj, op(pc).descr, Ref::make(Ref::OP, pc), {}, false});
}

// An inlined bridge starts where its parent trace left at the guard: a
// field of one of its inputs that the parent had read, and that neither
// has written since (forgetLoads), is in a register already.
bool TraceEmitter::inheritedLoad(uint32_t pc) {
  const TraceOp& o = op(pc);
  if (!inherited_ || inheritedStale_ ||
      std::find(staleDescrs_.begin(), staleDescrs_.end(), o.descr) != staleDescrs_.end())
    return false;
  Ref obj = o.args[0];
  if (obj.tag() != Ref::INPUT && obj.tag() != Ref::OP) return false;
  Ref parent = parentRef_[slot(obj)];
  if (parent.isNone()) return false;
  for (const KnownLoad& k : *inherited_) {
    if (k.obj != parent || k.descr != o.descr) continue;
    Ref me = Ref::make(Ref::OP, pc);
    if (k.reg.isXmm()) cc_.movapd(defXmm(pc), k.reg.as<ax::Xmm>());
    else cc_.mov(defGp(pc), k.reg.as<ax::Gp>());
    if (k.nonNull) setNonNull(me);
    parentRef_[slot(me)] = k.val;
    return true;
  }
  return false;
}

void TraceEmitter::setfield(uint32_t pc) {
  const FieldDescr& f = d_.field(op(pc).descr);
  ax::Gp base = gp(op(pc).args[0]);
  nullCheck(pc, op(pc).args[0], base);
  store(ax::ptr(base, offset32(f.offset)), f.kind, f.size, op(pc).args[1]);
}

// --- arrays and strings ---------------------------------------------------------------

ax::Mem TraceEmitter::arrayItem(uint32_t pc, const ArrayDescr& a) {
  Ref arr = op(pc).args[0], idx = op(pc).args[1];
  ax::Gp base = gp(arr);
  nullCheck(pc, arr, base);
  ax::Gp index = gp(idx);
  std::pair<uint32_t, uint32_t> key{arr.bits, idx.bits};
  if (curLabel_ != SIZE_MAX)
    for (size_t k = 0; k < kept_[curLabel_].size(); k++)
      if (kept_[curLabel_][k].obj == arr && kept_[curLabel_][k].index == idx)
        relyOnKept(k, pc, offset32(a.lengthOffset));
  if (std::find(checkedItems_.begin(), checkedItems_.end(), key) == checkedItems_.end()) {
    if (!checkedByLength(arr, idx)) {
      ax::Gp length = cc_.newInt64();
      cc_.mov(length, ax::qword_ptr(base, offset32(a.lengthOffset)));
      cc_.cmp(index, length);  // unsigned: a negative index is out of range too
      cc_.jae(errorExit(pc, X86Error::BAD_INDEX, index, length));
    }
    checkedItems_.push_back(key);
  }
  uint32_t shift = a.itemSize == 1 ? 0 : a.itemSize == 2 ? 1 : a.itemSize == 4 ? 2 : a.itemSize == 8 ? 3 : 99;
  if (shift != 99) return ax::ptr(base, index, shift, offset32(a.baseOffset));
  ax::Gp scaled = cc_.newInt64();
  cc_.imul(scaled, index, aj::Imm(a.itemSize));
  return ax::ptr(base, scaled, 0, offset32(a.baseOffset));
}

// A list's items array has at least `length` items (FieldDescr::itemsAt)
// when both fields were read from the same list with no write since: both
// reads are still in knownLoads_. If the trace has checked idx <u length
// (the rtyper's bounds check, a guard on uint_lt), idx is in the array.
void TraceEmitter::noteLengthCheck(uint32_t pc) {
  const TraceOp& g = op(pc);
  if ((g.op != Op::GUARD_TRUE && g.op != Op::GUARD_FALSE) || g.args[0].tag() != Ref::OP) return;
  const TraceOp& c = op(g.args[0].index());
  bool lt = g.op == Op::GUARD_TRUE ? c.op == Op::UINT_LT : c.op == Op::UINT_GE;
  if (lt) lengthChecked_.push_back({c.args[0].bits, c.args[1].bits});
}

bool TraceEmitter::checkedByLength(Ref arr, Ref idx) const {
  for (const KnownLoad& items : knownLoads_) {
    if (items.val != arr) continue;
    for (const KnownLoad& len : knownLoads_) {
      int32_t at = len.obj == items.obj ? d_.field(len.descr).itemsAt : -1;
      if (at < 0 || static_cast<uint32_t>(at) != d_.field(items.descr).offset) continue;
      std::pair<uint32_t, uint32_t> fact{idx.bits, len.val.bits};
      if (std::find(lengthChecked_.begin(), lengthChecked_.end(), fact) != lengthChecked_.end()) return true;
    }
  }
  return false;
}

void TraceEmitter::getarrayitem(uint32_t pc) {
  const ArrayDescr& a = d_.array(op(pc).descr);
  load(arrayItem(pc, a), a.itemKind, a.itemSize, a.itemSigned, pc);
}

void TraceEmitter::setarrayitem(uint32_t pc) {
  const ArrayDescr& a = d_.array(op(pc).descr);
  store(arrayItem(pc, a), a.itemKind, a.itemSize, op(pc).args[2]);
}

void TraceEmitter::arraylen(uint32_t pc) {
  ax::Gp base = gp(op(pc).args[0]);
  nullCheck(pc, op(pc).args[0], base);
  cc_.mov(defGp(pc), ax::qword_ptr(base, offset32(d_.array(op(pc).descr).lengthOffset)));
}

void TraceEmitter::strlen(uint32_t pc) {
  ax::Gp str = gp(op(pc).args[0]);
  nullCheck(pc, op(pc).args[0], str);
  cc_.mov(defGp(pc), ax::qword_ptr(str, offset32(offsetof(RStr, length))));
}

void TraceEmitter::strgetitem(uint32_t pc) {
  ax::Gp str = gp(op(pc).args[0]);
  nullCheck(pc, op(pc).args[0], str);
  ax::Gp index = gp(op(pc).args[1]);
  cc_.cmp(index, ax::qword_ptr(str, offset32(offsetof(RStr, length))));
  cc_.jae(errorExit(pc, X86Error::BAD_INDEX, index));
  cc_.movzx(defGp(pc).r32(), ax::byte_ptr(str, index, 0, offset32(offsetof(RStr, chars))));
}

// --- allocation -----------------------------------------------------------------------

ax::Gp TraceEmitter::mallocCall(const ax::Gp& size) {
  aj::InvokeNode* call;
  cc_.invoke(&call, reinterpret_cast<uint64_t>(&ll_malloc), aj::FuncSignatureT<void*, size_t>(aj::CallConvId::kHost));
  call->setArg(0, size);
  ax::Gp res = cc_.newUIntPtr();
  call->setRet(0, res);
  return res;
}

void TraceEmitter::allocate(uint32_t pc, bool withVtable) {
  const SizeDescr& sd = d_.sizeDescr(op(pc).descr);
  ax::Gp size = cc_.newUIntPtr();
  cc_.mov(size, uint64_t{sd.size ? sd.size : 1});
  ax::Gp p = mallocCall(size);
  if (withVtable) cc_.mov(ax::qword_ptr(p), address(sd.vtable));  // static class data, not GC'd
  cc_.mov(defGp(pc), p);
  setNonNull(Ref::op(pc));  // ll_malloc never returns null (it ends the program instead)
}

// interp: n < 0 or n > 2^40 / itemSize is an error; else ll_malloc(base + n * size).
void TraceEmitter::newArray(uint32_t pc) {
  const ArrayDescr& a = d_.array(op(pc).descr);
  ax::Gp n = gp(op(pc).args[0]), limit = cc_.newInt64();
  cc_.mov(limit, (int64_t{1} << 40) / (a.itemSize ? a.itemSize : 1));
  cc_.cmp(n, limit);  // unsigned: negative lengths are huge
  cc_.ja(errorExit(pc, X86Error::BAD_LENGTH, n));
  ax::Gp bytes = cc_.newUIntPtr();
  cc_.imul(bytes, n, aj::Imm(a.itemSize));
  cc_.add(bytes, aj::Imm(a.baseOffset));
  ax::Gp p = mallocCall(bytes);
  cc_.mov(ax::qword_ptr(p, offset32(a.lengthOffset)), n);
  cc_.mov(defGp(pc), p);
  setNonNull(Ref::op(pc));
}

// --- calls ----------------------------------------------------------------------------

namespace {
aj::TypeId typeOf(Kind k) {
  switch (k) {
    case Kind::INT: return aj::TypeId::kInt64;
    case Kind::REF: return aj::TypeId::kUIntPtr;
    case Kind::FLOAT: return aj::TypeId::kFloat64;
    case Kind::VOID: return aj::TypeId::kVoid;
  }
  return aj::TypeId::kVoid;
}
}  // namespace

bool TraceEmitter::call(uint32_t pc, std::string* whyNot) {
  const TraceOp& o = op(pc);
  const CallDescr& c = d_.call(o.descr);
  aj::InvokeNode* node;
  if (c.thunk) {  // uint64_t thunk(const uint64_t* args)
    ax::Mem args = cc_.newStack(static_cast<uint32_t>(8 * (o.args.empty() ? 1 : o.args.size())), 8);
    for (size_t k = 0; k < o.args.size(); k++) storeWord(sized(args.cloneAdjusted(static_cast<int64_t>(8 * k)), 8), o.args[k]);
    ax::Gp argp = cc_.newUIntPtr();
    cc_.lea(argp, args);
    cc_.invoke(&node, reinterpret_cast<uint64_t>(c.thunk),
               aj::FuncSignatureT<uint64_t, const uint64_t*>(aj::CallConvId::kHost));
    node->setArg(0, argp);
    if (o.type == Kind::VOID) return true;
    ax::Gp bits = cc_.newInt64();
    node->setRet(0, bits);
    if (o.type == Kind::FLOAT) cc_.movq(defXmm(pc), bits);
    else gps_[nIn_ + pc] = bits;
    return true;
  }
  if (!c.fn) {
    if (whyNot) *whyNot = "op " + std::to_string(pc) + ": call " + c.name + " has neither a thunk nor a function";
    return false;
  }
  aj::FuncSignatureBuilder sig(aj::CallConvId::kHost);
  sig.setRet(typeOf(c.result));
  for (Kind k : c.argKinds) sig.addArg(typeOf(k));
  std::vector<ax::Reg> args;  // materialized before the invoke node
  for (Ref r : o.args) args.push_back(t_.kindOf(r) == Kind::FLOAT ? ax::Reg(xmm(r)) : ax::Reg(gp(r)));
  cc_.invoke(&node, reinterpret_cast<uint64_t>(c.fn), sig);
  for (size_t k = 0; k < args.size(); k++) node->setArg(k, args[k]);
  if (o.type == Kind::FLOAT) node->setRet(0, defXmm(pc));
  else if (o.type != Kind::VOID) node->setRet(0, defGp(pc));
  return true;
}

// --- exceptions -----------------------------------------------------------------------

void TraceEmitter::guardNoException(uint32_t pc) {
  ax::Gp type = address(&ll_exc_type);
  cc_.cmp(ax::qword_ptr(type), 0);
  cc_.jne(guardExit(pc));
}

// Passes when an exception of exactly type args[0] is pending; its value is
// the result and the exception is cleared (interp's guardException).
void TraceEmitter::guardException(uint32_t pc) {
  ax::Gp cls = gp(op(pc).args[0]);
  ax::Gp typeAddr = address(&ll_exc_type), type = cc_.newUIntPtr();
  cc_.mov(type, ax::qword_ptr(typeAddr));
  cc_.test(type, type);
  cc_.jz(guardExit(pc));
  cc_.cmp(type, cls);
  cc_.jne(guardExit(pc));
  ax::Gp valueAddr = address(&ll_exc_value);
  cc_.mov(defGp(pc), ax::qword_ptr(valueAddr));
  cc_.mov(ax::qword_ptr(typeAddr), 0);
  cc_.mov(ax::qword_ptr(valueAddr), 0);
}

}  // namespace lathe::jit::x86emit
