//===- llexc.h - The exception state of translated programs ---------------===//
// DESIGN §5: no C++ throw on the hot path. A raised exception is a pair of
// globals — ll_exc_type (the vtable pointer of the instance's class) and
// ll_exc_value (the instance) — and generated code checks ll_exc_occurred()
// after every call that can raise, then either handles it (isinstance range
// check on ll_exc_type, ll_exc_clear()) or returns to its caller.
// Runtime helpers that raise set the pair and return a dummy value (0, null);
// the caller must check before using it.
//
// Built-in exceptions (builtin_exceptions.def) belong to the program's class
// hierarchy, which the C++ backend generates. The runtime raises them through
// ll_builtin_exc_factory, a hook the generated code installs: it builds an
// instance of the class for `kind` with `msg` as its (single) argument. The
// instance's first word must be its typeptr (DESIGN §5 instance layout);
// ll_raise_builtin reads it to fill ll_exc_type.
// For uncaught exceptions ll_main asks ll_exc_describe (also installed by
// generated code) for the class name and str() of the pending exception.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>

struct RStr;

/// Built-in exception kinds, one per row of builtin_exceptions.def.
enum LLBuiltinExc : int {
#define LL_BUILTIN_EXC(E, Name, Parent) LL_EXC_##E,
#include "builtin_exceptions.def"
#undef LL_BUILTIN_EXC
  LL_EXC__COUNT
};

/// Python name of a built-in kind ("ValueError").
const char* ll_builtin_exc_name(LLBuiltinExc kind);
/// Parent kind of a built-in kind (BASE_EXCEPTION is its own parent).
LLBuiltinExc ll_builtin_exc_parent(LLBuiltinExc kind);

extern void* ll_exc_type;   ///< vtable of the pending exception, or null
extern void* ll_exc_value;  ///< the pending exception instance, or null

inline bool ll_exc_occurred() { return ll_exc_type != nullptr; }
inline void ll_exc_clear() { ll_exc_type = nullptr; ll_exc_value = nullptr; }
/// Raises `value` whose first word is its typeptr.
void ll_raise(void* value);

/// Hook: returns a new instance of built-in class `kind` with message `msg`
/// (null msg = raised without arguments). Installed by generated code.
extern void* (*ll_builtin_exc_factory)(LLBuiltinExc kind, RStr* msg);
/// Raises built-in `kind` with message `msg` (may be null).
void ll_raise_builtin(LLBuiltinExc kind, RStr* msg);
/// Same, with a C string message.
void ll_raise_builtin_c(LLBuiltinExc kind, const char* msg);

/// What a traceback prints about an exception.
struct LLExcInfo { const char* typeName; RStr* message; };
/// Hook: class name and str() of an exception instance. Installed by
/// generated code; without it, ll_main prints "Exception" and no message.
extern LLExcInfo (*ll_exc_describe)(void* type, void* value);

/// Prints an uncaught exception to stderr as CPython's last traceback lines:
///   Traceback (most recent call last):
///     File "<translated>", in <RPy program>   (frames are not tracked)
///   ValueError: message        (or "ValueError" when message is empty)
void ll_print_uncaught(const char* typeName, RStr* message);
