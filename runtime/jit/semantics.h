//===- semantics.h - The concrete meaning of trace IR operations ----------===//
// Shared by the recorder (computing while it records, and folding
// constants) and the interp backend (executing traces): one definition, so a
// folded constant is exactly what the recorded op computes when executed.
// Defined for every input: integer ops wrap, x/0 and x%0 give 0, shift
// counts are taken mod 64, cast_float_to_int of NaN or out-of-range values
// gives INT64_MIN. Values travel as 64-bit patterns (ints, doubles' bits,
// pointers).
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>

#include "jit/trace.h"

namespace lathe::jit {

/// Integer and unsigned ops of the table (binary, unary with `b` ignored,
/// comparisons giving 0/1); 0 for other ops.
int64_t evalIntOp(Op op, int64_t a, int64_t b);
/// float_add/sub/mul/truediv/neg/abs; 0 for other ops.
double evalFloatOp(Op op, double a, double b);
/// float comparisons, 0/1.
int64_t evalFloatCmp(Op op, double a, double b);
int64_t floatToInt(double v);

/// Memory access through descriptors: an INT of `size` bytes (sign- or
/// zero-extended), or a whole 64-bit FLOAT/REF.
int64_t readInt(const char* p, uint8_t size, bool isSigned);
void writeInt(char* p, uint8_t size, int64_t v);
uint64_t loadBits(const char* p, Kind kind, uint8_t size, bool isSigned);
void storeBits(char* p, Kind kind, uint8_t size, uint64_t bits);

/// Calls a CallDescr's function with arguments given as bit patterns (up to
/// kMaxCallArgs, any mix of int/ref/float); false for an unsupported
/// signature.
constexpr size_t kMaxCallArgs = 4;
/// Calls through CallDescr::thunk with up to this many arguments pass them
/// in a stack array (more: a heap array).
constexpr size_t kMaxThunkArgs = 32;
bool callDescrBits(const CallDescr& c, const uint64_t* args, uint64_t& out);

}  // namespace lathe::jit
