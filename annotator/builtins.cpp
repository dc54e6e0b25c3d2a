//===- builtins.cpp - Built-in functions, methods and rlib hints ----------===//
// Annotation rules of the run-time library of DESIGN §3: built-in
// functions (by their evaluator name: "len", "os.write", "math.sqrt", and the
// value classes int/str/float/bool/list/range used as conversions), methods
// of str/list/dict, and the rlib functions recognised by the identity of
// their FunctionObj ("rlib.jit.promote"): their bodies are never annotated.
// Each table row is one name and one rule; adding a built-in is one row.
// Method rows also carry a signature string (see MethodRow) checked before
// the rule runs, so a rule only sees well-typed positional arguments.
// Folding: isinstance() on a value type is a constant when the kind decides
// it (RPython's builtin_isinstance), and narrows a nullable str/list/dict.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <iterator>

namespace lathe::ann {

namespace {

/// A built-in's rule; `name` is its table row ("math.sqrt"), for messages.
using Rule = Ann (*)(OpContext &, const CallArgs &, const char *name);

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

Ann bLen(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "len", 1, 1)) return someImpossible();
  const Ann &x = arg(a, 0);
  if (isStrLike(x) || x->kind == SomeKind::LIST || x->kind == SomeKind::DICT ||
      x->kind == SomeKind::TUPLE)
    return someInteger(true);
  return fail(c, "object of type " + printType(x) + " has no len()");
}

Ann bPrint(OpContext &c, const CallArgs &a, const char *) {
  for (const auto &[k, v] : a.keywords)
    if (k != "end" && k != "sep") return fail(c, "print() got an unexpected keyword argument '" + k + "'");
  return someNone();
}

/// Whether every value of kind `k` is an instance of the built-in value
/// class `cls` (RPython: issubclass(knowntype, cls)); a char is a str.
bool kindIsInstance(SomeKind k, const std::string &cls) {
  if (cls == "int") return k == SomeKind::BOOL || k == SomeKind::INTEGER;
  if (cls == "bool") return k == SomeKind::BOOL;
  if (cls == "float") return k == SomeKind::FLOAT;
  if (cls == "str") return k == SomeKind::CHAR || k == SomeKind::STRING;
  if (cls == "list") return k == SomeKind::LIST;
  if (cls == "dict") return k == SomeKind::DICT;
  if (cls == "tuple") return k == SomeKind::TUPLE;
  return false;
}

/// isinstance(x, int), isinstance(x, (str, list)): folds when the kind of x
/// decides it (an int is never a str); a nullable str/list/dict is narrowed
/// to not-None in the true branch. Only `isinstance(int-valued, bool)` stays
/// open, since bool < int in the lattice.
Ann isinstanceOfValueClass(OpContext &c, const Ann &x,
                           const std::vector<const eval::ClassObj *> &classes) {
  bool yes = false, open = false;
  for (const eval::ClassObj *cls : classes) {
    yes |= kindIsInstance(x->kind, cls->name);
    open |= x->kind == SomeKind::INTEGER && cls->name == "bool";
    static const char *const known[] = {"int", "bool", "float", "str", "list", "dict", "tuple"};
    open |= std::none_of(std::begin(known), std::end(known),
                         [&](const char *n) { return cls->name == n; });
  }
  if (!yes && !open) return withConst(someBool(), eval::Value::boolean(false));
  if (!yes || x->kind == SomeKind::NONE) return someBool();
  if (!x->canBeNone) return withConst(someBool(), eval::Value::boolean(true));
  const flow::Hlvalue &xv = c.op.args[c.op.op == flow::FlowOp::CALL_ARGS ? 2 : 1];
  if (!xv.isVar()) return someBool();
  auto kt = std::make_shared<KnownTypes>();
  kt->ifTrue.push_back({xv.var(), withNone(x, false)});
  return withKnownTypes(someBool(), kt);
}

Ann bIsinstance(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "isinstance", 2, 2)) return someImpossible();
  const Ann &x = arg(a, 0), &k = arg(a, 1);
  if (!k->hasConst) return fail(c, "isinstance() needs a class (or tuple of classes) known at translation time");
  std::vector<const eval::ClassObj *> classes;
  if (eval::asClass(k->constValue)) classes.push_back(eval::asClass(k->constValue));
  if (eval::asTuple(k->constValue))
    for (const eval::Value &v : eval::asTuple(k->constValue)->items)
      if (eval::asClass(v)) classes.push_back(eval::asClass(v));
  if (classes.empty()) return fail(c, "isinstance() arg 2 must be a class or a tuple of classes");
  bool allValueClasses = true;
  for (const eval::ClassObj *cls : classes) allValueClasses &= cls->constructor != nullptr;
  if (allValueClasses)
    return isinstanceOfValueClass(c, x, classes);
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

