//===- evaluator_methods.cpp - Module evaluator: methods and formatting ------===//
// Built-in functions over sequences (enumerate, zip, sorted, reversed, iter,
// next, print, ...), the methods of str / list / dict / set (bound on
// attribute access through EvalImpl::methods), and string formatting:
// `%` with %d %i %s %r %x %X %o %f %e %g %c %% (flags, width, precision)
// and a basic str.format ({} / {0} / {name}, no format specs beyond
// what str() gives).
//===----------------------------------------------------------------------===//
#include "frontend/evaluator_impl.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>

namespace lathe::eval {

static StrObj *self(EvalImpl &ev, CallArgs &a) { return asStr(a.positional[0]); }
static std::string argStr(EvalImpl &ev, CallArgs &a, size_t i, const char *fn) {
  if (i >= a.positional.size() || !asStr(a.positional[i]))
    ev.throwExc("TypeError", std::string(fn) + "() argument must be str");
  return asStr(a.positional[i])->value;
}

static Value sortedList(EvalImpl &ev, std::vector<Value> items, CallArgs &a) {
  Value key;
  bool rev = false;
  for (auto &[k, v] : a.keywords) {
    if (k == "key") key = v;
    else if (k == "reverse") rev = ev.truthy(v);
  }
  std::vector<std::pair<Value, Value>> keyed;
  for (Value &v : items) {
    Value k = v;
    if (!key.isNone()) {
      CallArgs ca;
      ca.positional.push_back(v);
      k = ev.call(key, ca, SrcLoc());
    }
    keyed.emplace_back(k, v);
  }
  std::stable_sort(keyed.begin(), keyed.end(), [&](auto &x, auto &y) {
    return rev ? ev.pyLess(y.first, x.first) : ev.pyLess(x.first, y.first);
  });
  std::vector<Value> out;
  for (auto &kv : keyed) out.push_back(kv.second);
  return ev.makeList(out);
}

static Value makeIter(EvalImpl &ev, std::vector<Value> items) {
  auto *it = ev.heap.make<IteratorObj>();
  it->items = std::move(items);
  return Value::object(it);
}

void EvalImpl::makeMoreFunctions() {
  def("enumerate", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 2, "enumerate");
    int64_t start = a.positional.size() > 1 ? ev.toIndex(a.positional[1], "enumerate") : 0;
    std::vector<Value> out;
    for (Value &v : ev.toVector(a.positional[0])) out.push_back(ev.makeTuple({Value::integer(start++), v}));
    return makeIter(ev, out);
  });
  def("zip", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    std::vector<std::vector<Value>> seqs;
    for (Value &v : a.positional) seqs.push_back(ev.toVector(v));
    std::vector<Value> out;
    for (size_t i = 0; !seqs.empty(); ++i) {
      std::vector<Value> row;
      for (auto &s : seqs) {
        if (i >= s.size()) return makeIter(ev, out);
        row.push_back(s[i]);
      }
      out.push_back(ev.makeTuple(row));
    }
    return makeIter(ev, out);
  });
  def("sorted", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "sorted");
    return sortedList(ev, ev.toVector(a.positional[0]), a);
  });
  def("reversed", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "reversed");
    std::vector<Value> v = ev.toVector(a.positional[0]);
    std::reverse(v.begin(), v.end());
    return makeIter(ev, v);
  });
  def("iter", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "iter");
    if (objAs<IteratorObj>(a.positional[0], ObjKind::ITERATOR)) return a.positional[0];
    return makeIter(ev, ev.toVector(a.positional[0]));
  });
  def("next", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 2, "next");
    auto *it = objAs<IteratorObj>(a.positional[0], ObjKind::ITERATOR);
    if (!it) ev.throwExc("TypeError", "'" + ev.typeOf(a.positional[0])->name + "' object is not an iterator");
    if (it->pos < it->items.size()) return it->items[it->pos++];
    if (a.positional.size() > 1) return a.positional[1];
    ev.throwValue(ev.newExc("StopIteration", ""));
  });
  def("chr", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "chr");
    int64_t c = ev.toIndex(a.positional[0], "chr");
    if (c < 0 || c > 255) ev.throwExc("ValueError", "chr() arg not in range(256) at translation time");
    return ev.str(std::string(1, char(c)));
  });
  def("ord", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "ord");
    StrObj *s = asStr(a.positional[0]);
    if (!s || s->value.size() != 1) ev.throwExc("TypeError", "ord() expected a character");
    return Value::integer(static_cast<unsigned char>(s->value[0]));
  });
  def("repr", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "repr");
    return ev.str(ev.toRepr(a.positional[0]));
  });
  def("hash", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "hash");
    return Value::integer(ev.hashOf(a.positional[0]));
  });
  def("id", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "id");
    Value v = a.positional[0];
    return Value::integer(v.isObject() ? int64_t(v.asObject()->serial) : ev.hashOf(v));
  });
  def("callable", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "callable");
    Value v = a.positional[0], m;
    return Value::boolean(asFunction(v) || asBuiltin(v) || asClass(v) || asBoundMethod(v) ||
                          (asInstance(v) && ev.findAttr(v, "__call__", m)));
  });
  def("divmod", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "divmod");
    return ev.makeTuple({ev.evalBinOp(ast::BinOpKind::FLOORDIV, a.positional[0], a.positional[1], false),
                         ev.evalBinOp(ast::BinOpKind::MOD, a.positional[0], a.positional[1], false)});
  });
  def("round", [](EvalImpl &ev, CallArgs &a, SrcLoc loc) {
    wantArgs(ev, a, 1, 2, "round");
    Value v = ev.toFloat(a.positional[0]);
    if (a.positional.size() == 1) return ev.toInt(Value::number(std::nearbyint(v.asFloat())), loc);
    double p = std::pow(10.0, double(ev.toIndex(a.positional[1], "round")));
    return Value::number(std::nearbyint(v.asFloat() * p) / p);
  });
  def("print", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    std::string sep = " ", end = "\n";
    for (auto &[k, v] : a.keywords) {
      if (k == "sep" && asStr(v)) sep = asStr(v)->value;
      if (k == "end" && asStr(v)) end = asStr(v)->value;
    }
    std::string out;
    for (size_t i = 0; i < a.positional.size(); ++i) out += (i ? sep : "") + ev.toStr(a.positional[i]);
    std::cout << out << end << std::flush;
    return Value();
  });
}

