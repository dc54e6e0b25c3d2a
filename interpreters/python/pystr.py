"""pystr: Python `str` (and a minimal `bytes`) over UTF-8 byte strings.

A `W_StrObject` holds its text as UTF-8 in an RPy str (`value`) and its
length in code points (`length`).  ASCII text (`length == len(value)`) is
the fast path: indexes are byte offsets.  Non-ASCII text builds, on first
need, the list of the byte offset of every code point (`offsets`), so
indexing and slicing stay O(1) after one O(n) pass.  Searching works on
bytes (UTF-8 is self-synchronising: a complete character never matches
inside another) and converts offsets at the edges.

Methods are RPy functions `str_NAME(space, args)` (args_w[0] is self),
collected in STR_METHODS for pyspace to put in the `str` type.  Character
classes and case mapping come from pyunicode.py.  The hash is FNV-1a over
the UTF-8 bytes: deterministic (CPython randomises str hashes, so no test
can depend on it), never -1.
"""

from rlib.rarith import intmask
from rlib.objectmodel import StringBuilder

from pyobjects import (W_Root, W_SliceObject, check_method_args,
                       parse_args, Arguments)
import pyunicode
from pyunicode import (utf8_len_of_lead, utf8_decode_at, utf8_encode,
                       utf8_codepoint_count)


class W_StrObject(W_Root):
    _immutable_fields_ = ['value', 'length']

    def __init__(self, value, length):
        assert value is not None
        self.value = value
        self.length = length
        self.hash = -1
        self.offsets = None

    def getclass(self, space):
        return space.w_str

    def is_ascii(self):
        return self.length == len(self.value)

    def byte_offset(self, index):
        """The byte offset of code point `index` (0 <= index <= length)."""
        if self.length == len(self.value):
            return index
        if self.offsets is None:
            self.offsets = build_offsets(self.value, self.length)
        return self.offsets[index]

    def cp_index(self, byte_pos):
        """The code point index of byte offset `byte_pos` (a character
        boundary)."""
        if self.length == len(self.value):
            return byte_pos
        if self.offsets is None:
            self.offsets = build_offsets(self.value, self.length)
        offsets = self.offsets
        lo = 0
        hi = len(offsets) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if offsets[mid] < byte_pos:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def char_at(self, space, index):
        """The one-character str at code point `index` (in range)."""
        if self.length == len(self.value):
            return space.newchar(self.value[index])
        start = self.byte_offset(index)
        stop = self.byte_offset(index + 1)
        return W_StrObject(self.value[start:stop], 1)

    def op_len(self, space):
        return self.length

    def op_getitem(self, space, w_key):
        if isinstance(w_key, W_SliceObject):
            start, stop, step, n = w_key.indices(space, self.length)
            return str_slice(space, self, start, stop, step, n)
        index = space.getindex_for_sequence(w_key, "string")
        if index < 0:
            index += self.length
        if index < 0 or index >= self.length:
            raise space.error(space.w_IndexError, "string index out of range")
        return self.char_at(space, index)

    def op_iter(self, space):
        return W_StrIterObject(self)

    def op_contains(self, space, w_item):
        w_sub = space.unwrap_base(w_item)
        if not isinstance(w_sub, W_StrObject):
            raise space.error(space.w_TypeError,
                              "'in <string>' requires string as left "
                              "operand, not %s" % space.type_name(w_item))
        return self.value.find(w_sub.value) >= 0

    def op_repr(self, space):
        return str_repr(self.value)

    def op_str(self, space):
        return self.value

    def op_hash(self, space):
        h = self.hash
        if h == -1:
            h = str_hash(self.value)
            self.hash = h
        return h

    def op_bool(self, space):
        return len(self.value) > 0


def build_offsets(s, length):
    offsets = [0] * (length + 1)
    i = 0
    k = 0
    n = len(s)
    while i < n:
        offsets[k] = i
        k += 1
        i += utf8_len_of_lead(ord(s[i]))
    offsets[length] = n
    return offsets


def str_hash(s):
    """32-bit FNV-1a: no intermediate value leaves the signed 64-bit
    range, so it also runs in the translation-time evaluator (prebuilt
    dicts are hashed there), whose ints do not wrap."""
    h = 2166136261
    for c in s:
        h = ((h ^ ord(c)) * 16777619) & 0xffffffff
    return h


class W_StrIterObject(W_Root):
    def __init__(self, w_str):
        self.w_str = w_str
        self.pos = 0

    def getclass(self, space):
        return space.w_str_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        s = self.w_str.value
        pos = self.pos
        if pos >= len(s):
            return None
        c = s[pos]
        if ord(c) < 0x80:
            self.pos = pos + 1
            return space.newchar(c)
        n = utf8_len_of_lead(ord(c))
        self.pos = pos + n
        return W_StrObject(s[pos:pos + n], 1)


