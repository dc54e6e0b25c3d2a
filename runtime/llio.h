//===- llio.h - I/O, time and process support for translated programs ------===//
// os.write/read/open/close raise OSError with CPython's message
// "[Errno N] strerror" (e.g. "[Errno 9] Bad file descriptor").
//
// print(): output is collected in a stdout buffer of the runtime (one write
// per 8 KiB, not one per print) and flushed (a) before every os.write and
// os.read, (b) when the buffer fills, (c) at exit, uncaught exception
// included. So everything written to fd 1 appears in program order.
// CPython differs when stdout is a pipe *and* it runs buffered: print()
// output then stays in its 8 KiB buffer and an os.write(1, ...) issued
// later overtakes it. With PYTHONUNBUFFERED=1 (or -u), and on a terminal
// (line-buffered), CPython also shows program order. Differential tests must
// therefore run CPython unbuffered: reproducing TextIOWrapper's flush policy
// byte-for-byte would couple the runtime to CPython internals (see README).
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include "rstr.h"

/// os.write(fd, s) -> bytes written.
int64_t ll_os_write(int64_t fd, RStr* s);
/// os.read(fd, n) -> up to n bytes ("" at end of file).
RStr* ll_os_read(int64_t fd, int64_t n);
/// os.open(path, flags, mode) -> fd; OSError "[Errno 2] No such file or
/// directory: 'path'" as CPython (the path's repr appended).
int64_t ll_os_open(RStr* path, int64_t flags, int64_t mode);
void ll_os_close(int64_t fd);
/// The values of os.O_* flags on this platform, for the RTyper's constants.
int64_t ll_os_flag(const char* name);

/// print(s): s and a newline to the stdout buffer.
void ll_print_str(RStr* s);
/// Parts of print(a, b, end=...): append without the newline.
void ll_print_raw(RStr* s);
void ll_print_char(char c);
void ll_print_cstr(const char* s, int64_t n);
/// Writes the stdout buffer out (also called at exit).
void ll_flush_stdout();

/// time.time(): seconds since the epoch.
double ll_time_time();
/// time.perf_counter(): monotonic seconds.
double ll_time_perf_counter();
/// time.sleep(secs)
void ll_time_sleep(double secs);