// --- str ---------------------------------------------------------------------------

static std::vector<std::string> splitWs(const std::string &s, int64_t maxsplit) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    if (maxsplit >= 0 && int64_t(out.size()) == maxsplit) {
      std::string rest = s.substr(i);
      rest.erase(rest.find_last_not_of(" \t\n\r\f\v") + 1);
      out.push_back(rest);
      break;
    }
    size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

static std::string stripChars(const std::string &s, const std::string &chars, bool left, bool right) {
  size_t b = 0, e = s.size();
  if (left) while (b < e && chars.find(s[b]) != std::string::npos) ++b;
  if (right) while (e > b && chars.find(s[e - 1]) != std::string::npos) --e;
  return s.substr(b, e - b);
}

void EvalImpl::makeStrMethods() {
  defMethod("str", "join", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "join");
    std::string out;
    std::vector<Value> items = ev.toVector(a.positional[1]);
    for (size_t i = 0; i < items.size(); ++i) {
      if (!asStr(items[i])) ev.throwExc("TypeError", "sequence item " + std::to_string(i) + ": expected str instance, " + ev.typeOf(items[i])->name + " found");
      out += (i ? self(ev, a)->value : "") + asStr(items[i])->value;
    }
    return ev.str(out);
  });
  defMethod("str", "split", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 3, "split");
    const std::string &s = self(ev, a)->value;
    int64_t maxsplit = a.positional.size() > 2 ? ev.toIndex(a.positional[2], "split") : -1;
    std::vector<Value> out;
    if (a.positional.size() < 2 || a.positional[1].isNone()) {
      for (auto &p : splitWs(s, maxsplit)) out.push_back(ev.str(p));
      return ev.makeList(out);
    }
    std::string sep = argStr(ev, a, 1, "split");
    if (sep.empty()) ev.throwExc("ValueError", "empty separator");
    size_t i = 0;
    for (;;) {
      size_t j = s.find(sep, i);
      if (j == std::string::npos || (maxsplit >= 0 && int64_t(out.size()) == maxsplit)) break;
      out.push_back(ev.str(s.substr(i, j - i)));
      i = j + sep.size();
    }
    out.push_back(ev.str(s.substr(i)));
    return ev.makeList(out);
  });
  auto strip = [this](const char *name, bool l, bool r) {
    defMethod("str", name, [l, r, name](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 1, 2, name);
      std::string chars = a.positional.size() > 1 && !a.positional[1].isNone() ? argStr(ev, a, 1, name) : " \t\n\r\f\v";
      return ev.str(stripChars(self(ev, a)->value, chars, l, r));
    });
  };
  strip("strip", true, true);
  strip("lstrip", true, false);
  strip("rstrip", false, true);
  defMethod("str", "replace", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 3, 3, "replace");
    std::string s = self(ev, a)->value, from = argStr(ev, a, 1, "replace"), to = argStr(ev, a, 2, "replace");
    if (from.empty()) return a.positional[0];
    std::string out;
    size_t i = 0, j;
    while ((j = s.find(from, i)) != std::string::npos) { out += s.substr(i, j - i) + to; i = j + from.size(); }
    return ev.str(out + s.substr(i));
  });
  auto affix = [this](const char *name, bool start) {
    defMethod("str", name, [start, name](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 2, 2, name);
      const std::string &s = self(ev, a)->value;
      std::vector<Value> cands = asTuple(a.positional[1]) ? asTuple(a.positional[1])->items : std::vector<Value>{a.positional[1]};
      for (Value &c : cands) {
        if (!asStr(c)) ev.throwExc("TypeError", std::string(name) + " arg must be str or a tuple of str");
        const std::string &p = asStr(c)->value;
        if (p.size() <= s.size() && (start ? s.compare(0, p.size(), p) == 0 : s.compare(s.size() - p.size(), p.size(), p) == 0))
          return Value::boolean(true);
      }
      return Value::boolean(false);
    });
  };
  affix("startswith", true);
  affix("endswith", false);
  auto find = [this](const char *name, bool reverse, bool raises) {
    defMethod("str", name, [reverse, raises, name](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 2, 2, name);
      const std::string &s = self(ev, a)->value;
      size_t p = reverse ? s.rfind(argStr(ev, a, 1, name)) : s.find(argStr(ev, a, 1, name));
      if (p == std::string::npos && raises) ev.throwExc("ValueError", "substring not found");
      return Value::integer(p == std::string::npos ? -1 : int64_t(p));
    });
  };
  find("find", false, false);
  find("rfind", true, false);
  find("index", false, true);
  auto mapChars = [this](const char *name, int (*fn)(int)) {
    defMethod("str", name, [fn, name](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 1, 1, name);
      std::string s = self(ev, a)->value;
      for (char &c : s) c = char(fn(static_cast<unsigned char>(c)));
      return ev.str(s);
    });
  };
  mapChars("upper", [](int c) { return std::toupper(c); });
  mapChars("lower", [](int c) { return std::tolower(c); });
  auto test = [this](const char *name, int (*fn)(int)) {
    defMethod("str", name, [fn, name](EvalImpl &ev, CallArgs &a, SrcLoc) {
      wantArgs(ev, a, 1, 1, name);
      const std::string &s = self(ev, a)->value;
      bool ok = !s.empty();
      for (char c : s) ok = ok && fn(static_cast<unsigned char>(c));
      return Value::boolean(ok);
    });
  };
  test("isdigit", [](int c) { return std::isdigit(c); });
  test("isalpha", [](int c) { return std::isalpha(c); });
  test("isalnum", [](int c) { return std::isalnum(c); });
  test("isspace", [](int c) { return std::isspace(c); });
  test("isupper", [](int c) { return std::isupper(c) || !std::isalpha(c) ? 1 : 0; });
  test("islower", [](int c) { return std::islower(c) || !std::isalpha(c) ? 1 : 0; });
  defMethod("str", "count", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "count");
    const std::string &s = self(ev, a)->value;
    std::string sub = argStr(ev, a, 1, "count");
    if (sub.empty()) return Value::integer(int64_t(s.size()) + 1);
    int64_t n = 0;
    for (size_t i = s.find(sub); i != std::string::npos; i = s.find(sub, i + sub.size())) ++n;
    return Value::integer(n);
  });
  defMethod("str", "format", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    std::string fmt = self(ev, a)->value;
    a.positional.erase(a.positional.begin());
    return ev.formatMethod(fmt, a);
  });
  auto ident = [this](const char *name) {
    defMethod("str", name, [](EvalImpl &ev, CallArgs &a, SrcLoc) { return a.positional[0]; });
  };
  ident("encode"); // bytes and str are one type at translation time
  ident("decode");
  defMethod("str", "ljust", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 3, "ljust");
    std::string s = self(ev, a)->value;
    int64_t w = ev.toIndex(a.positional[1], "ljust");
    char fill = a.positional.size() > 2 ? argStr(ev, a, 2, "ljust")[0] : ' ';
    if (int64_t(s.size()) < w) s += std::string(size_t(w) - s.size(), fill);
    return ev.str(s);
  });
  defMethod("str", "rjust", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 3, "rjust");
    std::string s = self(ev, a)->value;
    int64_t w = ev.toIndex(a.positional[1], "rjust");
    char fill = a.positional.size() > 2 ? argStr(ev, a, 2, "rjust")[0] : ' ';
    if (int64_t(s.size()) < w) s = std::string(size_t(w) - s.size(), fill) + s;
    return ev.str(s);
  });
}

