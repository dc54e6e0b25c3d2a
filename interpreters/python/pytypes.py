"""pytypes: the built-in types, their methods, and class creation.

`setup_types(space)` (run once, at translation time, by ObjSpace) makes a
W_TypeObject for every built-in type and fills its dictionary:

* the special methods that let user subclasses and explicit calls
  (`int.__add__(1, 2)`, `super().__init__()`, `list.__len__(x)`) reach the
  built-in behaviour: generic wrappers around the `op_*` methods and
  `space.builtin_binop`/`builtin_compare` (DUNDERS_* tables below);
* each type's named methods (the *_METHODS tables of pystr, pylist,
  pydict and the functions here);
* `__new__` (a static method, as in CPython) and data descriptors
  (W_GetSetProperty) such as `__class__`, `__dict__`, `args`, `real`.

It also builds the exception hierarchy (EXCEPTION_TREE), implements
`type.__call__` (`type_call`: __new__ then __init__) and the creation of
user classes (`new_user_type`: layout, C3 MRO, __hash__ = None when
__eq__ is defined, __set_name__, __init_subclass__).
"""

from rlib.objectmodel import compute_identity_hash, compute_unique_id

import pylong
from pyobjects import (LAYOUT_TYPE, W_Root, W_TypeObject, W_InstanceObject,
                       W_BaseExceptionObject, W_TracebackObject,
                       W_BuiltinFunction, W_FunctionObject, W_MethodObject,
                       W_Property, W_StaticMethod, W_ClassMethod,
                       W_GetSetProperty, W_SuperObject, W_ModuleObject,
                       W_SliceObject, W_CellObject, W_NoneObject,
                       OperationError, Arguments, compute_mro,
                       check_args, check_method_args, parse_args,
                       LAYOUT_OBJECT, LAYOUT_EXCEPTION, LAYOUT_BUILTIN,
                       LAYOUT_FINAL, args0, args1, args2)
from pyint import (W_IntObject, W_BoolObject, W_LongObject, W_FloatObject)
import pyint
from pystr import (W_StrObject, W_BytesObject, STR_METHODS, BYTES_METHODS,
                   str_maketrans, newtext)
import pystr
from pylist import (W_ListObject, W_TupleObject, W_RangeObject,
                    LIST_METHODS, TUPLE_METHODS, RANGE_METHODS,
                    RANGE_GETSETS, make_range, do_sort)
from pydict import (W_DictObject, W_SetObject, DICT_METHODS, SET_METHODS,
                    FROZENSET_METHODS, dict_fromkeys)
import pyformat
import pyunicode
import pyrange
from pyopcodes import (BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV,
                       BINOP_FLOORDIV, BINOP_MOD, BINOP_POW, BINOP_LSHIFT,
                       BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR,
                       BINOP_METHODS, BINOP_RMETHODS, BINOP_IMETHODS,
                       CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE,
                       CMPOP_METHODS, UNARY_NEG, UNARY_POS, UNARY_INVERT)


# ---------------------------------------------------------------------------
# Building types


def make_type(space, name, bases_w, layout):
    """A new built-in type."""
    w_type = W_TypeObject(name, bases_w, {}, layout, True)
    mro = compute_mro(w_type)
    assert mro is not None
    w_type.mro_w = mro
    for w_base in bases_w:
        w_base.subclasses_w.append(w_type)
    return w_type


def add_method(w_type, name, func):
    w_type.dict_w[name] = W_BuiltinFunction(name, func, True,
                                            w_type.name + "." + name)


def add_static(w_type, name, func):
    w_type.dict_w[name] = W_StaticMethod(
        W_BuiltinFunction(name, func, False, w_type.name + "." + name))


def add_classmethod(w_type, name, func):
    w_type.dict_w[name] = W_ClassMethod(
        W_BuiltinFunction(name, func, False, w_type.name + "." + name))


def add_getset(w_type, name, getter, setter):
    w_type.dict_w[name] = W_GetSetProperty(name, getter, setter)


def add_methods(w_type, table):
    for name, func in table:
        add_method(w_type, name, func)


# ---------------------------------------------------------------------------
# Generic special methods of built-in types: self is unwrapped to the
# built-in value, then the op_* method or the built-in operator runs.


def builtin_self(space, args, name):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '%s' needs an argument" % name)
    w_self = space.unwrap_base(args.args_w[0])
    if isinstance(w_self, W_InstanceObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' requires a built-in object but "
                          "received a '%s'" % (name,
                                               space.type_name(w_self)))
    return w_self


