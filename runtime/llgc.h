//===- llgc.h - Allocation for translated programs ------------------------===//
// Every GC object of a translated program is allocated here, in the Boehm
// (bdw-gc) heap: conservative, non-moving, mark-sweep.
//  * ll_malloc(n)        - may hold GC pointers; returned memory is zeroed.
//  * ll_malloc_atomic(n) - pointer-free data (string bytes, int arrays); the
//                          GC never scans it and Boehm does NOT zero it: the
//                          caller initialises every byte it will read.
// Out of memory prints "fatal error: out of memory" to stderr and exits 1
// (installed by ll_gc_init through GC_set_oom_fn; never returns null).
// Roots: thread stacks, registers and the static data (.data/.bss) of the
// executable and its shared libraries are scanned by Boehm by default, so
// prebuilt constants emitted as ordinary static variables need no
// registration. Memory from plain malloc/new is NOT scanned: never keep the
// only pointer to a GC object there.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstddef>
#include <cstdint>

/// Initialises the collector; call once from the main thread before any
/// allocation (ll_main does).
void ll_gc_init();
/// Allocates `size` zeroed bytes that the collector scans for pointers.
__attribute__((malloc, returns_nonnull, alloc_size(1))) void* ll_malloc(size_t size);
/// Allocates `size` bytes the collector never scans; NOT zeroed.
__attribute__((malloc, returns_nonnull, alloc_size(1))) void* ll_malloc_atomic(size_t size);
/// Runs a full collection (tests, and rlib's gc hooks later).
void ll_gc_collect();
/// Prints the fatal out-of-memory message and exits with status 1.
[[noreturn]] void ll_fatal_oom();
