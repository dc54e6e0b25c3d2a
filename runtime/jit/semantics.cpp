//===- semantics.cpp - The concrete meaning of trace IR operations --------===//
// See semantics.h.
//===----------------------------------------------------------------------===//
#include "jit/semantics.h"

#include <cmath>
#include <cstring>
#include <type_traits>
#include <utility>

#include "jit/recorder.h"  // AnyVal::toBits / fromBits

namespace lathe::jit {

namespace {

// --- calls through CallDescr function pointers (as interp.cpp does) --------------

template <class R, class... A>
struct Invoker {
  template <size_t... K>
  static uint64_t call(void* fn, const uint64_t* args, std::index_sequence<K...>) {
    auto f = reinterpret_cast<R (*)(A...)>(fn);
    if constexpr (std::is_void_v<R>) {
      f(AnyVal::fromBits<A>(args[K])...);
      return 0;
    } else {
      return AnyVal::toBits<R>(f(AnyVal::fromBits<A>(args[K])...));
    }
  }
};

template <class R, class... A>
bool callWithArgs(const CallDescr& c, const uint64_t* args, uint64_t& out) {
  constexpr size_t n = sizeof...(A);
  if (n == c.argKinds.size()) {
    out = Invoker<R, A...>::call(c.fn, args, std::index_sequence_for<A...>{});
    return true;
  }
  if constexpr (n < kMaxCallArgs) {
    switch (c.argKinds[n]) {
      case Kind::INT: return callWithArgs<R, A..., int64_t>(c, args, out);
      case Kind::REF: return callWithArgs<R, A..., void*>(c, args, out);
      case Kind::FLOAT: return callWithArgs<R, A..., double>(c, args, out);
      case Kind::VOID: return false;
    }
  }
  return false;
}

}  // namespace

bool callDescrBits(const CallDescr& c, const uint64_t* args, uint64_t& out) {
  if (c.thunk) {
    out = c.thunk(args);
    return true;
  }
  if (!c.fn || c.argKinds.size() > kMaxCallArgs) return false;
  switch (c.result) {
    case Kind::INT: return callWithArgs<int64_t>(c, args, out);
    case Kind::REF: return callWithArgs<void*>(c, args, out);
    case Kind::FLOAT: return callWithArgs<double>(c, args, out);
    case Kind::VOID: return callWithArgs<void>(c, args, out);
  }
  return false;
}

// --- concrete semantics (interp.cpp's) ---------------------------------------------
namespace {
uint64_t u(int64_t a) { return static_cast<uint64_t>(a); }
int64_t s(uint64_t a) { return static_cast<int64_t>(a); }
}  // namespace

int64_t evalIntOp(Op op, int64_t a, int64_t b) {
  switch (op) {
    case Op::INT_ADD: return s(u(a) + u(b));
    case Op::INT_SUB: return s(u(a) - u(b));
    case Op::INT_MUL: return s(u(a) * u(b));
    case Op::INT_FLOORDIV: return b == 0 ? 0 : (b == -1 ? s(0 - u(a)) : a / b);
    case Op::INT_MOD: return b == 0 || b == -1 ? 0 : a % b;
    case Op::INT_AND: return a & b;
    case Op::INT_OR: return a | b;
    case Op::INT_XOR: return a ^ b;
    case Op::INT_LSHIFT: return s(u(a) << (b & 63));
    case Op::INT_RSHIFT: return a >> (b & 63);
    case Op::INT_NEG: return s(0 - u(a));
    case Op::INT_INVERT: return ~a;
    case Op::INT_LT: return a < b;
    case Op::INT_LE: return a <= b;
    case Op::INT_EQ: return a == b;
    case Op::INT_NE: return a != b;
    case Op::INT_GT: return a > b;
    case Op::INT_GE: return a >= b;
    case Op::INT_IS_TRUE: return a != 0;
    case Op::UINT_LT: return u(a) < u(b);
    case Op::UINT_LE: return u(a) <= u(b);
    case Op::UINT_GE: return u(a) >= u(b);
    case Op::UINT_GT: return u(a) > u(b);
    case Op::UINT_RSHIFT: return s(u(a) >> (b & 63));
    case Op::UINT_FLOORDIV: return b == 0 ? 0 : s(u(a) / u(b));
    case Op::UINT_MOD: return b == 0 ? 0 : s(u(a) % u(b));
    default: return 0;
  }
}

double evalFloatOp(Op op, double a, double b) {
  switch (op) {
    case Op::FLOAT_ADD: return a + b;
    case Op::FLOAT_SUB: return a - b;
    case Op::FLOAT_MUL: return a * b;
    case Op::FLOAT_TRUEDIV: return a / b;
    case Op::FLOAT_NEG: return -a;
    case Op::FLOAT_ABS: return std::fabs(a);
    default: return 0;
  }
}

int64_t evalFloatCmp(Op op, double a, double b) {
  switch (op) {
    case Op::FLOAT_LT: return a < b;
    case Op::FLOAT_LE: return a <= b;
    case Op::FLOAT_EQ: return a == b;
    case Op::FLOAT_NE: return a != b;
    case Op::FLOAT_GT: return a > b;
    case Op::FLOAT_GE: return a >= b;
    default: return 0;
  }
}

int64_t floatToInt(double v) {
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<int64_t>(v);
}

int64_t readInt(const char* p, uint8_t size, bool isSigned) {
  switch (size) {
    case 1: { uint8_t x; std::memcpy(&x, p, 1); return isSigned ? int64_t{static_cast<int8_t>(x)} : int64_t{x}; }
    case 2: { uint16_t x; std::memcpy(&x, p, 2); return isSigned ? int64_t{static_cast<int16_t>(x)} : int64_t{x}; }
    case 4: { uint32_t x; std::memcpy(&x, p, 4); return isSigned ? int64_t{static_cast<int32_t>(x)} : int64_t{x}; }
    default: { int64_t x; std::memcpy(&x, p, 8); return x; }
  }
}

void writeInt(char* p, uint8_t size, int64_t v) {
  switch (size) {
    case 1: { auto x = static_cast<uint8_t>(v); std::memcpy(p, &x, 1); return; }
    case 2: { auto x = static_cast<uint16_t>(v); std::memcpy(p, &x, 2); return; }
    case 4: { auto x = static_cast<uint32_t>(v); std::memcpy(p, &x, 4); return; }
    default: std::memcpy(p, &v, 8); return;
  }
}

uint64_t loadBits(const char* p, Kind kind, uint8_t size, bool isSigned) {
  if (kind == Kind::INT) return u(readInt(p, size, isSigned));
  uint64_t bits;
  std::memcpy(&bits, p, 8);
  return bits;
}

void storeBits(char* p, Kind kind, uint8_t size, uint64_t bits) {
  if (kind == Kind::INT) return writeInt(p, size, s(bits));
  std::memcpy(p, &bits, 8);
}


}  // namespace lathe::jit
