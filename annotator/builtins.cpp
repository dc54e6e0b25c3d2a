//===- builtins.cpp - Built-in functions, methods and rlib hints ----------===//
// Annotation rules of the run-time library of DESIGN §3: built-in
// functions (by their evaluator name: "len", "os.write", "math.sqrt", and the
// value classes int/str/float/bool/list/range used as conversions), methods
// of str/list/dict, and the rlib functions recognised by the identity of
// their FunctionObj ("rlib.jit.promote"): their bodies are never annotated.
// Each table row is one name and one rule; adding a built-in is one row.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <cstring>

namespace lathe::ann {

namespace {

using Rule = Ann (*)(OpContext &, const CallArgs &);

bool nonnegOfAnn(const Ann &a) { return a->kind == SomeKind::BOOL || a->nonneg; }
using MethodRule = Ann (*)(OpContext &, const Ann &, const CallArgs &);

bool arity(OpContext &c, const CallArgs &a, const std::string &name, size_t lo, size_t hi) {
  size_t n = a.positional.size();
  if (!a.keywords.empty()) {
    c.error(name + "() takes no keyword arguments");
    return false;
  }
  if (n >= lo && n <= hi) return true;
  std::string want = lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi);
  c.error(name + "() takes " + want + " argument" + (hi == 1 ? "" : "s") + " but " +
          std::to_string(n) + (n == 1 ? " was" : " were") + " given");
  return false;
}

Ann fail(OpContext &c, const std::string &msg) {
  c.error(msg);
  return someImpossible();
}

const Ann &arg(const CallArgs &a, size_t i) { return a.positional[i].ann; }

// --- functions ------------------------------------------------------------------

Ann bLen(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "len", 1, 1)) return someImpossible();
  const Ann &x = arg(a, 0);
  if (isStrLike(x) || x->kind == SomeKind::LIST || x->kind == SomeKind::DICT ||
      x->kind == SomeKind::TUPLE)
    return someInteger(true);
  return fail(c, "object of type " + printType(x) + " has no len()");
}

Ann bPrint(OpContext &c, const CallArgs &a) {
  for (const auto &[k, v] : a.keywords)
    if (k != "end" && k != "sep") return fail(c, "print() got an unexpected keyword argument '" + k + "'");
  return someNone();
}

Ann bIsinstance(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "isinstance", 2, 2)) return someImpossible();
  const Ann &x = arg(a, 0), &k = arg(a, 1);
  if (!k->hasConst) return fail(c, "isinstance() needs a class (or tuple of classes) known at translation time");
  std::vector<const eval::ClassObj *> classes;
  if (eval::asClass(k->constValue)) classes.push_back(eval::asClass(k->constValue));
  if (eval::asTuple(k->constValue))
    for (const eval::Value &v : eval::asTuple(k->constValue)->items)
      if (eval::asClass(v)) classes.push_back(eval::asClass(v));
  ClassDef *target = nullptr;
  for (const eval::ClassObj *cls : classes) {
    ClassDef *cd = cls->constructor ? nullptr : c.bk().classDefFor(cls);
    if (!cd) return someBool();
    target = target ? ClassDef::commonBase(target, cd) : cd;
  }
  Ann narrowed = target ? narrowToClass(x, target) : nullptr;
  if (!narrowed) return someBool();
  if (isImpossible(narrowed)) return withConst(someBool(), eval::Value::boolean(false));
  if (classes.size() == 1 && x->kind == SomeKind::INSTANCE && !x->canBeNone &&
      x->classDef->isSubclassOf(target))
    return withConst(someBool(), eval::Value::boolean(true));
  const flow::Hlvalue &xv = c.op.args[c.op.op == flow::FlowOp::CALL_ARGS ? 2 : 1];
  if (!xv.isVar() || classes.size() != 1) return someBool();
  auto kt = std::make_shared<KnownTypes>();
  kt->ifTrue.push_back({xv.var(), narrowed});
  return withKnownTypes(someBool(), kt);
}

Ann bInt(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "int", 0, 1)) return someImpossible();
  if (a.positional.empty() || isNumber(arg(a, 0)) || isStrLike(arg(a, 0))) return someInteger();
  return fail(c, "int() of " + printType(arg(a, 0)) + " is not supported");
}

Ann bFloat(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "float", 0, 1)) return someImpossible();
  if (a.positional.empty() || isNumber(arg(a, 0)) || isStrLike(arg(a, 0))) return someFloat();
  return fail(c, "float() of " + printType(arg(a, 0)) + " is not supported");
}