def str_slice(space, w_str, start, stop, step, n):
    if n <= 0:
        return space.newtext_ascii("")
    s = w_str.value
    if step == 1:
        bstart = w_str.byte_offset(start)
        bstop = w_str.byte_offset(stop)
        return W_StrObject(s[bstart:bstop], n)
    parts = []
    i = start
    k = 0
    while k < n:
        if w_str.is_ascii():
            parts.append(s[i])
        else:
            parts.append(s[w_str.byte_offset(i):w_str.byte_offset(i + 1)])
        i += step
        k += 1
    return W_StrObject("".join(parts), n)


# ---------------------------------------------------------------------------
# repr


HEX = "0123456789abcdef"


def hex2(n):
    return HEX[(n >> 4) & 15] + HEX[n & 15]


def str_repr(s):
    """CPython's repr() of a str given as UTF-8."""
    quote = '\''
    if s.find('\'') >= 0 and s.find('"') < 0:
        quote = '"'
    out = StringBuilder(len(s) + 2)
    out.append(quote)
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        o = ord(c)
        if o >= 0x80:
            k = utf8_len_of_lead(o)
            cp = utf8_decode_at(s, i)
            if pyunicode.is_printable(cp):
                out.append(s[i:i + k])
            else:
                out.append(escape_codepoint(cp))
            i += k
            continue
        if c == quote or c == '\\':
            out.append('\\')
            out.append(c)
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif c == '\t':
            out.append('\\t')
        elif o < 0x20 or o == 0x7f:
            out.append('\\x' + hex2(o))
        else:
            out.append(c)
        i += 1
    out.append(quote)
    return out.build()


def escape_codepoint(cp):
    if cp < 0x100:
        return "\\x" + hex2(cp)
    if cp < 0x10000:
        return "\\u" + hex2(cp >> 8) + hex2(cp)
    return "\\U" + hex2(cp >> 24) + hex2(cp >> 16) + hex2(cp >> 8) + hex2(cp)


def ascii_repr(r):
    """ascii(): the repr text `r` with every non-ASCII character escaped."""
    out = StringBuilder(len(r))
    i = 0
    while i < len(r):
        o = ord(r[i])
        if o >= 0x80:
            k = utf8_len_of_lead(o)
            out.append(escape_codepoint(utf8_decode_at(r, i)))
            i += k
        else:
            out.append(r[i])
            i += 1
    return out.build()


# ---------------------------------------------------------------------------
# Helpers for the methods


def str_self(space, args, name):
    """args_w[0] as a W_StrObject (str or an instance of a subclass)."""
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '%s' of 'str' object needs an "
                          "argument" % name)
    w_self = space.unwrap_base(args.args_w[0])
    if not isinstance(w_self, W_StrObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' for 'str' objects doesn't apply "
                          "to a '%s' object" % (name,
                                                space.type_name(args.args_w[0])))
    return w_self


def str_arg(space, w_obj, fname):
    """A str argument as a W_StrObject, else TypeError."""
    w_s = space.unwrap_base(w_obj)
    if not isinstance(w_s, W_StrObject):
        raise space.error(space.w_TypeError,
                          "%s() argument must be str, not %s" %
                          (fname, space.type_name(w_obj)))
    return w_s


def must_be_str(space, w_obj, what):
    w_s = space.unwrap_base(w_obj)
    if not isinstance(w_s, W_StrObject):
        raise space.error(space.w_TypeError,
                          "must be str, not %s" % space.type_name(w_obj))
    return w_s


def optional_index(space, w_obj, default):
    if w_obj is None or space.is_none(w_obj):
        return default
    return space.slice_index(w_obj)


def byte_range(space, w_self, w_start, w_end):
    """Byte offsets [start, end) of str[start:end] (slice semantics on
    code points); (-1, -1) when the range is empty beyond the end."""
    length = w_self.length
    start = optional_index(space, w_start, 0)
    end = optional_index(space, w_end, length)
    if start < 0:
        start += length
        if start < 0:
            start = 0
    if end < 0:
        end += length
        if end < 0:
            end = 0
    if end > length:
        end = length
    if start > length:
        return -1, -1
    if start > end:
        return w_self.byte_offset(start), -1
    return w_self.byte_offset(start), w_self.byte_offset(end)


def find_in(s, sub, start, end):
    """The lowest byte index >= start where sub occurs within s[start:end],
    or -1."""
    if end - start < len(sub):
        return -1
    if len(sub) == 0:
        return start
    i = s.find(sub, start, end)
    return i


def rfind_in(s, sub, start, end):
    if end - start < len(sub):
        return -1
    if len(sub) == 0:
        return end
    return s.rfind(sub, start, end)


def count_in(s, sub, start, end):
    if len(sub) == 0:
        return -1
    n = 0
    i = start
    while True:
        j = find_in(s, sub, i, end)
        if j < 0:
            return n
        n += 1
        i = j + len(sub)


def newtext(space, s):
    return W_StrObject(s, utf8_codepoint_count(s))


def wrap_like(space, w_self, s):
    """A new str with the same length kind (ASCII text stays ASCII)."""
    if w_self.is_ascii():
        return W_StrObject(s, len(s))
    return W_StrObject(s, utf8_codepoint_count(s))


# ---------------------------------------------------------------------------
# Methods: searching


def str_find(space, args):
    return space.newint(find_impl(space, args, "find", False))


