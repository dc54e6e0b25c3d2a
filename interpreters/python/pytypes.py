"""pytypes: object, type, class creation, and the built-in types' setup.

`setup_types(space)` (run once, at translation time, by ObjSpace) makes a
W_TypeObject for every built-in type and fills its dictionary through
pybuiltintypes, pyexceptions and pycallables (the building tools are in
pytypedef).  This module itself implements `object` (its `__new__`,
`__init__`, `__repr__`, `__eq__`, the generic attribute methods, ...),
`type` (`type(x)`, `type(name, bases, dict)`, `__name__`, `__mro__`,
...), `type.__call__` (`type_call`: __new__ then __init__) and the
creation of user classes (`new_user_type`: layout, C3 MRO, metaclass,
__hash__ = None when __eq__ is defined, __set_name__, __init_subclass__).
"""

from rlib.objectmodel import compute_identity_hash

from pyobjects import (LAYOUT_TYPE, W_TypeObject, W_InstanceObject,
                       W_BaseExceptionObject, W_BuiltinFunction,
                       W_FunctionObject, W_Property, W_StaticMethod,
                       W_ClassMethod, Arguments, compute_mro,
                       check_method_args, LAYOUT_OBJECT, LAYOUT_EXCEPTION,
                       LAYOUT_BUILTIN, LAYOUT_FINAL, args2)
from pystr import W_StrObject
from pylist import W_TupleObject, do_sort
from pydict import W_DictObject
import pyformat
from pyopcodes import CMP_LT, CMP_LE, CMP_EQ, CMP_GT, CMP_GE, CMPOP_METHODS


from pytypedef import (make_type, add_method, add_static, add_classmethod,
                       add_getset, d_repr, add_iterator_dunders, get_dict,
                       get_doc)
from pybuiltintypes import (setup_numbers, setup_strings, setup_containers,
                            int_of)
from pyexceptions import setup_exceptions
from pycallables import setup_callables, W_SeqIterObject


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
    w_type.set_attr("__module__", w_value)


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
    w_type.slot_names = compute_slots(space, w_type)
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


def compute_slots(space, w_type):
    """The names of __slots__ along the MRO, or None when some class
    (object aside) has no __slots__ or lists '__dict__'."""
    names = []
    for w_t in w_type.mro_w:
        if w_t is space.w_object:
            continue
        if w_t.is_builtin:
            if w_t.layout == LAYOUT_EXCEPTION:
                return None
            continue
        w_slots = w_t.dict_w.get("__slots__", None)
        if w_slots is None:
            return None
        w_base = space.unwrap_base(w_slots)
        if isinstance(w_base, W_StrObject):
            items_w = [w_base]
        else:
            items_w = space.listview(w_slots)
        for w_name in items_w:
            name = space.str_w(w_name)
            if name == "__dict__":
                return None
            names.append(name)
    return names


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