Ann bStr(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "str", 0, 1)) return someImpossible();
  return someString();
}

Ann bBool(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "bool", 0, 1)) return someImpossible();
  return someBool();
}

Ann bChr(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "chr", 1, 1)) return someImpossible();
  if (!isIntLike(arg(a, 0))) return fail(c, "chr() takes an int, not " + printType(arg(a, 0)));
  return someChar();
}

Ann bOrd(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "ord", 1, 1)) return someImpossible();
  if (!isStrLike(arg(a, 0))) return fail(c, "ord() takes a character, not " + printType(arg(a, 0)));
  return someInteger(true);
}

Ann bAbs(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "abs", 1, 1)) return someImpossible();
  if (arg(a, 0)->kind == SomeKind::FLOAT) return someFloat();
  if (isIntLike(arg(a, 0))) return someInteger(true);
  return fail(c, "abs() of " + printType(arg(a, 0)) + " is not supported");
}

Ann minMax(OpContext &c, const CallArgs &a, const char *name) {
  if (a.positional.empty()) return fail(c, std::string(name) + "() expects at least 1 argument");
  if (a.positional.size() == 1) {
    Ann item = iterItem(c, arg(a, 0), IterKind::ITEMS);
    return item ? item : fail(c, printType(arg(a, 0)) + " is not iterable");
  }
  Ann r = someImpossible();
  for (const Binding &b : a.positional) {
    UnionResult u = unionOf(r, withoutConst(b.ann));
    if (!u.ok() || !(isNumber(u.value) || isStrLike(u.value)))
      return fail(c, std::string(name) + "() of mixed or unordered types");
    r = u.value;
  }
  return r;
}
Ann bMin(OpContext &c, const CallArgs &a) { return minMax(c, a, "min"); }
Ann bMax(OpContext &c, const CallArgs &a) { return minMax(c, a, "max"); }

Ann bList(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "list", 0, 1)) return someImpossible();
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  if (a.positional.empty()) return someList(d->find());
  Ann item = iterItem(c, arg(a, 0), arg(a, 0)->kind == SomeKind::ITERATOR ? arg(a, 0)->iterKind
                                                                           : IterKind::ITEMS);
  if (!item) return fail(c, printType(arg(a, 0)) + " is not iterable");
  c.bk().generalize(d->find()->item, item, a.positional[0].origin, c.loc(), "list item");
  return someList(d->find());
}

Ann bRange(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "range", 1, 3)) return someImpossible();
  bool nonneg = true;
  for (const Binding &b : a.positional) {
    if (!isIntLike(b.ann)) return fail(c, "range() takes integers, not " + printType(b.ann));
    nonneg &= nonnegOfAnn(b.ann);
  }
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  d->find()->range = true;
  c.bk().generalize(d->find()->item, someInteger(nonneg), c.loc(), c.loc(), "list item");
  return someList(d->find());
}

Ann bEnumerate(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "enumerate", 1, 1)) return someImpossible();
  if (!iterItem(c, arg(a, 0), IterKind::ITEMS)) return fail(c, printType(arg(a, 0)) + " is not iterable");
  return someIterator(withoutConst(arg(a, 0)), IterKind::ENUMERATE);
}

Ann bOsWrite(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "os.write", 2, 2)) return someImpossible();
  if (!isIntLike(arg(a, 0)) || !isStrLike(arg(a, 1)))
    return fail(c, "os.write() takes (int, str), not (" + printType(arg(a, 0)) + ", " + printType(arg(a, 1)) + ")");
  return someInteger(true);
}
Ann bOsRead(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "os.read", 2, 2)) return someImpossible();
  return someString();
}
Ann bOsOpen(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "os.open", 2, 3)) return someImpossible();
  return someInteger(true);
}
Ann bOsClose(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "os.close", 1, 1)) return someImpossible();
  return someNone();
}
Ann bTime(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "time", 0, 0)) return someImpossible();
  return someFloat();
}
Ann bMathFloat(OpContext &c, const CallArgs &a) {
  for (const Binding &b : a.positional)
    if (!isNumber(b.ann)) return fail(c, "math functions take numbers, not " + printType(b.ann));
  return someFloat();
}
Ann bMathInt(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "math", 1, 1)) return someImpossible();
  return someInteger();
}
Ann bMathBool(OpContext &c, const CallArgs &a) {
  if (!arity(c, a, "math", 1, 1)) return someImpossible();
  return someBool();
}

