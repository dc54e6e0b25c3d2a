"""pybuiltins: the `builtins` module.

Where this sits: imported by pyinterp, which adds the built-ins that need
frames (`__build_class__`, `super`, `globals`, `locals`, `vars`).  Each
built-in is an RPy function `(space, args) -> W_Root`; `add_builtin`
wraps it in a W_BuiltinFunction in `space.w_builtins_dict`, the dict
LOAD_GLOBAL falls back to.  The built-in classes (int, str, list,
enumerate, zip, ...) are the type objects themselves.

enumerate, zip, map, filter and reversed are types whose instances are
lazy iterators (W_EnumerateObject, ...); `iter(callable, sentinel)` makes
a W_CallableIterObject.  print() writes through the `write` method of its
`file` (sys.stdout by default: pymodules.W_FileObject, buffered).
"""

from rlib.objectmodel import compute_unique_id

import pylong
from pyobjects import (W_Root, W_TypeObject, W_InstanceObject,
                       W_BuiltinFunction, W_FunctionObject, W_MethodObject,
                       W_BaseExceptionObject, W_ModuleObject, OperationError,
                       Arguments, check_args, parse_args, args0, args1)
from pyspace import space
from pyint import W_IntObject, W_LongObject, W_FloatObject, W_BoolObject
import pyint
from pystr import W_StrObject, W_BytesObject, ascii_repr
import pystr
import pyunicode
from pylist import (W_ListObject, W_TupleObject, W_RangeObject,
                    W_ReverseSeqIterObject, W_RangeIterObject, do_sort)
from pydict import W_DictObject, W_SetObject
import pytypes
import pyformat
import pyrange
from pyopcodes import CMP_LT, CMP_GT


def add_builtin(name, func):
    space.setitem_str(space.w_builtins_dict, name,
                      W_BuiltinFunction(name, func, False, name))


# ---------------------------------------------------------------------------
# Simple functions


def builtin_len(space, args):
    check_args(space, args, "len", 1, 1)
    return space.newint(space.len_w(args.args_w[0]))


def builtin_abs(space, args):
    check_args(space, args, "abs", 1, 1)
    return space.abs(args.args_w[0])


def builtin_repr(space, args):
    check_args(space, args, "repr", 1, 1)
    return space.repr(args.args_w[0])


def builtin_ascii(space, args):
    check_args(space, args, "ascii", 1, 1)
    return space.newtext(ascii_repr(space.repr_str(args.args_w[0])))


def builtin_hash(space, args):
    check_args(space, args, "hash", 1, 1)
    return space.hash(args.args_w[0])


def builtin_id(space, args):
    check_args(space, args, "id", 1, 1)
    return space.newint(compute_unique_id(args.args_w[0]))


def builtin_callable(space, args):
    check_args(space, args, "callable", 1, 1)
    return space.newbool(space.callable_w(args.args_w[0]))


def builtin_chr(space, args):
    check_args(space, args, "chr", 1, 1)
    w_x = args.args_w[0]
    if isinstance(space.unwrap_base(w_x), W_FloatObject):
        raise space.error(space.w_TypeError,
                          "'float' object cannot be interpreted as an integer")
    w_int = space.index_obj(w_x, "'%s' object cannot be interpreted as an "
                            "integer" % space.type_name(w_x))
    if not isinstance(w_int, W_IntObject) or w_int.intval < 0 or \
            w_int.intval > 0x10ffff:
        if isinstance(w_int, W_LongObject):
            raise space.error(space.w_OverflowError,
                              "Python int too large to convert to C int")
        raise space.error(space.w_ValueError,
                          "chr() arg not in range(0x110000)")
    cp = w_int.intval
    if cp < 128:
        return space.newchar(chr(cp))
    return W_StrObject(pyunicode.utf8_encode(cp), 1)


