//===- evaluator_builtins.cpp - Module evaluator: built-in names -------------===//
// The builtins namespace: the exception hierarchy (ClassObjs with
// builtin=true), the value classes (object, int, float, bool, str, tuple,
// list, dict, set, range, type, staticmethod, classmethod, property, super),
// whose `constructor` implements the call, and the built-in functions
// (len, range, isinstance, min, max, sorted, print, ...). Implementations
// raise Python exceptions with EvalImpl::throwExc; newBuiltin() turns that
// into BuiltinObj's "return false with a pending exception" contract.
//===----------------------------------------------------------------------===//
#include "frontend/evaluator_impl.h"

#include <algorithm>
#include <cmath>
#include <iostream>

namespace lathe::eval {

void wantArgs(EvalImpl &ev, const CallArgs &a, size_t lo, size_t hi, const char *name) {
  size_t n = a.positional.size();
  if (n < lo || n > hi) {
    std::string expect = lo == hi ? std::to_string(lo) : std::to_string(lo) + " to " + std::to_string(hi);
    ev.throwExc("TypeError", std::string(name) + "() takes " + expect + " argument" + (hi == 1 ? "" : "s") +
                                 " (" + std::to_string(n) + " given)");
  }
}

BuiltinObj *EvalImpl::newBuiltin(const std::string &name, Impl fn) {
  auto *b = heap.make<BuiltinObj>();
  b->name = name;
  b->impl = [this, fn](Evaluator &, const CallArgs &a, Value &r, SrcLoc loc) {
    CallArgs copy = a;
    try {
      r = fn(*this, copy, loc);
      return true;
    } catch (PyRaise &) {
      return false;
    }
  };
  return b;
}

void EvalImpl::defMethod(const std::string &type, const std::string &name, Impl fn) {
  methods[type][name] = newBuiltin(type + "." + name, fn);
}

Value EvalImpl::newExc(const std::string &cls, const std::string &msg) {
  auto *e = heap.make<InstanceObj>();
  e->cls = classes.count(cls) ? classes[cls] : classes["Exception"];
  e->attrs.set("args", makeTuple({str(msg)}));
  return Value::object(e);
}

void EvalImpl::makeExceptionClasses() {
  static const char *const table[][2] = {
      {"BaseException", "object"}, {"Exception", "BaseException"},
      {"KeyboardInterrupt", "BaseException"}, {"SystemExit", "BaseException"},
      {"GeneratorExit", "BaseException"}, {"StopIteration", "Exception"},
      {"ArithmeticError", "Exception"}, {"ZeroDivisionError", "ArithmeticError"},
      {"OverflowError", "ArithmeticError"}, {"FloatingPointError", "ArithmeticError"},
      {"LookupError", "Exception"}, {"KeyError", "LookupError"}, {"IndexError", "LookupError"},
      {"ValueError", "Exception"}, {"UnicodeError", "ValueError"}, {"TypeError", "Exception"},
      {"AttributeError", "Exception"}, {"NameError", "Exception"},
      {"UnboundLocalError", "NameError"}, {"RuntimeError", "Exception"},
      {"NotImplementedError", "RuntimeError"}, {"RecursionError", "RuntimeError"},
      {"AssertionError", "Exception"}, {"ImportError", "Exception"},
      {"ModuleNotFoundError", "ImportError"}, {"OSError", "Exception"},
      {"EOFError", "Exception"}, {"MemoryError", "Exception"}, {"SystemError", "Exception"},
  };
  for (auto &row : table) {
    ClassObj *c = newClass(row[0], {classes[row[1]]}, nullptr);
    c->builtin = true;
    classes[row[0]] = c;
    builtins.set(row[0], Value::object(c));
  }
  builtins.set("IOError", Value::object(classes["OSError"]));
  builtins.set("EnvironmentError", Value::object(classes["OSError"]));
  // BaseException.__init__ keeps the arguments (instantiate() also does so
  // for classes without their own __init__).
  classes["BaseException"]->attrs.set("__init__", Value::object(newBuiltin("BaseException.__init__",
      [](EvalImpl &ev, CallArgs &a, SrcLoc) {
        std::vector<Value> rest(a.positional.begin() + 1, a.positional.end());
        if (InstanceObj *i = asInstance(a.positional[0])) i->attrs.set("args", ev.makeTuple(rest));
        return Value();
      })));
}

static ClassObj *typeClass(EvalImpl &ev, const std::string &name, EvalImpl::Impl ctor) {
  ClassObj *c = ev.newClass(name, {}, nullptr);
  c->builtin = true;
  if (ctor) c->constructor = ev.newBuiltin(name, ctor);
  ev.classes[name] = c;
  ev.builtins.set(name, Value::object(c));
  return c;
}

Value EvalImpl::toInt(Value v, SrcLoc loc) {
  if (v.isInt() || v.isBool()) return Value::integer(v.asInt());
  if (v.isFloat()) {
    double d = v.asFloat();
    if (std::isnan(d)) throwExc("ValueError", "cannot convert float NaN to integer");
    if (!(d > -9.3e18 && d < 9.3e18)) throwExc("OverflowError", "integer overflow at translation time");
    return Value::integer(int64_t(d));
  }
  if (StrObj *s = asStr(v)) {
    std::string t = s->value;
    t.erase(0, t.find_first_not_of(" \t\n\r"));
    t.erase(t.find_last_not_of(" \t\n\r") + 1);
    std::string digits = t;
    for (char &c : digits) if (c == '_') c = '0' - 1;
    size_t pos = 0;
    try {
      long long x = std::stoll(t, &pos, 10);
      if (pos == t.size() && !t.empty()) return Value::integer(x);
    } catch (std::out_of_range &) {
      throwExc("OverflowError", "integer overflow at translation time");
    } catch (std::invalid_argument &) {
    }
    throwExc("ValueError", "invalid literal for int() with base 10: " + repr(v));
  }
  Value r;
  if (callDunder(v, "__int__", {}, r)) return r;
  throwExc("TypeError", "int() argument must be a string or a number, not '" + typeOf(v)->name + "'");
}

Value EvalImpl::toFloat(Value v) {
  if (v.isInt() || v.isBool()) return Value::number(double(v.asInt()));
  if (v.isFloat()) return v;
  if (StrObj *s = asStr(v)) {
    std::string t = s->value;
    t.erase(0, t.find_first_not_of(" \t\n\r"));
    t.erase(t.find_last_not_of(" \t\n\r") + 1);
    std::string low = t;
    for (char &c : low) c = char(std::tolower(static_cast<unsigned char>(c)));
    if (low == "inf" || low == "+inf" || low == "infinity") return Value::number(INFINITY);
    if (low == "-inf" || low == "-infinity") return Value::number(-INFINITY);
    if (low == "nan" || low == "+nan" || low == "-nan") return Value::number(NAN);
    size_t pos = 0;
    try {
      double d = std::stod(t, &pos);
      if (pos == t.size()) return Value::number(d);
    } catch (std::exception &) {
    }
    throwExc("ValueError", "could not convert string to float: " + repr(v));
  }
  throwExc("TypeError", "float() argument must be a string or a number, not '" + typeOf(v)->name + "'");
}

void EvalImpl::makeTypeClasses() {
  ClassObj *object = newClass("object", {}, nullptr);
  object->builtin = true;
  object->mro = {object};
  classes["object"] = object;
  builtins.set("object", Value::object(object));
  typeClass(*this, "int", [](EvalImpl &ev, CallArgs &a, SrcLoc loc) {
    wantArgs(ev, a, 0, 1, "int");
    return a.positional.empty() ? Value::integer(0) : ev.toInt(a.positional[0], loc);
  });
  typeClass(*this, "float", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 0, 1, "float");
    return a.positional.empty() ? Value::number(0) : ev.toFloat(a.positional[0]);
  });
  ClassObj *boolc = typeClass(*this, "bool", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 0, 1, "bool");
    return Value::boolean(!a.positional.empty() && ev.truthy(a.positional[0]));
  });
  boolc->bases = {classes["int"]};
  computeMro(boolc);
  typeClass(*this, "str", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 0, 1, "str");
    return a.positional.empty() ? ev.str("") : ev.str(ev.toStr(a.positional[0]));
  });
  typeClass(*this, "tuple", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 0, 1, "tuple");
    return ev.makeTuple(a.positional.empty() ? std::vector<Value>{} : ev.toVector(a.positional[0]));
  });
  typeClass(*this, "list", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 0, 1, "list");
    return ev.makeList(a.positional.empty() ? std::vector<Value>{} : ev.toVector(a.positional[0]));
  });
  typeClass(*this, "set", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 0, 1, "set");
    auto *s = ev.heap.make<SetObj>();
    if (!a.positional.empty())
      for (Value &v : ev.toVector(a.positional[0])) { ev.hashOf(v); s->add(v); }
    return Value::object(s);
  });
  builtins.set("frozenset", builtins.find("set") ? *builtins.find("set") : Value());
  typeClass(*this, "dict", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 0, 1, "dict");
    auto *d = ev.heap.make<DictObj>();
    if (!a.positional.empty()) {
      if (DictObj *src = asDict(a.positional[0])) {
        for (auto &kv : src->entries) d->set(kv.first, kv.second);
      } else {
        for (Value &item : ev.toVector(a.positional[0])) {
          std::vector<Value> kv = ev.toVector(item);
          if (kv.size() != 2) ev.throwExc("ValueError", "dictionary update sequence element has wrong length");
          ev.hashOf(kv[0]);
          d->set(kv[0], kv[1]);
        }
      }
    }
    for (auto &[k, v] : a.keywords) d->set(ev.str(k), v);
    return Value::object(d);
  });
  typeClass(*this, "range", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 3, "range");
    int64_t v[3] = {0, 0, 1};
    for (size_t i = 0; i < a.positional.size(); ++i) v[i] = ev.toIndex(a.positional[i], "range");
    if (a.positional.size() == 1) std::swap(v[0], v[1]);
    if (v[2] == 0) ev.throwExc("ValueError", "range() arg 3 must not be zero");
    auto *r = ev.heap.make<InstanceObj>();
    r->cls = ev.classes["range"];
    r->attrs.set("start", Value::integer(v[0]));
    r->attrs.set("stop", Value::integer(v[1]));
    r->attrs.set("step", Value::integer(v[2]));
    return Value::object(r);
  });
  typeClass(*this, "type", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "type");
    return Value::object(ev.typeOf(a.positional[0]));
  });
  auto wrapper = [this](const char *name, const char *field) {
    std::string f = field;
    typeClass(*this, name, [f, name](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 1, 1, name);
      auto *w = ev.heap.make<InstanceObj>();
      w->cls = ev.classes[name];
      w->attrs.set(f, a.positional[0]);
      return Value::object(w);
    });
  };
  wrapper("staticmethod", "__func__");
  wrapper("classmethod", "__func__");
  typeClass(*this, "property", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 2, "property");
    auto *w = ev.heap.make<InstanceObj>();
    w->cls = ev.classes["property"];
    w->attrs.set("fget", a.positional[0]);
    w->attrs.set("fset", a.positional.size() > 1 ? a.positional[1] : Value());
    return Value::object(w);
  });
  classes["property"]->attrs.set("setter", Value::object(newBuiltin("property.setter",
      [](EvalImpl &ev, CallArgs &a, SrcLoc) {
        wantArgs(ev, a, 2, 2, "setter");
        auto *w = ev.heap.make<InstanceObj>();
        w->cls = ev.classes["property"];
        w->attrs.set("fget", *asInstance(a.positional[0])->attrs.find("fget"));
        w->attrs.set("fset", a.positional[1]);
        return Value::object(w);
      })));
  typeClass(*this, "super", [](EvalImpl &ev, CallArgs &a, SrcLoc loc) { return ev.superCall(a, loc); });
  for (const char *n : {"NoneType", "function", "builtin_function_or_method", "module", "method",
                        "cell", "iterator"})
    typeClass(*this, n, nullptr);
}