// --- list --------------------------------------------------------------------------

static ListObj *lself(CallArgs &a) { return asList(a.positional[0]); }

void EvalImpl::makeListMethods() {
  defMethod("list", "append", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "append");
    lself(a)->items.push_back(a.positional[1]);
    return Value();
  });
  defMethod("list", "extend", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "extend");
    std::vector<Value> more = ev.toVector(a.positional[1]);
    lself(a)->items.insert(lself(a)->items.end(), more.begin(), more.end());
    return Value();
  });
  defMethod("list", "pop", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 2, "pop");
    auto &items = lself(a)->items;
    if (items.empty()) ev.throwExc("IndexError", "pop from empty list");
    int64_t n = int64_t(items.size());
    int64_t i = a.positional.size() > 1 ? ev.toIndex(a.positional[1], "list") : n - 1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) ev.throwExc("IndexError", "pop index out of range");
    Value v = items[size_t(i)];
    items.erase(items.begin() + i);
    return v;
  });
  defMethod("list", "insert", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 3, 3, "insert");
    auto &items = lself(a)->items;
    int64_t n = int64_t(items.size()), i = ev.toIndex(a.positional[1], "list");
    if (i < 0) i = std::max<int64_t>(0, i + n);
    items.insert(items.begin() + std::min(i, n), a.positional[2]);
    return Value();
  });
  defMethod("list", "index", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "index");
    auto &items = lself(a)->items;
    for (size_t i = 0; i < items.size(); ++i)
      if (ev.pyEq(items[i], a.positional[1])) return Value::integer(int64_t(i));
    ev.throwExc("ValueError", ev.toRepr(a.positional[1]) + " is not in list");
  });
  defMethod("list", "count", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "count");
    int64_t n = 0;
    for (Value &v : lself(a)->items) n += ev.pyEq(v, a.positional[1]);
    return Value::integer(n);
  });
  defMethod("list", "remove", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "remove");
    auto &items = lself(a)->items;
    for (size_t i = 0; i < items.size(); ++i)
      if (ev.pyEq(items[i], a.positional[1])) { items.erase(items.begin() + long(i)); return Value(); }
    ev.throwExc("ValueError", "list.remove(x): x not in list");
  });
  defMethod("list", "reverse", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    std::reverse(lself(a)->items.begin(), lself(a)->items.end());
    return Value();
  });
  defMethod("list", "sort", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 1, "sort");
    lself(a)->items = asList(sortedList(ev, lself(a)->items, a))->items;
    return Value();
  });
  defMethod("list", "copy", [](EvalImpl &ev, CallArgs &a, SrcLoc) { return ev.makeList(lself(a)->items); });
  defMethod("list", "clear", [](EvalImpl &ev, CallArgs &a, SrcLoc) { lself(a)->items.clear(); return Value(); });
  defMethod("tuple", "index", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "index");
    auto &items = asTuple(a.positional[0])->items;
    for (size_t i = 0; i < items.size(); ++i)
      if (ev.pyEq(items[i], a.positional[1])) return Value::integer(int64_t(i));
    ev.throwExc("ValueError", "tuple.index(x): x not in tuple");
  });
  defMethod("tuple", "count", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "count");
    int64_t n = 0;
    for (Value &v : asTuple(a.positional[0])->items) n += ev.pyEq(v, a.positional[1]);
    return Value::integer(n);
  });
}