def builtin_ord(space, args):
    check_args(space, args, "ord", 1, 1)
    w_c = space.unwrap_base(args.args_w[0])
    if isinstance(w_c, W_StrObject):
        if w_c.length != 1:
            raise space.error(space.w_TypeError,
                              "ord() expected a character, but string of "
                              "length %d found" % w_c.length)
        return space.newint(pyunicode.utf8_decode_at(w_c.value, 0))
    if isinstance(w_c, W_BytesObject):
        if len(w_c.value) != 1:
            raise space.error(space.w_TypeError,
                              "ord() expected a character, but string of "
                              "length %d found" % len(w_c.value))
        return space.newint(ord(w_c.value[0]))
    raise space.error(space.w_TypeError,
                      "ord() expected string of length 1, but %s found" %
                      space.type_name(args.args_w[0]))


def int_prefix_format(space, w_x, base, prefix):
    w_int = space.index_obj(w_x, "'%s' object cannot be interpreted as an "
                            "integer" % space.type_name(w_x))
    big = pyint.to_big(w_int)
    text = big.abs().format_base(base)
    if big.sign < 0:
        return space.newtext("-" + prefix + text)
    return space.newtext(prefix + text)


def builtin_hex(space, args):
    check_args(space, args, "hex", 1, 1)
    return int_prefix_format(space, args.args_w[0], 16, "0x")


def builtin_oct(space, args):
    check_args(space, args, "oct", 1, 1)
    return int_prefix_format(space, args.args_w[0], 8, "0o")


def builtin_bin(space, args):
    check_args(space, args, "bin", 1, 1)
    return int_prefix_format(space, args.args_w[0], 2, "0b")


def builtin_divmod(space, args):
    check_args(space, args, "divmod", 2, 2)
    return space.divmod(args.args_w[0], args.args_w[1])


POW_ARGS = ["base", "exp", "mod"]


def builtin_pow(space, args):
    a = parse_args(space, args, "pow", POW_ARGS, 2)
    if a[2] is None or space.is_none(a[2]):
        return space.binop(6, a[0], a[1])
    return space.pow3(a[0], a[1], a[2])


ROUND_ARGS = ["number", "ndigits"]


def builtin_round(space, args):
    a = parse_args(space, args, "round", ROUND_ARGS, 1)
    w_x = a[0]
    w_round = space.lookup_type_attr(w_x, "__round__")
    if w_round is None:
        raise space.error(space.w_TypeError,
                          "type %s doesn't define __round__ method" %
                          space.type_name(w_x))
    if a[1] is None or space.is_none(a[1]):
        return space.call_descr(w_round, w_x, args0())
    return space.call_descr(w_round, w_x, args1(a[1]))


FORMAT_ARGS = ["value", "format_spec"]


def builtin_format(space, args):
    a = parse_args(space, args, "format", FORMAT_ARGS, 1)
    spec = ""
    if a[1] is not None:
        spec = space.str_w(a[1])
    return space.format(a[0], spec)


def builtin_getattr(space, args):
    check_args(space, args, "getattr", 2, 3)
    w_obj = args.args_w[0]
    w_name = space.unwrap_base(args.args_w[1])
    if not isinstance(w_name, W_StrObject):
        raise space.error(space.w_TypeError,
                          "attribute name must be string, not '%s'" %
                          space.type_name(args.args_w[1]))
    if len(args.args_w) == 2:
        return space.getattr_str(w_obj, w_name.value)
    try:
        w_value = space.getattr_or_none(w_obj, w_name.value)
    except OperationError as e:
        if not space.exception_matches(e, space.w_AttributeError):
            raise
        w_value = None
    if w_value is None:
        return args.args_w[2]
    return w_value


def builtin_setattr(space, args):
    check_args(space, args, "setattr", 3, 3)
    w_name = space.unwrap_base(args.args_w[1])
    if not isinstance(w_name, W_StrObject):
        raise space.error(space.w_TypeError,
                          "attribute name must be string, not '%s'" %
                          space.type_name(args.args_w[1]))
    space.setattr_str(args.args_w[0], w_name.value, args.args_w[2])
    return space.w_None


