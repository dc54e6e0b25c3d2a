"""pyinterpbuiltins: the built-ins that need frames and the interpreter.

Where this sits: imported by pyvm.py after pyinterp; `setup_interp_types`
(run at import, translation time) makes the `generator` and `code` types
and adds to the builtins module: `__build_class__` (runs a class body in
a fresh namespace, then calls the metaclass and fills the `__class__`
cell), zero-argument `super()` (the `__class__` cell and the first
argument of the calling frame, `interp.topframe`), `globals`, `locals`,
`vars`, `exec`, `eval` (compiled as the module `__eval_result__ = (...)`)
and `input`.
"""

from pyobjects import (W_Root, OperationError, operation_error, Arguments,
                       W_TypeObject, W_BaseExceptionObject, W_FunctionObject,
                       W_BuiltinFunction, W_CellObject, W_SuperObject,
                       check_args, args0)
from pyspace import space
from pydict import W_DictObject, dict_update_from
import pytypes
import pybuiltins
import pymodules
import pycompiler
import pytokenizer
from pyinterp import (interp, Frame, W_GeneratorObject, W_CodeObject,
                      ensure_code_info)


# ---------------------------------------------------------------------------
# Built-ins that need the interpreter


def builtin_build_class(space, args):
    """__build_class__(func, name, *bases, metaclass=None, **kwds)."""
    if len(args.args_w) < 2:
        raise space.error(space.w_TypeError,
                          "__build_class__: not enough arguments")
    w_func = args.args_w[0]
    if not isinstance(w_func, W_FunctionObject):
        raise space.error(space.w_TypeError,
                          "__build_class__: func must be a function")
    name = space.str_w(args.args_w[1])
    bases_w = list(args.args_w[2:])
    w_meta = None
    kw_names = []
    kw_values_w = []
    if args.keywords is not None:
        i = 0
        while i < len(args.keywords):
            if args.keywords[i] == "metaclass":
                w_meta = args.keywords_w[i]
            else:
                kw_names.append(args.keywords[i])
                kw_values_w.append(args.keywords_w[i])
            i += 1
    if w_meta is None:
        w_meta = space.w_type
        for w_base in bases_w:
            w_bt = space.type(w_base)
            if isinstance(w_bt, W_TypeObject) and w_bt.issubtype(w_meta):
                w_meta = w_bt
    w_namespace = space.newdict()
    w_cell = interp.run_class_body(w_func, w_namespace)
    if w_meta is space.w_type:
        kw = None
        kw_w = None
        if len(kw_names) > 0:
            kw = kw_names
            kw_w = kw_values_w
        w_class = pytypes.new_user_type(space, space.w_type, name, bases_w,
                                        w_namespace, kw, kw_w)
    else:
        call_args_w = [args.args_w[1], space.newtuple(bases_w), w_namespace]
        keywords = None
        if len(kw_names) > 0:
            keywords = kw_names
        else:
            kw_values_w = None
        w_class = space.call_args(w_meta, Arguments(call_args_w, keywords,
                                                    kw_values_w))
    if isinstance(w_cell, W_CellObject):
        w_cell.w_value = w_class
    return w_class


def builtin_super(space, args):
    """super() (from a method: the __class__ cell and the first argument)
    or super(type, obj)."""
    check_args(space, args, "super", 0, 2)
    if len(args.args_w) == 0:
        frame = interp.topframe
        if frame is None or frame.code.co_argcount == 0:
            raise space.error(space.w_RuntimeError, "super(): no arguments")
        code = frame.code
        w_start = None
        i = 0
        while i < len(code.co_freevars):
            if code.co_freevars[i] == "__class__":
                cell = frame.cells[len(code.co_cellvars) + i]
                w_start = cell.w_value
            i += 1
        if w_start is None:
            raise space.error(space.w_RuntimeError,
                              "super(): __class__ cell not found")
        if code.co_argcount == 0 or frame.locals_w[0] is None:
            w_first = None
            if len(code.co_cellvars) > 0 and len(code.co_varnames) > 0 and \
                    code.co_cellvars[0] == code.co_varnames[0]:
                w_first = frame.cells[0].w_value
            if w_first is None:
                raise space.error(space.w_RuntimeError,
                                  "super(): no arguments")
            w_obj = w_first
        else:
            w_obj = frame.locals_w[0]
    else:
        w_start = args.args_w[0]
        if len(args.args_w) == 1:
            raise space.error(space.w_TypeError,
                              "super() with one argument is not supported")
        w_obj = args.args_w[1]
    if not isinstance(w_start, W_TypeObject):
        raise space.error(space.w_TypeError,
                          "super() argument 1 must be a type, not %s" %
                          space.type_name(w_start))
    if isinstance(w_obj, W_TypeObject) and w_obj.issubtype(w_start):
        return W_SuperObject(w_start, w_obj, w_obj)
    w_obj_type = space.type(w_obj)
    if not w_obj_type.issubtype(w_start):
        raise space.error(space.w_TypeError,
                          "super(type, obj): obj must be an instance or "
                          "subtype of type")
    return W_SuperObject(w_start, w_obj, w_obj_type)


