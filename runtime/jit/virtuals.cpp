//===- virtuals.cpp - Materialising a guard's virtuals on failure ---------===//
// See virtuals.h. Two steps, so that any field may point to any virtual:
// allocate every virtual and replace the placeholders, then store each
// field's value (the fail args after the frames' part, in trace.h's order),
// and last redo the delayed writes into existing objects (the
// virtualizable's fields: trace.h, VirtualDescr).
// The memory layout is interp's: ll_malloc (zeroed), the vtable in the
// first word for new_with_vtable, the length word for arrays.
//===----------------------------------------------------------------------===//
#include "jit/virtuals.h"
#include <cassert>
#include <cstring>
#include "jit/semantics.h"
#include "llgc.h"

namespace lathe::jit {

namespace {

void* allocate(const VirtualDescr& v, const DescrTable& d) {
  if (v.op == Op::NEW_ARRAY) {
    const ArrayDescr& a = d.array(v.descr);
    auto* p = static_cast<char*>(ll_malloc(a.baseOffset + static_cast<size_t>(v.length) * a.itemSize));
    writeInt(p + a.lengthOffset, 8, v.length);
    return p;
  }
  const SizeDescr& s = d.sizeDescr(v.descr);
  void* p = ll_malloc(s.size ? s.size : 1);
  if (v.op == Op::NEW_WITH_VTABLE) std::memcpy(p, &s.vtable, sizeof(void*));
  return p;
}

/// Stores `bits` into field (item) `key` of virtual (or write) `v` at `obj`.
void fill(const VirtualDescr& v, const DescrTable& d, char* obj, uint32_t key, uint64_t bits) {
  if (v.op == Op::NEW_ARRAY || v.op == Op::SETARRAYITEM) {
    const ArrayDescr& a = d.array(v.descr);
    storeBits(obj + a.baseOffset + static_cast<size_t>(key) * a.itemSize, a.itemKind, a.itemSize, bits);
  } else {
    const FieldDescr& f = d.field(key);
    storeBits(obj + f.offset, f.kind, f.size, bits);
  }
}

}  // namespace

void materializeVirtuals(const GuardDescr& g, const DescrTable& descrs, RootTable& values) {
  if (g.virtuals.empty()) return;
  assert(values.size() == g.failArgs.size() && "one value per fail arg");
  RootTable objects(g.virtuals.size());  // GC-visible until they are in `values`
  for (size_t k = 0; k < g.virtuals.size(); k++)
    if (!g.virtuals[k].isWrite()) objects[k] = reinterpret_cast<uint64_t>(allocate(g.virtuals[k], descrs));
  for (size_t k = 0; k < g.failArgs.size(); k++)
    if (g.failArgs[k].isVirtual()) values[k] = objects[g.failArgs[k].index()];
  size_t pos = g.numFrameArgs();
  for (size_t k = 0; k < g.virtuals.size(); k++) {
    // A write's target is its first value: an object that exists (the
    // virtualizable, or an array it points to).
    auto* obj = reinterpret_cast<char*>(g.virtuals[k].isWrite() ? values[pos++] : objects[k]);
    for (uint32_t key : g.virtuals[k].fields) fill(g.virtuals[k], descrs, obj, key, values[pos++]);
  }
  values.resize(g.numFrameArgs());
}

}  // namespace lathe::jit
