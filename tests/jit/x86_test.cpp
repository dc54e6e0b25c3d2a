// Tests of runtime/jit/x86/: the x86 backend against its oracle, the interp
// backend. Every supported op runs in a small trace (text format) on edge
// values and random inputs; the whole InterpResult (exit, op, guard, label,
// values bit for bit, error text) must be the same. Traces that touch
// memory run each backend on its own fresh objects and compare the objects
// afterwards too.
#include <sys/mman.h>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <random>
#include <sstream>
#include <vector>
#include <gtest/gtest-spi.h>
#include "jit/interp.h"
#include "jit/x86/x86backend.h"
#include "jit_test_util.h"

using namespace jit_test;
using Exit = InterpResult::Exit;

namespace {

// --- fixtures -------------------------------------------------------------------------

/// Every width and signedness of integer field.
struct Narrow {
  int8_t s8;
  uint8_t u8;
  int16_t s16;
  uint16_t u16;
  int32_t s32;
  uint32_t u32;
  int64_t s64;
};

/// A resizable list as the rtyper lays it out: a length, and items with
/// room for at least that many (FieldDescr::itemsAt).
struct XList {
  int64_t length;
  void* items;
};

uint64_t add2Thunk(const uint64_t* a) { return a[0] + a[1]; }
uint64_t scaleThunk(const uint64_t* a) {
  double x;
  std::memcpy(&x, &a[0], 8);
  double r = scale(x, static_cast<int64_t>(a[1]));
  uint64_t bits;
  std::memcpy(&bits, &r, 8);
  return bits;
}
uint64_t halfThunk(const uint64_t* a) { return static_cast<uint64_t>(checkedHalf(static_cast<int64_t>(a[0]))); }
uint64_t many8Thunk(const uint64_t* a) {
  uint64_t s = 0;
  for (int k = 0; k < 8; k++) s = s * 3 + a[k];
  return s;
}
double mix6(double a, int64_t b, double c, int64_t d, void* e, double f) {
  return a - static_cast<double>(b) * c + static_cast<double>(d) + (e ? 1000.0 : 0.0) + f;
}

Frame gConstFrame = {&kFrameVtable, 1234, 0, nullptr, 0.0, 0, 0};

/// The shared test descriptors plus the x86 tests' own: narrow fields,
/// thunk-only calls (as generated programs have), more arrays.
DescrTable makeX86Descrs() {
  DescrTable d = makeDescrs();
  d.add(FieldDescr{"Narrow.s8", offsetof(Narrow, s8), Kind::INT, 1, true, false});
  d.add(FieldDescr{"Narrow.u8", offsetof(Narrow, u8), Kind::INT, 1, false, false});
  d.add(FieldDescr{"Narrow.s16", offsetof(Narrow, s16), Kind::INT, 2, true, false});
  d.add(FieldDescr{"Narrow.u16", offsetof(Narrow, u16), Kind::INT, 2, false, false});
  d.add(FieldDescr{"Narrow.s32", offsetof(Narrow, s32), Kind::INT, 4, true, false});
  d.add(FieldDescr{"Narrow.u32", offsetof(Narrow, u32), Kind::INT, 4, false, false});
  d.add(FieldDescr{"Narrow.s64", offsetof(Narrow, s64), Kind::INT, 8, true, false});
  d.add(FieldDescr{"XList.length", offsetof(XList, length), Kind::INT, 8, true, false, false, false, true,
                   static_cast<int32_t>(offsetof(XList, items))});
  d.add(FieldDescr{"XList.items", offsetof(XList, items), Kind::REF, 8, true, false});
  d.add(ArrayDescr{"ShortArray", Kind::INT, 2, true, 8, 0, false});
  d.add(ArrayDescr{"UIntArray", Kind::INT, 4, false, 8, 0, false});
  d.add(CallDescr{"add2T", nullptr, {Kind::INT, Kind::INT}, Kind::INT, {false, true}, add2Thunk});
  d.add(CallDescr{"scaleT", nullptr, {Kind::FLOAT, Kind::INT}, Kind::FLOAT, {false, true}, scaleThunk});
  d.add(CallDescr{"halfT", nullptr, {Kind::INT}, Kind::INT, {true, false}, halfThunk});
  d.add(CallDescr{"many8T", nullptr, std::vector<Kind>(8, Kind::INT), Kind::INT, {false, false}, many8Thunk});
  d.add(CallDescr{"mix6", fnPtr(mix6), {Kind::FLOAT, Kind::INT, Kind::FLOAT, Kind::INT, Kind::REF, Kind::FLOAT},
                  Kind::FLOAT, {false, true}});
  d.add(CallDescr{"noFn", nullptr, {}, Kind::INT, {false, false}});
  d.namePointer("constFrame", &gConstFrame);
  return d;
}

const DescrTable& xd() {
  static const DescrTable d = makeX86Descrs();
  return d;
}

Trace parse(const std::string& text) {
  ParseResult r = parseTrace(text, xd());
  EXPECT_TRUE(r.trace.has_value()) << r.errorText(text);
  return r.trace ? std::move(*r.trace) : Trace{};
}

std::unique_ptr<X86Code> compileOk(const Trace& t) {
  std::string why;
  auto code = X86Code::compile(t, xd(), &why);
  EXPECT_TRUE(code) << why;
  return code;
}

const char* exitName(Exit e) {
  switch (e) {
    case Exit::FINISH: return "FINISH";
    case Exit::GUARD_FAILED: return "GUARD_FAILED";
    case Exit::JUMP: return "JUMP";
    case Exit::ERROR: return "ERROR";
  }
  return "?";
}

std::string show(const InterpResult& r) {
  std::ostringstream s;
  s << exitName(r.exit) << " op=" << r.op << " guard=" << r.guard << " label=" << r.label << " values=[";
  for (size_t k = 0; k < r.values.size(); k++) s << (k ? ", " : "") << "0x" << std::hex << r.values[k] << std::dec;
  s << "] error='" << r.error << "'";
  return s.str();
}

/// The whole result but `steps` (x86 does not count ops).
void expectSame(const InterpResult& want, const InterpResult& got, const std::string& what) {
  bool same = want.exit == got.exit && want.op == got.op && want.guard == got.guard && want.label == got.label &&
              want.error == got.error && want.values.size() == got.values.size();
  for (size_t k = 0; same && k < want.values.size(); k++) same = want.values[k] == got.values[k];
  EXPECT_TRUE(same) << what << "\n  interp: " << show(want) << "\n  x86:    " << show(got);
}

/// Runs `t` on both backends with the same inputs and compares.
void checkBoth(const Trace& t, const X86Code& code, std::vector<Value> inputs, const std::string& what) {
  InterpResult want = runTrace(t, xd(), inputs);
  InterpResult got = code.run(inputs);
  expectSame(want, got, what);
}

/// Same, for traces that write memory: each backend gets fresh inputs.
void checkFresh(const Trace& t, const X86Code& code, const std::function<std::vector<Value>()>& inputs,
                const std::string& what) {
  InterpResult want = runTrace(t, xd(), inputs());
  InterpResult got = code.run(inputs());
  expectSame(want, got, what);
}

std::string valueText(int64_t v) { return std::to_string(v); }

const std::vector<int64_t> kIntEdges = {0,  1,  -1,  2,  -2, 3,  -7, 63, 64, 65, 127, 128, 255, 256, -128, -129, 65535,
                                        0x7fffffff, -0x80000000LL, 0xffffffffLL, INT64_MAX, INT64_MIN, INT64_MIN + 1,
                                        INT64_MAX - 1};

std::vector<std::pair<int64_t, int64_t>> intPairs() {
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (int64_t a : kIntEdges)
    for (int64_t b : kIntEdges) pairs.push_back({a, b});
  std::mt19937_64 rng(6);
  for (int k = 0; k < 300; k++) {
    int64_t a = static_cast<int64_t>(rng()), b = static_cast<int64_t>(rng());
    if (k % 3 == 1) b >>= 40;  // small divisors and shift counts
    if (k % 3 == 2) a >>= 20, b = static_cast<int64_t>(rng() % 130) - 65;
    pairs.push_back({a, b});
  }
  return pairs;
}

const double kNaN = std::numeric_limits<double>::quiet_NaN();
const double kInf = std::numeric_limits<double>::infinity();
const std::vector<double> kFloatEdges = {0.0, -0.0, 1.0, -1.0, 0.5, -2.5, 3.0, 1e308, -1e308, 1e-310, kInf, -kInf,
                                         kNaN, -kNaN, 9.2e18, -9.2e18, 9223372036854775808.0,
                                         -9223372036854775808.0, 4503599627370497.5, 123456.789};

std::vector<std::pair<double, double>> floatPairs() {
  std::vector<std::pair<double, double>> pairs;
  for (double a : kFloatEdges)
    for (double b : kFloatEdges) pairs.push_back({a, b});
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-1e6, 1e6);
  for (int k = 0; k < 200; k++) pairs.push_back({u(rng), u(rng)});
  return pairs;
}

}  // namespace

