"""pyformat: format(), str.format(), %-formatting, and float-to-text.

Three front doors, one back end:

* `format_object(space, w_value, spec)` -- format(value, spec) and the
  `{...:spec}` fields of f-strings and str.format: the format-spec
  mini-language ([[fill]align][sign][#][0][width][,|_][.precision][type])
  for int, float and str; other objects go through `__format__`.
* `format_method(space, w_fmt, args)` -- str.format: `{}`/`{0}`/`{name}`
  fields with `.attr` and `[key]` accessors, `!s/!r/!a` conversions and
  nested fields inside the spec.
* `format_percent(space, w_fmt, w_values)` -- the `%` operator on str.

Floats with a precision are formatted *exactly*: the double is m * 2**e
with integer m, so `x * 10**k` rounded half-even is a big-integer division
(pylong).  That gives CPython's (correctly rounded) output for %e, %f, %g,
round(x, n) and friends without a variable-precision printf, which RPy does
not have.  repr(float) is the runtime's shortest round-trip repr.
"""

import math

from rlib.objectmodel import StringBuilder

import pylong
from pylong import fromint, rbigint
from pyobjects import W_Root, OperationError, Arguments
from pyint import (W_IntObject, W_BoolObject, W_LongObject, W_FloatObject,
                   isinf, isnan, is_negative_zero, to_big)
import pyint
from pystr import W_StrObject, str_repr, ascii_repr, newtext
import pyunicode
from pyunicode import utf8_codepoint_count

# ---------------------------------------------------------------------------
# Exact float to decimal


POW10_CACHE = [pylong.ONE]


def pow10(k):
    """10**k as an rbigint (k >= 0)."""
    result = pylong.ONE
    base = fromint(10)
    while k > 0:
        if k & 1:
            result = result.mul(base)
        k = k >> 1
        if k > 0:
            base = base.mul(base)
    return result


def scaled_round(m, e, k):
    """round(m * 2**e * 10**k) half-even, for m >= 0: an rbigint."""
    num = fromint(m)
    den = pylong.ONE
    if e >= 0:
        num = num.lshift(e)
    else:
        den = den.lshift(-e)
    if k >= 0:
        num = num.mul(pow10(k))
    else:
        den = den.mul(pow10(-k))
    q, r = num.divmod(den)
    twice = r.lshift(1)
    c = twice.compare(den)
    if c > 0 or (c == 0 and q.is_odd()):
        q = q.add(pylong.ONE)
    return q


def fixed_digits(x, precision):
    """|x| (finite) rounded to `precision` decimals: the digit string
    without a point, at least precision+1 digits long."""
    m, e = pylong.float_as_integer_ratio_parts(abs(x))
    digits = scaled_round(m, e, precision).str()
    if len(digits) < precision + 1:
        digits = "0" * (precision + 1 - len(digits)) + digits
    return digits


def format_fixed(x, precision, alternate):
    """%f of |x| (finite): 'ddd.ddd'."""
    digits = fixed_digits(x, precision)
    if precision == 0:
        if alternate:
            return digits + "."
        return digits
    point = len(digits) - precision
    return digits[:point] + "." + digits[point:]


def exp_digits(x, precision):
    """(digits, exponent): |x| (finite, non-zero) rounded to precision+1
    significant digits d.ddd * 10**exponent."""
    ax = abs(x)
    m, e = pylong.float_as_integer_ratio_parts(ax)
    exponent = int(math.floor(math.log10(ax)))
    while True:
        q = scaled_round(m, e, precision - exponent)
        digits = q.str()
        if len(digits) > precision + 1:
            exponent += 1
            continue
        if len(digits) < precision + 1:
            exponent -= 1
            continue
        return digits, exponent


def format_exp(x, precision, alternate, upper):
    """%e of |x| (finite): 'd.ddde+XX'."""
    if x == 0.0:
        digits = "0" * (precision + 1)
        exponent = 0
    else:
        digits, exponent = exp_digits(x, precision)
    return assemble_exp(digits, exponent, precision, alternate, upper)