// --- dict / set --------------------------------------------------------------------

static DictObj *dself(CallArgs &a) { return asDict(a.positional[0]); }

void EvalImpl::makeDictMethods() {
  defMethod("dict", "get", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 3, "get");
    ev.hashOf(a.positional[1]);
    Value *v = dself(a)->find(a.positional[1]);
    return v ? *v : (a.positional.size() > 2 ? a.positional[2] : Value());
  });
  defMethod("dict", "keys", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    std::vector<Value> out;
    for (auto &kv : dself(a)->entries) out.push_back(kv.first);
    return ev.makeList(out);
  });
  defMethod("dict", "values", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    std::vector<Value> out;
    for (auto &kv : dself(a)->entries) out.push_back(kv.second);
    return ev.makeList(out);
  });
  defMethod("dict", "items", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    std::vector<Value> out;
    for (auto &kv : dself(a)->entries) out.push_back(ev.makeTuple({kv.first, kv.second}));
    return ev.makeList(out);
  });
  defMethod("dict", "setdefault", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 3, "setdefault");
    ev.hashOf(a.positional[1]);
    if (Value *v = dself(a)->find(a.positional[1])) return *v;
    Value d = a.positional.size() > 2 ? a.positional[2] : Value();
    dself(a)->set(a.positional[1], d);
    return d;
  });
  defMethod("dict", "pop", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 3, "pop");
    ev.hashOf(a.positional[1]);
    if (Value *v = dself(a)->find(a.positional[1])) {
      Value r = *v;
      dself(a)->erase(a.positional[1]);
      return r;
    }
    if (a.positional.size() > 2) return a.positional[2];
    ev.throwValue(ev.newExc("KeyError", ev.toRepr(a.positional[1])));
  });
  defMethod("dict", "update", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 1, 2, "update");
    if (a.positional.size() > 1) {
      DictObj *src = asDict(a.positional[1]);
      if (!src) ev.throwExc("TypeError", "dict.update() argument must be a dict");
      for (auto &kv : src->entries) dself(a)->set(kv.first, kv.second);
    }
    for (auto &[k, v] : a.keywords) dself(a)->set(ev.str(k), v);
    return Value();
  });
  defMethod("dict", "copy", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    auto *d = ev.heap.make<DictObj>();
    for (auto &kv : dself(a)->entries) d->set(kv.first, kv.second);
    return Value::object(d);
  });
  defMethod("dict", "clear", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    dself(a)->entries.clear();
    dself(a)->index.clear();
    return Value();
  });
}

