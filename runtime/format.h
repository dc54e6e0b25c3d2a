//===- format.h - String building and %-formatting -------------------------===//
// The RTyper lowers `"fmt" % args` with a constant format string into a
// sequence of calls on one LLStrBuilder: ll_sb_append for literal text, then
// one ll_fmt_* per conversion specifier, then ll_sb_build. The format string
// is parsed at translation time; the flags/width/precision reach us decoded:
//   flags      - LL_FMT_* bits ('-', '0', '+', ' ', '#')
//   width      - minimum field width (0 = none; a '*' width is the caller's
//                int argument, negative meaning '-' as CPython)
//   precision  - -1 = none
//   conv       - the conversion character
// Output is byte-for-byte CPython's (tests/runtime/golden/format.txt).
// rlib.objectmodel.StringBuilder also maps onto LLStrBuilder.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>

struct RStr;

/// A growable byte buffer in the GC heap (`buf` is atomic).
struct LLStrBuilder {
  int64_t length;
  int64_t capacity;
  char* buf;
};

LLStrBuilder* ll_sb_new(int64_t sizeHint = 16);
void ll_sb_append(LLStrBuilder* sb, RStr* s);
void ll_sb_append_char(LLStrBuilder* sb, char c);
void ll_sb_append_mem(LLStrBuilder* sb, const char* p, int64_t n);
void ll_sb_append_cstr(LLStrBuilder* sb, const char* p);
/// s[start:stop] appended (bounds already valid: 0 <= start <= stop <= len).
void ll_sb_append_slice(LLStrBuilder* sb, RStr* s, int64_t start, int64_t stop);
void ll_sb_append_multiple_char(LLStrBuilder* sb, char c, int64_t times);
inline int64_t ll_sb_length(LLStrBuilder* sb) { return sb->length; }
/// The built string (a copy: the builder stays usable).
RStr* ll_sb_build(LLStrBuilder* sb);

enum LLFmtFlags : int {
  LL_FMT_LEFT = 1,   ///< '-'
  LL_FMT_ZERO = 2,   ///< '0'
  LL_FMT_PLUS = 4,   ///< '+'
  LL_FMT_SPACE = 8,  ///< ' '
  LL_FMT_ALT = 16,   ///< '#'
};

/// %d %i %u %x %X %o of an int; %s and %r of an int (str(int), then string
/// padding and precision truncation as CPython does); %c of an int code
/// (0..255, else OverflowError "%c arg not in range(256)").
void ll_fmt_int(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                char conv, int64_t value);
/// %f %F %e %E %g %G of a float (default precision 6); %s and %r give
/// repr(x) with string padding/truncation.
void ll_fmt_float(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                  char conv, double value);
/// %s (the string) and %r (ll_str_repr) of a str; None prints "None".
void ll_fmt_str(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                char conv, RStr* value);
/// %c / %s of a char.
void ll_fmt_char(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                 char conv, char value);
/// %s / %r of a bool ("True"/"False"); %d gives 1/0 through ll_fmt_int.
void ll_fmt_bool(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                 char conv, bool value);
/// Pads `n` bytes at p to `width` (left/right by flags) after truncating to
/// `precision` — the %s rule — and appends.
void ll_fmt_padded(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                   const char* p, int64_t n);

// --- added for the RTyper's lowering of `%` (rtyper/rstr.cpp) ---------------
/// %d %i %u %x %X %o of an unsigned (r_uint): its unsigned value's digits;
/// %s %r: "r_uint(5)" as CPython prints rlib's r_uint (ll_uint_repr);
/// %f %e %g... of its value as a float; %c as ll_fmt_int.
void ll_fmt_uint(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                 char conv, uint64_t value);

/// Conversions that can fail report a *deferred* error code instead of
/// raising, so that the whole `%` lowers to non-raising calls followed by one
/// raising ll_fmt_build_checked (which must be the last operation when the
/// `%` is guarded by a try). Each takes the error so far and returns it when
/// non-zero (CPython stops at the first failing conversion), else its own.
enum LLFmtError : int64_t {
  LL_FMT_OK = 0,
  LL_FMT_ERR_C_RANGE = 1,    ///< OverflowError "%c arg not in range(256)"
  LL_FMT_ERR_FLOAT_INF = 2,  ///< OverflowError "cannot convert float infinity to integer"
  LL_FMT_ERR_FLOAT_NAN = 3,  ///< ValueError "cannot convert float NaN to integer"
};
/// %c of an int code (0..255; else LL_FMT_ERR_C_RANGE).
int64_t ll_fmt_int_c(LLStrBuilder* sb, int flags, int64_t width, int64_t value, int64_t err);
/// %d %i of a float: its truncation to an integer, printed exactly even
/// beyond int64 (CPython's int(x)); inf and nan are errors.
int64_t ll_fmt_float_d(LLStrBuilder* sb, int flags, int64_t width, int64_t precision,
                       char conv, double value, int64_t err);
/// ll_sb_build, or raises the deferred error `err` (then returns null).
RStr* ll_fmt_build_checked(LLStrBuilder* sb, int64_t err);