def assemble_exp(digits, exponent, precision, alternate, upper):
    mant = digits[0]
    if precision > 0:
        mant = mant + "." + digits[1:]
    elif alternate:
        mant = mant + "."
    e = "e"
    if upper:
        e = "E"
    if exponent < 0:
        sign = "-"
        exponent = -exponent
    else:
        sign = "+"
    exp_text = str(exponent)
    if len(exp_text) < 2:
        exp_text = "0" + exp_text
    return mant + e + sign + exp_text


def format_general(x, precision, alternate, upper, repr_style):
    """%g of |x| (finite).  repr_style: the '' presentation type with a
    precision (at least one digit after the point in fixed notation)."""
    if precision == 0:
        precision = 1
    if x == 0.0:
        exponent = 0
        digits = "0" * precision
    else:
        digits, exponent = exp_digits(x, precision - 1)
    limit = precision
    if repr_style:
        limit = precision - 1      # CPython's add_dot_0_if_integer rule
    if -4 <= exponent < limit:
        text = format_fixed(x, precision - 1 - exponent, alternate)
        if not alternate:
            text = strip_fraction_zeros(text)
        if repr_style and text.find(".") < 0:
            text = text + ".0"
        return text
    text = assemble_exp(digits, exponent, precision - 1, alternate, upper)
    if not alternate:
        k = text.find("e")
        if k < 0:
            k = text.find("E")
        text = strip_fraction_zeros(text[:k]) + text[k:]
    return text


def strip_fraction_zeros(text):
    if text.find(".") < 0:
        return text
    end = len(text)
    while end > 0 and text[end - 1] == '0':
        end -= 1
    if end > 0 and text[end - 1] == '.':
        end -= 1
    return text[:end]


def float_repr_body(x):
    """repr(|x|) for finite x."""
    return repr(abs(x))


def special_float(x, upper):
    """'inf'/'nan' (upper case for E/F/G) for non-finite x, else ''."""
    if isnan(x):
        if upper:
            return "NAN"
        return "nan"
    if isinf(x):
        if upper:
            return "INF"
        return "inf"
    return ""


def float_is_negative(x):
    return x < 0.0 or is_negative_zero(x)


def round_float(x, ndigits):
    """round(x, ndigits) for finite x: the float nearest to x rounded
    half-even at 10**-ndigits (CPython's correctly rounded result)."""
    if x == 0.0 or isinf(x) or isnan(x):
        return x
    if ndigits > 330:
        return x
    m, e = pylong.float_as_integer_ratio_parts(abs(x))
    if ndigits < -330:
        return 0.0 * x
    q = scaled_round(m, e, ndigits)
    if ndigits >= 0:
        text = q.str() + "e-" + str(ndigits)
    else:
        text = q.str() + "e" + str(-ndigits)
    try:
        result = float(text)
    except ValueError:
        result = 0.0
    if x < 0.0:
        return -result
    return result


# ---------------------------------------------------------------------------
# The format-spec mini-language


class FormatSpec(object):
    def __init__(self):
        self.fill = " "
        self.fill_given = False
        self.no_neg_zero = False
        self.align = '\0'
        self.sign = '\0'
        self.alternate = False
        self.zero = False
        self.width = -1
        self.grouping = '\0'
        self.precision = -1
        self.type = '\0'


