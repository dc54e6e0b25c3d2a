//===- rstr.cpp - Lowering of str and char operations ---------------------===//
// Strings are Ptr(STR) (the runtime's RStr), chars are Char. Operations call
// the runtime's ll_str_* helpers (runtime/rstr.h, runtime/README.md's
// "Strings" table); chars convert to strings (ll_char_to_str, which never
// allocates) where an operation needs one, and stay chars where a Char form
// exists:
//
//   c1 == c2, c1 < c2        char_eq, char_lt, ...   (unsigned bytes)
//   s == c                   ll_str_eq_char
//   s == t, s < t            ll_str_eq (None-aware) / ll_str_cmp
//   s == None                ptr_iszero
//   s + t, s * n, n * s      ll_str_concat, ll_str_mul
//   c in s, t in s           ll_str_contains_char, ll_str_contains
//   s[i]                     i >= 0 or a negative constant: the check
//                            ll_check_str_index, then chars[i] inline;
//                            else (or guarded) ll_str_getitem
//   s[a:b], s[a:], s[::k]    ll_str_slice, ll_str_slice_from, ll_str_slice_step
//   fmt % args               the constant format parsed here; one builder:
//                            ll_sb_new, ll_sb_append*, ll_fmt_* per
//                            conversion, ll_sb_build
//   s.method(...)            lowerStrMethod: one helper per method (split
//                            into a fixed list: ll_strlist_to_array)
//   str(x), repr(x)          strOf: numbers, strings, chars, None, and lists,
//                            dicts, tuples through ll_repr / ll_repr_append
//
// Exceptions: the only helpers called with canRaise are ll_str_getitem (and
// the check ll_check_str_index), ll_str_slice_step (a step that may be 0),
// ll_str_index/rindex, the splits by a separator that may be empty, and
// ll_fmt_build_checked: the `%` conversions that can fail (%c of an int, %d
// of a float) record a deferred error code instead of raising, so a guarded
// `%` ends with its one raising call. Each raising call is the last operation
// emitted for its flow operation when that operation is guarded.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

#include <cstdio>
#include <cstring>

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;
using flow::FlowOp;
using flow::Hlvalue;
using ann::isIntLike;
using ann::isStrLike;

namespace {

/// A str or char value as a Ptr(STR).
LLValue asStr(Lowering &L, LLValue v, const Ann &a) {
  if (v.type() == L.rt.strType()) return v;
  return L.convert(v, a, ann::someString(a->kind == SomeKind::STRING && a->canBeNone));
}
LLValue argStr(Lowering &L, const Hlvalue &h) { return asStr(L, L.valueOf(h), L.annOf(h)); }
LLValue argInt(Lowering &L, const Hlvalue &h) { return L.convertTo(h, ann::someInteger()); }

/// Whether a str annotation is a translation-time constant that is not empty.
bool nonEmptyConst(const Ann &a) {
  if (a->kind == SomeKind::CHAR) return true;
  if (!a->hasConst) return false;
  const eval::StrObj *s = eval::asStr(a->constValue);
  return s && !s->value.empty();
}

FlowOp plainOp(FlowOp o) {
  switch (o) {
  case FlowOp::INPLACE_ADD: return FlowOp::ADD;
  case FlowOp::INPLACE_MUL: return FlowOp::MUL;
  case FlowOp::INPLACE_MOD: return FlowOp::MOD;
  default: return o;
  }
}

// --- repr of containers ----------------------------------------------------------

/// Whether ll_repr / ll_repr_append (runtime/rstr.h) can print a value of
/// this annotation; `nested` inside a container (where None-only items and
/// ranges have no representation of their own).
bool reprSupported(RTyper &rt, const Ann &a, bool nested) {
  switch (a->kind) {
  case SomeKind::STRING:
  case SomeKind::CHAR:
  case SomeKind::INTEGER:
  case SomeKind::BOOL:
  case SomeKind::FLOAT:
    return true;
  case SomeKind::NONE:
    return !nested;
  case SomeKind::LIST: {
    if (rt.listKind(a->listDef) == RTyper::ListKind::RANGE) return !nested;
    const Ann &item = a->listDef->find()->item.ann;
    return item->kind == SomeKind::IMPOSSIBLE || reprSupported(rt, item, true);
  }
  case SomeKind::DICT: {
    const ann::DictDef *d = a->dictDef->find();
    if (d->key.ann->kind == SomeKind::BOOL) return false; // stored as int64_t
    for (const Ann &x : {d->key.ann, d->value.ann})
      if (x->kind != SomeKind::IMPOSSIBLE && !reprSupported(rt, x, true)) return false;
    return true;
  }
  case SomeKind::TUPLE:
    if (a->items.size() > 8) return false;
    for (const Ann &x : a->items)
      if (!reprSupported(rt, x, true)) return false;
    return true;
  default:
    return false;
  }
}

/// repr() of a tuple, item by item (items that are None have no field to read).
LLValue tupleRepr(Lowering &L, LLValue t, const Ann &a) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  if (a->items.empty()) return L.cstr("()");
  LLValue sb = L.call("ll_sb_new", {L.cint(8 * int64_t(a->items.size()))}, rt.builderType());
  L.call("ll_sb_append_char", {sb, L.cchar('(')}, T.voidType());
  for (size_t i = 0; i < a->items.size(); ++i) {
    if (i) L.call("ll_sb_append", {sb, L.cstr(", ")}, T.voidType());
    const Ann &x = a->items[i];
    if (x->kind == SomeKind::NONE) {
      L.call("ll_sb_append", {sb, L.cstr("None")}, T.voidType());
      continue;
    }
    std::string f = "item" + std::to_string(i);
    if (!t.type()->target()->fieldType(f))
      return L.unsupported("repr() of " + ann::printType(a) + " (no field " + f + ")");
    L.call("ll_repr_append", {sb, L.getfield(t, f)}, T.voidType());
  }
  L.call("ll_sb_append", {sb, L.cstr(a->items.size() == 1 ? ",)" : ")")}, T.voidType());
  return L.call("ll_sb_build", {sb}, rt.strType());
}

} // namespace

