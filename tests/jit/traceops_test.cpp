// Tests of runtime/jit/traceops.def as expanded by trace.h: every row is
// consistent with the conventions the printer, parser, verifier and
// backends rely on.
#include <gtest/gtest.h>
#include <cctype>
#include <cstring>
#include <set>
#include <string>
#include "jit/trace.h"

using namespace lathe::jit;

namespace {
const char* const kEnumNames[] = {
#define TRACEOP(NAME, text, sig, result, descr, flags) #NAME,
#include "jit/traceops.def"
#undef TRACEOP
};

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}
}  // namespace

TEST(TraceOps, EnumPrintsAsLowercaseName) {
  ASSERT_EQ(sizeof(kEnumNames) / sizeof(kEnumNames[0]), kNumOps);
  for (size_t i = 0; i < kNumOps; i++) {
    std::string lower = kEnumNames[i];
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(lower, kOpInfo[i].name) << "Op::" << kEnumNames[i];
  }
}

TEST(TraceOps, NamesAreUniqueAndLookUp) {
  std::set<std::string> seen;
  for (size_t i = 0; i < kNumOps; i++) {
    EXPECT_TRUE(seen.insert(kOpInfo[i].name).second) << kOpInfo[i].name;
    auto op = opFromName(kOpInfo[i].name);
    ASSERT_TRUE(op.has_value()) << kOpInfo[i].name;
    EXPECT_EQ(static_cast<size_t>(*op), i);
  }
  EXPECT_FALSE(opFromName("int_frobnicate").has_value());
  EXPECT_FALSE(opFromName("").has_value());
}

TEST(TraceOps, SignaturesAreWellFormed) {
  for (size_t i = 0; i < kNumOps; i++) {
    std::string sig = kOpInfo[i].sig;
    if (sig == "*") continue;
    for (char c : sig) EXPECT_NE(std::strchr("irfa", c), nullptr) << kOpInfo[i].name << " sig " << sig;
  }
}

TEST(TraceOps, FlagsAgreeWithDescrsAndKinds) {
  for (size_t i = 0; i < kNumOps; i++) {
    const OpInfo& info = kOpInfo[i];
    std::string name = info.name;
    Op op = static_cast<Op>(i);
    // Guards: exactly the ops with a GuardDescr, in one contiguous range (ORDER OP).
    EXPECT_EQ(isGuard(op), info.descr == DescrKind::GUARD) << name;
    bool inRange = op >= Op::GUARD_TRUE && op <= Op::GUARD_NOT_INVALIDATED;
    EXPECT_EQ(isGuard(op), inRange) << name;
    EXPECT_EQ(isGuard(op), name.rfind("guard_", 0) == 0) << name;
    if (isGuard(op)) { EXPECT_FALSE(hasSideEffects(op) || isPure(op)) << name; }
    // Pure ops have no side effects.
    if (isPure(op)) { EXPECT_FALSE(hasSideEffects(op)) << name; }
    // Only calls raise; every call can (its descr says whether it does).
    bool isCall = name.rfind("call_", 0) == 0;
    EXPECT_EQ(canRaise(op), isCall) << name;
    EXPECT_EQ(isVariadic(op), isCall || op == Op::LABEL || op == Op::JUMP || op == Op::FINISH) << name;
    if (isCall) { EXPECT_TRUE(info.descr == DescrKind::CALL || info.descr == DescrKind::LOOP) << name; }
    // Typed suffixes name the result kind.
    if (endsWith(name, "_i")) { EXPECT_EQ(info.result, Kind::INT) << name; }
    if (endsWith(name, "_r")) { EXPECT_EQ(info.result, Kind::REF) << name; }
    if (endsWith(name, "_f")) { EXPECT_EQ(info.result, Kind::FLOAT) << name; }
    if (endsWith(name, "_n")) { EXPECT_EQ(info.result, Kind::VOID) << name; }
    // Memory ops take the descr of their family.
    if (name.find("field") != std::string::npos) { EXPECT_EQ(info.descr, DescrKind::FIELD) << name; }
    if (name.find("array") != std::string::npos) { EXPECT_EQ(info.descr, DescrKind::ARRAY) << name; }
    // Comparisons produce 0/1 ints.
    for (const char* cmp : {"_lt", "_le", "_eq", "_ne", "_gt", "_ge"})
      if (endsWith(name, cmp)) { EXPECT_EQ(info.result, Kind::INT) << name; }
    // Void ops that are not guards must have an effect, or they would be dead.
    if (info.result == Kind::VOID && !isGuard(op)) { EXPECT_TRUE(hasSideEffects(op)) << name; }
  }
  EXPECT_EQ(opInfo(Op::GUARD_EXCEPTION).result, Kind::REF);
  EXPECT_EQ(opInfo(Op::DEBUG_MERGE_POINT).descr, DescrKind::TEXT);
}

TEST(TraceOps, CoversTheDesignList) {
  // DESIGN §6 and issue 5 name these; each must be a row.
  for (const char* n :
       {"int_add", "int_sub", "int_mul", "int_floordiv", "int_mod", "int_and", "int_or", "int_xor", "int_lshift",
        "int_rshift", "int_neg", "int_invert", "int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge",
        "int_is_true", "int_add_ovf", "int_sub_ovf", "int_mul_ovf", "uint_lt", "uint_le", "uint_ge", "uint_gt",
        "uint_rshift", "uint_floordiv", "uint_mod", "float_add", "float_sub", "float_mul", "float_truediv",
        "float_neg", "float_abs", "float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge",
        "cast_int_to_float", "cast_float_to_int", "same_as_i", "same_as_r", "same_as_f", "ptr_eq", "ptr_ne",
        "getfield_i", "getfield_r", "getfield_f", "setfield", "getarrayitem_i", "getarrayitem_r", "getarrayitem_f",
        "setarrayitem", "arraylen", "strlen", "strgetitem", "new", "new_with_vtable", "new_array", "call_i",
        "call_r", "call_f", "call_n", "call_pure_i", "call_pure_r", "call_pure_f",
        "guard_true", "guard_false", "guard_value", "guard_class", "guard_nonnull", "guard_isnull",
        "guard_no_exception", "guard_exception", "guard_no_overflow", "guard_overflow", "guard_not_invalidated",
        "label", "jump", "finish", "debug_merge_point"})
    EXPECT_TRUE(opFromName(n).has_value()) << n;
}
