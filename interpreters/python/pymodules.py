"""pymodules: the built-in modules sys, time and math, and `import`.

Where this sits: pyinterp's IMPORT_NAME calls `import_module`, which
finds a module in sys.modules, among the built-in modules made here, or as
`NAME.py` (or `NAME/__init__.py`) in the directories of sys.path -- the
script's directory first, as CPython does.  A source module is compiled
with the front end (pycompiler.compile_source) and run in a fresh globals
dict; a syntax error becomes a SyntaxError exception carrying CPython's
details (filename, line, offset, text) for the traceback printer.  Last,
the bundled standard-library modules of pystdlib.py (collections,
functools, itertools, random, ... written in Python, lib/*.py).

math follows CPython's error rules: ValueError "math domain error" and
OverflowError "math range error"; what RPy's math lacks (frexp, ldexp,
factorial, gcd, isqrt, comb, perm, fsum, ...) is written here, on the
object space's ints where results can be big.
"""

import math
import os
import time

from rlib.rarith import ovfcheck
from rlib.objectmodel import we_are_translated

import pylong
from pyobjects import (W_Root, W_ModuleObject, W_BuiltinFunction,
                       W_BaseExceptionObject, OperationError,
                       operation_error, Arguments, check_args, parse_args,
                       args0, args1)
from pyspace import space
from pyint import W_IntObject, W_LongObject, W_FloatObject
import pyint
from pystr import W_StrObject
from pylist import W_ListObject, W_TupleObject
from pydict import W_DictObject
import pytypes
import pyfile
from pyfile import W_FileObject
import pycompiler
import pytokenizer
import pystdlib

# The __file__ of the bundled standard-library modules (pystdlib.py).
STDLIB_PREFIX = "<lathe-stdlib>/"


def new_module(name):
    w_dict = space.newdict()
    space.setitem_str(w_dict, "__name__", space.newtext(name))
    space.setitem_str(w_dict, "__doc__", space.w_None)
    return W_ModuleObject(name, w_dict)


def add_function(w_module, name, func):
    space.setitem_str(w_module.w_dict, name,
                      W_BuiltinFunction(name, func, False,
                                        w_module.name + "." + name))


def add_value(w_module, name, w_value):
    space.setitem_str(w_module.w_dict, name, w_value)


# ---------------------------------------------------------------------------
# sys


def sys_exit(space, args):
    check_args(space, args, "exit", 0, 1)
    args_w = []
    if len(args.args_w) == 1:
        args_w.append(args.args_w[0])
    raise operation_error(W_BaseExceptionObject(space.w_SystemExit, args_w))


def sys_getrecursionlimit(space, args):
    return space.newint(space.interp_recursion_limit)


def sys_setrecursionlimit(space, args):
    check_args(space, args, "setrecursionlimit", 1, 1)
    n = space.int_w(args.args_w[0])
    if n < 1:
        raise space.error(space.w_ValueError,
                          "recursion limit must be greater or equal than 1")
    space.interp_recursion_limit = n
    return space.w_None


def sys_exc_info(space, args):
    w_exc = space.current_exception()
    if w_exc is None:
        return space.newtuple([space.w_None, space.w_None, space.w_None])
    w_tb = space.w_None
    assert isinstance(w_exc, W_BaseExceptionObject)
    if w_exc.w_traceback is not None:
        w_tb = w_exc.w_traceback
    return space.newtuple([space.type(w_exc), w_exc, w_tb])


def sys_exception(space, args):
    w_exc = space.current_exception()
    if w_exc is None:
        return space.w_None
    return w_exc


def sys_set_int_max_str_digits(space, args):
    a = parse_args(space, args, "set_int_max_str_digits", ["maxdigits"], 1)
    n = space.int_w(a[0])
    if n != 0 and n < 640:
        raise space.error(space.w_ValueError,
                          "maxdigits must be 0 or larger than 640")
    space.int_max_str_digits = n
    return space.w_None


def sys_get_int_max_str_digits(space, args):
    return space.newint(space.int_max_str_digits)


def sys_intern(space, args):
    check_args(space, args, "intern", 1, 1)
    return args.args_w[0]


def sys_getsizeof(space, args):
    return space.newint(64)