LLValue strOf(Lowering &L, LLValue v, const Ann &a, bool repr) {
  RTyper &rt = L.rt;
  const LLType *s = rt.strType();
  // Constants print at translation time (floats excepted: their repr is the
  // runtime's).
  if (a->hasConst && !repr) {
    const eval::Value &c = a->constValue;
    if (a->kind == SomeKind::BOOL && c.isBool()) return L.cstr(c.asBool() ? "True" : "False");
    if (a->kind == SomeKind::INTEGER && !a->isUnsigned && (c.isInt() || c.isBool()))
      return L.cstr(std::to_string(c.asInt()));
  }
  switch (a->kind) {
  case SomeKind::STRING:
    if (repr) return L.call("ll_str_repr", {v}, s);
    return a->canBeNone ? L.call("ll_str_or_none", {v}, s) : v;
  case SomeKind::CHAR:
    return repr ? L.call("ll_char_repr", {v}, s) : L.call("ll_char_to_str", {v}, s);
  case SomeKind::INTEGER:
    // An r_uint prints as rlib's r_uint.__repr__ on CPython: "r_uint(5)".
    return L.call(a->isUnsigned ? "ll_uint_repr" : "ll_int_to_str", {v}, s);
  case SomeKind::BOOL:
    return L.call("ll_bool_to_str", {v}, s);
  case SomeKind::FLOAT:
    return L.call("ll_float_repr", {v}, s);
  case SomeKind::NONE:
    return L.cstr("None");
  case SomeKind::IMPOSSIBLE:
    return L.cstr(""); // never computed at run time
  case SomeKind::LIST:
    if (rt.listKind(a->listDef) == RTyper::ListKind::RANGE)
      return L.call("ll_range_repr",
                    {L.getfield(v, "start"), L.getfield(v, "stop"), L.getfield(v, "step")}, s);
    [[fallthrough]];
  case SomeKind::DICT:
    if (!reprSupported(rt, a, false)) break;
    return L.call("ll_repr", {v}, s);
  case SomeKind::PBC: {
    // Classes: "<class '__main__.C'>", "<class 'ValueError'>", "<class 'mod.C'>".
    if (a->descs.empty() || a->canBeNone) break;
    bool allMain = true, noneMain = true;
    for (const ann::Desc *d : a->descs) {
      if (d->kind != ann::Desc::Kind::CLASS) goto notClasses;
      bool main = !d->cls->builtin && d->cls->module && d->cls->module->name == rt.prog.mainModule;
      allMain &= main;
      noneMain &= !main;
    }
    if (v.type()->kind() == LLKind::VOID && a->descs.size() == 1) {
      const eval::ClassObj *cls = a->descs[0]->cls;
      return L.cstr("<class '" + std::string(allMain ? "__main__." : "") + rt.classDisplayName(cls) + "'>");
    }
    // The vtable's name is the traceback's (unqualified for the main
    // program), so the prefix must be the same for every candidate.
    if (!v.type()->isPtr() || (!allMain && !noneMain)) break;
    LLValue name = L.getfield(L.castPtr(v, rt.vtablePtr()), "name");
    LLValue r = L.call("ll_str_concat", {L.cstr(allMain ? "<class '__main__." : "<class '"), name}, s);
    return L.call("ll_str_concat", {r, L.cstr("'>")}, s);
  }
  notClasses:
    break;
  case SomeKind::TUPLE: {
    bool ok = a->items.size() <= 8;
    for (const Ann &x : a->items) ok &= x->kind == SomeKind::NONE || reprSupported(rt, x, true);
    if (!ok) break;
    LLValue r = tupleRepr(L, v, a);
    return r.isNull() ? L.cnull(s) : r;
  }
  default:
    break;
  }
  // Callers use the result: a null string after the error.
  L.unsupported(std::string(repr ? "repr()" : "str()") + " of " + ann::printType(a));
  return L.cnull(s);
}