def d_len(space, args):
    check_method_args(space, args, "__len__", 0, 0)
    return space.newint(builtin_self(space, args, "__len__").op_len(space))


def d_getitem(space, args):
    check_method_args(space, args, "__getitem__", 1, 1)
    return builtin_self(space, args, "__getitem__").op_getitem(
        space, args.args_w[1])


def d_setitem(space, args):
    check_method_args(space, args, "__setitem__", 2, 2)
    builtin_self(space, args, "__setitem__").op_setitem(
        space, args.args_w[1], args.args_w[2])
    return space.w_None


def d_delitem(space, args):
    check_method_args(space, args, "__delitem__", 1, 1)
    builtin_self(space, args, "__delitem__").op_delitem(space, args.args_w[1])
    return space.w_None


def d_iter(space, args):
    check_method_args(space, args, "__iter__", 0, 0)
    return builtin_self(space, args, "__iter__").op_iter(space)


def d_next(space, args):
    check_method_args(space, args, "__next__", 0, 0)
    w_item = builtin_self(space, args, "__next__").op_next(space)
    if w_item is None:
        raise space.stop_iteration(None)
    return w_item


def d_contains(space, args):
    check_method_args(space, args, "__contains__", 1, 1)
    return space.newbool(builtin_self(space, args, "__contains__").op_contains(
        space, args.args_w[1]))


def d_repr(space, args):
    check_method_args(space, args, "__repr__", 0, 0)
    return space.newtext(builtin_self(space, args, "__repr__").op_repr(space))


def d_str(space, args):
    check_method_args(space, args, "__str__", 0, 0)
    return space.newtext(builtin_self(space, args, "__str__").op_str(space))


def d_hash(space, args):
    check_method_args(space, args, "__hash__", 0, 0)
    return space.newint(builtin_self(space, args, "__hash__").op_hash(space))


def d_bool(space, args):
    check_method_args(space, args, "__bool__", 0, 0)
    return space.newbool(builtin_self(space, args, "__bool__").op_bool(space))


def d_format(space, args):
    check_method_args(space, args, "__format__", 1, 1)
    w_self = builtin_self(space, args, "__format__")
    spec = space.str_w(args.args_w[1])
    return space.newtext(pyformat.format_object(space, w_self, spec))


def make_binop_dunder(op, reflected):
    def dunder(space, args):
        check_method_args(space, args, "binary operator", 1, 1)
        w_self = builtin_self(space, args, "binary operator")
        w_other = space.unwrap_base(args.args_w[1])
        if reflected:
            w_res = space.builtin_binop(op, w_other, w_self)
        else:
            w_res = space.builtin_binop(op, w_self, w_other)
        if w_res is None:
            return space.w_NotImplemented
        return w_res
    return dunder


def make_inplace_dunder(op):
    def dunder(space, args):
        check_method_args(space, args, "in-place operator", 1, 1)
        w_self = builtin_self(space, args, "in-place operator")
        return space.inplace_binop(op, w_self, args.args_w[1])
    return dunder


def make_cmp_dunder(op):
    def dunder(space, args):
        check_method_args(space, args, "comparison", 1, 1)
        w_self = builtin_self(space, args, "comparison")
        r = space.builtin_compare(op, w_self, space.unwrap_base(args.args_w[1]))
        if r < 0:
            return space.w_NotImplemented
        return space.newbool(r == 1)
    return dunder


def make_unary_dunder(op):
    def dunder(space, args):
        check_method_args(space, args, "unary operator", 0, 0)
        return space.unaryop(op, builtin_self(space, args, "unary operator"))
    return dunder


def d_abs(space, args):
    check_method_args(space, args, "__abs__", 0, 0)
    return space.abs(builtin_self(space, args, "__abs__"))


BINOP_DUNDERS = []
RBINOP_DUNDERS = []
IBINOP_DUNDERS = []
for _op in range(len(BINOP_METHODS)):
    BINOP_DUNDERS.append(make_binop_dunder(_op, False))
    RBINOP_DUNDERS.append(make_binop_dunder(_op, True))
    IBINOP_DUNDERS.append(make_inplace_dunder(_op))
CMP_DUNDERS = []
for _op in range(len(CMPOP_METHODS)):
    CMP_DUNDERS.append(make_cmp_dunder(_op))
D_NEG = make_unary_dunder(UNARY_NEG)
D_POS = make_unary_dunder(UNARY_POS)
D_INVERT = make_unary_dunder(UNARY_INVERT)

ARITH_OPS = [BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV, BINOP_FLOORDIV,
             BINOP_MOD, BINOP_POW]
