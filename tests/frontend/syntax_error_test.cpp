// syntax_error_test.cpp - golden rendered diagnostics for RPy syntax
// errors (lexical, grammatical and the AST builder's checks), plus
// robustness: binary garbage, NUL bytes, truncation and deep nesting must
// produce errors, never a crash or a hang.
#include "tests/frontend/test_util.h"

#include <gtest/gtest.h>

namespace lathe {
namespace {

using test::parseErrors;

TEST(SyntaxError, InvalidSyntax) {
  EXPECT_EQ(parseErrors("x = = 1\n"
      ""),
            R"golden(t.py:1:5: error: invalid syntax
x = = 1
    ^
)golden");
}

TEST(SyntaxError, TwoIndependentErrors) {
  EXPECT_EQ(parseErrors("x = = 1\n"
      "y = 2\n"
      "z = 3 +\n"
      ""),
            R"golden(t.py:1:5: error: invalid syntax
x = = 1
    ^
t.py:3:8: error: invalid syntax
z = 3 +
       ^
)golden");
}

TEST(SyntaxError, UnexpectedIndent) {
  EXPECT_EQ(parseErrors("x = 1\n"
      "    y = 2\n"
      "z = 3\n"
      ""),
            R"golden(t.py:2:5: error: unexpected indent
    y = 2
    ^
)golden");
}

TEST(SyntaxError, ExpectedIndentedBlock) {
  EXPECT_EQ(parseErrors("def f():\n"
      "return 1\n"
      ""),
            R"golden(t.py:2:1: error: expected an indented block
return 1
^
)golden");
}

TEST(SyntaxError, ExpectedIndentedBlockAtEof) {
  EXPECT_EQ(parseErrors("if x:\n"
      ""),
            R"golden(t.py:1:6: error: expected an indented block
if x:
     ^
)golden");
}

TEST(SyntaxError, UnindentMismatch) {
  EXPECT_EQ(parseErrors("if x:\n"
      "    a = 1\n"
      "  b = 2\n"
      ""),
            R"golden(t.py:3:3: error: unindent does not match any outer indentation level
  b = 2
  ^
)golden");
}

TEST(SyntaxError, InconsistentTabs) {
  EXPECT_EQ(parseErrors("if x:\n"
      "\tif y:\n"
      "        pass\n"
      ""),
            R"golden(t.py:3:9: error: inconsistent use of tabs and spaces in indentation
        pass
        ^
)golden");
}

TEST(SyntaxError, UnterminatedString) {
  EXPECT_EQ(parseErrors("s = \"abc\n"
      "t = 'x\n"
      ""),
            R"golden(t.py:1:5: error: unterminated string literal
s = "abc
    ^
t.py:2:5: error: unterminated string literal
t = 'x
    ^
)golden");
}

TEST(SyntaxError, UnterminatedTripleQuotedString) {
  EXPECT_EQ(parseErrors("x = 1\n"
      "s = \"\"\"abc\n"
      "\n"
      "more\n"
      ""),
            R"golden(t.py:2:5: error: unterminated triple-quoted string
s = """abc
    ^
)golden");
}

TEST(SyntaxError, UnmatchedParen) {
  EXPECT_EQ(parseErrors("x = (1, 2))\n"
      ""),
            R"golden(t.py:1:11: error: unmatched ')'
x = (1, 2))
          ^
)golden");
}

TEST(SyntaxError, NeverClosed) {
  EXPECT_EQ(parseErrors("f(1,\n"
      "  2\n"
      ""),
            R"golden(t.py:1:2: error: '(' was never closed
f(1,
 ^
)golden");
}

TEST(SyntaxError, MismatchedBrackets) {
  EXPECT_EQ(parseErrors("x = [1, 2)\n"
      ""),
            R"golden(t.py:1:10: error: closing parenthesis ')' does not match opening parenthesis '['
x = [1, 2)
         ^
)golden");
}

TEST(SyntaxError, InvalidCharacter) {
  EXPECT_EQ(parseErrors("x = $\n"
      "y = a ? b\n"
      ""),
            R"golden(t.py:1:5: error: invalid character '$'
x = $
    ^
t.py:2:7: error: invalid character '?'
y = a ? b
      ^
)golden");
}

TEST(SyntaxError, IntegerTooLarge) {
  EXPECT_EQ(parseErrors("x = 9223372036854775808\n"
      "y = 0xffffffffffffffffff\n"
      "z = 9223372036854775807\n"
      ""),
            R"golden(t.py:1:5: error: integer literal too large
x = 9223372036854775808
    ^
t.py:2:5: error: integer literal too large
y = 0xffffffffffffffffff
    ^
)golden");
}

TEST(SyntaxError, CannotAssignToCall) {
  EXPECT_EQ(parseErrors("f() = 1\n"
      ""),
            R"golden(t.py:1:1: error: cannot assign to function call
f() = 1
^
)golden");
}

TEST(SyntaxError, CannotAssignToLiteralAndOperator) {
  EXPECT_EQ(parseErrors("1 = x\n"
      "a + b = c\n"
      "for f() in y: pass\n"
      ""),
            R"golden(t.py:1:1: error: cannot assign to literal
1 = x
^
t.py:2:1: error: cannot assign to expression
a + b = c
^
t.py:3:5: error: cannot assign to function call
for f() in y: pass
    ^
)golden");
}

TEST(SyntaxError, CannotDelete) {
  EXPECT_EQ(parseErrors("del f()\n"
      ""),
            R"golden(t.py:1:5: error: cannot delete function call
del f()
    ^
)golden");
}

TEST(SyntaxError, AugAssignTuple) {
  EXPECT_EQ(parseErrors("a, b += 1\n"
      ""),
            R"golden(t.py:1:1: error: illegal expression for augmented assignment
a, b += 1
^
)golden");
}

TEST(SyntaxError, ExpectedColon) {
  EXPECT_EQ(parseErrors("if x\n"
      "    pass\n"
      ""),
            R"golden(t.py:1:5: error: expected ':'
if x
    ^
)golden");
}

TEST(SyntaxError, BytesAndStrMixed) {
  EXPECT_EQ(parseErrors("x = b\"a\" \"b\"\n"
      ""),
            R"golden(t.py:1:10: error: cannot mix bytes and nonbytes literals
x = b"a" "b"
         ^
)golden");
}

TEST(SyntaxError, BadEscape) {
  EXPECT_EQ(parseErrors("x = '\\xZ'\n"
      ""),
            R"golden(t.py:1:5: error: truncated \x escape
x = '\xZ'
    ^
)golden");
}

TEST(SyntaxError, BadParameters) {
  EXPECT_EQ(parseErrors("def f(a=1, b): pass\n"
      "def g(a, a): pass\n"
      "def h(*): pass\n"
      ""),
            R"golden(t.py:1:12: error: non-default argument follows default argument
def f(a=1, b): pass
           ^
t.py:2:10: error: duplicate argument 'a' in function definition
def g(a, a): pass
         ^
t.py:3:7: error: named arguments must follow bare *
def h(*): pass
      ^
)golden");
}

TEST(SyntaxError, BadArguments) {
  EXPECT_EQ(parseErrors("f(a=1, 2)\n"
      "f(x for x in y, 1)\n"
      ""),
            R"golden(t.py:1:8: error: positional argument follows keyword argument
f(a=1, 2)
       ^
t.py:2:3: error: generator expression must be parenthesized
f(x for x in y, 1)
  ^
)golden");
}

TEST(SyntaxError, MultipleStarred) {
  EXPECT_EQ(parseErrors("a, *b, *c = d\n"
      ""),
            R"golden(t.py:1:8: error: multiple starred expressions in assignment
a, *b, *c = d
       ^
)golden");
}

TEST(SyntaxError, KeywordAsName) {
  EXPECT_EQ(parseErrors("class = 1\n"
      ""),
            R"golden(t.py:1:7: error: invalid syntax
class = 1
      ^
)golden");
}

TEST(SyntaxError, LineContinuationGarbage) {
  EXPECT_EQ(parseErrors("x = 1 \\ 2\n"
      ""),
            R"golden(t.py:1:7: error: unexpected character after line continuation character
x = 1 \ 2
      ^
)golden");
}

TEST(SyntaxError, InvalidNonAsciiCharacter) {
  EXPECT_NE(parseErrors("x = \xe2\x82\xac\n").find("t.py:1:5: error: invalid character '\xe2\x82\xac' (U+20AC)"),
            std::string::npos);
  EXPECT_NE(parseErrors("y = \xff\n").find("t.py:1:5: error: invalid utf-8 byte 0xff"), std::string::npos);
}

TEST(SyntaxError, BinaryGarbageDoesNotCrash) {
  std::string text;
  uint32_t x = 12345;
  for (int i = 0; i < 100000; ++i) {
    x = x * 1103515245 + 12345;
    text += char(x >> 16);
  }
  test::ParsedText p(text);
  EXPECT_FALSE(p.module);
  EXPECT_TRUE(p.diags.hasErrors());
}

TEST(SyntaxError, NulBytesAndTruncation) {
  std::string text("def f(x):\n    return x\0", 23);
  EXPECT_FALSE(test::ParsedText(text).module);
  EXPECT_FALSE(test::ParsedText("def f(x").module);
  EXPECT_FALSE(test::ParsedText("class").module);
  EXPECT_TRUE(test::ParsedText("").module);
}

TEST(SyntaxError, DeepNestingIsRejectedNotOverflowed) {
  EXPECT_EQ(parseErrors("x = " + std::string(10000, '(') + "\n"),
            "t.py:1:205: error: too many nested parentheses\n"
            "x = " + std::string(10000, '(') + "\n" + std::string(204, ' ') + "^\n");
  EXPECT_FALSE(test::ParsedText("x = " + std::string(10000, '[') + std::string(10000, ']')).module);
  std::string nots;
  for (int i = 0; i < 5000; ++i) nots += "not ";
  EXPECT_FALSE(test::ParsedText("x = " + nots + "y\n").module);
  std::string minus(100000, '-');
  EXPECT_FALSE(test::ParsedText("x = " + minus + "y\n").module);
  std::string pows;
  for (int i = 0; i < 5000; ++i) pows += "2 ** ";
  EXPECT_FALSE(test::ParsedText("x = " + pows + "2\n").module);
  std::string sum = "x = 1";
  for (int i = 0; i < 100000; ++i) sum += " + 1";
  EXPECT_FALSE(test::ParsedText(sum + "\n").module);
}

TEST(SyntaxError, DeepIndentationIsRejected) {
  std::string text;
  for (int i = 0; i < 150; ++i) text += std::string(size_t(i), ' ') + "if x:\n";
  text += std::string(150, ' ') + "pass\n";
  test::ParsedText p(text);
  EXPECT_FALSE(p.module);
  EXPECT_NE(p.errors().find("too many levels of indentation"), std::string::npos);
}

TEST(SyntaxError, VeryLongLine) {
  std::string text = "x = [" ;
  for (int i = 0; i < 200000; ++i) text += "1, ";
  text += "]\n";
  EXPECT_TRUE(test::ParsedText(text).module);
}

} // namespace
} // namespace lathe