ClassObj *EvalImpl::typeOf(const Value &v) const {
  auto get = [&](const char *n) { return classes.at(n); };
  switch (v.tag()) {
  case Tag::NONE: return get("NoneType");
  case Tag::BOOL: return get("bool");
  case Tag::INT: return get("int");
  case Tag::FLOAT: return get("float");
  case Tag::OBJ: break;
  }
  switch (v.asObject()->kind) {
  case ObjKind::STR: return get("str");
  case ObjKind::TUPLE: return get("tuple");
  case ObjKind::LIST: return get("list");
  case ObjKind::DICT: return get("dict");
  case ObjKind::SET: return get("set");
  case ObjKind::FUNCTION: return get("function");
  case ObjKind::BUILTIN: return get("builtin_function_or_method");
  case ObjKind::CLASS: return get("type");
  case ObjKind::INSTANCE: return objCast<InstanceObj>(v.asObject())->cls;
  case ObjKind::BOUND_METHOD: return get("method");
  case ObjKind::MODULE: return get("module");
  case ObjKind::CELL: return get("cell");
  case ObjKind::ITERATOR: return get("iterator");
  }
  return get("object");
}

void EvalImpl::makeBuiltins() {
  makeTypeClasses();
  makeExceptionClasses();
  makeFunctions();
  makeMoreFunctions();
  makeStrMethods();
  makeListMethods();
  makeDictMethods();
  makeSetMethods();
}