// --- %-formatting ------------------------------------------------------------------

namespace {

/// One conversion specifier of a constant format, decoded at translation
/// time as CPython's PyUnicode_Format reads it.
struct FmtSpec {
  int flags = 0;      // LL_FMT_* bits (runtime/format.h)
  int64_t width = 0;  // 0 = none
  int64_t prec = -1;  // -1 = none
  char conv = 0;
};
// The runtime's LLFmtFlags.
constexpr int kLeft = 1, kZero = 2, kPlus = 4, kSpace = 8, kAlt = 16;

struct FmtPiece {
  std::string text; // literal text when conv == 0
  FmtSpec spec;
};

/// Splits a format into literal pieces and conversions; false with `why`.
bool parseFormat(const std::string &f, std::vector<FmtPiece> &out, std::string &why) {
  std::string lit;
  auto flush = [&]() {
    if (!lit.empty()) out.push_back({lit, {}});
    lit.clear();
  };
  for (size_t i = 0; i < f.size(); ++i) {
    if (f[i] != '%') {
      lit += f[i];
      continue;
    }
    FmtSpec s;
    ++i;
    if (i < f.size() && f[i] == '(') {
      why = "mapping keys (`%(name)s`) are not supported";
      return false;
    }
    for (; i < f.size(); ++i) {
      char c = f[i];
      if (c == '-') s.flags |= kLeft;
      else if (c == '+') s.flags |= kPlus;
      else if (c == ' ') s.flags |= kSpace;
      else if (c == '#') s.flags |= kAlt;
      else if (c == '0') s.flags |= kZero;
      else break;
    }
    auto number = [&](int64_t &n) {
      n = 0;
      while (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        n = n * 10 + (f[i] - '0');
        if (n > (int64_t(1) << 31)) {
          why = "width or precision too big";
          return false;
        }
        ++i;
      }
      return true;
    };
    if (i < f.size() && f[i] == '*') {
      why = "`*` widths and precisions are not supported";
      return false;
    }
    if (!number(s.width)) return false;
    if (i < f.size() && f[i] == '.') {
      ++i;
      if (i < f.size() && f[i] == '*') {
        why = "`*` widths and precisions are not supported";
        return false;
      }
      if (!number(s.prec)) return false;
    }
    if (i >= f.size()) {
      why = "incomplete format";
      return false;
    }
    char c = f[i];
    if (c == '%') {
      lit += '%';
      continue;
    }
    if (!std::strchr("sdirxXofFeEgGc", c) || c == 0) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "%02x", unsigned(static_cast<unsigned char>(c)));
      why = std::string("unsupported format character '") + (c >= 0x20 && c < 0x7f ? std::string(1, c) : "?") +
            "' (0x" + hex + ") at index " + std::to_string(i);
      return false;
    }
    s.conv = c;
    flush();
    out.push_back({{}, s});
  }
  flush();
  return true;
}

bool isFloatConv(char c) { return std::strchr("fFeEgG", c) != nullptr; }

