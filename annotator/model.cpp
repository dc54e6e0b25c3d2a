//===- model.cpp - The annotation lattice: constructors, union, printing ---===//
// Implements model.h. `unionOf` follows RPython's model.py/binaryop.py union
// rules with Python's numeric promotion (bool < int < float, unsigned wins)
// and explicit failure (a reason string) instead of an exception.
//===----------------------------------------------------------------------===//
#include "annotator/model.h"

#include "annotator/bookkeeper.h"

#include <algorithm>
#include <cassert>

namespace lathe::ann {

const char *someKindName(SomeKind k) {
  switch (k) {
#define X(NAME, name)                                                                       \
  case SomeKind::NAME:                                                                      \
    return name;
    LATHE_SOMEKINDS(X)
#undef X
  }
  return "?";
}

namespace {

Ann make(SomeKind k) {
  auto s = std::make_shared<SomeValue>();
  s->kind = k;
  return s;
}

std::shared_ptr<SomeValue> copyOf(const Ann &a) { return std::make_shared<SomeValue>(*a); }

} // namespace

Ann someImpossible() {
  static const Ann a = make(SomeKind::IMPOSSIBLE);
  return a;
}
Ann someFailed() {
  static const Ann a = [] {
    auto s = std::make_shared<SomeValue>();
    s->failed = true;
    return Ann(s);
  }();
  return a;
}
Ann someBool() {
  static const Ann a = make(SomeKind::BOOL);
  return a;
}
Ann someInteger(bool nonneg, bool isUnsigned) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::INTEGER;
  s->nonneg = nonneg || isUnsigned;
  s->isUnsigned = isUnsigned;
  return s;
}
Ann someFloat() {
  static const Ann a = make(SomeKind::FLOAT);
  return a;
}
Ann someChar() {
  static const Ann a = make(SomeKind::CHAR);
  return a;
}
Ann someString(bool canBeNone) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::STRING;
  s->canBeNone = canBeNone;
  return s;
}
Ann someNone() {
  static const Ann a = [] {
    auto s = std::make_shared<SomeValue>();
    s->kind = SomeKind::NONE;
    s->hasConst = true; // None is always the constant None
    return Ann(s);
  }();
  return a;
}
Ann someTuple(std::vector<Ann> items) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::TUPLE;
  s->items = std::move(items);
  return s;
}
Ann someList(ListDef *def, bool canBeNone) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::LIST;
  s->listDef = def;
  s->canBeNone = canBeNone;
  return s;
}
Ann someDict(DictDef *def, bool canBeNone) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::DICT;
  s->dictDef = def;
  s->canBeNone = canBeNone;
  return s;
}
Ann someInstance(ClassDef *cd, bool canBeNone) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::INSTANCE;
  s->classDef = cd;
  s->canBeNone = canBeNone;
  return s;
}
Ann somePBC(std::vector<Desc *> descs, bool canBeNone) {
  std::sort(descs.begin(), descs.end(), [](Desc *a, Desc *b) { return a->key() < b->key(); });
  descs.erase(std::unique(descs.begin(), descs.end()), descs.end());
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::PBC;
  s->descs = std::move(descs);
  s->canBeNone = canBeNone;
  return s;
}
Ann someIterator(Ann container, IterKind kind) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::ITERATOR;
  s->items = {std::move(container)};
  s->iterKind = kind;
  return s;
}
Ann someExcType(ClassDef *cd) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::EXCTYPE;
  s->classDef = cd;
  return s;
}
Ann someBuiltin(std::string name) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::BUILTIN;
  s->name = std::move(name);
  return s;
}
Ann someBuiltinMethod(Ann receiver, std::string name) {
  auto s = std::make_shared<SomeValue>();
  s->kind = SomeKind::BUILTIN_METHOD;
  s->items = {withoutConst(receiver)};
  s->name = std::move(name);
  return s;
}

