"""pybuiltintypes: int, bool, float, str, bytes, list, tuple, range,
dict, set, frozenset and slice as Python types.

Where this sits: pytypes.setup_types calls setup_numbers, setup_strings
and setup_containers, which give each type its `__new__` (a static
method: `int(x, base)`, `str(obj)`, `tuple(iterable)`, ... and instances
of user subclasses through pytypedef.wrap_for_subclass), its special
methods (pytypedef's generic wrappers) and its named methods (the
*_METHODS tables of pystr, pylist and pydict, and the functions here).
"""


import pylong
from pyobjects import (W_SliceObject, Arguments, check_args, check_method_args,
                       parse_args, args0)
from pyint import (W_IntObject, W_BoolObject, W_LongObject, W_FloatObject)
import pyint
from pystr import W_StrObject, W_BytesObject, STR_METHODS, str_maketrans
from pybytes import BYTES_METHODS, str_encode
import pystr
import pybytes
from pylist import (W_ListObject, W_TupleObject, LIST_METHODS, TUPLE_METHODS,
                    RANGE_METHODS)
from pydict import (W_DictObject, W_SetObject, DICT_METHODS, SET_METHODS,
                    FROZENSET_METHODS, dict_fromkeys)
import pyformat
import pyunicode
import pyrange
from pyopcodes import (BINOP_ADD, BINOP_MUL, BINOP_AND, BINOP_OR, BINOP_XOR,
                       BINOP_METHODS, BINOP_RMETHODS)


from pytypedef import (add_method, add_static, add_classmethod, add_getset,
                       add_methods, builtin_self, d_len, d_setitem, d_delitem,
                       d_iter, d_contains, d_repr, d_str, d_hash, d_bool,
                       d_format, d_abs, BINOP_DUNDERS, RBINOP_DUNDERS,
                       IBINOP_DUNDERS, D_NEG, D_POS, D_INVERT, ARITH_OPS,
                       BIT_OPS, SET_OPS, ALL_CMP, EQ_CMP, add_binops, add_cmps,
                       add_container_dunders, add_common_dunders,
                       wrap_for_subclass, new_type_arg)


# ---------------------------------------------------------------------------
# int, bool, float


INT_ARGS = ["cls", "x", "base"]


def int_new(space, args):
    w_type = new_type_arg(space, args, "int")
    a = parse_args(space, args, "int", INT_ARGS, 1)
    w_value = int_from_args(space, a[1], a[2])
    return wrap_for_subclass(space, w_type, w_value, space.w_int)


def int_from_args(space, w_x, w_base):
    if w_x is None:
        if w_base is not None:
            raise space.error(space.w_TypeError,
                              "int() missing string argument")
        return space.newint(0)
    if w_base is not None:
        base = space.int_w(w_base)
        if base != 0 and (base < 2 or base > 36):
            raise space.error(space.w_ValueError,
                              "int() base must be >= 2 and <= 36, or 0")
        w_s = space.unwrap_base(w_x)
        if isinstance(w_s, W_StrObject):
            return parse_int_or_error(space, w_s, base)
        if isinstance(w_s, W_BytesObject):
            return parse_int_or_error(space, space.newtext(w_s.value), base)
        raise space.error(space.w_TypeError,
                          "int() can't convert non-string with explicit base")
    return int_of(space, w_x)


