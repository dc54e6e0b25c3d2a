//===- rdict.cpp - Lowering of dict operations ----------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

LLValue lowerDictOp(Lowering &L) {
  (void)L;
  return LLValue();
}

} // namespace lathe::rtyper

namespace lathe::rtyper {
LLValue lowerDictMethod(Lowering &, LLValue, const ann::Ann &, const std::string &,
                        const std::vector<flow::Hlvalue> &) {
  return LLValue();
}
} // namespace lathe::rtyper
