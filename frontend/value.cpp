//===- value.cpp - Translation-time values: maps, hashing, repr -------------===//
// The data-structure half of value.h: insertion-ordered NameMap / DictObj /
// SetObj, Python-compatible hashing and equality of keys (1 == 1.0 == True),
// and the two printers: describe() for diagnostics and repr() with Python's
// exact output for data (shortest round-trip floats, Python string quoting).
// Output is deterministic: objects print by serial number, never by address.
//===----------------------------------------------------------------------===//
#include "frontend/value.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace lathe::eval {

// --- NameMap -----------------------------------------------------------------

Value *NameMap::find(const std::string &name) {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &order_[it->second].second;
}
const Value *NameMap::find(const std::string &name) const {
  auto it = index_.find(name);
  return it == index_.end() ? nullptr : &order_[it->second].second;
}
void NameMap::set(const std::string &name, Value v) {
  auto it = index_.find(name);
  if (it != index_.end()) {
    order_[it->second].second = v;
    return;
  }
  index_[name] = order_.size();
  order_.emplace_back(name, v);
  live_.push_back(true);
}
bool NameMap::erase(const std::string &name) {
  auto it = index_.find(name);
  if (it == index_.end()) return false;
  live_[it->second] = false;
  index_.erase(it);
  return true;
}
std::vector<std::pair<std::string, Value>> NameMap::entries() const {
  std::vector<std::pair<std::string, Value>> out;
  for (size_t i = 0; i < order_.size(); ++i)
    if (live_[i]) out.push_back(order_[i]);
  return out;
}

// --- hashing -------------------------------------------------------------------

size_t ValueHash::operator()(const Value &v) const {
  switch (v.tag()) {
  case Tag::NONE: return 0x9e3779b9u;
  case Tag::BOOL: return size_t(v.asBool());
  case Tag::INT: return std::hash<int64_t>()(v.asInt());
  case Tag::FLOAT: {
    double f = v.asFloat();
    if (std::isfinite(f) && f == std::floor(f) && std::fabs(f) < 9.2e18)
      return std::hash<int64_t>()(int64_t(f)); // hash(2.0) == hash(2)
    return std::hash<double>()(f);
  }
  case Tag::OBJ: break;
  }
  Object *o = v.asObject();
  if (auto *s = asStr(v)) return std::hash<std::string>()(s->value);
  if (auto *t = asTuple(v)) {
    size_t h = 0x345678;
    for (const Value &x : t->items) h = h * 1000003u ^ (*this)(x);
    return h;
  }
  return std::hash<uint32_t>()(o->serial);
}

static bool numeric(const Value &v, double &d) {
  switch (v.tag()) {
  case Tag::BOOL:
  case Tag::INT: d = double(v.asInt()); return true;
  case Tag::FLOAT: d = v.asFloat(); return true;
  case Tag::NONE:
  case Tag::OBJ: return false;
  }
  return false;
}

bool ValueEq::operator()(const Value &a, const Value &b) const {
  if ((a.isInt() || a.isBool()) && (b.isInt() || b.isBool())) return a.asInt() == b.asInt();
  double x, y;
  if (numeric(a, x) && numeric(b, y)) return x == y;
  if (a.isObject() && b.isObject()) {
    if (a.asObject() == b.asObject()) return true;
    auto *sa = asStr(a), *sb = asStr(b);
    if (sa && sb) return sa->value == sb->value;
    auto *ta = asTuple(a), *tb = asTuple(b);
    if (ta && tb) {
      if (ta->items.size() != tb->items.size()) return false;
      for (size_t i = 0; i < ta->items.size(); ++i)
        if (!(*this)(ta->items[i], tb->items[i])) return false;
      return true;
    }
    return false;
  }
  return a.tag() == b.tag() && a.isNone();
}

// --- DictObj / SetObj ------------------------------------------------------------

Value *DictObj::find(const Value &key) {
  auto it = index.find(key);
  return it == index.end() ? nullptr : &entries[it->second].second;
}
void DictObj::set(const Value &key, Value v) {
  auto it = index.find(key);
  if (it != index.end()) {
    entries[it->second].second = v;
    return;
  }
  index[key] = entries.size();
  entries.emplace_back(key, v);
}
bool DictObj::erase(const Value &key) {
  auto it = index.find(key);
  if (it == index.end()) return false;
  size_t pos = it->second;
  index.erase(it);
  entries.erase(entries.begin() + long(pos));
  for (auto &kv : index)
    if (kv.second > pos) --kv.second;
  return true;
}

bool SetObj::add(const Value &v) {
  if (index.count(v)) return false;
  index[v] = items.size();
  items.push_back(v);
  return true;
}
bool SetObj::erase(const Value &v) {
  auto it = index.find(v);
  if (it == index.end()) return false;
  size_t pos = it->second;
  index.erase(it);
  items.erase(items.begin() + long(pos));
  for (auto &kv : index)
    if (kv.second > pos) --kv.second;
  return true;
}

// --- classes -------------------------------------------------------------------