def builtin_delattr(space, args):
    check_args(space, args, "delattr", 2, 2)
    space.delattr_str(args.args_w[0], space.str_w(args.args_w[1]))
    return space.w_None


def builtin_hasattr(space, args):
    check_args(space, args, "hasattr", 2, 2)
    w_name = space.unwrap_base(args.args_w[1])
    if not isinstance(w_name, W_StrObject):
        raise space.error(space.w_TypeError,
                          "attribute name must be string, not '%s'" %
                          space.type_name(args.args_w[1]))
    return space.newbool(space.hasattr_w(args.args_w[0], w_name.value))


def class_tuple_check(space, w_cls, fname):
    if isinstance(w_cls, W_TypeObject):
        return
    if isinstance(w_cls, W_TupleObject):
        for w_c in w_cls.items_w:
            class_tuple_check(space, w_c, fname)
        return
    raise space.error(space.w_TypeError,
                      "%s() arg 2 must be a type, a tuple of types, or a "
                      "union" % fname)


def isinstance_w(space, w_obj, w_cls):
    if isinstance(w_cls, W_TupleObject):
        for w_c in w_cls.items_w:
            if isinstance_w(space, w_obj, w_c):
                return True
        return False
    if isinstance(w_cls, W_TypeObject):
        if space.type(w_obj).issubtype(w_cls):
            return True
        w_check = space.type(w_cls).lookup("__instancecheck__")
        if w_check is not None and not isinstance(w_check, W_BuiltinFunction):
            return space.is_true(space.call_descr(w_check, w_cls,
                                                  args1(w_obj)))
        return False
    return False


def builtin_isinstance(space, args):
    check_args(space, args, "isinstance", 2, 2)
    class_tuple_check(space, args.args_w[1], "isinstance")
    return space.newbool(isinstance_w(space, args.args_w[0], args.args_w[1]))


def issubclass_w(space, w_sub, w_cls):
    if isinstance(w_cls, W_TupleObject):
        for w_c in w_cls.items_w:
            if issubclass_w(space, w_sub, w_c):
                return True
        return False
    assert isinstance(w_cls, W_TypeObject)
    assert isinstance(w_sub, W_TypeObject)
    return w_sub.issubtype(w_cls)


def builtin_issubclass(space, args):
    check_args(space, args, "issubclass", 2, 2)
    if not isinstance(args.args_w[0], W_TypeObject):
        raise space.error(space.w_TypeError,
                          "issubclass() arg 1 must be a class")
    class_tuple_check(space, args.args_w[1], "issubclass")
    return space.newbool(issubclass_w(space, args.args_w[0], args.args_w[1]))


def builtin_dir(space, args):
    check_args(space, args, "dir", 0, 1)
    if len(args.args_w) == 0:
        from_locals = space.call_function0(
            space.finditem_str(space.w_builtins_dict, "locals"))
        items_w = space.listview(from_locals)
    else:
        w_obj = args.args_w[0]
        if isinstance(w_obj, W_ModuleObject):
            items_w = space.listview(w_obj.w_dict)
        elif isinstance(w_obj, W_TypeObject):
            names = {}
            for w_t in w_obj.mro_w:
                for name in w_t.dict_w.keys():
                    names[name] = None
            items_w = []
            for name in names.keys():
                items_w.append(space.newtext(name))
        else:
            items_w = space.listview(space.call_method0(w_obj, "__dir__"))
    do_sort(space, items_w, None, False)
    return space.newlist(items_w)


# ---------------------------------------------------------------------------
# Iteration


def builtin_iter(space, args):
    check_args(space, args, "iter", 1, 2)
    if len(args.args_w) == 1:
        return space.iter(args.args_w[0])
    if not space.callable_w(args.args_w[0]):
        raise space.error(space.w_TypeError,
                          "iter(v, w): v must be callable")
    return W_CallableIterObject(args.args_w[0], args.args_w[1])