/// Appends one conversion of value `v` (annotation `x`) to builder `sb`;
/// conversions that can fail update the deferred error `err`.
void emitConversion(Lowering &L, LLValue sb, const FmtSpec &s, LLValue v, const Ann &x, LLValue &err) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  const LLType *V = T.voidType();
  LLValue fl = L.cint(s.flags), w = L.cint(s.width), p = L.cint(s.prec), cv = L.cchar(s.conv);
  auto deferred = [&](const std::string &helper, std::vector<LLValue> args) {
    args.push_back(err.isNull() ? L.cint(0) : err);
    err = L.call(helper, std::move(args), T.signedType());
  };
  bool plain = s.flags == 0 && s.width == 0 && s.prec < 0 && s.conv == 's';
  switch (x->kind) {
  case SomeKind::STRING:
    if (plain && !x->canBeNone) L.call("ll_sb_append", {sb, v}, V);
    else L.call("ll_fmt_str", {sb, fl, w, p, cv, v}, V);
    return;
  case SomeKind::CHAR:
    if (plain || (s.conv == 'c' && s.width == 0)) L.call("ll_sb_append_char", {sb, v}, V);
    else L.call("ll_fmt_char", {sb, fl, w, p, cv, v}, V);
    return;
  case SomeKind::NONE:
    L.call("ll_fmt_str", {sb, fl, w, p, cv, L.cnull(rt.strType())}, V);
    return;
  case SomeKind::BOOL:
    if (s.conv == 's' || s.conv == 'r') {
      L.call("ll_fmt_bool", {sb, fl, w, p, cv, v}, V);
      return;
    }
    if (isFloatConv(s.conv)) {
      L.call("ll_fmt_float", {sb, fl, w, p, cv, L.emit(LLOp::CAST_BOOL_TO_FLOAT, {v}, T.floatType())}, V);
      return;
    }
    v = L.emit(LLOp::CAST_BOOL_TO_INT, {v}, T.signedType());
    if (s.conv == 'c') {
      deferred("ll_fmt_int_c", {sb, fl, w, v});
      return;
    }
    L.call("ll_fmt_int", {sb, fl, w, p, cv, v}, V);
    return;
  case SomeKind::INTEGER:
    if (x->isUnsigned) {
      if (s.conv == 'c') {
        deferred("ll_fmt_int_c", {sb, fl, w, L.emit(LLOp::CAST_UINT_TO_INT, {v}, T.signedType())});
        return;
      }
      L.call("ll_fmt_uint", {sb, fl, w, p, cv, v}, V);
      return;
    }
    if (isFloatConv(s.conv)) {
      L.call("ll_fmt_float", {sb, fl, w, p, cv, L.emit(LLOp::CAST_INT_TO_FLOAT, {v}, T.floatType())}, V);
      return;
    }
    if (s.conv == 'c') {
      deferred("ll_fmt_int_c", {sb, fl, w, v});
      return;
    }
    L.call("ll_fmt_int", {sb, fl, w, p, cv, v}, V);
    return;
  case SomeKind::FLOAT:
    if (s.conv == 'd' || s.conv == 'i') {
      deferred("ll_fmt_float_d", {sb, fl, w, p, cv, v});
      return;
    }
    L.call("ll_fmt_float", {sb, fl, w, p, cv, v}, V);
    return;
  default: {
    // Lists, dicts, tuples...: str() or repr(), then the %s rules.
    LLValue str = s.conv == 'r' ? L.toRepr(v, x) : L.toStr(v, x);
    L.call("ll_fmt_str", {sb, fl, w, p, L.cchar('s'), str}, V);
    return;
  }
  }
}