// --- the comparison itself can fail ---------------------------------------------------

TEST(X86, ComparisonDetectsADifference) {
  InterpResult a, b;
  a.exit = b.exit = Exit::FINISH;
  a.values.push(1);
  b.values.push(2);
  EXPECT_NONFATAL_FAILURE(expectSame(a, b, "differs"), "differs");
  b.values[0] = 1;
  b.op = 3;
  EXPECT_NONFATAL_FAILURE(expectSame(a, b, "op differs"), "op differs");
}

// --- integers -------------------------------------------------------------------------

TEST(X86, IntegerBinaryOpsMatchInterp) {
  const char* ops[] = {"int_add", "int_sub", "int_mul", "int_floordiv", "int_mod", "int_and", "int_or",
                       "int_xor", "int_lshift", "int_rshift", "int_lt", "int_le", "int_eq", "int_ne", "int_gt",
                       "int_ge", "uint_lt", "uint_le", "uint_ge", "uint_gt", "uint_rshift", "uint_floordiv",
                       "uint_mod"};
  auto pairs = intPairs();
  for (const char* name : ops) {
    Trace t = parse(std::string("[i0, i1]\ni2 = ") + name + "(i0, i1)\nfinish(i2)\n");
    auto code = compileOk(t);
    ASSERT_TRUE(code) << name;
    for (auto [a, b] : pairs) checkBoth(t, *code, {Value::i(a), Value::i(b)}, std::string(name) + " " +
                                                                                valueText(a) + ", " + valueText(b));
  }
}

// Constant operands take other paths (immediates, materialized constants).
TEST(X86, IntegerOpsWithConstantOperands) {
  const char* ops[] = {"int_add", "int_sub", "int_mul", "int_floordiv", "int_mod", "int_and", "int_xor",
                       "int_lshift", "int_rshift", "uint_rshift", "int_lt", "int_eq", "uint_gt", "uint_mod"};
  for (const char* name : ops) {
    for (int64_t c : kIntEdges) {
      std::string cs = valueText(c);
      Trace t = parse(std::string("[i0]\ni1 = ") + name + "(i0, " + cs + ")\ni2 = " + name + "(" + cs +
                      ", i0)\nfinish(i1, i2)\n");
      auto code = compileOk(t);
      ASSERT_TRUE(code) << name << " " << cs;
      for (int64_t a : kIntEdges) checkBoth(t, *code, {Value::i(a)}, std::string(name) + " const " + cs);
    }
  }
}

TEST(X86, IntegerUnaryOpsMatchInterp) {
  for (const char* name : {"int_neg", "int_invert", "int_is_true", "same_as_i"}) {
    Trace t = parse(std::string("[i0]\ni1 = ") + name + "(i0)\nfinish(i1)\n");
    auto code = compileOk(t);
    ASSERT_TRUE(code);
    for (auto [a, b] : intPairs()) checkBoth(t, *code, {Value::i(a)}, std::string(name) + " " + valueText(a));
  }
}

