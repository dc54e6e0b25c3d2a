"""pyunicode: UTF-8 and character-class helpers for Python `str`.

Strings are byte strings at run time (DESIGN.md section 3), so a Python
str keeps its text as UTF-8 in an RPy str and knows its length in code
points.  This module decodes and encodes code points and answers the
character questions str methods ask (space, letter, digit, case,
printable, identifier) and the case mappings (simple and full, final
sigma), for ASCII directly and for the rest of Unicode from the tables of
pyunicodedb.py, generated from CPython's unicodedata
(tests/python_objects/gen_unicodedb.py).

On CPython (untranslated) an RPy str holds one byte per character (the
VM reads files as Latin-1 there, see pyfile.py), so the same code runs on
both.
"""

import pyunicodedb as db


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
# Character classes: ASCII here, the rest from the generated tables of
# pyunicodedb.py (CPython's unicodedata).


def in_ranges(table, cp):
    """Binary search of the inclusive ranges [lo0, hi0, lo1, hi1, ...]."""
    lo = 0
    hi = len(table) // 2
    while lo < hi:
        mid = (lo + hi) // 2
        if cp < table[2 * mid]:
            hi = mid
        elif cp > table[2 * mid + 1]:
            lo = mid + 1
        else:
            return True
    return False


def map_lookup(keys, cp):
    """The index of cp in the sorted list keys, or -1."""
    lo = 0
    hi = len(keys)
    while lo < hi:
        mid = (lo + hi) // 2
        k = keys[mid]
        if cp < k:
            hi = mid
        elif cp > k:
            lo = mid + 1
        else:
            return mid
    return -1


def simple_map(keys, values, cp):
    i = map_lookup(keys, cp)
    if i < 0:
        return cp
    return values[i]


def is_space(cp):
    if cp < 0x80:
        return cp == 32 or (9 <= cp <= 13) or (0x1c <= cp <= 0x1f)
    return in_ranges(db.SPACE_RANGES, cp)


def decimal_value(cp):
    """The digit value of a decimal digit code point, or -1."""
    if cp < 0x80:
        if 48 <= cp <= 57:
            return cp - 48
        return -1
    i = map_lookup(db.DECIMAL_KEYS, cp)
    if i < 0:
        return -1
    return db.DECIMAL_VALUES[i]


def is_decimal(cp):
    if cp < 0x80:
        return 48 <= cp <= 57
    return in_ranges(db.DECIMAL_RANGES, cp)


def is_digit(cp):
    if cp < 0x80:
        return 48 <= cp <= 57
    return in_ranges(db.DIGIT_RANGES, cp)


def is_numeric(cp):
    if cp < 0x80:
        return 48 <= cp <= 57
    return in_ranges(db.NUMERIC_RANGES, cp)


def is_alpha(cp):
    if cp < 0x80:
        return (65 <= cp <= 90) or (97 <= cp <= 122)
    return in_ranges(db.ALPHA_RANGES, cp)


def is_alnum(cp):
    return is_alpha(cp) or is_numeric(cp)


def is_upper(cp):
    if cp < 0x80:
        return 65 <= cp <= 90
    return in_ranges(db.UPPER_RANGES, cp)


def is_lower(cp):
    if cp < 0x80:
        return 97 <= cp <= 122
    return in_ranges(db.LOWER_RANGES, cp)


def is_title(cp):
    if cp < 0x80:
        return False
    return in_ranges(db.TITLE_RANGES, cp)


def is_cased(cp):
    return is_upper(cp) or is_lower(cp) or is_title(cp)


def is_case_ignorable(cp):
    if cp < 0x80:
        return cp == 39 or cp == 46 or cp == 58 or cp == 94 or cp == 96
    return in_ranges(db.CASE_IGNORABLE_RANGES, cp)


def is_printable(cp):
    if cp < 0x80:
        return 0x20 <= cp < 0x7f
    return in_ranges(db.PRINTABLE_RANGES, cp)


def is_id_start(cp):
    if cp < 0x80:
        return cp == 95 or (65 <= cp <= 90) or (97 <= cp <= 122)
    return in_ranges(db.ID_START_RANGES, cp)


def is_id_continue(cp):
    if cp < 0x80:
        return cp == 95 or (65 <= cp <= 90) or (97 <= cp <= 122) or \
            (48 <= cp <= 57)
    return in_ranges(db.ID_CONTINUE_RANGES, cp)


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


# ---------------------------------------------------------------------------
# Case mapping.  The simple mappings give one code point; the full ones
# (e.g. 'ß'.upper() == 'SS') append to a list of code points.


def to_upper(cp):
    if cp < 0x80:
        if 97 <= cp <= 122:
            return cp - 32
        return cp
    return simple_map(db.UPPER_KEYS, db.UPPER_VALUES, cp)


def to_lower(cp):
    if cp < 0x80:
        if 65 <= cp <= 90:
            return cp + 32
        return cp
    return simple_map(db.LOWER_KEYS, db.LOWER_VALUES, cp)


def to_title(cp):
    if cp < 0x80:
        return to_upper(cp)
    return simple_map(db.TITLE_KEYS, db.TITLE_VALUES, cp)


def append_full(keys, full_values, cp, out):
    """Append the full mapping of cp when it has one; False otherwise."""
    if cp < 0x80:
        return False
    i = map_lookup(keys, cp)
    if i < 0:
        return False
    for c in full_values[i]:
        out.append(c)
    return True


def upper_full(cp, out):
    if not append_full(db.FULL_UPPER_KEYS, db.FULL_UPPER_VALUES, cp, out):
        out.append(to_upper(cp))


def lower_full(cp, out):
    if not append_full(db.FULL_LOWER_KEYS, db.FULL_LOWER_VALUES, cp, out):
        out.append(to_lower(cp))


def title_full(cp, out):
    if not append_full(db.FULL_TITLE_KEYS, db.FULL_TITLE_VALUES, cp, out):
        out.append(to_title(cp))


def fold_full(cp, out):
    if append_full(db.FULL_FOLD_KEYS, db.FULL_FOLD_VALUES, cp, out):
        return
    i = -1
    if cp >= 0x80:
        i = map_lookup(db.FOLD_KEYS, cp)
    if i >= 0:
        out.append(db.FOLD_VALUES[i])
    else:
        out.append(to_lower(cp))


def final_sigma(cps, i):
    """Is the capital sigma at cps[i] at the end of a word (lower() makes
    it a final sigma)?  CPython's rule: a cased letter before it (skipping
    case-ignorables) and none after it."""
    j = i - 1
    while j >= 0 and is_case_ignorable(cps[j]):
        j -= 1
    if j < 0 or not is_cased(cps[j]):
        return False
    j = i + 1
    while j < len(cps) and is_case_ignorable(cps[j]):
        j += 1
    return j >= len(cps) or not is_cased(cps[j])