void EvalImpl::makeSetMethods() {
  defMethod("set", "add", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "add");
    ev.hashOf(a.positional[1]);
    objAs<SetObj>(a.positional[0], ObjKind::SET)->add(a.positional[1]);
    return Value();
  });
  defMethod("set", "discard", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "discard");
    ev.hashOf(a.positional[1]);
    objAs<SetObj>(a.positional[0], ObjKind::SET)->erase(a.positional[1]);
    return Value();
  });
  defMethod("set", "remove", [](EvalImpl &ev, CallArgs &a, SrcLoc) {
    wantArgs(ev, a, 2, 2, "remove");
    ev.hashOf(a.positional[1]);
    if (!objAs<SetObj>(a.positional[0], ObjKind::SET)->erase(a.positional[1]))
      ev.throwValue(ev.newExc("KeyError", ev.toRepr(a.positional[1])));
    return Value();
  });
}

// --- formatting --------------------------------------------------------------------

static std::string fmtOne(EvalImpl &ev, char conv, const std::string &flags, int width, int prec, Value v) {
  std::string spec = "%" + flags + (width >= 0 ? std::to_string(width) : "") + (prec >= 0 ? "." + std::to_string(prec) : "");
  char buf[512];
  switch (conv) {
  case 'd': case 'i': case 'x': case 'X': case 'o': {
    if (v.isFloat() && (conv == 'd' || conv == 'i')) v = ev.toInt(v, SrcLoc());
    if (!v.isInt() && !v.isBool()) ev.throwExc("TypeError", std::string("%") + conv + " format: a number is required, not " + ev.typeOf(v)->name);
    std::string f = spec + "ll" + (conv == 'i' ? 'd' : conv);
    int64_t x = v.asInt();
    if (conv != 'd' && conv != 'i' && x < 0) { // Python prints -0x1f, C would print two's complement
      std::snprintf(buf, sizeof buf, (spec + "ll" + conv).c_str(), (long long)-x);
      return "-" + std::string(buf);
    }
    std::snprintf(buf, sizeof buf, f.c_str(), (long long)x);
    return buf;
  }
  case 'f': case 'F': case 'e': case 'E': case 'g': case 'G': {
    double d = ev.toFloat(v).asFloat();
    std::snprintf(buf, sizeof buf, (spec + conv).c_str(), d);
    return buf;
  }
  case 'c': {
    std::string s = v.isInt() ? std::string(1, char(v.asInt())) : ev.toStr(v);
    std::snprintf(buf, sizeof buf, (spec + "s").c_str(), s.c_str());
    return buf;
  }
  case 's': case 'r': {
    std::string s = conv == 's' ? ev.toStr(v) : ev.toRepr(v);
    std::string pad = width > int(s.size()) ? std::string(size_t(width) - s.size(), ' ') : "";
    if (prec >= 0 && size_t(prec) < s.size()) s.resize(size_t(prec));
    return flags.find('-') != std::string::npos ? s + pad : pad + s;
  }
  default: ev.throwExc("ValueError", std::string("unsupported format character '") + conv + "'");
  }
}