def int_of(space, w_x):
    """int(x) for one argument."""
    w_b = space.unwrap_base(w_x)
    if isinstance(w_b, W_BoolObject):
        return space.newint(w_b.intval)
    if isinstance(w_b, W_IntObject) or isinstance(w_b, W_LongObject):
        return w_b
    if isinstance(w_b, W_FloatObject):
        return pyint.float_to_int_obj(space, w_b.floatval)
    if isinstance(w_b, W_StrObject):
        return parse_int_or_error(space, w_b, 10)
    if isinstance(w_b, W_BytesObject):
        return parse_int_or_error(space, space.newtext(w_b.value), 10)
    for name in ["__int__", "__index__", "__trunc__"]:
        w_impl = space.lookup_type_attr(w_x, name)
        if w_impl is not None:
            w_res = space.unwrap_base(space.call_descr(w_impl, w_x, args0()))
            if isinstance(w_res, W_IntObject) or \
                    isinstance(w_res, W_LongObject):
                if isinstance(w_res, W_BoolObject):
                    return space.newint(w_res.intval)
                return w_res
            raise space.error(space.w_TypeError,
                              "%s returned non-int (type %s)" %
                              (name, space.type_name(w_res)))
    raise space.error(space.w_TypeError,
                      "int() argument must be a string, a bytes-like object "
                      "or a real number, not '%s'" % space.type_name(w_x))


def parse_int_or_error(space, w_s, base):
    text = w_s.value
    if not w_s.is_ascii():
        text = pyunicode.normalize_number_text(text)
    w_res = pyint.parse_int(space, text, base)
    if w_res is None:
        shown = base
        if base == 0:
            shown = 0
        raise space.error(space.w_ValueError,
                          "invalid literal for int() with base %d: %s" %
                          (shown, space.repr_str(w_s)))
    return w_res


def bool_new(space, args):
    check_args(space, args, "bool", 1, 2)
    if len(args.args_w) == 1:
        return space.w_False
    return space.newbool(space.is_true(args.args_w[1]))


FLOAT_ARGS = ["cls", "x"]


def float_new(space, args):
    w_type = new_type_arg(space, args, "float")
    a = parse_args(space, args, "float", FLOAT_ARGS, 1)
    if a[1] is None:
        w_value = space.newfloat(0.0)
    else:
        w_value = float_of(space, a[1])
    return wrap_for_subclass(space, w_type, w_value, space.w_float)


def float_of(space, w_x):
    w_b = space.unwrap_base(w_x)
    if isinstance(w_b, W_FloatObject):
        return w_b
    if isinstance(w_b, W_StrObject):
        text = w_b.value
        if not w_b.is_ascii():
            text = pyunicode.normalize_number_text(text)
        try:
            return space.newfloat(pyint.parse_float(text))
        except ValueError:
            raise space.error(space.w_ValueError,
                              "could not convert string to float: %s" %
                              space.repr_str(w_b))
    if isinstance(w_b, W_IntObject) or isinstance(w_b, W_LongObject):
        return space.newfloat(space.float_w(w_b))
    w_impl = space.lookup_type_attr(w_x, "__float__")
    if w_impl is None:
        w_impl = space.lookup_type_attr(w_x, "__index__")
        if w_impl is None:
            raise space.error(space.w_TypeError,
                              "float() argument must be a string or a real "
                              "number, not '%s'" % space.type_name(w_x))
    return space.newfloat(space.float_w(w_x))


def int_self(space, args, name):
    w_self = space.unwrap_base(args.args_w[0])
    if not (isinstance(w_self, W_IntObject) or
            isinstance(w_self, W_LongObject)):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' requires a 'int' object but "
                          "received a '%s'" % (name,
                                               space.type_name(w_self)))
    return w_self


def float_self(space, args, name):
    w_self = space.unwrap_base(args.args_w[0])
    if not isinstance(w_self, W_FloatObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' requires a 'float' object but "
                          "received a '%s'" % (name,
                                               space.type_name(w_self)))
    return w_self


def int_int(space, args):
    w_self = int_self(space, args, "__int__")
    if isinstance(w_self, W_BoolObject):
        return space.newint(w_self.intval)
    return w_self


def int_float(space, args):
    return space.newfloat(space.float_w(int_self(space, args, "__float__")))


def int_bit_length(space, args):
    check_method_args(space, args, "bit_length", 0, 0)
    return space.newint(pyint.int_bit_length(int_self(space, args,
                                                       "bit_length")))


