"""pyunicode: UTF-8 and character-class helpers for Python `str`.

Strings are byte strings at run time (DESIGN.md section 3), so a Python
str keeps its text as UTF-8 in an RPy str and knows its length in code
points.  This module decodes and encodes code points and answers the
character questions str methods ask (space, letter, digit, case, printable)
for ASCII exactly and for the rest of Unicode through a small table of
ranges: Latin-1, Latin Extended-A, Greek, Cyrillic, general punctuation
spaces, CJK.  Outside those ranges letters are not cased and `repr` keeps
characters as they are, except the format, separator, surrogate and
private-use characters CPython escapes.

On CPython (untranslated) an RPy str holds one byte per character (the
VM reads files as Latin-1 there, see pyvm.py), so the same code runs on
both.
"""


def utf8_len_of_lead(o):
    """The length of the UTF-8 sequence whose first byte is `o`."""
    if o < 0x80:
        return 1
    if o >= 0xf0:
        return 4
    if o >= 0xe0:
        return 3
    if o >= 0xc0:
        return 2
    return 1                     # a stray continuation byte: one unit


def utf8_codepoint_count(s):
    """The number of code points of UTF-8 text `s`."""
    n = 0
    for c in s:
        if (ord(c) & 0xc0) != 0x80:
            n += 1
    return n


def utf8_decode_at(s, i):
    """The code point starting at byte i (a lone byte if malformed)."""
    o = ord(s[i])
    if o < 0x80:
        return o
    n = utf8_len_of_lead(o)
    if i + n > len(s):
        return o
    if n == 2:
        cp = o & 0x1f
    elif n == 3:
        cp = o & 0x0f
    elif n == 4:
        cp = o & 0x07
    else:
        return o
    k = 1
    while k < n:
        cp = (cp << 6) | (ord(s[i + k]) & 0x3f)
        k += 1
    return cp


def utf8_encode(cp):
    """The UTF-8 bytes of code point `cp` (0 <= cp < 0x110000)."""
    if cp < 0x80:
        return chr(cp)
    if cp < 0x800:
        return chr(0xc0 | (cp >> 6)) + chr(0x80 | (cp & 0x3f))
    if cp < 0x10000:
        return chr(0xe0 | (cp >> 12)) + chr(0x80 | ((cp >> 6) & 0x3f)) + \
            chr(0x80 | (cp & 0x3f))
    return chr(0xf0 | (cp >> 18)) + chr(0x80 | ((cp >> 12) & 0x3f)) + \
        chr(0x80 | ((cp >> 6) & 0x3f)) + chr(0x80 | (cp & 0x3f))


def utf8_codepoints(s):
    """The code points of `s` as a list of ints."""
    result = []
    i = 0
    n = len(s)
    while i < n:
        o = ord(s[i])
        if o < 0x80:
            result.append(o)
            i += 1
        else:
            result.append(utf8_decode_at(s, i))
            i += utf8_len_of_lead(o)
    return result


def utf8_from_codepoints(cps):
    parts = []
    for cp in cps:
        parts.append(utf8_encode(cp))
    return "".join(parts)


def utf8_is_valid(s):
    """True if `s` is well-formed UTF-8 (no overlongs, no surrogates)."""
    i = 0
    n = len(s)
    while i < n:
        o = ord(s[i])
        if o < 0x80:
            i += 1
            continue
        if o < 0xc2 or o > 0xf4:
            return False
        k = utf8_len_of_lead(o)
        if i + k > n:
            return False
        j = 1
        while j < k:
            if (ord(s[i + j]) & 0xc0) != 0x80:
                return False
            j += 1
        cp = utf8_decode_at(s, i)
        if (k == 3 and cp < 0x800) or (k == 4 and cp < 0x10000) or \
                (0xd800 <= cp <= 0xdfff) or cp > 0x10ffff:
            return False
        i += k
    return True


def latin1_to_utf8(s):
    """Bytes taken as Latin-1 code points, encoded as UTF-8."""
    parts = []
    for c in s:
        parts.append(utf8_encode(ord(c)))
    return "".join(parts)


# ---------------------------------------------------------------------------
# Character classes


def is_space(cp):
    if cp < 0x80:
        return cp == 32 or (9 <= cp <= 13) or (0x1c <= cp <= 0x1f)
    return cp == 0x85 or cp == 0xa0 or cp == 0x1680 or \
        (0x2000 <= cp <= 0x200a) or cp == 0x2028 or cp == 0x2029 or \
        cp == 0x202f or cp == 0x205f or cp == 0x3000