TEST(X86, OverflowOpsAndTheirGuards) {
  for (const char* name : {"int_add_ovf", "int_sub_ovf", "int_mul_ovf"}) {
    for (const char* guard : {"guard_no_overflow", "guard_overflow"}) {
      Trace t = parse(std::string("[i0, i1]\ni2 = ") + name + "(i0, i1)\n" + guard +
                      "(descr=g0) [i1, i0]\ni3 = int_add(i2, 1)\nfinish(i2, i3)\n");
      auto code = compileOk(t);
      ASSERT_TRUE(code);
      for (auto [a, b] : intPairs())
        checkBoth(t, *code, {Value::i(a), Value::i(b)}, std::string(name) + "/" + guard + " " + valueText(a) + ", " +
                                                            valueText(b));
    }
  }
}

// The flag is the last _ovf op's, also across a loop's back edge.
TEST(X86, OverflowFlagIsTheLastOvfOps) {
  Trace t = parse(R"([i0, i1]
i2 = int_mul_ovf(i0, i0)
i3 = int_add_ovf(i1, 1)
guard_no_overflow(descr=g0) [i2, i3]
label(i3, descr=loop0)
guard_no_overflow(descr=g1) [i3]
i4 = int_add_ovf(i3, 1)
i5 = int_lt(i4, 100)
guard_true(i5, descr=g2) [i4]
jump(i4, descr=loop0)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (int64_t a : {int64_t{3}, INT64_MAX, INT64_MIN})
    for (int64_t b : {int64_t{0}, INT64_MAX, INT64_MAX - 5, int64_t{98}}) checkBoth(t, *code, {Value::i(a), Value::i(b)}, "ovf loop");
}

// --- floats ---------------------------------------------------------------------------

TEST(X86, FloatOpsMatchInterp) {
  const char* binary[] = {"float_add", "float_sub", "float_mul", "float_truediv"};
  const char* compare[] = {"float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge"};
  auto pairs = floatPairs();
  for (const char* name : binary) {
    Trace t = parse(std::string("[f0, f1]\nf2 = ") + name + "(f0, f1)\nfinish(f2)\n");
    auto code = compileOk(t);
    ASSERT_TRUE(code);
    for (auto [a, b] : pairs) checkBoth(t, *code, {Value::f(a), Value::f(b)}, name);
  }
  for (const char* name : compare) {
    Trace t = parse(std::string("[f0, f1]\ni2 = ") + name + "(f0, f1)\nfinish(i2)\n");
    auto code = compileOk(t);
    ASSERT_TRUE(code);
    for (auto [a, b] : pairs)
      checkBoth(t, *code, {Value::f(a), Value::f(b)}, std::string(name) + " " + std::to_string(a) + ", " + std::to_string(b));
  }
  for (const char* name : {"float_neg", "float_abs", "same_as_f", "cast_float_to_int"}) {
    bool toInt = std::string(name) == "cast_float_to_int";
    Trace t = parse(std::string("[f0]\n") + (toInt ? "i1" : "f1") + " = " + name + "(f0)\nfinish(" +
                    (toInt ? "i1" : "f1") + ")\n");
    auto code = compileOk(t);
    ASSERT_TRUE(code);
    for (auto [a, b] : pairs) checkBoth(t, *code, {Value::f(a)}, std::string(name) + " " + std::to_string(a));
  }
  Trace t = parse("[i0]\nf1 = cast_int_to_float(i0)\nfinish(f1)\n");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (auto [a, b] : intPairs()) checkBoth(t, *code, {Value::i(a)}, "cast_int_to_float " + valueText(a));
}

TEST(X86, FloatConstants) {
  Trace t = parse(R"([f0]
f1 = float_add(f0, 2.5)
f2 = float_mul(-0.0, f1)
i3 = float_lt(f0, inf)
i4 = float_eq(f0, nan)
guard_value(f0, 1.5, descr=g0) [f1, f2, i3, i4, 7.25]
finish(f1, f2, i3, i4, -inf)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (double a : kFloatEdges) checkBoth(t, *code, {Value::f(a)}, "float constants " + std::to_string(a));
}

// --- guards ---------------------------------------------------------------------------

TEST(X86, GuardsOnIntsAndRefs) {
  Trace t = parse(R"([i0, i1, p2]
guard_true(i0, descr=g0) [i0, i1]
guard_false(i1, descr=g1) [i1, p2]
guard_value(i0, 7, descr=g2) [i0]
guard_nonnull(p2, descr=g3) [i0, i1]
guard_class(p2, ConstPtr(frameVtable), descr=g4) [p2]
guard_value(p2, ConstPtr(constFrame), descr=g5) [p2, i0]
finish(i0, p2)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  Frame other = {&kOtherVtable, 0, 0, nullptr, 0.0, 0, 0};
  for (int64_t a : {0, 7, -1, 8})
    for (int64_t b : {0, 1})
      for (void* p : {static_cast<void*>(nullptr), static_cast<void*>(&other), static_cast<void*>(&gConstFrame)})
        checkBoth(t, *code, {Value::i(a), Value::i(b), Value::r(p)}, "guards");

  Trace u = parse(R"([p0, i1]
guard_isnull(p0, descr=g0) [i1]
guard_value(i1, -9223372036854775808, descr=g1) [p0, i1]
finish(i1)
)");
  auto code2 = compileOk(u);
  ASSERT_TRUE(code2);
  for (int64_t a : kIntEdges)
    for (void* p : {static_cast<void*>(nullptr), static_cast<void*>(&other)})
      checkBoth(u, *code2, {Value::r(p), Value::i(a)}, "isnull/value");
}

// More live values than registers: every one must reach the frame.
TEST(X86, GuardExitWithManyLiveValuesOfEveryKind) {
  std::ostringstream s;
  s << "[i0, f1, p2]\n";
  std::vector<std::string> live;
  for (int k = 0; k < 40; k++) {
    s << "i" << 3 + 3 * k << " = int_add(i0, " << k << ")\n";
    s << "f" << 4 + 3 * k << " = float_mul(f1, " << k << ".5)\n";
    s << "p" << 5 + 3 * k << " = same_as_r(p2)\n";
    for (char kind : {'i', 'f', 'p'}) {
      std::ostringstream name;  // (not "i" + to_string: gcc 12's -Wrestrict false positive)
      name << kind << (kind == 'i' ? 3 : kind == 'f' ? 4 : 5) + 3 * k;
      live.push_back(name.str());
    }
  }
  std::string list;
  for (size_t k = 0; k < live.size(); k++) list += (k ? ", " : "") + live[k];
  s << "i200 = int_lt(i0, 100)\nguard_true(i200, descr=g0) [" << list << ", 42, 2.5, ConstPtr(constFrame)]\n";
  s << "finish(" << list << ")\n";
  Trace t = parse(s.str());
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (int64_t a : {int64_t{5}, int64_t{100}, INT64_MIN, INT64_MAX}) {
    checkBoth(t, *code, {Value::i(a), Value::f(1.25), Value::r(&gConstFrame)}, "many live values");
    InterpResult r = code->run(std::vector<Value>{Value::i(a), Value::f(1.25), Value::r(&gConstFrame)});
    EXPECT_EQ(r.exit, a < 100 ? Exit::FINISH : Exit::GUARD_FAILED);
    EXPECT_EQ(r.values.size(), a < 100 ? 120u : 123u);
  }
}

// --- loops ----------------------------------------------------------------------------

TEST(X86, CountdownLoopRunsManyIterationsThenExitsThroughItsGuard) {
  Trace t = parse(R"([i0, i1, f2]
label(i0, i1, f2, descr=loop0)
debug_merge_point('countdown')
i3 = int_sub(i0, 1)
i4 = int_add(i1, i0)
f5 = float_add(f2, 0.5)
i6 = int_gt(i3, 0)
guard_true(i6, descr=done) [i3, i4, i0, f5]
jump(i3, i4, f5, descr=loop0)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (int64_t n : {1, 2, 10, 1000, 1000000}) checkBoth(t, *code, {Value::i(n), Value::i(0), Value::f(0.0)}, "countdown");
  InterpResult r = code->run(std::vector<Value>{Value::i(1000000), Value::i(0), Value::f(0.0)});
  ASSERT_EQ(r.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(r.value(1).asInt(), 500000500000);
  EXPECT_EQ(r.value(3).asFloat(), 500000.0);
}

// The jump's values are a permutation of the label's: a parallel move.
TEST(X86, LoopWithSwappedValues) {
  Trace t = parse(R"([i0, i1, i2]
label(i0, i1, i2, descr=loop0)
i3 = int_sub(i2, 1)
i4 = int_ge(i3, 0)
guard_true(i4, descr=g0) [i0, i1, i3]
jump(i1, i0, i3, descr=loop0)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (int64_t n : {0, 1, 2, 3, 10, 11}) checkBoth(t, *code, {Value::i(4), Value::i(9), Value::i(n)}, "swap");
}

// A preamble, a peeled loop, entries at either label, and a jump out.
TEST(X86, TwoLabelsRunFromLabelAndJumpOut) {
  Trace t = parse(R"([i0, p1]
i2 = getfield_i(p1, descr=Frame.acc)
label(i0, i2, descr=loop0)
i3 = int_add(i0, i2)
label(i3, i2, descr=loop1)
i4 = int_mul(i3, 3)
i5 = int_lt(i4, 1000)
guard_true(i5, descr=g0) [i4, i2]
jump(i4, i2, descr=loop1)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  checkBoth(t, *code, {Value::i(1), Value::r(&gConstFrame)}, "from the top");
  for (const char* lab : {"loop0", "loop1"}) {
    uint32_t l = *xd().find(lab);
    std::vector<Value> vals = {Value::i(2), Value::i(5)};
    expectSame(runTraceFromLabel(t, xd(), l, vals), code->runFromLabel(l, vals), lab);
  }
  uint32_t outer = *xd().find("outer");
  expectSame(runTraceFromLabel(t, xd(), outer, std::vector<Value>{}), code->runFromLabel(outer, std::vector<Value>{}),
             "no such label");
  uint32_t l0 = *xd().find("loop0");
  expectSame(runTraceFromLabel(t, xd(), l0, std::vector<Value>{Value::i(1)}),
             code->runFromLabel(l0, std::vector<Value>{Value::i(1)}), "wrong count");
  expectSame(runTrace(t, xd(), std::vector<Value>{Value::i(1)}), code->run(std::vector<Value>{Value::i(1)}),
             "wrong input count");

  Trace bridge = parse(R"([i0, p1]
i2 = int_add(i0, 1)
jump(i2, p1, descr=outer)
)");
  auto bcode = compileOk(bridge);
  ASSERT_TRUE(bcode);
  checkBoth(bridge, *bcode, {Value::i(41), Value::r(&gConstFrame)}, "jump out");
}

// --- memory ---------------------------------------------------------------------------

TEST(X86, FieldsOfEveryWidthAndKind) {
  Trace t = parse(R"([p0, i1, f2, p3]
setfield(p0, i1, descr=Narrow.s8)
setfield(p0, i1, descr=Narrow.u8)
setfield(p0, i1, descr=Narrow.s16)
setfield(p0, i1, descr=Narrow.u16)
setfield(p0, i1, descr=Narrow.s32)
setfield(p0, i1, descr=Narrow.u32)
setfield(p0, i1, descr=Narrow.s64)
i4 = getfield_i(p0, descr=Narrow.s8)
i5 = getfield_i(p0, descr=Narrow.u8)
i6 = getfield_i(p0, descr=Narrow.s16)
i7 = getfield_i(p0, descr=Narrow.u16)
i8 = getfield_i(p0, descr=Narrow.s32)
i9 = getfield_i(p0, descr=Narrow.u32)
i10 = getfield_i(p0, descr=Narrow.s64)
setfield(p3, f2, descr=Frame.x)
setfield(p3, ConstPtr(constFrame), descr=Frame.next)
setfield(p3, -3, descr=Frame.small)
setfield(p3, 511, descr=Frame.flag)
f11 = getfield_f(p3, descr=Frame.x)
p12 = getfield_r(p3, descr=Frame.next)
i13 = getfield_i(p3, descr=Frame.small)
i14 = getfield_i(p3, descr=Frame.flag)
finish(i4, i5, i6, i7, i8, i9, i10, f11, p12, i13, i14)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (int64_t v : kIntEdges) {
    Narrow n1{}, n2{};
    Frame f1{}, f2{};
    InterpResult want = runTrace(t, xd(), std::vector<Value>{Value::r(&n1), Value::i(v), Value::f(-1.5), Value::r(&f1)});
    InterpResult got = code->run(std::vector<Value>{Value::r(&n2), Value::i(v), Value::f(-1.5), Value::r(&f2)});
    expectSame(want, got, "fields " + valueText(v));
    EXPECT_EQ(std::memcmp(&n1, &n2, sizeof n1), 0) << v;
    EXPECT_EQ(std::memcmp(&f1, &f2, sizeof f1), 0) << v;
  }
  // A null object stops both with the same error.
  Frame f{};
  checkBoth(t, *code, {Value::r(nullptr), Value::i(1), Value::f(0.0), Value::r(&f)}, "null setfield");
  Narrow n{};
  checkBoth(t, *code, {Value::r(&n), Value::i(1), Value::f(0.0), Value::r(nullptr)}, "null setfield 2");
  Trace g = parse("[p0]\ni1 = getfield_i(p0, descr=Frame.acc)\nfinish(i1)\n");
  auto gcode = compileOk(g);
  ASSERT_TRUE(gcode);
  checkBoth(g, *gcode, {Value::r(nullptr)}, "null getfield");
}

namespace {
template <class T>
RArray<T>* newArray(std::vector<T> items) {
  auto* a = static_cast<RArray<T>*>(ll_malloc(8 + sizeof(T) * items.size()));
  a->length = static_cast<int64_t>(items.size());
  for (size_t k = 0; k < items.size(); k++) a->items[k] = items[k];
  return a;
}
}  // namespace

TEST(X86, ArraysOfEveryKindWithBoundsChecks) {
  Trace t = parse(R"([p0, p1, p2, p3, p4, i5, i6]
i7 = getarrayitem_i(p0, i5, descr=IntArray)
i8 = getarrayitem_i(p1, i5, descr=ByteArray)
i9 = getarrayitem_i(p2, i5, descr=ShortArray)
i10 = getarrayitem_i(p3, i5, descr=UIntArray)
f11 = getarrayitem_f(p4, i5, descr=FloatArray)
setarrayitem(p0, i5, i6, descr=IntArray)
setarrayitem(p1, i5, i6, descr=ByteArray)
setarrayitem(p2, i5, i6, descr=ShortArray)
setarrayitem(p3, i5, i6, descr=UIntArray)
setarrayitem(p4, 0, 2.5, descr=FloatArray)
i12 = getarrayitem_i(p0, i5, descr=IntArray)
i13 = getarrayitem_i(p1, i5, descr=ByteArray)
i14 = getarrayitem_i(p2, i5, descr=ShortArray)
i15 = getarrayitem_i(p3, i5, descr=UIntArray)
f16 = getarrayitem_f(p4, 0, descr=FloatArray)
i17 = arraylen(p1, descr=ByteArray)
i18 = arraylen(p4, descr=FloatArray)
finish(i7, i8, i9, i10, f11, i12, i13, i14, i15, f16, i17, i18)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  auto inputs = [&](int64_t i, int64_t v, bool nullFloats) {
    return std::vector<Value>{
        Value::r(newArray<int64_t>({-1, 2, INT64_MIN})), Value::r(newArray<uint8_t>({255, 1, 0x80})),
        Value::r(newArray<int16_t>({-1, 300, -32768})), Value::r(newArray<uint32_t>({0xffffffffu, 5, 0x80000000u})),
        Value::r(nullFloats ? nullptr : newArray<double>({0.5, -kInf, kNaN})), Value::i(i), Value::i(v)};
  };
  for (int64_t i : {int64_t{0}, int64_t{1}, int64_t{2}, int64_t{3}, int64_t{-1}, INT64_MIN, INT64_MAX})
    for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{0x12345678abcd}, INT64_MIN}) {
      checkFresh(t, *code, [&] { return inputs(i, v, false); }, "arrays " + valueText(i));
      checkFresh(t, *code, [&] { return inputs(i, v, true); }, "arrays null " + valueText(i));
    }
}

// The instructions of the innermost backward jump's loop in a disassembly
// (from the jump's target to the jump), one per line.
std::vector<std::string> loopBody(const std::string& disasm) {
  std::vector<std::pair<uint64_t, std::string>> insns;
  std::istringstream in(disasm);
  for (std::string line; std::getline(in, line);) {
    size_t colon = line.find(":\t");
    if (colon == std::string::npos) continue;
    insns.push_back({std::stoull(line.substr(0, colon), nullptr, 16), line.substr(colon + 2)});
  }
  for (size_t k = 0; k < insns.size(); k++) {
    const std::string& text = insns[k].second;
    if (text.rfind("jmp", 0) != 0 || text.find("0x") == std::string::npos) continue;
    uint64_t target = std::stoull(text.substr(text.find("0x")), nullptr, 16);
    if (target >= insns[k].first) continue;
    std::vector<std::string> body;
    for (const auto& [addr, t] : insns)
      if (addr >= target && addr <= insns[k].first) body.push_back(t);
    return body;
  }
  return {};
}

// A comparison that only guards' fail args use (the interpreter's own
// branch condition, kept for resuming after a guard that tests something
// else, as a widened guard does) is computed at the exits, not in the loop:
// no setcc in the loop's body, and its value at every exit is interp's.
TEST(X86, ComparisonOnlyExitsUseIsComputedThere) {
  Trace t = parse(R"([i0, i1]
label(i0, i1, descr=loop0)
i2 = int_ge(i0, i1)
i3 = int_lt(i0, -7)
i4 = uint_lt(i0, i1)
i5 = int_add(i0, 1)
i6 = int_lt(i5, 100)
guard_true(i6, descr=g0) [i0, i2, i3, i4]
i7 = int_ne(i5, 50)
guard_true(i7, descr=g1) [i5, i4, i2]
jump(i5, i1, descr=loop0)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (int64_t i0 : {int64_t{0}, int64_t{-9}, int64_t{-7}, int64_t{60}, int64_t{99}, int64_t{500}})
    for (int64_t i1 : {int64_t{-100}, int64_t{0}, int64_t{30}, int64_t{70}, INT64_MAX})
      checkBoth(t, *code, {Value::i(i0), Value::i(i1)}, "i0 " + valueText(i0) + " i1 " + valueText(i1));
  std::string disasm = x86Disassemble(reinterpret_cast<const void*>(code->function()), code->codeSize());
  if (disasm.rfind("(no disassembly", 0) == 0) GTEST_SKIP() << disasm;
  std::vector<std::string> loop = loopBody(disasm);
  ASSERT_FALSE(loop.empty()) << disasm;
  for (const std::string& insn : loop)
    EXPECT_NE(insn.rfind("set", 0), 0u) << "a fail-arg-only comparison computed in the loop:\n" << disasm;
}

// A peeled loop's array and index are label arguments its jump passes back
// unchanged: their null and bounds checks, done in the preamble, hold at
// every iteration, and the loop does not redo them. An entry at the loop's
// label from outside brings values of its own: it redoes them before the
// loop runs, with the error the loop's first access would give.
TEST(X86, PeeledLoopKeepsTheChecksOfItsInvariantArray) {
  Trace t = parse(R"([p0, i1, i2]
label(p0, i1, i2, descr=loop0)
i3 = getarrayitem_i(p0, i1, descr=IntArray)
i4 = int_add(i3, i2)
setarrayitem(p0, i1, i4, descr=IntArray)
i5 = int_sub(i2, 1)
i6 = int_gt(i5, 0)
guard_true(i6, descr=g0) [i1, i5]
label(p0, i1, i5, descr=loop1)
i7 = getarrayitem_i(p0, i1, descr=IntArray)
i8 = int_add(i7, i5)
setarrayitem(p0, i1, i8, descr=IntArray)
i9 = int_sub(i5, 1)
i10 = int_gt(i9, 0)
guard_true(i10, descr=g1) [i1, i9]
jump(p0, i1, i9, descr=loop1)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  auto arrays = [](int64_t i, int64_t n) {
    return [i, n] { return std::vector<Value>{Value::r(newArray<int64_t>({1, 2, 3})), Value::i(i), Value::i(n)}; };
  };
  for (int64_t i : {int64_t{0}, int64_t{2}, int64_t{3}, int64_t{-1}, INT64_MIN})
    for (int64_t n : {1, 2, 5, 40}) checkFresh(t, *code, arrays(i, n), "from the top " + valueText(i));
  checkBoth(t, *code, {Value::r(nullptr), Value::i(0), Value::i(5)}, "null from the top");
  uint32_t body = *xd().find("loop1");
  for (int64_t i : {int64_t{0}, int64_t{2}, int64_t{3}, int64_t{-1}, INT64_MAX}) {
    std::vector<Value> vals = {Value::r(newArray<int64_t>({1, 2, 3})), Value::i(i), Value::i(7)};
    std::vector<Value> again = {Value::r(newArray<int64_t>({1, 2, 3})), Value::i(i), Value::i(7)};
    expectSame(runTraceFromLabel(t, xd(), body, vals), code->runFromLabel(body, again), "at loop1 " + valueText(i));
  }
  std::vector<Value> null = {Value::r(nullptr), Value::i(0), Value::i(7)};
  expectSame(runTraceFromLabel(t, xd(), body, null), code->runFromLabel(body, null), "null at loop1");

  std::string disasm = x86Disassemble(reinterpret_cast<const void*>(code->function()), code->codeSize());
  if (disasm.rfind("(no disassembly", 0) == 0) GTEST_SKIP() << disasm;
  std::vector<std::string> loop = loopBody(disasm);
  ASSERT_FALSE(loop.empty()) << disasm;
  for (const std::string& insn : loop) {
    EXPECT_EQ(insn.find("jae"), std::string::npos) << "a bounds check in the loop:\n" << disasm;
    EXPECT_EQ(insn.find("test"), std::string::npos) << "a null check in the loop:\n" << disasm;
  }
}

// An index the trace checked against a list's length (the rtyper's bounds
// check, uint_lt) is inside the list's items array when both fields are
// read with no write between: the backend leaves out its own check there.
// It keeps it for another index, another list's items (p5's: one item),
// and after a write to the length.
TEST(X86, ListIndexCheckedAgainstTheLengthIsNotCheckedAgain) {
  const char* head = R"([p0, i1, p5]
i2 = getfield_i(p0, descr=XList.length)
i3 = uint_lt(i1, i2)
guard_true(i3, descr=g0) [i1]
p4 = getfield_r(p0, descr=XList.items)
)";
  struct Case {
    const char* tail;
    size_t checks;  // jae in the code: the guard's, and the backend's own
  } cases[] = {
      {"i5 = getarrayitem_i(p4, i1, descr=IntArray)\nfinish(i5)\n", 1},
      {"i6 = int_add(i1, 1)\ni5 = getarrayitem_i(p4, i6, descr=IntArray)\nfinish(i5)\n", 2},
      {"setfield(p0, 9, descr=XList.length)\ni5 = getarrayitem_i(p4, i1, descr=IntArray)\nfinish(i5)\n", 2},
      {"p6 = getfield_r(p5, descr=XList.items)\ni7 = getarrayitem_i(p6, i1, descr=IntArray)\nfinish(i7)\n", 2},
  };
  for (const Case& c : cases) {
    Trace t = parse(std::string(head) + c.tail);
    auto code = compileOk(t);
    ASSERT_TRUE(code);
    for (int64_t i : {int64_t{0}, int64_t{1}, int64_t{2}, int64_t{3}, int64_t{4}, int64_t{-1}, INT64_MIN}) {
      auto list = [i] {
        auto* l = static_cast<XList*>(ll_malloc(sizeof(XList)));
        l->length = 3;
        l->items = newArray<int64_t>({10, 20, 30, 40});
        auto* other = static_cast<XList*>(ll_malloc(sizeof(XList)));
        other->length = 1;
        other->items = newArray<int64_t>({50});
        return std::vector<Value>{Value::r(l), Value::i(i), Value::r(other)};
      };
      checkFresh(t, *code, list, std::string(c.tail) + " " + valueText(i));
    }
    std::string disasm = x86Disassemble(reinterpret_cast<const void*>(code->function()), code->codeSize());
    if (disasm.rfind("(no disassembly", 0) == 0) GTEST_SKIP() << disasm;
    size_t jae = 0;
    for (size_t at = disasm.find("jae"); at != std::string::npos; at = disasm.find("jae", at + 1)) jae++;
    EXPECT_EQ(jae, c.checks) << c.tail << disasm;
  }
}

// Values the jump does not pass back unchanged are checked at every
// iteration: here the two arrays swap places, and the second is null or
// too short on the second iteration.
TEST(X86, PeeledLoopChecksArraysItsJumpReplaces) {
  Trace t = parse(R"([p0, p1, i2, i3]
label(p0, p1, i2, i3, descr=loop0)
i4 = getarrayitem_i(p0, i2, descr=IntArray)
i5 = int_sub(i3, 1)
i6 = int_gt(i5, 0)
guard_true(i6, descr=g0) [i2, i5]
label(p0, p1, i2, i5, descr=loop1)
i7 = getarrayitem_i(p0, i2, descr=IntArray)
setarrayitem(p0, i2, i5, descr=IntArray)
i8 = int_sub(i5, 1)
i9 = int_gt(i8, 0)
guard_true(i9, descr=g1) [i2, i8]
jump(p1, p0, i2, i8, descr=loop1)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (bool nullSecond : {false, true})
    for (int64_t i : {0, 1, 2})
      for (int64_t n : {2, 3, 4, 9})
        checkFresh(t, *code, [&] {
          return std::vector<Value>{Value::r(newArray<int64_t>({1, 2, 3})),
                                    Value::r(nullSecond ? nullptr : newArray<int64_t>({4, 5})), Value::i(i), Value::i(n)};
        }, "swapped arrays " + valueText(i) + " " + valueText(n));
}

TEST(X86, AllocationAndStrings) {
  RStr* s = ll_str_from_cstr("hey");
  Trace t = parse(R"([p0, i1, i2]
p3 = new_with_vtable(descr=FrameSize)
guard_class(p3, ConstPtr(frameVtable), descr=g0) []
setfield(p3, i1, descr=Frame.acc)
p4 = new(descr=PairSize)
i5 = strlen(p0)
i6 = strgetitem(p0, i2)
p7 = new_array(i1, descr=FloatArray)
i8 = arraylen(p7, descr=FloatArray)
f9 = getarrayitem_f(p7, 0, descr=FloatArray)
i10 = getfield_i(p3, descr=Frame.acc)
p11 = getfield_r(p3, descr=Frame.next)
i12 = ptr_eq(p3, p4)
i13 = ptr_ne(p3, p4)
i14 = getfield_i(p4, descr=Frame.acc)
guard_isnull(p11, descr=g1) []
finish(i5, i6, i8, f9, i10, i12, i13, i14)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (int64_t n : {int64_t{1}, int64_t{5}, int64_t{0}, int64_t{-1}, INT64_MIN, int64_t{1} << 50})
    for (int64_t i : {0, 2, 3, -1}) checkBoth(t, *code, {Value::r(s), Value::i(n), Value::i(i)}, "alloc " + valueText(n));
  checkBoth(t, *code, {Value::r(nullptr), Value::i(1), Value::i(0)}, "null string");
}

// --- calls and exceptions -------------------------------------------------------------

TEST(X86, CallsThroughFunctionsAndThunks) {
  Frame next{};
  Frame f{&kFrameVtable, 0, 0, &next, 0.0, 0, 0};
  Trace t = parse(R"([i0, i1, f2, p3]
i4 = call_i(i0, i1, descr=add2)
i5 = call_i(i0, i1, descr=add2T)
i6 = call_i(i0, i1, 3, i4, descr=sum4)
f7 = call_f(f2, i1, descr=scale)
f8 = call_f(f2, i1, descr=scaleT)
p9 = call_r(p3, descr=nextFrame)
call_n(i0, descr=countCall)
i10 = call_i(i0, i1, i4, i5, i6, 1, 2, -3, descr=many8T)
finish(i4, i5, i6, f7, f8, p9, i10)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (auto [a, b] : intPairs()) {
    int64_t before = gCalls;
    checkBoth(t, *code, {Value::i(a), Value::i(b), Value::f(1.5), Value::r(&f)}, "calls");
    EXPECT_EQ(gCalls, before + 2 * a);  // once per backend
  }
}

// interp calls through function pointers only up to 4 arguments; x86 calls
// any signature its kinds spell (here: some arguments on the stack).
TEST(X86, DirectCallWithManyMixedArguments) {
  Trace t = parse(R"([f0, i1, f2, i3, p4]
f5 = call_f(f0, i1, f2, i3, p4, 0.25, descr=mix6)
f6 = call_f(f5, 7, f5, i1, ConstPtr(null), f0, descr=mix6)
finish(f5, f6)
)");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  for (auto [a, b] : floatPairs()) {
    InterpResult r = code->run(std::vector<Value>{Value::f(a), Value::i(3), Value::f(b), Value::i(-4), Value::r(&gConstFrame)});
    ASSERT_EQ(r.exit, Exit::FINISH);
    double f5 = mix6(a, 3, b, -4, &gConstFrame, 0.25), f6 = mix6(f5, 7, f5, 3, nullptr, a);
    EXPECT_EQ(r.values[0], Value::f(f5).bits);
    EXPECT_EQ(r.values[1], Value::f(f6).bits);
  }
}

TEST(X86, CallsThatRaiseAndExceptionGuards) {
  for (const char* callee : {"checkedHalf", "halfT"}) {
    Trace t = parse(std::string(R"([i0]
i1 = call_i(i0, descr=)") + callee + R"()
guard_no_exception(descr=g0) [i0, i1]
i2 = call_i(i1, descr=)" + callee + R"()
p3 = guard_exception(ConstPtr(ValueError), descr=g1) [i2]
finish(i2, p3)
)");
    auto code = compileOk(t);
    ASSERT_TRUE(code);
    for (int64_t a : {int64_t{4}, int64_t{6}, int64_t{3}, int64_t{-8}}) {
      InterpResult want = runTrace(t, xd(), std::vector<Value>{Value::i(a)});
      void* wantType = ll_exc_type;
      ll_exc_clear();
      InterpResult got = code->run(std::vector<Value>{Value::i(a)});
      void* gotType = ll_exc_type;
      ll_exc_clear();
      EXPECT_EQ(wantType, gotType) << callee << " " << a;  // pending after a failing guard
      // Finish hands back the exception value: a fresh object per run.
      if (want.exit == Exit::FINISH && got.exit == Exit::FINISH) {
        ASSERT_EQ(got.values.size(), 2u);
        EXPECT_EQ(want.values[0], got.values[0]);
        auto* e = static_cast<TestExc*>(got.value(1).asRef());
        ASSERT_NE(e, nullptr);
        EXPECT_EQ(e->typeptr, &kExcVtables[LL_EXC_VALUE_ERROR]);
      } else {
        expectSame(want, got, std::string(callee) + " " + valueText(a));
      }
    }
  }
  // guard_exception of another class fails and leaves the exception pending.
  Trace k = parse(R"([i0]
i1 = call_i(i0, descr=checkedHalf)
p2 = guard_exception(ConstPtr(KeyError), descr=g0) [i0]
finish(p2)
)");
  auto code = compileOk(k);
  ASSERT_TRUE(code);
  InterpResult r = code->run(std::vector<Value>{Value::i(3)});
  EXPECT_EQ(r.exit, Exit::GUARD_FAILED);
  EXPECT_EQ(ll_exc_type, &kExcVtables[LL_EXC_VALUE_ERROR]);
  ll_exc_clear();
  checkBoth(k, *code, {Value::i(2)}, "no exception at all");
}

// --- refusals, memory protection, the GC ----------------------------------------------

TEST(X86, RefusesWhatItCannotCompileYet) {
  std::string why;
  Trace b = parse("[i0]\nguard_not_invalidated(descr=g0) []\nfinish(i0)\n");
  EXPECT_EQ(X86Code::compile(b, xd(), &why), nullptr);
  EXPECT_NE(why.find("guard_not_invalidated"), std::string::npos);
  Trace c = parse("[i0]\ni1 = call_i(descr=noFn)\nfinish(i1)\n");
  EXPECT_EQ(X86Code::compile(c, xd(), &why), nullptr);
  EXPECT_EQ(why, "op 0: call noFn has neither a thunk nor a function");
}

// W^X: the code's mapping is readable and executable, not writable.
TEST(X86, CodeIsMappedReadExecuteOnly) {
  Trace t = parse("[i0]\ni1 = int_add(i0, 1)\nfinish(i1)\n");
  auto code = compileOk(t);
  ASSERT_TRUE(code);
  EXPECT_GT(code->codeSize(), 0u);
  auto addr = reinterpret_cast<uintptr_t>(code->function());
  std::ifstream maps("/proc/self/maps");
  std::string line, perms;
  while (std::getline(maps, line)) {
    uintptr_t lo = 0, hi = 0;
    char dash;
    std::istringstream in(line);
    in >> std::hex >> lo >> dash >> hi >> perms;
    if (addr >= lo && addr < hi) break;
    perms.clear();
  }
  EXPECT_EQ(perms.substr(0, 3), "r-x") << line;
}

// ConstPtr operands are loaded from the code's GC-visible pool: an object
// only the compiled code references survives collections.
TEST(X86, ConstantObjectsStayAliveThroughTheCode) {
  std::unique_ptr<X86Code> code;
  {
    auto* f = static_cast<Frame*>(ll_malloc(sizeof(Frame)));
    f->acc = 4242;
    Trace t;
    Ref p = t.constPtr(f);
    Ref v = t.emit(Op::GETFIELD_I, {p}, *xd().find("Frame.acc"));
    t.emit(Op::FINISH, {v});
    code = compileOk(t);
    ASSERT_TRUE(code);
  }  // the trace (and its pool) is gone
  for (int k = 0; k < 3; k++) {
    ll_gc_collect();
    for (int j = 0; j < 10000; j++) static_cast<Frame*>(ll_malloc(sizeof(Frame)))->acc = -1;
  }
  InterpResult r = code->run(std::vector<Value>{});
  ASSERT_EQ(r.exit, Exit::FINISH);
  EXPECT_EQ(r.value(0).asInt(), 4242);
}