def int_bit_count(space, args):
    w_self = int_self(space, args, "bit_count")
    big = pyint.to_big(w_self).abs()
    n = 0
    for d in big.digits:
        while d != 0:
            n += d & 1
            d = d >> 1
    return space.newint(n)


def int_conjugate(space, args):
    return int_int(space, args)


def int_round(space, args):
    check_method_args(space, args, "__round__", 0, 1)
    w_self = int_self(space, args, "__round__")
    if len(args.args_w) == 1 or space.is_none(args.args_w[1]):
        return int_int(space, args)
    ndigits = space.int_w(args.args_w[1])
    if ndigits >= 0:
        return int_int(space, args)
    return round_int_negative(space, w_self, -ndigits)


def round_int_negative(space, w_int, k):
    """round(x, -k): half-even at 10**k."""
    x = pyint.to_big(w_int)
    m = pyformat.pow10(k)
    q, r = x.divmod(m)
    twice = r.lshift(1)
    c = twice.compare(m)
    if c > 0 or (c == 0 and q.is_odd()):
        q = q.add(pylong.ONE)
    return space.newlong(q.mul(m))


def int_as_integer_ratio(space, args):
    w_self = int_int(space, args)
    return space.newtuple([w_self, space.newint(1)])


def int_to_bytes(space, args):
    w_self = int_self(space, args, "to_bytes")
    a = parse_args(space, args, "to_bytes",
                   ["self", "length", "byteorder", "signed"], 1)
    length = 1
    if a[1] is not None:
        length = space.int_w(a[1])
    little = False
    if a[2] is not None:
        little = space.str_w(a[2]) == "little"
    big = pyint.to_big(w_self)
    if big.sign < 0:
        big = big.add(pylong.ONE.lshift(8 * length))
    out = []
    i = 0
    while i < length:
        out.append(chr(big.and_(pylong.fromint(255)).toint()))
        big = big.rshift(8)
        i += 1
    if big.sign != 0:
        raise space.error(space.w_OverflowError, "int too big to convert")
    if not little:
        out.reverse()
    return space.newbytes("".join(out))


def int_from_bytes(space, args):
    a = parse_args(space, args, "from_bytes",
                   ["cls", "bytes", "byteorder", "signed"], 2)
    data = pybytes.bytes_arg(space, a[1])
    little = False
    if a[2] is not None:
        little = space.str_w(a[2]) == "little"
    signed = a[3] is not None and space.is_true(a[3])
    result = pylong.ZERO
    n = len(data)
    i = 0
    while i < n:
        if little:
            c = data[n - 1 - i]
        else:
            c = data[i]
        result = result.lshift(8).add(pylong.fromint(ord(c)))
        i += 1
    if signed and n > 0 and result.testbit(8 * n - 1):
        result = result.sub(pylong.ONE.lshift(8 * n))
    return space.newlong(result)


def int_real(space, w_obj):
    w_self = space.unwrap_base(w_obj)
    if isinstance(w_self, W_BoolObject):
        return space.newint(w_self.intval)
    return w_self


def int_imag(space, w_obj):
    return space.newint(0)


def int_denominator(space, w_obj):
    return space.newint(1)


def int_index(space, args):
    return int_int(space, args)


def num_trunc(space, args):
    w_self = builtin_self(space, args, "__trunc__")
    if isinstance(w_self, W_FloatObject):
        return pyint.float_to_int_obj(space, w_self.floatval)
    return int_of(space, w_self)


def num_floor(space, args):
    w_self = builtin_self(space, args, "__floor__")
    if isinstance(w_self, W_FloatObject):
        return pyint.float_floor_obj(space, w_self.floatval)
    return int_of(space, w_self)


def num_ceil(space, args):
    w_self = builtin_self(space, args, "__ceil__")
    if isinstance(w_self, W_FloatObject):
        return pyint.float_ceil_obj(space, w_self.floatval)
    return int_of(space, w_self)


