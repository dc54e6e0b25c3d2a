//===- evaluator_expr.cpp - Module evaluator: expressions --------------------===//
// Expression evaluation with Python 3 semantics: int64 arithmetic that
// raises OverflowError instead of wrapping, floor division and modulo,
// chained comparisons, short-circuit and/or returning operands, slicing,
// displays with starred items, comprehensions (eager; their own scope) and
// the protocol helpers (truth, equality, ordering, hashing, str/repr,
// iteration) the other evaluator files use. See evaluator_impl.h.
//===----------------------------------------------------------------------===//
#include "frontend/evaluator_impl.h"

#include <algorithm>
#include <cmath>

namespace lathe::eval {

using namespace ast;

Value EvalImpl::makeTuple(std::vector<Value> items) {
  auto *t = heap.make<TupleObj>();
  t->items = std::move(items);
  return Value::object(t);
}
Value EvalImpl::makeList(std::vector<Value> items) {
  auto *l = heap.make<ListObj>();
  l->items = std::move(items);
  return Value::object(l);
}

Value EvalImpl::eval(const Expr *e, Frame &f) {
  step(e->loc);
  switch (e->kind) {
  case ExprKind::Name: return loadName(cast<Name>(e)->id, f, e->loc);
  case ExprKind::IntLit: return Value::integer(cast<IntLit>(e)->value);
  case ExprKind::FloatLit: return Value::number(cast<FloatLit>(e)->value);
  case ExprKind::StrLit: return str(cast<StrLit>(e)->value); // bytes are str too
  case ExprKind::BoolLit: return Value::boolean(cast<BoolLit>(e)->value);
  case ExprKind::NoneLit: return Value::none();
  case ExprKind::BinOp: {
    auto *b = cast<BinOp>(e);
    Value l = eval(b->left, f);
    Value r = eval(b->right, f);
    return evalBinOp(b->op, l, r, false);
  }
  case ExprKind::UnaryOp: return evalUnary(cast<UnaryOp>(e)->op, eval(cast<UnaryOp>(e)->operand, f));
  case ExprKind::BoolOp: return evalBoolOp(cast<BoolOp>(e), f);
  case ExprKind::Compare: return evalCompare(cast<Compare>(e), f);
  case ExprKind::Call: return evalCall(cast<Call>(e), f);
  case ExprKind::Attribute: {
    auto *a = cast<Attribute>(e);
    return getAttr(eval(a->value, f), a->attr, e->loc);
  }
  case ExprKind::Subscript: {
    auto *s = cast<Subscript>(e);
    Value obj = eval(s->value, f);
    if (s->index->kind == ExprKind::Slice) return sliceOf(obj, cast<Slice>(s->index), f);
    return evalSubscript(obj, eval(s->index, f));
  }
  case ExprKind::Slice: fatal(e->loc, "slice outside of a subscript");
  case ExprKind::Starred: fatal(e->loc, "starred expression is not allowed here");
  case ExprKind::Tuple:
  case ExprKind::List:
  case ExprKind::Dict:
  case ExprKind::Set: return evalDisplay(e, f);
  case ExprKind::IfExp: {
    auto *i = cast<IfExp>(e);
    return truthy(eval(i->test, f)) ? eval(i->body, f) : eval(i->orelse, f);
  }
  case ExprKind::Lambda: return makeFunction(nullptr, cast<Lambda>(e), f);
  case ExprKind::ListComp:
  case ExprKind::SetComp:
  case ExprKind::DictComp:
  case ExprKind::GeneratorExp: return evalComprehension(e, f);
  }
  fatal(e->loc, "unsupported expression");
}

void EvalImpl::extendFrom(std::vector<Value> &out, const ExprList &elts, Frame &f) {
  for (const Expr *x : elts) {
    if (x->kind == ExprKind::Starred) {
      std::vector<Value> more = toVector(eval(cast<Starred>(x)->value, f));
      out.insert(out.end(), more.begin(), more.end());
    } else {
      out.push_back(eval(x, f));
    }
  }
}

Value EvalImpl::evalDisplay(const Expr *e, Frame &f) {
  std::vector<Value> items;
  switch (e->kind) {
  case ExprKind::Tuple: extendFrom(items, cast<Tuple>(e)->elts, f); return makeTuple(items);
  case ExprKind::List: extendFrom(items, cast<List>(e)->elts, f); return makeList(items);
  case ExprKind::Set: {
    extendFrom(items, cast<Set>(e)->elts, f);
    auto *s = heap.make<SetObj>();
    for (Value &v : items) { hashOf(v); s->add(v); }
    return Value::object(s);
  }
  default: break; // only displays reach here
  }
  auto *d = cast<Dict>(e);
  auto *out = heap.make<DictObj>();
  for (size_t i = 0; i < d->values.size(); ++i) {
    if (i >= d->keys.size() || !d->keys[i]) { // {**mapping}
      Value m = eval(d->values[i], f);
      DictObj *src = asDict(m);
      if (!src) throwExc("TypeError", "'" + typeOf(m)->name + "' object is not a mapping");
      for (auto &kv : src->entries) out->set(kv.first, kv.second);
      continue;
    }
    Value k = eval(d->keys[i], f);
    Value v = eval(d->values[i], f);
    hashOf(k);
    out->set(k, v);
  }
  return Value::object(out);
}

// --- arithmetic ------------------------------------------------------------------

static int64_t floorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
static int64_t floorMod(int64_t a, int64_t b) {
  int64_t m = a % b;
  if (m != 0 && ((m < 0) != (b < 0))) m += b;
  return m;
}

Value EvalImpl::intArith(BinOpKind op, int64_t a, int64_t b) {
  int64_t r = 0;
  bool ovf = false;
  switch (op) {
  case BinOpKind::ADD: ovf = __builtin_add_overflow(a, b, &r); break;
  case BinOpKind::SUB: ovf = __builtin_sub_overflow(a, b, &r); break;
  case BinOpKind::MUL: ovf = __builtin_mul_overflow(a, b, &r); break;
  case BinOpKind::DIV:
    if (b == 0) throwExc("ZeroDivisionError", "division by zero");
    return Value::number(double(a) / double(b));
  case BinOpKind::FLOORDIV:
  case BinOpKind::MOD:
    if (b == 0) throwExc("ZeroDivisionError", op == BinOpKind::MOD ? "integer modulo by zero" : "integer division or modulo by zero");
    if (a == INT64_MIN && b == -1) {
      if (op == BinOpKind::MOD) return Value::integer(0);
      ovf = true;
      break;
    }
    r = op == BinOpKind::MOD ? floorMod(a, b) : floorDiv(a, b);
    break;
  case BinOpKind::POW: {
    if (b < 0) return Value::number(std::pow(double(a), double(b)));
    r = 1;
    int64_t base = a;
    for (int64_t e = b; e > 0 && !ovf; e >>= 1) {
      if (e & 1) ovf = __builtin_mul_overflow(r, base, &r);
      if (e > 1 && !ovf) ovf = __builtin_mul_overflow(base, base, &base);
    }
    break;
  }
  case BinOpKind::LSHIFT:
  case BinOpKind::RSHIFT:
    if (b < 0) throwExc("ValueError", "negative shift count");
    if (op == BinOpKind::RSHIFT) return Value::integer(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    if (a == 0) return Value::integer(0);
    if (b >= 63 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))) ovf = true;
    else r = int64_t(uint64_t(a) << b);
    break;
  case BinOpKind::BITOR: r = a | b; break;
  case BinOpKind::BITXOR: r = a ^ b; break;
  case BinOpKind::BITAND: r = a & b; break;
  }
  if (ovf) throwExc("OverflowError", "integer overflow at translation time");
  return Value::integer(r);
}