static bool isInstanceOf(EvalImpl &ev, Value v, Value spec) {
  if (TupleObj *t = asTuple(spec)) {
    for (Value &x : t->items)
      if (isInstanceOf(ev, v, x)) return true;
    return false;
  }
  ClassObj *c = asClass(spec);
  if (!c) ev.throwExc("TypeError", "isinstance() arg 2 must be a type or tuple of types");
  if (c == ev.classes["object"]) return true;
  if (c == ev.classes["int"] && v.isBool()) return true;
  return ev.typeOf(v)->isSubclassOf(c);
}

static Value minMax(EvalImpl &ev, CallArgs &a, bool isMax) {
  std::vector<Value> items = a.positional.size() == 1 ? ev.toVector(a.positional[0]) : a.positional;
  Value key, dflt;
  bool hasDefault = false;
  for (auto &[k, v] : a.keywords) {
    if (k == "key") key = v;
    else if (k == "default") { dflt = v; hasDefault = true; }
  }
  if (items.empty()) {
    if (hasDefault) return dflt;
    ev.throwExc("ValueError", std::string(isMax ? "max" : "min") + "() arg is an empty sequence");
  }
  auto keyOf = [&](Value v) {
    if (key.isNone()) return v;
    CallArgs ca;
    ca.positional.push_back(v);
    return ev.call(key, ca, SrcLoc());
  };
  Value best = items[0], bestKey = keyOf(items[0]);
  for (size_t i = 1; i < items.size(); ++i) {
    Value k = keyOf(items[i]);
    if (isMax ? ev.pyLess(bestKey, k) : ev.pyLess(k, bestKey)) { best = items[i]; bestKey = k; }
  }
  return best;
}