Ann bInt(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "int", 0, 2)) return someImpossible();
  if (a.positional.size() == 2) { // int(s, base)
    if (isStrLike(arg(a, 0)) && isIntLike(arg(a, 1))) return someInteger();
    return fail(c, "int() with a base takes (str, int), not (" + printType(arg(a, 0)) + ", " +
                       printType(arg(a, 1)) + ")");
  }
  if (a.positional.empty() || isNumber(arg(a, 0)) || isStrLike(arg(a, 0))) return someInteger();
  return fail(c, "int() of " + printType(arg(a, 0)) + " is not supported");
}

Ann bFloat(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "float", 0, 1)) return someImpossible();
  if (a.positional.empty() || isNumber(arg(a, 0)) || isStrLike(arg(a, 0))) return someFloat();
  return fail(c, "float() of " + printType(arg(a, 0)) + " is not supported");
}

Ann bStr(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "str", 0, 1)) return someImpossible();
  return someString();
}

/// repr(x): the str CPython's repr gives (strings quoted, containers shown).
Ann bRepr(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "repr", 1, 1)) return someImpossible();
  return someString();
}

Ann bBool(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "bool", 0, 1)) return someImpossible();
  return someBool();
}

Ann bChr(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "chr", 1, 1)) return someImpossible();
  if (!isIntLike(arg(a, 0))) return fail(c, "chr() takes an int, not " + printType(arg(a, 0)));
  return someChar();
}

Ann bOrd(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "ord", 1, 1)) return someImpossible();
  if (!isStrLike(arg(a, 0))) return fail(c, "ord() takes a character, not " + printType(arg(a, 0)));
  return someInteger(true);
}

Ann bAbs(OpContext &c, const CallArgs &a, const char *) {
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
      return fail(c, std::string(name) + "() of " + printType(r) + " and " + printType(b.ann) +
                         ": the arguments must be all numbers or all strings");
    r = u.value;
  }
  return r;
}
Ann bMin(OpContext &c, const CallArgs &a, const char *) { return minMax(c, a, "min"); }
Ann bMax(OpContext &c, const CallArgs &a, const char *) { return minMax(c, a, "max"); }

Ann bList(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "list", 0, 1)) return someImpossible();
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  if (a.positional.empty()) return someList(d->find());
  Ann item = iterItem(c, arg(a, 0), arg(a, 0)->kind == SomeKind::ITERATOR ? arg(a, 0)->iterKind
                                                                           : IterKind::ITEMS);
  if (!item) return fail(c, printType(arg(a, 0)) + " is not iterable");
  c.bk().generalize(d->find()->item, item, a.positional[0].origin, c.loc(), "list item");
  return someList(d->find());
}

Ann bRange(OpContext &c, const CallArgs &a, const char *) {
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

Ann bEnumerate(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "enumerate", 1, 2)) return someImpossible();
  if (!iterItem(c, arg(a, 0), IterKind::ITEMS)) return fail(c, printType(arg(a, 0)) + " is not iterable");
  // The index is annotated int>=0, so a start must be one too.
  if (a.positional.size() == 2 && !(isIntLike(arg(a, 1)) && (arg(a, 1)->nonneg || arg(a, 1)->kind == SomeKind::BOOL)))
    return fail(c, "enumerate()'s start must be a non-negative int, not " + printType(arg(a, 1)));
  return someIterator(withoutConst(arg(a, 0)), IterKind::ENUMERATE);
}