class W_CallableIterObject(W_Root):
    def __init__(self, w_callable, w_sentinel):
        self.w_callable = w_callable
        self.w_sentinel = w_sentinel

    def getclass(self, space):
        return space.w_callable_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        if self.w_callable is None:
            return None
        w_value = space.call_function0(self.w_callable)
        if space.eq_w(w_value, self.w_sentinel):
            self.w_callable = None
            return None
        return w_value


def builtin_next(space, args):
    check_args(space, args, "next", 1, 2)
    w_iter = args.args_w[0]
    if space.lookup_type_attr(w_iter, "__next__") is None:
        raise space.error(space.w_TypeError,
                          "'%s' object is not an iterator" %
                          space.type_name(w_iter))
    if isinstance(w_iter, W_InstanceObject):
        # a user iterator: its StopIteration (with its value) propagates
        if len(args.args_w) == 1:
            return space.call_method0(w_iter, "__next__")
        try:
            return space.call_method0(w_iter, "__next__")
        except OperationError as e:
            if space.exception_matches(e, space.w_StopIteration):
                return args.args_w[1]
            raise
    if space.type(w_iter) is space.w_generator and len(args.args_w) == 1:
        return space.call_method0(w_iter, "__next__")
    w_item = space.next_or_none(w_iter)
    if w_item is None:
        if len(args.args_w) > 1:
            return args.args_w[1]
        raise space.stop_iteration(None)
    return w_item


class W_EnumerateObject(W_Root):
    def __init__(self, w_iter, w_index):
        self.w_iter = w_iter
        self.w_index = w_index

    def getclass(self, space):
        return space.w_enumerate

    def op_iter(self, space):
        return self

    def op_next(self, space):
        w_item = space.next_or_none(self.w_iter)
        if w_item is None:
            return None
        w_index = self.w_index
        self.w_index = space.binop(0, w_index, space.newint(1))
        return space.newtuple([w_index, w_item])


ENUMERATE_ARGS = ["cls", "iterable", "start"]


def enumerate_new(space, args):
    a = parse_args(space, args, "enumerate", ENUMERATE_ARGS, 2)
    w_start = a[2]
    if w_start is None:
        w_start = space.newint(0)
    else:
        w_start = space.index_obj(w_start, "'%s' object cannot be "
                                  "interpreted as an integer" %
                                  space.type_name(w_start))
    return W_EnumerateObject(space.iter(a[1]), w_start)


class W_ZipObject(W_Root):
    def __init__(self, iters_w, strict):
        self.iters_w = iters_w
        self.strict = strict

    def getclass(self, space):
        return space.w_zip

    def op_iter(self, space):
        return self

    def op_next(self, space):
        iters_w = self.iters_w
        if iters_w is None or len(iters_w) == 0:
            return None
        items_w = []
        i = 0
        while i < len(iters_w):
            w_item = space.next_or_none(iters_w[i])
            if w_item is None:
                self.iters_w = None
                if self.strict:
                    self.check_strict(space, iters_w, i)
                return None
            items_w.append(w_item)
            i += 1
        return space.newtuple(items_w)

    def check_strict(self, space, iters_w, i):
        if i > 0:
            plural = ""
            if i > 1:
                plural = "s 1-%d" % i
            else:
                plural = " 1"
            raise space.error(space.w_ValueError,
                              "zip() argument %d is shorter than argument%s"
                              % (i + 1, plural))
        k = 1
        while k < len(iters_w):
            if space.next_or_none(iters_w[k]) is not None:
                plural = " 1"
                if k > 1:
                    plural = "s 1-%d" % k
                raise space.error(space.w_ValueError,
                                  "zip() argument %d is longer than argument%s"
                                  % (k + 1, plural))
            k += 1