LLValue formatOp(Lowering &L) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  const eval::Value *fv = L.constArg(0);
  const eval::StrObj *fs = fv ? eval::asStr(*fv) : nullptr;
  if (!fs) return L.unsupported("`%` with a format string that is not a translation-time constant");
  std::vector<FmtPiece> pieces;
  std::string why;
  if (!parseFormat(fs->value, pieces, why)) {
    rt.error(L.loc, why + " in format string");
    return L.cstr("");
  }
  // The arguments: a tuple's items, or the single value.
  Ann a1 = L.argAnn(1);
  std::vector<Ann> anns;
  std::vector<LLValue> vals;
  if (a1->kind == SomeKind::TUPLE) {
    const eval::Value *tc = L.constArg(1);
    const eval::TupleObj *tup = tc ? eval::asTuple(*tc) : nullptr;
    // `fmt % (a, b)`: the items straight from the newtuple (no field reads).
    const flow::Operation *built = nullptr;
    if (L.op->args[1].isVar()) built = L.definingOp(L.op->args[1].var());
    if (built && (built->op != FlowOp::NEWTUPLE || built->args.size() != a1->items.size())) built = nullptr;
    LLValue t;
    for (size_t i = 0; i < a1->items.size(); ++i) {
      const Ann &x = a1->items[i];
      anns.push_back(x);
      const LLType *xt = rt.reprOf(x);
      if (xt->kind() == LLKind::VOID) {
        vals.push_back(rt.voidConst());
        continue;
      }
      if (built) {
        vals.push_back(L.convertTo(built->args[i], x));
        continue;
      }
      if (tup && i < tup->items.size()) {
        if (const LLConstant *c = rt.constantOf(tup->items[i], x, L.loc)) {
          vals.push_back(c);
          continue;
        }
      }
      if (t.isNull()) t = L.arg(1);
      std::string f = "item" + std::to_string(i);
      if (!t.type()->isPtr() || !t.type()->target()->fieldType(f))
        return L.unsupported("`%` of " + ann::printType(a1) + " (no field " + f + ")");
      vals.push_back(L.getfield(t, f));
    }
  } else {
    anns.push_back(a1);
    vals.push_back(L.arg(1));
  }
  size_t nconv = 0;
  int64_t hint = 0;
  for (const FmtPiece &p : pieces) {
    if (p.spec.conv) ++nconv;
    hint += p.spec.conv ? 8 : int64_t(p.text.size());
  }
  if (nconv != vals.size()) {
    rt.error(L.loc, "the format string has " + std::to_string(nconv) + " conversions but " +
                        std::to_string(vals.size()) + " arguments are given");
    return L.cstr("");
  }
  // "%s" % x alone is str(x), "%r" % x repr(x), "%d" % n str(n).
  if (pieces.size() == 1 && nconv == 1) {
    const FmtSpec &s = pieces[0].spec;
    SomeKind k = anns[0]->kind;
    bool plain = s.flags == 0 && s.width == 0 && s.prec < 0;
    bool scalar = k == SomeKind::STRING || k == SomeKind::CHAR || k == SomeKind::INTEGER ||
                  k == SomeKind::BOOL || k == SomeKind::FLOAT || k == SomeKind::NONE;
    if (plain && scalar && (s.conv == 's' || s.conv == 'r'))
      return s.conv == 's' ? L.toStr(vals[0], anns[0]) : L.toRepr(vals[0], anns[0]);
    if (plain && (s.conv == 'd' || s.conv == 'i') && k == SomeKind::INTEGER)
      return L.toStr(vals[0], anns[0]);
  }
  if (pieces.empty()) return L.cstr("");
  if (nconv == 0) {
    std::string all;
    for (const FmtPiece &p : pieces) all += p.text;
    return L.cstr(all);
  }
  LLValue sb = L.call("ll_sb_new", {L.cint(hint < 16 ? 16 : hint)}, rt.builderType());
  LLValue err;
  size_t k = 0;
  for (const FmtPiece &p : pieces) {
    if (!p.spec.conv) {
      if (p.text.size() == 1)
        L.call("ll_sb_append_char", {sb, L.cchar(p.text[0])}, T.voidType());
      else
        L.call("ll_sb_append", {sb, L.cstr(p.text)}, T.voidType());
      continue;
    }
    emitConversion(L, sb, p.spec, vals[k], anns[k], err);
    ++k;
  }
  if (err.isNull()) return L.call("ll_sb_build", {sb}, rt.strType());
  return L.call("ll_fmt_build_checked", {sb, err}, rt.strType(), true);
}

// --- comparisons -----------------------------------------------------------------

LLValue compareOp(Lowering &L, FlowOp o) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  const LLType *B = T.boolType();
  Ann a0 = L.argAnn(0), a1 = L.argAnn(1);
  LLValue x = L.arg(0), y = L.arg(1);
  int idx = int(o) - int(FlowOp::LT); // LT LE EQ NE GT GE
  bool eq = o == FlowOp::EQ, ne = o == FlowOp::NE;
  auto negateIf = [&](bool neg, LLValue b) {
    return neg ? LLValue(L.emit(LLOp::BOOL_NOT, {b}, B)) : b;
  };
  if (a1->kind == SomeKind::NONE) {
    if (!eq && !ne) return LLValue();
    if (a0->kind == SomeKind::CHAR || !a0->canBeNone) return L.cbool(ne);
    return L.emit(eq ? LLOp::PTR_ISZERO : LLOp::PTR_NONZERO, {x}, B);
  }
  if (!isStrLike(a1)) return LLValue();
  if (a0->kind == SomeKind::CHAR && a1->kind == SomeKind::CHAR) {
    static const LLOp ops[] = {LLOp::CHAR_LT, LLOp::CHAR_LE, LLOp::CHAR_EQ,
                               LLOp::CHAR_NE, LLOp::CHAR_GT, LLOp::CHAR_GE};
    return L.emit(ops[idx], {x, y}, B);
  }
  if (eq || ne) {
    if (a1->kind == SomeKind::CHAR) return negateIf(ne, L.call("ll_str_eq_char", {x, y}, B));
    if (a0->kind == SomeKind::CHAR) return negateIf(ne, L.call("ll_str_eq_char", {y, x}, B));
    return negateIf(ne, L.call("ll_str_eq", {x, y}, B));
  }
  static const LLOp intOps[] = {LLOp::INT_LT, LLOp::INT_LE, LLOp::INT_EQ,
                                LLOp::INT_NE, LLOp::INT_GT, LLOp::INT_GE};
  LLValue c = L.call("ll_str_cmp", {asStr(L, x, a0), asStr(L, y, a1)}, T.signedType());
  (void)rt;
  return L.emit(intOps[idx], {c, L.cint(0)}, B);
}