Ann withConst(const Ann &a, eval::Value v) {
  auto s = copyOf(a);
  s->hasConst = true;
  s->constValue = v;
  return s;
}
Ann withoutConst(const Ann &a) {
  if (a->kind == SomeKind::NONE || (!a->hasConst && !a->knownTypes && a->typeOf.empty()))
    return a;
  auto s = copyOf(a);
  s->hasConst = false;
  s->constValue = eval::Value();
  s->knownTypes.reset();
  s->typeOf.clear();
  return s;
}
Ann withNone(const Ann &a, bool canBeNone) {
  switch (a->kind) {
  case SomeKind::NONE:
    return canBeNone ? a : someImpossible();
  case SomeKind::STRING:
  case SomeKind::LIST:
  case SomeKind::DICT:
  case SomeKind::INSTANCE:
  case SomeKind::PBC: {
    if (a->canBeNone == canBeNone) return a;
    auto s = copyOf(a);
    s->canBeNone = canBeNone;
    return s;
  }
  case SomeKind::CHAR:
    return canBeNone ? someString(true) : a;
  case SomeKind::IMPOSSIBLE:
  case SomeKind::BOOL:
  case SomeKind::INTEGER:
  case SomeKind::FLOAT:
  case SomeKind::TUPLE:
  case SomeKind::ITERATOR:
  case SomeKind::EXCTYPE:
  case SomeKind::BUILTIN:
  case SomeKind::BUILTIN_METHOD:
    return a;
  }
  return a;
}
Ann withKnownTypes(const Ann &a, std::shared_ptr<const KnownTypes> kt) {
  assert(a->kind == SomeKind::BOOL && "narrowing facts live on bools");
  auto s = copyOf(a);
  s->knownTypes = std::move(kt);
  return s;
}

bool isImpossible(const Ann &a) { return a->kind == SomeKind::IMPOSSIBLE; }
bool isFailed(const Ann &a) { return a->failed; }
bool isIntLike(const Ann &a) { return a->kind == SomeKind::BOOL || a->kind == SomeKind::INTEGER; }
bool isNumber(const Ann &a) { return isIntLike(a) || a->kind == SomeKind::FLOAT; }
bool isStrLike(const Ann &a) { return a->kind == SomeKind::CHAR || a->kind == SomeKind::STRING; }
bool canBeNone(const Ann &a) { return a->kind == SomeKind::NONE || a->canBeNone; }

namespace {

bool sameItems(const std::vector<Ann> &a, const std::vector<Ann> &b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (!sameAnn(a[i], b[i])) return false;
  return true;
}

bool sameConst(const SomeValue &a, const SomeValue &b) {
  if (a.hasConst != b.hasConst) return false;
  return !a.hasConst || a.constValue.identical(b.constValue);
}

} // namespace

bool sameAnn(const Ann &a, const Ann &b) {
  if (a == b) return true;
  if (a->kind != b->kind || a->failed != b->failed || a->canBeNone != b->canBeNone || a->nonneg != b->nonneg ||
      a->isUnsigned != b->isUnsigned || !sameConst(*a, *b))
    return false;
  switch (a->kind) {
  case SomeKind::TUPLE:
  case SomeKind::ITERATOR:
  case SomeKind::BUILTIN_METHOD:
    return a->iterKind == b->iterKind && a->name == b->name && sameItems(a->items, b->items);
  case SomeKind::LIST:
    return a->listDef->find() == b->listDef->find();
  case SomeKind::DICT:
    return a->dictDef->find() == b->dictDef->find();
  case SomeKind::INSTANCE:
    return a->classDef == b->classDef;
  case SomeKind::EXCTYPE:
    return a->classDef == b->classDef && a->typeOf == b->typeOf;
  case SomeKind::PBC:
    return a->descs == b->descs;
  case SomeKind::BUILTIN:
    return a->name == b->name;
  case SomeKind::BOOL:
    return a->knownTypes == b->knownTypes;
  case SomeKind::IMPOSSIBLE:
  case SomeKind::INTEGER:
  case SomeKind::FLOAT:
  case SomeKind::CHAR:
  case SomeKind::STRING:
  case SomeKind::NONE:
    return true;
  }
  return true;
}

// --- union ---------------------------------------------------------------

