// Tests of the string helpers added for the RTyper's string lowering
// (runtime/rstr.h "helpers of the RTyper's string lowering", container
// repr, dict joins, min/max; runtime/format.h ll_fmt_uint and the deferred
// %-conversion errors). Expected values come from CPython 3.11: the tables
// were printed by the generator in the comment at the end of this file.
#include "runtime_test_util.h"

#include <cmath>

using namespace rt_test;

namespace {

/// Items joined by '|' ("<empty>" for no item) — the tables' list format.
std::string joined(RStrList* l) {
  if (l->length == 0) return "<empty>";
  std::string out;
  for (int64_t i = 0; i < l->length; i++) {
    if (i) out += '|';
    out += str(l->items->items[i]);
  }
  return out;
}

struct SliceCase {
  int64_t start;
  bool hasStart;
  int64_t stop;
  bool hasStop;
  int64_t step;
  const char* expected;
};
const SliceCase kSlices[] = {
    {0, false, 0, false, -2, "drW,le"}, {0, false, 0, false, -1, "dlroW ,olleH"},
    {0, false, 0, false, 3, "Hl r"}, {0, false, 0, false, 1, "Hello, World"},
    {0, false, -20, true, -2, "drW,le"}, {0, false, -20, true, -1, "dlroW ,olleH"},
    {0, false, -20, true, 3, ""}, {0, false, -20, true, 1, ""}, {0, false, -5, true, -2, "dr"},
    {0, false, -5, true, -1, "dlro"}, {0, false, -5, true, 3, "Hl "},
    {0, false, -5, true, 1, "Hello, "}, {0, false, 0, true, -2, "drW,le"},
    {0, false, 0, true, -1, "dlroW ,olle"}, {0, false, 0, true, 3, ""}, {0, false, 0, true, 1, ""},
    {0, false, 3, true, -2, "drW,"}, {0, false, 3, true, -1, "dlroW ,o"}, {0, false, 3, true, 3, "H"},
    {0, false, 3, true, 1, "Hel"}, {0, false, 12, true, -2, ""}, {0, false, 12, true, -1, ""},
    {0, false, 12, true, 3, "Hl r"}, {0, false, 12, true, 1, "Hello, World"},
    {0, false, 20, true, -2, ""}, {0, false, 20, true, -1, ""}, {0, false, 20, true, 3, "Hl r"},
    {0, false, 20, true, 1, "Hello, World"}, {-20, true, 0, false, -2, ""},
    {-20, true, 0, false, -1, ""}, {-20, true, 0, false, 3, "Hl r"},
    {-20, true, 0, false, 1, "Hello, World"}, {-20, true, -20, true, -2, ""},
    {-20, true, -20, true, -1, ""}, {-20, true, -20, true, 3, ""}, {-20, true, -20, true, 1, ""},
    {-20, true, -5, true, -2, ""}, {-20, true, -5, true, -1, ""}, {-20, true, -5, true, 3, "Hl "},
    {-20, true, -5, true, 1, "Hello, "}, {-20, true, 0, true, -2, ""}, {-20, true, 0, true, -1, ""},
    {-20, true, 0, true, 3, ""}, {-20, true, 0, true, 1, ""}, {-20, true, 3, true, -2, ""},
    {-20, true, 3, true, -1, ""}, {-20, true, 3, true, 3, "H"}, {-20, true, 3, true, 1, "Hel"},
    {-20, true, 12, true, -2, ""}, {-20, true, 12, true, -1, ""}, {-20, true, 12, true, 3, "Hl r"},
    {-20, true, 12, true, 1, "Hello, World"}, {-20, true, 20, true, -2, ""},
    {-20, true, 20, true, -1, ""}, {-20, true, 20, true, 3, "Hl r"},
    {-20, true, 20, true, 1, "Hello, World"}, {-5, true, 0, false, -2, "W,le"},
    {-5, true, 0, false, -1, "W ,olleH"}, {-5, true, 0, false, 3, "Wl"},
    {-5, true, 0, false, 1, "World"}, {-5, true, -20, true, -2, "W,le"},
    {-5, true, -20, true, -1, "W ,olleH"}, {-5, true, -20, true, 3, ""}, {-5, true, -20, true, 1, ""},
    {-5, true, -5, true, -2, ""}, {-5, true, -5, true, -1, ""}, {-5, true, -5, true, 3, ""},
    {-5, true, -5, true, 1, ""}, {-5, true, 0, true, -2, "W,le"}, {-5, true, 0, true, -1, "W ,olle"},
    {-5, true, 0, true, 3, ""}, {-5, true, 0, true, 1, ""}, {-5, true, 3, true, -2, "W,"},
    {-5, true, 3, true, -1, "W ,o"}, {-5, true, 3, true, 3, ""}, {-5, true, 3, true, 1, ""},
    {-5, true, 12, true, -2, ""}, {-5, true, 12, true, -1, ""}, {-5, true, 12, true, 3, "Wl"},
    {-5, true, 12, true, 1, "World"}, {-5, true, 20, true, -2, ""}, {-5, true, 20, true, -1, ""},
    {-5, true, 20, true, 3, "Wl"}, {-5, true, 20, true, 1, "World"}, {0, true, 0, false, -2, "H"},
    {0, true, 0, false, -1, "H"}, {0, true, 0, false, 3, "Hl r"},
    {0, true, 0, false, 1, "Hello, World"}, {0, true, -20, true, -2, "H"},
    {0, true, -20, true, -1, "H"}, {0, true, -20, true, 3, ""}, {0, true, -20, true, 1, ""},
    {0, true, -5, true, -2, ""}, {0, true, -5, true, -1, ""}, {0, true, -5, true, 3, "Hl "},
    {0, true, -5, true, 1, "Hello, "}, {0, true, 0, true, -2, ""}, {0, true, 0, true, -1, ""},
    {0, true, 0, true, 3, ""}, {0, true, 0, true, 1, ""}, {0, true, 3, true, -2, ""},
    {0, true, 3, true, -1, ""}, {0, true, 3, true, 3, "H"}, {0, true, 3, true, 1, "Hel"},
    {0, true, 12, true, -2, ""}, {0, true, 12, true, -1, ""}, {0, true, 12, true, 3, "Hl r"},
    {0, true, 12, true, 1, "Hello, World"}, {0, true, 20, true, -2, ""}, {0, true, 20, true, -1, ""},
    {0, true, 20, true, 3, "Hl r"}, {0, true, 20, true, 1, "Hello, World"},
    {3, true, 0, false, -2, "le"}, {3, true, 0, false, -1, "lleH"}, {3, true, 0, false, 3, "l r"},
    {3, true, 0, false, 1, "lo, World"}, {3, true, -20, true, -2, "le"},
    {3, true, -20, true, -1, "lleH"}, {3, true, -20, true, 3, ""}, {3, true, -20, true, 1, ""},
    {3, true, -5, true, -2, ""}, {3, true, -5, true, -1, ""}, {3, true, -5, true, 3, "l "},
    {3, true, -5, true, 1, "lo, "}, {3, true, 0, true, -2, "le"}, {3, true, 0, true, -1, "lle"},
    {3, true, 0, true, 3, ""}, {3, true, 0, true, 1, ""}, {3, true, 3, true, -2, ""},
    {3, true, 3, true, -1, ""}, {3, true, 3, true, 3, ""}, {3, true, 3, true, 1, ""},
    {3, true, 12, true, -2, ""}, {3, true, 12, true, -1, ""}, {3, true, 12, true, 3, "l r"},
    {3, true, 12, true, 1, "lo, World"}, {3, true, 20, true, -2, ""}, {3, true, 20, true, -1, ""},
    {3, true, 20, true, 3, "l r"}, {3, true, 20, true, 1, "lo, World"},
    {12, true, 0, false, -2, "drW,le"}, {12, true, 0, false, -1, "dlroW ,olleH"},
    {12, true, 0, false, 3, ""}, {12, true, 0, false, 1, ""}, {12, true, -20, true, -2, "drW,le"},
    {12, true, -20, true, -1, "dlroW ,olleH"}, {12, true, -20, true, 3, ""},
    {12, true, -20, true, 1, ""}, {12, true, -5, true, -2, "dr"}, {12, true, -5, true, -1, "dlro"},
    {12, true, -5, true, 3, ""}, {12, true, -5, true, 1, ""}, {12, true, 0, true, -2, "drW,le"},
    {12, true, 0, true, -1, "dlroW ,olle"}, {12, true, 0, true, 3, ""}, {12, true, 0, true, 1, ""},
    {12, true, 3, true, -2, "drW,"}, {12, true, 3, true, -1, "dlroW ,o"}, {12, true, 3, true, 3, ""},
    {12, true, 3, true, 1, ""}, {12, true, 12, true, -2, ""}, {12, true, 12, true, -1, ""},
    {12, true, 12, true, 3, ""}, {12, true, 12, true, 1, ""}, {12, true, 20, true, -2, ""},
    {12, true, 20, true, -1, ""}, {12, true, 20, true, 3, ""}, {12, true, 20, true, 1, ""},
    {20, true, 0, false, -2, "drW,le"}, {20, true, 0, false, -1, "dlroW ,olleH"},
    {20, true, 0, false, 3, ""}, {20, true, 0, false, 1, ""}, {20, true, -20, true, -2, "drW,le"},
    {20, true, -20, true, -1, "dlroW ,olleH"}, {20, true, -20, true, 3, ""},
    {20, true, -20, true, 1, ""}, {20, true, -5, true, -2, "dr"}, {20, true, -5, true, -1, "dlro"},
    {20, true, -5, true, 3, ""}, {20, true, -5, true, 1, ""}, {20, true, 0, true, -2, "drW,le"},
    {20, true, 0, true, -1, "dlroW ,olle"}, {20, true, 0, true, 3, ""}, {20, true, 0, true, 1, ""},
    {20, true, 3, true, -2, "drW,"}, {20, true, 3, true, -1, "dlroW ,o"}, {20, true, 3, true, 3, ""},
    {20, true, 3, true, 1, ""}, {20, true, 12, true, -2, ""}, {20, true, 12, true, -1, ""},
    {20, true, 12, true, 3, ""}, {20, true, 12, true, 1, ""}, {20, true, 20, true, -2, ""},
    {20, true, 20, true, -1, ""}, {20, true, 20, true, 3, ""}, {20, true, 20, true, 1, ""},
};

struct TailCase {
  const char* s;
  const char* sub;
  int64_t start, end;
  bool startswith, endswith;
};
const TailCase kTails[] = {
    {"", "", 0, 2, true, true}, {"", "", 0, -1, true, true}, {"", "", 0, 3, true, true},
    {"", "", 0, 100, true, true}, {"", "", 1, 2, false, false}, {"", "", 1, -1, false, false},
    {"", "", 1, 3, false, false}, {"", "", 1, 100, false, false}, {"", "", -1, 2, true, true},
    {"", "", -1, -1, true, true}, {"", "", -1, 3, true, true}, {"", "", -1, 100, true, true},
    {"", "", -10, 2, true, true}, {"", "", -10, -1, true, true}, {"", "", -10, 3, true, true},
    {"", "", -10, 100, true, true}, {"", "", 7, 2, false, false}, {"", "", 7, -1, false, false},
    {"", "", 7, 3, false, false}, {"", "", 7, 100, false, false}, {"", "a", 0, 2, false, false},
    {"", "a", 0, -1, false, false}, {"", "a", 0, 3, false, false}, {"", "a", 0, 100, false, false},
    {"", "a", 1, 2, false, false}, {"", "a", 1, -1, false, false}, {"", "a", 1, 3, false, false},
    {"", "a", 1, 100, false, false}, {"", "a", -1, 2, false, false}, {"", "a", -1, -1, false, false},
    {"", "a", -1, 3, false, false}, {"", "a", -1, 100, false, false}, {"", "a", -10, 2, false, false},
    {"", "a", -10, -1, false, false}, {"", "a", -10, 3, false, false},
    {"", "a", -10, 100, false, false}, {"", "a", 7, 2, false, false}, {"", "a", 7, -1, false, false},
    {"", "a", 7, 3, false, false}, {"", "a", 7, 100, false, false}, {"", "bc", 0, 2, false, false},
    {"", "bc", 0, -1, false, false}, {"", "bc", 0, 3, false, false}, {"", "bc", 0, 100, false, false},
    {"", "bc", 1, 2, false, false}, {"", "bc", 1, -1, false, false}, {"", "bc", 1, 3, false, false},
    {"", "bc", 1, 100, false, false}, {"", "bc", -1, 2, false, false}, {"", "bc", -1, -1, false, false},
    {"", "bc", -1, 3, false, false}, {"", "bc", -1, 100, false, false},
    {"", "bc", -10, 2, false, false}, {"", "bc", -10, -1, false, false},
    {"", "bc", -10, 3, false, false}, {"", "bc", -10, 100, false, false},
    {"", "bc", 7, 2, false, false}, {"", "bc", 7, -1, false, false}, {"", "bc", 7, 3, false, false},
    {"", "bc", 7, 100, false, false}, {"", "abc", 0, 2, false, false}, {"", "abc", 0, -1, false, false},
    {"", "abc", 0, 3, false, false}, {"", "abc", 0, 100, false, false}, {"", "abc", 1, 2, false, false},
    {"", "abc", 1, -1, false, false}, {"", "abc", 1, 3, false, false},
    {"", "abc", 1, 100, false, false}, {"", "abc", -1, 2, false, false},
    {"", "abc", -1, -1, false, false}, {"", "abc", -1, 3, false, false},
    {"", "abc", -1, 100, false, false}, {"", "abc", -10, 2, false, false},
    {"", "abc", -10, -1, false, false}, {"", "abc", -10, 3, false, false},
    {"", "abc", -10, 100, false, false}, {"", "abc", 7, 2, false, false},
    {"", "abc", 7, -1, false, false}, {"", "abc", 7, 3, false, false},
    {"", "abc", 7, 100, false, false}, {"", "x", 0, 2, false, false}, {"", "x", 0, -1, false, false},
    {"", "x", 0, 3, false, false}, {"", "x", 0, 100, false, false}, {"", "x", 1, 2, false, false},
    {"", "x", 1, -1, false, false}, {"", "x", 1, 3, false, false}, {"", "x", 1, 100, false, false},
    {"", "x", -1, 2, false, false}, {"", "x", -1, -1, false, false}, {"", "x", -1, 3, false, false},
    {"", "x", -1, 100, false, false}, {"", "x", -10, 2, false, false}, {"", "x", -10, -1, false, false},
    {"", "x", -10, 3, false, false}, {"", "x", -10, 100, false, false}, {"", "x", 7, 2, false, false},
    {"", "x", 7, -1, false, false}, {"", "x", 7, 3, false, false}, {"", "x", 7, 100, false, false},
    {"abc", "", 0, 2, true, true}, {"abc", "", 0, -1, true, true}, {"abc", "", 0, 3, true, true},
    {"abc", "", 0, 100, true, true}, {"abc", "", 1, 2, true, true}, {"abc", "", 1, -1, true, true},
    {"abc", "", 1, 3, true, true}, {"abc", "", 1, 100, true, true}, {"abc", "", -1, 2, true, true},
    {"abc", "", -1, -1, true, true}, {"abc", "", -1, 3, true, true}, {"abc", "", -1, 100, true, true},
    {"abc", "", -10, 2, true, true}, {"abc", "", -10, -1, true, true}, {"abc", "", -10, 3, true, true},
    {"abc", "", -10, 100, true, true}, {"abc", "", 7, 2, false, false},
    {"abc", "", 7, -1, false, false}, {"abc", "", 7, 3, false, false},
    {"abc", "", 7, 100, false, false}, {"abc", "a", 0, 2, true, false},
    {"abc", "a", 0, -1, true, false}, {"abc", "a", 0, 3, true, false},
    {"abc", "a", 0, 100, true, false}, {"abc", "a", 1, 2, false, false},
    {"abc", "a", 1, -1, false, false}, {"abc", "a", 1, 3, false, false},
    {"abc", "a", 1, 100, false, false}, {"abc", "a", -1, 2, false, false},
    {"abc", "a", -1, -1, false, false}, {"abc", "a", -1, 3, false, false},
    {"abc", "a", -1, 100, false, false}, {"abc", "a", -10, 2, true, false},
    {"abc", "a", -10, -1, true, false}, {"abc", "a", -10, 3, true, false},
    {"abc", "a", -10, 100, true, false}, {"abc", "a", 7, 2, false, false},
    {"abc", "a", 7, -1, false, false}, {"abc", "a", 7, 3, false, false},
    {"abc", "a", 7, 100, false, false}, {"abc", "bc", 0, 2, false, false},
    {"abc", "bc", 0, -1, false, false}, {"abc", "bc", 0, 3, false, true},
    {"abc", "bc", 0, 100, false, true}, {"abc", "bc", 1, 2, false, false},
    {"abc", "bc", 1, -1, false, false}, {"abc", "bc", 1, 3, true, true},
    {"abc", "bc", 1, 100, true, true}, {"abc", "bc", -1, 2, false, false},
    {"abc", "bc", -1, -1, false, false}, {"abc", "bc", -1, 3, false, false},
    {"abc", "bc", -1, 100, false, false}, {"abc", "bc", -10, 2, false, false},
    {"abc", "bc", -10, -1, false, false}, {"abc", "bc", -10, 3, false, true},
    {"abc", "bc", -10, 100, false, true}, {"abc", "bc", 7, 2, false, false},
    {"abc", "bc", 7, -1, false, false}, {"abc", "bc", 7, 3, false, false},
    {"abc", "bc", 7, 100, false, false}, {"abc", "abc", 0, 2, false, false},
    {"abc", "abc", 0, -1, false, false}, {"abc", "abc", 0, 3, true, true},
    {"abc", "abc", 0, 100, true, true}, {"abc", "abc", 1, 2, false, false},
    {"abc", "abc", 1, -1, false, false}, {"abc", "abc", 1, 3, false, false},
    {"abc", "abc", 1, 100, false, false}, {"abc", "abc", -1, 2, false, false},
    {"abc", "abc", -1, -1, false, false}, {"abc", "abc", -1, 3, false, false},
    {"abc", "abc", -1, 100, false, false}, {"abc", "abc", -10, 2, false, false},
    {"abc", "abc", -10, -1, false, false}, {"abc", "abc", -10, 3, true, true},
    {"abc", "abc", -10, 100, true, true}, {"abc", "abc", 7, 2, false, false},
    {"abc", "abc", 7, -1, false, false}, {"abc", "abc", 7, 3, false, false},
    {"abc", "abc", 7, 100, false, false}, {"abc", "x", 0, 2, false, false},
    {"abc", "x", 0, -1, false, false}, {"abc", "x", 0, 3, false, false},
    {"abc", "x", 0, 100, false, false}, {"abc", "x", 1, 2, false, false},
    {"abc", "x", 1, -1, false, false}, {"abc", "x", 1, 3, false, false},
    {"abc", "x", 1, 100, false, false}, {"abc", "x", -1, 2, false, false},
    {"abc", "x", -1, -1, false, false}, {"abc", "x", -1, 3, false, false},
    {"abc", "x", -1, 100, false, false}, {"abc", "x", -10, 2, false, false},
    {"abc", "x", -10, -1, false, false}, {"abc", "x", -10, 3, false, false},
    {"abc", "x", -10, 100, false, false}, {"abc", "x", 7, 2, false, false},
    {"abc", "x", 7, -1, false, false}, {"abc", "x", 7, 3, false, false},
    {"abc", "x", 7, 100, false, false}, {"abcabc", "", 0, 2, true, true},
    {"abcabc", "", 0, -1, true, true}, {"abcabc", "", 0, 3, true, true},
    {"abcabc", "", 0, 100, true, true}, {"abcabc", "", 1, 2, true, true},
    {"abcabc", "", 1, -1, true, true}, {"abcabc", "", 1, 3, true, true},
    {"abcabc", "", 1, 100, true, true}, {"abcabc", "", -1, 2, false, false},
    {"abcabc", "", -1, -1, true, true}, {"abcabc", "", -1, 3, false, false},
    {"abcabc", "", -1, 100, true, true}, {"abcabc", "", -10, 2, true, true},
    {"abcabc", "", -10, -1, true, true}, {"abcabc", "", -10, 3, true, true},
    {"abcabc", "", -10, 100, true, true}, {"abcabc", "", 7, 2, false, false},
    {"abcabc", "", 7, -1, false, false}, {"abcabc", "", 7, 3, false, false},
    {"abcabc", "", 7, 100, false, false}, {"abcabc", "a", 0, 2, true, false},
    {"abcabc", "a", 0, -1, true, false}, {"abcabc", "a", 0, 3, true, false},
    {"abcabc", "a", 0, 100, true, false}, {"abcabc", "a", 1, 2, false, false},
    {"abcabc", "a", 1, -1, false, false}, {"abcabc", "a", 1, 3, false, false},
    {"abcabc", "a", 1, 100, false, false}, {"abcabc", "a", -1, 2, false, false},
    {"abcabc", "a", -1, -1, false, false}, {"abcabc", "a", -1, 3, false, false},
    {"abcabc", "a", -1, 100, false, false}, {"abcabc", "a", -10, 2, true, false},
    {"abcabc", "a", -10, -1, true, false}, {"abcabc", "a", -10, 3, true, false},
    {"abcabc", "a", -10, 100, true, false}, {"abcabc", "a", 7, 2, false, false},
    {"abcabc", "a", 7, -1, false, false}, {"abcabc", "a", 7, 3, false, false},
    {"abcabc", "a", 7, 100, false, false}, {"abcabc", "bc", 0, 2, false, false},
    {"abcabc", "bc", 0, -1, false, false}, {"abcabc", "bc", 0, 3, false, true},
    {"abcabc", "bc", 0, 100, false, true}, {"abcabc", "bc", 1, 2, false, false},
    {"abcabc", "bc", 1, -1, true, false}, {"abcabc", "bc", 1, 3, true, true},
    {"abcabc", "bc", 1, 100, true, true}, {"abcabc", "bc", -1, 2, false, false},
    {"abcabc", "bc", -1, -1, false, false}, {"abcabc", "bc", -1, 3, false, false},
    {"abcabc", "bc", -1, 100, false, false}, {"abcabc", "bc", -10, 2, false, false},
    {"abcabc", "bc", -10, -1, false, false}, {"abcabc", "bc", -10, 3, false, true},
    {"abcabc", "bc", -10, 100, false, true}, {"abcabc", "bc", 7, 2, false, false},
    {"abcabc", "bc", 7, -1, false, false}, {"abcabc", "bc", 7, 3, false, false},
    {"abcabc", "bc", 7, 100, false, false}, {"abcabc", "abc", 0, 2, false, false},
    {"abcabc", "abc", 0, -1, true, false}, {"abcabc", "abc", 0, 3, true, true},
    {"abcabc", "abc", 0, 100, true, true}, {"abcabc", "abc", 1, 2, false, false},
    {"abcabc", "abc", 1, -1, false, false}, {"abcabc", "abc", 1, 3, false, false},
    {"abcabc", "abc", 1, 100, false, true}, {"abcabc", "abc", -1, 2, false, false},
    {"abcabc", "abc", -1, -1, false, false}, {"abcabc", "abc", -1, 3, false, false},
    {"abcabc", "abc", -1, 100, false, false}, {"abcabc", "abc", -10, 2, false, false},
    {"abcabc", "abc", -10, -1, true, false}, {"abcabc", "abc", -10, 3, true, true},
    {"abcabc", "abc", -10, 100, true, true}, {"abcabc", "abc", 7, 2, false, false},
    {"abcabc", "abc", 7, -1, false, false}, {"abcabc", "abc", 7, 3, false, false},
    {"abcabc", "abc", 7, 100, false, false}, {"abcabc", "x", 0, 2, false, false},
    {"abcabc", "x", 0, -1, false, false}, {"abcabc", "x", 0, 3, false, false},
    {"abcabc", "x", 0, 100, false, false}, {"abcabc", "x", 1, 2, false, false},
    {"abcabc", "x", 1, -1, false, false}, {"abcabc", "x", 1, 3, false, false},
    {"abcabc", "x", 1, 100, false, false}, {"abcabc", "x", -1, 2, false, false},
    {"abcabc", "x", -1, -1, false, false}, {"abcabc", "x", -1, 3, false, false},
    {"abcabc", "x", -1, 100, false, false}, {"abcabc", "x", -10, 2, false, false},
    {"abcabc", "x", -10, -1, false, false}, {"abcabc", "x", -10, 3, false, false},
    {"abcabc", "x", -10, 100, false, false}, {"abcabc", "x", 7, 2, false, false},
    {"abcabc", "x", 7, -1, false, false}, {"abcabc", "x", 7, 3, false, false},
    {"abcabc", "x", 7, 100, false, false},
};

struct SplitCase {
  const char* s;
  char sep;
  int64_t maxsplit;
  const char* split;
  const char* rsplit;
  const char* rsplitWhitespace;
};
const SplitCase kSplits[] = {
    {"", ',', -1, "", "", "<empty>"}, {"", ',', 0, "", "", "<empty>"}, {"", ',', 1, "", "", "<empty>"},
    {"", ',', 2, "", "", "<empty>"}, {"", ',', 5, "", "", "<empty>"}, {"a", ',', -1, "a", "a", "a"},
    {"a", ',', 0, "a", "a", "a"}, {"a", ',', 1, "a", "a", "a"}, {"a", ',', 2, "a", "a", "a"},
    {"a", ',', 5, "a", "a", "a"}, {",", ',', -1, "|", "|", ","}, {",", ',', 0, ",", ",", ","},
    {",", ',', 1, "|", "|", ","}, {",", ',', 2, "|", "|", ","}, {",", ',', 5, "|", "|", ","},
    {"a,b", ',', -1, "a|b", "a|b", "a,b"}, {"a,b", ',', 0, "a,b", "a,b", "a,b"},
    {"a,b", ',', 1, "a|b", "a|b", "a,b"}, {"a,b", ',', 2, "a|b", "a|b", "a,b"},
    {"a,b", ',', 5, "a|b", "a|b", "a,b"}, {",a,,b,", ',', -1, "|a||b|", "|a||b|", ",a,,b,"},
    {",a,,b,", ',', 0, ",a,,b,", ",a,,b,", ",a,,b,"}, {",a,,b,", ',', 1, "|a,,b,", ",a,,b|", ",a,,b,"},
    {",a,,b,", ',', 2, "|a|,b,", ",a,|b|", ",a,,b,"}, {",a,,b,", ',', 5, "|a||b|", "|a||b|", ",a,,b,"},
    {"  a b  c  ", ',', -1, "  a b  c  ", "  a b  c  ", "a|b|c"},
    {"  a b  c  ", ',', 0, "  a b  c  ", "  a b  c  ", "  a b  c"},
    {"  a b  c  ", ',', 1, "  a b  c  ", "  a b  c  ", "  a b|c"},
    {"  a b  c  ", ',', 2, "  a b  c  ", "  a b  c  ", "  a|b|c"},
    {"  a b  c  ", ',', 5, "  a b  c  ", "  a b  c  ", "a|b|c"},
    {"a b c", ',', -1, "a b c", "a b c", "a|b|c"}, {"a b c", ',', 0, "a b c", "a b c", "a b c"},
    {"a b c", ',', 1, "a b c", "a b c", "a b|c"}, {"a b c", ',', 2, "a b c", "a b c", "a|b|c"},
    {"a b c", ',', 5, "a b c", "a b c", "a|b|c"},
    {" \x09"" a\x0a""", ',', -1, " \x09"" a\x0a""", " \x09"" a\x0a""", "a"},
    {" \x09"" a\x0a""", ',', 0, " \x09"" a\x0a""", " \x09"" a\x0a""", " \x09"" a"},
    {" \x09"" a\x0a""", ',', 1, " \x09"" a\x0a""", " \x09"" a\x0a""", "a"},
    {" \x09"" a\x0a""", ',', 2, " \x09"" a\x0a""", " \x09"" a\x0a""", "a"},
    {" \x09"" a\x0a""", ',', 5, " \x09"" a\x0a""", " \x09"" a\x0a""", "a"},
};

struct CharSearchCase {
  const char* s;
  char c;
  int64_t start, end;
  int64_t rfind, count;
};
const CharSearchCase kCharSearches[] = {
    {"", 'a', 0, 100, -1, 0}, {"", 'a', 0, 2, -1, 0}, {"", 'a', 0, -1, -1, 0}, {"", 'a', 0, 0, -1, 0},
    {"", 'a', 1, 100, -1, 0}, {"", 'a', 1, 2, -1, 0}, {"", 'a', 1, -1, -1, 0}, {"", 'a', 1, 0, -1, 0},
    {"", 'a', -2, 100, -1, 0}, {"", 'a', -2, 2, -1, 0}, {"", 'a', -2, -1, -1, 0},
    {"", 'a', -2, 0, -1, 0}, {"", 'a', 10, 100, -1, 0}, {"", 'a', 10, 2, -1, 0},
    {"", 'a', 10, -1, -1, 0}, {"", 'a', 10, 0, -1, 0}, {"", 'c', 0, 100, -1, 0}, {"", 'c', 0, 2, -1, 0},
    {"", 'c', 0, -1, -1, 0}, {"", 'c', 0, 0, -1, 0}, {"", 'c', 1, 100, -1, 0}, {"", 'c', 1, 2, -1, 0},
    {"", 'c', 1, -1, -1, 0}, {"", 'c', 1, 0, -1, 0}, {"", 'c', -2, 100, -1, 0}, {"", 'c', -2, 2, -1, 0},
    {"", 'c', -2, -1, -1, 0}, {"", 'c', -2, 0, -1, 0}, {"", 'c', 10, 100, -1, 0},
    {"", 'c', 10, 2, -1, 0}, {"", 'c', 10, -1, -1, 0}, {"", 'c', 10, 0, -1, 0},
    {"abcabc", 'a', 0, 100, 3, 2}, {"abcabc", 'a', 0, 2, 0, 1}, {"abcabc", 'a', 0, -1, 3, 2},
    {"abcabc", 'a', 0, 0, -1, 0}, {"abcabc", 'a', 1, 100, 3, 1}, {"abcabc", 'a', 1, 2, -1, 0},
    {"abcabc", 'a', 1, -1, 3, 1}, {"abcabc", 'a', 1, 0, -1, 0}, {"abcabc", 'a', -2, 100, -1, 0},
    {"abcabc", 'a', -2, 2, -1, 0}, {"abcabc", 'a', -2, -1, -1, 0}, {"abcabc", 'a', -2, 0, -1, 0},
    {"abcabc", 'a', 10, 100, -1, 0}, {"abcabc", 'a', 10, 2, -1, 0}, {"abcabc", 'a', 10, -1, -1, 0},
    {"abcabc", 'a', 10, 0, -1, 0}, {"abcabc", 'c', 0, 100, 5, 2}, {"abcabc", 'c', 0, 2, -1, 0},
    {"abcabc", 'c', 0, -1, 2, 1}, {"abcabc", 'c', 0, 0, -1, 0}, {"abcabc", 'c', 1, 100, 5, 2},
    {"abcabc", 'c', 1, 2, -1, 0}, {"abcabc", 'c', 1, -1, 2, 1}, {"abcabc", 'c', 1, 0, -1, 0},
    {"abcabc", 'c', -2, 100, 5, 1}, {"abcabc", 'c', -2, 2, -1, 0}, {"abcabc", 'c', -2, -1, -1, 0},
    {"abcabc", 'c', -2, 0, -1, 0}, {"abcabc", 'c', 10, 100, -1, 0}, {"abcabc", 'c', 10, 2, -1, 0},
    {"abcabc", 'c', 10, -1, -1, 0}, {"abcabc", 'c', 10, 0, -1, 0}, {"aaa", 'a', 0, 100, 2, 3},
    {"aaa", 'a', 0, 2, 1, 2}, {"aaa", 'a', 0, -1, 1, 2}, {"aaa", 'a', 0, 0, -1, 0},
    {"aaa", 'a', 1, 100, 2, 2}, {"aaa", 'a', 1, 2, 1, 1}, {"aaa", 'a', 1, -1, 1, 1},
    {"aaa", 'a', 1, 0, -1, 0}, {"aaa", 'a', -2, 100, 2, 2}, {"aaa", 'a', -2, 2, 1, 1},
    {"aaa", 'a', -2, -1, 1, 1}, {"aaa", 'a', -2, 0, -1, 0}, {"aaa", 'a', 10, 100, -1, 0},
    {"aaa", 'a', 10, 2, -1, 0}, {"aaa", 'a', 10, -1, -1, 0}, {"aaa", 'a', 10, 0, -1, 0},
    {"aaa", 'c', 0, 100, -1, 0}, {"aaa", 'c', 0, 2, -1, 0}, {"aaa", 'c', 0, -1, -1, 0},
    {"aaa", 'c', 0, 0, -1, 0}, {"aaa", 'c', 1, 100, -1, 0}, {"aaa", 'c', 1, 2, -1, 0},
    {"aaa", 'c', 1, -1, -1, 0}, {"aaa", 'c', 1, 0, -1, 0}, {"aaa", 'c', -2, 100, -1, 0},
    {"aaa", 'c', -2, 2, -1, 0}, {"aaa", 'c', -2, -1, -1, 0}, {"aaa", 'c', -2, 0, -1, 0},
    {"aaa", 'c', 10, 100, -1, 0}, {"aaa", 'c', 10, 2, -1, 0}, {"aaa", 'c', 10, -1, -1, 0},
    {"aaa", 'c', 10, 0, -1, 0},
};

}  // namespace

