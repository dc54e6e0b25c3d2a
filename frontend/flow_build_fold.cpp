//===- flow_build_fold.cpp - Constant folding in the flow-graph builder ---===//
// Part of the flow-graph builder (flow_build.h), as RPython's flow space
// folds pure operations whose arguments are all Constants. An operation is
// folded only when every argument is a Constant and the result is certain;
// otherwise it is emitted and computed at run time. Folded:
//   * arithmetic, bitwise and comparison ops (and the in-place forms) on
//     None/bool/int/float — int results must fit in 64 bits, division and
//     modulo by zero are never folded (the run time raises);
//   * str + str, str * int, comparisons and `in` on strings;
//   * bool / not_ on any constant (emptiness of str/tuple/list/dict, True
//     for other objects), len of str/tuple, is_ on any constants (identity);
//   * getattr(Constant module, name) when the module has the global;
//   * getitem on a str/tuple Constant with an in-range int index;
//   * newtuple of Constants (a fresh translation-time tuple);
//   * type(Constant), exception_match(Constant class, class or tuple).
// Fold rules are small functions per family, each with its algebra.
//===----------------------------------------------------------------------===//
#include "frontend/flow_build.h"

#include <algorithm>
#include <cmath>

namespace lathe::flow::build {

namespace {

using eval::Value;
using Fold = std::optional<Value>;

bool isNum(const Value &v) { return v.isBool() || v.isInt() || v.isFloat(); }
bool isIntLike(const Value &v) { return v.isBool() || v.isInt(); }
double toDouble(const Value &v) { return v.isFloat() ? v.asFloat() : double(v.asInt()); }

bool truthOf(const Value &v) {
  switch (v.tag()) {
  case eval::Tag::NONE: return false;
  case eval::Tag::BOOL: case eval::Tag::INT: return v.asInt() != 0;
  case eval::Tag::FLOAT: return v.asFloat() != 0.0;
  case eval::Tag::OBJ: break;
  }
  if (const eval::StrObj *s = eval::asStr(v)) return !s->value.empty();
  if (const eval::TupleObj *t = eval::asTuple(v)) return !t->items.empty();
  if (const eval::ListObj *l = eval::asList(v)) return !l->items.empty();
  if (const eval::DictObj *d = eval::asDict(v)) return !d->entries.empty();
  return true;
}

// Python's floor division and modulo on int64; nullopt on b == 0 or overflow.
Fold intDivMod(FlowOp op, int64_t a, int64_t b) {
  if (b == 0 || (a == INT64_MIN && b == -1)) return std::nullopt;
  int64_t q = a / b, r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) { --q; r += b; }
  return Value::integer(op == FlowOp::FLOORDIV ? q : r);
}

// int OP int ==> int (when exact in 64 bits)
Fold foldIntArith(FlowOp op, int64_t a, int64_t b) {
  using F = FlowOp;
  int64_t r = 0;
  if (op == F::ADD) return __builtin_add_overflow(a, b, &r) ? Fold() : Value::integer(r);
  if (op == F::SUB) return __builtin_sub_overflow(a, b, &r) ? Fold() : Value::integer(r);
  if (op == F::MUL) return __builtin_mul_overflow(a, b, &r) ? Fold() : Value::integer(r);
  if (op == F::FLOORDIV || op == F::MOD) return intDivMod(op, a, b);
  if (op == F::TRUEDIV) return b == 0 ? Fold() : Value::number(double(a) / double(b));
  if (op == F::LSHIFT) {
    if (b < 0 || b >= 63 || (a != 0 && (a > (INT64_MAX >> b) || a < (INT64_MIN >> b)))) return {};
    return Value::integer(int64_t(uint64_t(a) << b));
  }
  if (op == F::RSHIFT) return b < 0 ? Fold() : Value::integer(a >> (b > 63 ? 63 : b));
  if (op == F::OR) return Value::integer(a | b);
  if (op == F::XOR) return Value::integer(a ^ b);
  if (op == F::AND) return Value::integer(a & b);
  if (op != F::POW || b < 0) return {};
  int64_t acc = 1;
  for (int64_t i = 0; i < b; ++i)
    if (__builtin_mul_overflow(acc, a, &acc)) return {};
  return Value::integer(acc);
}

// float OP float ==> float (no folding of division by zero)
Fold foldFloatArith(FlowOp op, double a, double b) {
  using F = FlowOp;
  if (op == F::ADD) return Value::number(a + b);
  if (op == F::SUB) return Value::number(a - b);
  if (op == F::MUL) return Value::number(a * b);
  if (b == 0 && (op == F::TRUEDIV || op == F::FLOORDIV || op == F::MOD)) return {};
  if (op == F::TRUEDIV) return Value::number(a / b);
  if (op == F::FLOORDIV) return Value::number(std::floor(a / b));
  if (op == F::MOD) {
    double m = std::fmod(a, b);
    return Value::number(m != 0 && ((m < 0) != (b < 0)) ? m + b : m);
  }
  if (op == F::POW && !(a < 0 && b != std::floor(b))) return Value::number(std::pow(a, b));
  return {};
}

template <class T> Fold compareWith(FlowOp op, const T &a, const T &b) {
  using F = FlowOp;
  if (op == F::LT) return Value::boolean(a < b);
  if (op == F::LE) return Value::boolean(a <= b);
  if (op == F::EQ) return Value::boolean(a == b);
  if (op == F::NE) return Value::boolean(a != b);
  if (op == F::GT) return Value::boolean(a > b);
  if (op == F::GE) return Value::boolean(a >= b);
  return {};
}

bool isComparison(FlowOp op) {
  return op == FlowOp::LT || op == FlowOp::LE || op == FlowOp::EQ || op == FlowOp::NE ||
         op == FlowOp::GT || op == FlowOp::GE;
}

// An in-place op on immutable constants is its binary op: x += 1 ==> add(x, 1).
FlowOp binaryOf(FlowOp op) {
  if (op >= FlowOp::INPLACE_ADD && op <= FlowOp::INPLACE_AND)
    return FlowOp(int(FlowOp::ADD) + (int(op) - int(FlowOp::INPLACE_ADD)));
  return op;
}

Fold foldNumeric(FlowOp op, const Value &a, const Value &b) {
  if (isComparison(op)) {
    if (isIntLike(a) && isIntLike(b)) return compareWith(op, a.asInt(), b.asInt());
    return compareWith(op, toDouble(a), toDouble(b));
  }
  bool bothBool = a.isBool() && b.isBool();
  if (bothBool && (op == FlowOp::OR || op == FlowOp::XOR || op == FlowOp::AND)) {
    Fold r = foldIntArith(op, a.asInt(), b.asInt()); // bool & bool ==> bool
    return r ? Fold(Value::boolean(r->asInt() != 0)) : r;
  }
  if (isIntLike(a) && isIntLike(b)) return foldIntArith(op, a.asInt(), b.asInt());
  return foldFloatArith(op, toDouble(a), toDouble(b));
}

} // namespace

