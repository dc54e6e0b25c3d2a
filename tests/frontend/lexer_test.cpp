// lexer_test.cpp - golden token streams of the RPy token source
// (frontend/grammar/token_source.cpp): indentation, implicit line joining,
// continuation lines, and every literal form with its decoded value.
// Regenerate a golden by printing dumpTokens() and reviewing the diff.
#include "frontend/grammar/token_dump.h"

#include <gtest/gtest.h>

namespace lathe {
namespace {

std::string lex(const std::string &text) {
  SourceManager sm;
  Diagnostics d(sm);
  uint32_t id = sm.add("t.py", text);
  std::string out = dumpTokens(id, d);
  return out + d.renderAll();
}

TEST(Lexer, Simple) {
  EXPECT_EQ(lex("x = 1\n"
      ""),
            R"golden(1:1 NAME 'x'
1:3 ASSIGN '='
1:5 INTEGER '1' = 1
1:6 NEWLINE
2:1 EOF
)golden");
}

TEST(Lexer, NestedBlocksDedentSeveralLevels) {
  EXPECT_EQ(lex("def f(x):\n"
      "    if x:\n"
      "        while x:\n"
      "            x -= 1\n"
      "    return x\n"
      "y = 2\n"
      ""),
            R"golden(1:1 DEF 'def'
1:5 NAME 'f'
1:6 LPAR '('
1:7 NAME 'x'
1:8 RPAR ')'
1:9 COLON ':'
1:10 NEWLINE
2:5 INDENT
2:5 IF 'if'
2:8 NAME 'x'
2:9 COLON ':'
2:10 NEWLINE
3:9 INDENT
3:9 WHILE 'while'
3:15 NAME 'x'
3:16 COLON ':'
3:17 NEWLINE
4:13 INDENT
4:13 NAME 'x'
4:15 SUB_ASSIGN '-='
4:18 INTEGER '1' = 1
4:19 NEWLINE
5:5 DEDENT
5:5 DEDENT
5:5 RETURN 'return'
5:12 NAME 'x'
5:13 NEWLINE
6:1 DEDENT
6:1 NAME 'y'
6:3 ASSIGN '='
6:5 INTEGER '2' = 2
6:6 NEWLINE
7:1 EOF
)golden");
}

TEST(Lexer, BlankAndCommentLinesInsideBlock) {
  EXPECT_EQ(lex("if a:\n"
      "    b = 1\n"
      "\n"
      "    # comment\n"
      "        # deeper comment\n"
      "\n"
      "    c = 2  # trailing\n"
      "# col 0 comment\n"
      "d = 3\n"
      ""),
            R"golden(1:1 IF 'if'
1:4 NAME 'a'
1:5 COLON ':'
1:6 NEWLINE
2:5 INDENT
2:5 NAME 'b'
2:7 ASSIGN '='
2:9 INTEGER '1' = 1
2:10 NEWLINE
7:5 NAME 'c'
7:7 ASSIGN '='
7:9 INTEGER '2' = 2
7:22 NEWLINE
9:1 DEDENT
9:1 NAME 'd'
9:3 ASSIGN '='
9:5 INTEGER '3' = 3
9:6 NEWLINE
10:1 EOF
)golden");
}

TEST(Lexer, ImplicitJoiningInBrackets) {
  EXPECT_EQ(lex("x = (1,\n"
      "  2) + [3,\n"
      "4] + {5:\n"
      "        6}\n"
      "y = 0\n"
      ""),
            R"golden(1:1 NAME 'x'
1:3 ASSIGN '='
1:5 LPAR '('
1:6 INTEGER '1' = 1
1:7 COMMA ','
2:3 INTEGER '2' = 2
2:4 RPAR ')'
2:6 PLUS '+'
2:8 LSQB '['
2:9 INTEGER '3' = 3
2:10 COMMA ','
3:1 INTEGER '4' = 4
3:2 RSQB ']'
3:4 PLUS '+'
3:6 LBRACE '{'
3:7 INTEGER '5' = 5
3:8 COLON ':'
4:9 INTEGER '6' = 6
4:10 RBRACE '}'
4:11 NEWLINE
5:1 NAME 'y'
5:3 ASSIGN '='
5:5 INTEGER '0' = 0
5:6 NEWLINE
6:1 EOF
)golden");
}

TEST(Lexer, BackslashContinuation) {
  EXPECT_EQ(lex("if a and \\\n"
      "   b:\n"
      "    x = 1 + \\\n"
      "2\n"
      ""),
            R"golden(1:1 IF 'if'
1:4 NAME 'a'
1:6 AND 'and'
2:4 NAME 'b'
2:5 COLON ':'
2:6 NEWLINE
3:5 INDENT
3:5 NAME 'x'
3:7 ASSIGN '='
3:9 INTEGER '1' = 1
3:11 PLUS '+'
4:1 INTEGER '2' = 2
4:2 NEWLINE
5:1 DEDENT
5:1 EOF
)golden");
}

TEST(Lexer, EofWithoutTrailingNewline) {
  EXPECT_EQ(lex("if a:\n"
      "    b"),
            R"golden(1:1 IF 'if'
1:4 NAME 'a'
1:5 COLON ':'
1:6 NEWLINE
2:5 INDENT
2:5 NAME 'b'
2:6 NEWLINE
2:6 DEDENT
2:6 EOF
)golden");
}

TEST(Lexer, EofInsideIndentedBlocks) {
  EXPECT_EQ(lex("class A:\n"
      "    def f(self):\n"
      "        pass\n"
      ""),
            R"golden(1:1 CLASS 'class'
1:7 NAME 'A'
1:8 COLON ':'
1:9 NEWLINE
2:5 INDENT
2:5 DEF 'def'
2:9 NAME 'f'
2:10 LPAR '('
2:11 NAME 'self'
2:15 RPAR ')'
2:16 COLON ':'
2:17 NEWLINE
3:9 INDENT
3:9 PASS 'pass'
3:13 NEWLINE
4:1 DEDENT
4:1 DEDENT
4:1 EOF
)golden");
}

TEST(Lexer, Tabs) {
  EXPECT_EQ(lex("if a:\n"
      "\tb = 1\n"
      "\tif c:\n"
      "\t\td = 2\n"
      ""),
            R"golden(1:1 IF 'if'
1:4 NAME 'a'
1:5 COLON ':'
1:6 NEWLINE
2:2 INDENT
2:2 NAME 'b'
2:4 ASSIGN '='
2:6 INTEGER '1' = 1
2:7 NEWLINE
3:2 IF 'if'
3:5 NAME 'c'
3:6 COLON ':'
3:7 NEWLINE
4:3 INDENT
4:3 NAME 'd'
4:5 ASSIGN '='
4:7 INTEGER '2' = 2
4:8 NEWLINE
5:1 DEDENT
5:1 DEDENT
5:1 EOF
)golden");
}

TEST(Lexer, CrLfLineEndings) {
  EXPECT_EQ(lex("if a:\x0d""\n"
      "    b = 1\x0d""\n"
      "c = 2\x0d""\n"
      ""),
            R"golden(1:1 IF 'if'
1:4 NAME 'a'
1:5 COLON ':'
1:6 NEWLINE
2:5 INDENT
2:5 NAME 'b'
2:7 ASSIGN '='
2:9 INTEGER '1' = 1
2:10 NEWLINE
3:1 DEDENT
3:1 NAME 'c'
3:3 ASSIGN '='
3:5 INTEGER '2' = 2
3:6 NEWLINE
4:1 EOF
)golden");
}

TEST(Lexer, EmptyFileAndOnlyComments) {
  EXPECT_EQ(lex("# nothing\n"
      "\n"
      ""),
            R"golden(3:1 EOF
)golden");
}

TEST(Lexer, IntegerForms) {
  EXPECT_EQ(lex("a = 0, 42, 1_000_000, 0x1F, 0XfF, 0o17, 0O7, 0b101, 0B1_0, 00, 9223372036854775807\n"
      ""),
            R"golden(1:1 NAME 'a'
1:3 ASSIGN '='
1:5 INTEGER '0' = 0
1:6 COMMA ','
1:8 INTEGER '42' = 42
1:10 COMMA ','
1:12 INTEGER '1_000_000' = 1000000
1:21 COMMA ','
1:23 INTEGER '0x1F' = 31
1:27 COMMA ','
1:29 INTEGER '0XfF' = 255
1:33 COMMA ','
1:35 INTEGER '0o17' = 15
1:39 COMMA ','
1:41 INTEGER '0O7' = 7
1:44 COMMA ','
1:46 INTEGER '0b101' = 5
1:51 COMMA ','
1:53 INTEGER '0B1_0' = 2
1:58 COMMA ','
1:60 INTEGER '00' = 0
1:62 COMMA ','
1:64 INTEGER '9223372036854775807' = 9223372036854775807
1:83 NEWLINE
2:1 EOF
)golden");
}

TEST(Lexer, FloatForms) {
  EXPECT_EQ(lex("a = 1.5, 1e10, .5, 5., 1_000.5, 1E-3, 2.5e+2, 0.0\n"
      ""),
            R"golden(1:1 NAME 'a'
1:3 ASSIGN '='
1:5 FLOAT '1.5' = 1.5
1:8 COMMA ','
1:10 FLOAT '1e10' = 1e+10
1:14 COMMA ','
1:16 FLOAT '.5' = 0.5
1:18 COMMA ','
1:20 FLOAT '5.' = 5
1:22 COMMA ','
1:24 FLOAT '1_000.5' = 1000.5
1:31 COMMA ','
1:33 FLOAT '1E-3' = 0.001
1:37 COMMA ','
1:39 FLOAT '2.5e+2' = 250
1:45 COMMA ','
1:47 FLOAT '0.0' = 0
1:50 NEWLINE
2:1 EOF
)golden");
}

TEST(Lexer, StringQuotesAndPrefixes) {
  EXPECT_EQ(lex("s = 'a', \"b\", '''c\n"
      "d''', \"\"\"e\"f\"\"\", r'\\n', R\"\\t\", b'x', B\"y\", rb'\\d', Br\"\\e\", u'z', U\"w\"\n"
      ""),
            R"golden(1:1 NAME 's'
1:3 ASSIGN '='
1:5 STRING ''a'' = "a"
1:8 COMMA ','
1:10 STRING '\"b\"' = "b"
1:13 COMMA ','
1:15 STRING ''''c\nd'''' = "c\nd"
2:5 COMMA ','
2:7 STRING '\"\"\"e\"f\"\"\"' = "e\"f"
2:16 COMMA ','
2:18 STRING 'r'\\n'' = "\\n"
2:23 COMMA ','
2:25 STRING 'R\"\\t\"' = "\\t"
2:30 COMMA ','
2:32 STRING 'b'x'' = b"x"
2:36 COMMA ','
2:38 STRING 'B\"y\"' = b"y"
2:42 COMMA ','
2:44 STRING 'rb'\\d'' = b"\\d"
2:50 COMMA ','
2:52 STRING 'Br\"\\e\"' = b"\\e"
2:58 COMMA ','
2:60 STRING 'u'z'' = "z"
2:64 COMMA ','
2:66 STRING 'U\"w\"' = "w"
2:70 NEWLINE
3:1 EOF
)golden");
}

TEST(Lexer, StringEscapes) {
  EXPECT_EQ(lex("s = \"\\n\\t\\\\\\'\\\"\\x41\\101\\0\\a\\b\\f\\v\\r\\q\"\n"
      ""),
            R"golden(1:1 NAME 's'
1:3 ASSIGN '='
1:5 STRING '\"\\n\\t\\\\\\'\\\"\\x41\\101\\0\\a\\b\\f\\v\\r\\q\"' = "\n\t\\'\"AA\x00\x07\x08\x0c\x0b\r\\q"
1:39 NEWLINE
2:1 EOF
)golden");
}

TEST(Lexer, UnicodeEscapesEncodeUtf8) {
  EXPECT_EQ(lex("s = \"\\u00e9\\U0001F600\\xff\"\n"
      "b = b\"\\xff\\u00e9\"\n"
      ""),
            R"golden(1:1 NAME 's'
1:3 ASSIGN '='
1:5 STRING '\"\\u00e9\\U0001F600\\xff\"' = "\xc3\xa9\xf0\x9f\x98\x80\xc3\xbf"
1:27 NEWLINE
2:1 NAME 'b'
2:3 ASSIGN '='
2:5 STRING 'b\"\\xff\\u00e9\"' = b"\xff\\u00e9"
2:18 NEWLINE
3:1 EOF
)golden");
}

TEST(Lexer, BackslashNewlineInStrings) {
  EXPECT_EQ(lex("s = \"ab\\\n"
      "cd\" + \"\"\"x\\\n"
      "y\"\"\"\n"
      ""),
            R"golden(1:1 NAME 's'
1:3 ASSIGN '='
1:5 STRING '\"ab\\\ncd\"' = "abcd"
2:5 PLUS '+'
2:7 STRING '\"\"\"x\\\ny\"\"\"' = "xy"
3:5 NEWLINE
4:1 EOF
)golden");
}

TEST(Lexer, RawStringKeepsBackslashes) {
  EXPECT_EQ(lex("s = r\"a\\\"b\\\\\"\n"
      ""),
            R"golden(1:1 NAME 's'
1:3 ASSIGN '='
1:5 STRING 'r\"a\\\"b\\\\\"' = "a\\\"b\\\\"
1:14 NEWLINE
2:1 EOF
)golden");
}

TEST(Lexer, Operators) {
  EXPECT_EQ(lex("a += b -= c *= d /= e //= f %= g **= h <<= i >>= j &= k |= l ^= m\n"
      "x = a ** b // c << d >> e <= f >= g == h != i -> j\n"
      ""),
            R"golden(1:1 NAME 'a'
1:3 ADD_ASSIGN '+='
1:6 NAME 'b'
1:8 SUB_ASSIGN '-='
1:11 NAME 'c'
1:13 MUL_ASSIGN '*='
1:16 NAME 'd'
1:18 DIV_ASSIGN '/='
1:21 NAME 'e'
1:23 FLOORDIV_ASSIGN '//='
1:27 NAME 'f'
1:29 MOD_ASSIGN '%='
1:32 NAME 'g'
1:34 DOUBLE_STAR_ASSIGN '**='
1:38 NAME 'h'
1:40 LSHIFT_ASSIGN '<<='
1:44 NAME 'i'
1:46 RSHIFT_ASSIGN '>>='
1:50 NAME 'j'
1:52 AND_ASSIGN '&='
1:55 NAME 'k'
1:57 OR_ASSIGN '|='
1:60 NAME 'l'
1:62 XOR_ASSIGN '^='
1:65 NAME 'm'
1:66 NEWLINE
2:1 NAME 'x'
2:3 ASSIGN '='
2:5 NAME 'a'
2:7 DOUBLE_STAR '**'
2:10 NAME 'b'
2:12 FLOORDIV '//'
2:15 NAME 'c'
2:17 LSHIFT '<<'
2:20 NAME 'd'
2:22 RSHIFT '>>'
2:25 NAME 'e'
2:27 LE '<='
2:30 NAME 'f'
2:32 GE '>='
2:35 NAME 'g'
2:37 EQ '=='
2:40 NAME 'h'
2:42 NE '!='
2:45 NAME 'i'
2:47 ARROW '->'
2:50 NAME 'j'
2:51 NEWLINE
3:1 EOF
)golden");
}

TEST(Lexer, Keywords) {
  EXPECT_EQ(lex("not and or is in None True False lambda del global nonlocal assert\n"
      ""),
            R"golden(1:1 NOT 'not'
1:5 AND 'and'
1:9 OR 'or'
1:12 IS 'is'
1:15 IN 'in'
1:18 NONE 'None'
1:23 TRUE 'True'
1:28 FALSE 'False'
1:34 LAMBDA 'lambda'
1:41 DEL 'del'
1:45 GLOBAL 'global'
1:52 NONLOCAL 'nonlocal'
1:61 ASSERT 'assert'
1:67 NEWLINE
2:1 EOF
)golden");
}

} // namespace
} // namespace lathe

