//===- llmain.h - Start-up, argv and the recursion limit --------------------===//
// The generated main() is one call:
//   int main(int argc, char** argv) { return ll_main(argc, argv, fn_entry_point); }
// ll_main initialises the GC and the stack limit, builds argv as a list of
// str, calls the entry point, and on an uncaught exception prints it
// (ll_print_uncaught) and exits 1. The exit status is the entry point's
// result & 0xff, as sys.exit(n) gives under a POSIX OS. stdout is flushed
// before exit in every case.
//
// ll_stack_check(): generated code calls it at the entry of every function
// that can recurse. It compares the frame address with a limit fixed at
// start-up (the stack's rlimit, capped at 1 GiB, minus a 256 KiB margin for
// the runtime and libc) and raises RecursionError "maximum recursion depth
// exceeded" (a RuntimeError subclass, as CPython) instead of crashing.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include "rstr.h"

using LLEntryPoint = int64_t (*)(RList<RStr*>*);

int ll_main(int argc, char** argv, LLEntryPoint entry);
/// sys.argv as a list of str.
RList<RStr*>* ll_argv(int argc, char** argv);

/// Lowest frame address allowed (the stack grows down).
extern char* ll_stack_limit;
/// Sets ll_stack_limit from the current frame and the stack's rlimit.
/// ll_main calls it; tests may call it with a smaller `maxBytes`.
void ll_stack_init(int64_t maxBytes = 0);
/// Raises RecursionError; out of line, the cold path of ll_stack_check.
void ll_stack_overflow();
/// True (and RecursionError raised) when the stack is nearly exhausted.
inline bool ll_stack_check() {
  char* sp = static_cast<char*>(__builtin_frame_address(0));
  if (__builtin_expect(sp < ll_stack_limit, 0)) { ll_stack_overflow(); return true; }
  return false;
}
