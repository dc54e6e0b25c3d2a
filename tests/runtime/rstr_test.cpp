// Tests of runtime/rstr*.cpp: str methods against python3 (golden/
// strmethods.txt: random ASCII strings, every method, repr of any byte),
// plus the representation invariants and error messages.
#include "runtime_test_util.h"

using namespace rt_test;

namespace {
std::string listText(RStrList* l) {
  if (l->length == 0) return "[]";
  std::string out;
  static const char* hexd = "0123456789abcdef";
  for (int64_t i = 0; i < l->length; i++) {
    if (i) out += ',';
    RStr* s = l->items->items[i];
    if (s->length == 0) out += '-';
    for (int64_t k = 0; k < s->length; k++) {
      unsigned char u = static_cast<unsigned char>(s->chars[k]);
      out += hexd[u >> 4];
      out += hexd[u & 15];
    }
  }
  return out;
}

std::string hexOf(RStr* s) {
  RStrList* l = ll_list_new<RStr*>(0);
  ll_list_append(l, s);
  return listText(l);
}

RStrList* parseList(const std::string& text) {
  RStrList* l = ll_list_new<RStr*>(0);
  if (text == "[]") return l;
  for (size_t start = 0;;) {
    size_t c = text.find(',', start);
    ll_list_append(l, rs(unhex(text.substr(start, c - start))));
    if (c == std::string::npos) return l;
    start = c + 1;
  }
}

std::string b(bool v) { return v ? "True" : "False"; }

/// Evaluates one golden row with the runtime; returns the encoded result.
std::string evalRow(const std::vector<std::string>& r) {
  const std::string& op = r[0];
  RStr* s = rs(unhex(r[1]));
  auto arg = [&](size_t i) { return rs(unhex(r[i])); };
  auto num = [&](size_t i) { return std::stoll(r[i]); };
  if (op == "split") return listText(ll_str_split(s, num(2)));
  if (op == "split_sep") return listText(ll_str_split_sep(s, arg(2), num(3)));
  if (op == "rsplit_sep") return listText(ll_str_rsplit_sep(s, arg(2), num(3)));
  if (op == "splitlines") return listText(ll_str_splitlines(s));
  if (op == "strip") return hexOf(ll_str_strip(s));
  if (op == "lstrip") return hexOf(ll_str_lstrip(s));
  if (op == "rstrip") return hexOf(ll_str_rstrip(s));
  if (op == "strip_chars") return hexOf(ll_str_strip_chars(s, arg(2)));
  if (op == "lstrip_chars") return hexOf(ll_str_lstrip_chars(s, arg(2)));
  if (op == "rstrip_chars") return hexOf(ll_str_rstrip_chars(s, arg(2)));
  if (op == "replace") return hexOf(ll_str_replace(s, arg(2), arg(3), num(4)));
  if (op == "find") return std::to_string(ll_str_find(s, arg(2), num(3), num(4)));
  if (op == "rfind") return std::to_string(ll_str_rfind(s, arg(2), num(3), num(4)));
  if (op == "count") return std::to_string(ll_str_count(s, arg(2), num(3), num(4)));
  if (op == "startswith") return b(ll_str_startswith(s, arg(2)));
  if (op == "endswith") return b(ll_str_endswith(s, arg(2)));
  if (op == "contains") return b(ll_str_contains(s, arg(2)));
  if (op == "upper") return hexOf(ll_str_upper(s));
  if (op == "lower") return hexOf(ll_str_lower(s));
  if (op == "isdigit") return b(ll_str_isdigit(s));
  if (op == "isalpha") return b(ll_str_isalpha(s));
  if (op == "isspace") return b(ll_str_isspace(s));
  if (op == "isalnum") return b(ll_str_isalnum(s));
  if (op == "isupper") return b(ll_str_isupper(s));
  if (op == "islower") return b(ll_str_islower(s));
  if (op == "slice") return hexOf(ll_str_slice(s, num(2), num(3)));
  if (op == "mul") return hexOf(ll_str_mul(s, num(2)));
  if (op == "join") return hexOf(ll_str_join(s, parseList(r[2])));
  if (op == "repr") return hexOf(ll_str_repr(s));
  ADD_FAILURE() << "unknown op " << op;
  return "";
}
}  // namespace

TEST(RtRStr, MethodsGolden) {
  auto rows = golden("strmethods");
  ASSERT_GT(rows.size(), 5000u);
  for (auto& r : rows) EXPECT_EQ(evalRow(r), r.back()) << r[0] << " " << r[1];
  EXPECT_EQ(takeExc(), "");
}

