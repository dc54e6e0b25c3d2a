"""pyexceptions: the built-in exception hierarchy.

Where this sits: pytypes.setup_types calls setup_exceptions, which makes
one type per row of EXCEPTION_TREE (parents first) and binds the common
ones as `space.w_ValueError`, ...  Exception instances are
W_BaseExceptionObject (pyobjects.py).  The methods follow CPython 3.11:
`args`, `__str__` (KeyError's is the key's repr; OSError's is
`[Errno N] text: 'filename'`; SyntaxError's adds `(file, line N)`),
`__cause__`/`__context__`/`__suppress_context__`, `__traceback__`,
`with_traceback`, StopIteration.value and SystemExit.code.
"""


from pyobjects import (W_BaseExceptionObject, W_TracebackObject, Arguments,
                       check_method_args, LAYOUT_EXCEPTION)
from pylist import W_TupleObject


from pytypedef import (make_type, add_method, add_static, add_getset,
                       new_type_arg, get_dict, set_dict)


# ---------------------------------------------------------------------------
# Exceptions

# (name, base name): parents first.
EXCEPTION_TREE = [
    ("BaseException", ""),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StopAsyncIteration", "Exception"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
]


def exc_self(space, w_obj):
    if not isinstance(w_obj, W_BaseExceptionObject):
        raise space.error(space.w_TypeError,
                          "descriptor requires a 'BaseException' object but "
                          "received a '%s'" % space.type_name(w_obj))
    return w_obj


def exc_new(space, args):
    w_type = new_type_arg(space, args, "BaseException")
    if w_type.layout != LAYOUT_EXCEPTION:
        raise space.error(space.w_TypeError,
                          "BaseException.__new__(%s) is not a subtype of "
                          "BaseException" % w_type.name)
    return W_BaseExceptionObject(w_type, list(args.args_w[1:]))


def exc_init(space, args):
    w_self = exc_self(space, args.args_w[0])
    if args.has_keywords():
        raise space.error(space.w_TypeError,
                          "%s() takes no keyword arguments" %
                          space.type_name(w_self))
    w_self.args_w = list(args.args_w[1:])
    return space.w_None


def exc_repr(space, args):
    w_self = exc_self(space, args.args_w[0])
    name = space.type(w_self).name
    if len(w_self.args_w) == 1:
        return space.newtext(name + "(" + space.repr_str(w_self.args_w[0]) +
                             ")")
    return space.newtext(name + space.repr_str(space.newtuple(
        list(w_self.args_w))))


def exc_str_text(space, w_self):
    if len(w_self.args_w) == 0:
        return ""
    if len(w_self.args_w) == 1:
        return space.str_str(w_self.args_w[0])
    return space.repr_str(space.newtuple(list(w_self.args_w)))


def exc_str(space, args):
    return space.newtext(exc_str_text(space, exc_self(space, args.args_w[0])))


def keyerror_str(space, args):
    w_self = exc_self(space, args.args_w[0])
    if len(w_self.args_w) == 1:
        return space.newtext(space.repr_str(w_self.args_w[0]))
    return space.newtext(exc_str_text(space, w_self))


def oserror_str(space, args):
    w_self = exc_self(space, args.args_w[0])
    a = w_self.args_w
    if len(a) == 2:
        text = "[Errno %s] %s" % (space.str_str(a[0]), space.str_str(a[1]))
        w_filename = w_self.getdictvalue(space, "filename")
        if w_filename is not None and not space.is_none(w_filename):
            text = text + ": " + space.repr_str(w_filename)
        return space.newtext(text)
    return space.newtext(exc_str_text(space, w_self))


def oserror_init(space, args):
    """OSError(errno, strerror[, filename]): the filename is not part of
    args (as in CPython)."""
    w_self = exc_self(space, args.args_w[0])
    a = list(args.args_w[1:])
    if len(a) >= 3 and len(a) <= 5:
        w_self.setdictvalue(space, "filename", a[2])
        a = a[:2]
    w_self.args_w = a
    return space.w_None


def oserror_new(space, args):
    w_exc = exc_new(space, args)
    assert isinstance(w_exc, W_BaseExceptionObject)
    all_w = [w_exc]
    all_w.extend(args.args_w[1:])
    oserror_init(space, Arguments(all_w, None, None))
    return w_exc