def is_decimal(cp):
    if cp < 0x80:
        return 48 <= cp <= 57
    return decimal_value(cp) >= 0


def decimal_value(cp):
    """The digit value of a decimal digit code point, or -1."""
    if 48 <= cp <= 57:
        return cp - 48
    for base in DECIMAL_ZEROS:
        if base <= cp <= base + 9:
            return cp - base
    return -1


DECIMAL_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xe50, 0xff10]


def normalize_number_text(s):
    """int()/float() accept any Unicode decimal digits and spaces: map
    them to ASCII (other characters are kept, and then rejected)."""
    out = []
    for cp in utf8_codepoints(s):
        if cp >= 0x80:
            d = decimal_value(cp)
            if d >= 0:
                cp = 48 + d
            elif is_space(cp):
                cp = 32
        out.append(utf8_encode(cp))
    return "".join(out)


def is_digit(cp):
    """str.isdigit: decimals plus superscripts and similar."""
    if is_decimal(cp):
        return True
    return cp == 0xb2 or cp == 0xb3 or cp == 0xb9 or \
        (0x2070 <= cp <= 0x2079 and cp != 0x2071 and cp != 0x2072 and
         cp != 0x2073) or (0x2080 <= cp <= 0x2089) or \
        (0x2460 <= cp <= 0x2468) or (0x2474 <= cp <= 0x247c) or \
        (0x2488 <= cp <= 0x2490)


def is_numeric(cp):
    if is_digit(cp):
        return True
    return cp == 0xbc or cp == 0xbd or cp == 0xbe or \
        (0x2150 <= cp <= 0x2189) or (0x2460 <= cp <= 0x24ff) or \
        cp == 0x3007 or (0x4e00 <= cp <= 0x9fff and
                         is_cjk_numeral(cp))


def is_cjk_numeral(cp):
    return cp == 0x4e00 or cp == 0x4e8c or cp == 0x4e09 or \
        cp == 0x56db or cp == 0x4e94 or cp == 0x516d or cp == 0x4e03 or \
        cp == 0x516b or cp == 0x4e5d or cp == 0x5341 or cp == 0x767e or \
        cp == 0x5343 or cp == 0x4e07


def is_upper(cp):
    if cp < 0x80:
        return 65 <= cp <= 90
    return to_lower(cp) != cp and not is_lower_only(cp)


def is_lower(cp):
    if cp < 0x80:
        return 97 <= cp <= 122
    if cp == 0xdf or cp == 0x138 or cp == 0x149 or cp == 0xaa or \
            cp == 0xba:
        return True
    return to_upper(cp) != cp or is_lower_only(cp)


def is_lower_only(cp):
    return cp == 0xdf or cp == 0x138 or cp == 0x149


def is_alpha(cp):
    if cp < 0x80:
        return (65 <= cp <= 90) or (97 <= cp <= 122)
    if cp == 0xaa or cp == 0xb5 or cp == 0xba:
        return True
    if 0xc0 <= cp <= 0x24f:
        return cp != 0xd7 and cp != 0xf7
    if 0x370 <= cp <= 0x3ff:
        return cp != 0x375 and cp != 0x37e and cp != 0x384 and \
            cp != 0x385 and cp != 0x387 and cp != 0x3f6 and \
            not (0x378 <= cp <= 0x379) and not (0x380 <= cp <= 0x383) and \
            cp != 0x38b and cp != 0x38d and cp != 0x3a2
    if 0x400 <= cp <= 0x52f:
        return not (0x482 <= cp <= 0x489)
    if 0x5d0 <= cp <= 0x5ea or 0x620 <= cp <= 0x64a:
        return True
    if 0x3041 <= cp <= 0x3096 or 0x30a1 <= cp <= 0x30fa:
        return True
    if 0x4e00 <= cp <= 0x9fff or 0xac00 <= cp <= 0xd7a3:
        return True
    if 0x1e00 <= cp <= 0x1fff:
        return True
    return False


def is_alnum(cp):
    return is_alpha(cp) or is_numeric(cp)