TEST(RtRStr, Representation) {
  RStr* s = ll_str_from("abc", 3);
  EXPECT_EQ(s->length, 3);
  EXPECT_EQ(s->chars[3], '\0');
  EXPECT_EQ(s->hash, 0);
  int64_t h = ll_str_hash(s);
  EXPECT_NE(h, 0);
  EXPECT_EQ(s->hash, h);
  EXPECT_EQ(ll_str_hash(rs("abc")), h);
  EXPECT_TRUE(ll_str_eq(s, rs("abc")));
  EXPECT_FALSE(ll_str_eq(s, nullptr));
  EXPECT_TRUE(ll_str_eq(nullptr, nullptr));
  EXPECT_LT(ll_str_cmp(rs("ab"), rs("abc")), 0);
  EXPECT_GT(ll_str_cmp(rs("b"), rs("abc")), 0);
  EXPECT_EQ(ll_str_cmp(rs(""), ll_str_empty()), 0);
  EXPECT_EQ(ll_char_to_str('x'), ll_char_to_str('x'));  // shared
}

TEST(RtRStr, StaticConstant) {
  LL_STATIC_STR(kHello, "hel\0lo");
  EXPECT_EQ(kHello->length, 6);
  EXPECT_TRUE(ll_str_eq(kHello, rs(std::string("hel\0lo", 6))));
  EXPECT_NE(ll_str_hash(kHello), 0);
}

TEST(RtRStr, IndexingErrors) {
  RStr* s = rs("hello");
  EXPECT_EQ(ll_str_getitem(s, -1), 'o');
  EXPECT_EQ(ll_str_getitem(s, 0), 'h');
  ll_str_getitem(s, 5);
  EXPECT_EQ(takeExc(), "IndexError: string index out of range");
  ll_str_getitem(s, -6);
  EXPECT_EQ(takeExc(), "IndexError: string index out of range");
  EXPECT_EQ(str(ll_str_slice_from(s, -2)), "lo");
  ll_str_split_sep(s, rs(""));
  EXPECT_EQ(takeExc(), "ValueError: empty separator");
  ll_str_index(s, rs("z"), 0, LL_STR_END);
  EXPECT_EQ(takeExc(), "ValueError: substring not found");
  EXPECT_EQ(ll_str_rindex(s, rs("l"), 0, LL_STR_END), 3);
}

TEST(RtRStr, Chars) {
  EXPECT_EQ(ll_chr(65), 'A');
  EXPECT_EQ(ll_ord(ll_chr(255)), 255);
  ll_chr(256);
  EXPECT_EQ(takeExc(), "ValueError: chr() arg not in range(256)");
  ll_chr(-1);
  EXPECT_EQ(takeExc(), "ValueError: chr() arg not in range(256)");
  EXPECT_EQ(ll_ord_str(rs("a")), 97);
  ll_ord_str(rs("ab"));
  EXPECT_EQ(takeExc(), "TypeError: ord() expected a character, but string of length 2 found");
  EXPECT_EQ(str(ll_char_repr('\n')), "'\\n'");
  EXPECT_EQ(str(ll_str_repr(nullptr)), "None");
  EXPECT_TRUE(ll_str_contains_char(rs("abc"), 'c'));
  EXPECT_FALSE(ll_str_contains_char(rs(""), '\0'));
  EXPECT_EQ(ll_str_find_char(rs("abcabc"), 'c', 3, LL_STR_END), 5);
}

TEST(RtRStr, ConcatMulJoinSharing) {
  RStr* a = rs("ab");
  EXPECT_EQ(ll_str_concat(a, ll_str_empty()), a);
  EXPECT_EQ(str(ll_str_concat(a, rs("cd"))), "abcd");
  EXPECT_EQ(str(ll_str_mul(a, 3)), "ababab");
  EXPECT_EQ(str(ll_str_mul(a, -1)), "");
  RArray<RStr*>* arr = ll_array_new<RStr*>(3);
  arr->items[0] = rs("x"); arr->items[1] = rs("y"); arr->items[2] = rs("z");
  EXPECT_EQ(str(ll_str_join_array(rs(", "), arr)), "x, y, z");
  EXPECT_EQ(str(ll_str_replace(rs("aaa"), rs("a"), rs("bb"), 2)), "bbbba");
  EXPECT_EQ(str(ll_str_replace(rs("ab"), rs(""), rs("-"), -1)), "-a-b-");
  EXPECT_EQ(listText(ll_str_splitlines(rs("a\r\nb\rc\n\nd"))), "61,62,63,-,64");
}