TEST(RtRStrExtra, SliceWithStep) {
  RStr* s = rs("Hello, World");
  for (const SliceCase& c : kSlices) {
    SCOPED_TRACE(std::to_string(c.start) + (c.hasStart ? "" : "(none)") + ":" + std::to_string(c.stop) +
                 (c.hasStop ? "" : "(none)") + ":" + std::to_string(c.step));
    EXPECT_EQ(str(ll_str_slice_stepped(s, c.start, c.stop, c.step, c.hasStart, c.hasStop)), c.expected);
    EXPECT_EQ(str(ll_str_slice_step(s, c.start, c.stop, c.step, c.hasStart, c.hasStop)), c.expected);
    EXPECT_EQ(takeExc(), "");
  }
  EXPECT_EQ(ll_str_slice_step(s, 0, 0, 0, false, false), nullptr);
  EXPECT_EQ(takeExc(), "ValueError: slice step cannot be zero");
  EXPECT_EQ(str(ll_str_slice_stepped(rs(""), 0, 0, -1, false, false)), "");
}

TEST(RtRStrExtra, StartsEndsWithRange) {
  for (const TailCase& c : kTails) {
    SCOPED_TRACE(std::string(c.s) + " / " + c.sub + " " + std::to_string(c.start) + " " + std::to_string(c.end));
    EXPECT_EQ(ll_str_startswith_range(rs(c.s), rs(c.sub), c.start, c.end), c.startswith);
    EXPECT_EQ(ll_str_endswith_range(rs(c.s), rs(c.sub), c.start, c.end), c.endswith);
  }
  EXPECT_TRUE(ll_str_startswith_range(rs("abc"), rs("abc"), 0, LL_STR_END));
  EXPECT_FALSE(ll_str_endswith_range(rs("abc"), rs("abcd"), 0, LL_STR_END));
}