BIT_OPS = [BINOP_LSHIFT, BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR]
SET_OPS = [BINOP_OR, BINOP_AND, BINOP_SUB, BINOP_XOR]
ALL_CMP = [CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE]
EQ_CMP = [CMP_EQ, CMP_NE]


def add_binops(w_type, ops, with_inplace):
    for op in ops:
        add_method(w_type, BINOP_METHODS[op], BINOP_DUNDERS[op])
        add_method(w_type, BINOP_RMETHODS[op], RBINOP_DUNDERS[op])
        if with_inplace:
            add_method(w_type, BINOP_IMETHODS[op], IBINOP_DUNDERS[op])


def add_cmps(w_type, ops):
    for op in ops:
        add_method(w_type, CMPOP_METHODS[op], CMP_DUNDERS[op])


def add_container_dunders(w_type, mutable):
    add_method(w_type, "__len__", d_len)
    add_method(w_type, "__getitem__", d_getitem)
    add_method(w_type, "__contains__", d_contains)
    add_method(w_type, "__iter__", d_iter)
    if mutable:
        add_method(w_type, "__setitem__", d_setitem)
        add_method(w_type, "__delitem__", d_delitem)


def add_common_dunders(w_type):
    add_method(w_type, "__repr__", d_repr)
    add_method(w_type, "__hash__", d_hash)


def add_iterator_dunders(w_type):
    add_method(w_type, "__iter__", d_iter)
    add_method(w_type, "__next__", d_next)


# ---------------------------------------------------------------------------
# object


def object_new(space, args):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "object.__new__(): not enough arguments")
    w_type = args.args_w[0]
    if not isinstance(w_type, W_TypeObject):
        raise space.error(space.w_TypeError,
                          "object.__new__(X): X is not a type object (%s)" %
                          space.type_name(w_type))
    return allocate_instance(space, w_type)


def allocate_instance(space, w_type):
    if w_type.layout == LAYOUT_OBJECT:
        if w_type.is_builtin and w_type is not space.w_object:
            raise space.error(space.w_TypeError,
                              "cannot create '%s' instances" % w_type.name)
        return W_InstanceObject(w_type)
    if w_type.layout == LAYOUT_EXCEPTION:
        return W_BaseExceptionObject(w_type, [])
    raise space.error(space.w_TypeError,
                      "object.__new__(%s) is not safe, use %s.__new__()" %
                      (w_type.name, w_type.name))


def object_init(space, args):
    return space.w_None


def object_repr(space, args):
    return space.newtext(space.default_repr(args.args_w[0]))


def object_str(space, args):
    check_method_args(space, args, "__str__", 0, 0)
    return space.newtext(space.repr_str(args.args_w[0]))


def object_hash(space, args):
    check_method_args(space, args, "__hash__", 0, 0)
    return space.newint(compute_identity_hash(args.args_w[0]) >> 4)


def object_eq(space, args):
    check_method_args(space, args, "__eq__", 1, 1)
    if args.args_w[0] is args.args_w[1]:
        return space.w_True
    return space.w_NotImplemented


def object_ne(space, args):
    check_method_args(space, args, "__ne__", 1, 1)
    w_res = space.compare(CMP_EQ, args.args_w[0], args.args_w[1])
    return space.newbool(not space.is_true(w_res))


def object_cmp_notimpl(space, args):
    check_method_args(space, args, "comparison", 1, 1)
    return space.w_NotImplemented


def object_getattribute(space, args):
    check_method_args(space, args, "__getattribute__", 1, 1)
    w_obj = args.args_w[0]
    name = space.str_w(args.args_w[1])
    w_value = space.generic_getattr(space.type(w_obj), w_obj, name)
    if w_value is None:
        raise space.attribute_error(w_obj, name)
    return w_value


def object_setattr(space, args):
    check_method_args(space, args, "__setattr__", 2, 2)
    w_obj = args.args_w[0]
    space.generic_setattr(space.type(w_obj), w_obj,
                          space.str_w(args.args_w[1]), args.args_w[2])
    return space.w_None


def object_delattr(space, args):
    check_method_args(space, args, "__delattr__", 1, 1)
    w_obj = args.args_w[0]
    space.generic_delattr(space.type(w_obj), w_obj,
                          space.str_w(args.args_w[1]))
    return space.w_None


def object_format(space, args):
    check_method_args(space, args, "__format__", 1, 1)
    spec = space.str_w(args.args_w[1])
    return space.newtext(pyformat.object_format(space, args.args_w[0], spec))