def parse_spec(space, spec):
    """A FormatSpec for the UTF-8 text `spec`."""
    result = FormatSpec()
    n = len(spec)
    i = 0
    # fill and align: the fill may be any one character
    if n > 0:
        k = pyunicode.utf8_len_of_lead(ord(spec[0]))
        if k < n and is_align(spec[k]):
            result.fill = spec[0:k]
            result.fill_given = True
            result.align = spec[k]
            i = k + 1
        elif is_align(spec[0]):
            result.align = spec[0]
            i = 1
    if i < n and (spec[i] == '+' or spec[i] == '-' or spec[i] == ' '):
        result.sign = spec[i]
        i += 1
    if i < n and spec[i] == 'z':
        result.no_neg_zero = True
        i += 1
    if i < n and spec[i] == '#':
        result.alternate = True
        i += 1
    if i < n and spec[i] == '0':
        result.zero = True
        i += 1
    start = i
    while i < n and '0' <= spec[i] <= '9':
        i += 1
    if i > start:
        result.width = int(spec[start:i])
    if i < n and (spec[i] == ',' or spec[i] == '_'):
        result.grouping = spec[i]
        i += 1
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and '0' <= spec[i] <= '9':
            i += 1
        if i == start:
            raise space.error(space.w_ValueError,
                              "Format specifier missing precision")
        result.precision = int(spec[start:i])
    if i < n:
        result.type = spec[i]
        i += 1
    if i < n:
        raise space.error(space.w_ValueError, "Invalid format specifier")
    if result.zero and not result.fill_given:
        result.fill = "0"
    return result


def numeric_zero_pad(spec):
    """The '0' flag means '=' alignment for numbers (strings keep their
    default alignment and just fill with zeros)."""
    if spec.zero and spec.align == '\0':
        spec.align = '='


def reject_z(space, spec, what):
    if spec.no_neg_zero:
        raise space.error(space.w_ValueError,
                          "Negative zero coercion (z) not allowed in %s "
                          "format specifier" % what)


def is_align(c):
    return c == '<' or c == '>' or c == '^' or c == '='


def pad(text, text_len, spec, default_align):
    """text padded to spec.width with spec.fill (text_len code points)."""
    width = spec.width
    if width <= text_len:
        return text
    align = spec.align
    if align == '\0' or align == '=':
        align = default_align
    total = width - text_len
    if align == '<':
        left = 0
    elif align == '>':
        left = total
    else:
        left = total // 2
    right = total - left
    return spec.fill * left + text + spec.fill * right