namespace {

UnionResult fail(std::string why) { return {nullptr, std::move(why)}; }

/// Keeps the constant when both sides are the same constant.
Ann keepConst(Ann u, const Ann &a, const Ann &b) {
  if (a->hasConst && b->hasConst && a->constValue.identical(b->constValue) &&
      u->kind != SomeKind::NONE)
    return withConst(u, a->constValue);
  return u;
}

// int-like ∪ int-like, with float absorbing: bool < int < float.
Ann unionNumbers(const Ann &a, const Ann &b) {
  if (a->kind == SomeKind::FLOAT || b->kind == SomeKind::FLOAT) return someFloat();
  if (a->kind == SomeKind::BOOL && b->kind == SomeKind::BOOL) return someBool();
  bool nonnegA = a->kind == SomeKind::BOOL || a->nonneg;
  bool nonnegB = b->kind == SomeKind::BOOL || b->nonneg;
  bool uns = a->isUnsigned || b->isUnsigned;
  return someInteger(nonnegA && nonnegB, uns);
}

UnionResult unionTuples(const Ann &a, const Ann &b) {
  if (a->items.size() != b->items.size())
    return fail("tuples of different lengths (" + std::to_string(a->items.size()) + " and " +
                std::to_string(b->items.size()) + ")");
  std::vector<Ann> items;
  for (size_t i = 0; i < a->items.size(); ++i) {
    UnionResult r = unionOf(a->items[i], b->items[i]);
    if (!r.ok()) return fail("item " + std::to_string(i) + ": " + r.why);
    items.push_back(r.value);
  }
  return {someTuple(std::move(items)), {}};
}

UnionResult unionPBCs(const Ann &a, const Ann &b) {
  std::vector<Desc *> descs = a->descs;
  descs.insert(descs.end(), b->descs.begin(), b->descs.end());
  for (Desc *d : descs)
    if (d->kind != descs.front()->kind)
      return fail("a " + descs.front()->describe() + " and a " + d->describe() +
                  " cannot be used as the same value");
  return {somePBC(std::move(descs), a->canBeNone || b->canBeNone), {}};
}

UnionResult unionSameKind(const Ann &a, const Ann &b) {
  bool none = a->canBeNone || b->canBeNone;
  switch (a->kind) {
  case SomeKind::IMPOSSIBLE:
  case SomeKind::NONE:
  case SomeKind::CHAR:
  case SomeKind::FLOAT:
  case SomeKind::BOOL:
    return {withoutConst(a), {}};
  case SomeKind::INTEGER:
    return {unionNumbers(a, b), {}};
  case SomeKind::STRING:
    return {someString(none), {}};
  case SomeKind::TUPLE:
    return unionTuples(a, b);
  case SomeKind::LIST:
    unionListDefs(a->listDef, b->listDef);
    return {someList(a->listDef->find(), none), {}};
  case SomeKind::DICT:
    unionDictDefs(a->dictDef, b->dictDef);
    return {someDict(a->dictDef->find(), none), {}};
  case SomeKind::INSTANCE: {
    ClassDef *base = ClassDef::commonBase(a->classDef, b->classDef);
    if (!base)
      return fail("instances of " + a->classDef->name() + " and " + b->classDef->name() +
                  " have no common base class");
    return {someInstance(base, none), {}};
  }
  case SomeKind::EXCTYPE: {
    ClassDef *base = ClassDef::commonBase(a->classDef, b->classDef);
    if (!base) return fail("unrelated exception classes");
    Ann t = someExcType(base);
    if (a->typeOf == b->typeOf) std::const_pointer_cast<SomeValue>(t)->typeOf = a->typeOf;
    return {t, {}};
  }
  case SomeKind::PBC:
    return unionPBCs(a, b);
  case SomeKind::ITERATOR: {
    if (a->iterKind != b->iterKind) return fail("iterators of different kinds");
    UnionResult r = unionOf(a->items[0], b->items[0]);
    if (!r.ok()) return r;
    return {someIterator(r.value, a->iterKind), {}};
  }
  case SomeKind::BUILTIN:
    if (a->name != b->name) return fail("two different built-in functions");
    return {a, {}};
  case SomeKind::BUILTIN_METHOD: {
    if (a->name != b->name) return fail("two different methods");
    UnionResult r = unionOf(a->items[0], b->items[0]);
    if (!r.ok()) return r;
    return {someBuiltinMethod(r.value, a->name), {}};
  }
  }
  return fail("?");
}

bool nullable(SomeKind k) {
  return k == SomeKind::STRING || k == SomeKind::LIST || k == SomeKind::DICT ||
         k == SomeKind::INSTANCE || k == SomeKind::PBC || k == SomeKind::CHAR;
}

} // namespace

