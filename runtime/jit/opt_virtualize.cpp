//===- opt_virtualize.cpp - Allocation removal for traces -----------------===//
// Issue 7: objects, arrays and virtualizable frames that do not escape stay virtual (RPython's OptVirtualize).
// Input/output: trace IR. Requires: nothing. Invalidates: nothing.
// NOT IMPLEMENTED YET: the pass is the identity, so `enable_opts` can name
// it and the pipeline (opt.h) already has its place.
//===----------------------------------------------------------------------===//
#include "jit/opt.h"

namespace lathe::jit {

Trace passVirtualize(const Trace& in, const DescrTable&) { return in; }

}  // namespace lathe::jit