void EvalImpl::makeFunctions() {
  def("len", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "len");
    return Value::integer(ev.length(a.positional[0]));
  });
  def("isinstance", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "isinstance");
    return Value::boolean(isInstanceOf(ev, a.positional[0], a.positional[1]));
  });
  def("issubclass", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "issubclass");
    ClassObj *c = asClass(a.positional[0]);
    if (!c) ev.throwExc("TypeError", "issubclass() arg 1 must be a class");
    std::vector<Value> specs = asTuple(a.positional[1]) ? asTuple(a.positional[1])->items
                                                        : std::vector<Value>{a.positional[1]};
    for (Value &s : specs) {
      if (!asClass(s)) ev.throwExc("TypeError", "issubclass() arg 2 must be a class or tuple of classes");
      if (c->isSubclassOf(asClass(s))) return Value::boolean(true);
    }
    return Value::boolean(false);
  });
  def("getattr", [](EvalImpl &ev, CallArgs &a, SrcLoc loc) {
    wantArgs(ev, a, 2, 3, "getattr");
    StrObj *n = asStr(a.positional[1]);
    if (!n) ev.throwExc("TypeError", "getattr(): attribute name must be string");
    Value out;
    if (a.positional.size() == 3) {
      try { return ev.getAttr(a.positional[0], n->value, loc); }
      catch (PyRaise &) {
        if (!asInstance(ev.pendingExc)->cls->isSubclassOf(ev.classes["AttributeError"])) throw;
        ev.pendingExc = Value();
        return a.positional[2];
      }
    }
    return ev.getAttr(a.positional[0], n->value, loc);
  });
  def("setattr", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 3, 3, "setattr");
    StrObj *n = asStr(a.positional[1]);
    if (!n) ev.throwExc("TypeError", "setattr(): attribute name must be string");
    ev.setAttr(a.positional[0], n->value, a.positional[2]);
    return Value();
  });
  def("hasattr", [](EvalImpl &ev, CallArgs &a, SrcLoc loc) {
    wantArgs(ev, a, 2, 2, "hasattr");
    StrObj *n = asStr(a.positional[1]);
    if (!n) ev.throwExc("TypeError", "hasattr(): attribute name must be string");
    try { ev.getAttr(a.positional[0], n->value, loc); }
    catch (PyRaise &) {
      if (!asInstance(ev.pendingExc)->cls->isSubclassOf(ev.classes["AttributeError"])) throw;
      ev.pendingExc = Value();
      return Value::boolean(false);
    }
    return Value::boolean(true);
  });
  def("min", [](EvalImpl &ev, CallArgs &a, SrcLoc) { return minMax(ev, a, false); });
  def("max", [](EvalImpl &ev, CallArgs &a, SrcLoc) { return minMax(ev, a, true); });
  def("abs", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "abs");
    Value v = a.positional[0];
    if (v.isFloat()) return Value::number(std::fabs(v.asFloat()));
    if (v.isInt() || v.isBool()) {
      if (v.asInt() == INT64_MIN) ev.throwExc("OverflowError", "integer overflow at translation time");
      return Value::integer(v.asInt() < 0 ? -v.asInt() : v.asInt());
    }
    Value r;
    if (ev.callDunder(v, "__abs__", {}, r)) return r;
    ev.throwExc("TypeError", "bad operand type for abs(): '" + ev.typeOf(v)->name + "'");
  });
  def("sum", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 2, "sum");
    Value acc = a.positional.size() > 1 ? a.positional[1] : Value::integer(0);
    for (Value &v : ev.toVector(a.positional[0])) acc = ev.evalBinOp(ast::BinOpKind::ADD, acc, v, false);
    return acc;
  });
  def("any", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "any");
    for (Value &v : ev.toVector(a.positional[0])) if (ev.truthy(v)) return Value::boolean(true);
    return Value::boolean(false);
  });
  def("all", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "all");
    for (Value &v : ev.toVector(a.positional[0])) if (!ev.truthy(v)) return Value::boolean(false);
    return Value::boolean(true);
  });
}

} // namespace lathe::eval
