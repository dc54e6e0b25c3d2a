//===- opt_heap.cpp - Heap caching for traces -----------------------------===//
// Issue 7: caches field and array reads, removes redundant writes (RPython's OptHeap).
// Input/output: trace IR. Requires: nothing. Invalidates: nothing.
// NOT IMPLEMENTED YET: the pass is the identity, so `enable_opts` can name
// it and the pipeline (opt.h) already has its place.
//===----------------------------------------------------------------------===//
#include "jit/opt.h"

namespace lathe::jit {

Trace passHeap(const Trace& in, const DescrTable&) { return in; }

}  // namespace lathe::jit