def zip_new(space, args):
    strict = False
    w_strict = args.get_keyword("strict")
    if w_strict is not None:
        strict = space.is_true(w_strict)
    iters_w = []
    for w_obj in args.args_w[1:]:
        iters_w.append(space.iter(w_obj))
    return W_ZipObject(iters_w, strict)


class W_MapObject(W_Root):
    def __init__(self, w_func, iters_w):
        self.w_func = w_func
        self.iters_w = iters_w

    def getclass(self, space):
        return space.w_map

    def op_iter(self, space):
        return self

    def op_next(self, space):
        iters_w = self.iters_w
        if iters_w is None:
            return None
        items_w = []
        for w_it in iters_w:
            w_item = space.next_or_none(w_it)
            if w_item is None:
                self.iters_w = None
                return None
            items_w.append(w_item)
        return space.call_args(self.w_func, Arguments(items_w, None, None))


def map_new(space, args):
    if len(args.args_w) < 3:
        raise space.error(space.w_TypeError,
                          "map() must have at least two arguments.")
    iters_w = []
    for w_obj in args.args_w[2:]:
        iters_w.append(space.iter(w_obj))
    return W_MapObject(args.args_w[1], iters_w)


class W_FilterObject(W_Root):
    def __init__(self, w_func, w_iter):
        self.w_func = w_func
        self.w_iter = w_iter

    def getclass(self, space):
        return space.w_filter

    def op_iter(self, space):
        return self

    def op_next(self, space):
        while True:
            w_item = space.next_or_none(self.w_iter)
            if w_item is None:
                return None
            if space.is_none(self.w_func):
                if space.is_true(w_item):
                    return w_item
            elif space.is_true(space.call_function1(self.w_func, w_item)):
                return w_item


def filter_new(space, args):
    check_args(space, args, "filter", 3, 3)
    return W_FilterObject(args.args_w[1], space.iter(args.args_w[2]))


def reversed_new(space, args):
    check_args(space, args, "reversed", 2, 2)
    w_seq = args.args_w[1]
    w_base = space.unwrap_base(w_seq)
    if w_base is w_seq or not isinstance(w_seq, W_InstanceObject):
        if isinstance(w_base, W_ListObject):
            return W_ReverseSeqIterObject(w_base, len(w_base.items_w) - 1)
        if isinstance(w_base, W_RangeObject):
            last = w_base.start + (w_base.length - 1) * w_base.step
            return W_RangeIterObject(last, -w_base.step, w_base.length)
        if isinstance(w_base, pyrange.W_LongRangeObject):
            return pyrange.reversed_long_range(w_base)
    w_rev = space.lookup_type_attr(w_seq, "__reversed__")
    if w_rev is not None:
        if space.is_none(w_rev):
            raise space.error(space.w_TypeError,
                              "'%s' object is not reversible" %
                              space.type_name(w_seq))
        return space.call_descr(w_rev, w_seq, args0())
    if space.lookup_type_attr(w_seq, "__getitem__") is None or \
            space.lookup_type_attr(w_seq, "__len__") is None or \
            isinstance(w_base, W_DictObject):
        raise space.error(space.w_TypeError,
                          "'%s' object is not reversible" %
                          space.type_name(w_seq))
    return W_ReverseSeqIterObject(w_seq, space.len_w(w_seq) - 1)


def builtin_all(space, args):
    check_args(space, args, "all", 1, 1)
    w_iter = space.iter(args.args_w[0])
    while True:
        w_item = space.next_or_none(w_iter)
        if w_item is None:
            return space.w_True
        if not space.is_true(w_item):
            return space.w_False


def builtin_any(space, args):
    check_args(space, args, "any", 1, 1)
    w_iter = space.iter(args.args_w[0])
    while True:
        w_item = space.next_or_none(w_iter)
        if w_item is None:
            return space.w_False
        if space.is_true(w_item):
            return space.w_True