Value EvalImpl::formatPercent(const std::string &fmt, Value args) {
  std::vector<Value> items = asTuple(args) ? asTuple(args)->items : std::vector<Value>{args};
  DictObj *named = asDict(args);
  size_t next = 0;
  std::string out;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') { out += fmt[i]; continue; }
    if (++i >= fmt.size()) throwExc("ValueError", "incomplete format");
    Value v;
    bool haveV = false;
    if (fmt[i] == '(' && named) {
      size_t close = fmt.find(')', i);
      if (close == std::string::npos) throwExc("ValueError", "incomplete format key");
      Value *found = named->find(str(fmt.substr(i + 1, close - i - 1)));
      if (!found) throwValue(newExc("KeyError", fmt.substr(i + 1, close - i - 1)));
      v = *found;
      haveV = true;
      i = close + 1;
    }
    std::string flags;
    while (i < fmt.size() && std::string("-+ 0#").find(fmt[i]) != std::string::npos) flags += fmt[i++];
    int width = -1, prec = -1;
    while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) width = std::max(width, 0) * 10 + (fmt[i++] - '0');
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      prec = 0;
      while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) prec = prec * 10 + (fmt[i++] - '0');
    }
    if (i >= fmt.size()) throwExc("ValueError", "incomplete format");
    if (width > 400 || prec > 400) throwExc("ValueError", "format width too large at translation time");
    if (fmt[i] == '%') { out += '%'; continue; }
    if (!haveV) {
      if (next >= items.size()) throwExc("TypeError", "not enough arguments for format string");
      v = items[next++];
    }
    out += fmtOne(*this, fmt[i], flags, width, prec, v);
  }
  if (!named && next < items.size()) throwExc("TypeError", "not all arguments converted during string formatting");
  return str(out);
}

Value EvalImpl::formatMethod(const std::string &fmt, CallArgs &args) {
  std::string out;
  size_t auto_ = 0;
  for (size_t i = 0; i < fmt.size(); ++i) {
    char c = fmt[i];
    if ((c == '{' || c == '}') && i + 1 < fmt.size() && fmt[i + 1] == c) { out += c; ++i; continue; }
    if (c != '{') { out += c; continue; }
    size_t close = fmt.find('}', i);
    if (close == std::string::npos) throwExc("ValueError", "Single '{' encountered in format string");
    std::string field = fmt.substr(i + 1, close - i - 1);
    std::string conv;
    if (size_t colon = field.find_first_of("!:"); colon != std::string::npos) {
      conv = field.substr(colon);
      field = field.substr(0, colon);
    }
    Value v;
    if (field.empty()) {
      if (auto_ >= args.positional.size()) throwExc("IndexError", "Replacement index out of range");
      v = args.positional[auto_++];
    } else if (std::isdigit(static_cast<unsigned char>(field[0]))) {
      size_t k = size_t(std::stoul(field.substr(0, 6)));
      if (k >= args.positional.size()) throwExc("IndexError", "Replacement index out of range");
      v = args.positional[k];
    } else {
      auto it = std::find_if(args.keywords.begin(), args.keywords.end(), [&](auto &kv) { return kv.first == field; });
      if (it == args.keywords.end()) throwValue(newExc("KeyError", field));
      v = it->second;
    }
    out += conv == "!r" ? toRepr(v) : toStr(v);
    i = close;
  }
  return str(out);
}

} // namespace lathe::eval
