//===- gc.cpp - Boehm GC set-up and allocation ------------------------------===//
// Thin layer over bdw-gc (see llgc.h for the contract). GC_MALLOC returns
// zeroed memory; GC_MALLOC_ATOMIC does not.
//===----------------------------------------------------------------------===//
#include "llgc.h"
#include "llio.h"
#include <gc/gc.h>
#include <cstdio>
#include <cstdlib>

static void* onOutOfMemory(size_t) { ll_fatal_oom(); }

void ll_fatal_oom() {
  std::fputs("fatal error: out of memory\n", stderr);
  std::fflush(stderr);
  std::_Exit(1);
}

void ll_gc_init() {
  static bool done = false;
  if (done) return;
  done = true;
  GC_INIT();
  GC_set_oom_fn(onOutOfMemory);
  // Boehm's own "GC Warning: Out of Memory! ..." lines would precede our
  // one clear message; the program's stderr is the user's.
  GC_set_warn_proc(GC_ignore_warn_proc);
}

void* ll_malloc(size_t size) {
  void* p = GC_MALLOC(size);
  if (!p) ll_fatal_oom();
  return p;
}

void* ll_malloc_atomic(size_t size) {
  void* p = GC_MALLOC_ATOMIC(size);
  if (!p) ll_fatal_oom();
  return p;
}

void ll_gc_collect() { GC_gcollect(); }

void ll_fatal_internal(const char* what) {
  ll_flush_stdout();
  std::fprintf(stderr, "fatal error: internal error in translated code: %s\n", what);
  std::abort();
}
