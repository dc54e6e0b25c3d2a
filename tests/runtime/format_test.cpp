// Tests of runtime/format.cpp: LLStrBuilder, and every %-conversion against
// python3's output (golden/format.txt, random flag/width/precision mixes).
#include "runtime_test_util.h"

using namespace rt_test;

namespace {
struct Spec { int flags = 0; int64_t width = 0; int64_t precision = -1; char conv = 0; };

/// Decodes "%-08.3f" as the RTyper will at translation time.
Spec parseSpec(const std::string& s) {
  Spec sp;
  size_t i = 1;
  for (;; i++) {
    char c = s[i];
    if (c == '-') sp.flags |= LL_FMT_LEFT;
    else if (c == '0') sp.flags |= LL_FMT_ZERO;
    else if (c == '+') sp.flags |= LL_FMT_PLUS;
    else if (c == ' ') sp.flags |= LL_FMT_SPACE;
    else if (c == '#') sp.flags |= LL_FMT_ALT;
    else break;
  }
  while (isdigit(static_cast<unsigned char>(s[i]))) sp.width = sp.width * 10 + (s[i++] - '0');
  if (s[i] == '.') {
    sp.precision = 0;
    i++;
    while (isdigit(static_cast<unsigned char>(s[i]))) sp.precision = sp.precision * 10 + (s[i++] - '0');
  }
  sp.conv = s[i];
  return sp;
}
}  // namespace

TEST(RtFormat, StrBuilder) {
  LLStrBuilder* sb = ll_sb_new(1);
  for (int i = 0; i < 1000; i++) ll_sb_append_char(sb, static_cast<char>('a' + i % 26));
  ll_sb_append(sb, rs("XYZ"));
  ll_sb_append_multiple_char(sb, '-', 3);
  RStr* s = ll_sb_build(sb);
  EXPECT_EQ(s->length, 1006);
  EXPECT_EQ(str(s).substr(995), "hijklXYZ---");
  EXPECT_EQ(s->chars[s->length], '\0');
  ll_sb_append_char(sb, '!');  // still usable after build
  EXPECT_EQ(str(ll_sb_build(sb)).back(), '!');
}

TEST(RtFormat, Golden) {
  auto rows = golden("format");
  ASSERT_GT(rows.size(), 5000u);
  for (auto& r : rows) {
    Spec sp = parseSpec(r[1]);
    LLStrBuilder* sb = ll_sb_new();
    if (r[0] == "i") ll_fmt_int(sb, sp.flags, sp.width, sp.precision, sp.conv, std::stoll(r[2]));
    else if (r[0] == "f") ll_fmt_float(sb, sp.flags, sp.width, sp.precision, sp.conv, doubleFromHexBits(r[2]));
    else ll_fmt_str(sb, sp.flags, sp.width, sp.precision, sp.conv, rs(unhex(r[2])));
    EXPECT_EQ(str(ll_sb_build(sb)), unhex(r[3])) << r[1] << " % " << r[2];
  }
}

TEST(RtFormat, OtherValues) {
  LLStrBuilder* sb = ll_sb_new();
  ll_fmt_str(sb, 0, 6, -1, 's', nullptr);
  ll_fmt_bool(sb, LL_FMT_LEFT, 6, -1, 's', true);
  ll_fmt_bool(sb, 0, 0, -1, 'd', false);
  ll_fmt_char(sb, 0, 3, -1, 'c', 'x');
  ll_fmt_char(sb, 0, 0, -1, 'r', '\'');
  ll_fmt_int(sb, 0, 0, -1, 'c', 65);
  ll_fmt_int(sb, 0, -4, -1, 'd', 7);  // '*' width -4 == '-' flag
  EXPECT_EQ(str(ll_sb_build(sb)), "  NoneTrue  0  x\"'\"A7   ");
  ll_fmt_int(sb, 0, 0, -1, 'c', 256);
  EXPECT_EQ(takeExc(), "OverflowError: %c arg not in range(256)");
}
