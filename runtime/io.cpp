//===- io.cpp - os.*, print() buffering and time ----------------------------===//
// See llio.h for the stdout policy: print() output is buffered here and
// flushed before any os.write/os.read and at exit, so fd 1 sees program order.
//===----------------------------------------------------------------------===//
#include "llio.h"
#include "format.h"
#include "llexc.h"
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <thread>
#include <unistd.h>

namespace {
char outBuf[8192];
size_t outLen = 0;

/// write(2) all of [p, p+n) to fd, retrying on EINTR and short writes.
bool writeAll(int fd, const char* p, size_t n) {
  while (n > 0) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

/// OSError "[Errno N] strerror", with ": 'filename'" when given.
void raiseOSError(int err, RStr* filename) {
  LLStrBuilder* sb = ll_sb_new(64);
  char head[32];
  std::snprintf(head, sizeof head, "[Errno %d] ", err);
  ll_sb_append_cstr(sb, head);
  ll_sb_append_cstr(sb, std::strerror(err));
  if (filename) {
    ll_sb_append_cstr(sb, ": ");
    ll_sb_append(sb, ll_str_repr(filename));
  }
  ll_raise_builtin(LL_EXC_OS_ERROR, ll_sb_build(sb));
}
}  // namespace

void ll_flush_stdout() {
  if (outLen == 0) return;
  writeAll(1, outBuf, outLen);  // like CPython at exit, errors are dropped
  outLen = 0;
}

void ll_print_cstr(const char* s, int64_t n) {
  if (outLen + static_cast<size_t>(n) > sizeof outBuf) {
    ll_flush_stdout();
    if (static_cast<size_t>(n) > sizeof outBuf) { writeAll(1, s, static_cast<size_t>(n)); return; }
  }
  std::memcpy(outBuf + outLen, s, static_cast<size_t>(n));
  outLen += static_cast<size_t>(n);
}

void ll_print_raw(RStr* s) { ll_print_cstr(s->chars, s->length); }
void ll_print_char(char c) { ll_print_cstr(&c, 1); }
void ll_print_str(RStr* s) {
  ll_print_raw(s);
  ll_print_char('\n');
}

int64_t ll_os_write(int64_t fd, RStr* s) {
  ll_flush_stdout();
  ssize_t w;
  do w = ::write(static_cast<int>(fd), s->chars, static_cast<size_t>(s->length));
  while (w < 0 && errno == EINTR);
  if (w < 0) { raiseOSError(errno, nullptr); return 0; }
  return w;
}

RStr* ll_os_read(int64_t fd, int64_t n) {
  ll_flush_stdout();
  if (n < 0) { ll_raise_builtin_c(LL_EXC_VALUE_ERROR, "negative buffersize in read"); return nullptr; }
  RStr* buf = ll_str_new(n);
  ssize_t r;
  do r = ::read(static_cast<int>(fd), buf->chars, static_cast<size_t>(n));
  while (r < 0 && errno == EINTR);
  if (r < 0) { raiseOSError(errno, nullptr); return nullptr; }
  if (r == n) return buf;
  return ll_str_from(buf->chars, r);
}

int64_t ll_os_open(RStr* path, int64_t flags, int64_t mode) {
  int fd;
  do fd = ::open(path->chars, static_cast<int>(flags) | O_CLOEXEC, static_cast<mode_t>(mode));
  while (fd < 0 && errno == EINTR);
  if (fd < 0) { raiseOSError(errno, path); return -1; }
  return fd;
}

void ll_os_close(int64_t fd) {
  if (::close(static_cast<int>(fd)) < 0) raiseOSError(errno, nullptr);
}

int64_t ll_os_flag(const char* name) {
  struct Flag { const char* name; int64_t value; };
  static const Flag flags[] = {
      {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
      {"O_CREAT", O_CREAT},   {"O_TRUNC", O_TRUNC},   {"O_APPEND", O_APPEND},
      {"O_EXCL", O_EXCL},
  };
  for (const Flag& f : flags)
    if (std::strcmp(f.name, name) == 0) return f.value;
  return -1;
}

double ll_time_time() {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

double ll_time_perf_counter() {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

void ll_time_sleep(double secs) {
  if (secs > 0) std::this_thread::sleep_for(std::chrono::duration<double>(secs));
}