def builtin_globals(space, args):
    check_args(space, args, "globals", 0, 0)
    frame = interp.topframe
    if frame is None:
        return space.newdict()
    return frame.w_globals


def builtin_locals(space, args):
    check_args(space, args, "locals", 0, 0)
    frame = interp.topframe
    if frame is None:
        return space.newdict()
    if frame.w_locals is not None:
        return frame.w_locals
    w_dict = space.newdict()
    code = frame.code
    i = 0
    while i < len(code.co_varnames):
        w_value = frame.locals_w[i]
        if w_value is not None:
            space.setitem_str(w_dict, code.co_varnames[i], w_value)
        i += 1
    return w_dict


def builtin_vars(space, args):
    check_args(space, args, "vars", 0, 1)
    if len(args.args_w) == 0:
        return builtin_locals(space, args)
    return space.getattr_str(args.args_w[0], "__dict__")


def gen_self(space, args, name):
    if len(args.args_w) == 0 or \
            not isinstance(args.args_w[0], W_GeneratorObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' requires a 'generator' object" %
                          name)
    w_gen = args.args_w[0]
    assert isinstance(w_gen, W_GeneratorObject)
    return w_gen


def gen_next(space, args):
    return interp.gen_send(gen_self(space, args, "__next__"), space.w_None)


def gen_iter(space, args):
    return gen_self(space, args, "__iter__")


def gen_send_method(space, args):
    check_args(space, args, "send", 2, 2)
    return interp.gen_send(gen_self(space, args, "send"), args.args_w[1])


def gen_throw_method(space, args):
    check_args(space, args, "throw", 2, 4)
    w_gen = gen_self(space, args, "throw")
    w_exc = args.args_w[1]
    if isinstance(w_exc, W_TypeObject):
        if len(args.args_w) > 2 and not space.is_none(args.args_w[2]):
            w_exc = space.call_function1(w_exc, args.args_w[2])
        else:
            w_exc = space.call_function0(w_exc)
    if not isinstance(w_exc, W_BaseExceptionObject):
        raise space.error(space.w_TypeError,
                          "exceptions must be classes or instances deriving "
                          "from BaseException, not %s" %
                          space.type_name(w_exc))
    return interp.gen_throw(w_gen, w_exc)


def gen_close_method(space, args):
    check_args(space, args, "close", 1, 1)
    interp.gen_close(gen_self(space, args, "close"))
    return space.w_None


def gen_get_name(space, w_obj):
    assert isinstance(w_obj, W_GeneratorObject)
    return space.newtext(w_obj.name)


def gen_get_qualname(space, w_obj):
    assert isinstance(w_obj, W_GeneratorObject)
    return space.newtext(w_obj.qualname)


def gen_get_running(space, w_obj):
    assert isinstance(w_obj, W_GeneratorObject)
    return space.newbool(w_obj.running)


def eval_namespaces(space, args, fname):
    """(globals, locals) for exec/eval: the given dicts, else the
    caller's."""
    w_globals = None
    w_locals = None
    if len(args.args_w) > 1 and not space.is_none(args.args_w[1]):
        w_globals = args.args_w[1]
        if not isinstance(space.unwrap_base(w_globals), W_DictObject):
            raise space.error(space.w_TypeError,
                              "%s() globals must be a dict, not %s" %
                              (fname, space.type_name(w_globals)))
    if len(args.args_w) > 2 and not space.is_none(args.args_w[2]):
        w_locals = args.args_w[2]
    if w_globals is None:
        w_globals = builtin_globals(space, args0())
        if w_locals is None:
            w_locals = builtin_locals(space, args0())
    elif w_locals is None:
        w_locals = w_globals
    if space.finditem_str(w_globals, "__builtins__") is None:
        space.setitem_str(w_globals, "__builtins__", space.w_builtins_module)
    return w_globals, w_locals


