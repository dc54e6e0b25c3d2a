//===- value.h - Translation-time values (the module evaluator's heap) ------===//
// The module evaluator runs every module's top-level code and builds these
// objects; what survives is the program's prebuilt data: functions, classes,
// prebuilt instances, tables. Later stages read them: flow graphs refer to
// them as Constants, the annotator turns them into SomePBC / prebuilt
// instances, the C++ backend emits them as static data.
//
// A Value is a small tagged word (None, bool, int, float or an Object*).
// Objects are owned by the Heap and live as long as the translation; each has
// a creation serial number `serial`, which gives deterministic identity
// order (never order anything by pointer value).
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/ast.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace lathe::eval {

struct Object;

enum class Tag : uint8_t { NONE, BOOL, INT, FLOAT, OBJ };

/// A translation-time value. Strings, containers and everything else with
/// identity are Objects.
class Value {
public:
  Value() : tag_(Tag::NONE), i_(0) {}
  static Value none() { return Value(); }
  static Value boolean(bool b) { Value v; v.tag_ = Tag::BOOL; v.i_ = b; return v; }
  static Value integer(int64_t i) { Value v; v.tag_ = Tag::INT; v.i_ = i; return v; }
  static Value number(double f) { Value v; v.tag_ = Tag::FLOAT; v.f_ = f; return v; }
  static Value object(Object *o) { Value v; v.tag_ = Tag::OBJ; v.o_ = o; return v; }

  Tag tag() const { return tag_; }
  bool isNone() const { return tag_ == Tag::NONE; }
  bool isBool() const { return tag_ == Tag::BOOL; }
  bool isInt() const { return tag_ == Tag::INT; }
  bool isFloat() const { return tag_ == Tag::FLOAT; }
  bool isObject() const { return tag_ == Tag::OBJ; }
  bool asBool() const { return i_ != 0; }
  int64_t asInt() const { return i_; }
  double asFloat() const { return f_; }
  Object *asObject() const { return o_; }
  /// Identity (`is`): same tag and same bits / same object.
  bool identical(const Value &o) const {
    return tag_ == o.tag_ && (tag_ == Tag::FLOAT ? f_ == o.f_ || (f_ != f_ && o.f_ != o.f_) : i_ == o.i_);
  }

private:
  Tag tag_;
  union {
    int64_t i_;
    double f_;
    Object *o_;
  };
};

enum class ObjKind : uint8_t {
  STR,          // str (and bytes: one type at translation time, see docs/rpy.md)
  TUPLE,
  LIST,
  DICT,
  SET,
  FUNCTION,     // a def or lambda, with its defaults and closure
  BUILTIN,      // a function implemented in C++ (len, os.write, ...)
  CLASS,        // user or built-in class (object, Exception, ...)
  INSTANCE,     // instance of a CLASS
  BOUND_METHOD, // instance.method
  MODULE,
  CELL,         // a closure cell
  ITERATOR,     // iterator over a snapshot of values
};

struct Object {
  ObjKind kind;
  uint32_t serial = 0; // creation order, set by the Heap
  explicit Object(ObjKind k) : kind(k) {}
  virtual ~Object() = default;
};

/// Insertion-ordered map from names to values (module namespaces, class
/// bodies, instance attributes, function attributes).
class NameMap {
public:
  Value *find(const std::string &name);
  const Value *find(const std::string &name) const;
  void set(const std::string &name, Value v);
  bool erase(const std::string &name);
  size_t size() const { return order_.size(); }
  /// Entries in insertion order (erased entries skipped).
  std::vector<std::pair<std::string, Value>> entries() const;

private:
  std::vector<std::pair<std::string, Value>> order_;
  std::vector<bool> live_;
  std::unordered_map<std::string, size_t> index_;
};

struct ModuleObj;
struct ClassObj;
struct CellObj;

struct StrObj : Object {
  std::string value;
  StrObj() : Object(ObjKind::STR) {}
};
struct TupleObj : Object {
  std::vector<Value> items;
  TupleObj() : Object(ObjKind::TUPLE) {}
};
struct ListObj : Object {
  std::vector<Value> items;
  ListObj() : Object(ObjKind::LIST) {}
};
/// Hash and equality with Python's semantics for hashable keys (None, bool,
/// int, float, str, tuples of those; everything else by identity).
struct ValueHash { size_t operator()(const Value &v) const; };
struct ValueEq { bool operator()(const Value &a, const Value &b) const; };

/// Insertion-ordered dict.
struct DictObj : Object {
  std::vector<std::pair<Value, Value>> entries; // erased entries removed (O(n) erase)
  std::unordered_map<Value, size_t, ValueHash, ValueEq> index;
  DictObj() : Object(ObjKind::DICT) {}
  Value *find(const Value &key);
  void set(const Value &key, Value v);
  bool erase(const Value &key);
};
struct SetObj : Object {
  std::vector<Value> items; // insertion order
  std::unordered_map<Value, size_t, ValueHash, ValueEq> index;
  SetObj() : Object(ObjKind::SET) {}
  bool contains(const Value &v) const { return index.count(v) != 0; }
  /// Adds `v` unless present; returns true when it was added.
  bool add(const Value &v);
  bool erase(const Value &v);
};

/// A function made by `def` or `lambda`. Exactly one of `def`/`lambda` is set.
struct FunctionObj : Object {
  std::string name;     // "mainloop"
  std::string qualname; // "Tape.advance" for methods, "outer.<locals>.inner"
  const ast::FunctionDef *def = nullptr;
  const ast::Lambda *lambda = nullptr;
  ModuleObj *module = nullptr;           // globals
  std::vector<Value> defaults;           // for the last len(defaults) positional params
  NameMap kwdefaults;                    // keyword-only defaults
  std::vector<std::pair<std::string, CellObj *>> freevars; // closure, by name
  NameMap attrs;                         // function attributes (f._elidable_ = True)
  ClassObj *definingClass = nullptr;     // class whose body defined it, if any
  FunctionObj() : Object(ObjKind::FUNCTION) {}
  const ast::Arguments &args() const { return def ? def->args : lambda->args; }
  SrcLoc loc() const { return def ? def->loc : lambda->loc; }
};

class Evaluator;
/// Positional and keyword arguments of a call.
struct CallArgs {
  std::vector<Value> positional;
  std::vector<std::pair<std::string, Value>> keywords;
};
/// A built-in function. `impl` raises by returning false and setting the
/// evaluator's pending exception.
struct BuiltinObj : Object {
  std::string name;       // "len", "os.write"
  std::function<bool(Evaluator &, const CallArgs &, Value &result, SrcLoc)> impl;
  Value self;             // bound receiver for built-in methods (list.append)
  bool hasSelf = false;
  BuiltinObj() : Object(ObjKind::BUILTIN) {}
};

struct ClassObj : Object {
  std::string name;
  std::string qualname;
  ModuleObj *module = nullptr;      // null for built-in classes
  std::vector<ClassObj *> bases;
  std::vector<ClassObj *> mro;      // C3 linearisation, self first
  NameMap attrs;                    // class body namespace, in definition order
  bool builtin = false;             // object, Exception, ValueError, ...
  SrcLoc loc;
  /// For built-in classes that construct values of their own kind (int,
  /// str, list, dict, tuple, set, range, ...): the conversion function called
  /// by `cls(args)`. Null for user classes and exception classes (those make
  /// InstanceObjs; exceptions keep their arguments in attrs["args"]).
  BuiltinObj *constructor = nullptr;
  ClassObj() : Object(ObjKind::CLASS) {}
  /// Looks a name up along the MRO.
  const Value *lookup(const std::string &name) const;
  bool isSubclassOf(const ClassObj *other) const;
};

struct InstanceObj : Object {
  ClassObj *cls = nullptr;
  NameMap attrs;
  InstanceObj() : Object(ObjKind::INSTANCE) {}
};

struct BoundMethodObj : Object {
  Value self;
  Value func; // a FunctionObj (or BuiltinObj)
  BoundMethodObj() : Object(ObjKind::BOUND_METHOD) {}
};

struct ModuleObj : Object {
  std::string name;         // dotted: "rlib.jit"
  std::string path;         // file it was loaded from; empty for built-in modules
  uint32_t file = 0;        // SourceManager id, 0 for built-in modules
  const ast::Module *ast = nullptr;
  NameMap globals;
  bool builtin = false;     // sys, os, time, math
  bool initialized = false; // top-level code finished (import cycles see partial modules)
  ModuleObj() : Object(ObjKind::MODULE) {}
};

struct CellObj : Object {
  Value value;
  bool bound = false;
  CellObj() : Object(ObjKind::CELL) {}
};

struct IteratorObj : Object {
  std::vector<Value> items;
  size_t pos = 0;
  IteratorObj() : Object(ObjKind::ITERATOR) {}
};

template <class T> T *objCast(Object *o) {
  return static_cast<T *>(o);
}
template <class T> T *objAs(const Value &v, ObjKind k) {
  return v.isObject() && v.asObject()->kind == k ? static_cast<T *>(v.asObject()) : nullptr;
}
inline StrObj *asStr(const Value &v) { return objAs<StrObj>(v, ObjKind::STR); }
inline TupleObj *asTuple(const Value &v) { return objAs<TupleObj>(v, ObjKind::TUPLE); }
inline ListObj *asList(const Value &v) { return objAs<ListObj>(v, ObjKind::LIST); }
inline DictObj *asDict(const Value &v) { return objAs<DictObj>(v, ObjKind::DICT); }
inline FunctionObj *asFunction(const Value &v) { return objAs<FunctionObj>(v, ObjKind::FUNCTION); }
inline BuiltinObj *asBuiltin(const Value &v) { return objAs<BuiltinObj>(v, ObjKind::BUILTIN); }
inline ClassObj *asClass(const Value &v) { return objAs<ClassObj>(v, ObjKind::CLASS); }
inline InstanceObj *asInstance(const Value &v) { return objAs<InstanceObj>(v, ObjKind::INSTANCE); }
inline BoundMethodObj *asBoundMethod(const Value &v) { return objAs<BoundMethodObj>(v, ObjKind::BOUND_METHOD); }
inline ModuleObj *asModule(const Value &v) { return objAs<ModuleObj>(v, ObjKind::MODULE); }

/// Owns every translation-time object.
class Heap {
public:
  template <class T> T *make() {
    auto obj = std::make_unique<T>();
    obj->serial = uint32_t(objects_.size());
    T *raw = obj.get();
    objects_.push_back(std::move(obj));
    return raw;
  }
  Value str(std::string s);
  size_t size() const { return objects_.size(); }

private:
  std::vector<std::unique_ptr<Object>> objects_;
};

/// Short deterministic description for printers and diagnostics:
/// 42, 1.5, 'abc', None, <function bf.mainloop>, <class bf.Tape>,
/// <bf.Tape instance #17>, <module os>, <built-in function len>.
std::string describe(const Value &v);
/// Python's repr() for printable data (ints, floats, strings, tuples, lists,
/// dicts); other objects fall back to describe().
std::string repr(const Value &v);

} // namespace lathe::eval