Ann bOsWrite(OpContext &c, const CallArgs &a, const char *) {
  if (!arity(c, a, "os.write", 2, 2)) return someImpossible();
  if (!isIntLike(arg(a, 0)) || !isStrLike(arg(a, 1)))
    return fail(c, "os.write() takes (int, str), not (" + printType(arg(a, 0)) + ", " + printType(arg(a, 1)) + ")");
  return someInteger(true);
}
/// Checks each positional argument against `kinds`: 'i' int-like, 's' str-like.
bool argKinds(OpContext &c, const CallArgs &a, const char *name, const char *kinds) {
  for (size_t i = 0; i < a.positional.size() && kinds[i]; ++i) {
    const Ann &x = arg(a, i);
    bool ok = kinds[i] == 'i' ? isIntLike(x) : isStrLike(x) && !x->canBeNone;
    if (ok) continue;
    c.error(std::string(name) + "() argument " + std::to_string(i + 1) + " must be " +
            (kinds[i] == 'i' ? "an int" : "a str") + ", not " + printType(x));
    return false;
  }
  return true;
}
Ann bOsRead(OpContext &c, const CallArgs &a, const char *name) {
  if (!arity(c, a, name, 2, 2) || !argKinds(c, a, name, "ii")) return someImpossible();
  return someString();
}
Ann bOsOpen(OpContext &c, const CallArgs &a, const char *name) {
  if (!arity(c, a, name, 2, 3) || !argKinds(c, a, name, "sii")) return someImpossible();
  return someInteger(true);
}
Ann bOsClose(OpContext &c, const CallArgs &a, const char *name) {
  if (!arity(c, a, name, 1, 1) || !argKinds(c, a, name, "i")) return someImpossible();
  return someNone();
}
Ann bTime(OpContext &c, const CallArgs &a, const char *name) {
  if (!arity(c, a, name, 0, 0)) return someImpossible();
  return someFloat();
}
/// math.f(x) -> float over numbers; `lo`..`hi` arguments.
Ann mathFloat(OpContext &c, const CallArgs &a, const char *name, size_t lo, size_t hi) {
  if (!arity(c, a, name, lo, hi)) return someImpossible();
  for (const Binding &b : a.positional)
    if (!isNumber(b.ann)) return fail(c, std::string(name) + "() takes numbers, not " + printType(b.ann));
  return someFloat();
}
Ann bMath1(OpContext &c, const CallArgs &a, const char *name) { return mathFloat(c, a, name, 1, 1); }
Ann bMath2(OpContext &c, const CallArgs &a, const char *name) { return mathFloat(c, a, name, 2, 2); }
Ann bMathLog(OpContext &c, const CallArgs &a, const char *name) { return mathFloat(c, a, name, 1, 2); }
/// math.floor/ceil return an int in Python 3.
Ann bMathInt(OpContext &c, const CallArgs &a, const char *name) {
  if (!arity(c, a, name, 1, 1)) return someImpossible();
  if (!isNumber(arg(a, 0))) return fail(c, std::string(name) + "() takes a number, not " + printType(arg(a, 0)));
  return someInteger();
}
Ann bMathBool(OpContext &c, const CallArgs &a, const char *name) {
  if (!arity(c, a, name, 1, 1)) return someImpossible();
  if (!isNumber(arg(a, 0))) return fail(c, std::string(name) + "() takes a number, not " + printType(arg(a, 0)));
  return someBool();
}

struct BuiltinRow {
  const char *name;
  Rule rule;
};

/// `Exception.__init__(self, args...)` from a subclass' __init__: sets the
/// message (args) of the exception; any arguments.
Ann bExcInit(OpContext &c, const CallArgs &a, const char *) {
  if (a.positional.empty() || arg(a, 0)->kind != SomeKind::INSTANCE)
    return fail(c, "BaseException.__init__() takes the exception instance first");
  return someNone();
}

const BuiltinRow BUILTINS[] = {
#define BUILTIN(name, rule) {name, rule},
    BUILTIN("len", bLen) BUILTIN("print", bPrint) BUILTIN("isinstance", bIsinstance)
    BUILTIN("int", bInt) BUILTIN("float", bFloat) BUILTIN("str", bStr) BUILTIN("repr", bRepr) BUILTIN("bool", bBool)
    BUILTIN("chr", bChr) BUILTIN("ord", bOrd) BUILTIN("abs", bAbs) BUILTIN("min", bMin)
    BUILTIN("max", bMax) BUILTIN("list", bList) BUILTIN("range", bRange)
    BUILTIN("enumerate", bEnumerate) BUILTIN("os.write", bOsWrite) BUILTIN("os.read", bOsRead)
    BUILTIN("os.open", bOsOpen) BUILTIN("os.close", bOsClose) BUILTIN("time.time", bTime)
    BUILTIN("time.perf_counter", bTime) BUILTIN("BaseException.__init__", bExcInit)
    // math: the functions the module evaluator provides (evaluator_module.cpp)
    BUILTIN("math.sqrt", bMath1) BUILTIN("math.exp", bMath1) BUILTIN("math.log", bMathLog)
    BUILTIN("math.log10", bMath1) BUILTIN("math.log2", bMath1) BUILTIN("math.sin", bMath1)
    BUILTIN("math.cos", bMath1) BUILTIN("math.tan", bMath1) BUILTIN("math.asin", bMath1)
    BUILTIN("math.acos", bMath1) BUILTIN("math.atan", bMath1) BUILTIN("math.fabs", bMath1)
    BUILTIN("math.pow", bMath2) BUILTIN("math.atan2", bMath2) BUILTIN("math.hypot", bMath2)
    BUILTIN("math.fmod", bMath2) BUILTIN("math.floor", bMathInt) BUILTIN("math.ceil", bMathInt)
    BUILTIN("math.isnan", bMathBool) BUILTIN("math.isinf", bMathBool)
#undef BUILTIN
};