std::optional<eval::Value> Builder::fold(FlowOp op, const std::vector<Hlvalue> &args) {
  for (const Hlvalue &a : args)
    if (!a.isConst() || a.cst()->shape) return std::nullopt;
  auto arg = [&](size_t i) -> const Value & { return args[i].cst()->value; };
  op = binaryOf(op);
  if (!flowOpInfo(op).pure && op != FlowOp::GETATTR && op != FlowOp::GETITEM) return std::nullopt;
  if (op == FlowOp::NEWTUPLE) {
    eval::TupleObj *t = ev_.heap().make<eval::TupleObj>();
    for (size_t i = 0; i < args.size(); ++i) t->items.push_back(arg(i));
    return Value::object(t);
  }
  if (args.size() == 1) return foldUnary(op, arg(0));
  if (args.size() == 2) return foldBinary(op, arg(0), arg(1));
  return std::nullopt;
}

std::optional<eval::Value> Builder::foldUnary(FlowOp op, const Value &a) {
  if (op == FlowOp::BOOL) return Value::boolean(truthOf(a));
  if (op == FlowOp::NOT) return Value::boolean(!truthOf(a));
  if (op == FlowOp::TYPE) {
    eval::ClassObj *c = ev_.typeOf(a);
    return c ? Fold(Value::object(c)) : std::nullopt;
  }
  if (op == FlowOp::LEN) {
    if (const eval::StrObj *s = eval::asStr(a)) return Value::integer(int64_t(s->value.size()));
    if (const eval::TupleObj *t = eval::asTuple(a)) return Value::integer(int64_t(t->items.size()));
    return std::nullopt;
  }
  if (op == FlowOp::NEG && a.isFloat()) return Value::number(-a.asFloat());
  if (!isIntLike(a)) return std::nullopt;
  int64_t i = a.asInt();
  if (op == FlowOp::NEG) return i == INT64_MIN ? std::nullopt : Fold(Value::integer(-i));
  if (op == FlowOp::POS) return Value::integer(i);
  if (op == FlowOp::INVERT) return Value::integer(~i);
  return std::nullopt;
}

