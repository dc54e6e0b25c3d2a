"""pycallables: functions, methods and descriptors as Python types.

Where this sits: pytypes.setup_types calls setup_callables, which gives
the types of functions, bound methods, built-in functions, property,
staticmethod, classmethod, cell, module, traceback and None their
attributes (`__name__`, `__defaults__`, `__func__`, `fget`, ...) and
constructors.  Also W_SeqIterObject, the iterator `iter()` makes for an
object with `__getitem__` but no `__iter__`.
"""

from rlib.objectmodel import compute_identity_hash

from pyobjects import (W_Root, W_TracebackObject, W_BuiltinFunction,
                       W_FunctionObject, W_MethodObject, W_Property,
                       W_StaticMethod, W_ClassMethod, W_ModuleObject,
                       W_CellObject, OperationError, Arguments, check_args,
                       check_method_args, parse_args)


from pytypedef import (add_method, add_static, add_getset, d_repr, d_bool,
                       add_iterator_dunders, new_type_arg, get_dict)


# ---------------------------------------------------------------------------
# Functions, methods, descriptors and the small types


def func_self(space, w_obj):
    if not isinstance(w_obj, W_FunctionObject):
        raise space.error(space.w_TypeError, "descriptor requires a function")
    return w_obj


def func_get_name(space, w_obj):
    if isinstance(w_obj, W_BuiltinFunction):
        return space.newtext(w_obj.name)
    return space.newtext(func_self(space, w_obj).name)


def func_set_name(space, w_obj, w_value):
    func_self(space, w_obj).name = space.str_w(w_value)


def func_get_qualname(space, w_obj):
    if isinstance(w_obj, W_BuiltinFunction):
        return space.newtext(w_obj.qualname)
    return space.newtext(func_self(space, w_obj).qualname)


def func_set_qualname(space, w_obj, w_value):
    func_self(space, w_obj).qualname = space.str_w(w_value)


def func_get_doc(space, w_obj):
    if isinstance(w_obj, W_BuiltinFunction):
        return space.w_None
    w_doc = func_self(space, w_obj).w_doc
    if w_doc is None:
        return space.w_None
    return w_doc


def func_set_doc(space, w_obj, w_value):
    func_self(space, w_obj).w_doc = w_value


def func_get_module(space, w_obj):
    if isinstance(w_obj, W_BuiltinFunction):
        return space.newtext("builtins")
    w_func = func_self(space, w_obj)
    if w_func.w_module is not None:
        return w_func.w_module
    w_name = space.finditem_str(w_func.w_globals, "__name__")
    if w_name is None:
        return space.w_None
    return w_name


def func_set_module(space, w_obj, w_value):
    func_self(space, w_obj).w_module = w_value


def func_get_defaults(space, w_obj):
    w_func = func_self(space, w_obj)
    if len(w_func.defaults_w) == 0:
        return space.w_None
    return space.newtuple(list(w_func.defaults_w))


def func_set_defaults(space, w_obj, w_value):
    w_func = func_self(space, w_obj)
    if space.is_none(w_value):
        w_func.defaults_w = []
    else:
        w_func.defaults_w = space.listview(w_value)


def func_get_kwdefaults(space, w_obj):
    w_func = func_self(space, w_obj)
    if w_func.w_kwdefaults is None:
        return space.w_None
    return w_func.w_kwdefaults


def func_get_globals(space, w_obj):
    return func_self(space, w_obj).w_globals


def func_get_closure(space, w_obj):
    w_func = func_self(space, w_obj)
    if len(w_func.closure) == 0:
        return space.w_None
    items_w = []
    for w_cell in w_func.closure:
        items_w.append(w_cell)
    return space.newtuple(items_w)


def func_get(space, args):
    """function.__get__(obj, type): a bound method (or the function)."""
    w_func = args.args_w[0]
    w_obj = space.w_None
    if len(args.args_w) > 1:
        w_obj = args.args_w[1]
    if space.is_none(w_obj):
        return w_func
    return W_MethodObject(w_func, w_obj)


def method_self(space, w_obj):
    if not isinstance(w_obj, W_MethodObject):
        raise space.error(space.w_TypeError, "descriptor requires a method")
    return w_obj


def method_get_func(space, w_obj):
    return method_self(space, w_obj).w_function


def method_get_self(space, w_obj):
    return method_self(space, w_obj).w_self


def method_get_name(space, w_obj):
    return space.getattr_str(method_self(space, w_obj).w_function, "__name__")


def method_get_qualname(space, w_obj):
    return space.getattr_str(method_self(space, w_obj).w_function,
                             "__qualname__")


def method_get_doc(space, w_obj):
    return space.getattr_str(method_self(space, w_obj).w_function, "__doc__")


def method_eq(space, args):
    w_a = args.args_w[0]
    w_b = args.args_w[1]
    if not isinstance(w_a, W_MethodObject) or \
            not isinstance(w_b, W_MethodObject):
        return space.w_NotImplemented
    return space.newbool(w_a.w_function is w_b.w_function and
                         w_a.w_self is w_b.w_self)


