//===- rbuiltin.cpp - Built-in functions, library modules and rlib hints --===//
// The built-ins of DESIGN §3 and the os/time/math functions lower to
// low-level operations or runtime helpers (runtime/README.md); methods of
// str, list and dict go to their area's file. rlib hints:
//   intmask, r_uint          casts;       ovfcheck(x op y)  the identity: the op
//   promote, hint, ...       the value    itself is checked (rint.cpp)
//   we_are_translated        True         jit_merge_point, can_enter_jit:
//   we_are_jitted            False        nothing until jitgen (issue 5)
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <set>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;
using flow::FlowOp;
using flow::Hlvalue;

namespace {

const std::set<std::string> kRlibHints = {
    "rlib.jit.promote", "rlib.jit.promote_string", "rlib.jit.hint", "rlib.jit.we_are_jitted",
    "rlib.jit.isconstant", "rlib.jit.isvirtual", "rlib.jit.record_exact_class",
    "rlib.jit.assert_green", "rlib.jit.current_trace_length", "rlib.jit.set_param",
    "rlib.jit.set_user_param", "rlib.jit.JitDriver.jit_merge_point",
    "rlib.jit.JitDriver.can_enter_jit", "rlib.jit.JitDriver.loop_header",
    "rlib.rarith.intmask", "rlib.rarith.ovfcheck", "rlib.rarith.r_uint",
    "rlib.objectmodel.we_are_translated", "rlib.objectmodel.keepalive_until_here",
    "rlib.objectmodel.compute_hash", "rlib.objectmodel.compute_identity_hash",
    "rlib.objectmodel.compute_unique_id"};

LLValue printCall(Lowering &L, const std::vector<Hlvalue> &args,
                  const std::vector<std::pair<std::string, Hlvalue>> &kw) {
  TypeContext &T = L.types;
  LLValue sep, end;
  for (const auto &[name, v] : kw) {
    if (name == "sep") sep = L.toStr(L.valueOf(v), L.annOf(v));
    else if (name == "end") end = L.toStr(L.valueOf(v), L.annOf(v));
    else return L.unsupported("print() with keyword '" + name + "'");
  }
  if (args.size() == 1 && sep.isNull() && end.isNull() && L.annOf(args[0])->kind == SomeKind::STRING &&
      !L.annOf(args[0])->canBeNone) {
    L.call("ll_print_str", {L.valueOf(args[0])}, T.voidType());
    return L.cvoid();
  }
  for (size_t i = 0; i < args.size(); ++i) {
    if (i) {
      if (sep.isNull()) L.call("ll_print_char", {L.cchar(' ')}, T.voidType());
      else L.call("ll_print_raw", {sep}, T.voidType());
    }
    Ann a = L.annOf(args[i]);
    if (a->kind == SomeKind::CHAR)
      L.call("ll_print_char", {L.valueOf(args[i])}, T.voidType());
    else
      L.call("ll_print_raw", {L.toStr(L.valueOf(args[i]), a)}, T.voidType());
  }
  if (end.isNull()) L.call("ll_print_char", {L.cchar('\n')}, T.voidType());
  else L.call("ll_print_raw", {end}, T.voidType());
  return L.cvoid();
}

} // namespace

LLValue lenOf(Lowering &L, LLValue v, const Ann &a) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  switch (a->kind) {
  case SomeKind::CHAR:
    return L.cint(1);
  case SomeKind::STRING:
    return L.getfield(v, "length");
  case SomeKind::LIST:
    switch (rt.listKind(a->listDef)) {
    case RTyper::ListKind::RANGE:
      return L.call("ll_range_len", {L.getfield(v, "start"), L.getfield(v, "stop"), L.getfield(v, "step")},
                    T.signedType());
    case RTyper::ListKind::FIXED:
      return L.emit(LLOp::GETARRAYSIZE, {v}, T.signedType());
    case RTyper::ListKind::RESIZABLE:
      return L.getfield(v, "length");
    }
    break;
  case SomeKind::DICT:
    return L.getfield(v, "length");
  case SomeKind::TUPLE:
    return L.cint(int64_t(a->items.size()));
  default:
    break;
  }
  return L.unsupported("len() of " + ann::printType(a));
}