def make_sys():
    w_sys = new_module("sys")
    add_function(w_sys, "exit", sys_exit)
    add_function(w_sys, "getrecursionlimit", sys_getrecursionlimit)
    add_function(w_sys, "setrecursionlimit", sys_setrecursionlimit)
    add_function(w_sys, "exc_info", sys_exc_info)
    add_function(w_sys, "exception", sys_exception)
    add_function(w_sys, "intern", sys_intern)
    add_function(w_sys, "set_int_max_str_digits", sys_set_int_max_str_digits)
    add_function(w_sys, "get_int_max_str_digits", sys_get_int_max_str_digits)
    add_function(w_sys, "getsizeof", sys_getsizeof)
    add_value(w_sys, "argv", space.newlist([]))
    add_value(w_sys, "path", space.newlist([]))
    add_value(w_sys, "modules", space.w_sys_modules)
    add_value(w_sys, "maxsize", space.newint(pylong.MAXINT))
    add_value(w_sys, "maxunicode", space.newint(0x10ffff))
    add_value(w_sys, "byteorder", space.newtext("little"))
    add_value(w_sys, "platform", space.newtext("linux"))
    add_value(w_sys, "version", space.newtext("3.11.7 (lathe pyvm)"))
    add_value(w_sys, "version_info", space.newtuple([
        space.newint(3), space.newint(11), space.newint(7),
        space.newtext("final"), space.newint(0)]))
    add_value(w_sys, "hexversion", space.newint(0x030b07f0))
    add_value(w_sys, "executable", space.newtext(""))
    add_value(w_sys, "implementation", space.newtext("lathe"))
    w_stdout = W_FileObject(1, "<stdout>", "w", False, True, False)
    w_stderr = W_FileObject(2, "<stderr>", "w", False, True, False)
    w_stdin = W_FileObject(0, "<stdin>", "r", True, False, False)
    w_stderr.flush_before = w_stdout
    space.w_stdout = w_stdout
    space.w_stderr = w_stderr
    space.w_stdin = w_stdin
    add_value(w_sys, "stdout", w_stdout)
    add_value(w_sys, "stderr", w_stderr)
    add_value(w_sys, "stdin", w_stdin)
    add_value(w_sys, "__stdout__", w_stdout)
    add_value(w_sys, "__stderr__", w_stderr)
    return w_sys


# ---------------------------------------------------------------------------
# time


def time_time(space, args):
    return space.newfloat(time.time())


def time_perf_counter(space, args):
    return space.newfloat(time.perf_counter())


def time_time_ns(space, args):
    return space.newlong(pylong.fromfloat(time.time() * 1e9))


def time_perf_counter_ns(space, args):
    return space.newlong(pylong.fromfloat(time.perf_counter() * 1e9))


def time_sleep(space, args):
    check_args(space, args, "sleep", 1, 1)
    seconds = space.float_w(args.args_w[0])
    if seconds < 0:
        raise space.error(space.w_ValueError,
                          "sleep length must be non-negative")
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass
    return space.w_None


def make_time():
    w_time = new_module("time")
    add_function(w_time, "time", time_time)
    add_function(w_time, "perf_counter", time_perf_counter)
    add_function(w_time, "monotonic", time_perf_counter)
    add_function(w_time, "process_time", time_perf_counter)
    add_function(w_time, "time_ns", time_time_ns)
    add_function(w_time, "perf_counter_ns", time_perf_counter_ns)
    add_function(w_time, "monotonic_ns", time_perf_counter_ns)
    add_function(w_time, "sleep", time_sleep)
    return w_time


# ---------------------------------------------------------------------------
# math


def math_arg(space, args, fname):
    check_args(space, args, fname, 1, 1)
    return space.float_w(args.args_w[0])


def domain_error(space):
    return space.error(space.w_ValueError, "math domain error")


def range_error(space):
    return space.error(space.w_OverflowError, "math range error")


def checked(space, x, r, can_overflow):
    """CPython's math_1 rules on a result r of argument x."""
    if r != r and x == x:
        raise domain_error(space)
    if pyint.isinf(r) and pyint.isfinite(x):
        if can_overflow:
            raise range_error(space)
        raise domain_error(space)
    return space.newfloat(r)


def math_sqrt(space, args):
    x = math_arg(space, args, "sqrt")
    if x < 0.0:
        raise domain_error(space)
    return space.newfloat(math.sqrt(x))


def math_exp(space, args):
    x = math_arg(space, args, "exp")
    if x > 709.782712893384:
        raise range_error(space)
    if x != x:
        return space.newfloat(x)
    if x < -745.2:
        return space.newfloat(0.0)
    return space.newfloat(math.exp(x))


def log_of(space, w_x):
    """The natural log of a number (big ints beyond the float range too)."""
    w_b = space.unwrap_base(w_x)
    if isinstance(w_b, W_LongObject):
        num = w_b.num
        if num.sign <= 0:
            raise domain_error(space)
        nbits = num.bit_length()
        if nbits > 1000:
            shift = nbits - 60
            top = num.rshift(shift).tofloat()
            return math.log(top) + shift * math.log(2.0)
    x = space.float_w(w_x)
    if x <= 0.0:
        raise domain_error(space)
    if pyint.isinf(x) or x != x:
        return x
    return math.log(x)


def math_log(space, args):
    check_args(space, args, "log", 1, 2)
    num = log_of(space, args.args_w[0])
    if len(args.args_w) == 1:
        return space.newfloat(num)
    den = log_of(space, args.args_w[1])
    if den == 0.0:
        raise space.error(space.w_ZeroDivisionError, "float division by zero")
    return space.newfloat(num / den)


