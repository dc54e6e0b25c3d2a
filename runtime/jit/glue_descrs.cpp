//===- glue_descrs.cpp - Descriptors from the generated glue's table ------===//
// See glue_descrs.h.
//===----------------------------------------------------------------------===//
#include "jit/glue_descrs.h"

#include <cassert>

namespace lathe::jit {

namespace {

Kind kindOfLetter(char c) {
  switch (c) {
  case 'i': return Kind::INT;
  case 'r': return Kind::REF;
  case 'f': return Kind::FLOAT;
  default: assert(false && "argument kinds are spelled i, r or f"); return Kind::VOID;
  }
}

std::vector<uint32_t> setAt(const uint32_t* pool, uint32_t at) {
  if (at == GlueDescr::kNoSet) return {};
  const uint32_t* s = pool + at;
  return std::vector<uint32_t>(s + 1, s + 1 + s[0]);
}

}  // namespace

void addGlueDescrs(DescrTable& table, const GlueDescr* rows, size_t n, const uint32_t* pool) {
  for (size_t k = 0; k < n; ++k) {
    const GlueDescr& r = rows[k];
    switch (r.what) {
    case GlueDescr::FIELD:
      table.add(FieldDescr{r.name, r.offset, r.kind, r.size, (r.flags & GlueDescr::kSigned) != 0,
                           (r.flags & GlueDescr::kImmutable) != 0, (r.flags & GlueDescr::kVable) != 0,
                           (r.flags & GlueDescr::kVableItems) != 0, (r.flags & GlueDescr::kNonNeg) != 0,
                           (r.flags & GlueDescr::kNonNeg) != 0 ? static_cast<int32_t>(r.lengthOffset) : -1});
      break;
    case GlueDescr::ARRAY:
      table.add(ArrayDescr{r.name, r.kind, r.size, (r.flags & GlueDescr::kSigned) != 0, r.offset, r.lengthOffset,
                           (r.flags & GlueDescr::kImmutable) != 0});
      break;
    case GlueDescr::SIZE:
      table.add(SizeDescr{r.name, r.offset, nullptr});
      break;
    case GlueDescr::CALL: {
      CallDescr c;
      c.name = r.name;
      for (const char* a = r.argKinds; *a; ++a) c.argKinds.push_back(kindOfLetter(*a));
      c.result = r.kind;
      c.effect.canRaise = (r.flags & GlueDescr::kCanRaise) != 0;
      c.effect.elidable = (r.flags & GlueDescr::kElidable) != 0;
      c.effect.known = (r.flags & GlueDescr::kKnown) != 0;
      c.effect.accessesVirtualizable = (r.flags & GlueDescr::kAccessesVable) != 0;
      c.effect.readsFields = setAt(pool, r.sets[0]);
      c.effect.writesFields = setAt(pool, r.sets[1]);
      c.effect.readsArrays = setAt(pool, r.sets[2]);
      c.effect.writesArrays = setAt(pool, r.sets[3]);
      c.thunk = r.thunk;
      table.add(std::move(c));
      break;
    }
    }
  }
}

}  // namespace lathe::jit