namespace {

LLValue minmax(Lowering &L, bool isMax, const std::vector<Hlvalue> &args) {
  Ann res = L.resultAnn();
  if (args.size() == 1 && L.annOf(args[0])->kind == SomeKind::LIST) {
    Ann l = L.annOf(args[0]);
    RTyper::ListKind k = L.rt.listKind(l->listDef);
    if (k == RTyper::ListKind::RANGE) return L.unsupported("min()/max() of a range");
    std::string h = std::string(k == RTyper::ListKind::FIXED ? "ll_array_" : "ll_list_") + (isMax ? "max" : "min");
    LLValue r = L.call(h, {L.valueOf(args[0])}, L.rt.listItemType(l->listDef), true);
    return L.convert(r, l->listDef->find()->item.ann, res);
  }
  if (args.size() == 1 && ann::isStrLike(L.annOf(args[0]))) {
    // The largest / smallest character of a string.
    Ann s = L.annOf(args[0]);
    if (s->kind == SomeKind::CHAR) return L.convert(L.valueOf(args[0]), s, res);
    LLValue r = L.call(isMax ? "ll_str_max_item" : "ll_str_min_item", {L.valueOf(args[0])},
                       L.types.charType(), true);
    return L.convert(r, ann::someChar(), res);
  }
  if (args.size() < 2) return L.unsupported(std::string(isMax ? "max" : "min") + "() of one iterable");
  Ann want = ann::withoutConst(res);
  const LLType *t = L.rt.reprOf(want);
  std::string helper = isMax ? "ll_max2" : "ll_min2";
  LLValue acc = L.convertTo(args[0], want);
  for (size_t i = 1; i < args.size(); ++i) acc = L.call(helper, {acc, L.convertTo(args[i], want)}, t);
  return L.convert(acc, want, res);
}

} // namespace

bool isRlibHint(const std::string &name) { return kRlibHints.count(name) != 0; }