TEST(RtRStrExtra, Splits) {
  for (const SplitCase& c : kSplits) {
    SCOPED_TRACE(std::string("[") + c.s + "] " + std::to_string(c.maxsplit));
    EXPECT_EQ(joined(ll_str_split_char(rs(c.s), c.sep, c.maxsplit)), c.split);
    EXPECT_EQ(joined(ll_str_split_str(rs(c.s), ll_char_to_str(c.sep), c.maxsplit)), c.split);
    EXPECT_EQ(joined(ll_str_rsplit_char(rs(c.s), c.sep, c.maxsplit)), c.rsplit);
    EXPECT_EQ(joined(ll_str_rsplit_str(rs(c.s), ll_char_to_str(c.sep), c.maxsplit)), c.rsplit);
    EXPECT_EQ(joined(ll_str_rsplit(rs(c.s), c.maxsplit)), c.rsplitWhitespace);
  }
}

TEST(RtRStrExtra, SplitToArray) {
  RArray<RStr*>* a = ll_strlist_to_array(ll_str_split_char(rs("a,b,c"), ','));
  ASSERT_EQ(a->length, 3);
  EXPECT_EQ(str(a->items[0]), "a");
  EXPECT_EQ(str(a->items[2]), "c");
  a = ll_str_split_sep_array(rs("a::b"), rs("::"));
  ASSERT_EQ(a->length, 2);
  EXPECT_EQ(str(a->items[1]), "b");
  a = ll_str_rsplit_sep_array(rs("a::b::c"), rs("::"), 1);
  ASSERT_EQ(a->length, 2);
  EXPECT_EQ(str(a->items[0]), "a::b");
  EXPECT_EQ(takeExc(), "");
  EXPECT_EQ(ll_str_split_sep_array(rs("abc"), rs("")), nullptr);
  EXPECT_EQ(takeExc(), "ValueError: empty separator");
  EXPECT_EQ(ll_str_rsplit_sep_array(rs("abc"), rs("")), nullptr);
  EXPECT_EQ(takeExc(), "ValueError: empty separator");
}