def math_log2(space, args):
    check_args(space, args, "log2", 1, 1)
    w_b = space.unwrap_base(args.args_w[0])
    if isinstance(w_b, W_IntObject) and w_b.intval > 0 and \
            w_b.intval & (w_b.intval - 1) == 0:
        return space.newfloat(float(pyint.int_bit_length(w_b) - 1))
    return space.newfloat(log_of(space, args.args_w[0]) / math.log(2.0))


def math_log10(space, args):
    check_args(space, args, "log10", 1, 1)
    w_b = space.unwrap_base(args.args_w[0])
    if isinstance(w_b, W_LongObject):
        return space.newfloat(log_of(space, w_b) / math.log(10.0))
    x = space.float_w(args.args_w[0])
    if x <= 0.0:
        raise domain_error(space)
    return space.newfloat(math.log10(x))


def math_trig(space, args, fname, which):
    x = math_arg(space, args, fname)
    if pyint.isinf(x) and which <= 2:
        raise domain_error(space)
    if which == 0:
        r = math.sin(x)
    elif which == 1:
        r = math.cos(x)
    elif which == 2:
        r = math.tan(x)
    elif which == 3:
        if x < -1.0 or x > 1.0:
            raise domain_error(space)
        r = math.asin(x)
    elif which == 4:
        if x < -1.0 or x > 1.0:
            raise domain_error(space)
        r = math.acos(x)
    else:
        r = math.atan(x)
    return space.newfloat(r)


def math_sin(space, args):
    return math_trig(space, args, "sin", 0)


def math_cos(space, args):
    return math_trig(space, args, "cos", 1)


def math_tan(space, args):
    return math_trig(space, args, "tan", 2)


def math_asin(space, args):
    return math_trig(space, args, "asin", 3)


def math_acos(space, args):
    return math_trig(space, args, "acos", 4)


def math_atan(space, args):
    return math_trig(space, args, "atan", 5)


def exp_safe(x):
    if x > 709.782712893384:
        return pyint.INFINITY
    if x < -745.2:
        return 0.0
    return math.exp(x)


def math_sinh(space, args):
    x = math_arg(space, args, "sinh")
    if abs(x) > 710.5:
        if pyint.isinf(x):
            return space.newfloat(x)
        raise range_error(space)
    return space.newfloat((exp_safe(x) - exp_safe(-x)) / 2.0)


def math_cosh(space, args):
    x = math_arg(space, args, "cosh")
    if abs(x) > 710.5:
        if pyint.isinf(x):
            return space.newfloat(abs(x))
        raise range_error(space)
    return space.newfloat((exp_safe(x) + exp_safe(-x)) / 2.0)


def math_tanh(space, args):
    x = math_arg(space, args, "tanh")
    if x > 20.0:
        return space.newfloat(1.0)
    if x < -20.0:
        return space.newfloat(-1.0)
    e2 = math.exp(2.0 * x)
    return space.newfloat((e2 - 1.0) / (e2 + 1.0))


def math_atan2(space, args):
    check_args(space, args, "atan2", 2, 2)
    return space.newfloat(math.atan2(space.float_w(args.args_w[0]),
                                     space.float_w(args.args_w[1])))


def math_hypot(space, args):
    total = 0.0
    for w_x in args.args_w:
        x = space.float_w(w_x)
        if pyint.isinf(x):
            return space.newfloat(pyint.INFINITY)
        total = math.hypot(total, x)
    return space.newfloat(total)


def math_pow(space, args):
    check_args(space, args, "pow", 2, 2)
    x = space.float_w(args.args_w[0])
    y = space.float_w(args.args_w[1])
    if x == 0.0 and y < 0.0 and not pyint.isinf(y):
        raise domain_error(space)
    if x < 0.0 and pyint.isfinite(x) and pyint.isfinite(y) and \
            y != pyint.ffloor(y):
        raise domain_error(space)
    if x == 1.0 or y == 0.0:
        return space.newfloat(1.0)
    if x != x or y != y:
        return space.newfloat(x + y)
    try:
        r = x ** y
    except OverflowError:
        raise range_error(space)
    except ZeroDivisionError:
        raise domain_error(space)
    except ValueError:
        raise domain_error(space)
    if pyint.isinf(r) and pyint.isfinite(x) and pyint.isfinite(y):
        raise range_error(space)
    return space.newfloat(r)


def math_fmod(space, args):
    check_args(space, args, "fmod", 2, 2)
    x = space.float_w(args.args_w[0])
    y = space.float_w(args.args_w[1])
    if x != x or y != y:
        return space.newfloat(x + y)
    if pyint.isinf(x) or y == 0.0:
        raise domain_error(space)
    if pyint.isinf(y):
        return space.newfloat(x)
    return space.newfloat(math.fmod(x, y))