def oserror_filename(space, w_obj):
    w_self = exc_self(space, w_obj)
    w_filename = w_self.getdictvalue(space, "filename")
    if w_filename is None:
        return space.w_None
    return w_filename


def oserror_set_filename(space, w_obj, w_value):
    exc_self(space, w_obj).setdictvalue(space, "filename", w_value)


def syntaxerror_str(space, args):
    w_self = exc_self(space, args.args_w[0])
    a = w_self.args_w
    w_details = None
    if len(a) == 2:
        w_details = a[1]
    if isinstance(w_details, W_TupleObject):
        details = w_details.items_w
        msg = space.str_str(a[0])
        if len(details) >= 2:
            filename = space.str_str(details[0])
            k = filename.rfind("/")
            if k >= 0:
                filename = filename[k + 1:]
            return space.newtext("%s (%s, line %s)" % (
                msg, filename, space.str_str(details[1])))
        return space.newtext(msg)
    return space.newtext(exc_str_text(space, w_self))


def exc_get_args(space, w_obj):
    return space.newtuple(list(exc_self(space, w_obj).args_w))


def exc_set_args(space, w_obj, w_value):
    exc_self(space, w_obj).args_w = space.listview(w_value)


def exc_get_traceback(space, w_obj):
    w_tb = exc_self(space, w_obj).w_traceback
    if w_tb is None:
        return space.w_None
    return w_tb


def exc_set_traceback(space, w_obj, w_value):
    w_self = exc_self(space, w_obj)
    if space.is_none(w_value):
        w_self.w_traceback = None
    elif isinstance(w_value, W_TracebackObject):
        w_self.w_traceback = w_value
    else:
        raise space.error(space.w_TypeError,
                          "__traceback__ must be a traceback or None")


def exc_get_cause(space, w_obj):
    w_cause = exc_self(space, w_obj).w_cause
    if w_cause is None:
        return space.w_None
    return w_cause


def exc_set_cause(space, w_obj, w_value):
    w_self = exc_self(space, w_obj)
    if space.is_none(w_value):
        w_self.w_cause = None
    else:
        w_self.w_cause = w_value
    w_self.suppress_context = True


def exc_get_context(space, w_obj):
    w_context = exc_self(space, w_obj).w_context
    if w_context is None:
        return space.w_None
    return w_context


def exc_set_context(space, w_obj, w_value):
    w_self = exc_self(space, w_obj)
    if space.is_none(w_value):
        w_self.w_context = None
    else:
        w_self.w_context = w_value


def exc_get_suppress(space, w_obj):
    return space.newbool(exc_self(space, w_obj).suppress_context)


def exc_set_suppress(space, w_obj, w_value):
    exc_self(space, w_obj).suppress_context = space.is_true(w_value)


def exc_with_traceback(space, args):
    check_method_args(space, args, "with_traceback", 1, 1)
    exc_set_traceback(space, args.args_w[0], args.args_w[1])
    return args.args_w[0]


def exc_arg0(space, w_obj):
    a = exc_self(space, w_obj).args_w
    if len(a) == 0:
        return space.w_None
    return a[0]


def exc_arg0_value(space, w_obj):
    """SystemExit.code: None, the argument, or the tuple of them."""
    a = exc_self(space, w_obj).args_w
    if len(a) == 0:
        return space.w_None
    if len(a) == 1:
        return a[0]
    return space.newtuple(list(a))


def exc_arg_at(index):
    def getter(space, w_obj):
        a = exc_self(space, w_obj).args_w
        if len(a) < 2 or index >= len(a):
            return space.w_None
        return a[index]
    return getter


def syntax_detail(index):
    def getter(space, w_obj):
        a = exc_self(space, w_obj).args_w
        w_details = None
        if len(a) == 2:
            w_details = a[1]
        if isinstance(w_details, W_TupleObject):
            details = w_details.items_w
            if index < len(details):
                return details[index]
        return space.w_None
    return getter


def syntax_msg(space, w_obj):
    a = exc_self(space, w_obj).args_w
    if len(a) == 0:
        return space.w_None
    return a[0]


