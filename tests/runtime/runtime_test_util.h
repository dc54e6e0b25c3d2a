//===- runtime_test_util.h - Shared helpers of the runtime tests -----------===//
// A stand-in for what generated code provides: a built-in exception
// factory (TestExc instances whose typeptr is &kTestVtables[kind]) and an
// ll_exc_describe hook; plus golden-table reading (tab-separated lines, hex
// strings, IEEE bits) for the tables gen_goldens.py makes with python3.
//===----------------------------------------------------------------------===//
#pragma once
#include <gtest/gtest.h>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>
#include "lathe_rt.h"

namespace rt_test {

/// The fake class hierarchy: one vtable byte per built-in kind.
inline char kTestVtables[LL_EXC__COUNT];

struct TestExc {
  void* typeptr;
  LLBuiltinExc kind;
  RStr* msg;
};

inline void* testFactory(LLBuiltinExc kind, RStr* msg) {
  auto* e = static_cast<TestExc*>(ll_malloc(sizeof(TestExc)));
  e->typeptr = &kTestVtables[kind];
  e->kind = kind;
  e->msg = msg;
  return e;
}

inline LLExcInfo testDescribe(void*, void* value) {
  auto* e = static_cast<TestExc*>(value);
  return {ll_builtin_exc_name(e->kind), e->msg};
}

/// Installs the hooks once (a static initialiser in each test file).
inline bool installRuntime() {
  ll_gc_init();
  ll_builtin_exc_factory = testFactory;
  ll_exc_describe = testDescribe;
  return true;
}
inline bool runtimeReady = installRuntime();

inline std::string str(RStr* s) { return s ? std::string(s->chars, s->length) : "<None>"; }
inline RStr* rs(const std::string& s) { return ll_str_from(s.data(), static_cast<int64_t>(s.size())); }

/// The pending exception as "Kind: message" (cleared), or "" when none.
inline std::string takeExc() {
  if (!ll_exc_occurred()) return "";
  auto* e = static_cast<TestExc*>(ll_exc_value);
  EXPECT_EQ(ll_exc_type, static_cast<void*>(&kTestVtables[e->kind]));
  std::string r = ll_builtin_exc_name(e->kind);
  if (e->msg) r += ": " + str(e->msg);
  ll_exc_clear();
  return r;
}

inline std::vector<std::string> splitTabs(const std::string& line) {
  std::vector<std::string> out;
  size_t start = 0;
  for (;;) {
    size_t t = line.find('\t', start);
    out.push_back(line.substr(start, t - start));
    if (t == std::string::npos) return out;
    start = t + 1;
  }
}

inline std::string unhex(const std::string& h) {
  if (h == "-") return "";
  std::string out;
  for (size_t i = 0; i + 1 < h.size(); i += 2) out += static_cast<char>(std::stoi(h.substr(i, 2), nullptr, 16));
  return out;
}

inline double doubleFromHexBits(const std::string& h) {
  uint64_t bits = std::stoull(h, nullptr, 16);
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

/// Lines of golden/<name>.txt split at tabs.
inline std::vector<std::vector<std::string>> golden(const std::string& name) {
  std::ifstream in(std::string(LATHE_TESTS_DIR) + "/runtime/golden/" + name + ".txt");
  EXPECT_TRUE(in.good()) << "missing golden " << name;
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) rows.push_back(splitTabs(line));
  return rows;
}

}  // namespace rt_test