def str_rfind(space, args):
    return space.newint(find_impl(space, args, "rfind", True))


def str_index(space, args):
    i = find_impl(space, args, "index", False)
    if i < 0:
        raise space.error(space.w_ValueError, "substring not found")
    return space.newint(i)


def str_rindex(space, args):
    i = find_impl(space, args, "rindex", True)
    if i < 0:
        raise space.error(space.w_ValueError, "substring not found")
    return space.newint(i)


def find_impl(space, args, name, reverse):
    w_self = str_self(space, args, name)
    check_method_args(space, args, name, 1, 3)
    w_sub = must_be_str(space, args.args_w[1], name)
    w_start = None
    w_end = None
    if len(args.args_w) > 2:
        w_start = args.args_w[2]
    if len(args.args_w) > 3:
        w_end = args.args_w[3]
    start, end = byte_range(space, w_self, w_start, w_end)
    if start < 0 or end < 0:
        return -1
    if reverse:
        pos = rfind_in(w_self.value, w_sub.value, start, end)
    else:
        pos = find_in(w_self.value, w_sub.value, start, end)
    if pos < 0:
        return -1
    return w_self.cp_index(pos)


def str_count(space, args):
    w_self = str_self(space, args, "count")
    check_method_args(space, args, "count", 1, 3)
    w_sub = must_be_str(space, args.args_w[1], "count")
    w_start = None
    w_end = None
    if len(args.args_w) > 2:
        w_start = args.args_w[2]
    if len(args.args_w) > 3:
        w_end = args.args_w[3]
    start, end = byte_range(space, w_self, w_start, w_end)
    if start < 0 or end < 0:
        return space.newint(0)
    if w_sub.length == 0:
        return space.newint(w_self.cp_index(end) - w_self.cp_index(start) + 1)
    return space.newint(count_in(w_self.value, w_sub.value, start, end))


def startsendswith(space, args, name, at_end):
    w_self = str_self(space, args, name)
    check_method_args(space, args, name, 1, 3)
    w_start = None
    w_end = None
    if len(args.args_w) > 2:
        w_start = args.args_w[2]
    if len(args.args_w) > 3:
        w_end = args.args_w[3]
    start, end = byte_range(space, w_self, w_start, w_end)
    w_prefix = args.args_w[1]
    prefixes = []
    if space.is_tuple(w_prefix):
        for w_p in space.fixedview(w_prefix):
            prefixes.append(prefix_arg(space, w_p, name))
    else:
        prefixes.append(prefix_arg(space, w_prefix, name))
    if start < 0 or end < 0:
        return space.w_False
    s = w_self.value
    for p in prefixes:
        if end - start < len(p):
            continue
        if at_end:
            if s[end - len(p):end] == p:
                return space.w_True
        else:
            if s[start:start + len(p)] == p:
                return space.w_True
    return space.w_False


def prefix_arg(space, w_obj, name):
    w_s = space.unwrap_base(w_obj)
    if not isinstance(w_s, W_StrObject):
        raise space.error(space.w_TypeError,
                          "%s first arg must be str or a tuple of str, not %s"
                          % (name, space.type_name(w_obj)))
    return w_s.value


def str_startswith(space, args):
    return startsendswith(space, args, "startswith", False)


def str_endswith(space, args):
    return startsendswith(space, args, "endswith", True)


# ---------------------------------------------------------------------------
# Methods: splitting and joining


def is_space_at(s, i):
    """(is whitespace, byte length) of the character at byte i."""
    o = ord(s[i])
    if o < 0x80:
        return pyunicode.is_space(o), 1
    n = utf8_len_of_lead(o)
    return pyunicode.is_space(utf8_decode_at(s, i)), n


def split_whitespace(s, maxsplit):
    result = []
    i = 0
    n = len(s)
    while True:
        while i < n:
            sp, k = is_space_at(s, i)
            if not sp:
                break
            i += k
        if i >= n:
            break
        if maxsplit == 0:
            j = n
            while j > i:
                back = j - 1
                while back > i and (ord(s[back]) & 0xc0) == 0x80:
                    back -= 1
                sp, k = is_space_at(s, back)
                if not sp:
                    break
                j = back
            result.append(s[i:j])
            break
        j = i
        while j < n:
            sp, k = is_space_at(s, j)
            if sp:
                break
            j += k
        result.append(s[i:j])
        maxsplit -= 1
        i = j
    return result


def rsplit_whitespace(s, maxsplit):
    result = []
    j = len(s)
    while True:
        while j > 0:
            b = prev_char_start(s, j)
            sp, k = is_space_at(s, b)
            if not sp:
                break
            j = b
        if j <= 0:
            break
        if maxsplit == 0:
            i = 0
            while i < j:
                sp, k = is_space_at(s, i)
                if not sp:
                    break
                i += k
            result.append(s[i:j])
            break
        i = j
        while i > 0:
            b = prev_char_start(s, i)
            sp, k = is_space_at(s, b)
            if sp:
                break
            i = b
        result.append(s[i:j])
        maxsplit -= 1
        j = i
    result.reverse()
    return result


