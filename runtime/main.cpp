//===- main.cpp - ll_main, argv and the stack limit -------------------------===//
// The start-up recipe of every translated program (llmain.h):
//   ll_gc_init -> ll_stack_init -> fault handler -> ll_argv -> entry ->
//   uncaught? -> flush
//===----------------------------------------------------------------------===//
#include "llmain.h"
#include "llexc.h"
#include "llgc.h"
#include "llio.h"
#include <csignal>
#include <cstdlib>
#include <sys/resource.h>
#include <unistd.h>

char* ll_stack_limit = nullptr;

void (*ll_jit_set_param_hook)(RStr* name, int64_t value, RStr* text) = nullptr;

void ll_stack_init(int64_t maxBytes) {
  if (maxBytes <= 0) {
    struct rlimit rl;
    maxBytes = 8 << 20;  // Linux's usual default when the limit is unknown
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
      maxBytes = static_cast<int64_t>(rl.rlim_cur);
    if (maxBytes > (int64_t{1} << 30)) maxBytes = int64_t{1} << 30;
    maxBytes -= 256 << 10;  // margin for the runtime, libc and signal frames
  }
  char* here = static_cast<char*>(__builtin_frame_address(0));
  ll_stack_limit = here - maxBytes;
}

void ll_stack_overflow() {
  ll_raise_builtin_c(LL_EXC_RECURSION_ERROR, "maximum recursion depth exceeded");
}

RList<RStr*>* ll_argv(int argc, char** argv) {
  RList<RStr*>* l = ll_list_new<RStr*>(argc);
  for (int i = 0; i < argc; i++) l->items->items[i] = ll_str_from_cstr(argv[i]);
  return l;
}

/// Prints the pending exception as CPython's uncaught-exception report.
static void reportUncaught() {
  LLExcInfo info{"Exception", nullptr};
  if (ll_exc_describe) info = ll_exc_describe(ll_exc_type, ll_exc_value);
  ll_flush_stdout();
  ll_print_uncaught(info.typeName, info.message);
}

/// A memory fault in translated code (RPy programs may use a value that is
/// None as an object, as RPython's may): instead of a bare "Segmentation
/// fault", flush what the program printed, say what happened, exit 1.
/// Runs on its own stack so a fault from stack exhaustion is reported too;
/// SA_RESETHAND: a second fault (in the flush) takes the default action.
static void onMemoryFault(int) {
  ll_flush_stdout();
  static const char msg[] =
      "fatal error: memory fault in the translated program (a None value used as an object "
      "or container?)\n";
  ssize_t w = ::write(2, msg, sizeof msg - 1);
  (void)w;
  _exit(1);
}

static void installFaultHandler() {
  static char altStack[64 << 10];
  stack_t ss{};
  ss.ss_sp = altStack;
  ss.ss_size = sizeof altStack;
  sigaltstack(&ss, nullptr);
  struct sigaction sa{};
  sa.sa_handler = onMemoryFault;
  sa.sa_flags = SA_ONSTACK | SA_RESETHAND;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGSEGV, &sa, nullptr);
  sigaction(SIGBUS, &sa, nullptr);
}

int ll_main(int argc, char** argv, LLEntryPoint entry) {
  ll_gc_init();
  ll_stack_init();
  installFaultHandler();
  int64_t result = entry(ll_argv(argc, argv));
  if (ll_exc_occurred()) {
    reportUncaught();
    std::exit(1);
  }
  ll_flush_stdout();
  return static_cast<int>(result & 0xff);
}