def group_digits(digits, sep, every):
    """Insert `sep` every `every` digits from the right."""
    n = len(digits)
    if n <= every:
        return digits
    out = StringBuilder(n + n // every)
    first = n % every
    if first == 0:
        first = every
    out.append(digits[0:first])
    i = first
    while i < n:
        out.append(sep)
        out.append(digits[i:i + every])
        i += every
    return out.build()


def finish_number(space, digits, negative, prefix, spec, fraction, base):
    """Sign, prefix, grouping of the integer part `digits` (in `base`),
    then the `fraction` text (e.g. '.25e+01'), then padding."""
    numeric_zero_pad(spec)
    if negative:
        sign = "-"
    elif spec.sign == '+':
        sign = "+"
    elif spec.sign == ' ':
        sign = " "
    else:
        sign = ""
    head = sign + prefix
    every = 3
    if spec.grouping == '_' and base != 10:
        every = 4
    if spec.align == '=' and spec.width > 0:
        body_width = spec.width - len(head) - utf8_codepoint_count(fraction)
        if spec.fill == "0" and spec.grouping != '\0':
            while len(group_digits(digits, spec.grouping, every)) \
                    < body_width:
                digits = "0" + digits
    if spec.grouping != '\0':
        digits = group_digits(digits, spec.grouping, every)
    body = digits + fraction
    if spec.align == '=':
        body_len = utf8_codepoint_count(body)
        total = spec.width - len(head) - body_len
        if total > 0:
            return head + spec.fill * total + body
        return head + body
    text = head + body
    return pad(text, utf8_codepoint_count(text), spec, '>')


def format_int_spec(space, w_value, spec):
    """format() of an int (or bool) with a parsed spec."""
    t = spec.type
    if t == 'e' or t == 'E' or t == 'f' or t == 'F' or t == 'g' or \
            t == 'G' or t == '%':
        return format_float_spec(space, space.float_w(w_value), spec)
    if t == 'n':
        t = 'd'
    if t != '\0' and t != 'd' and t != 'b' and t != 'o' and t != 'x' and \
            t != 'X' and t != 'c':
        raise unknown_code(space, t, "int")
    if spec.precision >= 0:
        raise space.error(space.w_ValueError,
                          "Precision not allowed in integer format specifier")
    reject_z(space, spec, "integer")
    if t == 'c':
        if spec.sign != '\0':
            raise space.error(space.w_ValueError,
                              "Sign not allowed with integer format "
                              "specifier 'c'")
        cp = space.int_w(w_value)
        if cp < 0 or cp > 0x10ffff:
            raise space.error(space.w_OverflowError,
                              "%c arg not in range(0x110000)")
        text = pyunicode.utf8_encode(cp)
        return pad(text, 1, spec, '<')
    big = to_big(w_value)
    negative = big.sign < 0
    base = 10
    prefix = ""
    if t == 'b':
        base = 2
        prefix = "0b"
    elif t == 'o':
        base = 8
        prefix = "0o"
    elif t == 'x' or t == 'X':
        base = 16
        prefix = "0x"
    if base == 10:
        digits = pyint.decimal_digits(space, big.abs())
    else:
        digits = big.abs().format_base(base)
    if t == 'X':
        digits = digits.upper()
        prefix = "0X"
    if not spec.alternate:
        prefix = ""
    if spec.grouping == ',' and base != 10:
        raise space.error(space.w_ValueError,
                          "Cannot specify ',' with '%s'." % t)
    return finish_number(space, digits, negative, prefix, spec, "", base)


def unknown_code(space, t, typename):
    return space.error(space.w_ValueError,
                       "Unknown format code '%s' for object of type '%s'"
                       % (t, typename))


def format_float_spec(space, x, spec):
    t = spec.type
    if t == 'n':
        t = 'g'
    if t != '\0' and t != 'e' and t != 'E' and t != 'f' and t != 'F' and \
            t != 'g' and t != 'G' and t != '%':
        raise unknown_code(space, t, "float")
    negative = float_is_negative(x) and not isnan(x)
    upper = t == 'E' or t == 'F' or t == 'G'
    suffix = ""
    if t == '%':
        x = x * 100.0
        suffix = "%"
        t = 'f'
    special = special_float(x, upper)
    if special != "":
        body = special
    else:
        precision = spec.precision
        if t == 'e' or t == 'E':
            if precision < 0:
                precision = 6
            body = format_exp(x, precision, spec.alternate, upper)
        elif t == 'f' or t == 'F':
            if precision < 0:
                precision = 6
            body = format_fixed(x, precision, spec.alternate)
        elif t == 'g' or t == 'G':
            if precision < 0:
                precision = 6
            body = format_general(x, precision, spec.alternate, upper, False)
        elif precision >= 0:
            body = format_general(x, precision, spec.alternate, False, True)
        else:
            body = float_repr_body(x)
    # split the integer part (grouped, zero-padded) from the rest
    k = 0
    while k < len(body) and '0' <= body[k] <= '9':
        k += 1
    if special != "":
        k = len(body)
    digits = body[:k]
    fraction = body[k:] + suffix
    if special != "" and spec.zero and not spec.fill_given:
        spec.fill = " "
    if negative and spec.no_neg_zero and is_all_zero(digits + fraction):
        negative = False
    return finish_number(space, digits, negative, "", spec, fraction, 10)


def is_all_zero(text):
    for c in text:
        if '1' <= c <= '9':
            return False
    return True


def format_str_spec(space, w_str, spec):
    t = spec.type
    if t != '\0' and t != 's':
        raise unknown_code(space, t, "str")
    if spec.sign != '\0':
        raise space.error(space.w_ValueError,
                          "Sign not allowed in string format specifier")
    reject_z(space, spec, "string")
    if spec.alternate:
        raise space.error(space.w_ValueError,
                          "Alternate form (#) not allowed in string format "
                          "specifier")
    if spec.align == '=':
        raise space.error(space.w_ValueError,
                          "'=' alignment not allowed in string format "
                          "specifier")
    if spec.grouping != '\0':
        raise space.error(space.w_ValueError,
                          "Cannot specify '%s' with 's'." % spec.grouping)
    text = w_str.value
    length = w_str.length
    if spec.precision >= 0 and spec.precision < length:
        text = text[:w_str.byte_offset(spec.precision)]
        length = spec.precision
    return pad(text, length, spec, '<')


def check_grouping_type(space, spec):
    if spec.grouping != '\0' and spec.type == 's':
        raise space.error(space.w_ValueError,
                          "Cannot specify '%s' with 's'." % spec.grouping)


def format_object(space, w_value, spec_text):
    """format(w_value, spec) as an RPy str (UTF-8)."""
    w_base = space.unwrap_base(w_value)
    if w_base is w_value or space.type_has_default_format(w_value):
        if isinstance(w_base, W_BoolObject) and spec_text == "":
            return space.str_str(w_base)
        if isinstance(w_base, W_IntObject) or \
                isinstance(w_base, W_LongObject):
            spec = parse_spec(space, spec_text)
            check_grouping_type(space, spec)
            return format_int_spec(space, w_base, spec)
        if isinstance(w_base, W_FloatObject):
            spec = parse_spec(space, spec_text)
            check_grouping_type(space, spec)
            return format_float_spec(space, w_base.floatval, spec)
        if isinstance(w_base, W_StrObject):
            if spec_text == "":
                return w_base.value
            spec = parse_spec(space, spec_text)
            return format_str_spec(space, w_base, spec)
    w_result = space.call_format_method(w_value, spec_text)
    return space.str_w(w_result)


def object_format(space, w_value, spec_text):
    """object.__format__: str(self) for an empty spec."""
    if spec_text != "":
        raise space.error(space.w_TypeError,
                          "unsupported format string passed to %s.__format__"
                          % space.type_name(w_value))
    return space.str_str(w_value)


# ---------------------------------------------------------------------------
# str.format


class FormatArgs(object):
    """Where str.format looks fields up: positional list and keywords
    (a mapping object for format_map)."""

    def __init__(self, args_w, keywords, keywords_w, w_mapping):
        self.args_w = args_w
        self.keywords = keywords
        self.keywords_w = keywords_w
        self.w_mapping = w_mapping
        self.auto_index = 0
        self.manual = False
        self.auto = False


def format_method(space, w_fmt, args):
    fa = FormatArgs(args.args_w, args.keywords, args.keywords_w, None)
    out = StringBuilder(len(w_fmt.value))
    format_into(space, w_fmt.value, fa, out, 2)
    return newtext(space, out.build())


def format_method_map(space, w_fmt, w_mapping):
    fa = FormatArgs([], None, None, w_mapping)
    out = StringBuilder(len(w_fmt.value))
    format_into(space, w_fmt.value, fa, out, 2)
    return newtext(space, out.build())


def format_into(space, fmt, fa, out, depth):
    if depth < 0:
        raise space.error(space.w_ValueError,
                          "Max string recursion exceeded")
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == '{':
            if i + 1 < n and fmt[i + 1] == '{':
                out.append('{')
                i += 2
                continue
            end = field_end(space, fmt, i + 1)
            render_field(space, fmt[i + 1:end], fa, out, depth)
            i = end + 1
            continue
        if c == '}':
            if i + 1 < n and fmt[i + 1] == '}':
                out.append('}')
                i += 2
                continue
            raise space.error(space.w_ValueError,
                              "Single '}' encountered in format string")
        out.append(c)
        i += 1


def field_end(space, fmt, i):
    """The index of the '}' closing the field that starts at i."""
    level = 1
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c == '{':
            level += 1
        elif c == '}':
            level -= 1
            if level == 0:
                return i
        i += 1
    raise space.error(space.w_ValueError,
                      "Single '{' encountered in format string")


def render_field(space, field, fa, out, depth):
    # split "name!conv:spec" (the name may contain [..] with ! or :)
    i = 0
    n = len(field)
    while i < n and field[i] != '!' and field[i] != ':':
        if field[i] == '[':
            while i < n and field[i] != ']':
                i += 1
        i += 1
    if i > n:
        i = n
    name = field[:i]
    conv = '\0'
    spec = ""
    if i < n and field[i] == '!':
        if i + 1 >= n:
            raise space.error(space.w_ValueError,
                              "end of string while looking for conversion "
                              "specifier")
        conv = field[i + 1]
        i += 2
        if i < n and field[i] != ':':
            raise space.error(space.w_ValueError,
                              "expected ':' after conversion specifier")
    if i < n and field[i] == ':':
        spec = field[i + 1:]
    w_value = lookup_field(space, name, fa)
    if conv != '\0':
        if conv == 's':
            w_value = space.str(w_value)
        elif conv == 'r':
            w_value = space.repr(w_value)
        elif conv == 'a':
            w_value = newtext(space, ascii_repr(space.repr_str(w_value)))
        else:
            raise space.error(space.w_ValueError,
                              "Unknown conversion specifier %s" % conv)
    if spec.find("{") >= 0:
        sub = StringBuilder(len(spec))
        format_into(space, spec, fa, sub, depth - 1)
        spec = sub.build()
    out.append(format_object(space, w_value, spec))


def lookup_field(space, name, fa):
    i = 0
    n = len(name)
    while i < n and name[i] != '.' and name[i] != '[':
        i += 1
    first = name[:i]
    if first == "":
        if fa.manual:
            raise space.error(space.w_ValueError,
                              "cannot switch from manual field specification "
                              "to automatic field numbering")
        fa.auto = True
        w_value = positional(space, fa, fa.auto_index)
        fa.auto_index += 1
    elif is_all_digits(first):
        if fa.auto:
            raise space.error(space.w_ValueError,
                              "cannot switch from automatic field numbering "
                              "to manual field specification")
        fa.manual = True
        w_value = positional(space, fa, int(first))
    else:
        w_value = keyword(space, fa, first)
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] != '.' and name[j] != '[':
                j += 1
            w_value = space.getattr_str(w_value, name[i + 1:j])
            i = j
        elif name[i] == '[':
            j = name.find(']', i)
            if j < 0:
                raise space.error(space.w_ValueError,
                                  "Missing ']' in format string")
            key = name[i + 1:j]
            if is_all_digits(key):
                w_key = space.newint(int(key))
            else:
                w_key = newtext(space, key)
            w_value = space.getitem(w_value, w_key)
            i = j + 1
        else:
            raise space.error(space.w_ValueError,
                              "Only '.' or '[' may follow ']' in format field "
                              "specifier")
    return w_value