def prev_char_start(s, j):
    b = j - 1
    while b > 0 and (ord(s[b]) & 0xc0) == 0x80:
        b -= 1
    return b


def split_sep(s, sep, maxsplit):
    result = []
    start = 0
    while maxsplit != 0:
        j = s.find(sep, start)
        if j < 0:
            break
        result.append(s[start:j])
        start = j + len(sep)
        maxsplit -= 1
    result.append(s[start:])
    return result


def rsplit_sep(s, sep, maxsplit):
    result = []
    end = len(s)
    while maxsplit != 0:
        j = rfind_in(s, sep, 0, end)
        if j < 0:
            break
        result.append(s[j + len(sep):end])
        end = j
        maxsplit -= 1
    result.append(s[0:end])
    result.reverse()
    return result


SPLIT_ARGS = ["self", "sep", "maxsplit"]


def split_impl(space, args, name, reverse):
    w_self = str_self(space, args, name)
    a = parse_args(space, args, name, SPLIT_ARGS, 1)
    maxsplit = -1
    if a[2] is not None:
        maxsplit = space.int_w(a[2])
    s = w_self.value
    if a[1] is None or space.is_none(a[1]):
        if reverse:
            parts = rsplit_whitespace(s, maxsplit)
        else:
            parts = split_whitespace(s, maxsplit)
    else:
        sep = must_be_str(space, a[1], name).value
        if len(sep) == 0:
            raise space.error(space.w_ValueError, "empty separator")
        if reverse:
            parts = rsplit_sep(s, sep, maxsplit)
        else:
            parts = split_sep(s, sep, maxsplit)
    ascii = w_self.is_ascii()
    items_w = []
    for p in parts:
        if ascii:
            items_w.append(W_StrObject(p, len(p)))
        else:
            items_w.append(newtext(space, p))
    return space.newlist(items_w)


def str_split(space, args):
    return split_impl(space, args, "split", False)


def str_rsplit(space, args):
    return split_impl(space, args, "rsplit", True)


def str_splitlines(space, args):
    w_self = str_self(space, args, "splitlines")
    a = parse_args(space, args, "splitlines", ["self", "keepends"], 1)
    keepends = False
    if a[1] is not None:
        keepends = space.is_true(a[1])
    s = w_self.value
    items_w = []
    i = 0
    n = len(s)
    while i < n:
        j = i
        eol = 0
        while j < n:
            eol = line_break_len(s, j)
            if eol > 0:
                break
            j += utf8_len_of_lead(ord(s[j]))
        end = j
        if keepends:
            end = j + eol
        items_w.append(wrap_like(space, w_self, s[i:end]))
        i = j + eol
    return space.newlist(items_w)


def line_break_len(s, j):
    """The byte length of the line break at s[j], or 0."""
    c = s[j]
    if c == '\n' or c == '\x0b' or c == '\x0c' or c == '\x1c' or \
            c == '\x1d' or c == '\x1e':
        return 1
    if c == '\r':
        if j + 1 < len(s) and s[j + 1] == '\n':
            return 2
        return 1
    o = ord(c)
    if o >= 0x80:
        cp = utf8_decode_at(s, j)
        if cp == 0x85 or cp == 0x2028 or cp == 0x2029:
            return utf8_len_of_lead(o)
    return 0


def str_join(space, args):
    w_self = str_self(space, args, "join")
    check_method_args(space, args, "join", 1, 1)
    items_w = space.listview(args.args_w[1])
    parts = []
    total = 0
    i = 0
    for w_item in items_w:
        w_s = space.unwrap_base(w_item)
        if not isinstance(w_s, W_StrObject):
            raise space.error(space.w_TypeError,
                              "sequence item %d: expected str instance, %s "
                              "found" % (i, space.type_name(w_item)))
        parts.append(w_s.value)
        total += w_s.length
        i += 1
    if len(parts) > 1:
        total += w_self.length * (len(parts) - 1)
    return W_StrObject(w_self.value.join(parts), total)


def partition_impl(space, args, name, reverse):
    w_self = str_self(space, args, name)
    check_method_args(space, args, name, 1, 1)
    w_sep = must_be_str(space, args.args_w[1], name)
    sep = w_sep.value
    if len(sep) == 0:
        raise space.error(space.w_ValueError, "empty separator")
    s = w_self.value
    if reverse:
        j = s.rfind(sep)
    else:
        j = s.find(sep)
    w_empty = space.newtext_ascii("")
    if j < 0:
        if reverse:
            return space.newtuple([w_empty, w_empty, w_self])
        return space.newtuple([w_self, w_empty, w_empty])
    return space.newtuple([wrap_like(space, w_self, s[:j]), w_sep,
                           wrap_like(space, w_self, s[j + len(sep):])])


def str_partition(space, args):
    return partition_impl(space, args, "partition", False)


def str_rpartition(space, args):
    return partition_impl(space, args, "rpartition", True)


# ---------------------------------------------------------------------------
# Methods: transforming