def math_fabs(space, args):
    return space.newfloat(abs(math_arg(space, args, "fabs")))


def math_rounding(space, args, fname, special):
    check_args(space, args, fname, 1, 1)
    w_x = args.args_w[0]
    w_b = space.unwrap_base(w_x)
    if isinstance(w_b, W_FloatObject):
        if fname == "floor":
            return pyint.float_floor_obj(space, w_b.floatval)
        if fname == "ceil":
            return pyint.float_ceil_obj(space, w_b.floatval)
        return pyint.float_to_int_obj(space, w_b.floatval)
    if isinstance(w_b, W_IntObject) or isinstance(w_b, W_LongObject):
        return pytypes.int_of(space, w_b)
    w_impl = space.lookup_type_attr(w_x, special)
    if w_impl is not None:
        return space.call_descr(w_impl, w_x, args0())
    x = space.float_w(w_x)
    if fname == "floor":
        return pyint.float_floor_obj(space, x)
    if fname == "ceil":
        return pyint.float_ceil_obj(space, x)
    return pyint.float_to_int_obj(space, x)


def math_floor(space, args):
    return math_rounding(space, args, "floor", "__floor__")


def math_ceil(space, args):
    return math_rounding(space, args, "ceil", "__ceil__")


def math_trunc(space, args):
    return math_rounding(space, args, "trunc", "__trunc__")


def math_isnan(space, args):
    return space.newbool(pyint.isnan(math_arg(space, args, "isnan")))


def math_isinf(space, args):
    return space.newbool(pyint.isinf(math_arg(space, args, "isinf")))


def math_isfinite(space, args):
    return space.newbool(pyint.isfinite(math_arg(space, args, "isfinite")))


def math_copysign(space, args):
    check_args(space, args, "copysign", 2, 2)
    return space.newfloat(pyint.copysign(space.float_w(args.args_w[0]),
                                         space.float_w(args.args_w[1])))


def math_degrees(space, args):
    return space.newfloat(math_arg(space, args, "degrees") *
                          (180.0 / math.pi))


def math_radians(space, args):
    return space.newfloat(math_arg(space, args, "radians") *
                          (math.pi / 180.0))


def math_frexp(space, args):
    x = math_arg(space, args, "frexp")
    m, e = pylong.frexp(x)
    return space.newtuple([space.newfloat(m), space.newint(e)])


def math_ldexp(space, args):
    check_args(space, args, "ldexp", 2, 2)
    x = space.float_w(args.args_w[0])
    e = space.int_w(args.args_w[1])
    if x == 0.0 or pyint.isinf(x) or x != x:
        return space.newfloat(x)
    if e > 2200:
        raise range_error(space)
    if e < -2200:
        return space.newfloat(x * 0.0)
    r = pylong.ldexp_exact(x, e)
    if pyint.isinf(r):
        raise range_error(space)
    return space.newfloat(r)


def math_modf(space, args):
    x = math_arg(space, args, "modf")
    if pyint.isinf(x):
        return space.newtuple([space.newfloat(pyint.copysign(0.0, x)),
                               space.newfloat(x)])
    if x != x:
        return space.newtuple([space.newfloat(x), space.newfloat(x)])
    if x >= 0.0:
        ip = pyint.ffloor(x)
    else:
        ip = pyint.fceil(x)
    return space.newtuple([space.newfloat(pyint.copysign(x - ip, x)),
                           space.newfloat(ip)])


def int_arg(space, w_x, fname):
    w_b = space.unwrap_base(w_x)
    if isinstance(w_b, W_IntObject) or isinstance(w_b, W_LongObject):
        return pyint.to_big(w_b)
    if isinstance(w_b, W_FloatObject):
        raise space.error(space.w_TypeError,
                          "'float' object cannot be interpreted as an "
                          "integer")
    return pyint.to_big(space.index_obj(w_x, "'%s' object cannot be "
                                        "interpreted as an integer" %
                                        space.type_name(w_x)))


def math_factorial(space, args):
    check_args(space, args, "factorial", 1, 1)
    n = int_arg(space, args.args_w[0], "factorial")
    if n.sign < 0:
        raise space.error(space.w_ValueError,
                          "factorial() not defined for negative values")
    if not n.fits_int() or n.toint() > 100000:
        raise space.error(space.w_OverflowError,
                          "factorial() argument should not exceed %d" %
                          pylong.MAXINT)
    return space.newlong(product_range(1, n.toint()))


def product_range(lo, hi):
    """lo * (lo+1) * ... * hi, by halves (balanced products)."""
    if hi < lo:
        return pylong.ONE
    if hi - lo < 8:
        result = pylong.fromint(lo)
        i = lo + 1
        while i <= hi:
            result = result.mul(pylong.fromint(i))
            i += 1
        return result
    mid = (lo + hi) // 2
    return product_range(lo, mid).mul(product_range(mid + 1, hi))