def is_all_digits(s):
    if len(s) == 0:
        return False
    for c in s:
        if not ('0' <= c <= '9'):
            return False
    return True


def positional(space, fa, index):
    if index >= len(fa.args_w):
        raise space.error(space.w_IndexError,
                          "Replacement index %d out of range for positional "
                          "args tuple" % index)
    return fa.args_w[index]


def keyword(space, fa, name):
    if fa.w_mapping is not None:
        return space.getitem(fa.w_mapping, newtext(space, name))
    if fa.keywords is not None:
        i = 0
        while i < len(fa.keywords):
            if fa.keywords[i] == name:
                return fa.keywords_w[i]
            i += 1
    raise space.key_error(newtext(space, name))


# ---------------------------------------------------------------------------
# printf-style formatting: str % values


class PercentSpec(object):
    def __init__(self):
        self.left = False
        self.plus = False
        self.space = False
        self.alternate = False
        self.zero = False
        self.width = -1
        self.precision = -1


def format_percent(space, w_fmt, w_values):
    fmt = w_fmt.value
    w_base = space.unwrap_base(w_values)
    if space.is_tuple(w_base):
        values_w = space.fixedview(w_base)
        w_mapping = None
    else:
        values_w = [w_values]
        w_mapping = None
        if space.is_mapping_for_percent(w_values):
            w_mapping = w_values
    out = StringBuilder(len(fmt) + 16)
    index = 0
    used_mapping = False
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        if c != '%':
            j = fmt.find('%', i)
            if j < 0:
                j = n
            out.append_slice(fmt, i, j)
            i = j
            continue
        i += 1
        if i >= n:
            raise space.error(space.w_ValueError, "incomplete format")
        w_arg = None
        if fmt[i] == '(':
            if w_mapping is None:
                raise space.error(space.w_TypeError,
                                  "format requires a mapping")
            depth = 1
            j = i + 1
            while j < n and depth > 0:
                if fmt[j] == '(':
                    depth += 1
                elif fmt[j] == ')':
                    depth -= 1
                j += 1
            if depth > 0:
                raise space.error(space.w_ValueError,
                                  "incomplete format key")
            key = fmt[i + 1:j - 1]
            w_arg = space.getitem(w_mapping, newtext(space, key))
            used_mapping = True
            i = j
        ps = PercentSpec()
        while i < n:
            f = fmt[i]
            if f == '-':
                ps.left = True
            elif f == '+':
                ps.plus = True
            elif f == ' ':
                ps.space = True
            elif f == '#':
                ps.alternate = True
            elif f == '0':
                ps.zero = True
            else:
                break
            i += 1
        if i < n and fmt[i] == '*':
            if index >= len(values_w):
                raise not_enough(space)
            ps.width = space.int_w(values_w[index])
            index += 1
            if ps.width < 0:
                ps.left = True
                ps.width = -ps.width
            i += 1
        else:
            start = i
            while i < n and '0' <= fmt[i] <= '9':
                i += 1
            if i > start:
                ps.width = int(fmt[start:i])
        if i < n and fmt[i] == '.':
            i += 1
            if i < n and fmt[i] == '*':
                if index >= len(values_w):
                    raise not_enough(space)
                ps.precision = space.int_w(values_w[index])
                index += 1
                i += 1
            else:
                start = i
                while i < n and '0' <= fmt[i] <= '9':
                    i += 1
                ps.precision = 0
                if i > start:
                    ps.precision = int(fmt[start:i])
        while i < n and (fmt[i] == 'l' or fmt[i] == 'h' or fmt[i] == 'L'):
            i += 1
        if i >= n:
            raise space.error(space.w_ValueError, "incomplete format")
        conv = fmt[i]
        i += 1
        if conv == '%':
            out.append('%')
            continue
        if w_arg is None:
            if w_mapping is not None and index == 0 and len(values_w) == 1 \
                    and False:
                w_arg = values_w[0]
            if index >= len(values_w):
                raise not_enough(space)
            w_arg = values_w[index]
            index += 1
        text, text_len = percent_one(space, conv, ps, w_arg, i - 1)
        out.append(pad_percent(text, text_len, ps, conv))
    if index < len(values_w) and not used_mapping and w_mapping is None:
        raise space.error(space.w_TypeError,
                          "not all arguments converted during string "
                          "formatting")
    return newtext(space, out.build())