def str_replace(space, args):
    w_self = str_self(space, args, "replace")
    check_method_args(space, args, "replace", 2, 3)
    w_old = must_be_str(space, args.args_w[1], "replace")
    w_new = must_be_str(space, args.args_w[2], "replace")
    count = -1
    if len(args.args_w) > 3:
        count = space.int_w(args.args_w[3])
    s = w_self.value
    old = w_old.value
    new = w_new.value
    if len(old) == 0:
        return replace_empty(space, w_self, w_new, count)
    out = StringBuilder(len(s))
    start = 0
    done = 0
    while count < 0 or done < count:
        j = s.find(old, start)
        if j < 0:
            break
        out.append_slice(s, start, j)
        out.append(new)
        start = j + len(old)
        done += 1
    if done == 0:
        return w_self
    out.append_slice(s, start, len(s))
    length = w_self.length + done * (w_new.length - w_old.length)
    return W_StrObject(out.build(), length)


def replace_empty(space, w_self, w_new, count):
    """s.replace('', new): new before every character and at the end."""
    s = w_self.value
    out = StringBuilder(len(s))
    done = 0
    i = 0
    n = len(s)
    while i <= n:
        if count >= 0 and done >= count:
            out.append_slice(s, i, n)
            break
        out.append(w_new.value)
        done += 1
        if i == n:
            break
        k = utf8_len_of_lead(ord(s[i]))
        out.append_slice(s, i, i + k)
        i += k
    return W_StrObject(out.build(), w_self.length + done * w_new.length)


def map_codepoints(space, w_self, kind):
    """upper/lower/swapcase/casefold of a str; kind 0 upper, 1 lower,
    2 swapcase, 3 casefold (full mappings, final sigma)."""
    s = w_self.value
    if w_self.is_ascii():
        if kind == 0:
            return W_StrObject(ascii_upper(s), len(s))
        if kind == 1 or kind == 3:
            return W_StrObject(ascii_lower(s), len(s))
    cps = pyunicode.utf8_codepoints(s)
    out = []
    i = 0
    while i < len(cps):
        cp = cps[i]
        if kind == 0:
            pyunicode.upper_full(cp, out)
        elif kind == 1:
            lower_one(cps, i, out)
        elif kind == 3:
            pyunicode.fold_full(cp, out)
        elif pyunicode.is_upper(cp):
            lower_one(cps, i, out)
        elif pyunicode.is_lower(cp):
            pyunicode.upper_full(cp, out)
        else:
            out.append(cp)
        i += 1
    return W_StrObject(pyunicode.utf8_from_codepoints(out), len(out))


def lower_one(cps, i, out):
    cp = cps[i]
    if cp == 0x3a3 and pyunicode.final_sigma(cps, i):
        out.append(0x3c2)
    else:
        pyunicode.lower_full(cp, out)


def ascii_upper(s):
    out = StringBuilder(len(s))
    for c in s:
        if 'a' <= c <= 'z':
            out.append(chr(ord(c) - 32))
        else:
            out.append(c)
    return out.build()


def ascii_lower(s):
    out = StringBuilder(len(s))
    for c in s:
        if 'A' <= c <= 'Z':
            out.append(chr(ord(c) + 32))
        else:
            out.append(c)
    return out.build()


def str_upper(space, args):
    w_self = str_self(space, args, "upper")
    check_method_args(space, args, "upper", 0, 0)
    return map_codepoints(space, w_self, 0)


def str_lower(space, args):
    w_self = str_self(space, args, "lower")
    check_method_args(space, args, "lower", 0, 0)
    return map_codepoints(space, w_self, 1)


def str_casefold(space, args):
    w_self = str_self(space, args, "casefold")
    check_method_args(space, args, "casefold", 0, 0)
    return map_codepoints(space, w_self, 3)


def str_swapcase(space, args):
    w_self = str_self(space, args, "swapcase")
    check_method_args(space, args, "swapcase", 0, 0)
    return map_codepoints(space, w_self, 2)


def str_capitalize(space, args):
    w_self = str_self(space, args, "capitalize")
    check_method_args(space, args, "capitalize", 0, 0)
    cps = pyunicode.utf8_codepoints(w_self.value)
    out = []
    i = 0
    while i < len(cps):
        if i == 0:
            pyunicode.title_full(cps[i], out)
        else:
            lower_one(cps, i, out)
        i += 1
    return W_StrObject(pyunicode.utf8_from_codepoints(out), len(out))


def str_title(space, args):
    w_self = str_self(space, args, "title")
    check_method_args(space, args, "title", 0, 0)
    cps = pyunicode.utf8_codepoints(w_self.value)
    out = []
    prev_cased = False
    i = 0
    while i < len(cps):
        cp = cps[i]
        if prev_cased:
            lower_one(cps, i, out)
        else:
            pyunicode.title_full(cp, out)
        prev_cased = pyunicode.is_cased(cp)
        i += 1
    return W_StrObject(pyunicode.utf8_from_codepoints(out), len(out))


