//===- rlist.cpp - Lowering of list operations ----------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

LLValue lowerListOp(Lowering &L) {
  (void)L;
  return LLValue();
}

} // namespace lathe::rtyper

namespace lathe::rtyper {
LLValue lowerListMethod(Lowering &, LLValue, const ann::Ann &, const std::string &,
                        const std::vector<flow::Hlvalue> &) {
  return LLValue();
}
LLValue lowerListConstructor(Lowering &, const std::vector<flow::Hlvalue> &) { return LLValue(); }
} // namespace lathe::rtyper