Value EvalImpl::floatArith(BinOpKind op, double a, double b) {
  switch (op) {
  case BinOpKind::ADD: return Value::number(a + b);
  case BinOpKind::SUB: return Value::number(a - b);
  case BinOpKind::MUL: return Value::number(a * b);
  case BinOpKind::DIV:
    if (b == 0) throwExc("ZeroDivisionError", "float division by zero");
    return Value::number(a / b);
  case BinOpKind::FLOORDIV:
    if (b == 0) throwExc("ZeroDivisionError", "float floor division by zero");
    return Value::number(std::floor(a / b));
  case BinOpKind::MOD: {
    if (b == 0) throwExc("ZeroDivisionError", "float modulo");
    double m = std::fmod(a, b);
    if (m != 0 && ((m < 0) != (b < 0))) m += b;
    return Value::number(m);
  }
  case BinOpKind::POW:
    if (a == 0 && b < 0) throwExc("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return Value::number(std::pow(a, b));
  case BinOpKind::LSHIFT:
  case BinOpKind::RSHIFT:
  case BinOpKind::BITOR:
  case BinOpKind::BITXOR:
  case BinOpKind::BITAND: break;
  }
  throwExc("TypeError", std::string("unsupported operand type(s) for ") + binOpSymbol(op) +
                            ": 'float' and 'float'");
}

static std::vector<Value> repeat(const std::vector<Value> &v, int64_t n) {
  std::vector<Value> out;
  for (int64_t i = 0; i < n; ++i) out.insert(out.end(), v.begin(), v.end());
  return out;
}

Value EvalImpl::seqArith(BinOpKind op, Value a, Value b, bool &handled) {
  handled = true;
  StrObj *sa = asStr(a), *sb = asStr(b);
  if (op == BinOpKind::MOD && sa) return formatPercent(sa->value, b);
  if (op == BinOpKind::ADD) {
    if (sa && sb) return str(sa->value + sb->value);
    if (asList(a) && asList(b)) {
      std::vector<Value> v = asList(a)->items;
      v.insert(v.end(), asList(b)->items.begin(), asList(b)->items.end());
      return makeList(v);
    }
    if (asTuple(a) && asTuple(b)) {
      std::vector<Value> v = asTuple(a)->items;
      v.insert(v.end(), asTuple(b)->items.begin(), asTuple(b)->items.end());
      return makeTuple(v);
    }
  }
  if (op == BinOpKind::MUL) {
    if ((a.isInt() || a.isBool()) && b.isObject()) std::swap(a, b);
    if ((b.isInt() || b.isBool()) && a.isObject()) {
      int64_t n = std::max<int64_t>(b.asInt(), 0);
      int64_t len = length(a);
      if (len && n > 100000000 / len) throwExc("MemoryError", "sequence too large at translation time");
      if (auto *s = asStr(a)) {
        std::string out;
        for (int64_t i = 0; i < n; ++i) out += s->value;
        return str(out);
      }
      if (auto *l = asList(a)) return makeList(repeat(l->items, n));
      if (auto *t = asTuple(a)) return makeTuple(repeat(t->items, n));
    }
  }
  if (auto *x = objAs<SetObj>(a, ObjKind::SET)) {
    auto *y = objAs<SetObj>(b, ObjKind::SET);
    if (y && (op == BinOpKind::BITOR || op == BinOpKind::BITAND || op == BinOpKind::SUB ||
              op == BinOpKind::BITXOR)) {
      auto *out = heap.make<SetObj>();
      for (Value &v : x->items) {
        bool inY = y->contains(v);
        if (op == BinOpKind::BITOR || (op == BinOpKind::BITAND && inY) ||
            (op != BinOpKind::BITAND && !inY))
          out->add(v);
      }
      if (op == BinOpKind::BITOR || op == BinOpKind::BITXOR)
        for (Value &v : y->items)
          if (op == BinOpKind::BITOR || !x->contains(v)) out->add(v);
      return Value::object(out);
    }
  }
  handled = false;
  return Value();
}

Value EvalImpl::arith(BinOpKind op, Value a, Value b, bool &handled) {
  handled = true;
  bool ia = a.isInt() || a.isBool(), ib = b.isInt() || b.isBool();
  if (ia && ib) return intArith(op, a.asInt(), b.asInt());
  bool fa = ia || a.isFloat(), fb = ib || b.isFloat();
  if (fa && fb) {
    double x = a.isFloat() ? a.asFloat() : double(a.asInt());
    double y = b.isFloat() ? b.asFloat() : double(b.asInt());
    return floatArith(op, x, y);
  }
  return seqArith(op, a, b, handled);
}

Value EvalImpl::evalBinOp(BinOpKind op, Value a, Value b, bool inplace) {
  if (inplace && op == BinOpKind::ADD) {
    if (ListObj *l = asList(a)) { // list += iterable extends in place
      std::vector<Value> more = toVector(b);
      l->items.insert(l->items.end(), more.begin(), more.end());
      return a;
    }
  }
  bool handled = false;
  Value r = arith(op, a, b, handled);
  if (handled) return r;
  std::string d = binOpDunder(op);
  if (inplace && callDunder(a, "__i" + d + "__", {b}, r)) return r;
  if (callDunder(a, "__" + d + "__", {b}, r)) return r;
  if (callDunder(b, "__r" + d + "__", {a}, r)) return r;
  throwExc("TypeError", std::string("unsupported operand type(s) for ") + binOpSymbol(op) +
                            ": '" + typeOf(a)->name + "' and '" + typeOf(b)->name + "'");
}

Value EvalImpl::evalUnary(UnaryOpKind op, Value v) {
  switch (op) {
  case UnaryOpKind::NOT: return Value::boolean(!truthy(v));
  case UnaryOpKind::NEG:
    if (v.isInt() || v.isBool()) {
      if (v.asInt() == INT64_MIN) throwExc("OverflowError", "integer overflow at translation time");
      return Value::integer(-v.asInt());
    }
    if (v.isFloat()) return Value::number(-v.asFloat());
    break;
  case UnaryOpKind::POS:
    if (v.isInt() || v.isBool()) return Value::integer(v.asInt());
    if (v.isFloat()) return v;
    break;
  case UnaryOpKind::INVERT:
    if (v.isInt() || v.isBool()) return Value::integer(~v.asInt());
    break;
  }
  Value r;
  const char *names[] = {"", "__neg__", "__pos__", "__invert__"};
  if (op != UnaryOpKind::NOT && callDunder(v, names[int(op)], {}, r)) return r;
  throwExc("TypeError", std::string("bad operand type for unary ") + unaryOpSymbol(op) + ": '" +
                            typeOf(v)->name + "'");
}

Value EvalImpl::evalBoolOp(const BoolOp *b, Frame &f) {
  Value v;
  for (const Expr *x : b->values) {
    v = eval(x, f);
    if (truthy(v) != b->isAnd) return v;
  }
  return v;
}

// --- comparisons -------------------------------------------------------------------

Value EvalImpl::evalCompare(const Compare *c, Frame &f) {
  Value left = eval(c->left, f);
  for (size_t i = 0; i < c->ops.size(); ++i) {
    Value right = eval(c->comparators[i], f);
    if (!compareOp(c->ops[i], left, right)) return Value::boolean(false);
    left = right;
  }
  return Value::boolean(true);
}

bool EvalImpl::compareOp(CmpOpKind op, Value a, Value b) {
  switch (op) {
  case CmpOpKind::EQ: return pyEq(a, b);
  case CmpOpKind::NE: return !pyEq(a, b);
  case CmpOpKind::LT: return pyLess(a, b);
  case CmpOpKind::GT: return pyLess(b, a);
  case CmpOpKind::LE: return !pyLess(b, a) && (pyLess(a, b) || pyEq(a, b));
  case CmpOpKind::GE: return !pyLess(a, b) && (pyLess(b, a) || pyEq(a, b));
  case CmpOpKind::IS: return a.identical(b);
  case CmpOpKind::IS_NOT: return !a.identical(b);
  case CmpOpKind::IN: return contains(b, a);
  case CmpOpKind::NOT_IN: return !contains(b, a);
  }
  return false;
}

bool EvalImpl::pyEq(Value a, Value b) {
  if (a.isObject() && b.isObject() && a.asObject() == b.asObject()) return true;
  Value r;
  if (asInstance(a) && callDunder(a, "__eq__", {b}, r)) return truthy(r);
  if (asInstance(b) && callDunder(b, "__eq__", {a}, r)) return truthy(r);
  auto seqEq = [&](const std::vector<Value> &x, const std::vector<Value> &y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (!pyEq(x[i], y[i])) return false;
    return true;
  };
  if (asList(a) && asList(b)) return seqEq(asList(a)->items, asList(b)->items);
  if (asTuple(a) && asTuple(b)) return seqEq(asTuple(a)->items, asTuple(b)->items);
  if (asDict(a) && asDict(b)) {
    DictObj *x = asDict(a), *y = asDict(b);
    if (x->entries.size() != y->entries.size()) return false;
    for (auto &kv : x->entries) {
      Value *o = y->find(kv.first);
      if (!o || !pyEq(kv.second, *o)) return false;
    }
    return true;
  }
  auto *sa = objAs<SetObj>(a, ObjKind::SET), *sb = objAs<SetObj>(b, ObjKind::SET);
  if (sa && sb) {
    if (sa->items.size() != sb->items.size()) return false;
    for (Value &v : sa->items)
      if (!sb->contains(v)) return false;
    return true;
  }
  return ValueEq()(a, b);
}

static int cmpSeq(EvalImpl &ev, const std::vector<Value> &x, const std::vector<Value> &y) {
  for (size_t i = 0; i < x.size() && i < y.size(); ++i) {
    if (ev.pyEq(x[i], y[i])) continue;
    return ev.pyLess(x[i], y[i]) ? -1 : 1;
  }
  return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
}

bool EvalImpl::pyLess(Value a, Value b) {
  bool na = a.isInt() || a.isBool() || a.isFloat(), nb = b.isInt() || b.isBool() || b.isFloat();
  if (na && nb) {
    if (!a.isFloat() && !b.isFloat()) return a.asInt() < b.asInt();
    double x = a.isFloat() ? a.asFloat() : double(a.asInt());
    double y = b.isFloat() ? b.asFloat() : double(b.asInt());
    return x < y;
  }
  if (asStr(a) && asStr(b)) return asStr(a)->value < asStr(b)->value;
  if (asList(a) && asList(b)) return cmpSeq(*this, asList(a)->items, asList(b)->items) < 0;
  if (asTuple(a) && asTuple(b)) return cmpSeq(*this, asTuple(a)->items, asTuple(b)->items) < 0;
  Value r;
  if (asInstance(a) && callDunder(a, "__lt__", {b}, r)) return truthy(r);
  if (asInstance(b) && callDunder(b, "__gt__", {a}, r)) return truthy(r);
  throwExc("TypeError", "'<' not supported between instances of '" + typeOf(a)->name + "' and '" +
                            typeOf(b)->name + "'");
}

bool EvalImpl::contains(Value c, Value item) {
  if (auto *s = asStr(c)) {
    auto *i = asStr(item);
    if (!i) throwExc("TypeError", "'in <string>' requires string as left operand, not " + typeOf(item)->name);
    return s->value.find(i->value) != std::string::npos;
  }
  if (auto *d = asDict(c)) { hashOf(item); return d->find(item) != nullptr; }
  if (auto *s = objAs<SetObj>(c, ObjKind::SET)) { hashOf(item); return s->contains(item); }
  Value r;
  if (asInstance(c) && callDunder(c, "__contains__", {item}, r)) return truthy(r);
  IterState it = iterate(c);
  Value v;
  while (it.next(v))
    if (pyEq(v, item)) return true;
  return false;
}

// --- subscripts --------------------------------------------------------------------

static const std::vector<Value> *seqItems(const Value &v) {
  if (auto *l = asList(v)) return &l->items;
  if (auto *t = asTuple(v)) return &t->items;
  return nullptr;
}

Value EvalImpl::evalSubscript(Value obj, Value idx) {
  if (auto *d = asDict(obj)) {
    hashOf(idx);
    if (Value *v = d->find(idx)) return *v;
    auto *e = heap.make<InstanceObj>();
    e->cls = classes["KeyError"];
    e->attrs.set("args", makeTuple({idx}));
    throwValue(Value::object(e));
  }
  const std::vector<Value> *items = seqItems(obj);
  StrObj *s = asStr(obj);
  if (items || s) {
    int64_t n = items ? int64_t(items->size()) : int64_t(s->value.size());
    int64_t i = toIndex(idx, items ? (asList(obj) ? "list" : "tuple") : "string");
    if (i < 0) i += n;
    if (i < 0 || i >= n)
      throwExc("IndexError", std::string(items ? (asList(obj) ? "list" : "tuple") : "string") + " index out of range");
    return items ? (*items)[size_t(i)] : str(std::string(1, s->value[size_t(i)]));
  }
  Value r;
  if (callDunder(obj, "__getitem__", {idx}, r)) return r;
  throwExc("TypeError", "'" + typeOf(obj)->name + "' object is not subscriptable");
}

Value EvalImpl::sliceOf(Value obj, const Slice *sl, Frame &f) {
  auto bound = [&](const Expr *e, bool &present) -> int64_t {
    present = false;
    if (!e) return 0;
    Value v = eval(e, f);
    if (v.isNone()) return 0;
    present = true;
    return toIndex(v, "slice");
  };
  bool hasLo, hasHi, hasStep;
  int64_t lo = bound(sl->lower, hasLo), hi = bound(sl->upper, hasHi), st = bound(sl->step, hasStep);
  if (!hasStep) st = 1;
  if (st == 0) throwExc("ValueError", "slice step cannot be zero");
  const std::vector<Value> *items = seqItems(obj);
  StrObj *s = asStr(obj);
  if (!items && !s) throwExc("TypeError", "'" + typeOf(obj)->name + "' object is not subscriptable");
  int64_t n = items ? int64_t(items->size()) : int64_t(s->value.size());
  auto clampIdx = [&](int64_t i, bool present, int64_t dflt) {
    if (!present) return dflt;
    if (i < 0) i += n;
    if (st > 0) return std::clamp<int64_t>(i, 0, n);
    return std::clamp<int64_t>(i, -1, n - 1);
  };
  lo = clampIdx(lo, hasLo, st > 0 ? 0 : n - 1);
  hi = clampIdx(hi, hasHi, st > 0 ? n : -1);
  std::vector<Value> out;
  std::string sout;
  for (int64_t i = lo; st > 0 ? i < hi : i > hi; i += st) {
    if (items) out.push_back((*items)[size_t(i)]);
    else sout += s->value[size_t(i)];
  }
  if (s) return str(sout);
  return asList(obj) ? makeList(out) : makeTuple(out);
}

void EvalImpl::setItem(Value obj, Value idx, Value v) {
  if (auto *d = asDict(obj)) { hashOf(idx); d->set(idx, v); return; }
  if (auto *l = asList(obj)) {
    int64_t n = int64_t(l->items.size()), i = toIndex(idx, "list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) throwExc("IndexError", "list assignment index out of range");
    l->items[size_t(i)] = v;
    return;
  }
  Value r;
  if (callDunder(obj, "__setitem__", {idx, v}, r)) return;
  throwExc("TypeError", "'" + typeOf(obj)->name + "' object does not support item assignment");
}

void EvalImpl::delItem(Value obj, Value idx) {
  if (auto *d = asDict(obj)) {
    hashOf(idx);
    if (!d->erase(idx)) {
      auto *e = heap.make<InstanceObj>();
      e->cls = classes["KeyError"];
      e->attrs.set("args", makeTuple({idx}));
      throwValue(Value::object(e));
    }
    return;
  }
  if (auto *l = asList(obj)) {
    int64_t n = int64_t(l->items.size()), i = toIndex(idx, "list");
    if (i < 0) i += n;
    if (i < 0 || i >= n) throwExc("IndexError", "list assignment index out of range");
    l->items.erase(l->items.begin() + i);
    return;
  }
  Value r;
  if (callDunder(obj, "__delitem__", {idx}, r)) return;
  throwExc("TypeError", "'" + typeOf(obj)->name + "' object does not support item deletion");
}

// --- comprehensions ----------------------------------------------------------------

Value EvalImpl::evalComprehension(const Expr *e, Frame &f) {
  const std::vector<Comprehension> *gens = nullptr;
  Value out;
  switch (e->kind) {
  case ExprKind::ListComp: gens = &cast<ListComp>(e)->generators; out = makeList({}); break;
  case ExprKind::GeneratorExp: gens = &cast<GeneratorExp>(e)->generators; out = makeList({}); break;
  case ExprKind::SetComp: gens = &cast<SetComp>(e)->generators; out = Value::object(heap.make<SetObj>()); break;
  case ExprKind::DictComp: gens = &cast<DictComp>(e)->generators; out = Value::object(heap.make<DictObj>()); break;
  default: fatal(e->loc, "not a comprehension");
  }
  Frame cf;
  cf.module = f.module;
  cf.table = f.table;
  cf.scope = f.table->find(e);
  if (!cf.scope) fatal(e->loc, "comprehension without a scope");
  for (const std::string &n : cf.scope->freevars) {
    auto it = f.cells.find(n);
    if (it != f.cells.end()) cf.cells[n] = it->second;
  }
  for (const std::string &n : cf.scope->cellvars) cf.cells[n] = heap.make<CellObj>();
  cf.what = "<comprehension>";
  cf.loc = e->loc;
  cf.parent = f.parent;
  cf.func = f.func;
  compLoop(e, *gens, 0, cf, out, f);
  return out;
}

void EvalImpl::compLoop(const Expr *e, const std::vector<Comprehension> &gens, size_t i,
                        Frame &cf, Value &out, Frame &outer) {
  if (i == gens.size()) {
    switch (e->kind) {
    case ExprKind::ListComp: asList(out)->items.push_back(eval(cast<ListComp>(e)->elt, cf)); return;
    case ExprKind::GeneratorExp: asList(out)->items.push_back(eval(cast<GeneratorExp>(e)->elt, cf)); return;
    case ExprKind::SetComp: {
      Value v = eval(cast<SetComp>(e)->elt, cf);
      hashOf(v);
      objAs<SetObj>(out, ObjKind::SET)->add(v);
      return;
    }
    case ExprKind::DictComp: {
      auto *d = cast<DictComp>(e);
      Value k = eval(d->key, cf);
      Value v = eval(d->value, cf);
      hashOf(k);
      asDict(out)->set(k, v);
      return;
    }
    default: return;
    }
  }
  const Comprehension &g = gens[i];
  IterState it = iterate(eval(g.iter, i == 0 ? outer : cf));
  Value v;
  while (it.next(v)) {
    step(e->loc);
    assign(g.target, v, cf);
    bool ok = true;
    for (const Expr *cond : g.ifs)
      if (!truthy(eval(cond, cf))) { ok = false; break; }
    if (ok) compLoop(e, gens, i + 1, cf, out, outer);
  }
}

// --- protocol helpers --------------------------------------------------------------

bool EvalImpl::truthy(Value v) {
  switch (v.tag()) {
  case Tag::NONE: return false;
  case Tag::BOOL:
  case Tag::INT: return v.asInt() != 0;
  case Tag::FLOAT: return v.asFloat() != 0;
  case Tag::OBJ: break;
  }
  if (auto *s = asStr(v)) return !s->value.empty();
  if (auto *l = asList(v)) return !l->items.empty();
  if (auto *t = asTuple(v)) return !t->items.empty();
  if (auto *d = asDict(v)) return !d->entries.empty();
  if (auto *s = objAs<SetObj>(v, ObjKind::SET)) return !s->items.empty();
  if (asInstance(v)) {
    Value r;
    if (callDunder(v, "__bool__", {}, r)) return truthy(r);
    if (callDunder(v, "__len__", {}, r)) return truthy(r);
    if (asInstance(v)->cls == classes["range"]) return length(v) != 0;
  }
  return true;
}

int64_t EvalImpl::hashOf(Value v) {
  if (asList(v) || asDict(v) || objAs<SetObj>(v, ObjKind::SET))
    throwExc("TypeError", "unhashable type: '" + typeOf(v)->name + "'");
  if (auto *t = asTuple(v))
    for (Value &x : t->items) hashOf(x);
  return int64_t(ValueHash()(v));
}

int64_t EvalImpl::length(Value v) {
  if (auto *s = asStr(v)) return int64_t(s->value.size());
  if (auto *l = asList(v)) return int64_t(l->items.size());
  if (auto *t = asTuple(v)) return int64_t(t->items.size());
  if (auto *d = asDict(v)) return int64_t(d->entries.size());
  if (auto *s = objAs<SetObj>(v, ObjKind::SET)) return int64_t(s->items.size());
  if (auto *i = asInstance(v); i && i->cls == classes["range"]) {
    IterState it = iterate(v);
    if (it.step > 0) return it.cur < it.stop ? (it.stop - it.cur + it.step - 1) / it.step : 0;
    return it.cur > it.stop ? (it.cur - it.stop - it.step - 1) / -it.step : 0;
  }
  Value r;
  if (callDunder(v, "__len__", {}, r) && r.isInt()) return r.asInt();
  throwExc("TypeError", "object of type '" + typeOf(v)->name + "' has no len()");
}

int64_t EvalImpl::toIndex(Value v, const char *what) {
  if (v.isInt() || v.isBool()) return v.asInt();
  throwExc("TypeError", std::string(what) + " indices must be integers, not " + typeOf(v)->name);
}

bool IterState::next(Value &out) {
  if (isRange) {
    if (step > 0 ? cur >= stop : cur <= stop) return false;
    out = Value::integer(cur);
    if (__builtin_add_overflow(cur, step, &cur)) cur = stop;
    return true;
  }
  if (iter) {
    if (iter->pos >= iter->items.size()) return false;
    out = iter->items[iter->pos++];
    return true;
  }
  if (pos >= items.size()) return false;
  out = items[pos++];
  return true;
}

IterState EvalImpl::iterate(Value v) {
  IterState it;
  if (auto *s = asStr(v)) {
    for (char c : s->value) it.items.push_back(str(std::string(1, c)));
  } else if (auto *l = asList(v)) {
    it.items = l->items;
  } else if (auto *t = asTuple(v)) {
    it.items = t->items;
  } else if (auto *d = asDict(v)) {
    for (auto &kv : d->entries) it.items.push_back(kv.first);
  } else if (auto *s = objAs<SetObj>(v, ObjKind::SET)) {
    it.items = s->items;
  } else if (auto *i = objAs<IteratorObj>(v, ObjKind::ITERATOR)) {
    it.iter = i;
  } else if (auto *inst = asInstance(v); inst && inst->cls == classes["range"]) {
    it.isRange = true;
    it.cur = inst->attrs.find("start")->asInt();
    it.stop = inst->attrs.find("stop")->asInt();
    it.step = inst->attrs.find("step")->asInt();
  } else {
    Value r;
    if (asInstance(v) && callDunder(v, "__iter__", {}, r) && !asInstance(r)) return iterate(r);
    throwExc("TypeError", "'" + typeOf(v)->name + "' object is not iterable");
  }
  return it;
}

std::vector<Value> EvalImpl::toVector(Value v) {
  if (auto *l = asList(v)) return l->items;
  if (auto *t = asTuple(v)) return t->items;
  IterState it = iterate(v);
  if (it.isRange && length(v) > 100000000)
    throwExc("MemoryError", "range too large at translation time");
  std::vector<Value> out;
  Value x;
  while (it.next(x)) out.push_back(x);
  return out;
}

std::string EvalImpl::toStr(Value v) {
  if (auto *s = asStr(v)) return s->value;
  Value r;
  if (asInstance(v)) {
    InstanceObj *i = asInstance(v);
    if (callDunder(v, "__str__", {}, r) && asStr(r)) return asStr(r)->value;
    if (isExceptionClass(i->cls)) {
      const Value *args = i->attrs.find("args");
      TupleObj *t = args ? asTuple(*args) : nullptr;
      if (!t || t->items.empty()) return "";
      if (t->items.size() == 1) return toStr(t->items[0]);
      return toRepr(*args);
    }
  }
  return toRepr(v);
}

std::string EvalImpl::toRepr(Value v) {
  Value r;
  if (auto *i = asInstance(v)) {
    if (callDunder(v, "__repr__", {}, r) && asStr(r)) return asStr(r)->value;
    if (isExceptionClass(i->cls)) {
      const Value *args = i->attrs.find("args");
      TupleObj *t = args ? asTuple(*args) : nullptr;
      std::string inner = t ? repr(*args) : "()";
      if (t && t->items.size() == 1) inner = "(" + toRepr(t->items[0]) + ")";
      return i->cls->name + inner;
    }
    if (i->cls == classes["range"]) {
      int64_t st = i->attrs.find("step")->asInt();
      return "range(" + repr(*i->attrs.find("start")) + ", " + repr(*i->attrs.find("stop")) +
             (st != 1 ? ", " + std::to_string(st) : "") + ")";
    }
  }
  auto seq = [&](const std::vector<Value> &items, const char *o, const char *c) {
    std::string out = o;
    for (size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + toRepr(items[k]);
    return out + c;
  };
  if (auto *l = asList(v)) return seq(l->items, "[", "]");
  if (auto *t = asTuple(v)) return t->items.size() == 1 ? "(" + toRepr(t->items[0]) + ",)" : seq(t->items, "(", ")");
  if (auto *d = asDict(v)) {
    std::string out = "{";
    for (size_t k = 0; k < d->entries.size(); ++k)
      out += (k ? ", " : "") + toRepr(d->entries[k].first) + ": " + toRepr(d->entries[k].second);
    return out + "}";
  }
  return repr(v);
}

} // namespace lathe::eval