def num_divmod(space, args):
    check_method_args(space, args, "__divmod__", 1, 1)
    return space.divmod(builtin_self(space, args, "__divmod__"),
                        args.args_w[1])


def num_rdivmod(space, args):
    check_method_args(space, args, "__rdivmod__", 1, 1)
    return space.divmod(args.args_w[1],
                        builtin_self(space, args, "__rdivmod__"))


def float_int(space, args):
    return pyint.float_to_int_obj(space, float_self(space, args,
                                                    "__int__").floatval)


def float_float(space, args):
    return float_self(space, args, "__float__")


def float_round(space, args):
    check_method_args(space, args, "__round__", 0, 1)
    x = float_self(space, args, "__round__").floatval
    if len(args.args_w) == 1 or space.is_none(args.args_w[1]):
        return pyint.float_round_half_even(space, x)
    ndigits = space.int_w(args.args_w[1])
    return space.newfloat(pyformat.round_float(x, ndigits))


def float_is_integer(space, args):
    x = float_self(space, args, "is_integer").floatval
    return space.newbool(pyint.float_is_integer(x))


def float_as_integer_ratio(space, args):
    x = float_self(space, args, "as_integer_ratio").floatval
    if pyint.isinf(x):
        raise space.error(space.w_OverflowError,
                          "cannot convert Infinity to integer ratio")
    if pyint.isnan(x):
        raise space.error(space.w_ValueError,
                          "cannot convert NaN to integer ratio")
    m, e = pylong.float_as_integer_ratio_parts(x)
    num = pylong.fromint(m)
    den = pylong.ONE
    if e >= 0:
        num = num.lshift(e)
    else:
        den = den.lshift(-e)
    return space.newtuple([space.newlong(num), space.newlong(den)])


def float_conjugate(space, args):
    return float_self(space, args, "conjugate")


def float_hex(space, args):
    x = float_self(space, args, "hex").floatval
    if pyint.isinf(x) or pyint.isnan(x):
        return space.newtext(repr(x))
    if x == 0.0:
        if pyint.is_negative_zero(x):
            return space.newtext("-0x0.0p+0")
        return space.newtext("0x0.0p+0")
    m, e = pylong.frexp(abs(x))
    mant = int(m * 9007199254740992.0)       # 53 bits
    e -= 1
    mant_text = pylong.fromint(mant & ((1 << 52) - 1)).format_base(16)
    mant_text = "0" * (13 - len(mant_text)) + mant_text
    sign = ""
    if x < 0:
        sign = "-"
    exp_sign = "+"
    if e < 0:
        exp_sign = "-"
        e = -e
    return space.newtext("%s0x1.%sp%s%d" % (sign, mant_text, exp_sign, e))


def float_real(space, w_obj):
    return space.unwrap_base(w_obj)


def float_imag(space, w_obj):
    return space.newfloat(0.0)