def strip_impl(space, args, name, left, right):
    w_self = str_self(space, args, name)
    check_method_args(space, args, name, 0, 1)
    s = w_self.value
    chars = None
    if len(args.args_w) > 1 and not space.is_none(args.args_w[1]):
        chars = pyunicode.utf8_codepoints(
            must_be_str(space, args.args_w[1], name).value)
    i = 0
    j = len(s)
    if left:
        while i < j:
            cp = utf8_decode_at(s, i)
            if not strip_match(cp, chars):
                break
            i += utf8_len_of_lead(ord(s[i]))
    if right:
        while j > i:
            b = prev_char_start(s, j)
            cp = utf8_decode_at(s, b)
            if not strip_match(cp, chars):
                break
            j = b
    if i == 0 and j == len(s):
        return w_self
    return wrap_like(space, w_self, s[i:j])


def strip_match(cp, chars):
    if chars is None:
        return pyunicode.is_space(cp)
    for c in chars:
        if c == cp:
            return True
    return False


def str_strip(space, args):
    return strip_impl(space, args, "strip", True, True)


def str_lstrip(space, args):
    return strip_impl(space, args, "lstrip", True, False)


def str_rstrip(space, args):
    return strip_impl(space, args, "rstrip", False, True)


def str_removeprefix(space, args):
    w_self = str_self(space, args, "removeprefix")
    check_method_args(space, args, "removeprefix", 1, 1)
    p = must_be_str(space, args.args_w[1], "removeprefix").value
    s = w_self.value
    if len(p) > 0 and s.startswith(p):
        return wrap_like(space, w_self, s[len(p):])
    return w_self


def str_removesuffix(space, args):
    w_self = str_self(space, args, "removesuffix")
    check_method_args(space, args, "removesuffix", 1, 1)
    p = must_be_str(space, args.args_w[1], "removesuffix").value
    s = w_self.value
    if len(p) > 0 and s.endswith(p):
        return wrap_like(space, w_self, s[:len(s) - len(p)])
    return w_self


def fill_char(space, args, index, name):
    if len(args.args_w) > index:
        w_fill = must_be_str(space, args.args_w[index], name)
        if w_fill.length != 1:
            raise space.error(space.w_TypeError,
                              "The fill character must be exactly one "
                              "character long")
        return w_fill.value
    return " "


def pad_impl(space, args, name, where):
    """ljust (where 0), rjust (1), center (2)."""
    w_self = str_self(space, args, name)
    check_method_args(space, args, name, 1, 2)
    width = space.int_w(args.args_w[1])
    fill = fill_char(space, args, 2, name)
    n = w_self.length
    if width <= n:
        return w_self
    total = width - n
    if where == 0:
        left = 0
    elif where == 1:
        left = total
    else:
        left = total // 2 + (total & width & 1)
    right = total - left
    out = StringBuilder(len(w_self.value) + total * len(fill))
    k = 0
    while k < left:
        out.append(fill)
        k += 1
    out.append(w_self.value)
    k = 0
    while k < right:
        out.append(fill)
        k += 1
    return W_StrObject(out.build(), width)


def str_ljust(space, args):
    return pad_impl(space, args, "ljust", 0)


def str_rjust(space, args):
    return pad_impl(space, args, "rjust", 1)


def str_center(space, args):
    return pad_impl(space, args, "center", 2)


def str_zfill(space, args):
    w_self = str_self(space, args, "zfill")
    check_method_args(space, args, "zfill", 1, 1)
    width = space.int_w(args.args_w[1])
    s = w_self.value
    n = w_self.length
    if width <= n:
        return w_self
    zeros = width - n
    if len(s) > 0 and (s[0] == '+' or s[0] == '-'):
        result = s[0] + "0" * zeros + s[1:]
    else:
        result = "0" * zeros + s
    return W_StrObject(result, width)


def str_expandtabs(space, args):
    w_self = str_self(space, args, "expandtabs")
    a = parse_args(space, args, "expandtabs", ["self", "tabsize"], 1)
    tabsize = 8
    if a[1] is not None:
        tabsize = space.int_w(a[1])
    out = StringBuilder(len(w_self.value))
    column = 0
    length = 0
    s = w_self.value
    i = 0
    while i < len(s):
        c = s[i]
        if c == '\t':
            if tabsize > 0:
                spaces = tabsize - column % tabsize
                out.append(" " * spaces)
                column += spaces
                length += spaces
            i += 1
            continue
        k = utf8_len_of_lead(ord(c))
        out.append_slice(s, i, i + k)
        length += 1
        if c == '\n' or c == '\r':
            column = 0
        else:
            column += 1
        i += k
    return W_StrObject(out.build(), length)


# ---------------------------------------------------------------------------
# Methods: predicates


def predicate(space, args, name, kind):
    w_self = str_self(space, args, name)
    check_method_args(space, args, name, 0, 0)
    s = w_self.value
    if len(s) == 0:
        return space.newbool(kind == P_PRINTABLE)
    for cp in pyunicode.utf8_codepoints(s):
        if not char_predicate(cp, kind):
            return space.w_False
    return space.w_True


P_ALPHA = 0
P_DIGIT = 1
P_SPACE = 2
P_ALNUM = 3
P_DECIMAL = 4
P_NUMERIC = 5
P_PRINTABLE = 6
P_ASCII = 7


