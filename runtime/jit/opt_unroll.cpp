//===- opt_unroll.cpp - Loop peeling for traces ---------------------------===//
// Issue 7: a preamble and a peeled body so loop-invariant ops run once (RPython's unroll).
// Input/output: trace IR. Requires: nothing. Invalidates: nothing.
// NOT IMPLEMENTED YET: the pass is the identity, so `enable_opts` can name
// it and the pipeline (opt.h) already has its place.
//===----------------------------------------------------------------------===//
#include "jit/opt.h"

namespace lathe::jit {

Trace passUnroll(const Trace& in, const DescrTable&) { return in; }

}  // namespace lathe::jit