def object_dir(space, args):
    w_obj = args.args_w[0]
    names = {}
    if isinstance(w_obj, W_InstanceObject):
        for name in w_obj.attribute_names():
            names[name] = None
    for w_t in space.type(w_obj).mro_w:
        for name in w_t.dict_w.keys():
            names[name] = None
    items_w = []
    for name in names.keys():
        items_w.append(space.newtext(name))
    w_list = space.newlist(items_w)
    do_sort(space, w_list.items_w, None, False)
    return w_list


def object_init_subclass(space, args):
    return space.w_None


def object_reduce_ex(space, args):
    raise space.error(space.w_TypeError, "cannot pickle objects")


def get_class(space, w_obj):
    return space.type(w_obj)


def get_dict(space, w_obj):
    """obj.__dict__: a snapshot of the instance attributes (module and
    function dicts are the real thing)."""
    if isinstance(w_obj, W_ModuleObject):
        return w_obj.w_dict
    if isinstance(w_obj, W_TypeObject):
        w_dict = space.newdict()
        for name, w_value in w_obj.dict_w.items():
            space.setitem(w_dict, space.newtext(name), w_value)
        return w_dict
    if isinstance(w_obj, W_InstanceObject):
        w_dict = space.newdict()
        names = w_obj.map.names()
        values_w = w_obj.storage
        i = 0
        while i < len(names):
            space.setitem(w_dict, space.newtext(names[i]), values_w[i])
            i += 1
        return w_dict
    if isinstance(w_obj, W_FunctionObject):
        w_dict = space.newdict()
        if w_obj.attrs is not None:
            for name, w_value in w_obj.attrs.items():
                space.setitem(w_dict, space.newtext(name), w_value)
        return w_dict
    raise space.error(space.w_AttributeError,
                      "'%s' object has no attribute '__dict__'" %
                      space.type_name(w_obj))


def set_dict(space, w_obj, w_value):
    if not isinstance(w_obj, W_InstanceObject):
        raise space.error(space.w_AttributeError,
                          "attribute '__dict__' is read-only")
    for name in w_obj.attribute_names():
        w_obj.deldictvalue(space, name)
    w_dict = space.unwrap_base(w_value)
    if not isinstance(w_dict, W_DictObject):
        raise space.error(space.w_TypeError,
                          "__dict__ must be set to a dictionary")
    for w_key in w_dict.live_keys():
        w_obj.setdictvalue(space, space.str_w(w_key),
                           w_dict.getitem(space, w_key))


def get_doc(space, w_obj):
    if isinstance(w_obj, W_TypeObject):
        if w_obj.w_doc is not None:
            return w_obj.w_doc
        w_doc = w_obj.dict_w.get("__doc__", None)
        if w_doc is not None:
            return w_doc
        return space.w_None
    if isinstance(w_obj, W_FunctionObject):
        if w_obj.w_doc is not None:
            return w_obj.w_doc
        return space.w_None
    w_doc = space.type(w_obj).lookup("__doc__")
    if w_doc is None or isinstance(w_doc, W_GetSetProperty):
        return space.w_None
    return w_doc


def setup_object(space):
    w_object = space.w_object
    add_static(w_object, "__new__", object_new)
    add_method(w_object, "__init__", object_init)
    add_method(w_object, "__repr__", object_repr)
    add_method(w_object, "__str__", object_str)
    add_method(w_object, "__hash__", object_hash)
    add_method(w_object, "__eq__", object_eq)
    add_method(w_object, "__ne__", object_ne)
    for op in [CMP_LT, CMP_LE, CMP_GT, CMP_GE]:
        add_method(w_object, CMPOP_METHODS[op], object_cmp_notimpl)
    add_method(w_object, "__getattribute__", object_getattribute)
    add_method(w_object, "__setattr__", object_setattr)
    add_method(w_object, "__delattr__", object_delattr)
    add_method(w_object, "__format__", object_format)
    add_method(w_object, "__dir__", object_dir)
    add_method(w_object, "__reduce_ex__", object_reduce_ex)
    add_classmethod(w_object, "__init_subclass__", object_init_subclass)
    add_getset(w_object, "__class__", get_class, None)
    add_getset(w_object, "__doc__", get_doc, None)
    space.w_object_new = w_object.dict_w["__new__"]
    space.w_object_init = w_object.dict_w["__init__"]
    space.w_object_eq = w_object.dict_w["__eq__"]
    space.w_object_getattribute = w_object.dict_w["__getattribute__"]
    space.w_object_setattr = w_object.dict_w["__setattr__"]
    space.w_object_delattr = w_object.dict_w["__delattr__"]


# ---------------------------------------------------------------------------
# Instances of user subclasses of built-in types


