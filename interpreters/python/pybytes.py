"""pybytes: str.encode and the methods of `bytes`.

Where this sits: the W_BytesObject class itself (immutable bytes, their
repr, indexing, iteration) is in pystr.py next to str; this module holds
`str.encode` (UTF-8, ASCII, Latin-1) and bytes' named methods (decode,
join, find, split, ...), collected in BYTES_METHODS for pybuiltintypes.
Minimal on purpose: the VM's programs are about text.
"""

from rlib.objectmodel import StringBuilder

from pyobjects import check_method_args, parse_args
import pyunicode
from pystr import (W_StrObject, W_BytesObject, str_self, must_be_str,
                   escape_codepoint, newtext, hex2, count_in, split_sep,
                   split_whitespace, ascii_upper, ascii_lower)


def str_encode(space, args):
    w_self = str_self(space, args, "encode")
    a = parse_args(space, args, "encode", ["self", "encoding", "errors"], 1)
    encoding = "utf-8"
    if a[1] is not None:
        encoding = must_be_str(space, a[1], "encode").value.lower()
    if encoding == "utf-8" or encoding == "utf8":
        return W_BytesObject(w_self.value)
    if encoding == "ascii" or encoding == "latin-1" or encoding == "latin1" \
            or encoding == "iso-8859-1":
        limit = 0x80
        if encoding != "ascii":
            limit = 0x100
        out = StringBuilder(w_self.length)
        pos = 0
        for cp in pyunicode.utf8_codepoints(w_self.value):
            if cp >= limit:
                raise space.error(space.w_UnicodeEncodeError,
                                  "'%s' codec can't encode character '%s' in "
                                  "position %d: ordinal not in range(%d)" %
                                  (encoding, escape_codepoint(cp), pos, limit))
            out.append(chr(cp))
            pos += 1
        return W_BytesObject(out.build())
    raise space.error(space.w_LookupError, "unknown encoding: " + encoding)


def bytes_self(space, args, name):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '%s' needs an argument" % name)
    w_self = space.unwrap_base(args.args_w[0])
    if not isinstance(w_self, W_BytesObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' for 'bytes' objects doesn't apply "
                          "to a '%s' object" % (name,
                                                space.type_name(args.args_w[0])))
    return w_self


def bytes_arg(space, w_obj):
    w_b = space.unwrap_base(w_obj)
    if not isinstance(w_b, W_BytesObject):
        raise space.error(space.w_TypeError,
                          "a bytes-like object is required, not '%s'" %
                          space.type_name(w_obj))
    return w_b.value


def bytes_decode(space, args):
    w_self = bytes_self(space, args, "decode")
    a = parse_args(space, args, "decode", ["self", "encoding", "errors"], 1)
    encoding = "utf-8"
    if a[1] is not None:
        encoding = must_be_str(space, a[1], "decode").value.lower()
    s = w_self.value
    if encoding == "latin-1" or encoding == "latin1" or \
            encoding == "iso-8859-1":
        return newtext(space, pyunicode.latin1_to_utf8(s))
    if encoding == "ascii":
        i = 0
        while i < len(s):
            if ord(s[i]) >= 0x80:
                raise space.error(space.w_UnicodeDecodeError,
                                  "'ascii' codec can't decode byte 0x%s in "
                                  "position %d: ordinal not in range(128)" %
                                  (hex2(ord(s[i])), i))
            i += 1
        return W_StrObject(s, len(s))
    if encoding != "utf-8" and encoding != "utf8":
        raise space.error(space.w_LookupError, "unknown encoding: " + encoding)
    if not pyunicode.utf8_is_valid(s):
        raise space.error(space.w_UnicodeDecodeError,
                          "'utf-8' codec can't decode bytes: invalid data")
    return newtext(space, s)


def bytes_join(space, args):
    w_self = bytes_self(space, args, "join")
    check_method_args(space, args, "join", 1, 1)
    parts = []
    for w_item in space.listview(args.args_w[1]):
        parts.append(bytes_arg(space, w_item))
    return W_BytesObject(w_self.value.join(parts))


def bytes_startswith(space, args):
    w_self = bytes_self(space, args, "startswith")
    check_method_args(space, args, "startswith", 1, 1)
    return space.newbool(w_self.value.startswith(
        bytes_arg(space, args.args_w[1])))


def bytes_endswith(space, args):
    w_self = bytes_self(space, args, "endswith")
    check_method_args(space, args, "endswith", 1, 1)
    return space.newbool(w_self.value.endswith(
        bytes_arg(space, args.args_w[1])))


def bytes_find(space, args):
    w_self = bytes_self(space, args, "find")
    check_method_args(space, args, "find", 1, 1)
    return space.newint(w_self.value.find(bytes_arg(space, args.args_w[1])))


def bytes_count(space, args):
    w_self = bytes_self(space, args, "count")
    check_method_args(space, args, "count", 1, 1)
    sub = bytes_arg(space, args.args_w[1])
    n = count_in(w_self.value, sub, 0, len(w_self.value))
    if n < 0:
        n = len(w_self.value) + 1
    return space.newint(n)


def bytes_replace(space, args):
    w_self = bytes_self(space, args, "replace")
    check_method_args(space, args, "replace", 2, 2)
    old = bytes_arg(space, args.args_w[1])
    new = bytes_arg(space, args.args_w[2])
    if len(old) == 0:
        return w_self
    return W_BytesObject(new.join(split_sep(w_self.value, old, -1)))


def bytes_split(space, args):
    w_self = bytes_self(space, args, "split")
    check_method_args(space, args, "split", 0, 1)
    if len(args.args_w) == 1 or space.is_none(args.args_w[1]):
        parts = split_whitespace(w_self.value, -1)
    else:
        sep = bytes_arg(space, args.args_w[1])
        if len(sep) == 0:
            raise space.error(space.w_ValueError, "empty separator")
        parts = split_sep(w_self.value, sep, -1)
    items_w = []
    for p in parts:
        items_w.append(W_BytesObject(p))
    return space.newlist(items_w)


def bytes_strip(space, args):
    w_self = bytes_self(space, args, "strip")
    check_method_args(space, args, "strip", 0, 0)
    s = w_self.value
    i = 0
    j = len(s)
    while i < j and pyunicode.is_space(ord(s[i])) and ord(s[i]) < 0x80:
        i += 1
    while j > i and pyunicode.is_space(ord(s[j - 1])) and ord(s[j - 1]) < 0x80:
        j -= 1
    return W_BytesObject(s[i:j])


def bytes_upper(space, args):
    w_self = bytes_self(space, args, "upper")
    return W_BytesObject(ascii_upper(w_self.value))


def bytes_lower(space, args):
    w_self = bytes_self(space, args, "lower")
    return W_BytesObject(ascii_lower(w_self.value))


def bytes_hex(space, args):
    w_self = bytes_self(space, args, "hex")
    out = StringBuilder(2 * len(w_self.value))
    for c in w_self.value:
        out.append(hex2(ord(c)))
    s = out.build()
    return W_StrObject(s, len(s))


BYTES_METHODS = [
    ("decode", bytes_decode), ("join", bytes_join),
    ("startswith", bytes_startswith), ("endswith", bytes_endswith),
    ("find", bytes_find), ("count", bytes_count), ("replace", bytes_replace),
    ("split", bytes_split), ("strip", bytes_strip), ("upper", bytes_upper),
    ("lower", bytes_lower), ("hex", bytes_hex),
]
