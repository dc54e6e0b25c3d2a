//===- binaryop.cpp - Annotation rules of two-argument operators ----------===//
// Arithmetic (and the in-place forms of augmented assignment), comparisons
// and `is_`, following RPython's binaryop.py with Python 3 semantics:
//   numbers   bool < int < float; `/` is always float; unsigned wins;
//             results are int>=0 when the algebra guarantees it
//             (a+b, a*b, a//b for nonneg a, b; a%b for nonneg b; a&b when
//             either side is nonneg; a>>b for nonneg a)
//   strings   str + str, str * int, str % x  ==> str (a char is a str here)
//   lists     list + list, list * int ==> a new list whose items agree with
//             the operands'; `+=`, `*=` resize the list in place
//   formats   `fmt % x` checks x against the conversions of the constant fmt
//   tuples    tuple + tuple ==> the concatenated tuple
//   `x is None` narrows x in both branches.
//===----------------------------------------------------------------------===//
#include "annotator/rules.h"

#include <cassert>
#include <cstring>

namespace lathe::ann {

namespace {

using flow::FlowOp;

// ORDER BINOP: the in-place rows mirror the plain rows one for one.
static_assert(int(FlowOp::INPLACE_AND) - int(FlowOp::INPLACE_ADD) ==
                  int(FlowOp::AND) - int(FlowOp::ADD),
              "flowops.def: in-place operators follow the order of the plain ones");

FlowOp plainOp(FlowOp op) {
  if (op >= FlowOp::INPLACE_ADD && op <= FlowOp::INPLACE_AND)
    return FlowOp(int(op) - int(FlowOp::INPLACE_ADD) + int(FlowOp::ADD));
  return op;
}

const char *opSymbol(FlowOp op) {
  static const char *const symbols[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>", "|",
                                        "^", "&"};
  if (op >= FlowOp::ADD && op <= FlowOp::AND) return symbols[int(op) - int(FlowOp::ADD)];
  static const char *const cmps[] = {"<", "<=", "==", "!=", ">", ">="};
  if (op >= FlowOp::LT && op <= FlowOp::GE) return cmps[int(op) - int(FlowOp::LT)];
  return "?";
}

bool nonnegOf(const Ann &a) { return a->kind == SomeKind::BOOL || a->nonneg; }

/// int (or bool) op int (or bool).
Ann intArith(FlowOp op, const Ann &a, const Ann &b) {
  bool na = nonnegOf(a), nb = nonnegOf(b);
  bool bools = a->kind == SomeKind::BOOL && b->kind == SomeKind::BOOL;
  bool uns = a->isUnsigned || b->isUnsigned;
  switch (op) {
  case FlowOp::ADD:
  case FlowOp::MUL:
  case FlowOp::FLOORDIV:
    return someInteger(na && nb, uns);
  case FlowOp::MOD:
    return someInteger(nb, uns);
  case FlowOp::POW:
  case FlowOp::RSHIFT:
    return someInteger(na, uns);
  case FlowOp::LSHIFT: // wraps: 1 << 63 is negative (RPython: not nonneg)
    return someInteger(false, uns);
  case FlowOp::AND:
    return bools ? someBool() : someInteger(na || nb, uns);
  case FlowOp::OR:
  case FlowOp::XOR:
    return bools ? someBool() : someInteger(na && nb, uns);
  case FlowOp::TRUEDIV:
    return someFloat();
  case FlowOp::SUB:
    return someInteger(false, uns);
  default:
    break; // comparisons and the rest are not arithmetic
  }
  return nullptr;
}

Ann numberArith(FlowOp op, const Ann &a, const Ann &b) {
  // Python 3: an int to a negative power is a float (2 ** -1 == 0.5).
  bool negativePower = op == FlowOp::POW && b->hasConst && b->constValue.isInt() &&
                       b->constValue.asInt() < 0;
  if (isIntLike(a) && isIntLike(b) && !negativePower) return intArith(op, a, b);
  switch (op) {
  case FlowOp::ADD:
  case FlowOp::SUB:
  case FlowOp::MUL:
  case FlowOp::TRUEDIV:
  case FlowOp::FLOORDIV:
  case FlowOp::MOD:
  case FlowOp::POW:
    return someFloat();
  default:
    return nullptr; // bit operations are not defined on floats
  }
}

/// `a + b` is a new list (RPython's offspring); `a += b` extends a in place
/// (RPython's inplace_add: the two lists agree).
Ann concatLists(OpContext &c, const Ann &a, const Ann &b, bool inplace) {
  if (!inplace) return listOffspring(c, {a, b});
  c.bk().unifyLists(a->listDef, b->listDef);
  a->listDef->find()->resized = a->listDef->find()->mutated = true;
  return withoutConst(a);
}

/// The conversions of a constant %-format, or an error message in `why`.
std::string formatConversions(const std::string &f, std::string &why) {
  std::string convs;
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') continue;
    ++i;
    // (strchr finds the terminator too: a NUL byte is never a flag or conversion)
    while (i < f.size() && f[i] && std::strchr("-+ #0123456789.", f[i])) ++i;
    if (i == f.size()) {
      why = "incomplete format";
      return convs;
    }
    if (f[i] == '%') continue;
    if (f[i] == '(') {
      why = "mapping keys (`%(name)s`) are not supported";
      return convs;
    }
    if (!f[i] || !std::strchr("sdirxXofeEgGc", f[i])) {
      why = std::string("unsupported format character '") + f[i] + "'";
      return convs;
    }
    convs += f[i];
  }
  return convs;
}

/// Whether a value of annotation `x` can be formatted by conversion `conv`.
bool formattable(char conv, const Ann &x) {
  switch (conv) {
  case 's':
  case 'r':
    return true;
  case 'c':
    return isIntLike(x) || x->kind == SomeKind::CHAR;
  case 'x':
  case 'X':
  case 'o':
    return isIntLike(x);
  default:
    return isNumber(x); // d i f e g: CPython accepts ints and floats
  }
}

/// `fmt % args` (DESIGN §3: the format is a translation-time constant): the
/// conversions are counted and checked against the arguments, a tuple being
/// spread over them.
Ann formatString(OpContext &c, const Ann &fmt, const Ann &args) {
  const eval::StrObj *f = fmt->hasConst ? eval::asStr(fmt->constValue) : nullptr;
  if (!f) {
    c.error("the format string of `%` must be a translation-time constant");
    return someImpossible();
  }
  std::string why;
  std::string convs = formatConversions(f->value, why);
  if (!why.empty()) {
    c.error(why + " in format string");
    return someImpossible();
  }
  std::vector<Ann> items = args->kind == SomeKind::TUPLE ? args->items : std::vector<Ann>{args};
  if (items.size() != convs.size()) {
    c.error("the format string has " + std::to_string(convs.size()) + " conversion" +
            (convs.size() == 1 ? "" : "s") + " but " + std::to_string(items.size()) +
            " argument" + (items.size() == 1 ? " is" : "s are") + " given (" +
            printType(args) + ")");
    return someImpossible();
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (formattable(convs[i], items[i])) continue;
    c.error(std::string("%") + convs[i] + " format (argument " + std::to_string(i + 1) +
            ") needs " + (convs[i] == 'c' ? "an int or a char" : std::strchr("xXo", convs[i]) ? "an int" : "a number") + ", not " +
            printType(items[i]));
    return someImpossible();
  }
  return someString();
}

Ann sequenceArith(OpContext &c, FlowOp op, const Ann &a, const Ann &b, bool inplace) {
  if (op == FlowOp::ADD && isStrLike(a) && isStrLike(b)) return someString();
  if (op == FlowOp::MUL && isStrLike(a) && isIntLike(b)) return someString();
  if (op == FlowOp::MUL && isIntLike(a) && isStrLike(b)) return someString();
  if (op == FlowOp::MOD && isStrLike(a)) return formatString(c, a, b);
  if (op == FlowOp::ADD && a->kind == SomeKind::LIST && b->kind == SomeKind::LIST)
    return concatLists(c, a, b, inplace);
  if (op == FlowOp::MUL && a->kind == SomeKind::LIST && isIntLike(b)) {
    if (!inplace) return listOffspring(c, {a});
    a->listDef->find()->resized = a->listDef->find()->mutated = true;
    return withoutConst(a);
  }
  if (op == FlowOp::MUL && isIntLike(a) && b->kind == SomeKind::LIST && !inplace)
    return listOffspring(c, {b}); // 3 * [0]
  if (op == FlowOp::ADD && a->kind == SomeKind::TUPLE && b->kind == SomeKind::TUPLE) {
    std::vector<Ann> items = a->items;
    items.insert(items.end(), b->items.begin(), b->items.end());
    return someTuple(std::move(items));
  }
  return nullptr;
}

Ann arithmetic(OpContext &c) {
  FlowOp op = plainOp(c.op.op);
  bool inplace = op != c.op.op;
  const Ann &a = c.args[0], &b = c.args[1];
  Ann r = isNumber(a) && isNumber(b) ? numberArith(op, a, b)
                                     : sequenceArith(c, op, a, b, inplace);
  if (r) return r;
  c.error(std::string("unsupported operand types for ") + opSymbol(op) + ": " + printType(a) +
          " and " + printType(b));
  return someImpossible();
}

bool comparable(FlowOp op, const Ann &a, const Ann &b) {
  if (isNumber(a) && isNumber(b)) return true;
  if (isStrLike(a) && isStrLike(b)) return true;
  if (a->kind == SomeKind::TUPLE && b->kind == SomeKind::TUPLE) return true;
  if (op != FlowOp::EQ && op != FlowOp::NE) return false;
  return a->kind == b->kind || a->kind == SomeKind::NONE || b->kind == SomeKind::NONE;
}

Ann comparison(OpContext &c) {
  const Ann &a = c.args[0], &b = c.args[1];
  if (comparable(c.op.op, a, b)) return someBool();
  c.error(std::string("cannot compare ") + printType(a) + " " + opSymbol(c.op.op) + " " +
          printType(b));
  return someImpossible();
}

/// `x is y`: folds on constants; `x is None` narrows x in both branches.
Ann identity(OpContext &c) {
  const Ann &a = c.args[0], &b = c.args[1];
  if (a->hasConst && b->hasConst)
    return withConst(someBool(), eval::Value::boolean(a->constValue.identical(b->constValue)));
  for (int side = 0; side < 2; ++side) {
    const Ann &x = c.args[side], &other = c.args[1 - side];
    if (other->kind != SomeKind::NONE) continue;
    if (!canBeNone(x)) return withConst(someBool(), eval::Value::boolean(false));
    if (!c.op.args[side].isVar()) return someBool();
    auto kt = std::make_shared<KnownTypes>();
    kt->ifTrue.push_back({c.op.args[side].var(), someNone()});
    kt->ifFalse.push_back({c.op.args[side].var(), withNone(x, false)});
    return withKnownTypes(someBool(), kt);
  }
  return someBool();
}

} // namespace

Ann binaryOp(OpContext &c) {
  FlowOp op = c.op.op;
  if (op == FlowOp::IS) return identity(c);
  if (op >= FlowOp::LT && op <= FlowOp::GE) return comparison(c);
  return arithmetic(c);
}

} // namespace lathe::ann