TEST(RtRStrExtra, CharSearch) {
  for (const CharSearchCase& c : kCharSearches) {
    SCOPED_TRACE(std::string(c.s) + " " + c.c + " " + std::to_string(c.start) + " " + std::to_string(c.end));
    EXPECT_EQ(ll_str_rfind_char(rs(c.s), c.c, c.start, c.end), c.rfind);
    EXPECT_EQ(ll_str_count_char(rs(c.s), c.c, c.start, c.end), c.count);
  }
  EXPECT_TRUE(ll_str_eq_char(rs("a"), 'a'));
  EXPECT_FALSE(ll_str_eq_char(rs("ab"), 'a'));
  EXPECT_FALSE(ll_str_eq_char(rs(""), 'a'));
  EXPECT_FALSE(ll_str_eq_char(nullptr, 'a'));
}

TEST(RtRStrExtra, Joins) {
  RList<char>* cl = ll_list_new<char>(0);
  EXPECT_EQ(str(ll_str_join_chars(rs("-"), cl)), "");
  for (char c : std::string("abc")) ll_list_append(cl, c);
  EXPECT_EQ(str(ll_str_join_chars(rs("-"), cl)), "a-b-c");
  EXPECT_EQ(str(ll_str_join_chars(rs(""), cl)), "abc");
  EXPECT_EQ(str(ll_str_join_chars(rs(", "), cl)), "a, b, c");
  RArray<char>* ca = ll_array_new<char>(2);
  ca->items[0] = 'x';
  ca->items[1] = 'y';
  EXPECT_EQ(str(ll_str_join_chars_array(rs("+"), ca)), "x+y");
  EXPECT_EQ(str(ll_str_join_str(rs("--"), rs("abc"))), "a--b--c");
  EXPECT_EQ(str(ll_str_join_str(rs("--"), rs("a"))), "a");
  EXPECT_EQ(str(ll_str_join_str(rs("--"), rs(""))), "");
}