struct BuiltinRow {
  const char *name;
  Rule rule;
};

const BuiltinRow BUILTINS[] = {
#define BUILTIN(name, rule) {name, rule},
    BUILTIN("len", bLen) BUILTIN("print", bPrint) BUILTIN("isinstance", bIsinstance)
    BUILTIN("int", bInt) BUILTIN("float", bFloat) BUILTIN("str", bStr) BUILTIN("bool", bBool)
    BUILTIN("chr", bChr) BUILTIN("ord", bOrd) BUILTIN("abs", bAbs) BUILTIN("min", bMin)
    BUILTIN("max", bMax) BUILTIN("list", bList) BUILTIN("range", bRange)
    BUILTIN("enumerate", bEnumerate) BUILTIN("os.write", bOsWrite) BUILTIN("os.read", bOsRead)
    BUILTIN("os.open", bOsOpen) BUILTIN("os.close", bOsClose) BUILTIN("time.time", bTime)
    BUILTIN("time.perf_counter", bTime) BUILTIN("math.sqrt", bMathFloat)
    BUILTIN("math.sin", bMathFloat) BUILTIN("math.cos", bMathFloat) BUILTIN("math.tan", bMathFloat)
    BUILTIN("math.exp", bMathFloat) BUILTIN("math.log", bMathFloat) BUILTIN("math.pow", bMathFloat)
    BUILTIN("math.fabs", bMathFloat) BUILTIN("math.atan", bMathFloat)
    BUILTIN("math.atan2", bMathFloat) BUILTIN("math.hypot", bMathFloat)
    BUILTIN("math.fmod", bMathFloat) BUILTIN("math.floor", bMathInt) BUILTIN("math.ceil", bMathInt)
    BUILTIN("math.isnan", bMathBool) BUILTIN("math.isinf", bMathBool)
#undef BUILTIN
};

// --- methods ----------------------------------------------------------------------

Ann mStr(OpContext &, const Ann &, const CallArgs &) { return someString(); }
Ann mBool(OpContext &, const Ann &, const CallArgs &) { return someBool(); }
Ann mInt(OpContext &, const Ann &, const CallArgs &) { return someInteger(); }

Ann mJoin(OpContext &c, const Ann &, const CallArgs &a) {
  if (!arity(c, a, "str.join", 1, 1)) return someImpossible();
  Ann item = iterItem(c, arg(a, 0), IterKind::ITEMS);
  if (!item || !(isStrLike(item) || isImpossible(item)))
    return fail(c, "str.join() takes a list of strings, not " + printType(arg(a, 0)));
  return someString();
}

Ann mSplit(OpContext &c, const Ann &, const CallArgs &a) {
  if (!arity(c, a, "str.split", 0, 2)) return someImpossible();
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  c.bk().generalize(d->find()->item, someString(), c.loc(), c.loc(), "list item");
  return someList(d->find());
}

Ann mAppend(OpContext &c, const Ann &l, const CallArgs &a) {
  if (!arity(c, a, "list.append", 1, 1)) return someImpossible();
  ListDef *d = l->listDef->find();
  d->resized = d->mutated = true;
  c.bk().generalize(d->item, arg(a, 0), a.positional[0].origin, c.loc(), "list item");
  return someNone();
}

Ann mInsert(OpContext &c, const Ann &l, const CallArgs &a) {
  if (!arity(c, a, "list.insert", 2, 2)) return someImpossible();
  ListDef *d = l->listDef->find();
  d->resized = d->mutated = true;
  c.bk().generalize(d->item, arg(a, 1), a.positional[1].origin, c.loc(), "list item");
  return someNone();
}

Ann mPop(OpContext &c, const Ann &l, const CallArgs &a) {
  if (!arity(c, a, "list.pop", 0, 1)) return someImpossible();
  ListDef *d = l->listDef->find();
  d->resized = d->mutated = true;
  return c.bk().readSlot(d->item, c.pos(), nullptr);
}

Ann mExtend(OpContext &c, const Ann &l, const CallArgs &a) {
  if (!arity(c, a, "list.extend", 1, 1)) return someImpossible();
  if (arg(a, 0)->kind != SomeKind::LIST) return fail(c, "list.extend() takes a list, not " + printType(arg(a, 0)));
  c.bk().unifyLists(l->listDef, arg(a, 0)->listDef);
  l->listDef->find()->resized = true;
  return someNone();
}

