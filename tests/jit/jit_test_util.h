//===- jit_test_util.h - Shared fixtures of the JIT runtime tests ---------===//
// A stand-in for what jitgen will emit: a C++ struct with FieldDescrs over
// it, arrays in the runtime's RArray layout, residual call targets (one
// raises through ll_raise_builtin_c), size descrs, loop tokens and named
// pointer constants; plus the runtime hooks generated code installs (an
// exception factory whose instances' typeptr is &kExcVtables[kind]).
//===----------------------------------------------------------------------===//
#pragma once
#include <gtest/gtest.h>
#include <cstddef>
#include <string>
#include "jit/trace.h"
#include "jit/trace_text.h"
#include "lathe_rt.h"

namespace jit_test {
using namespace lathe::jit;

/// The interpreter frame the traces below read and write.
struct Frame {
  void* typeptr;
  int64_t acc;
  int64_t reg;
  Frame* next;
  double x;
  int32_t small;
  uint8_t flag;
};

inline char kFrameVtable, kOtherVtable;  // two "classes"
inline char kExcVtables[LL_EXC__COUNT];  // one per built-in exception kind

struct TestExc {
  void* typeptr;
  LLBuiltinExc kind;
  RStr* msg;
};

inline void* excFactory(LLBuiltinExc kind, RStr* msg) {
  auto* e = static_cast<TestExc*>(ll_malloc(sizeof(TestExc)));
  e->typeptr = &kExcVtables[kind];
  e->kind = kind;
  e->msg = msg;
  return e;
}

inline bool installRuntime() {
  ll_gc_init();
  ll_builtin_exc_factory = excFactory;
  return true;
}
inline bool runtimeReady = installRuntime();

// --- residual call targets (C types spelled by their CallDescr kinds) ------------
inline int64_t add2(int64_t a, int64_t b) { return a + b; }
inline int64_t sum4(int64_t a, int64_t b, int64_t c, int64_t d) { return a + 10 * b + 100 * c + 1000 * d; }
inline void* nextFrame(void* f) { return static_cast<Frame*>(f)->next; }
inline int64_t checkedHalf(int64_t a) {  // raises ValueError on odd numbers
  if (a % 2) {
    ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "odd");
    return 0;
  }
  return a / 2;
}
inline double scale(double x, int64_t k) { return x * static_cast<double>(k); }
inline int64_t gCalls = 0;
inline void countCall(int64_t by) { gCalls += by; }

template <class F>
void* fnPtr(F* f) { return reinterpret_cast<void*>(f); }

/// The descriptor table every JIT test uses.
inline DescrTable makeDescrs() {
  DescrTable d;
  d.add(FieldDescr{"Frame.acc", offsetof(Frame, acc), Kind::INT, 8, true, false});
  d.add(FieldDescr{"Frame.reg", offsetof(Frame, reg), Kind::INT, 8, true, false});
  d.add(FieldDescr{"Frame.next", offsetof(Frame, next), Kind::REF, 8, true, false});
  d.add(FieldDescr{"Frame.x", offsetof(Frame, x), Kind::FLOAT, 8, true, false});
  d.add(FieldDescr{"Frame.small", offsetof(Frame, small), Kind::INT, 4, true, false});
  d.add(FieldDescr{"Frame.flag", offsetof(Frame, flag), Kind::INT, 1, false, false});
  d.add(ArrayDescr{"IntArray", Kind::INT, 8, true, 8, 0, false});
  d.add(ArrayDescr{"PtrArray", Kind::REF, 8, true, 8, 0, false});
  d.add(ArrayDescr{"FloatArray", Kind::FLOAT, 8, true, 8, 0, false});
  d.add(ArrayDescr{"ByteArray", Kind::INT, 1, false, 8, 0, false});
  d.add(CallDescr{"add2", fnPtr(add2), {Kind::INT, Kind::INT}, Kind::INT, {false, true}});
  d.add(CallDescr{"sum4", fnPtr(sum4), {Kind::INT, Kind::INT, Kind::INT, Kind::INT}, Kind::INT, {false, false}});
  d.add(CallDescr{"nextFrame", fnPtr(nextFrame), {Kind::REF}, Kind::REF, {false, true}});
  d.add(CallDescr{"checkedHalf", fnPtr(checkedHalf), {Kind::INT}, Kind::INT, {true, false}});
  d.add(CallDescr{"scale", fnPtr(scale), {Kind::FLOAT, Kind::INT}, Kind::FLOAT, {false, true}});
  d.add(CallDescr{"countCall", fnPtr(countCall), {Kind::INT}, Kind::VOID, {false, false}});
  d.add(SizeDescr{"FrameSize", sizeof(Frame), &kFrameVtable});
  d.add(SizeDescr{"PairSize", 16, nullptr});
  d.add(LoopDescr{"loop0", std::nullopt});
  d.add(LoopDescr{"loop1", std::nullopt});
  d.add(LoopDescr{"outer", std::vector<Kind>{Kind::INT, Kind::REF}});
  // A PairSize object's two words, as pointers (Frame.acc reads the second as an int).
  d.add(FieldDescr{"Pair.head", 0, Kind::REF, 8, true, false});
  d.add(FieldDescr{"Pair.tail", 8, Kind::REF, 8, true, false});
  d.namePointer("frameVtable", &kFrameVtable);
  d.namePointer("otherVtable", &kOtherVtable);
  d.namePointer("ValueError", &kExcVtables[LL_EXC_VALUE_ERROR]);
  d.namePointer("KeyError", &kExcVtables[LL_EXC_KEY_ERROR]);
  return d;
}

inline const DescrTable& descrs() {
  static const DescrTable d = makeDescrs();
  return d;
}

/// Parses text that must be valid; fails the test with the diagnostics otherwise.
inline Trace parseOk(const std::string& text) {
  ParseResult r = parseTrace(text, descrs());
  EXPECT_TRUE(r.trace.has_value()) << r.errorText(text);
  return r.trace ? std::move(*r.trace) : Trace{};
}

/// The diagnostics for text that must be rejected ("" if it parsed).
inline std::string parseErrors(const std::string& text, ParseOptions opts = {}) {
  ParseResult r = parseTrace(text, descrs(), opts);
  std::string out;
  for (const ParseDiag& e : r.errors) out += e.str() + "\n";
  return out;
}

}  // namespace jit_test