def method_hash(space, args):
    w_m = method_self(space, args.args_w[0])
    return space.newint((compute_identity_hash(w_m.w_function) >> 4) ^
                        (compute_identity_hash(w_m.w_self) >> 4))


def callable_call(space, args):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '__call__' needs an argument")
    return space.call_args(args.args_w[0],
                           Arguments(args.args_w[1:], args.keywords,
                                     args.keywords_w))


PROPERTY_ARGS = ["cls", "fget", "fset", "fdel", "doc"]


def property_new(space, args):
    w_type = new_type_arg(space, args, "property")
    w_prop = W_Property(None, None, None, None)
    if w_type is not space.w_property:
        raise space.error(space.w_TypeError,
                          "subclassing property is not supported")
    return w_prop


def property_init(space, args):
    w_prop = args.args_w[0]
    if not isinstance(w_prop, W_Property):
        raise space.error(space.w_TypeError, "property.__init__ needs a "
                          "property")
    a = parse_args(space, Arguments(args.args_w, args.keywords,
                                    args.keywords_w),
                   "property", PROPERTY_ARGS, 1)
    w_prop.w_fget = none_to_null(space, a[1])
    w_prop.w_fset = none_to_null(space, a[2])
    w_prop.w_fdel = none_to_null(space, a[3])
    w_prop.w_doc = a[4]
    if w_prop.w_doc is None and w_prop.w_fget is not None:
        w_prop.w_doc = space.getattr_or_none(w_prop.w_fget, "__doc__")
    return space.w_None


def none_to_null(space, w_obj):
    if w_obj is None or space.is_none(w_obj):
        return None
    return w_obj


def property_copy(space, args, which):
    w_prop = args.args_w[0]
    assert isinstance(w_prop, W_Property)
    check_method_args(space, args, "property", 1, 1)
    w_new = W_Property(w_prop.w_fget, w_prop.w_fset, w_prop.w_fdel,
                       w_prop.w_doc)
    w_f = none_to_null(space, args.args_w[1])
    if which == 0:
        w_new.w_fget = w_f
    elif which == 1:
        w_new.w_fset = w_f
    else:
        w_new.w_fdel = w_f
    return w_new


def property_getter(space, args):
    return property_copy(space, args, 0)


def property_setter(space, args):
    return property_copy(space, args, 1)


def property_deleter(space, args):
    return property_copy(space, args, 2)


def property_get(space, args):
    w_prop = args.args_w[0]
    w_obj = args.args_w[1]
    if space.is_none(w_obj):
        return w_prop
    return space.descr_get(w_prop, w_obj, space.type(w_obj))


def property_set(space, args):
    space.descr_set(args.args_w[0], args.args_w[1], args.args_w[2])
    return space.w_None


def property_field(which):
    def getter(space, w_obj):
        assert isinstance(w_obj, W_Property)
        if which == 0:
            w_f = w_obj.w_fget
        elif which == 1:
            w_f = w_obj.w_fset
        elif which == 2:
            w_f = w_obj.w_fdel
        else:
            w_f = w_obj.w_doc
        if w_f is None:
            return space.w_None
        return w_f
    return getter


def staticmethod_new(space, args):
    new_type_arg(space, args, "staticmethod")
    check_args(space, args, "staticmethod", 2, 2)
    return W_StaticMethod(args.args_w[1])


def classmethod_new(space, args):
    new_type_arg(space, args, "classmethod")
    check_args(space, args, "classmethod", 2, 2)
    return W_ClassMethod(args.args_w[1])


def wrapped_func(space, w_obj):
    if isinstance(w_obj, W_StaticMethod):
        return w_obj.w_function
    if isinstance(w_obj, W_ClassMethod):
        return w_obj.w_function
    raise space.error(space.w_TypeError, "descriptor requires a wrapper")


def staticmethod_get(space, args):
    return wrapped_func(space, args.args_w[0])


def classmethod_get(space, args):
    w_cm = args.args_w[0]
    assert isinstance(w_cm, W_ClassMethod)
    w_type = space.w_None
    if len(args.args_w) > 2 and not space.is_none(args.args_w[2]):
        w_type = args.args_w[2]
    elif len(args.args_w) > 1:
        w_type = space.type(args.args_w[1])
    return W_MethodObject(w_cm.w_function, w_type)


def cell_contents(space, w_obj):
    assert isinstance(w_obj, W_CellObject)
    if w_obj.w_value is None:
        raise space.error(space.w_ValueError, "Cell is empty")
    return w_obj.w_value


def module_new(space, args):
    check_args(space, args, "module", 2, 3)
    name = space.str_w(args.args_w[1])
    w_dict = space.newdict()
    space.setitem_str(w_dict, "__name__", args.args_w[1])
    if len(args.args_w) > 2:
        space.setitem_str(w_dict, "__doc__", args.args_w[2])
    else:
        space.setitem_str(w_dict, "__doc__", space.w_None)
    return W_ModuleObject(name, w_dict)