std::optional<eval::Value> Builder::foldBinary(FlowOp op, const Value &a, const Value &b) {
  if (op == FlowOp::IS) return Value::boolean(a.identical(b));
  if (op == FlowOp::GETATTR) {
    const eval::ModuleObj *m = eval::asModule(a);
    const eval::StrObj *name = eval::asStr(b);
    const Value *v = m && name ? m->globals.find(name->value) : nullptr;
    return v ? Fold(*v) : std::nullopt;
  }
  if (op == FlowOp::EXCEPTION_MATCH) return foldExceptionMatch(a, b);
  if (op == FlowOp::GETITEM) return foldGetItem(a, b);
  if (isNum(a) && isNum(b)) return foldNumeric(op, a, b);
  if ((op == FlowOp::EQ || op == FlowOp::NE) && (a.isNone() || b.isNone()))
    return Value::boolean((a.isNone() && b.isNone()) == (op == FlowOp::EQ));
  return foldStr(op, a, b);
}

// 'ab' + 'c' ==> 'abc';  'ab' * 2 ==> 'abab';  'a' < 'b' ==> True;
// contains('abc', 'b') ==> True
std::optional<eval::Value> Builder::foldStr(FlowOp op, const Value &a, const Value &b) {
  const eval::StrObj *sa = eval::asStr(a), *sb = eval::asStr(b);
  if (sa && b.isInt() && op == FlowOp::MUL) {
    if (b.asInt() > 4096 || sa->value.size() * size_t(std::max<int64_t>(b.asInt(), 0)) > 65536)
      return std::nullopt; // keep big strings out of the constant pool
    std::string out;
    for (int64_t i = 0; i < b.asInt(); ++i) out += sa->value;
    return cache_.internStr(out);
  }
  if (!sa || !sb) return std::nullopt;
  if (op == FlowOp::ADD) return cache_.internStr(sa->value + sb->value);
  if (op == FlowOp::CONTAINS) return Value::boolean(sa->value.find(sb->value) != std::string::npos);
  if (isComparison(op)) return compareWith(op, sa->value, sb->value);
  return std::nullopt;
}

// 'abc'[1] ==> 'b';  (1, 2)[-1] ==> 2
std::optional<eval::Value> Builder::foldGetItem(const Value &a, const Value &b) {
  if (!isIntLike(b)) return std::nullopt;
  int64_t i = b.asInt();
  if (const eval::StrObj *s = eval::asStr(a)) {
    int64_t n = int64_t(s->value.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return std::nullopt;
    return cache_.internStr(std::string(1, s->value[size_t(i)]));
  }
  if (const eval::TupleObj *t = eval::asTuple(a)) {
    int64_t n = int64_t(t->items.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return std::nullopt;
    return t->items[size_t(i)];
  }
  return std::nullopt;
}

// exception_match(C, D) ==> issubclass(C, D); D may be a tuple of classes
std::optional<eval::Value> Builder::foldExceptionMatch(const Value &etype, const Value &cls) {
  const eval::ClassObj *c = eval::asClass(etype);
  if (!c) return std::nullopt;
  if (const eval::ClassObj *d = eval::asClass(cls)) return Value::boolean(c->isSubclassOf(d));
  const eval::TupleObj *t = eval::asTuple(cls);
  if (!t) return std::nullopt;
  for (const Value &item : t->items) {
    const eval::ClassObj *d = eval::asClass(item);
    if (!d) return std::nullopt;
    if (c->isSubclassOf(d)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

} // namespace lathe::flow::build