SUM_ARGS = ["iterable", "start"]


def builtin_sum(space, args):
    a = parse_args(space, args, "sum", SUM_ARGS, 1)
    w_total = a[1]
    if w_total is None:
        w_total = space.newint(0)
    elif isinstance(space.unwrap_base(w_total), W_StrObject):
        raise space.error(space.w_TypeError,
                          "sum() can't sum strings [use ''.join(seq) instead]")
    w_iter = space.iter(a[0])
    while True:
        w_item = space.next_or_none(w_iter)
        if w_item is None:
            return w_total
        w_total = space.binop(0, w_total, w_item)


def minmax(space, args, name, op):
    w_key = args.get_keyword("key")
    w_default = args.get_keyword("default")
    if args.keywords is not None:
        for kw in args.keywords:
            if kw != "key" and kw != "default":
                raise space.error(space.w_TypeError,
                                  "%s() got an unexpected keyword argument "
                                  "'%s'" % (name, kw))
    if w_key is not None and space.is_none(w_key):
        w_key = None
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "%s expected at least 1 argument, got 0" % name)
    if len(args.args_w) == 1:
        items_w = space.listview(args.args_w[0])
        if len(items_w) == 0:
            if w_default is not None:
                return w_default
            raise space.error(space.w_ValueError,
                              "%s() arg is an empty sequence" % name)
    else:
        if w_default is not None:
            raise space.error(space.w_TypeError,
                              "Cannot specify a default for %s() with "
                              "multiple positional arguments" % name)
        items_w = args.args_w
    w_best = items_w[0]
    w_best_key = w_best
    if w_key is not None:
        w_best_key = space.call_function1(w_key, w_best)
    i = 1
    while i < len(items_w):
        w_item = items_w[i]
        w_item_key = w_item
        if w_key is not None:
            w_item_key = space.call_function1(w_key, w_item)
        if space.is_true(space.compare(op, w_item_key, w_best_key)):
            w_best = w_item
            w_best_key = w_item_key
        i += 1
    return w_best


def builtin_min(space, args):
    return minmax(space, args, "min", CMP_LT)


def builtin_max(space, args):
    return minmax(space, args, "max", CMP_GT)


SORTED_ARGS = ["iterable", "key", "reverse"]


def builtin_sorted(space, args):
    if len(args.args_w) != 1:
        raise space.error(space.w_TypeError,
                          "sorted expected 1 argument, got %d" %
                          len(args.args_w))
    a = parse_args(space, args, "sorted", SORTED_ARGS, 1)
    items_w = space.listview(a[0])
    reverse = False
    if a[2] is not None:
        reverse = space.is_true(a[2])
    do_sort(space, items_w, a[1], reverse)
    return space.newlist(items_w)


# ---------------------------------------------------------------------------
# print and input


PRINT_ARGS = ["sep", "end", "file", "flush"]


def builtin_print(space, args):
    w_sep = args.get_keyword("sep")
    w_end = args.get_keyword("end")
    w_file = args.get_keyword("file")
    w_flush = args.get_keyword("flush")
    if args.keywords is not None:
        for kw in args.keywords:
            if kw != "sep" and kw != "end" and kw != "file" and \
                    kw != "flush":
                raise space.error(space.w_TypeError,
                                  "'%s' is an invalid keyword argument for "
                                  "print()" % kw)
    sep = " "
    if w_sep is not None and not space.is_none(w_sep):
        sep = text_arg(space, w_sep, "sep")
    end = "\n"
    if w_end is not None and not space.is_none(w_end):
        end = text_arg(space, w_end, "end")
    parts = []
    for w_arg in args.args_w:
        if isinstance(w_arg, W_StrObject):
            parts.append(w_arg.value)
        else:
            parts.append(space.str_str(w_arg))
    text = sep.join(parts) + end
    if w_file is None or space.is_none(w_file):
        w_file = space.sys_stdout()
    space.write_text(w_file, text)
    if w_flush is not None and space.is_true(w_flush):
        space.call_method0(w_file, "flush")
    return space.w_None