// --- methods ----------------------------------------------------------------------

Ann mStr(OpContext &, const Ann &, const CallArgs &) { return someString(); }
Ann mBool(OpContext &, const Ann &, const CallArgs &) { return someBool(); }
Ann mInt(OpContext &, const Ann &, const CallArgs &) { return someInteger(); }

Ann mJoin(OpContext &c, const Ann &, const CallArgs &a) {
  Ann item = iterItem(c, arg(a, 0), IterKind::ITEMS);
  if (!item || !(isStrLike(item) || isImpossible(item)))
    return fail(c, "str.join() takes a list of strings, not " + printType(arg(a, 0)));
  return someString();
}

Ann mSplit(OpContext &c, const Ann &, const CallArgs &a) {
  ListDef *d = c.bk().listDefAt(&c.op, c.loc());
  c.bk().generalize(d->find()->item, someString(), c.loc(), c.loc(), "list item");
  return someList(d->find());
}

Ann mAppend(OpContext &c, const Ann &l, const CallArgs &a) {
  ListDef *d = l->listDef->find();
  d->resized = d->mutated = true;
  c.bk().generalize(d->item, arg(a, 0), a.positional[0].origin, c.loc(), "list item");
  return someNone();
}

Ann mInsert(OpContext &c, const Ann &l, const CallArgs &a) {
  ListDef *d = l->listDef->find();
  d->resized = d->mutated = true;
  c.bk().generalize(d->item, arg(a, 1), a.positional[1].origin, c.loc(), "list item");
  return someNone();
}

Ann mPop(OpContext &c, const Ann &l, const CallArgs &a) {
  ListDef *d = l->listDef->find();
  d->resized = d->mutated = true;
  return c.bk().readSlot(d->item, c.pos(), nullptr);
}

Ann mExtend(OpContext &c, const Ann &l, const CallArgs &a) {
  // RPython's method_extend: a list agrees with the receiver; any other
  // iterable is appended item by item.
  l->listDef->find()->resized = l->listDef->find()->mutated = true;
  if (arg(a, 0)->kind == SomeKind::LIST) {
    c.bk().unifyLists(l->listDef, arg(a, 0)->listDef);
    return someNone();
  }
  Ann item = iterItem(c, arg(a, 0), arg(a, 0)->kind == SomeKind::ITERATOR ? arg(a, 0)->iterKind
                                                                           : IterKind::ITEMS);
  if (!item) return fail(c, "list.extend() takes an iterable, not " + printType(arg(a, 0)));
  if (!isImpossible(item))
    c.bk().generalize(l->listDef->find()->item, item, a.positional[0].origin, c.loc(), "list item");
  return someNone();
}

Ann mMutate(OpContext &c, const Ann &l, const CallArgs &) {
  l->listDef->find()->mutated = true;
  return someNone();
}

Ann mNonneg(OpContext &, const Ann &, const CallArgs &) { return someInteger(true); }

/// lst.index(x), lst.count(x), lst.remove(x): x is compared with the items,
/// so (as in RPython) it generalises the item annotation.
Ann mListSearch(OpContext &c, const Ann &l, const CallArgs &a) {
  ListDef *d = l->listDef->find();
  c.bk().generalize(d->item, arg(a, 0), a.positional[0].origin, c.loc(), "list item");
  return someInteger(true);
}
Ann mListRemove(OpContext &c, const Ann &l, const CallArgs &a) {
  mListSearch(c, l, a);
  l->listDef->find()->resized = l->listDef->find()->mutated = true;
  return someNone();
}