def char_predicate(cp, kind):
    if kind == P_ALPHA:
        return pyunicode.is_alpha(cp)
    if kind == P_DIGIT:
        return pyunicode.is_digit(cp)
    if kind == P_SPACE:
        return pyunicode.is_space(cp)
    if kind == P_ALNUM:
        return pyunicode.is_alnum(cp)
    if kind == P_DECIMAL:
        return pyunicode.is_decimal(cp)
    if kind == P_NUMERIC:
        return pyunicode.is_numeric(cp)
    if kind == P_PRINTABLE:
        return pyunicode.is_printable(cp)
    return cp < 0x80


def str_isalpha(space, args):
    return predicate(space, args, "isalpha", P_ALPHA)


def str_isdigit(space, args):
    return predicate(space, args, "isdigit", P_DIGIT)


def str_isspace(space, args):
    return predicate(space, args, "isspace", P_SPACE)


def str_isalnum(space, args):
    return predicate(space, args, "isalnum", P_ALNUM)


def str_isdecimal(space, args):
    return predicate(space, args, "isdecimal", P_DECIMAL)


def str_isnumeric(space, args):
    return predicate(space, args, "isnumeric", P_NUMERIC)


def str_isprintable(space, args):
    return predicate(space, args, "isprintable", P_PRINTABLE)


def str_isascii(space, args):
    w_self = str_self(space, args, "isascii")
    check_method_args(space, args, "isascii", 0, 0)
    return space.newbool(w_self.is_ascii())


def str_isupper(space, args):
    return case_predicate(space, args, "isupper", True)


def str_islower(space, args):
    return case_predicate(space, args, "islower", False)


def case_predicate(space, args, name, upper):
    w_self = str_self(space, args, name)
    check_method_args(space, args, name, 0, 0)
    cased = False
    for cp in pyunicode.utf8_codepoints(w_self.value):
        if pyunicode.is_title(cp):
            return space.w_False
        if upper:
            if pyunicode.is_lower(cp):
                return space.w_False
            if pyunicode.is_upper(cp):
                cased = True
        else:
            if pyunicode.is_upper(cp):
                return space.w_False
            if pyunicode.is_lower(cp):
                cased = True
    return space.newbool(cased)


def str_istitle(space, args):
    w_self = str_self(space, args, "istitle")
    check_method_args(space, args, "istitle", 0, 0)
    cased = False
    prev_cased = False
    for cp in pyunicode.utf8_codepoints(w_self.value):
        if pyunicode.is_upper(cp) or pyunicode.is_title(cp):
            if prev_cased:
                return space.w_False
            prev_cased = True
            cased = True
        elif pyunicode.is_lower(cp):
            if not prev_cased:
                return space.w_False
            prev_cased = True
            cased = True
        else:
            prev_cased = False
    return space.newbool(cased)


def str_isidentifier(space, args):
    w_self = str_self(space, args, "isidentifier")
    check_method_args(space, args, "isidentifier", 0, 0)
    cps = pyunicode.utf8_codepoints(w_self.value)
    if len(cps) == 0 or not pyunicode.is_id_start(cps[0]):
        return space.w_False
    for cp in cps:
        if not pyunicode.is_id_continue(cp):
            return space.w_False
    return space.w_True


# ---------------------------------------------------------------------------
# Methods: translation (str.encode is in pybytes.py, str.format in
# pyformat.py)


def str_translate(space, args):
    w_self = str_self(space, args, "translate")
    check_method_args(space, args, "translate", 1, 1)
    w_table = args.args_w[1]
    out = StringBuilder(len(w_self.value))
    length = 0
    for cp in pyunicode.utf8_codepoints(w_self.value):
        w_res = space.getitem_or_none(w_table, space.newint(cp))
        if w_res is None:
            out.append(utf8_encode(cp))
            length += 1
        elif space.is_none(w_res):
            pass
        elif space.is_int(w_res):
            out.append(utf8_encode(space.int_w(w_res)))
            length += 1
        else:
            w_s = must_be_str(space, w_res, "translate")
            out.append(w_s.value)
            length += w_s.length
    return W_StrObject(out.build(), length)


def str_maketrans(space, args):
    # str.maketrans(x[, y[, z]]) (a static method: no self here)
    check_args_static(space, args, "maketrans", 1, 3)
    w_result = space.newdict()
    if len(args.args_w) == 1:
        w_x = args.args_w[0]
        for w_key in space.listview(w_x):
            w_value = space.getitem(w_x, w_key)
            w_k = space.unwrap_base(w_key)
            if isinstance(w_k, W_StrObject):
                if w_k.length != 1:
                    raise space.error(space.w_ValueError,
                                      "string keys in translate table must "
                                      "be of length 1")
                w_key = space.newint(utf8_decode_at(w_k.value, 0))
            space.setitem(w_result, w_key, w_value)
        return w_result
    w_x = must_be_str(space, args.args_w[0], "maketrans")
    w_y = must_be_str(space, args.args_w[1], "maketrans")
    if w_x.length != w_y.length:
        raise space.error(space.w_ValueError,
                          "the first two maketrans arguments must have "
                          "equal length")
    xs = pyunicode.utf8_codepoints(w_x.value)
    ys = pyunicode.utf8_codepoints(w_y.value)
    i = 0
    while i < len(xs):
        space.setitem(w_result, space.newint(xs[i]), space.newint(ys[i]))
        i += 1
    if len(args.args_w) > 2:
        w_z = must_be_str(space, args.args_w[2], "maketrans")
        for cp in pyunicode.utf8_codepoints(w_z.value):
            space.setitem(w_result, space.newint(cp), space.w_None)
    return w_result