def text_arg(space, w_obj, name):
    w_s = space.unwrap_base(w_obj)
    if not isinstance(w_s, W_StrObject):
        raise space.error(space.w_TypeError,
                          "%s must be None or a string, not %s" %
                          (name, space.type_name(w_obj)))
    return w_s.value


# ---------------------------------------------------------------------------
# The builtins module


def setup_builtins():
    space.w_builtins_dict = space.newdict()
    space.w_builtins_module = W_ModuleObject("builtins",
                                             space.w_builtins_dict)
    d = space.w_builtins_dict
    space.setitem_str(d, "__name__", space.newtext("builtins"))
    space.setitem_str(d, "__doc__", space.w_None)
    for name, func in BUILTIN_FUNCTIONS:
        add_builtin(name, func)
    for w_t in [space.w_object, space.w_type, space.w_int, space.w_bool,
                space.w_float, space.w_str, space.w_bytes, space.w_list,
                space.w_tuple, space.w_dict, space.w_set, space.w_frozenset,
                space.w_range, space.w_slice, space.w_property,
                space.w_staticmethod, space.w_classmethod]:
        space.setitem_str(d, w_t.name, w_t)
    for w_t in space.exception_types:
        space.setitem_str(d, w_t.name, w_t)
    space.setitem_str(d, "EnvironmentError", space.w_OSError)
    space.setitem_str(d, "IOError", space.w_OSError)
    space.setitem_str(d, "None", space.w_None)
    space.setitem_str(d, "True", space.w_True)
    space.setitem_str(d, "False", space.w_False)
    space.setitem_str(d, "Ellipsis", space.w_Ellipsis)
    space.setitem_str(d, "NotImplemented", space.w_NotImplemented)
    setup_iterator_types()


def setup_iterator_types():
    space.w_enumerate = iterator_type("enumerate", enumerate_new)
    space.w_zip = iterator_type("zip", zip_new)
    space.w_map = iterator_type("map", map_new)
    space.w_filter = iterator_type("filter", filter_new)
    w_reversed = iterator_type("reversed", reversed_new)
    space.w_callable_iterator = iterator_type("callable_iterator", None)
    for w_t in [space.w_enumerate, space.w_zip, space.w_map, space.w_filter,
                w_reversed]:
        space.setitem_str(space.w_builtins_dict, w_t.name, w_t)


def iterator_type(name, new_func):
    w_t = pytypes.make_type(space, name, [space.w_object],
                            pytypes.LAYOUT_FINAL)
    if new_func is not None:
        pytypes.add_static(w_t, "__new__", new_func)
    pytypes.add_iterator_dunders(w_t)
    return w_t


BUILTIN_FUNCTIONS = [
    ("len", builtin_len), ("abs", builtin_abs), ("repr", builtin_repr),
    ("ascii", builtin_ascii), ("hash", builtin_hash), ("id", builtin_id),
    ("callable", builtin_callable), ("chr", builtin_chr),
    ("ord", builtin_ord), ("hex", builtin_hex), ("oct", builtin_oct),
    ("bin", builtin_bin), ("divmod", builtin_divmod), ("pow", builtin_pow),
    ("round", builtin_round), ("format", builtin_format),
    ("getattr", builtin_getattr), ("setattr", builtin_setattr),
    ("delattr", builtin_delattr), ("hasattr", builtin_hasattr),
    ("isinstance", builtin_isinstance), ("issubclass", builtin_issubclass),
    ("dir", builtin_dir), ("iter", builtin_iter), ("next", builtin_next),
    ("all", builtin_all), ("any", builtin_any), ("sum", builtin_sum),
    ("min", builtin_min), ("max", builtin_max), ("sorted", builtin_sorted),
    ("print", builtin_print),
]

setup_builtins()