const Value *ClassObj::lookup(const std::string &n) const {
  for (const ClassObj *c : mro)
    if (const Value *v = c->attrs.find(n)) return v;
  if (mro.empty()) return attrs.find(n);
  return nullptr;
}
bool ClassObj::isSubclassOf(const ClassObj *other) const {
  if (this == other) return true;
  for (const ClassObj *c : mro)
    if (c == other) return true;
  return false;
}

Value Heap::str(std::string s) {
  StrObj *o = make<StrObj>();
  o->value = std::move(s);
  return Value::object(o);
}

// --- printing ------------------------------------------------------------------

/// Python's float repr: shortest round-trip digits; scientific notation when
/// the decimal exponent is < -4 or >= 16 ("1e+16", "1.5e-05").
static std::string floatRepr(double f) {
  if (std::isnan(f)) return "nan";
  if (std::isinf(f)) return f > 0 ? "inf" : "-inf";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, f, std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  size_t e = sci.find('e');
  std::string mant = sci.substr(0, e);
  int exp = std::stoi(sci.substr(e + 1));
  std::string sign;
  if (mant[0] == '-') { sign = "-"; mant.erase(0, 1); }
  std::string digits;
  for (char c : mant) if (c != '.') digits += c;
  if (exp < -4 || exp >= 16) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    char eb[16];
    std::snprintf(eb, sizeof eb, "e%c%02d", exp < 0 ? '-' : '+', exp < 0 ? -exp : exp);
    return out + eb;
  }
  if (exp < 0) return sign + "0." + std::string(size_t(-exp - 1), '0') + digits;
  if (digits.size() <= size_t(exp) + 1)
    return sign + digits + std::string(size_t(exp) + 1 - digits.size(), '0') + ".0";
  return sign + digits.substr(0, size_t(exp) + 1) + "." + digits.substr(size_t(exp) + 1);
}

static std::string strRepr(const std::string &s) {
  bool hasSingle = s.find('\'') != std::string::npos;
  bool hasDouble = s.find('"') != std::string::npos;
  char q = hasSingle && !hasDouble ? '"' : '\'';
  std::string out(1, q);
  for (unsigned char c : s) {
    if (c == q || c == '\\') { out += '\\'; out += char(c); }
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7f) {
      char b[8];
      std::snprintf(b, sizeof b, "\\x%02x", c);
      out += b;
    } else out += char(c);
  }
  out += q;
  return out;
}

static std::string moduleQual(const ModuleObj *m, const std::string &qual) {
  return m ? m->name + "." + qual : qual;
}

std::string describe(const Value &v) {
  if (!v.isObject()) return repr(v);
  Object *o = v.asObject();
  switch (o->kind) {
  case ObjKind::STR:
  case ObjKind::TUPLE:
  case ObjKind::LIST:
  case ObjKind::DICT:
  case ObjKind::SET: return repr(v);
  case ObjKind::FUNCTION: {
    auto *f = objCast<FunctionObj>(o);
    return "<function " + moduleQual(f->module, f->qualname) + ">";
  }
  case ObjKind::BUILTIN: return "<built-in function " + objCast<BuiltinObj>(o)->name + ">";
  case ObjKind::CLASS: {
    auto *c = objCast<ClassObj>(o);
    return "<class " + moduleQual(c->module, c->qualname) + ">";
  }
  case ObjKind::INSTANCE: {
    auto *i = objCast<InstanceObj>(o);
    return "<" + moduleQual(i->cls->module, i->cls->qualname) + " instance #" +
           std::to_string(o->serial) + ">";
  }
  case ObjKind::BOUND_METHOD: {
    auto *b = objCast<BoundMethodObj>(o);
    return "<bound method " + describe(b->func) + " of " + describe(b->self) + ">";
  }
  case ObjKind::MODULE: return "<module " + objCast<ModuleObj>(o)->name + ">";
  case ObjKind::CELL: return "<cell #" + std::to_string(o->serial) + ">";
  case ObjKind::ITERATOR: return "<iterator #" + std::to_string(o->serial) + ">";
  }
  return "<object>";
}

static std::string seqRepr(const std::vector<Value> &items, const char *open, const char *close) {
  std::string out = open;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += repr(items[i]);
  }
  return out + close;
}

std::string repr(const Value &v) {
  switch (v.tag()) {
  case Tag::NONE: return "None";
  case Tag::BOOL: return v.asBool() ? "True" : "False";
  case Tag::INT: return std::to_string(v.asInt());
  case Tag::FLOAT: return floatRepr(v.asFloat());
  case Tag::OBJ: break;
  }
  if (auto *s = asStr(v)) return strRepr(s->value);
  if (auto *t = asTuple(v))
    return t->items.size() == 1 ? "(" + repr(t->items[0]) + ",)" : seqRepr(t->items, "(", ")");
  if (auto *l = asList(v)) return seqRepr(l->items, "[", "]");
  if (auto *s = objAs<SetObj>(v, ObjKind::SET))
    return s->items.empty() ? "set()" : seqRepr(s->items, "{", "}");
  if (auto *d = asDict(v)) {
    std::string out = "{";
    for (size_t i = 0; i < d->entries.size(); ++i) {
      if (i) out += ", ";
      out += repr(d->entries[i].first) + ": " + repr(d->entries[i].second);
    }
    return out + "}";
  }
  return describe(v);
}

} // namespace lathe::eval