LLValue lowerBuiltinCall(Lowering &L, const std::string &name, const std::vector<Hlvalue> &args,
                         const std::vector<std::pair<std::string, Hlvalue>> &kwargs) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  Ann res = L.resultAnn();
  const LLType *rtp = L.resultType();
  auto a = [&](size_t i) { return L.annOf(args[i]); };
  auto v = [&](size_t i) { return L.valueOf(args[i]); };
  if (name == "print") return printCall(L, args, kwargs);
  if (name == "BaseException.__init__" && !args.empty()) {
    const ClassInfo &base = rt.prog.classes[rt.builtinClassIndex(0)];
    LLValue self = L.castPtr(v(0), T.ptr(base.instance));
    std::vector<Hlvalue> rest(args.begin() + 1, args.end());
    L.setfield(self, "msg", exceptionMessage(L, rest));
    return L.cvoid();
  }
  if (name == "rlib.jit.JitDriver.jit_merge_point" || name == "rlib.jit.JitDriver.can_enter_jit" ||
      name == "rlib.jit.JitDriver.loop_header") {
    // A marker for jitgen: the driver's variables by keyword, in call order.
    std::string kind = name.substr(name.rfind('.') + 1);
    // args: the kind, the marker's index in LLProgram::jitMarkers, then the
    // non-Void variables in keyword order.
    std::vector<LLValue> margs{L.cvoid(kind), L.cvoid(std::to_string(rt.prog.jitMarkers.size()))};
    JitMarker m;
    m.kind = kind;
    m.graph = L.g.name;
    m.loc = L.loc;
    for (const auto &[kw, x] : kwargs) {
      LLValue xv = L.valueOf(x);
      m.names.push_back(kw);
      if (xv.type()->kind() != LLKind::VOID) {
        m.argIndex.push_back(static_cast<int>(margs.size()));
        margs.push_back(xv);
      } else {
        m.argIndex.push_back(-1);
      }
    }
    // The driver: the receiver of `driver.jit_merge_point`, a prebuilt
    // instance read from a global.
    const flow::Hlvalue &callee = L.op->args[0];
    const flow::Operation *get = callee.isVar() ? L.definingOp(callee.var()) : nullptr;
    if (get && get->op == FlowOp::GETATTR) {
      Ann recv = L.annOf(get->args[0]);
      const eval::Value *v = get->args[0].isConst() ? &get->args[0].cst()->value
                             : recv->hasConst       ? &recv->constValue
                                                    : nullptr;
      if (v) m.driver = eval::asInstance(*v);
    }
    rt.prog.jitMarkers.push_back(std::move(m));
    L.emit(LLOp::JIT_MARKER, margs, T.voidType());
    return L.cvoid();
  }
  if (name == "rlib.jit.hint" && args.size() == 1) {
    // hint(x, promote=True) promotes x; access_directly / fresh_virtualizable
    // / force_virtualizable say how a virtualizable is reached, which the
    // trace already knows (the driver's virtualizable lives in trace values
    // wherever it is accessed), so they change nothing here.
    bool promote = false;
    for (const auto &[kw, x] : kwargs) {
      const eval::Value *c = x.isConst() ? &x.cst()->value : nullptr;
      if (kw != "promote" && kw != "access_directly" && kw != "fresh_virtualizable" && kw != "force_virtualizable") {
        L.rt.error(L.loc, "rlib.jit.hint() has no hint '" + kw +
                              "' (the hints are promote, access_directly, fresh_virtualizable and force_virtualizable)");
        return LLValue();
      }
      if (!c || !c->isBool()) {
        L.rt.error(L.loc, "rlib.jit.hint(" + kw + "=...) takes the constant True or False");
        return LLValue();
      }
      if (kw == "promote") promote = c->asBool();
    }
    LLValue x = v(0);
    if (promote && x.type()->kind() != LLKind::VOID && !x.isConst())
      x = L.emit(LLOp::JIT_PROMOTE, {x}, x.type());
    return L.convert(x, a(0), res);
  }
  if (!kwargs.empty()) return L.unsupported(name + "() with keyword arguments");
  if (name == "len" && args.size() == 1) return lenOf(L, v(0), a(0));
  if (name == "range") {
    LLValue start = L.cint(0), stop, step = L.cint(1);
    if (args.size() == 1) {
      stop = L.convertTo(args[0], ann::someInteger());
    } else {
      start = L.convertTo(args[0], ann::someInteger());
      stop = L.convertTo(args[1], ann::someInteger());
      if (args.size() == 3) {
        step = L.convertTo(args[2], ann::someInteger());
        const eval::Value *c = args[2].isConst() ? &args[2].cst()->value : nullptr;
        if (!c || !c->isInt() || c->asInt() == 0) L.call("ll_range_check_step", {step}, T.voidType(), true);
      }
    }
    if (rtp->kind() != LLKind::PTR || rtp->target()->name() != "RANGE")
      return L.call("ll_range_list", {start, stop, step}, rtp);
    LLValue r = L.emit(LLOp::MALLOC, {L.ctype(rtp->target())}, rtp);
    L.setfield(r, "start", start);
    L.setfield(r, "stop", stop);
    L.setfield(r, "step", step);
    return r;
  }
  if (name == "str" && args.size() == 1) return L.toStr(v(0), a(0));
  if (name == "repr" && args.size() == 1) return L.toRepr(v(0), a(0));
  if (name == "bool" && args.size() == 1) return L.truth(v(0), a(0));
  if (name == "int") {
    if (args.empty()) return L.cint(0);
    Ann x = a(0);
    if (args.size() == 2) return L.call("ll_str_to_int_base", {v(0), L.convertTo(args[1], ann::someInteger())}, T.signedType(), true);
    if (x->kind == SomeKind::STRING || x->kind == SomeKind::CHAR)
      return L.call("ll_str_to_int", {L.convertTo(args[0], ann::someString())}, T.signedType(), true);
    if (x->kind == SomeKind::FLOAT) return L.call("ll_float_to_int", {v(0)}, T.signedType(), true);
    return L.convert(v(0), x, res);
  }
  if (name == "float") {
    if (args.empty()) return L.cfloat(0.0);
    Ann x = a(0);
    if (x->kind == SomeKind::STRING || x->kind == SomeKind::CHAR)
      return L.call("ll_str_to_float", {L.convertTo(args[0], ann::someString())}, T.floatType(), true);
    return L.convert(v(0), x, ann::someFloat());
  }
  if (name == "abs" && args.size() == 1) {
    if (a(0)->kind == SomeKind::FLOAT) return L.emit(LLOp::FLOAT_ABS, {v(0)}, T.floatType());
    return L.emit(LLOp::INT_ABS, {L.convertTo(args[0], ann::someInteger())}, T.signedType());
  }
  if (name == "min" || name == "max") return minmax(L, name == "max", args);
  if (name == "chr" && args.size() == 1)
    return L.call("ll_chr", {L.convertTo(args[0], ann::someInteger())}, T.charType(), true);
  if (name == "ord" && args.size() == 1) {
    if (a(0)->kind == SomeKind::CHAR) return L.emit(LLOp::CAST_CHAR_TO_INT, {v(0)}, T.signedType());
    return L.call("ll_ord_str", {v(0)}, T.signedType(), true);
  }
  if (name == "isinstance" && args.size() == 2) {
    Ann x = a(0);
    const eval::Value *cls = args[1].isConst() ? &args[1].cst()->value : nullptr;
    if (!cls && a(1)->hasConst) cls = &a(1)->constValue;
    if (!cls) return L.unsupported("isinstance() with a class chosen at run time");
    if (x->kind != SomeKind::INSTANCE) {
      // A value of a built-in type: decided by its annotation (None-able
      // strs, lists and dicts test for None).
      std::vector<const eval::ClassObj *> classes = classesOf(*cls);
      bool match = false;
      for (const eval::ClassObj *c : classes) {
        const std::string &n = c->name;
        switch (x->kind) {
        case SomeKind::BOOL: match |= n == "bool" || n == "int" || n == "object"; break;
        case SomeKind::INTEGER: match |= n == "int" || n == "object"; break;
        case SomeKind::FLOAT: match |= n == "float" || n == "object"; break;
        case SomeKind::CHAR:
        case SomeKind::STRING: match |= n == "str" || n == "object"; break;
        case SomeKind::LIST: match |= n == "list" || n == "object"; break;
        case SomeKind::DICT: match |= n == "dict" || n == "object"; break;
        case SomeKind::TUPLE: match |= n == "tuple" || n == "object"; break;
        default: return L.unsupported("isinstance() of " + ann::printType(x));
        }
      }
      if (match && x->canBeNone && v(0).type()->isPtr())
        return L.emit(LLOp::PTR_NONZERO, {v(0)}, T.boolType());
      return L.cbool(match);
    }
    LLValue obj = L.castPtr(v(0), rt.objectPtr());
    if (x->canBeNone) {
      // One helper call: null is never an instance.
      std::vector<const eval::ClassObj *> classes = classesOf(*cls);
      LLValue acc;
      for (const eval::ClassObj *c : classes) {
        ClassInfo *ci = rt.findClassOfObj(c);
        if (!ci) return L.unsupported("isinstance() against " + c->qualname);
        LLValue m = L.call("ll_isinstance", {obj, L.cint(ci->subclassMin), L.cint(ci->subclassMax)}, T.boolType());
        acc = acc.isNull() ? m
                           : LLValue(L.emit(LLOp::INT_IS_TRUE,
                                            {L.emit(LLOp::INT_OR,
                                                    {L.emit(LLOp::CAST_BOOL_TO_INT, {acc}, T.signedType()),
                                                     L.emit(LLOp::CAST_BOOL_TO_INT, {m}, T.signedType())},
                                                    T.signedType())},
                                            T.boolType()));
      }
      return acc.isNull() ? L.cbool(false) : acc;
    }
    return classMatch(L, L.getfield(obj, "typeptr"), *cls);
  }
  if (name == "enumerate" && (args.size() == 1 || args.size() == 2)) {
    if (res->kind != SomeKind::ITERATOR) return LLValue();
    LLValue it = makeIterator(L, v(0), res);
    if (args.size() == 2) L.setfield(it, "count", L.convertTo(args[1], ann::someInteger()));
    return it;
  }
  if (name == "list") return lowerListConstructor(L, args);
  if (name == "os.write" && args.size() == 2)
    return L.call("ll_os_write", {L.convertTo(args[0], ann::someInteger()), L.convertTo(args[1], ann::someString())},
                  T.signedType(), true);
  if (name == "os.read" && args.size() == 2)
    return L.call("ll_os_read", {L.convertTo(args[0], ann::someInteger()), L.convertTo(args[1], ann::someInteger())},
                  rt.strType(), true);
  if (name == "os.open" && args.size() >= 2) {
    LLValue mode = args.size() > 2 ? L.convertTo(args[2], ann::someInteger()) : L.cint(0777);
    return L.call("ll_os_open", {L.convertTo(args[0], ann::someString()), L.convertTo(args[1], ann::someInteger()), mode},
                  T.signedType(), true);
  }
  if (name == "os.close" && args.size() == 1) {
    L.call("ll_os_close", {L.convertTo(args[0], ann::someInteger())}, T.voidType(), true);
    return L.cvoid();
  }
  if (name == "time.time") return L.call("ll_time_time", {}, T.floatType());
  if (name == "time.perf_counter") return L.call("ll_time_perf_counter", {}, T.floatType());
  if (name.rfind("math.", 0) == 0) {
    std::string fn = name.substr(5);
    std::vector<LLValue> fargs;
    for (const Hlvalue &x : args) fargs.push_back(L.convertTo(x, ann::someFloat()));
    if (fn == "log" && fargs.size() == 2) fn = "log_base";
    const LLType *r = T.floatType();
    if (fn == "floor" || fn == "ceil") r = T.signedType();
    if (fn == "isnan" || fn == "isinf" || fn == "isfinite") r = T.boolType();
    LLValue out = L.call("ll_math_" + fn, fargs, r, !(fn == "isnan" || fn == "isinf" || fn == "isfinite" ||
                                                     fn == "fabs" || fn == "copysign"));
    return L.convert(out, r == T.floatType() ? ann::someFloat() : r == T.boolType() ? ann::someBool() : ann::someInteger(), res);
  }
  // rlib hints
  if (name == "rlib.rarith.intmask") {
    Ann x = a(0);
    if (x->isUnsigned) return L.emit(LLOp::CAST_UINT_TO_INT, {v(0)}, T.signedType());
    return L.convertTo(args[0], ann::someInteger());
  }
  if (name == "rlib.rarith.r_uint") return L.convertTo(args[0], ann::someInteger(false, true));
  // The operation producing the argument already checked (rint.cpp).
  if (name == "rlib.rarith.ovfcheck") return L.convertTo(args[0], ann::someInteger());
  if (name == "rlib.jit.promote" || name == "rlib.jit.promote_string") {
    // A constant in traces (guard_value); the value itself elsewhere.
    LLValue x = v(0);
    if (x.type()->kind() != LLKind::VOID && !x.isConst()) x = L.emit(LLOp::JIT_PROMOTE, {x}, x.type());
    return L.convert(x, a(0), res);
  }
  if (name == "rlib.jit.hint") return L.convert(v(0), a(0), res);
  if (name == "rlib.jit.we_are_jitted") return L.emit(LLOp::JIT_WE_ARE_JITTED, {}, T.boolType());
  if (name == "rlib.jit.record_exact_class") {
    if (!args.empty() && v(0).type()->isPtr() && !v(0).isConst())
      L.emit(LLOp::JIT_RECORD_EXACT_CLASS, {v(0)}, T.voidType());
    return L.cvoid();
  }
  if (name == "rlib.jit.set_param" && args.size() == 3) {
    // set_param(driver, 'name', value): the JIT's parameters at run time.
    Ann val = a(2);
    if (val->kind == SomeKind::STRING)
      return L.call("ll_jit_set_param_str", {v(1), v(2)}, T.voidType()), L.cvoid();
    return L.call("ll_jit_set_param", {v(1), L.convertTo(args[2], ann::someInteger())}, T.voidType()), L.cvoid();
  }
  if (name == "rlib.objectmodel.we_are_translated") return L.cbool(true);
  if (name == "rlib.jit.isconstant") {
    LLValue x = args.empty() ? LLValue() : v(0);
    if (x.isNull() || x.isConst() || x.type()->kind() == LLKind::VOID) return L.cbool(!x.isNull());
    return L.emit(LLOp::JIT_ISCONSTANT, {x}, T.boolType());
  }
  if (name == "rlib.jit.isvirtual") return L.cbool(false);
  if (name == "rlib.jit.current_trace_length") return L.cint(-1);
  if (name == "rlib.objectmodel.compute_hash" || name == "rlib.objectmodel.compute_identity_hash" ||
      name == "rlib.objectmodel.compute_unique_id") {
    Ann x = a(0);
    if (x->kind == SomeKind::STRING) return L.call("ll_str_hash", {v(0)}, T.signedType());
    if (v(0).type()->isPtr()) return L.call("ll_identity_hash", {L.castPtr(v(0), v(0).type())}, T.signedType());
    return L.convertTo(args[0], ann::someInteger());
  }
  if (kRlibHints.count(name)) return rtp->kind() == LLKind::VOID ? L.cvoid() : L.unsupported(name + "()");
  return LLValue();
}

LLValue lowerBuiltinMethod(Lowering &L, LLValue recv, const Ann &recvAnn, const std::string &name,
                           const std::vector<Hlvalue> &args) {
  switch (recvAnn->kind) {
  case SomeKind::STRING:
  case SomeKind::CHAR:
    return lowerStrMethod(L, recv, recvAnn, name, args);
  case SomeKind::LIST:
    return lowerListMethod(L, recv, recvAnn, name, args);
  case SomeKind::DICT:
    return lowerDictMethod(L, recv, recvAnn, name, args);
  default:
    return LLValue();
  }
}

} // namespace lathe::rtyper