def compile_for_exec(space, source, filename):
    try:
        return pycompiler.compile_source(source, filename)
    except pytokenizer.PySyntaxError as e:
        raise operation_error(pymodules.syntax_error_object(e))


def builtin_exec(space, args):
    check_args(space, args, "exec", 1, 3)
    w_source = space.unwrap_base(args.args_w[0])
    if isinstance(w_source, W_CodeObject):
        code = w_source.code
    else:
        code = compile_for_exec(space, space.str_w(args.args_w[0]),
                                "<string>")
    w_globals, w_locals = eval_namespaces(space, args, "exec")
    ensure_code_info(code)
    frame = Frame(code, w_globals, w_locals)
    interp.execute_frame(frame)
    return space.w_None


def builtin_eval(space, args):
    """eval(expression): compiled as the module `__eval_result__ = (...)`
    run in the namespaces, then that name is read back."""
    check_args(space, args, "eval", 1, 3)
    text = space.str_w(args.args_w[0]).strip()
    code = compile_for_exec(space, "__eval_result__ = (\n" + text + "\n)\n",
                            "<string>")
    w_globals, w_locals = eval_namespaces(space, args, "eval")
    w_scratch = space.newdict()
    if w_locals is not None and w_locals is not w_globals:
        dict_update_from(space, w_scratch, w_locals)
    elif w_locals is w_globals:
        w_scratch = None
    ensure_code_info(code)
    if w_scratch is None:
        frame = Frame(code, w_globals, w_globals)
        interp.execute_frame(frame)
        w_name = space.newtext("__eval_result__")
        w_result = space.getitem(w_globals, w_name)
        space.delitem(w_globals, w_name)
        return w_result
    frame = Frame(code, w_globals, w_scratch)
    interp.execute_frame(frame)
    return space.getitem(w_scratch, space.newtext("__eval_result__"))


def builtin_input(space, args):
    check_args(space, args, "input", 0, 1)
    if len(args.args_w) == 1:
        space.write_text(space.sys_stdout(), space.str_str(args.args_w[0]))
    space.w_stdout.flush()
    w_stdin = space.w_stdin
    pymodules.ensure_stdin(w_stdin)
    line = w_stdin.readline(-1)
    if len(line) == 0:
        raise space.error(space.w_EOFError, "EOF when reading a line")
    if line.endswith("\n"):
        line = line[:len(line) - 1]
    return space.newtext(line)


def setup_interp_types():
    w_gen = pytypes.make_type(space, "generator", [space.w_object],
                              pytypes.LAYOUT_FINAL)
    space.w_generator = w_gen
    pytypes.add_method(w_gen, "__next__", gen_next)
    pytypes.add_method(w_gen, "__iter__", gen_iter)
    pytypes.add_method(w_gen, "send", gen_send_method)
    pytypes.add_method(w_gen, "throw", gen_throw_method)
    pytypes.add_method(w_gen, "close", gen_close_method)
    pytypes.add_method(w_gen, "__repr__", pytypes.d_repr)
    pytypes.add_getset(w_gen, "__name__", gen_get_name, None)
    pytypes.add_getset(w_gen, "__qualname__", gen_get_qualname, None)
    pytypes.add_getset(w_gen, "gi_running", gen_get_running, None)
    space.w_code = pytypes.make_type(space, "code", [space.w_object],
                                     pytypes.LAYOUT_FINAL)
    pytypes.add_method(space.w_code, "__repr__", pytypes.d_repr)
    space.w_build_class = W_BuiltinFunction("__build_class__",
                                            builtin_build_class, False,
                                            "__build_class__")
    pybuiltins.add_builtin("__build_class__", builtin_build_class)
    space.setitem_str(space.w_builtins_dict, "super", space.w_super)
    pytypes.add_static(space.w_super, "__new__", super_new)
    pybuiltins.add_builtin("globals", builtin_globals)
    pybuiltins.add_builtin("locals", builtin_locals)
    pybuiltins.add_builtin("vars", builtin_vars)
    pybuiltins.add_builtin("exec", builtin_exec)
    pybuiltins.add_builtin("eval", builtin_eval)
    pybuiltins.add_builtin("input", builtin_input)


def super_new(space, args):
    return builtin_super(space, Arguments(args.args_w[1:], args.keywords,
                                          args.keywords_w))


setup_interp_types()