def tb_lineno(space, w_obj):
    assert isinstance(w_obj, W_TracebackObject)
    return space.newint(w_obj.lineno)


def tb_next(space, w_obj):
    assert isinstance(w_obj, W_TracebackObject)
    if w_obj.w_next is None:
        return space.w_None
    return w_obj.w_next


def none_new(space, args):
    return space.w_None


def setup_callables(space):
    for w_t in [space.w_function, space.w_builtin_function,
                space.w_method_descriptor]:
        add_getset(w_t, "__name__", func_get_name, func_set_name)
        add_getset(w_t, "__qualname__", func_get_qualname, func_set_qualname)
        add_method(w_t, "__repr__", d_repr)
        add_method(w_t, "__call__", callable_call)
    w_f = space.w_function
    add_getset(w_f, "__doc__", func_get_doc, func_set_doc)
    add_getset(w_f, "__module__", func_get_module, func_set_module)
    add_getset(w_f, "__defaults__", func_get_defaults, func_set_defaults)
    add_getset(w_f, "__kwdefaults__", func_get_kwdefaults, None)
    add_getset(w_f, "__globals__", func_get_globals, None)
    add_getset(w_f, "__closure__", func_get_closure, None)
    add_getset(w_f, "__dict__", get_dict, None)
    add_method(w_f, "__get__", func_get)
    add_getset(space.w_builtin_function, "__doc__", func_get_doc, None)
    add_getset(space.w_builtin_function, "__module__", func_get_module, None)
    w_m = space.w_method
    add_getset(w_m, "__func__", method_get_func, None)
    add_getset(w_m, "__self__", method_get_self, None)
    add_getset(w_m, "__name__", method_get_name, None)
    add_getset(w_m, "__qualname__", method_get_qualname, None)
    add_getset(w_m, "__doc__", method_get_doc, None)
    add_method(w_m, "__repr__", d_repr)
    add_method(w_m, "__call__", callable_call)
    add_method(w_m, "__eq__", method_eq)
    add_method(w_m, "__hash__", method_hash)
    w_p = space.w_property
    add_static(w_p, "__new__", property_new)
    add_method(w_p, "__init__", property_init)
    add_method(w_p, "getter", property_getter)
    add_method(w_p, "setter", property_setter)
    add_method(w_p, "deleter", property_deleter)
    add_method(w_p, "__get__", property_get)
    add_method(w_p, "__set__", property_set)
    add_getset(w_p, "fget", property_field(0), None)
    add_getset(w_p, "fset", property_field(1), None)
    add_getset(w_p, "fdel", property_field(2), None)
    add_getset(w_p, "__doc__", property_field(3), None)
    add_static(space.w_staticmethod, "__new__", staticmethod_new)
    add_getset(space.w_staticmethod, "__func__", wrapped_func, None)
    add_method(space.w_staticmethod, "__get__", staticmethod_get)
    add_static(space.w_classmethod, "__new__", classmethod_new)
    add_getset(space.w_classmethod, "__func__", wrapped_func, None)
    add_method(space.w_classmethod, "__get__", classmethod_get)
    add_getset(space.w_cell, "cell_contents", cell_contents, None)
    add_static(space.w_module, "__new__", module_new)
    add_method(space.w_module, "__repr__", d_repr)
    add_getset(space.w_module, "__dict__", get_dict, None)
    add_getset(space.w_traceback, "tb_lineno", tb_lineno, None)
    add_getset(space.w_traceback, "tb_next", tb_next, None)
    add_static(space.w_NoneType, "__new__", none_new)
    for w_t in [space.w_NoneType, space.w_NotImplementedType,
                space.w_ellipsis]:
        add_method(w_t, "__repr__", d_repr)
    add_method(space.w_NoneType, "__bool__", d_bool)
    for w_t in [space.w_str_iterator, space.w_bytes_iterator,
                space.w_list_iterator, space.w_tuple_iterator,
                space.w_range_iterator, space.w_reversed, space.w_set_iterator,
                space.w_dict_keyiterator, space.w_dict_valueiterator,
                space.w_dict_itemiterator, space.w_seq_iterator]:
        add_iterator_dunders(w_t)


# ---------------------------------------------------------------------------
# The sequence-protocol iterator (iter() of an object with __getitem__)


class W_SeqIterObject(W_Root):
    def __init__(self, w_seq):
        self.w_seq = w_seq
        self.index = 0

    def getclass(self, space):
        return space.w_seq_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        w_seq = self.w_seq
        if w_seq is None:
            return None
        try:
            w_item = space.getitem(w_seq, space.newint(self.index))
        except OperationError as e:
            if space.exception_matches(e, space.w_IndexError) or \
                    space.exception_matches(e, space.w_StopIteration):
                self.w_seq = None
                return None
            raise
        self.index += 1
        return w_item


