//===- token_dump.h - The RPy token stream as text, for tests ---------------===//
// One token per line: `line:col TYPE` then, for names, keywords and
// operators, the source text in quotes; for literals the decoded value
// (`INTEGER 0x1f = 31`, `STRING 'a\n' = "a\n"`, bytes as b"..."). Lexical
// errors go to `diags` as in parseModule. No ANTLR types in this header.
//===----------------------------------------------------------------------===//
#pragma once
#include "frontend/source.h"

#include <string>

namespace lathe {

std::string dumpTokens(uint32_t fileId, Diagnostics &diags);

} // namespace lathe