def not_enough(space):
    return space.error(space.w_TypeError,
                       "not enough arguments for format string")


def pad_percent(text, text_len, ps, conv):
    if ps.width <= text_len:
        return text
    total = ps.width - text_len
    if ps.left:
        return text + " " * total
    if ps.zero and conv != 's' and conv != 'r' and conv != 'a' and \
            conv != 'c':
        # zeros go after the sign and the 0x prefix
        k = 0
        if k < len(text) and (text[k] == '-' or text[k] == '+' or
                              text[k] == ' '):
            k += 1
        if k + 1 < len(text) and text[k] == '0' and \
                (text[k + 1] == 'x' or text[k + 1] == 'X' or
                 text[k + 1] == 'o'):
            k += 2
        if text.find("inf") < 0 and text.find("nan") < 0 and \
                text.find("INF") < 0 and text.find("NAN") < 0:
            return text[:k] + "0" * total + text[k:]
    return " " * total + text


def percent_one(space, conv, ps, w_arg, index):
    """(text, length in code points) of one conversion."""
    if conv == 's' or conv == 'r' or conv == 'a':
        if conv == 's':
            w_s = space.str(w_arg)
        else:
            w_s = space.repr(w_arg)
        assert isinstance(w_s, W_StrObject)
        text = w_s.value
        length = w_s.length
        if conv == 'a':
            text = ascii_repr(text)
            length = len(text)
        if ps.precision >= 0 and ps.precision < length:
            w_t = W_StrObject(text, length)
            text = text[:w_t.byte_offset(ps.precision)]
            length = ps.precision
        return text, length
    if conv == 'd' or conv == 'i' or conv == 'u':
        w_num = space.unwrap_base(w_arg)
        if isinstance(w_num, W_FloatObject):
            w_num = space.float_to_int(w_num.floatval)
        elif not (isinstance(w_num, W_IntObject) or
                  isinstance(w_num, W_LongObject)):
            w_num = space.int_from_index_or_int(w_arg, conv)
        return percent_int(space, w_num, ps, 10, False)
    if conv == 'x' or conv == 'X' or conv == 'o':
        w_num = space.unwrap_base(w_arg)
        if not (isinstance(w_num, W_IntObject) or
                isinstance(w_num, W_LongObject)):
            w_num = space.index_obj(w_arg, "%" + conv + " format: an "
                                    "integer is required, not %s" %
                                    space.type_name(w_arg))
        base = 16
        if conv == 'o':
            base = 8
        return percent_int(space, w_num, ps, base, conv == 'X')
    if conv == 'e' or conv == 'E' or conv == 'f' or conv == 'F' or \
            conv == 'g' or conv == 'G':
        x = space.float_for_percent(w_arg)
        text = percent_float(x, conv, ps)
        return text, len(text)
    if conv == 'c':
        w_c = space.unwrap_base(w_arg)
        if isinstance(w_c, W_StrObject):
            if w_c.length != 1:
                raise space.error(space.w_TypeError,
                                  "%c requires int or char")
            return w_c.value, 1
        if isinstance(w_c, W_IntObject):
            cp = w_c.intval
            if cp < 0 or cp > 0x10ffff:
                raise space.error(space.w_OverflowError,
                                  "%c arg not in range(0x110000)")
            return pyunicode.utf8_encode(cp), 1
        raise space.error(space.w_TypeError, "%c requires int or char")
    raise space.error(space.w_ValueError,
                      "unsupported format character '%s' (0x%s) at index %d"
                      % (conv, pylong.fromint(ord(conv)).format_base(16),
                         index))


