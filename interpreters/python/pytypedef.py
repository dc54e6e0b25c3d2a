"""pytypedef: the tools that build the built-in types.

Where this sits: pytypes.py (object, type, user classes), pybuiltintypes.py
(int, float, str, list, ...), pyexceptions.py and pycallables.py fill the
dictionaries of the built-in types with these helpers:

* `make_type` and `add_method`/`add_static`/`add_classmethod`/`add_getset`;
* the generic special methods of built-in types (`d_len`, `d_repr`, the
  BINOP_/CMP_ dunder tables, ...): self is unwrapped to the built-in value
  (a user subclass' `w_base`), then the `op_*` method or the space's
  built-in operator runs, so `int.__add__(1, 2)`, `super().__init__()` in
  a `list` subclass and explicit dunder calls reach the built-in
  behaviour;
* `__dict__`/`__doc__` descriptors and `wrap_for_subclass` (a value of a
  built-in type, or an instance of a user subclass extending it).
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
from pystr import (W_StrObject, W_BytesObject, STR_METHODS,
                   str_maketrans, newtext)
from pybytes import BYTES_METHODS, str_encode
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
# __dict__ and __doc__


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


