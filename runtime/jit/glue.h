//===- glue.h - What the normal code of a --jit program calls -------------===//
// DESIGN §6, issue 5. The translated interpreter's own functions (not the
// traced twins, which include jitdriver.h) need only this: the word
// conversions of the values they hand to the JIT at its markers, the
// JIT-on flag tested inline there, and the quasi-immutable write hook.
// Kept small because every generated unit of a --jit program includes it.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace lathe::jit {

inline uint64_t bitsOf(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}
inline double doubleOf(uint64_t b) {
  double d;
  std::memcpy(&d, &b, sizeof d);
  return d;
}

/// A C++ value of the translated program as a 64-bit word (the greens and
/// reds the glue passes, call thunks' arguments): bools 0/1, chars 0..255,
/// integers sign-extended, doubles by bits, pointers by address.
template <class T>
uint64_t toWord(T x) {
  if constexpr (std::is_same_v<T, bool>) return x ? 1 : 0;
  else if constexpr (std::is_same_v<T, char>) return static_cast<unsigned char>(x);
  else if constexpr (std::is_integral_v<T>) return static_cast<uint64_t>(static_cast<int64_t>(x));
  else if constexpr (std::is_same_v<T, double>) return bitsOf(x);
  else return reinterpret_cast<uint64_t>(x);
}
template <class T>
T fromWord(uint64_t w) {
  if constexpr (std::is_same_v<T, bool>) return w != 0;
  else if constexpr (std::is_same_v<T, char>) return static_cast<char>(static_cast<unsigned char>(w));
  else if constexpr (std::is_integral_v<T>) return static_cast<T>(static_cast<int64_t>(w));
  else if constexpr (std::is_same_v<T, double>) return doubleOf(w);
  else return reinterpret_cast<T>(w);
}

/// False when the JIT is off (LATHE_JIT off=1, or set_param): the glue in
/// the normal portal tests it inline before calling enter().
extern bool gJitOn;

/// A write to quasi-immutable field `quasi` (any object): the compiled
/// traces that folded it are invalidated (their guard_not_invalidated
/// fail from now on; a loop is traced again when hot), and a trace being
/// recorded that folded it aborts ("force quasi-immut").
void quasiWrite(int64_t quasi);

}  // namespace lathe::jit