TEST(RtRStrExtra, DictJoins) {
  auto* d = ll_dict_new<RStr*, int64_t, LLStrKey>();
  EXPECT_EQ(str(ll_str_join_dict(rs(","), d)), "");
  ll_dict_setitem(d, rs("one"), 1);
  ll_dict_setitem(d, rs("two"), 2);
  ll_dict_setitem(d, rs("three"), 3);
  ll_dict_delitem(d, rs("two"));
  EXPECT_EQ(takeExc(), "");
  EXPECT_EQ(str(ll_str_join_dict(rs(","), d)), "one,three");
  auto* it = ll_dict_iter_new(d);
  EXPECT_EQ(str(ll_str_join_dict_iter<0>(rs("+"), it)), "one+three");
  auto* dv = ll_dict_new<int64_t, char, LLIntKey>();
  ll_dict_setitem(dv, 5, 'x');
  ll_dict_setitem(dv, 7, 'y');
  EXPECT_EQ(str(ll_str_join_dict_iter<1>(rs(""), ll_dict_iter_new(dv))), "xy");
}

TEST(RtRStrExtra, MinMax) {
  RStr* a = rs("apple");
  RStr* a2 = rs("apple");
  EXPECT_EQ(ll_min_str(a, a2), a);  // ties: the first argument
  EXPECT_EQ(ll_max_str(a, a2), a);
  EXPECT_EQ(str(ll_min_str(rs("pear"), rs("fig"))), "fig");
  EXPECT_EQ(str(ll_max_str(rs("pear"), rs("fig"))), "pear");
  EXPECT_EQ(str(ll_max_str(rs("ab"), rs("abc"))), "abc");
  EXPECT_EQ(ll_min_char('a', 'B'), 'B');
  EXPECT_EQ(ll_max_char('a', '\xe9'), '\xe9');  // unsigned bytes
  EXPECT_EQ(ll_min_char('a', '\xe9'), 'a');
  EXPECT_EQ(ll_str_min_item(rs("pear")), 'a');
  EXPECT_EQ(ll_str_max_item(rs("pear")), 'r');
  EXPECT_EQ(ll_str_max_item(rs("a\xe9" "b")), '\xe9');
  EXPECT_EQ(takeExc(), "");
  ll_str_max_item(rs(""));
  EXPECT_EQ(takeExc(), "ValueError: max() arg is an empty sequence");
  ll_str_min_item(rs(""));
  EXPECT_EQ(takeExc(), "ValueError: min() arg is an empty sequence");
}