def setup_numbers(space):
    w_int = space.w_int
    add_static(w_int, "__new__", int_new)
    add_binops(w_int, ARITH_OPS, False)
    add_binops(w_int, BIT_OPS, False)
    add_cmps(w_int, ALL_CMP)
    add_common_dunders(w_int)
    add_method(w_int, "__bool__", d_bool)
    add_method(w_int, "__neg__", D_NEG)
    add_method(w_int, "__pos__", D_POS)
    add_method(w_int, "__invert__", D_INVERT)
    add_method(w_int, "__abs__", d_abs)
    add_method(w_int, "__int__", int_int)
    add_method(w_int, "__index__", int_index)
    add_method(w_int, "__float__", int_float)
    add_method(w_int, "__format__", d_format)
    add_method(w_int, "__round__", int_round)
    add_method(w_int, "__trunc__", num_trunc)
    add_method(w_int, "__floor__", num_floor)
    add_method(w_int, "__ceil__", num_ceil)
    add_method(w_int, "__divmod__", num_divmod)
    add_method(w_int, "__rdivmod__", num_rdivmod)
    add_method(w_int, "bit_length", int_bit_length)
    add_method(w_int, "bit_count", int_bit_count)
    add_method(w_int, "conjugate", int_conjugate)
    add_method(w_int, "as_integer_ratio", int_as_integer_ratio)
    add_method(w_int, "to_bytes", int_to_bytes)
    add_classmethod(w_int, "from_bytes", int_from_bytes)
    add_getset(w_int, "real", int_real, None)
    add_getset(w_int, "imag", int_imag, None)
    add_getset(w_int, "numerator", int_real, None)
    add_getset(w_int, "denominator", int_denominator, None)
    w_bool = space.w_bool
    add_static(w_bool, "__new__", bool_new)
    add_method(w_bool, "__repr__", d_repr)
    for op in [BINOP_AND, BINOP_OR, BINOP_XOR]:
        add_method(w_bool, BINOP_METHODS[op], bool_binop_dunder(op, False))
        add_method(w_bool, BINOP_RMETHODS[op], bool_binop_dunder(op, True))
    w_float = space.w_float
    add_static(w_float, "__new__", float_new)
    add_binops(w_float, ARITH_OPS, False)
    add_cmps(w_float, ALL_CMP)
    add_common_dunders(w_float)
    add_method(w_float, "__bool__", d_bool)
    add_method(w_float, "__neg__", D_NEG)
    add_method(w_float, "__pos__", D_POS)
    add_method(w_float, "__abs__", d_abs)
    add_method(w_float, "__int__", float_int)
    add_method(w_float, "__float__", float_float)
    add_method(w_float, "__format__", d_format)
    add_method(w_float, "__round__", float_round)
    add_method(w_float, "__trunc__", num_trunc)
    add_method(w_float, "__floor__", num_floor)
    add_method(w_float, "__ceil__", num_ceil)
    add_method(w_float, "__divmod__", num_divmod)
    add_method(w_float, "__rdivmod__", num_rdivmod)
    add_method(w_float, "is_integer", float_is_integer)
    add_method(w_float, "as_integer_ratio", float_as_integer_ratio)
    add_method(w_float, "conjugate", float_conjugate)
    add_method(w_float, "hex", float_hex)
    add_getset(w_float, "real", float_real, None)
    add_getset(w_float, "imag", float_imag, None)


def bool_binop_dunder(op, reflected):
    """bool & bool is a bool; with ints it is int's operator."""
    def dunder(space, args):
        check_method_args(space, args, "binary operator", 1, 1)
        w_self = space.unwrap_base(args.args_w[0])
        w_other = space.unwrap_base(args.args_w[1])
        if isinstance(w_self, W_BoolObject) and \
                isinstance(w_other, W_BoolObject):
            a = w_self.intval
            b = w_other.intval
            if op == BINOP_AND:
                return space.newbool((a & b) != 0)
            if op == BINOP_OR:
                return space.newbool((a | b) != 0)
            return space.newbool((a ^ b) != 0)
        if reflected:
            w_res = space.builtin_binop(op, w_other, w_self)
        else:
            w_res = space.builtin_binop(op, w_self, w_other)
        if w_res is None:
            return space.w_NotImplemented
        return w_res
    return dunder


# ---------------------------------------------------------------------------
# str, bytes


STR_ARGS = ["cls", "object", "encoding", "errors"]


def str_new(space, args):
    w_type = new_type_arg(space, args, "str")
    a = parse_args(space, args, "str", STR_ARGS, 1)
    if a[1] is None:
        w_value = space.w_empty_str
    elif a[2] is not None or a[3] is not None:
        w_b = space.unwrap_base(a[1])
        if not isinstance(w_b, W_BytesObject):
            raise space.error(space.w_TypeError,
                              "decoding str is not supported")
        dargs = [w_b]
        if a[2] is not None:
            dargs.append(a[2])
        w_value = pybytes.bytes_decode(space, Arguments(dargs, None, None))
    else:
        w_value = space.str(a[1])
    return wrap_for_subclass(space, w_type, w_value, space.w_str)


