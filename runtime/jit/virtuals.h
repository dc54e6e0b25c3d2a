//===- virtuals.h - Materialising a guard's virtuals on failure -----------===//
// Issue 7. The virtualize pass removes allocations; a guard whose resume
// data mentions such an object describes it (GuardDescr::virtuals, trace.h)
// instead of forcing it, and the backends hand back its fail args with the
// placeholder 0 for each virtual. This is the one place that turns such a
// failure back into ordinary values, for both backends' consumers (the
// driver's runCompiled, tests): it allocates the objects with ll_malloc as
// new/new_with_vtable/new_array would (vtable in the first word, the
// length word of arrays), fills their fields from the fail args, puts them
// where the placeholders were, and keeps the frames' values only — what
// deoptimisation and bridges consume.
//===----------------------------------------------------------------------===//
#pragma once
#include "jit/gcroots.h"
#include "jit/trace.h"

namespace lathe::jit {

/// `values` are guard g's fail-arg values as a backend handed them back
/// (one per fail arg, VIRTUAL ones 0). The writes g describes are done into
/// their targets (the virtualizable's fields the trace kept in values).
/// Afterwards `values` are g's frame values
/// (g.numFrameArgs() of them) with every virtual materialised. Nothing
/// happens for a guard without virtuals. Objects are allocated before any
/// field is filled, so fields may point to virtuals in any order, cycles
/// included.
void materializeVirtuals(const GuardDescr& g, const DescrTable& descrs, RootTable& values);

}  // namespace lathe::jit