TEST(RtRStrExtra, Repr) {
  RList<int64_t>* li = ll_list_new<int64_t>(0);
  EXPECT_EQ(str(ll_repr(li)), "[]");
  ll_list_append(li, int64_t{1});
  ll_list_append(li, int64_t{-20});
  EXPECT_EQ(str(ll_repr(li)), "[1, -20]");
  RList<RStr*>* ls = ll_list_new<RStr*>(0);
  ll_list_append(ls, rs("it's"));
  ll_list_append(ls, static_cast<RStr*>(nullptr));
  ll_list_append(ls, rs("a\n"));
  EXPECT_EQ(str(ll_repr(ls)), "[\"it's\", None, 'a\\n']");
  RArray<double>* af = ll_array_new<double>(3);
  af->items[0] = 1.5;
  af->items[1] = -0.0;
  af->items[2] = 1e20;
  EXPECT_EQ(str(ll_repr(af)), "[1.5, -0.0, 1e+20]");
  RArray<bool>* ab = ll_array_new<bool>(2);
  ab->items[0] = true;
  EXPECT_EQ(str(ll_repr(ab)), "[True, False]");
  RArray<char>* ac = ll_array_new<char>(2);
  ac->items[0] = '\'';
  ac->items[1] = 'x';
  EXPECT_EQ(str(ll_repr(ac)), "[\"'\", 'x']");
  RArray<uint64_t>* au = ll_array_new<uint64_t>(1);
  au->items[0] = UINT64_MAX;
  EXPECT_EQ(str(ll_repr(au)), "[r_uint(18446744073709551615)]");
  RList<RList<int64_t>*>* nested = ll_list_new<RList<int64_t>*>(0);
  ll_list_append(nested, li);
  ll_list_append(nested, ll_list_new<int64_t>(0));
  ll_list_append(nested, static_cast<RList<int64_t>*>(nullptr));
  EXPECT_EQ(str(ll_repr(nested)), "[[1, -20], [], None]");
  auto* d = ll_dict_new<RStr*, RList<int64_t>*, LLStrKey>();
  EXPECT_EQ(str(ll_repr(d)), "{}");
  ll_dict_setitem(d, rs("k"), li);
  ll_dict_setitem(d, rs("e"), ll_list_new<int64_t>(0));
  EXPECT_EQ(str(ll_repr(d)), "{'k': [1, -20], 'e': []}");
  struct Tuple1 { int64_t item0; };
  struct Tuple2 { RStr* item0; double item1; };
  struct Tuple3 { char item0; Tuple1* item1; bool item2; };
  Tuple1 t1{7};
  Tuple2 t2{rs("a"), 0.5};
  Tuple3 t3{'c', &t1, false};
  EXPECT_EQ(str(ll_repr(&t1)), "(7,)");
  EXPECT_EQ(str(ll_repr(&t2)), "('a', 0.5)");
  EXPECT_EQ(str(ll_repr(&t3)), "('c', (7,), False)");
  EXPECT_EQ(str(ll_repr(static_cast<Tuple1*>(nullptr))), "None");
  RArray<Tuple2*>* at = ll_array_new<Tuple2*>(2);
  at->items[0] = &t2;
  at->items[1] = &t2;
  EXPECT_EQ(str(ll_repr(at)), "[('a', 0.5), ('a', 0.5)]");
  EXPECT_EQ(str(ll_range_repr(0, 5, 1)), "range(0, 5)");
  EXPECT_EQ(str(ll_range_repr(3, -1, -2)), "range(3, -1, -2)");
}

