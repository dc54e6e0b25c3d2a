//===- exceptions.cpp - Exception state, built-in raising, tracebacks -------===//
// See llexc.h. The built-in table comes from builtin_exceptions.def; the
// instances come from the generated program through ll_builtin_exc_factory.
//===----------------------------------------------------------------------===//
#include "llexc.h"
#include "rstr.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

void* ll_exc_type = nullptr;
void* ll_exc_value = nullptr;
void* (*ll_builtin_exc_factory)(LLBuiltinExc, RStr*) = nullptr;
LLExcInfo (*ll_exc_describe)(void*, void*) = nullptr;

namespace {
const char* const kNames[] = {
#define LL_BUILTIN_EXC(E, Name, Parent) #Name,
#include "builtin_exceptions.def"
#undef LL_BUILTIN_EXC
};
// Parents resolved by name once: the .def names the parent class, which is
// what generated code needs; this maps it back to a kind.
LLBuiltinExc kParents[LL_EXC__COUNT];
bool parentsReady = false;

constexpr int kindOf(const char* name) {
#define LL_BUILTIN_EXC(E, Name, Parent) if (std::string_view(name) == #Name) return LL_EXC_##E;
#include "builtin_exceptions.def"
#undef LL_BUILTIN_EXC
  return -1;
}
// ORDER EXC: every parent row precedes its children.
#define LL_BUILTIN_EXC(E, Name, Parent) \
  static_assert(kindOf(#Parent) >= 0 && kindOf(#Parent) <= LL_EXC_##E, #Name " parent order");
#include "builtin_exceptions.def"
#undef LL_BUILTIN_EXC

void initParents() {
  if (parentsReady) return;
  const char* parentNames[] = {
#define LL_BUILTIN_EXC(E, Name, Parent) #Parent,
#include "builtin_exceptions.def"
#undef LL_BUILTIN_EXC
  };
  for (int k = 0; k < LL_EXC__COUNT; k++)
    kParents[k] = static_cast<LLBuiltinExc>(kindOf(parentNames[k]));
  parentsReady = true;
}
}  // namespace

const char* ll_builtin_exc_name(LLBuiltinExc kind) { return kNames[kind]; }

LLBuiltinExc ll_builtin_exc_parent(LLBuiltinExc kind) {
  initParents();
  return kParents[kind];
}

void ll_raise(void* value) {
  ll_exc_value = value;
  ll_exc_type = *static_cast<void**>(value);  // first word: typeptr
}

void ll_raise_builtin(LLBuiltinExc kind, RStr* msg) {
  if (!ll_builtin_exc_factory) {
    // A runtime built without a program: nothing can catch this.
    ll_print_uncaught(ll_builtin_exc_name(kind), msg);
    std::exit(1);
  }
  ll_raise(ll_builtin_exc_factory(kind, msg));
}

void ll_raise_builtin_c(LLBuiltinExc kind, const char* msg) {
  ll_raise_builtin(kind, msg ? ll_str_from_cstr(msg) : nullptr);
}

void ll_print_uncaught(const char* typeName, RStr* message) {
  std::fputs("Traceback (most recent call last):\n"
             "  (frames of translated RPy code are not recorded)\n", stderr);
  std::fputs(typeName, stderr);
  if (message && message->length > 0) {
    std::fputs(": ", stderr);
    std::fwrite(message->chars, 1, static_cast<size_t>(message->length), stderr);
  }
  std::fputc('\n', stderr);
  std::fflush(stderr);
}
