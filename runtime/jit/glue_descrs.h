//===- glue_descrs.h - The generated glue's descriptor table --------------===//
// jitgen (jitgen/twins.cpp) describes every FieldDescr, ArrayDescr,
// CallDescr and SizeDescr of a --jit program as one row of a constant
// table, and lathe_jit_setup() hands the table to addGlueDescrs. Rows are
// plain data: a large VM has thousands of descriptors, and one D.add() call
// per descriptor (each building strings and vectors) made a function that
// g++ needed two minutes and a gigabyte to compile. As data it costs
// nothing to compile, and the effect sets, which repeat a lot (every call
// into the interpreter's dispatch reads the same hundreds of fields), are
// stored once in a shared pool.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstddef>
#include <cstdint>

#include "jit/trace.h"

namespace lathe::jit {

/// One descriptor. Which members mean something depends on `what`.
struct GlueDescr {
  enum What : uint8_t { FIELD, ARRAY, CALL, SIZE };
  /// FIELD / ARRAY flags.
  static constexpr uint8_t kSigned = 1, kImmutable = 2, kVable = 4, kVableItems = 8, kNonNeg = 16;
  /// CALL flags (EffectInfo).
  static constexpr uint8_t kCanRaise = 1, kElidable = 2, kKnown = 4, kAccessesVable = 8;
  /// A CALL's effect set that is empty.
  static constexpr uint32_t kNoSet = UINT32_MAX;

  What what;
  const char* name;
  Kind kind;              ///< FIELD / ARRAY: the (item) kind; CALL: the result kind
  uint8_t size;           ///< FIELD / ARRAY: bytes of the field or item
  uint8_t flags;
  uint32_t offset;        ///< FIELD: byte offset; ARRAY: item 0's offset; SIZE: sizeof
  uint32_t lengthOffset;  ///< ARRAY: the length word's offset; FIELD with kNonNeg: its items field's (FieldDescr::itemsAt)
  /// CALL: the argument kinds, one letter each ('i', 'r', 'f').
  const char* argKinds;
  /// CALL: readsFields, writesFields, readsArrays, writesArrays as offsets
  /// into the set pool (a set there is its length, then its sorted
  /// descriptor indices), or kNoSet.
  uint32_t sets[4];
  uint64_t (*thunk)(const uint64_t* args);
};

/// Adds rows [0, n) to `table` in order (their indices are the table's
/// next ones, as the generated code assumes). `pool` holds the CALL rows'
/// effect sets.
void addGlueDescrs(DescrTable& table, const GlueDescr* rows, size_t n, const uint32_t* pool);

}  // namespace lathe::jit