UnionResult unionOf(const Ann &a, const Ann &b) {
  // Bottom is the identity; between two bottoms the failed one wins.
  if (a->kind == SomeKind::IMPOSSIBLE) return {isImpossible(b) && a->failed ? a : b, {}};
  if (b->kind == SomeKind::IMPOSSIBLE) return {a, {}};
  if (a == b) return {a, {}};
  UnionResult r;
  if (a->kind == b->kind) {
    r = unionSameKind(a, b);
  } else if (isNumber(a) && isNumber(b)) {
    r = {unionNumbers(a, b), {}};
  } else if (isStrLike(a) && isStrLike(b)) {
    r = {someString(a->canBeNone || b->canBeNone), {}};
  } else if (a->kind == SomeKind::NONE && nullable(b->kind)) {
    return {withNone(withoutConst(b), true), {}};
  } else if (b->kind == SomeKind::NONE && nullable(a->kind)) {
    return {withNone(withoutConst(a), true), {}};
  } else {
    return fail("");
  }
  if (!r.ok()) return r;
  return {keepConst(r.value, a, b), {}};
}

// --- printing --------------------------------------------------------------

namespace {

std::string joinAnns(const std::vector<Ann> &items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + printType(items[i]);
  return out;
}

std::string orNone(std::string s, bool none) { return none ? s + " or None" : s; }

std::string printList(const Ann &a) {
  ListDef *d = a->listDef->find();
  std::string head = d->range ? "range" : d->resized ? "list" : "fixedlist";
  return orNone(head + "[" + printType(d->item.ann) + "]", a->canBeNone);
}

std::string printDict(const Ann &a) {
  DictDef *d = a->dictDef->find();
  return orNone("dict[" + printType(d->key.ann) + ", " + printType(d->value.ann) + "]",
                a->canBeNone);
}

std::string printPBC(const Ann &a) {
  std::string out;
  for (size_t i = 0; i < a->descs.size(); ++i) out += (i ? " | " : "") + a->descs[i]->describe();
  return orNone(a->descs.size() == 1 ? out : "{" + out + "}", a->canBeNone);
}

const char *iterName(IterKind k) {
  switch (k) {
  case IterKind::ITEMS:
    return "iter";
  case IterKind::VALUES:
    return "itervalues";
  case IterKind::PAIRS:
    return "iteritems";
  case IterKind::ENUMERATE:
    return "enumerate";
  }
  return "?";
}

} // namespace

std::string printType(const Ann &a) {
  switch (a->kind) {
  case SomeKind::INTEGER:
    return a->isUnsigned ? "uint" : a->nonneg ? "int>=0" : "int";
  case SomeKind::STRING:
    return orNone("str", a->canBeNone);
  case SomeKind::TUPLE:
    return "(" + joinAnns(a->items) + (a->items.size() == 1 ? ",)" : ")");
  case SomeKind::LIST:
    return printList(a);
  case SomeKind::DICT:
    return printDict(a);
  case SomeKind::INSTANCE:
    return orNone(a->classDef->name(), a->canBeNone);
  case SomeKind::PBC:
    return printPBC(a);
  case SomeKind::ITERATOR:
    return std::string(iterName(a->iterKind)) + "(" + printType(a->items[0]) + ")";
  case SomeKind::EXCTYPE:
    return "type[" + a->classDef->name() + "]";
  case SomeKind::BUILTIN:
    return "builtin " + a->name;
  case SomeKind::BUILTIN_METHOD:
    return "method " + printType(a->items[0]) + "." + a->name;
  case SomeKind::IMPOSSIBLE:
  case SomeKind::BOOL:
  case SomeKind::FLOAT:
  case SomeKind::CHAR:
  case SomeKind::NONE:
    return someKindName(a->kind);
  }
  return "?";
}

std::string printAnn(const Ann &a) {
  std::string t = printType(a);
  if (!a->hasConst || a->kind == SomeKind::NONE || a->kind == SomeKind::PBC) return t;
  const eval::Value &v = a->constValue;
  if (v.isObject() && v.asObject()->kind != eval::ObjKind::STR &&
      v.asObject()->kind != eval::ObjKind::TUPLE)
    return t + " = " + eval::describe(v);
  return t + " = " + eval::repr(v);
}

} // namespace lathe::ann