Ann mResize(OpContext &c, const Ann &l, const CallArgs &) {
  l->listDef->find()->resized = l->listDef->find()->mutated = true;
  return someNone();
}

Ann mMutate(OpContext &c, const Ann &l, const CallArgs &) {
  l->listDef->find()->mutated = true;
  return someNone();
}

Ann mListIndex(OpContext &, const Ann &, const CallArgs &) { return someInteger(true); }

Ann mDictGet(OpContext &c, const Ann &d, const CallArgs &a) {
  if (!arity(c, a, "dict.get", 1, 2)) return someImpossible();
  DictDef *dd = d->dictDef->find();
  c.bk().generalize(dd->key, arg(a, 0), a.positional[0].origin, c.loc(), "dict key");
  Ann v = c.bk().readSlot(dd->find()->value, c.pos(), nullptr);
  Ann dflt = a.positional.size() == 2 ? arg(a, 1) : someNone();
  UnionResult u = unionOf(v, withoutConst(dflt));
  if (!u.ok()) return fail(c, "dict.get() default " + printType(dflt) + " does not match the values (" + printType(v) + ")");
  return u.value;
}

Ann mDictSetdefault(OpContext &c, const Ann &d, const CallArgs &a) {
  if (!arity(c, a, "dict.setdefault", 2, 2)) return someImpossible();
  DictDef *dd = d->dictDef->find();
  dd->mutated = true;
  c.bk().generalize(dd->key, arg(a, 0), a.positional[0].origin, c.loc(), "dict key");
  c.bk().generalize(dd->find()->value, arg(a, 1), a.positional[1].origin, c.loc(), "dict value");
  return c.bk().readSlot(dd->find()->value, c.pos(), nullptr);
}

Ann mDictPop(OpContext &c, const Ann &d, const CallArgs &a) {
  if (!arity(c, a, "dict.pop", 1, 2)) return someImpossible();
  d->dictDef->find()->mutated = true;
  return mDictGet(c, d, a.positional.size() == 2 ? a : CallArgs{{a.positional[0], {someImpossible(), {}}}, {}});
}

Ann mKeys(OpContext &, const Ann &d, const CallArgs &) { return someIterator(withoutConst(d), IterKind::ITEMS); }
Ann mValues(OpContext &, const Ann &d, const CallArgs &) { return someIterator(withoutConst(d), IterKind::VALUES); }
Ann mItems(OpContext &, const Ann &d, const CallArgs &) { return someIterator(withoutConst(d), IterKind::PAIRS); }
Ann mDictClear(OpContext &, const Ann &d, const CallArgs &) {
  d->dictDef->find()->mutated = true;
  return someNone();
}

struct MethodRow {
  SomeKind kind; // STRING (also for CHAR), LIST or DICT
  const char *name;
  MethodRule rule;
};

const MethodRow METHODS[] = {
#define STR(name, rule) {SomeKind::STRING, name, rule},
#define LIST(name, rule) {SomeKind::LIST, name, rule},
#define DICT(name, rule) {SomeKind::DICT, name, rule},
    STR("join", mJoin) STR("split", mSplit) STR("strip", mStr) STR("lstrip", mStr)
    STR("rstrip", mStr) STR("upper", mStr) STR("lower", mStr) STR("replace", mStr)
    STR("encode", mStr) STR("decode", mStr) STR("startswith", mBool) STR("endswith", mBool)
    STR("isdigit", mBool) STR("isalpha", mBool) STR("isspace", mBool) STR("isalnum", mBool)
    STR("isupper", mBool) STR("islower", mBool) STR("find", mInt) STR("rfind", mInt)
    STR("count", mInt) STR("index", mInt)
    LIST("append", mAppend) LIST("insert", mInsert) LIST("pop", mPop) LIST("extend", mExtend)
    LIST("remove", mResize) LIST("reverse", mMutate) LIST("sort", mMutate)
    LIST("index", mListIndex) LIST("count", mListIndex)
    DICT("get", mDictGet) DICT("setdefault", mDictSetdefault) DICT("pop", mDictPop)
    DICT("keys", mKeys) DICT("values", mValues) DICT("items", mItems) DICT("clear", mDictClear)
#undef STR
#undef LIST
#undef DICT
};

