//===- rtuple.cpp - Lowering of tuple operations --------------------------===//
#include "rtyper/lowering.h"

namespace lathe::rtyper {

LLValue lowerTupleOp(Lowering &L) {
  (void)L;
  return LLValue();
}

} // namespace lathe::rtyper
