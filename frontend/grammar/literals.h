//===- literals.h - Decoding RPy number and string literal tokens ----------===//
// Used by the AST builder (and the token dump of the lexer tests) to turn the
// text of an INTEGER, FLOAT or STRING token into its value. Pure functions,
// no ANTLR dependency.
//
// String values are byte strings: a `str` literal's code points are stored
// as UTF-8 (so '\xff' and '\u00ff' both give the bytes C3 BF), a `bytes`
// literal's escapes give raw bytes. Raw literals keep every backslash.
//===----------------------------------------------------------------------===//
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lathe::literals {

/// The decoded value of one STRING token.
struct StringValue {
  std::string value;
  bool isBytes = false;
};

/// Decodes a STRING token (prefix and quotes included). On a malformed
/// escape returns false and sets `error` to a user-facing message.
bool decodeString(std::string_view token, StringValue &out, std::string &error);

/// Decodes an INTEGER token (decimal, 0x, 0o, 0b, underscores). Returns
/// false when the value does not fit in int64.
bool decodeInt(std::string_view token, int64_t &out);

/// Decodes a FLOAT token (underscores allowed).
double decodeFloat(std::string_view token);

/// Appends code point `cp` to `out` as UTF-8.
void appendUtf8(std::string &out, uint32_t cp);

/// `s` with C-style escapes for quotes, backslashes and non-printable bytes,
/// for deterministic golden output.
std::string escapeForPrint(std::string_view s);

} // namespace lathe::literals