def str_mod(space, args):
    check_method_args(space, args, "__mod__", 1, 1)
    w_self = pystr.str_self(space, args, "__mod__")
    return pyformat.format_percent(space, w_self, args.args_w[1])


def str_format_method(space, args):
    w_self = pystr.str_self(space, args, "format")
    rest = Arguments(args.args_w[1:], args.keywords, args.keywords_w)
    return pyformat.format_method(space, w_self, rest)


def str_format_map(space, args):
    w_self = pystr.str_self(space, args, "format_map")
    check_method_args(space, args, "format_map", 1, 1)
    return pyformat.format_method_map(space, w_self, args.args_w[1])


def bytes_new(space, args):
    w_type = new_type_arg(space, args, "bytes")
    a = parse_args(space, args, "bytes", STR_ARGS, 1)
    if a[1] is None:
        w_value = space.newbytes("")
    else:
        w_value = bytes_of(space, a[1], a[2])
    return wrap_for_subclass(space, w_type, w_value, space.w_bytes)


def bytes_of(space, w_x, w_encoding):
    w_b = space.unwrap_base(w_x)
    if isinstance(w_b, W_StrObject):
        if w_encoding is None:
            raise space.error(space.w_TypeError,
                              "string argument without an encoding")
        return pybytes.str_encode(space, Arguments([w_b, w_encoding], None,
                                                 None))
    if isinstance(w_b, W_BytesObject):
        return w_b
    if isinstance(w_b, W_IntObject):
        if w_b.intval < 0:
            raise space.error(space.w_ValueError, "negative count")
        return space.newbytes("\x00" * w_b.intval)
    out = []
    for w_item in space.listview(w_x):
        v = space.int_w(w_item)
        if v < 0 or v > 255:
            raise space.error(space.w_ValueError,
                              "bytes must be in range(0, 256)")
        out.append(chr(v))
    return space.newbytes("".join(out))


def setup_strings(space):
    w_str = space.w_str
    add_static(w_str, "__new__", str_new)
    add_methods(w_str, STR_METHODS)
    add_method(w_str, "encode", str_encode)
    add_method(w_str, "format", str_format_method)
    add_method(w_str, "format_map", str_format_map)
    add_static(w_str, "maketrans", str_maketrans)
    add_method(w_str, "__add__", BINOP_DUNDERS[BINOP_ADD])
    add_method(w_str, "__mul__", BINOP_DUNDERS[BINOP_MUL])
    add_method(w_str, "__rmul__", RBINOP_DUNDERS[BINOP_MUL])
    add_method(w_str, "__mod__", str_mod)
    add_cmps(w_str, ALL_CMP)
    add_common_dunders(w_str)
    add_method(w_str, "__str__", d_str)
    add_method(w_str, "__format__", d_format)
    add_container_dunders(w_str, False)
    w_bytes = space.w_bytes
    add_static(w_bytes, "__new__", bytes_new)
    add_methods(w_bytes, BYTES_METHODS)
    add_method(w_bytes, "__add__", BINOP_DUNDERS[BINOP_ADD])
    add_method(w_bytes, "__mul__", BINOP_DUNDERS[BINOP_MUL])
    add_method(w_bytes, "__rmul__", RBINOP_DUNDERS[BINOP_MUL])
    add_cmps(w_bytes, ALL_CMP)
    add_common_dunders(w_bytes)
    add_container_dunders(w_bytes, False)


# ---------------------------------------------------------------------------
# list, tuple, range, dict, set


def list_new(space, args):
    w_type = new_type_arg(space, args, "list")
    return wrap_for_subclass(space, w_type, W_ListObject([]), space.w_list)