def big_gcd(a, b):
    a = a.abs()
    b = b.abs()
    while b.sign != 0:
        a, b = b, a.mod(b)
    return a


def math_gcd(space, args):
    result = pylong.ZERO
    for w_x in args.args_w:
        result = big_gcd(result, int_arg(space, w_x, "gcd"))
    return space.newlong(result)


def math_lcm(space, args):
    result = pylong.ONE
    for w_x in args.args_w:
        x = int_arg(space, w_x, "lcm")
        if x.sign == 0 or result.sign == 0:
            result = pylong.ZERO
            continue
        g = big_gcd(result, x)
        result = result.mul(x).abs().floordiv(g)
    return space.newlong(result)


def big_isqrt(n):
    """floor(sqrt(n)) for n >= 0 (Newton's method)."""
    if n.sign == 0:
        return n
    x = pylong.ONE.lshift((n.bit_length() + 1) // 2)
    while True:
        y = x.add(n.floordiv(x)).rshift(1)
        if y.compare(x) >= 0:
            return x
        x = y


def math_isqrt(space, args):
    check_args(space, args, "isqrt", 1, 1)
    n = int_arg(space, args.args_w[0], "isqrt")
    if n.sign < 0:
        raise space.error(space.w_ValueError,
                          "isqrt() argument must be nonnegative")
    return space.newlong(big_isqrt(n))


def math_comb(space, args):
    check_args(space, args, "comb", 2, 2)
    n = int_arg(space, args.args_w[0], "comb")
    k = int_arg(space, args.args_w[1], "comb")
    if n.sign < 0:
        raise space.error(space.w_ValueError, "n must be a non-negative integer")
    if k.sign < 0:
        raise space.error(space.w_ValueError, "k must be a non-negative integer")
    if k.compare(n) > 0:
        return space.newint(0)
    kk = k.toint()
    nk = n.sub(k)
    if nk.compare(k) < 0:
        kk = nk.toint()
    result = pylong.ONE
    i = 0
    while i < kk:
        result = result.mul(n.sub(pylong.fromint(i))).floordiv(
            pylong.fromint(i + 1))
        i += 1
    return space.newlong(result)


def math_perm(space, args):
    check_args(space, args, "perm", 1, 2)
    n = int_arg(space, args.args_w[0], "perm")
    if n.sign < 0:
        raise space.error(space.w_ValueError, "n must be a non-negative integer")
    if len(args.args_w) == 1:
        return space.newlong(product_range(1, n.toint()))
    k = int_arg(space, args.args_w[1], "perm")
    if k.sign < 0:
        raise space.error(space.w_ValueError, "k must be a non-negative integer")
    if k.compare(n) > 0:
        return space.newint(0)
    result = pylong.ONE
    i = 0
    kk = k.toint()
    while i < kk:
        result = result.mul(n.sub(pylong.fromint(i)))
        i += 1
    return space.newlong(result)


def math_prod(space, args):
    if len(args.args_w) != 1:
        raise space.error(space.w_TypeError, "prod() takes 1 argument")
    w_total = args.get_keyword("start")
    if w_total is None:
        w_total = space.newint(1)
    for w_x in space.listview(args.args_w[0]):
        w_total = space.binop(2, w_total, w_x)
    return w_total


def math_fsum(space, args):
    """Shewchuk's exactly rounded sum (CPython's msum)."""
    check_args(space, args, "fsum", 1, 1)
    partials = []
    special = 0.0
    for w_x in space.listview(args.args_w[0]):
        x = space.float_w(w_x)
        if pyint.isinf(x) or x != x:
            special += x
            continue
        i = 0
        for y in partials:
            if abs(x) < abs(y):
                t = x
                x = y
                y = t
            hi = x + y
            lo = y - (hi - x)
            if lo != 0.0:
                partials[i] = lo
                i += 1
            x = hi
        while len(partials) > i:
            partials.pop()
        partials.append(x)
    if special != 0.0 or special != special:
        return space.newfloat(special)
    n = len(partials)
    hi = 0.0
    if n > 0:
        n -= 1
        hi = partials[n]
        lo = 0.0
        while n > 0:
            x = hi
            n -= 1
            y = partials[n]
            hi = x + y
            yr = hi - x
            lo = y - yr
            if lo != 0.0:
                break
        if n > 0 and ((lo < 0.0 and partials[n - 1] < 0.0) or
                      (lo > 0.0 and partials[n - 1] > 0.0)):
            y = lo * 2.0
            x = hi + y
            yr = x - hi
            if y == yr:
                hi = x
    return space.newfloat(hi)


ISCLOSE_ARGS = ["a", "b", "rel_tol", "abs_tol"]


def math_isclose(space, args):
    a_w = parse_args(space, args, "isclose", ISCLOSE_ARGS, 2)
    a = space.float_w(a_w[0])
    b = space.float_w(a_w[1])
    rel_tol = 1e-09
    abs_tol = 0.0
    if a_w[2] is not None:
        rel_tol = space.float_w(a_w[2])
    if a_w[3] is not None:
        abs_tol = space.float_w(a_w[3])
    if rel_tol < 0.0 or abs_tol < 0.0:
        raise space.error(space.w_ValueError,
                          "tolerances must be non-negative")
    if a == b:
        return space.w_True
    if pyint.isinf(a) or pyint.isinf(b):
        return space.w_False
    diff = abs(b - a)
    return space.newbool((diff <= abs(rel_tol * b)) or
                         (diff <= abs(rel_tol * a)) or (diff <= abs_tol))


def math_dist(space, args):
    check_args(space, args, "dist", 2, 2)
    p = space.listview(args.args_w[0])
    q = space.listview(args.args_w[1])
    if len(p) != len(q):
        raise space.error(space.w_ValueError,
                          "both points must have the same number of "
                          "dimensions")
    total = 0.0
    i = 0
    while i < len(p):
        total = math.hypot(total, space.float_w(p[i]) - space.float_w(q[i]))
        i += 1
    return space.newfloat(total)


MATH_FUNCTIONS = [
    ("sqrt", math_sqrt), ("exp", math_exp), ("log", math_log),
    ("log2", math_log2), ("log10", math_log10), ("sin", math_sin),
    ("cos", math_cos), ("tan", math_tan), ("asin", math_asin),
    ("acos", math_acos), ("atan", math_atan), ("atan2", math_atan2),
    ("sinh", math_sinh), ("cosh", math_cosh), ("tanh", math_tanh),
    ("hypot", math_hypot), ("pow", math_pow), ("fmod", math_fmod),
    ("fabs", math_fabs), ("floor", math_floor), ("ceil", math_ceil),
    ("trunc", math_trunc), ("isnan", math_isnan), ("isinf", math_isinf),
    ("isfinite", math_isfinite), ("copysign", math_copysign),
    ("degrees", math_degrees), ("radians", math_radians),
    ("frexp", math_frexp), ("ldexp", math_ldexp), ("modf", math_modf),
    ("factorial", math_factorial), ("gcd", math_gcd), ("lcm", math_lcm),
    ("isqrt", math_isqrt), ("comb", math_comb), ("perm", math_perm),
    ("prod", math_prod), ("fsum", math_fsum), ("isclose", math_isclose),
    ("dist", math_dist),
]


def make_math():
    w_math = new_module("math")
    for name, func in MATH_FUNCTIONS:
        add_function(w_math, name, func)
    add_value(w_math, "pi", space.newfloat(math.pi))
    add_value(w_math, "e", space.newfloat(math.e))
    add_value(w_math, "tau", space.newfloat(2.0 * math.pi))
    add_value(w_math, "inf", space.newfloat(pyint.INFINITY))
    add_value(w_math, "nan", space.newfloat(pyint.NAN))
    return w_math


# ---------------------------------------------------------------------------
# File objects and open()


def file_self(space, args, name):
    if len(args.args_w) == 0 or not isinstance(args.args_w[0], W_FileObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' requires a file object" % name)
    w_file = args.args_w[0]
    assert isinstance(w_file, W_FileObject)
    return w_file


def file_write(space, args):
    w_file = file_self(space, args, "write")
    check_args(space, args, "write", 2, 2)
    w_text = space.unwrap_base(args.args_w[1])
    if not isinstance(w_text, W_StrObject):
        raise space.error(space.w_TypeError,
                          "write() argument must be str, not %s" %
                          space.type_name(args.args_w[1]))
    w_file.write(space, w_text.value)
    return space.newint(w_text.length)


def file_flush(space, args):
    w_file = file_self(space, args, "flush")
    w_file.flush()
    return space.w_None


def file_close(space, args):
    file_self(space, args, "close").close()
    return space.w_None


def ensure_stdin(w_file):
    if w_file.fd == 0 and not w_file.closed and w_file.pos == 0 and \
            len(w_file.data) == 0:
        try:
            w_file.data = pyfile.read_fd(0)
        except OSError:
            w_file.data = ""


def file_read(space, args):
    w_file = file_self(space, args, "read")
    check_args(space, args, "read", 1, 2)
    w_file.check_open(space)
    ensure_stdin(w_file)
    n = -1
    if len(args.args_w) > 1 and not space.is_none(args.args_w[1]):
        n = space.int_w(args.args_w[1])
    return w_file.wrap(space, w_file.read(n))


def file_readline(space, args):
    w_file = file_self(space, args, "readline")
    w_file.check_open(space)
    ensure_stdin(w_file)
    limit = -1
    if len(args.args_w) > 1:
        limit = space.int_w(args.args_w[1])
    return w_file.wrap(space, w_file.readline(limit))


def file_readlines(space, args):
    w_file = file_self(space, args, "readlines")
    w_file.check_open(space)
    ensure_stdin(w_file)
    items_w = []
    while True:
        line = w_file.readline(-1)
        if len(line) == 0:
            break
        items_w.append(w_file.wrap(space, line))
    return space.newlist(items_w)


def file_enter(space, args):
    w_file = file_self(space, args, "__enter__")
    w_file.check_open(space)
    return w_file


def file_exit(space, args):
    file_self(space, args, "__exit__").close()
    return space.w_None


def file_get_name(space, w_obj):
    assert isinstance(w_obj, W_FileObject)
    return space.newtext(w_obj.name)


def file_get_mode(space, w_obj):
    assert isinstance(w_obj, W_FileObject)
    return space.newtext(w_obj.mode)


def file_get_closed(space, w_obj):
    assert isinstance(w_obj, W_FileObject)
    return space.newbool(w_obj.closed)


OPEN_ARGS = ["file", "mode", "buffering", "encoding", "errors", "newline"]


def builtin_open(space, args):
    a = parse_args(space, args, "open", OPEN_ARGS, 1)
    path = space.str_w(a[0])
    mode = "r"
    if a[1] is not None:
        mode = space.str_w(a[1])
    binary = mode.find("b") >= 0
    if mode.find("w") >= 0:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    elif mode.find("a") >= 0:
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
    elif mode.find("x") >= 0:
        flags = os.O_WRONLY | os.O_CREAT
    else:
        flags = os.O_RDONLY
    readable = flags == os.O_RDONLY
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as e:
        raise open_error(space, e, path)
    w_file = W_FileObject(fd, path, mode, readable, not readable, binary)
    if readable:
        try:
            w_file.data = pyfile.read_fd(fd)
        except OSError as e:
            os.close(fd)
            raise open_error(space, e, path)
    return w_file


def open_error(space, e, path):
    errno, strerror = pyfile.oserror_parts(e)
    w_type = space.w_OSError
    if errno == 2:
        w_type = space.w_FileNotFoundError
    elif errno == 21:
        w_type = space.w_IsADirectoryError
    elif errno == 13:
        w_type = space.w_PermissionError
    w_exc = W_BaseExceptionObject(w_type, [space.newint(errno),
                                           space.newtext(strerror)])
    w_exc.setdictvalue(space, "filename", space.newtext(path))
    return operation_error(w_exc)


def setup_file_type():
    w_file = pytypes.make_type(space, "TextIOWrapper", [space.w_object],
                               pytypes.LAYOUT_FINAL)
    space.w_file = w_file
    pytypes.add_method(w_file, "write", file_write)
    pytypes.add_method(w_file, "flush", file_flush)
    pytypes.add_method(w_file, "close", file_close)
    pytypes.add_method(w_file, "read", file_read)
    pytypes.add_method(w_file, "readline", file_readline)
    pytypes.add_method(w_file, "readlines", file_readlines)
    pytypes.add_method(w_file, "__enter__", file_enter)
    pytypes.add_method(w_file, "__exit__", file_exit)
    pytypes.add_method(w_file, "__repr__", pytypes.d_repr)
    pytypes.add_iterator_dunders(w_file)
    pytypes.add_getset(w_file, "name", file_get_name, None)
    pytypes.add_getset(w_file, "mode", file_get_mode, None)
    pytypes.add_getset(w_file, "closed", file_get_closed, None)
    space.setitem_str(space.w_builtins_dict, "open",
                      W_BuiltinFunction("open", builtin_open, False, "open"))
    space.setitem_str(space.w_builtins_dict, "__import__",
                      W_BuiltinFunction("__import__", builtin_import, False,
                                        "__import__"))


# ---------------------------------------------------------------------------
# Importing


def import_module(interp, name, level, fromlist_empty, w_globals):
    """IMPORT_NAME: the top package of `name` (or the module itself when a
    fromlist is given)."""
    if level > 0 and name == "":
        raise space.error(space.w_ImportError,
                          "attempted relative import with no known parent "
                          "package")
    parts = name.split(".")
    w_top = None
    w_module = None
    fullname = ""
    i = 0
    while i < len(parts):
        if i == 0:
            fullname = parts[0]
        else:
            fullname = fullname + "." + parts[i]
        w_module = import_one(interp, fullname, w_module)
        if i == 0:
            w_top = w_module
        i += 1
    if fromlist_empty:
        return w_top
    return w_module


def import_one(interp, fullname, w_parent):
    w_mod = space.finditem_str(space.w_sys_modules, fullname)
    if w_mod is not None:
        return w_mod
    w_builtin = space.builtin_modules.get(fullname, None)
    if w_builtin is not None:
        space.setitem_str(space.w_sys_modules, fullname, w_builtin)
        return w_builtin
    dirs = search_dirs(w_parent)
    leaf = fullname
    k = fullname.rfind(".")
    if k >= 0:
        leaf = fullname[k + 1:]
    for d in dirs:
        path = join_path(d, leaf + ".py")
        source = pyfile.read_file(path)
        if source is not None:
            return load_source_module(interp, fullname, path, source, "")
        pkg_dir = join_path(d, leaf)
        path = join_path(pkg_dir, "__init__.py")
        source = pyfile.read_file(path)
        if source is not None:
            return load_source_module(interp, fullname, path, source, pkg_dir)
    if w_parent is None:
        source = pystdlib.SOURCES.get(fullname, None)
        if source is not None:
            return load_source_module(interp, fullname,
                                      STDLIB_PREFIX + fullname + ".py",
                                      source, "")
    w_exc = W_BaseExceptionObject(space.w_ModuleNotFoundError, [
        space.newtext("No module named '%s'" % fullname)])
    w_exc.setdictvalue(space, "name", space.newtext(fullname))
    raise operation_error(w_exc)


IMPORT_ARGS = ["name", "globals", "locals", "fromlist", "level"]


def builtin_import(space, args):
    """__import__(name, globals=None, locals=None, fromlist=(), level=0)"""
    a = parse_args(space, args, "__import__", IMPORT_ARGS, 1)
    name = space.str_w(a[0])
    fromlist_empty = a[3] is None or space.is_none(a[3]) or \
        space.len_w(a[3]) == 0
    level = 0
    if a[4] is not None:
        level = space.int_w(a[4])
    w_globals = a[1]
    if w_globals is None:
        w_globals = space.w_None
    return import_module(space.interp, name, level, fromlist_empty, w_globals)


def import_submodule(interp, w_module, name):
    """from package import submodule: None when there is none."""
    w_path = space.finditem_str(w_module.w_dict, "__path__")
    if w_path is None:
        return None
    try:
        return import_one(interp, w_module.name + "." + name, w_module)
    except OperationError as e:
        if space.exception_matches(e, space.w_ModuleNotFoundError):
            return None
        raise


def search_dirs(w_parent):
    if w_parent is not None:
        assert isinstance(w_parent, W_ModuleObject)
        w_path = space.finditem_str(w_parent.w_dict, "__path__")
        if w_path is not None:
            result = []
            for w_d in space.listview(w_path):
                result.append(space.str_w(w_d))
            return result
        return []
    result = []
    w_sys = space.builtin_modules["sys"]
    w_path = space.finditem_str(w_sys.w_dict, "path")
    if w_path is not None:
        for w_d in space.listview(w_path):
            w_s = space.unwrap_base(w_d)
            if isinstance(w_s, W_StrObject):
                result.append(w_s.value)
    return result


def join_path(d, name):
    if d == "":
        return name
    if d.endswith("/"):
        return d + name
    return d + "/" + name


def load_source_module(interp, fullname, path, source, pkg_dir):
    w_module = new_module(fullname)
    w_module.filename = path
    space.setitem_str(w_module.w_dict, "__file__", space.newtext(path))
    if pkg_dir != "":
        space.setitem_str(w_module.w_dict, "__path__",
                          space.newlist([space.newtext(pkg_dir)]))
        space.setitem_str(w_module.w_dict, "__package__",
                          space.newtext(fullname))
    space.setitem_str(w_module.w_dict, "__builtins__",
                      space.w_builtins_module)
    code = compile_or_raise(source, path)
    space.setitem_str(space.w_sys_modules, fullname, w_module)
    try:
        interp.run_module_code(code, w_module.w_dict)
    except OperationError:
        w_sys_modules = space.w_sys_modules
        assert isinstance(w_sys_modules, W_DictObject)
        w_sys_modules.delitem(space, space.newtext(fullname))
        raise
    return w_module


def compile_or_raise(source, path):
    """Compile module source; a syntax error becomes a SyntaxError."""
    try:
        return pycompiler.compile_source(source, path)
    except pytokenizer.PySyntaxError as e:
        raise operation_error(syntax_error_object(e))


def syntax_error_object(e):
    w_type = space.exceptions_by_name.get(e.kind, space.w_SyntaxError)
    details_w = [space.newtext(e.filename), space.newint(e.lineno),
                 space.newint(e.offset), space.newtext(e.text),
                 space.newint(e.end_lineno), space.newint(e.end_offset)]
    return W_BaseExceptionObject(w_type, [space.newtext(e.msg),
                                          space.newtuple(details_w)])


# ---------------------------------------------------------------------------
# Setup


def setup_modules():
    space.w_sys_modules = space.newdict()
    space.interp_recursion_limit = 1000
    space.builtin_modules["sys"] = make_sys()
    space.builtin_modules["time"] = make_time()
    space.builtin_modules["math"] = make_math()
    space.builtin_modules["builtins"] = space.w_builtins_module
    setup_file_type()


setup_modules()