// --- slicing ---------------------------------------------------------------------

bool isNoneArg(Lowering &L, size_t i) {
  if (L.argAnn(i)->kind == SomeKind::NONE) return true;
  const eval::Value *c = L.constArg(i);
  return c && c->isNone();
}

LLValue sliceOp(Lowering &L) {
  const LLType *S = L.rt.strType();
  LLValue s = asStr(L, L.arg(0), L.argAnn(0));
  bool noStart = isNoneArg(L, 1), noStop = isNoneArg(L, 2);
  if (!isNoneArg(L, 3)) {
    const eval::Value *st = L.constArg(3);
    if (!st || !st->isInt() || st->asInt() != 1) {
      // A step: s[::-1], s[a:b:k] (ValueError when k may be 0).
      bool nonzero = st && st->isInt() && st->asInt() != 0;
      std::vector<LLValue> args{s, noStart ? L.cint(0) : argInt(L, L.op->args[1]),
                                noStop ? L.cint(0) : argInt(L, L.op->args[2]), argInt(L, L.op->args[3]),
                                L.cbool(!noStart), L.cbool(!noStop)};
      return L.call(nonzero ? "ll_str_slice_stepped" : "ll_str_slice_step", args, S, !nonzero);
    }
  }
  LLValue start = noStart ? L.cint(0) : argInt(L, L.op->args[1]);
  if (noStop) {
    const eval::Value *c = noStart ? nullptr : L.constArg(1);
    if (noStart || (c && c->isInt() && c->asInt() == 0)) return s; // s[:] is s
    return L.call("ll_str_slice_from", {s, start}, S);
  }
  return L.call("ll_str_slice", {s, start, argInt(L, L.op->args[2])}, S);
}

} // namespace

LLValue lowerStrOp(Lowering &L) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  const LLType *S = rt.strType();
  FlowOp o = plainOp(L.op->op);
  Ann a0 = L.argAnn(0);
  Ann a1 = L.nargs() > 1 ? L.argAnn(1) : nullptr;
  switch (o) {
  case FlowOp::ADD:
    if (!a1 || !isStrLike(a1)) return LLValue();
    return L.call("ll_str_concat", {asStr(L, L.arg(0), a0), asStr(L, L.arg(1), a1)}, S);
  case FlowOp::MUL: {
    if (!a1) return LLValue();
    size_t si = isStrLike(a0) ? 0 : 1;
    if (!isStrLike(L.argAnn(si)) || !isIntLike(L.argAnn(1 - si))) return LLValue();
    return L.call("ll_str_mul", {asStr(L, L.arg(si), L.argAnn(si)), argInt(L, L.op->args[1 - si])}, S);
  }
  case FlowOp::MOD:
    return formatOp(L);
  case FlowOp::LT:
  case FlowOp::LE:
  case FlowOp::EQ:
  case FlowOp::NE:
  case FlowOp::GT:
  case FlowOp::GE:
    return compareOp(L, o);
  case FlowOp::CONTAINS: {
    // contains(container, item)
    if (!a1 || !isStrLike(a1)) return LLValue();
    if (a1->kind == SomeKind::CHAR) {
      if (a0->kind == SomeKind::CHAR) return L.emit(LLOp::CHAR_EQ, {L.arg(0), L.arg(1)}, T.boolType());
      return L.call("ll_str_contains_char", {L.arg(0), L.arg(1)}, T.boolType());
    }
    return L.call("ll_str_contains", {asStr(L, L.arg(0), a0), L.arg(1)}, T.boolType());
  }
  case FlowOp::GETITEM: {
    if (!a1 || !isIntLike(a1)) return LLValue();
    LLValue s = asStr(L, L.arg(0), a0);
    LLValue i = argInt(L, L.op->args[1]);
    const eval::Value *k = L.constArg(1);
    bool negConst = k && k->isInt() && k->asInt() < 0;
    if (!L.guarded && (a1->nonneg || negConst)) {
      // A bounds check, then the byte read inline.
      const eval::StrObj *cs = a0->hasConst ? eval::asStr(a0->constValue) : nullptr;
      LLValue len = cs ? L.cint(int64_t(cs->value.size())) : L.getfield(s, "length");
      if (negConst) i = L.emit(LLOp::INT_ADD, {len, i}, T.signedType());
      L.check("ll_check_str_index", {i, len});
      return L.emit(LLOp::GETARRAYITEM, {s, i}, T.charType());
    }
    return L.call("ll_str_getitem", {s, i}, T.charType(), true);
  }
  case FlowOp::GETSLICE:
    return sliceOp(L);
  default:
    return LLValue();
  }
}

