//===- rstr.cpp - Lowering of str and char operations ---------------------===//
// Strings are Ptr(STR) (the runtime's RStr), chars are Char. Operations call
// the runtime's ll_str_* helpers (runtime/rstr.h); chars convert to strings
// where an operation needs one.
//===----------------------------------------------------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

using ann::Ann;
using ann::SomeKind;

LLValue strOf(Lowering &L, LLValue v, const Ann &a, bool repr) {
  RTyper &rt = L.rt;
  const LLType *s = rt.strType();
  switch (a->kind) {
  case SomeKind::STRING:
    if (repr) return L.call("ll_str_repr", {v}, s);
    return a->canBeNone ? L.call("ll_str_or_none", {v}, s) : v;
  case SomeKind::CHAR:
    return repr ? L.call("ll_char_repr", {v}, s) : L.call("ll_char_to_str", {v}, s);
  case SomeKind::INTEGER:
    return L.call(a->isUnsigned ? "ll_uint_to_str" : "ll_int_to_str", {v}, s);
  case SomeKind::BOOL:
    return L.call("ll_bool_to_str", {v}, s);
  case SomeKind::FLOAT:
    return L.call("ll_float_repr", {v}, s);
  case SomeKind::NONE:
    return L.cstr("None");
  default:
    break;
  }
  return L.unsupported("str() of " + ann::printType(a));
}

LLValue lowerStrOp(Lowering &L) {
  (void)L;
  return LLValue();
}

} // namespace lathe::rtyper

namespace lathe::rtyper {
LLValue lowerStrMethod(Lowering &, LLValue, const ann::Ann &, const std::string &,
                       const std::vector<flow::Hlvalue> &) {
  return LLValue();
}
} // namespace lathe::rtyper
