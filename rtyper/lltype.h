//===- lltype.h - Low-level types: what RTyped values are in C++ -----------===//
// Output vocabulary of the RTyper (DESIGN §5), read by the C++ backend and
// jitgen. The model is RPython's rpython/rtyper/lltypesystem/lltype.py:
//
//   primitives  Void Bool Char Signed Unsigned Float
//   Ptr(T)      T a GcStruct, GcArray, Struct, Array or FuncType
//   GcStruct    named, GC-allocated; fields in order. Single inheritance by
//               prefixing: a struct made with a parent begins with all of the
//               parent's fields (so a Ptr to the child can be read as a Ptr to
//               the parent). The root of an instance hierarchy starts with
//               `typeptr` — the RTyper's convention, see hasTypeptrPrefix().
//   Struct      the same, not GC-managed (vtables, prebuilt static data)
//   GcArray     GC-allocated, length-prefixed array of `item`
//   Array       non-GC array; only inlined as the LAST field of a struct,
//               which makes the struct variable-sized (RStr's `chars`)
//   FuncType    (args) -> result; only reached through Ptr
//
// Identity: every type lives in a TypeContext (an arena that never moves or
// frees a type before the context dies), so type equality is pointer
// equality. Primitives, Ptr, arrays and FuncType are interned structurally
// (asking twice gives the same pointer); structs are nominal: declareStruct
// makes a new type, and names are unique within a context. Structs are made
// in two steps (declare, then defineFields) so they can refer to themselves
// through Ptr (linked nodes, vtables pointing at their class' parent).
//
// Printing (deterministic): str() names structs without expanding them —
// `Signed`, `Ptr(GcStruct STR)`, `GcArray(Ptr(GcStruct OBJ))`,
// `Ptr(Func(Signed, Float) -> Bool)`; describe() expands one struct level:
// `GcStruct STR { hash: Signed, length: Signed, chars: Array(Char) }`.
//===----------------------------------------------------------------------===//
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace lathe::rtyper {

enum class LLKind : uint8_t {
  VOID, BOOL, CHAR, SIGNED, UNSIGNED, FLOAT, // primitives
  PTR,
  STRUCT, // GcStruct when gc, else Struct
  ARRAY,  // GcArray when gc, else Array
  FUNC,
};

class LLType;

struct LLField {
  std::string name;
  const LLType *type = nullptr;
};

/// One low-level type. Immutable once its TypeContext has finished making it
/// (structs: once defineFields has run). Build types through TypeContext.
class LLType {
public:
  LLKind kind() const { return kind_; }
  bool isPrimitive() const { return kind_ <= LLKind::FLOAT; }
  bool isPtr() const { return kind_ == LLKind::PTR; }
  bool isStruct() const { return kind_ == LLKind::STRUCT; }
  bool isArray() const { return kind_ == LLKind::ARRAY; }
  bool isFunc() const { return kind_ == LLKind::FUNC; }
  /// GcStruct / GcArray (containers only).
  bool isGc() const { return gc_; }
  /// A Ptr to a GC container: a value the collector must trace.
  bool isGcPointer() const { return isPtr() && target_->isGc(); }
  /// Integer-like primitive (Signed, Unsigned, Char, Bool).
  bool isIntegral() const;

  /// PTR: the pointed-to type. ARRAY: the item type.
  const LLType *target() const { return target_; }
  const LLType *item() const { return target_; }

  // STRUCT ---------------------------------------------------------------
  const std::string &name() const { return name_; }
  /// Every field, the parent's prefix first.
  const std::vector<LLField> &fields() const { return fields_; }
  const LLType *parent() const { return parent_; }
  bool isDefined() const { return defined_; }
  /// Index into fields(), or -1.
  int fieldIndex(std::string_view field) const;
  /// The field's type, or null when the struct has no such field.
  const LLType *fieldType(std::string_view field) const;
  /// True when `this` is `ancestor` or inherits from it (by prefixing).
  bool inheritsFrom(const LLType *ancestor) const;
  /// Ends with an inlined Array field (malloc_varsize allocates it).
  bool isVarsized() const;
  /// The root of this struct's hierarchy begins with a `typeptr` field.
  bool hasTypeptrPrefix() const;
  /// A struct the runtime library defines (runtime/README.md): its C++
  /// spelling (`RStr`, `RList<int64_t>`); empty for generated structs. Its
  /// fields mirror the runtime's layout so getfield/getarrayitem read it.
  const std::string &cppName() const { return cppName_; }

  // FUNC -----------------------------------------------------------------
  const std::vector<const LLType *> &args() const { return args_; }
  const LLType *result() const { return result_; }

  /// Compact form; structs by name only (see header comment).
  std::string str() const;
  /// str(), except a struct also lists its fields (one level).
  std::string describe() const;

private:
  friend class TypeContext;
  LLKind kind_ = LLKind::VOID;
  bool gc_ = false;
  bool defined_ = false;
  const LLType *target_ = nullptr; // PTR target / ARRAY item
  std::string name_;
  std::vector<LLField> fields_;
  const LLType *parent_ = nullptr;
  std::string cppName_;
  std::vector<const LLType *> args_;
  const LLType *result_ = nullptr;
};

/// Owns and interns every LLType of one translation.
class TypeContext {
public:
  TypeContext();
  TypeContext(const TypeContext &) = delete;
  TypeContext &operator=(const TypeContext &) = delete;

  const LLType *voidType() const { return prims_[0]; }
  const LLType *boolType() const { return prims_[1]; }
  const LLType *charType() const { return prims_[2]; }
  const LLType *signedType() const { return prims_[3]; }
  const LLType *unsignedType() const { return prims_[4]; }
  const LLType *floatType() const { return prims_[5]; }

  /// Ptr(target); target must be a container or a FuncType.
  const LLType *ptr(const LLType *target);
  const LLType *gcArray(const LLType *item) { return array(item, true); }
  /// A non-GC array, to inline as the last field of a struct.
  const LLType *inlineArray(const LLType *item) { return array(item, false); }
  const LLType *func(std::vector<const LLType *> args, const LLType *result);

  /// A new, not yet defined struct. `parent` (same GC-ness; defined before
  /// this struct is) gives the field prefix. Asserts that `name` is unused in this context.
  LLType *declareStruct(std::string name, bool gc, const LLType *parent = nullptr);
  /// Sets the struct's own fields (after the parent's). Returns an error
  /// message (empty on success): duplicate field names (including the
  /// inherited ones), a Void field, or an inlined Array not in last place.
  std::string defineFields(LLType *s, std::vector<LLField> own);
  /// declareStruct + defineFields for non-recursive structs; asserts success.
  const LLType *gcStruct(std::string name, std::vector<LLField> own,
                         const LLType *parent = nullptr);
  const LLType *plainStruct(std::string name, std::vector<LLField> own,
                            const LLType *parent = nullptr);
  /// A GcStruct defined by the runtime library, spelled `cppName` in C++;
  /// asks twice with the same name give the same type.
  const LLType *runtimeStruct(const std::string &name, const std::string &cppName,
                              std::vector<LLField> fields);
  /// The struct named `name`, or null.
  const LLType *findStruct(std::string_view name) const;

private:
  const LLType *array(const LLType *item, bool gc);
  LLType *make(LLKind kind);

  std::deque<LLType> arena_;
  const LLType *prims_[6];
  std::map<const LLType *, const LLType *> ptrs_;
  std::map<std::pair<const LLType *, bool>, const LLType *> arrays_;
  std::map<std::vector<const LLType *>, const LLType *> funcs_; // result last
  std::map<std::string, const LLType *, std::less<>> structs_;
};

} // namespace lathe::rtyper
