//===- literals.cpp - Decoding RPy number and string literal tokens --------===//
// See literals.h. Escapes follow Python 3 (\N{...} is not supported and kept
// verbatim, as are unknown escapes such as "\d", which CPython only warns on).
//===----------------------------------------------------------------------===//
#include "frontend/grammar/literals.h"

#include <cstdlib>

namespace lathe::literals {

void appendUtf8(std::string &out, uint32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

static int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads exactly `n` hex digits at body[i..]; -1 if malformed.
static int64_t readHex(std::string_view body, size_t i, int n) {
  if (i + n > body.size()) return -1;
  int64_t v = 0;
  for (int k = 0; k < n; ++k) {
    int d = hexDigit(body[i + k]);
    if (d < 0) return -1;
    v = v * 16 + d;
  }
  return v;
}

// Appends a code point: a raw byte in bytes literals, UTF-8 in str ones.
static void appendUnit(std::string &out, uint32_t cp, bool isBytes) {
  if (isBytes) out += char(cp & 0xFF);
  else appendUtf8(out, cp);
}

static const char *simpleEscape(char c) {
  switch (c) {
  case '\n': return "";
  case '\\': return "\\";
  case '\'': return "'";
  case '"': return "\"";
  case 'a': return "\a";
  case 'b': return "\b";
  case 'f': return "\f";
  case 'n': return "\n";
  case 'r': return "\r";
  case 't': return "\t";
  case 'v': return "\v";
  }
  return nullptr;
}

// Decodes the escape whose backslash is at body[i]; returns the index after
// it, or 0 with `error` set.
static size_t decodeEscape(std::string_view body, size_t i, bool isBytes,
                           std::string &out, std::string &error) {
  char c = body[i + 1];
  if (c == '\r') // backslash-CRLF / backslash-CR: a line continuation
    return i + 2 + (i + 2 < body.size() && body[i + 2] == '\n');
  if (const char *s = simpleEscape(c)) {
    out += s;
    return i + 2;
  }
  if (c >= '0' && c <= '7') {
    uint32_t v = 0;
    size_t j = i + 1;
    for (; j < body.size() && j < i + 4 && body[j] >= '0' && body[j] <= '7'; ++j)
      v = v * 8 + uint32_t(body[j] - '0');
    appendUnit(out, v, isBytes);
    return j;
  }
  int width = c == 'x' ? 2 : (!isBytes && c == 'u') ? 4 : (!isBytes && c == 'U') ? 8 : 0;
  if (width == 0) { // unknown escape: kept verbatim, as Python does
    out += '\\';
    return i + 1;
  }
  int64_t v = readHex(body, i + 2, width);
  if (v < 0) {
    error = std::string("truncated \\") + c + " escape";
    return 0;
  }
  if (v > 0x10FFFF) {
    error = "illegal unicode character in \\U escape";
    return 0;
  }
  appendUnit(out, uint32_t(v), isBytes);
  return i + 2 + width;
}

bool decodeString(std::string_view token, StringValue &out, std::string &error) {
  size_t q = token.find_first_of("'\"");
  std::string_view prefix = token.substr(0, q);
  bool raw = prefix.find_first_of("rR") != std::string_view::npos;
  out.isBytes = prefix.find_first_of("bB") != std::string_view::npos;
  size_t quoteLen = token.size() - q >= 6 && token[q + 1] == token[q] &&
                            token[q + 2] == token[q]
                        ? 3
                        : 1;
  std::string_view body = token.substr(q + quoteLen, token.size() - q - 2 * quoteLen);
  out.value.clear();
  for (size_t i = 0; i < body.size();) {
    unsigned char c = static_cast<unsigned char>(body[i]);
    if (out.isBytes && c >= 0x80) {
      error = "bytes can only contain ASCII literal characters";
      return false;
    }
    if (c != '\\' || raw || i + 1 >= body.size()) {
      // Raw literals keep the backslash and the character it protects.
      if (c == '\\' && i + 1 < body.size()) out.value += body[i++];
      out.value += body[i++];
      continue;
    }
    i = decodeEscape(body, i, out.isBytes, out.value, error);
    if (i == 0) return false;
  }
  return true;
}

bool decodeInt(std::string_view token, int64_t &out) {
  unsigned base = 10;
  size_t i = 0;
  if (token.size() > 1 && token[0] == '0') {
    char p = char(token[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
    if (base != 10) i = 2;
  }
  uint64_t v = 0;
  for (; i < token.size(); ++i) {
    if (token[i] == '_') continue;
    uint64_t d = uint64_t(hexDigit(token[i]));
    if (v > (uint64_t(INT64_MAX) - d) / base) return false;
    v = v * base + d;
  }
  out = int64_t(v);
  return true;
}

double decodeFloat(std::string_view token) {
  std::string digits;
  for (char c : token)
    if (c != '_') digits += c;
  return std::strtod(digits.c_str(), nullptr);
}

std::string escapeForPrint(std::string_view s) {
  static const char hex[] = "0123456789abcdef";
  std::string out;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (c) {
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    case '\\': out += "\\\\"; break;
    case '"': out += "\\\""; break;
    default:
      if (c >= 0x20 && c < 0x7f) {
        out += ch;
      } else {
        out += "\\x";
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
  }
  return out;
}

} // namespace lathe::literals