def percent_int(space, w_num, ps, base, upper):
    big = to_big(w_num)
    if base == 10:
        digits = pyint.decimal_digits(space, big.abs())
    else:
        digits = big.abs().format_base(base)
    if upper:
        digits = digits.upper()
    if ps.precision > len(digits):
        digits = "0" * (ps.precision - len(digits)) + digits
    prefix = ""
    if ps.alternate:
        if base == 16:
            prefix = "0x"
            if upper:
                prefix = "0X"
        elif base == 8:
            prefix = "0o"
    if big.sign < 0:
        sign = "-"
    elif ps.plus:
        sign = "+"
    elif ps.space:
        sign = " "
    else:
        sign = ""
    text = sign + prefix + digits
    return text, len(text)


def percent_float(x, conv, ps):
    upper = conv == 'E' or conv == 'F' or conv == 'G'
    special = special_float(x, upper)
    if special != "":
        body = special
    else:
        precision = ps.precision
        if precision < 0:
            precision = 6
        if conv == 'e' or conv == 'E':
            body = format_exp(x, precision, ps.alternate, upper)
        elif conv == 'f' or conv == 'F':
            body = format_fixed(x, precision, ps.alternate)
        else:
            body = format_general(x, precision, ps.alternate, upper, False)
    if float_is_negative(x) and not isnan(x):
        return "-" + body
    if ps.plus:
        return "+" + body
    if ps.space:
        return " " + body
    return body