def is_printable(cp):
    """CPython's str.isprintable for one code point (approximate beyond
    the ranges named in the module doc)."""
    if cp < 0x80:
        return 0x20 <= cp < 0x7f
    if cp <= 0xa0 or cp == 0xad:
        return False
    if cp == 0x1680 or (0x2000 <= cp <= 0x200f) or \
            (0x2028 <= cp <= 0x202f) or (0x205f <= cp <= 0x2064) or \
            (0x2066 <= cp <= 0x206f) or cp == 0x3000:
        return False
    if (0x600 <= cp <= 0x605) or cp == 0x61c or cp == 0x6dd or \
            cp == 0x70f or cp == 0x180e:
        return False
    if (0xd800 <= cp <= 0xf8ff) or cp == 0xfeff or \
            (0xfff0 <= cp <= 0xfffb) or cp == 0xfffe or cp == 0xffff:
        return False
    if cp >= 0xe0000:
        return False
    if (0x378 <= cp <= 0x379) or (0x380 <= cp <= 0x383) or cp == 0x38b \
            or cp == 0x38d or cp == 0x3a2:
        return False
    return True


def is_id_start(cp):
    return cp == 95 or is_alpha(cp)


def is_id_continue(cp):
    return cp == 95 or is_alpha(cp) or is_decimal(cp) or \
        (cp >= 0x80 and is_numeric(cp))


# ---------------------------------------------------------------------------
# Case mapping (simple mappings; 'ß'.upper() is handled by the caller)


def to_upper(cp):
    if cp < 0x80:
        if 97 <= cp <= 122:
            return cp - 32
        return cp
    if cp == 0xb5:
        return 0x39c
    if 0xe0 <= cp <= 0xfe and cp != 0xf7:
        return cp - 32
    if cp == 0xff:
        return 0x178
    if 0x100 <= cp <= 0x17f:
        return latin_ext_upper(cp)
    if 0x3b1 <= cp <= 0x3c9 and cp != 0x3c2:
        return cp - 32
    if cp == 0x3c2:
        return 0x3a3
    if cp == 0x3ac:
        return 0x386
    if 0x3ad <= cp <= 0x3af:
        return cp - 37
    if cp == 0x3cc:
        return 0x38c
    if cp == 0x3cd or cp == 0x3ce:
        return cp - 63
    if 0x430 <= cp <= 0x44f:
        return cp - 32
    if 0x450 <= cp <= 0x45f:
        return cp - 80
    if 0x460 <= cp <= 0x4ff and cp & 1 == 1 and not (0x482 <= cp <= 0x489):
        if 0x4c1 <= cp <= 0x4ce:
            if cp & 1 == 0:
                return cp - 1
            return cp
        return cp - 1
    return cp


def to_lower(cp):
    if cp < 0x80:
        if 65 <= cp <= 90:
            return cp + 32
        return cp
    if 0xc0 <= cp <= 0xde and cp != 0xd7:
        return cp + 32
    if cp == 0x178:
        return 0xff
    if 0x100 <= cp <= 0x17f:
        return latin_ext_lower(cp)
    if 0x391 <= cp <= 0x3a9 and cp != 0x3a2:
        return cp + 32
    if cp == 0x386:
        return 0x3ac
    if 0x388 <= cp <= 0x38a:
        return cp + 37
    if cp == 0x38c:
        return 0x3cc
    if cp == 0x38e or cp == 0x38f:
        return cp + 63
    if 0x410 <= cp <= 0x42f:
        return cp + 32
    if 0x400 <= cp <= 0x40f:
        return cp + 80
    if 0x460 <= cp <= 0x4ff and cp & 1 == 0 and not (0x482 <= cp <= 0x489):
        if 0x4c1 <= cp <= 0x4ce:
            if cp & 1 == 1:
                return cp + 1
            return cp
        return cp + 1
    return cp


def latin_ext_upper(cp):
    """Latin Extended-A: pairs (upper even, lower odd) except the ranges
    0x139-0x148 and 0x179-0x17e where the upper case is odd."""
    if cp == 0x131:
        return 0x49
    if cp == 0x17f:
        return 0x53
    if cp == 0x138 or cp == 0x149 or cp == 0x130:
        return cp
    if (0x139 <= cp <= 0x148) or (0x179 <= cp <= 0x17e):
        if cp & 1 == 0:
            return cp - 1
        return cp
    if cp & 1 == 1:
        return cp - 1
    return cp


def latin_ext_lower(cp):
    if cp == 0x130:
        return 0x69
    if cp == 0x138 or cp == 0x149 or cp == 0x131 or cp == 0x17f:
        return cp
    if (0x139 <= cp <= 0x148) or (0x179 <= cp <= 0x17e):
        if cp & 1 == 1:
            return cp + 1
        return cp
    if cp & 1 == 0:
        return cp + 1
    return cp


def is_cased(cp):
    return to_upper(cp) != cp or to_lower(cp) != cp or is_lower_only(cp)