def wrap_for_subclass(space, w_type, w_value, w_builtin_type):
    """w_value itself when w_type is the built-in type, else a new
    instance of the subclass w_type extending w_value."""
    if w_type is w_builtin_type:
        return w_value
    if not isinstance(w_type, W_TypeObject) or \
            not w_type.issubtype(w_builtin_type):
        raise space.error(space.w_TypeError,
                          "%s.__new__(%s): %s is not a subtype of %s" %
                          (w_builtin_type.name, space.repr_str(w_type),
                           space.repr_str(w_type), w_builtin_type.name))
    w_obj = W_InstanceObject(w_type)
    w_obj.w_base = w_value
    return w_obj


def new_type_arg(space, args, name):
    if len(args.args_w) == 0 or not isinstance(args.args_w[0], W_TypeObject):
        raise space.error(space.w_TypeError,
                          "%s.__new__(X): X is not a type object" % name)
    w_type = args.args_w[0]
    assert isinstance(w_type, W_TypeObject)
    return w_type


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
    data = pystr.bytes_arg(space, a[1])
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
        w_value = pystr.bytes_decode(space, Arguments(dargs, None, None))
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
        return pystr.str_encode(space, Arguments([w_b, w_encoding], None,
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


# ---------------------------------------------------------------------------
# type


def type_new(space, args):
    """type(x) or type(name, bases, dict)."""
    n = len(args.args_w) - 1
    if n == 1 and not args.has_keywords():
        return space.type(args.args_w[1])
    if n != 3:
        raise space.error(space.w_TypeError,
                          "type() takes 1 or 3 arguments")
    w_meta = args.args_w[0]
    assert isinstance(w_meta, W_TypeObject)
    name = space.str_w(args.args_w[1])
    if not isinstance(space.unwrap_base(args.args_w[2]), W_TupleObject):
        raise space.error(space.w_TypeError,
                          "type.__new__() argument 2 must be tuple, not %s" %
                          space.type_name(args.args_w[2]))
    bases_w = space.listview(args.args_w[2])
    w_dict = space.unwrap_base(args.args_w[3])
    if not isinstance(w_dict, W_DictObject):
        raise space.error(space.w_TypeError,
                          "type.__new__() argument 3 must be dict, not %s" %
                          space.type_name(args.args_w[3]))
    return new_user_type(space, w_meta, name, bases_w, w_dict,
                         args.keywords, args.keywords_w)


def type_init(space, args):
    return space.w_None


def type_self(space, w_obj):
    if not isinstance(w_obj, W_TypeObject):
        raise space.error(space.w_TypeError, "descriptor requires a type")
    return w_obj


def type_get_name(space, w_obj):
    return space.newtext(type_self(space, w_obj).name)


def type_set_name(space, w_obj, w_value):
    type_self(space, w_obj).name = space.str_w(w_value)


def type_get_qualname(space, w_obj):
    return space.newtext(type_self(space, w_obj).qualname)


def type_set_qualname(space, w_obj, w_value):
    type_self(space, w_obj).qualname = space.str_w(w_value)


def type_get_module(space, w_obj):
    w_type = type_self(space, w_obj)
    w_mod = w_type.dict_w.get("__module__", None)
    if w_mod is not None:
        return w_mod
    return space.newtext(w_type.module)


def type_set_module(space, w_obj, w_value):
    w_type = type_self(space, w_obj)
    w_type.module = space.str_w(w_value)
    w_type.dict_w["__module__"] = w_value


def type_get_bases(space, w_obj):
    w_type = type_self(space, w_obj)
    items_w = []
    for w_b in w_type.bases_w:
        items_w.append(w_b)
    return space.newtuple(items_w)


def type_get_base(space, w_obj):
    w_type = type_self(space, w_obj)
    if len(w_type.bases_w) == 0:
        return space.w_None
    return w_type.bases_w[0]


def type_get_mro(space, w_obj):
    w_type = type_self(space, w_obj)
    items_w = []
    for w_b in w_type.mro_w:
        items_w.append(w_b)
    return space.newtuple(items_w)


def type_mro(space, args):
    return space.newlist(space.listview(type_get_mro(space, args.args_w[0])))


def type_subclasses(space, args):
    w_type = type_self(space, args.args_w[0])
    items_w = []
    for w_sub in w_type.subclasses_w:
        items_w.append(w_sub)
    return space.newlist(items_w)


def type_instancecheck(space, args):
    check_method_args(space, args, "__instancecheck__", 1, 1)
    w_type = type_self(space, args.args_w[0])
    return space.newbool(space.type(args.args_w[1]).issubtype(w_type))


def type_subclasscheck(space, args):
    check_method_args(space, args, "__subclasscheck__", 1, 1)
    w_type = type_self(space, args.args_w[0])
    w_sub = args.args_w[1]
    if not isinstance(w_sub, W_TypeObject):
        raise space.error(space.w_TypeError,
                          "issubclass() arg 1 must be a class")
    return space.newbool(w_sub.issubtype(w_type))


def type_call_method(space, args):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '__call__' needs an argument")
    w_type = type_self(space, args.args_w[0])
    return type_call(space, w_type,
                     Arguments(args.args_w[1:], args.keywords,
                               args.keywords_w))


def type_repr(space, args):
    return space.newtext(type_self(space, args.args_w[0]).op_repr(space))


def setup_type(space):
    w_type = space.w_type
    add_static(w_type, "__new__", type_new)
    add_method(w_type, "__init__", type_init)
    add_method(w_type, "__call__", type_call_method)
    space.w_type_call = w_type.dict_w["__call__"]
    add_method(w_type, "__repr__", type_repr)
    add_method(w_type, "mro", type_mro)
    add_method(w_type, "__subclasses__", type_subclasses)
    add_method(w_type, "__instancecheck__", type_instancecheck)
    add_method(w_type, "__subclasscheck__", type_subclasscheck)
    add_getset(w_type, "__name__", type_get_name, type_set_name)
    add_getset(w_type, "__qualname__", type_get_qualname, type_set_qualname)
    add_getset(w_type, "__module__", type_get_module, type_set_module)
    add_getset(w_type, "__bases__", type_get_bases, None)
    add_getset(w_type, "__base__", type_get_base, None)
    add_getset(w_type, "__mro__", type_get_mro, None)
    add_getset(w_type, "__dict__", get_dict, None)
    add_getset(w_type, "__doc__", get_doc, None)


def type_call(space, w_type, args):
    """Calling a class: __new__, then __init__ when __new__ returned an
    instance of the class."""
    if w_type is space.w_type and len(args.args_w) == 1 and \
            not args.has_keywords():
        return space.type(args.args_w[0])
    w_new = w_type.lookup("__new__")
    if w_new is space.w_object_new:
        w_obj = allocate_instance(space, w_type)
    else:
        w_obj = call_new(space, w_new, w_type, args)
    if not space.type(w_obj).issubtype(w_type):
        return w_obj
    w_init = w_type.lookup("__init__")
    if w_init is space.w_object_init or w_init is None:
        if w_new is space.w_object_new and \
                (len(args.args_w) > 0 or args.has_keywords()):
            raise space.error(space.w_TypeError,
                              "%s() takes no arguments" % w_type.name)
        return w_obj
    w_res = space.call_descr(w_init, w_obj, args)
    if w_res is not space.w_None:
        raise space.error(space.w_TypeError,
                          "__init__() should return None, not '%s'" %
                          space.type_name(w_res))
    return w_obj


def call_new(space, w_new, w_type, args):
    if isinstance(w_new, W_StaticMethod):
        w_new = w_new.w_function
    return space.call_args(w_new, args.prepend(w_type))


# ---------------------------------------------------------------------------
# User classes


def new_user_type(space, w_meta, name, bases_w, w_dict, kw_names,
                  kw_values_w):
    """A class made by a class statement or type(name, bases, dict);
    kw_names/kw_values_w: class keywords for __init_subclass__."""
    if len(bases_w) == 0:
        bases_w = [space.w_object]
    checked_w = []
    for w_base in bases_w:
        if not isinstance(w_base, W_TypeObject):
            raise space.error(space.w_TypeError,
                              "bases must be types")
        if w_base.layout == LAYOUT_FINAL:
            raise space.error(space.w_TypeError,
                              "type '%s' is not an acceptable base type" %
                              w_base.name)
        checked_w.append(w_base)
    layout, w_base_type = compute_layout(space, checked_w)
    dict_w = {}
    for w_key in w_dict.live_keys():
        key = space.str_w(w_key)
        dict_w[key] = w_dict.getitem(space, w_key)
    w_type = W_TypeObject(name, checked_w, dict_w, layout, False)
    w_type.w_base_type = w_base_type
    if w_meta is not space.w_type:
        w_type.w_metaclass = w_meta
    mro = compute_mro(w_type)
    if mro is None:
        names = []
        for w_b in checked_w:
            names.append(w_b.name)
        raise space.error(space.w_TypeError,
                          "Cannot create a consistent method resolution order "
                          "(MRO) for bases " + ", ".join(names))
    w_type.mro_w = mro
    fix_class_dict(space, w_type)
    for w_base in checked_w:
        w_base.subclasses_w.append(w_type)
    recompute_flags(space, w_type)
    call_set_name(space, w_type)
    call_init_subclass(space, w_type, kw_names, kw_values_w)
    return w_type


def compute_layout(space, bases_w):
    layout = LAYOUT_OBJECT
    w_base_type = None
    for w_base in bases_w:
        b_layout = w_base.layout
        w_b_base = w_base.w_base_type
        if w_base.is_builtin and b_layout == LAYOUT_BUILTIN:
            w_b_base = w_base
        if b_layout == LAYOUT_TYPE:
            if layout != LAYOUT_OBJECT or w_base_type is not None:
                raise layout_conflict(space)
            layout = LAYOUT_TYPE
            continue
        if layout == LAYOUT_TYPE and (b_layout != LAYOUT_OBJECT or
                                      w_b_base is not None):
            raise layout_conflict(space)
        if b_layout == LAYOUT_EXCEPTION:
            if w_base_type is not None:
                raise layout_conflict(space)
            layout = LAYOUT_EXCEPTION
        elif w_b_base is not None:
            if layout == LAYOUT_EXCEPTION or \
                    (w_base_type is not None and w_base_type is not w_b_base):
                raise layout_conflict(space)
            w_base_type = w_b_base
    return layout, w_base_type


def layout_conflict(space):
    return space.error(space.w_TypeError,
                       "multiple bases have instance lay-out conflict")


def fix_class_dict(space, w_type):
    dict_w = w_type.dict_w
    w_new = dict_w.get("__new__", None)
    if isinstance(w_new, W_FunctionObject):
        dict_w["__new__"] = W_StaticMethod(w_new)
    for name in ["__init_subclass__", "__class_getitem__"]:
        w_f = dict_w.get(name, None)
        if isinstance(w_f, W_FunctionObject):
            dict_w[name] = W_ClassMethod(w_f)
    if "__eq__" in dict_w and "__hash__" not in dict_w:
        dict_w["__hash__"] = space.w_None
    w_qualname = dict_w.get("__qualname__", None)
    if w_qualname is not None:
        w_type.qualname = space.str_w(w_qualname)
        del dict_w["__qualname__"]
    w_module = dict_w.get("__module__", None)
    if w_module is not None:
        w_type.module = space.str_w(w_module)
    if "__classcell__" in dict_w:
        del dict_w["__classcell__"]


def recompute_flags(space, w_type):
    w_type.has_user_getattr = w_type.lookup("__getattr__") is not None
    w_type.has_user_getattribute = \
        w_type.lookup("__getattribute__") is not space.w_object_getattribute
    w_type.has_user_setattr = \
        w_type.lookup("__setattr__") is not space.w_object_setattr
    w_type.has_user_delattr = \
        w_type.lookup("__delattr__") is not space.w_object_delattr
    for w_sub in w_type.subclasses_w:
        recompute_flags(space, w_sub)


def update_type_flags(space, w_type, name):
    if name.startswith("__") and name.endswith("__"):
        recompute_flags(space, w_type)


def call_set_name(space, w_type):
    for name, w_value in w_type.dict_w.items():
        if isinstance(w_value, W_Property):
            w_value.name = name
        elif isinstance(w_value, W_InstanceObject):
            w_set_name = space.lookup_type_attr(w_value, "__set_name__")
            if w_set_name is not None:
                space.call_descr(w_set_name, w_value,
                                 args2(w_type, space.newtext(name)))


def call_init_subclass(space, w_type, kw_names, kw_values_w):
    w_init = w_type.lookup_after(w_type, "__init_subclass__")
    if w_init is None:
        return
    if isinstance(w_init, W_ClassMethod):
        w_func = w_init.w_function
        if isinstance(w_func, W_BuiltinFunction):
            if kw_names is not None and len(kw_names) > 0:
                raise space.error(space.w_TypeError,
                                  "%s.__init_subclass__() takes no keyword "
                                  "arguments" % w_type.name)
            return
        space.call_args(w_func, Arguments([w_type], kw_names, kw_values_w))


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


# ---------------------------------------------------------------------------
# setup_types


def setup_types(space):
    w_object = W_TypeObject("object", [], {}, LAYOUT_OBJECT, True)
    space.w_object = w_object
    space.w_type = make_type(space, "type", [w_object], LAYOUT_TYPE)
    space.w_int = make_type(space, "int", [w_object], LAYOUT_BUILTIN)
    space.w_bool = make_type(space, "bool", [space.w_int], LAYOUT_FINAL)
    space.w_float = make_type(space, "float", [w_object], LAYOUT_BUILTIN)
    space.w_str = make_type(space, "str", [w_object], LAYOUT_BUILTIN)
    space.w_bytes = make_type(space, "bytes", [w_object], LAYOUT_BUILTIN)
    space.w_list = make_type(space, "list", [w_object], LAYOUT_BUILTIN)
    space.w_tuple = make_type(space, "tuple", [w_object], LAYOUT_BUILTIN)
    space.w_dict = make_type(space, "dict", [w_object], LAYOUT_BUILTIN)
    space.w_set = make_type(space, "set", [w_object], LAYOUT_BUILTIN)
    space.w_frozenset = make_type(space, "frozenset", [w_object],
                                  LAYOUT_BUILTIN)
    space.w_range = make_type(space, "range", [w_object], LAYOUT_FINAL)
    space.w_slice = make_type(space, "slice", [w_object], LAYOUT_FINAL)
    space.w_NoneType = make_type(space, "NoneType", [w_object], LAYOUT_FINAL)
    space.w_NotImplementedType = make_type(space, "NotImplementedType",
                                           [w_object], LAYOUT_FINAL)
    space.w_ellipsis = make_type(space, "ellipsis", [w_object], LAYOUT_FINAL)
    space.w_function = make_type(space, "function", [w_object], LAYOUT_FINAL)
    space.w_builtin_function = make_type(space, "builtin_function_or_method",
                                         [w_object], LAYOUT_FINAL)
    space.w_method_descriptor = make_type(space, "method_descriptor",
                                          [w_object], LAYOUT_FINAL)
    space.w_method = make_type(space, "method", [w_object], LAYOUT_FINAL)
    space.w_cell = make_type(space, "cell", [w_object], LAYOUT_FINAL)
    space.w_property = make_type(space, "property", [w_object], LAYOUT_FINAL)
    space.w_staticmethod = make_type(space, "staticmethod", [w_object],
                                     LAYOUT_FINAL)
    space.w_classmethod = make_type(space, "classmethod", [w_object],
                                    LAYOUT_FINAL)
    space.w_getset_descriptor = make_type(space, "getset_descriptor",
                                          [w_object], LAYOUT_FINAL)
    space.w_super = make_type(space, "super", [w_object], LAYOUT_FINAL)
    space.w_module = make_type(space, "module", [w_object], LAYOUT_FINAL)
    space.w_traceback = make_type(space, "traceback", [w_object],
                                  LAYOUT_FINAL)
    iterator_names = ["str_iterator", "bytes_iterator", "list_iterator",
                      "tuple_iterator", "range_iterator", "list_reverseiterator",
                      "set_iterator", "dict_keyiterator", "dict_valueiterator",
                      "dict_itemiterator", "iterator"]
    its = []
    for name in iterator_names:
        its.append(make_type(space, name, [w_object], LAYOUT_FINAL))
    space.w_str_iterator = its[0]
    space.w_bytes_iterator = its[1]
    space.w_list_iterator = its[2]
    space.w_tuple_iterator = its[3]
    space.w_range_iterator = its[4]
    space.w_reversed = its[5]
    space.w_set_iterator = its[6]
    space.w_dict_keyiterator = its[7]
    space.w_dict_valueiterator = its[8]
    space.w_dict_itemiterator = its[9]
    space.w_seq_iterator = its[10]
    space.w_dict_keys = make_type(space, "dict_keys", [w_object], LAYOUT_FINAL)
    space.w_dict_values = make_type(space, "dict_values", [w_object],
                                    LAYOUT_FINAL)
    space.w_dict_items = make_type(space, "dict_items", [w_object],
                                   LAYOUT_FINAL)
    setup_object(space)
    setup_type(space)
    setup_numbers(space)
    setup_strings(space)
    setup_containers(space)
    setup_exceptions(space)
    setup_callables(space)
    for w_t in [space.w_int, space.w_float, space.w_str, space.w_bytes,
                space.w_list, space.w_tuple, space.w_dict, space.w_set,
                space.w_frozenset]:
        w_t.w_base_type = w_t
    space.builtin_types = {}
    for w_t in [space.w_object, space.w_type, space.w_int, space.w_bool,
                space.w_float, space.w_str, space.w_bytes, space.w_list,
                space.w_tuple, space.w_dict, space.w_set, space.w_frozenset,
                space.w_range, space.w_slice, space.w_property,
                space.w_staticmethod, space.w_classmethod, space.w_super]:
        space.builtin_types[w_t.name] = w_t
    for w_t in space.exception_types:
        space.builtin_types[w_t.name] = w_t