TEST(RtRStrExtra, FormatUnsigned) {
  // CPython's %-formatting of the same values as ints.
  auto one = [](int flags, int64_t width, int64_t prec, char conv, uint64_t v) {
    LLStrBuilder* sb = ll_sb_new(16);
    ll_fmt_uint(sb, flags, width, prec, conv, v);
    return str(ll_sb_build(sb));
  };
  EXPECT_EQ(one(0, 0, -1, 'd', UINT64_MAX), "18446744073709551615");
  EXPECT_EQ(one(0, 0, -1, 'x', UINT64_MAX), "ffffffffffffffff");
  EXPECT_EQ(one(LL_FMT_ALT, 0, -1, 'X', 255), "0XFF");
  EXPECT_EQ(one(LL_FMT_ALT, 0, -1, 'o', 8), "0o10");
  EXPECT_EQ(one(LL_FMT_ZERO | LL_FMT_PLUS, 6, -1, 'd', 42), "+00042");
  EXPECT_EQ(one(LL_FMT_LEFT, 6, -1, 'i', 42), "42    ");
  EXPECT_EQ(one(0, 6, 4, 'd', 42), "  0042");
  EXPECT_EQ(one(LL_FMT_SPACE, 0, -1, 'd', 7), " 7");
  EXPECT_EQ(one(0, 12, 4, 's', 12345), "        r_ui");  // '%12.4s' % r_uint(12345)
  EXPECT_EQ(one(0, 0, -1, 'r', 9), "r_uint(9)");
  EXPECT_EQ(one(0, 0, 2, 'f', 3), "3.00");
  EXPECT_EQ(one(0, 0, -1, 'e', 12345), "1.234500e+04");
}