Ann mDictGet(OpContext &c, const Ann &d, const CallArgs &a) {
  DictDef *dd = d->dictDef->find();
  c.bk().generalize(dd->key, arg(a, 0), a.positional[0].origin, c.loc(), "dict key");
  Ann v = c.bk().readSlot(dd->find()->value, c.pos(), nullptr);
  Ann dflt = a.positional.size() == 2 ? arg(a, 1) : someNone();
  UnionResult u = unionOf(v, withoutConst(dflt));
  if (!u.ok()) return fail(c, "dict.get() default " + printType(dflt) + " does not match the values (" + printType(v) + ")");
  return u.value;
}

Ann mDictSetdefault(OpContext &c, const Ann &d, const CallArgs &a) {
  DictDef *dd = d->dictDef->find();
  dd->mutated = true;
  c.bk().generalize(dd->key, arg(a, 0), a.positional[0].origin, c.loc(), "dict key");
  c.bk().generalize(dd->find()->value, arg(a, 1), a.positional[1].origin, c.loc(), "dict value");
  return c.bk().readSlot(dd->find()->value, c.pos(), nullptr);
}

Ann mDictPop(OpContext &c, const Ann &d, const CallArgs &a) {
  // d.pop(k) without a default raises KeyError instead of returning None.
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

/// A method of a built-in type. `sig` gives the positional arguments, one
/// letter each: `s` str, `i` int, `a` anything; upper case (`S` str or None,
/// `I`, `A`) marks optional ones. Keyword arguments are not accepted.
struct MethodRow {
  SomeKind kind; // STRING (also for CHAR), LIST or DICT
  const char *name;
  const char *sig;
  MethodRule rule;
};

const MethodRow METHODS[] = {
#define STR(name, sig, rule) {SomeKind::STRING, name, sig, rule},
#define LIST(name, sig, rule) {SomeKind::LIST, name, sig, rule},
#define DICT(name, sig, rule) {SomeKind::DICT, name, sig, rule},
    STR("join", "a", mJoin) STR("split", "SI", mSplit) STR("rsplit", "SI", mSplit) STR("splitlines", "", mSplit)
    STR("strip", "S", mStr) STR("lstrip", "S", mStr) STR("rstrip", "S", mStr)
    STR("upper", "", mStr) STR("lower", "", mStr) STR("replace", "ssI", mStr)
    STR("encode", "SS", mStr) STR("decode", "SS", mStr)
    STR("startswith", "sII", mBool) STR("endswith", "sII", mBool)
    STR("isdigit", "", mBool) STR("isalpha", "", mBool) STR("isspace", "", mBool)
    STR("isalnum", "", mBool) STR("isupper", "", mBool) STR("islower", "", mBool)
    STR("find", "sII", mInt) STR("rfind", "sII", mInt) STR("count", "sII", mNonneg)
    STR("index", "sII", mNonneg) STR("rindex", "sII", mNonneg)
    LIST("append", "a", mAppend) LIST("insert", "ia", mInsert) LIST("pop", "I", mPop)
    LIST("extend", "a", mExtend) LIST("remove", "a", mListRemove) LIST("reverse", "", mMutate)
    LIST("sort", "", mMutate) LIST("index", "a", mListSearch) LIST("count", "a", mListSearch)
    DICT("get", "aA", mDictGet) DICT("setdefault", "aa", mDictSetdefault)
    DICT("pop", "aA", mDictPop) DICT("keys", "", mKeys) DICT("values", "", mValues)
    DICT("items", "", mItems) DICT("clear", "", mDictClear)
#undef STR
#undef LIST
#undef DICT
};

/// Checks a call against a row's signature; reports and returns false.
bool checkSignature(OpContext &c, const MethodRow &m, const CallArgs &a) {
  std::string name = std::string(someKindName(m.kind)) + "." + m.name;
  size_t hi = std::strlen(m.sig), lo = 0;
  while (lo < hi && std::islower(static_cast<unsigned char>(m.sig[lo]))) ++lo;
  if (!arity(c, a, name, lo, hi)) return false;
  for (size_t i = 0; i < a.positional.size(); ++i) {
    const Ann &x = arg(a, i);
    char k = char(std::tolower(static_cast<unsigned char>(m.sig[i])));
    bool ok = k == 'a' || (k == 'i' && isIntLike(x)) ||
              (k == 's' && isStrLike(x) && !x->canBeNone) ||
              (m.sig[i] == 'S' && x->kind == SomeKind::NONE);
    if (ok) continue;
    c.error(name + "() argument " + std::to_string(i + 1) + " must be " +
            (k == 'i' ? "an int" : "a str") + ", not " + printType(x));
    return false;
  }
  return true;
}

const MethodRow *findMethod(const Ann &recv, const std::string &name) {
  SomeKind k = recv->kind == SomeKind::CHAR ? SomeKind::STRING : recv->kind;
  for (const MethodRow &m : METHODS)
    if (m.kind == k && name == m.name) return &m;
  return nullptr;
}

// --- rlib ---------------------------------------------------------------------------

Ann rFirstArg(OpContext &c, const CallArgs &a, const char *) {
  if (a.positional.empty()) return fail(c, "this hint takes an argument");
  return withoutConst(arg(a, 0));
}
Ann rBool(OpContext &, const CallArgs &, const char *) { return someBool(); }
Ann rNone(OpContext &, const CallArgs &, const char *) { return someNone(); }
Ann rInt(OpContext &, const CallArgs &, const char *) { return someInteger(); }
Ann rTrue(OpContext &, const CallArgs &, const char *) { return withConst(someBool(), eval::Value::boolean(true)); }
Ann rIntArg(OpContext &c, const CallArgs &a, const char *) {
  if (a.positional.size() != 1 || !isIntLike(arg(a, 0)))
    return fail(c, "this rlib.rarith function takes one integer");
  return someInteger();
}
Ann rUint(OpContext &c, const CallArgs &a, const char *) {
  if (a.positional.size() != 1 || !isIntLike(arg(a, 0))) return fail(c, "r_uint() takes one integer");
  return someInteger(true, true);
}

/// `driver.jit_merge_point(**vars)`: also annotates the driver's
/// get_printable_location with the greens' annotations, so it is translated
/// and jitgen can name trace positions (debug_merge_point).
Ann rMergePoint(OpContext &c, const CallArgs &a, const char *) {
  // The driver: the receiver of `driver.jit_merge_point`, a prebuilt
  // instance (the method's self annotation does not carry it).
  const eval::InstanceObj *driver = nullptr;
  const flow::Hlvalue &callee = c.op.args[0];
  if (callee.isVar())
    for (const flow::Operation &o : c.block->operations)
      if (o.result == callee.var() && o.op == flow::FlowOp::GETATTR) {
        Ann recv = c.an.annotationOf(c.gi, o.args[0]);
        if (o.args[0].isConst()) driver = eval::asInstance(o.args[0].cst()->value);
        else if (recv->hasConst) driver = eval::asInstance(recv->constValue);
      }
  const eval::Value *f = driver ? driver->attrs.find("get_printable_location") : nullptr;
  const eval::FunctionObj *fn = f ? eval::asFunction(*f) : nullptr;
  const eval::Value *g = driver ? driver->attrs.find("greens") : nullptr;
  const eval::ListObj *greens = g ? eval::asList(*g) : nullptr;
  if (!fn || !greens) return someNone();
  CallArgs call;
  for (const eval::Value &name : greens->items) {
    const eval::StrObj *s = eval::asStr(name);
    const Binding *found = nullptr;
    for (const auto &[kw, b] : a.keywords)
      if (s && kw == s->value) found = &b;
    if (!found) return someNone(); // reported by jitgen (keywords must be the greens and reds)
    call.positional.push_back(*found);
  }
  c.an.callFunction(fn, call, c.pos(), c.loc());
  return someNone();
}

const BuiltinRow RLIB[] = {
#define RLIB(name, rule) {name, rule},
    RLIB("rlib.jit.promote", rFirstArg) RLIB("rlib.jit.promote_string", rFirstArg)
    RLIB("rlib.jit.hint", rFirstArg) RLIB("rlib.jit.we_are_jitted", rBool)
    RLIB("rlib.jit.isconstant", rBool) RLIB("rlib.jit.isvirtual", rBool)
    RLIB("rlib.jit.record_exact_class", rNone) RLIB("rlib.jit.assert_green", rNone)
    RLIB("rlib.jit.current_trace_length", rInt) RLIB("rlib.jit.set_param", rNone)
    RLIB("rlib.jit.set_user_param", rNone) RLIB("rlib.jit.JitDriver.jit_merge_point", rMergePoint)
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
    result = {b.rule(c, args, b.name), c.loc()};
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
  if (!checkSignature(c, *m, args)) return {someImpossible(), c.loc()};
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
    result = {b.rule(c, args, b.name), c.loc()};
    return true;
  }
  return false;
}

} // namespace lathe::ann