def tuple_new(space, args):
    w_type = new_type_arg(space, args, "tuple")
    check_args(space, args, "tuple", 1, 2)
    if len(args.args_w) == 1:
        w_value = space.w_empty_tuple
    else:
        w_x = args.args_w[1]
        if isinstance(w_x, W_TupleObject):
            w_value = w_x
        else:
            w_value = space.newtuple(space.listview(w_x))
    return wrap_for_subclass(space, w_type, w_value, space.w_tuple)


def dict_new(space, args):
    w_type = new_type_arg(space, args, "dict")
    return wrap_for_subclass(space, w_type, W_DictObject(), space.w_dict)


def set_new(space, args):
    w_type = new_type_arg(space, args, "set")
    return wrap_for_subclass(space, w_type, W_SetObject(False), space.w_set)


def frozenset_new(space, args):
    w_type = new_type_arg(space, args, "frozenset")
    check_args(space, args, "frozenset", 1, 2)
    w_value = W_SetObject(True)
    if len(args.args_w) > 1:
        w_value.update(space, args.args_w[1])
    return wrap_for_subclass(space, w_type, w_value, space.w_frozenset)


def range_new(space, args):
    check_args(space, args, "range", 2, 4)
    n = len(args.args_w) - 1
    if n == 1:
        return pyrange.new_range(space, space.newint(0),
                                 range_arg(space, args.args_w[1]),
                                 space.newint(1))
    w_step = space.newint(1)
    if n == 3:
        w_step = range_arg(space, args.args_w[3])
    return pyrange.new_range(space, range_arg(space, args.args_w[1]),
                             range_arg(space, args.args_w[2]), w_step)


def range_arg(space, w_x):
    return space.index_obj(w_x, "'%s' object cannot be interpreted as an "
                           "integer" % space.type_name(w_x))


def range_get_start(space, w_obj):
    return pyrange.range_field(space, w_obj, 0)


def range_get_stop(space, w_obj):
    return pyrange.range_field(space, w_obj, 1)


def range_get_step(space, w_obj):
    return pyrange.range_field(space, w_obj, 2)


def slice_new(space, args):
    check_args(space, args, "slice", 2, 4)
    n = len(args.args_w) - 1
    if n == 1:
        return W_SliceObject(space.w_None, args.args_w[1], space.w_None)
    w_step = space.w_None
    if n == 3:
        w_step = args.args_w[3]
    return W_SliceObject(args.args_w[1], args.args_w[2], w_step)


def slice_indices(space, args):
    w_self = args.args_w[0]
    assert isinstance(w_self, W_SliceObject)
    check_method_args(space, args, "indices", 1, 1)
    length = space.getindex_w(args.args_w[1])
    if length < 0:
        raise space.error(space.w_ValueError, "length should not be negative")
    start, stop, step, n = w_self.indices(space, length)
    return space.newtuple([space.newint(start), space.newint(stop),
                           space.newint(step)])


def slice_start(space, w_obj):
    assert isinstance(w_obj, W_SliceObject)
    return w_obj.w_start


def slice_stop(space, w_obj):
    assert isinstance(w_obj, W_SliceObject)
    return w_obj.w_stop


def slice_step(space, w_obj):
    assert isinstance(w_obj, W_SliceObject)
    return w_obj.w_step