TEST(RtRStrExtra, FormatDeferredErrors) {
  LLStrBuilder* sb = ll_sb_new(16);
  int64_t err = ll_fmt_int_c(sb, 0, 3, 65, 0);
  EXPECT_EQ(err, LL_FMT_OK);
  err = ll_fmt_int_c(sb, LL_FMT_LEFT, 2, 66, err);
  err = ll_fmt_float_d(sb, 0, 0, -1, 'd', -3.99, err);
  err = ll_fmt_float_d(sb, LL_FMT_ZERO, 6, -1, 'i', 2.5, err);
  err = ll_fmt_float_d(sb, LL_FMT_PLUS, 0, 25, 'd', 1e20, err);
  err = ll_fmt_float_d(sb, 0, 0, -1, 'd', -1e300, err);
  EXPECT_EQ(err, LL_FMT_OK);
  // '%3c%-2c%d%06i%+.25d' % (65, 66, -3.99, 2.5, 1e20)
  std::string head = "  AB -3000002+0000100000000000000000000";
  std::string out = str(ll_fmt_build_checked(sb, err));
  EXPECT_EQ(out.substr(0, head.size()), head);
  // '%d' % -1e300: int(-1e300)'s 301 digits.
  EXPECT_EQ(out.substr(head.size(), 5), "-1000");
  EXPECT_EQ(out.size(), head.size() + 302);
  EXPECT_EQ(takeExc(), "");

  sb = ll_sb_new(16);
  err = ll_fmt_int_c(sb, 0, 0, 256, 0);
  EXPECT_EQ(err, LL_FMT_ERR_C_RANGE);
  err = ll_fmt_float_d(sb, 0, 0, -1, 'd', 1.0 / 0.0, err);  // the first error stays
  EXPECT_EQ(err, LL_FMT_ERR_C_RANGE);
  EXPECT_EQ(ll_fmt_build_checked(sb, err), nullptr);
  EXPECT_EQ(takeExc(), "OverflowError: %c arg not in range(256)");
  EXPECT_EQ(ll_fmt_int_c(ll_sb_new(16), 0, 0, -1, 0), LL_FMT_ERR_C_RANGE);

  sb = ll_sb_new(16);
  err = ll_fmt_float_d(sb, 0, 0, -1, 'd', -1.0 / 0.0, 0);
  EXPECT_EQ(ll_fmt_build_checked(sb, err), nullptr);
  EXPECT_EQ(takeExc(), "OverflowError: cannot convert float infinity to integer");
  sb = ll_sb_new(16);
  err = ll_fmt_float_d(sb, 0, 0, -1, 'd', std::nan(""), 0);
  EXPECT_EQ(ll_fmt_build_checked(sb, err), nullptr);
  EXPECT_EQ(takeExc(), "ValueError: cannot convert float NaN to integer");
}

/* The generator of the tables above (python3):
# Generates the CPython tables of tests/runtime/rstr_extra_test.cpp.
def c(s):
    out = '"'
    for ch in s:
        if ch in '"\\': out += '\\' + ch
        elif 32 <= ord(ch) < 127: out += ch
        else: out += '\\x%02x""' % ord(ch)
    return out + '"'

def pack(rows):
    lines, cur = [], ""
    for r in rows:
        if cur and len(cur) + len(r) + 2 > 100:
            lines.append(cur)
            cur = ""
        cur += ("" if not cur else " ") + r + ","
    lines.append(cur)
    return "\n".join("    " + l for l in lines)

def lst(l):
    return c("|".join(l)) if l else '"<empty>"'

S = "Hello, World"
bounds = [None, -20, -5, 0, 3, 12, 20]
print("// slice: start, hasStart, stop, hasStop, step, expected")
rows = []
for a in bounds:
    for b in bounds:
        for k in [-2, -1, 3, 1]:
            rows.append("{%d, %s, %d, %s, %d, %s}" % (a or 0, "true" if a is not None else "false", b or 0, "true" if b is not None else "false", k, c(S[a:b:k])))
print(pack(rows))
print("// tailmatch: s, sub, start, end, startswith, endswith")
rows = []
for s in ["", "abc", "abcabc"]:
    for sub in ["", "a", "bc", "abc", "x"]:
        for st in [0, 1, -1, -10, 7]:
            for en in [2, -1, 3, 100]:
                rows.append("{%s, %s, %d, %d, %s, %s}" % (c(s), c(sub), st, en, str(s.startswith(sub, st, en)).lower(), str(s.endswith(sub, st, en)).lower()))
print(pack(rows))
print("// splits: s, sep char, maxsplit, split, rsplit, rsplit(None)")
rows = []
for s in ["", "a", ",", "a,b", ",a,,b,", "  a b  c  ", "a b c", " \t a\n"]:
    for m in [-1, 0, 1, 2, 5]:
        rows.append("{%s, ',', %d, %s, %s, %s}" % (c(s), m, lst(s.split(",", m)), lst(s.rsplit(",", m)), lst(s.rsplit(None, m))))
print(pack(rows))
print("// char search: s, c, start, end, rfind, count")
rows = []
for s in ["", "abcabc", "aaa"]:
    for ch in "ac":
        for st in [0, 1, -2, 10]:
            for en in [100, 2, -1, 0]:
                rows.append("{%s, '%s', %d, %d, %d, %d}" % (c(s), ch, st, en, s.rfind(ch, st, en), s.count(ch, st, en)))
print(pack(rows))
*/