def check_args_static(space, args, fname, min_n, max_n):
    n = len(args.args_w)
    if n < min_n or n > max_n:
        raise space.error(space.w_TypeError,
                          "%s() takes from %d to %d arguments (%d given)" %
                          (fname, min_n, max_n, n))


def str_getnewargs(space, args):
    w_self = str_self(space, args, "__getnewargs__")
    return space.newtuple([W_StrObject(w_self.value, w_self.length)])


STR_METHODS = [
    ("find", str_find), ("rfind", str_rfind), ("index", str_index),
    ("rindex", str_rindex), ("count", str_count),
    ("startswith", str_startswith), ("endswith", str_endswith),
    ("split", str_split), ("rsplit", str_rsplit),
    ("splitlines", str_splitlines), ("join", str_join),
    ("partition", str_partition), ("rpartition", str_rpartition),
    ("replace", str_replace), ("upper", str_upper), ("lower", str_lower),
    ("casefold", str_casefold), ("swapcase", str_swapcase),
    ("capitalize", str_capitalize), ("title", str_title),
    ("strip", str_strip), ("lstrip", str_lstrip), ("rstrip", str_rstrip),
    ("removeprefix", str_removeprefix), ("removesuffix", str_removesuffix),
    ("ljust", str_ljust), ("rjust", str_rjust), ("center", str_center),
    ("zfill", str_zfill), ("expandtabs", str_expandtabs),
    ("isalpha", str_isalpha), ("isdigit", str_isdigit),
    ("isspace", str_isspace), ("isalnum", str_isalnum),
    ("isdecimal", str_isdecimal), ("isnumeric", str_isnumeric),
    ("isprintable", str_isprintable), ("isascii", str_isascii),
    ("isupper", str_isupper), ("islower", str_islower),
    ("istitle", str_istitle), ("isidentifier", str_isidentifier),
    ("translate", str_translate),
    ("__getnewargs__", str_getnewargs),
]


# ---------------------------------------------------------------------------
# bytes (minimal: literals, encode/decode, comparison, indexing)


class W_BytesObject(W_Root):
    _immutable_fields_ = ['value']

    def __init__(self, value):
        assert value is not None
        self.value = value

    def getclass(self, space):
        return space.w_bytes

    def op_len(self, space):
        return len(self.value)

    def op_getitem(self, space, w_key):
        if isinstance(w_key, W_SliceObject):
            start, stop, step, n = w_key.indices(space, len(self.value))
            if n <= 0:
                return W_BytesObject("")
            if step == 1:
                return W_BytesObject(self.value[start:stop])
            out = StringBuilder(n)
            i = start
            k = 0
            while k < n:
                out.append(self.value[i])
                i += step
                k += 1
            return W_BytesObject(out.build())
        index = space.getindex_for_sequence(w_key, "byte")
        if index < 0:
            index += len(self.value)
        if index < 0 or index >= len(self.value):
            raise space.error(space.w_IndexError, "index out of range")
        return space.newint(ord(self.value[index]))

    def op_iter(self, space):
        return W_BytesIterObject(self)

    def op_contains(self, space, w_item):
        if space.is_int(w_item):
            v = space.int_w(w_item)
            if v < 0 or v > 255:
                raise space.error(space.w_ValueError,
                                  "byte must be in range(0, 256)")
            return self.value.find(chr(v)) >= 0
        w_b = space.unwrap_base(w_item)
        if not isinstance(w_b, W_BytesObject):
            raise space.error(space.w_TypeError,
                              "a bytes-like object is required, not '%s'" %
                              space.type_name(w_item))
        return self.value.find(w_b.value) >= 0

    def op_repr(self, space):
        return bytes_repr(self.value)

    def op_hash(self, space):
        return str_hash(self.value)

    def op_bool(self, space):
        return len(self.value) > 0


class W_BytesIterObject(W_Root):
    def __init__(self, w_bytes):
        self.w_bytes = w_bytes
        self.pos = 0

    def getclass(self, space):
        return space.w_bytes_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        s = self.w_bytes.value
        if self.pos >= len(s):
            return None
        c = s[self.pos]
        self.pos += 1
        return space.newint(ord(c))


def bytes_repr(s):
    quote = '\''
    if s.find('\'') >= 0 and s.find('"') < 0:
        quote = '"'
    out = StringBuilder(len(s) + 3)
    out.append('b')
    out.append(quote)
    for c in s:
        o = ord(c)
        if c == quote or c == '\\':
            out.append('\\')
            out.append(c)
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif c == '\t':
            out.append('\\t')
        elif o < 0x20 or o >= 0x7f:
            out.append('\\x' + hex2(o))
        else:
            out.append(c)
    out.append(quote)
    return out.build()