// --- methods ---------------------------------------------------------------------

namespace {

/// The result of a helper returning a list of strings, in the result's
/// representation: a resizable list as is, a fixed list via
/// ll_strlist_to_array (no copy).
LLValue strListResult(Lowering &L, const std::string &helper, std::vector<LLValue> args) {
  RTyper &rt = L.rt;
  const LLType *want = L.resultType();
  Ann res = L.resultAnn();
  if (res->kind != SomeKind::LIST) return L.unsupported("a split whose result is " + ann::printType(res));
  const LLType *listT = rt.types.ptr(rt.types.runtimeStruct(
      "LIST<" + rt.strType()->str() + ">", "RList<RStr*>",
      {{"length", rt.types.signedType()}, {"items", rt.types.ptr(rt.types.gcArray(rt.strType()))}}));
  if (rt.listKind(res->listDef) == RTyper::ListKind::RESIZABLE) return L.call(helper, std::move(args), want);
  LLValue l = L.call(helper, std::move(args), listT);
  return L.call("ll_strlist_to_array", {l}, want);
}

} // namespace

LLValue lowerStrMethod(Lowering &L, LLValue recv, const Ann &recvAnn, const std::string &name,
                       const std::vector<Hlvalue> &args) {
  RTyper &rt = L.rt;
  TypeContext &T = L.types;
  const LLType *S = rt.strType(), *B = T.boolType(), *I = T.signedType();
  const bool isChar = recvAnn->kind == SomeKind::CHAR;
  auto self = [&]() { return asStr(L, recv, recvAnn); };
  auto none = [&](size_t i) { return i >= args.size() || L.annOf(args[i])->kind == SomeKind::NONE; };
  auto intArg = [&](size_t i, int64_t dflt) { return i < args.size() ? argInt(L, args[i]) : L.cint(dflt); };
  auto isCharArg = [&](size_t i) { return i < args.size() && L.annOf(args[i])->kind == SomeKind::CHAR; };
  Ann res = L.resultAnn();

  // Classification: the char forms are inline tests.
  static const char *const classes[] = {"isdigit", "isalpha", "isspace", "isalnum", "isupper", "islower"};
  for (const char *c : classes)
    if (name == c) return L.call(std::string(isChar ? "ll_char_" : "ll_str_") + c, {recv}, B);

  if (name == "upper" || name == "lower") {
    if (isChar) {
      LLValue c = L.call("ll_char_" + name, {recv}, T.charType());
      return L.convert(c, ann::someChar(), res);
    }
    return L.call("ll_str_" + name, {recv}, S);
  }
  if (name == "strip" || name == "lstrip" || name == "rstrip") {
    if (none(0)) return L.call("ll_str_" + name, {self()}, S);
    return L.call("ll_str_" + name + "_chars", {self(), argStr(L, args[0])}, S);
  }
  if (name == "replace") {
    if (args.size() < 2) return LLValue();
    return L.call("ll_str_replace", {self(), argStr(L, args[0]), argStr(L, args[1]), intArg(2, -1)}, S);
  }
  if (name == "encode" || name == "decode") return L.convert(self(), ann::someString(), res);
  if (name == "startswith" || name == "endswith") {
    if (args.empty()) return LLValue();
    if (args.size() == 1) return L.call("ll_str_" + name, {self(), argStr(L, args[0])}, B);
    return L.call("ll_str_" + name + "_range",
                  {self(), argStr(L, args[0]), intArg(1, 0), intArg(2, INT64_MAX)}, B);
  }
  if (name == "find" || name == "rfind" || name == "count" || name == "index" || name == "rindex") {
    if (args.empty()) return LLValue();
    LLValue start = intArg(1, 0), end = intArg(2, INT64_MAX);
    if (name == "index" || name == "rindex")
      return L.call("ll_str_" + name, {self(), argStr(L, args[0]), start, end}, I, true);
    if (isCharArg(0))
      return L.call("ll_str_" + name + "_char", {self(), L.valueOf(args[0]), start, end}, I);
    return L.call("ll_str_" + name, {self(), argStr(L, args[0]), start, end}, I);
  }
  if (name == "split" || name == "rsplit") {
    bool r = name == "rsplit";
    LLValue maxsplit = intArg(1, -1);
    if (none(0)) {
      const eval::Value *m = args.size() > 1 ? (args[1].isConst() ? &args[1].cst()->value : nullptr) : nullptr;
      bool all = args.size() < 2 || (m && m->isInt() && m->asInt() < 0);
      return strListResult(L, r && !all ? "ll_str_rsplit" : "ll_str_split", {self(), maxsplit});
    }
    Ann sepAnn = L.annOf(args[0]);
    if (sepAnn->kind == SomeKind::CHAR)
      return strListResult(L, r ? "ll_str_rsplit_char" : "ll_str_split_char",
                           {self(), L.valueOf(args[0]), maxsplit});
    if (nonEmptyConst(sepAnn))
      return strListResult(L, r ? "ll_str_rsplit_str" : "ll_str_split_str", {self(), argStr(L, args[0]), maxsplit});
    // The separator may be empty: ValueError, so one raising call.
    if (res->kind != SomeKind::LIST) return LLValue();
    if (rt.listKind(res->listDef) == RTyper::ListKind::RESIZABLE)
      return L.call(r ? "ll_str_rsplit_sep" : "ll_str_split_sep", {self(), argStr(L, args[0]), maxsplit},
                    L.resultType(), true);
    return L.call(r ? "ll_str_rsplit_sep_array" : "ll_str_split_sep_array",
                  {self(), argStr(L, args[0]), maxsplit}, L.resultType(), true);
  }
  if (name == "splitlines" && args.empty()) // (when the annotator accepts it)
    return strListResult(L, "ll_str_splitlines", {self()});
  if (name == "join") {
    if (args.size() != 1) return LLValue();
    Ann it = L.annOf(args[0]);
    LLValue sep = self();
    LLValue items = L.valueOf(args[0]);
    switch (it->kind) {
    case SomeKind::STRING:
      return L.call("ll_str_join_str", {sep, items}, S);
    case SomeKind::CHAR:
      return L.convert(items, it, res);
    case SomeKind::LIST: {
      RTyper::ListKind k = rt.listKind(it->listDef);
      Ann item = it->listDef->find()->item.ann;
      if (item->kind == SomeKind::IMPOSSIBLE) return L.cstr(""); // always empty
      bool fixed = k == RTyper::ListKind::FIXED;
      if (k == RTyper::ListKind::RANGE) break;
      if (item->kind == SomeKind::CHAR)
        return L.call(fixed ? "ll_str_join_chars_array" : "ll_str_join_chars", {sep, items}, S);
      if (item->kind == SomeKind::STRING)
        return L.call(fixed ? "ll_str_join_array" : "ll_str_join", {sep, items}, S);
      break;
    }
    case SomeKind::TUPLE: {
      if (it->items.empty()) return L.cstr("");
      LLValue sb = L.call("ll_sb_new", {L.cint(16)}, rt.builderType());
      for (size_t i = 0; i < it->items.size(); ++i) {
        const Ann &x = it->items[i];
        if (!isStrLike(x)) return L.unsupported("str.join() of " + ann::printType(it));
        if (i) L.call("ll_sb_append", {sb, sep}, T.voidType());
        LLValue v = L.getfield(items, "item" + std::to_string(i));
        if (x->kind == SomeKind::CHAR) L.call("ll_sb_append_char", {sb, v}, T.voidType());
        else L.call("ll_sb_append", {sb, v}, T.voidType());
      }
      return L.call("ll_sb_build", {sb}, S);
    }
    case SomeKind::DICT: {
      Ann key = it->dictDef->find()->key.ann;
      if (!isStrLike(key)) break;
      return L.call("ll_str_join_dict", {sep, items}, S);
    }
    case SomeKind::ITERATOR: {
      // d.keys(), d.values(): the dict iterator's remaining entries.
      const Ann &c = it->items[0];
      if (c->kind != SomeKind::DICT) break;
      if (it->iterKind != ann::IterKind::ITEMS && it->iterKind != ann::IterKind::VALUES) break;
      bool keys = it->iterKind == ann::IterKind::ITEMS;
      const ann::DictDef *dd = c->dictDef->find();
      if (!isStrLike(keys ? dd->key.ann : dd->value.ann)) break;
      return L.call(keys ? "ll_str_join_dict_iter<0>" : "ll_str_join_dict_iter<1>", {sep, items}, S);
    }
    default:
      break;
    }
    return L.unsupported("str.join() of " + ann::printType(it));
  }
  return LLValue();
}

} // namespace lathe::rtyper