const MethodRow *findMethod(const Ann &recv, const std::string &name) {
  SomeKind k = recv->kind == SomeKind::CHAR ? SomeKind::STRING : recv->kind;
  for (const MethodRow &m : METHODS)
    if (m.kind == k && name == m.name) return &m;
  return nullptr;
}

// --- rlib ---------------------------------------------------------------------------

Ann rFirstArg(OpContext &c, const CallArgs &a) {
  if (a.positional.empty()) return fail(c, "this hint takes an argument");
  return withoutConst(arg(a, 0));
}
Ann rBool(OpContext &, const CallArgs &) { return someBool(); }
Ann rNone(OpContext &, const CallArgs &) { return someNone(); }
Ann rInt(OpContext &, const CallArgs &) { return someInteger(); }
Ann rTrue(OpContext &, const CallArgs &) { return withConst(someBool(), eval::Value::boolean(true)); }
Ann rIntArg(OpContext &c, const CallArgs &a) {
  if (a.positional.size() != 1 || !isIntLike(arg(a, 0)))
    return fail(c, "this rlib.rarith function takes one integer");
  return someInteger();
}
Ann rUint(OpContext &c, const CallArgs &a) {
  if (a.positional.size() != 1 || !isIntLike(arg(a, 0))) return fail(c, "r_uint() takes one integer");
  return someInteger(true, true);
}

const BuiltinRow RLIB[] = {
#define RLIB(name, rule) {name, rule},
    RLIB("rlib.jit.promote", rFirstArg) RLIB("rlib.jit.promote_string", rFirstArg)
    RLIB("rlib.jit.hint", rFirstArg) RLIB("rlib.jit.we_are_jitted", rBool)
    RLIB("rlib.jit.isconstant", rBool) RLIB("rlib.jit.isvirtual", rBool)
    RLIB("rlib.jit.record_exact_class", rNone) RLIB("rlib.jit.assert_green", rNone)
    RLIB("rlib.jit.current_trace_length", rInt) RLIB("rlib.jit.set_param", rNone)
    RLIB("rlib.jit.set_user_param", rNone) RLIB("rlib.jit.JitDriver.jit_merge_point", rNone)
    RLIB("rlib.jit.JitDriver.can_enter_jit", rNone) RLIB("rlib.jit.JitDriver.loop_header", rNone)
    RLIB("rlib.rarith.intmask", rIntArg) RLIB("rlib.rarith.ovfcheck", rIntArg)
    RLIB("rlib.rarith.r_uint", rUint) RLIB("rlib.objectmodel.we_are_translated", rTrue)
    RLIB("rlib.objectmodel.keepalive_until_here", rNone)
    RLIB("rlib.objectmodel.compute_hash", rInt) RLIB("rlib.objectmodel.compute_identity_hash", rInt)
    RLIB("rlib.objectmodel.compute_unique_id", rInt)
#undef RLIB
};

} // namespace

bool callBuiltin(OpContext &c, const std::string &name, const CallArgs &args, Binding &result) {
  for (const BuiltinRow &b : BUILTINS) {
    if (name != b.name) continue;
    result = {b.rule(c, args), c.loc()};
    return true;
  }
  return false;
}

bool hasBuiltinMethod(const Ann &recv, const std::string &name) {
  return findMethod(recv, name) != nullptr;
}

Binding callBuiltinMethod(OpContext &c, const Ann &recv, const std::string &name,
                          const CallArgs &args) {
  const MethodRow *m = findMethod(recv, name);
  if (!m) {
    c.error(printType(recv) + " has no method '" + name + "'");
    return {someImpossible(), c.loc()};
  }
  SrcLoc before = c.resultOrigin;
  c.resultOrigin = {};
  Ann r = m->rule(c, recv, args);
  SrcLoc origin = c.resultOrigin.known() ? c.resultOrigin : c.loc();
  c.resultOrigin = before;
  return {r, origin};
}

bool callRlib(OpContext &c, const eval::FunctionObj *f, const CallArgs &args, Binding &result) {
  if (!f->module) return false;
  return callRlibName(c, f->module->name + "." + f->qualname, args, result);
}

bool callRlibName(OpContext &c, const std::string &key, const CallArgs &args, Binding &result) {
  if (key.compare(0, 5, "rlib.") != 0) return false;
  for (const BuiltinRow &b : RLIB) {
    if (key != b.name) continue;
    result = {b.rule(c, args), c.loc()};
    return true;
  }
  return false;
}

} // namespace lathe::ann
