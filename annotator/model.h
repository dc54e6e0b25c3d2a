//===- model.h - The annotation lattice (SomeValue) ------------------------===//
// Pipeline position: the vocabulary of the annotator (DESIGN §4). Every
// flow-graph Variable is bound to one annotation; the fixpoint (annotate.cpp)
// only ever moves a binding upward in this lattice, with `unionOf` as join.
//
//                      (no top: unions of unrelated kinds are errors)
//   BOOL < INTEGER(nonneg, unsigned) < FLOAT      CHAR < STRING(canBeNone)
//   TUPLE(items)   LIST(ListDef)   DICT(DictDef)  INSTANCE(ClassDef, canBeNone)
//   PBC(descs, canBeNone)   NONE   ITERATOR(container, kind)
//   EXCTYPE(ClassDef)  -- the class of a caught/raised exception
//   BUILTIN(name)      -- a built-in function (len, os.write, int, ...)
//   BUILTIN_METHOD(receiver, name) -- s.join, lst.append, d.get, ...
//                      IMPOSSIBLE is bottom (no value flowed here yet).
//                      A *failed* IMPOSSIBLE is the result of an operation
//                      that reported an error: the annotator keeps going
//                      past it (so independent errors are all found) but
//                      applies no rule to it, so it never causes new errors.
//   NONE joins with any kind that has canBeNone (and CHAR, which becomes a
//   nullable STRING).
//
// Annotations are immutable and shared (`Ann` = shared_ptr<const SomeValue>);
// make a modified copy with `with*` helpers. A translation-time constant is
// an annotation with `hasConst` and the value, so branches on it fold.
// Containers refer to their ListDef/DictDef (bookkeeper.h), which unify when
// two containers meet in a union: that is the one side effect of unionOf.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/flowgraph.h"
#include "frontend/value.h"

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace lathe::ann {

class ClassDef;
class ListDef;
class DictDef;
struct Desc;

// SOMEKIND(NAME, printed-name)
#define LATHE_SOMEKINDS(X)                                                                  \
  X(IMPOSSIBLE, "impossible")                                                               \
  X(BOOL, "bool")                                                                           \
  X(INTEGER, "int")                                                                         \
  X(FLOAT, "float")                                                                         \
  X(CHAR, "char")                                                                           \
  X(STRING, "str")                                                                          \
  X(TUPLE, "tuple")                                                                         \
  X(LIST, "list")                                                                           \
  X(DICT, "dict")                                                                           \
  X(INSTANCE, "instance")                                                                   \
  X(PBC, "pbc")                                                                             \
  X(NONE, "None")                                                                           \
  X(ITERATOR, "iterator")                                                                   \
  X(EXCTYPE, "type")                                                                        \
  X(BUILTIN, "builtin")                                                                     \
  X(BUILTIN_METHOD, "method")

enum class SomeKind : uint8_t {
#define X(NAME, name) NAME,
  LATHE_SOMEKINDS(X)
#undef X
};
const char *someKindName(SomeKind k);

/// What an ITERATOR yields.
enum class IterKind : uint8_t {
  ITEMS,     // items of a list/str/tuple, keys of a dict
  VALUES,    // dict.values()
  PAIRS,     // dict.items(): (key, value)
  ENUMERATE, // enumerate(x): (index, item)
};

struct SomeValue;
using Ann = std::shared_ptr<const SomeValue>;

/// Narrowing facts carried by a bool: in the branch where the bool is
/// `true`/`false`, each listed variable has the paired annotation
/// (RPython's knowntypedata). Produced by isinstance, `is None`, bool(x),
/// exception_match.
struct KnownTypes {
  std::vector<std::pair<const flow::Variable *, Ann>> ifTrue, ifFalse;
};

struct SomeValue {
  SomeKind kind = SomeKind::IMPOSSIBLE;
  bool canBeNone = false;  // STRING, LIST, DICT, INSTANCE, PBC
  bool nonneg = false;     // INTEGER
  bool isUnsigned = false; // INTEGER
  bool hasConst = false;
  bool failed = false;     // IMPOSSIBLE: the result of an operation that reported an error
  eval::Value constValue;
  std::vector<Ann> items;  // TUPLE: the items; ITERATOR, BUILTIN_METHOD: [container]
  ListDef *listDef = nullptr;
  DictDef *dictDef = nullptr;
  ClassDef *classDef = nullptr;  // INSTANCE, EXCTYPE
  std::vector<Desc *> descs;     // PBC, sorted by Desc order
  IterKind iterKind = IterKind::ITEMS;
  std::string name;              // BUILTIN / BUILTIN_METHOD: which one
  std::shared_ptr<const KnownTypes> knownTypes;     // BOOL only
  std::vector<const flow::Variable *> typeOf;       // EXCTYPE: `type(v)` of these
};

// --- constructors --------------------------------------------------------
Ann someImpossible();
/// The failed bottom: the value of an operation that reported an error.
Ann someFailed();
Ann someBool();
Ann someInteger(bool nonneg = false, bool isUnsigned = false);
Ann someFloat();
Ann someChar();
Ann someString(bool canBeNone = false);
Ann someNone();
Ann someTuple(std::vector<Ann> items);
Ann someList(ListDef *def, bool canBeNone = false);
Ann someDict(DictDef *def, bool canBeNone = false);
Ann someInstance(ClassDef *cd, bool canBeNone = false);
Ann somePBC(std::vector<Desc *> descs, bool canBeNone = false);
Ann someIterator(Ann container, IterKind kind);
Ann someExcType(ClassDef *cd);
Ann someBuiltin(std::string name);
Ann someBuiltinMethod(Ann receiver, std::string name);

/// A copy of `a` that is the constant `v`.
Ann withConst(const Ann &a, eval::Value v);
/// A copy of `a` without constant or narrowing information.
Ann withoutConst(const Ann &a);
/// A copy of `a` that may (not) be None; IMPOSSIBLE for NONE when `false`.
Ann withNone(const Ann &a, bool canBeNone);
/// A copy of a BOOL `a` carrying narrowing facts.
Ann withKnownTypes(const Ann &a, std::shared_ptr<const KnownTypes> kt);

// --- queries -------------------------------------------------------------
bool isImpossible(const Ann &a);
/// A failed IMPOSSIBLE (see someFailed).
bool isFailed(const Ann &a);
/// BOOL or INTEGER.
bool isIntLike(const Ann &a);
/// BOOL, INTEGER or FLOAT.
bool isNumber(const Ann &a);
/// CHAR or STRING.
bool isStrLike(const Ann &a);
/// Whether `a` may be None at run time.
bool canBeNone(const Ann &a);
/// Structural equality (ListDefs/DictDefs compared by their unified
/// representative; constants compared by identity).
bool sameAnn(const Ann &a, const Ann &b);

/// Result of a join: the union, or null with `why` set when the two
/// annotations cannot live in one variable.
struct UnionResult {
  Ann value;
  std::string why;
  bool ok() const { return value != nullptr; }
};
/// The join of the lattice. Side effect: unifies ListDefs/DictDefs of
/// containers that meet (reporting item clashes through their bookkeeper).
UnionResult unionOf(const Ann &a, const Ann &b);

/// Deterministic short text: `int`, `int>=0`, `str or None`, `list[char]`,
/// `dict[str, int]`, `(int, str)`, `bf.Tape`, `bf.Tape or None`,
/// `function bf.f`, `int>=0 = 3` for constants.
std::string printAnn(const Ann &a);
/// Same without the constant suffix (for error messages).
std::string printType(const Ann &a);

} // namespace lathe::ann