def setup_exceptions(space):
    by_name = {}
    space.exception_types = []
    for name, base in EXCEPTION_TREE:
        if base == "":
            bases_w = [space.w_object]
        else:
            bases_w = [by_name[base]]
        w_exc = make_type(space, name, bases_w, LAYOUT_EXCEPTION)
        by_name[name] = w_exc
        space.exception_types.append(w_exc)
    w_base = by_name["BaseException"]
    add_static(w_base, "__new__", exc_new)
    add_method(w_base, "__init__", exc_init)
    add_method(w_base, "__repr__", exc_repr)
    add_method(w_base, "__str__", exc_str)
    add_method(w_base, "with_traceback", exc_with_traceback)
    add_getset(w_base, "args", exc_get_args, exc_set_args)
    add_getset(w_base, "__traceback__", exc_get_traceback, exc_set_traceback)
    add_getset(w_base, "__cause__", exc_get_cause, exc_set_cause)
    add_getset(w_base, "__context__", exc_get_context, exc_set_context)
    add_getset(w_base, "__suppress_context__", exc_get_suppress,
               exc_set_suppress)
    add_getset(w_base, "__dict__", get_dict, set_dict)
    add_method(by_name["KeyError"], "__str__", keyerror_str)
    add_getset(by_name["StopIteration"], "value", exc_arg0, None)
    add_getset(by_name["SystemExit"], "code", exc_arg0_value, None)
    w_os = by_name["OSError"]
    add_method(w_os, "__str__", oserror_str)
    add_method(w_os, "__init__", oserror_init)
    add_static(w_os, "__new__", oserror_new)
    add_getset(w_os, "errno", exc_arg_at(0), None)
    add_getset(w_os, "strerror", exc_arg_at(1), None)
    add_getset(w_os, "filename", oserror_filename, oserror_set_filename)
    w_syntax = by_name["SyntaxError"]
    add_method(w_syntax, "__str__", syntaxerror_str)
    add_getset(w_syntax, "msg", syntax_msg, None)
    add_getset(w_syntax, "filename", syntax_detail(0), None)
    add_getset(w_syntax, "lineno", syntax_detail(1), None)
    add_getset(w_syntax, "offset", syntax_detail(2), None)
    add_getset(w_syntax, "text", syntax_detail(3), None)
    space.exceptions_by_name = by_name
    space.w_BaseException = by_name["BaseException"]
    space.w_Exception = by_name["Exception"]
    space.w_SystemExit = by_name["SystemExit"]
    space.w_KeyboardInterrupt = by_name["KeyboardInterrupt"]
    space.w_GeneratorExit = by_name["GeneratorExit"]
    space.w_StopIteration = by_name["StopIteration"]
    space.w_ArithmeticError = by_name["ArithmeticError"]
    space.w_OverflowError = by_name["OverflowError"]
    space.w_ZeroDivisionError = by_name["ZeroDivisionError"]
    space.w_AssertionError = by_name["AssertionError"]
    space.w_AttributeError = by_name["AttributeError"]
    space.w_EOFError = by_name["EOFError"]
    space.w_ImportError = by_name["ImportError"]
    space.w_ModuleNotFoundError = by_name["ModuleNotFoundError"]
    space.w_LookupError = by_name["LookupError"]
    space.w_IndexError = by_name["IndexError"]
    space.w_KeyError = by_name["KeyError"]
    space.w_MemoryError = by_name["MemoryError"]
    space.w_NameError = by_name["NameError"]
    space.w_UnboundLocalError = by_name["UnboundLocalError"]
    space.w_OSError = by_name["OSError"]
    space.w_FileNotFoundError = by_name["FileNotFoundError"]
    space.w_IsADirectoryError = by_name["IsADirectoryError"]
    space.w_PermissionError = by_name["PermissionError"]
    space.w_RuntimeError = by_name["RuntimeError"]
    space.w_NotImplementedError = by_name["NotImplementedError"]
    space.w_RecursionError = by_name["RecursionError"]
    space.w_SyntaxError = by_name["SyntaxError"]
    space.w_IndentationError = by_name["IndentationError"]
    space.w_SystemError = by_name["SystemError"]
    space.w_TypeError = by_name["TypeError"]
    space.w_ValueError = by_name["ValueError"]
    space.w_UnicodeDecodeError = by_name["UnicodeDecodeError"]
    space.w_UnicodeEncodeError = by_name["UnicodeEncodeError"]