def setup_containers(space):
    w_list = space.w_list
    add_static(w_list, "__new__", list_new)
    add_methods(w_list, LIST_METHODS)
    add_method(w_list, "__add__", BINOP_DUNDERS[BINOP_ADD])
    add_method(w_list, "__iadd__", IBINOP_DUNDERS[BINOP_ADD])
    add_method(w_list, "__mul__", BINOP_DUNDERS[BINOP_MUL])
    add_method(w_list, "__rmul__", RBINOP_DUNDERS[BINOP_MUL])
    add_method(w_list, "__imul__", IBINOP_DUNDERS[BINOP_MUL])
    add_cmps(w_list, ALL_CMP)
    add_method(w_list, "__repr__", d_repr)
    w_list.dict_w["__hash__"] = space.w_None
    add_container_dunders(w_list, True)
    w_tuple = space.w_tuple
    add_static(w_tuple, "__new__", tuple_new)
    add_methods(w_tuple, TUPLE_METHODS)
    add_method(w_tuple, "__add__", BINOP_DUNDERS[BINOP_ADD])
    add_method(w_tuple, "__mul__", BINOP_DUNDERS[BINOP_MUL])
    add_method(w_tuple, "__rmul__", RBINOP_DUNDERS[BINOP_MUL])
    add_cmps(w_tuple, ALL_CMP)
    add_common_dunders(w_tuple)
    add_container_dunders(w_tuple, False)
    w_range = space.w_range
    add_static(w_range, "__new__", range_new)
    add_methods(w_range, RANGE_METHODS)
    add_getset(w_range, "start", range_get_start, None)
    add_getset(w_range, "stop", range_get_stop, None)
    add_getset(w_range, "step", range_get_step, None)
    add_cmps(w_range, EQ_CMP)
    add_common_dunders(w_range)
    add_method(w_range, "__bool__", d_bool)
    add_container_dunders(w_range, False)
    w_dict = space.w_dict
    add_static(w_dict, "__new__", dict_new)
    add_methods(w_dict, DICT_METHODS)
    add_classmethod(w_dict, "fromkeys", dict_fromkeys)
    add_cmps(w_dict, EQ_CMP)
    add_method(w_dict, "__repr__", d_repr)
    w_dict.dict_w["__hash__"] = space.w_None
    add_method(w_dict, "__len__", d_len)
    add_method(w_dict, "__contains__", d_contains)
    add_method(w_dict, "__iter__", d_iter)
    add_method(w_dict, "__setitem__", d_setitem)
    add_method(w_dict, "__delitem__", d_delitem)
    add_method(w_dict, "__or__", BINOP_DUNDERS[BINOP_OR])
    add_method(w_dict, "__ior__", IBINOP_DUNDERS[BINOP_OR])
    for w_set_type in [space.w_set, space.w_frozenset]:
        add_binops(w_set_type, SET_OPS, w_set_type is space.w_set)
        add_cmps(w_set_type, ALL_CMP)
        add_method(w_set_type, "__repr__", d_repr)
        add_method(w_set_type, "__len__", d_len)
        add_method(w_set_type, "__contains__", d_contains)
        add_method(w_set_type, "__iter__", d_iter)
    add_static(space.w_set, "__new__", set_new)
    add_methods(space.w_set, SET_METHODS)
    space.w_set.dict_w["__hash__"] = space.w_None
    add_static(space.w_frozenset, "__new__", frozenset_new)
    add_methods(space.w_frozenset, FROZENSET_METHODS)
    add_method(space.w_frozenset, "__hash__", d_hash)
    w_slice = space.w_slice
    add_static(w_slice, "__new__", slice_new)
    add_method(w_slice, "indices", slice_indices)
    add_method(w_slice, "__repr__", d_repr)
    add_cmps(w_slice, ALL_CMP)
    add_getset(w_slice, "start", slice_start, None)
    add_getset(w_slice, "stop", slice_stop, None)
    add_getset(w_slice, "step", slice_step, None)
    w_slice.dict_w["__hash__"] = space.w_None
    for w_view in [space.w_dict_keys, space.w_dict_values, space.w_dict_items]:
        add_method(w_view, "__repr__", d_repr)
        add_method(w_view, "__len__", d_len)
        add_method(w_view, "__iter__", d_iter)
        add_method(w_view, "__contains__", d_contains)
    add_binops(space.w_dict_keys, SET_OPS, False)
    add_cmps(space.w_dict_keys, ALL_CMP)


