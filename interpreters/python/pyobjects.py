"""pyobjects: the root of the Python VM's object model.

Where this sits: every other object-model module (pyint, pystr, pylist,
pydict, pyformat) defines its W_ classes on top of the classes here, and
pyspace.py's ObjSpace implements the operations on them.  This module
holds what everything shares:

* `W_Root`, the base of every Python object.  An object knows its type
  (`getclass(space)`); objects that have instance attributes answer
  `getdictvalue`/`setdictvalue`/`deldictvalue` (the others return None or
  False, so the attribute protocol in pyspace is one algorithm).
* `OperationError`, the RPy exception carrying a Python exception object
  (`w_value`) through RPy code.  Its traceback lives on the exception
  object itself (`W_BaseExceptionObject.w_traceback`, a linked list of
  (code, line) entries, outermost frame first once fully unwound).
* `Arguments`: positional arguments plus keyword names and values, the one
  calling convention of every callable (`space.call_args`).
* Type objects (`W_TypeObject`) with their method resolution order, a
  version tag for elidable lookups, and the root `Map` of their instances.
* Maps (hidden classes) for the attributes of instances of user classes:
  an instance holds a `map` and a `storage` list; the map says which
  attribute lives at which index.  A map is reached from a promoted value
  in a trace, so `find` and `add` are `@elidable`.
* Functions, methods, cells, properties and the other small objects.

RPy notes: W_ classes never override `__init__` signatures in ways that
clash; attributes are declared on the class that owns them; nothing here
is created at run time except through explicit constructors.
"""

from rlib.jit import elidable, promote, we_are_jitted
from rlib.objectmodel import compute_identity_hash


# ---------------------------------------------------------------------------
# The root


class W_Root(object):
    """The base of every Python object."""

    def getclass(self, space):
        """The object's type (a W_TypeObject)."""
        raise NotImplementedError

    def getdictvalue(self, space, name):
        """The instance attribute `name`, or None (no instance dict)."""
        return None

    def setdictvalue(self, space, name, w_value):
        """Set instance attribute `name`; False if the object has none."""
        return False

    def deldictvalue(self, space, name):
        """Delete instance attribute `name`; False if it did not exist."""
        return False

    def has_instance_dict(self):
        return False

    def get_base_value(self):
        """For an instance of a user subclass of a built-in type (list,
        int, ...): the built-in value it extends; else None."""
        return None

    # The built-in behaviour of the operations (space.len, space.getitem,
    # ...).  Built-in types override what they support; the defaults raise
    # CPython's TypeError.  W_InstanceObject overrides all of them with
    # the special-method protocol (__len__, __getitem__, ...).

    def op_len(self, space):
        raise space.error(space.w_TypeError, "object of type '%s' has no "
                          "len()" % space.type_name(self))

    def op_getitem(self, space, w_key):
        raise space.error(space.w_TypeError, "'%s' object is not "
                          "subscriptable" % space.type_name(self))

    def op_setitem(self, space, w_key, w_value):
        raise space.error(space.w_TypeError, "'%s' object does not support "
                          "item assignment" % space.type_name(self))

    def op_delitem(self, space, w_key):
        raise space.error(space.w_TypeError, "'%s' object doesn't support "
                          "item deletion" % space.type_name(self))

    def op_iter(self, space):
        raise space.error(space.w_TypeError, "'%s' object is not iterable"
                          % space.type_name(self))

    def op_next(self, space):
        """The next item, or None when the iterator is exhausted."""
        raise space.error(space.w_TypeError, "'%s' object is not an "
                          "iterator" % space.type_name(self))

    def op_contains(self, space, w_item):
        return space.contains_by_iteration(self, w_item)

    def op_repr(self, space):
        """repr() as an RPy str."""
        return space.default_repr(self)

    def op_str(self, space):
        return self.op_repr(space)

    def op_hash(self, space):
        return compute_identity_hash(self) >> 4

    def op_bool(self, space):
        return True

    def op_call(self, space, args):
        raise space.error(space.w_TypeError, "'%s' object is not callable"
                          % space.type_name(self))


class OperationError(Exception):
    """A Python exception travelling through RPy code.  Made by
    `operation_error(w_exc)`; `w_value` is the exception instance (a
    W_BaseExceptionObject).  (Constructed without arguments: the
    translator derives an exception's message from its constructor
    arguments, which must then be strings.)"""


def operation_error(w_value):
    e = OperationError()
    e.w_value = w_value
    return e


class Arguments(object):
    """The arguments of a call: positional `args_w`, and parallel lists
    `keywords` (names) and `keywords_w` (values), both None when there are
    no keyword arguments."""

    def __init__(self, args_w, keywords, keywords_w):
        self.args_w = args_w
        self.keywords = keywords
        self.keywords_w = keywords_w

    def prepend(self, w_first):
        args_w = [w_first]
        args_w.extend(self.args_w)
        return Arguments(args_w, self.keywords, self.keywords_w)

    def num_args(self):
        return len(self.args_w)

    def has_keywords(self):
        return self.keywords is not None and len(self.keywords) > 0

    def get_keyword(self, name):
        """The value of keyword argument `name`, or None."""
        if self.keywords is None:
            return None
        i = 0
        while i < len(self.keywords):
            if self.keywords[i] == name:
                return self.keywords_w[i]
            i += 1
        return None


def args0():
    return Arguments([], None, None)


def args1(w_a):
    return Arguments([w_a], None, None)


def args2(w_a, w_b):
    return Arguments([w_a, w_b], None, None)


def args3(w_a, w_b, w_c):
    return Arguments([w_a, w_b, w_c], None, None)


# ---------------------------------------------------------------------------
# Maps (hidden classes) for instance attributes


class Map(object):
    """The layout of an instance's attributes.  The root map of a class
    (`back` None, `index` -1) says which class the instance has; each
    further map adds one attribute name at the next storage index.  Maps
    are shared and never change: adding an attribute moves the instance
    to the successor map found in `transitions`."""

    _immutable_fields_ = ['w_class', 'back', 'name', 'index', 'length']

    def __init__(self, w_class, back, name, index):
        self.w_class = w_class
        self.back = back
        self.name = name
        self.index = index
        self.length = index + 1
        self.transitions = None
        self.index_cache = None

    @elidable
    def find(self, name):
        """The storage index of attribute `name`, or -1."""
        if self.length > 6:
            return self._find_cached(name)
        m = self
        while m.back is not None:
            if m.name == name:
                return m.index
            m = m.back
        return -1

    def _find_cached(self, name):
        cache = self.index_cache
        if cache is None:
            cache = {}
            m = self
            while m.back is not None:
                cache[m.name] = m.index
                m = m.back
            self.index_cache = cache
        return cache.get(name, -1)

    @elidable
    def add(self, name):
        """The map with `name` added after this map's attributes."""
        if self.transitions is None:
            self.transitions = {}
        m = self.transitions.get(name, None)
        if m is None:
            m = Map(self.w_class, self, name, self.length)
            self.transitions[name] = m
        return m

    def root(self):
        m = self
        while m.back is not None:
            m = m.back
        return m

    def names(self):
        """Attribute names in storage order."""
        result = [""] * self.length
        m = self
        while m.back is not None:
            result[m.index] = m.name
            m = m.back
        return result


# ---------------------------------------------------------------------------
# Type objects

# What the instances of a type are made of (W_TypeObject.layout).  A user
# class inherits the layout of its bases (at most one base may have a
# layout other than LAYOUT_OBJECT).
LAYOUT_OBJECT = 0        # W_InstanceObject
LAYOUT_EXCEPTION = 1     # W_BaseExceptionObject
LAYOUT_BUILTIN = 2       # a built-in value; user subclasses are
                         # W_InstanceObjects with w_base set
LAYOUT_FINAL = 3         # cannot be subclassed (bool, function, ...)
LAYOUT_TYPE = 4          # metaclasses: `type` and its subclasses, whose
                         # instances are W_TypeObjects made by type.__new__


class VersionTag(object):
    """A fresh object whenever a type's dictionary (or a base's) changes:
    lookups are elidable on (type, name, version)."""


class W_TypeObject(W_Root):
    """A Python class, built-in or user-defined.

    `dict_w` maps attribute names to objects; `mro_w` is the C3
    linearisation (self first); `version` changes with every change to
    the dictionary of this type or of a base, which makes `lookup`
    elidable for the JIT.  `terminator` is the root Map of the instances
    (W_InstanceObject) of this class."""

    _immutable_fields_ = ['name', 'bases_w[*]', 'mro_w[*]', 'layout',
                          'is_builtin', 'version?', 'terminator',
                          'w_base_type']

    def __init__(self, name, bases_w, dict_w, layout, is_builtin):
        self.name = name
        self.qualname = name
        self.module = "builtins"
        self.bases_w = bases_w
        self.dict_w = dict_w
        self.layout = layout
        self.is_builtin = is_builtin
        self.version = VersionTag()
        self.lookup_cache = {}
        self.terminator = Map(self, None, "", -1)
        self.subclasses_w = []
        self.mro_w = [self]
        # the built-in type whose values a user subclass extends (list,
        # int, ...), or None
        self.w_base_type = None
        self.has_user_getattr = False
        self.has_user_getattribute = False
        self.has_user_setattr = False
        self.has_user_delattr = False
        self.w_doc = None
        # the metaclass when it is not `type` (a user subclass of type)
        self.w_metaclass = None
        # the attribute names instances may have when every class of the
        # MRO defines __slots__ (None: instances have a dict)
        self.slot_names = None

    def getclass(self, space):
        if self.w_metaclass is not None:
            return self.w_metaclass
        return space.w_type

    def op_repr(self, space):
        return "<class '%s'>" % self.get_full_name()

    def lookup(self, name):
        """The attribute `name` found along the MRO, or None.  In a trace
        the type and its version are promoted, so the lookup folds to a
        constant guarded by the version; the interpreter uses a per-type
        cache of names (emptied whenever the type or a base changes)."""
        if we_are_jitted():
            w_type = promote(self)
            version = promote(w_type.version)
            return w_type._pure_lookup(name, version)
        cache = self.lookup_cache
        w_value = cache.get(name, None)
        if w_value is None:
            w_value = self._lookup_mro(name)
            if w_value is None:
                cache[name] = NOT_FOUND
            else:
                cache[name] = w_value
            return w_value
        if w_value is NOT_FOUND:
            return None
        return w_value

    def _lookup_mro(self, name):
        mro_w = self.mro_w
        i = 0
        while i < len(mro_w):
            w_value = mro_w[i].dict_w.get(name, None)
            if w_value is not None:
                return w_value
            i += 1
        return None

    @elidable
    def _pure_lookup(self, name, version):
        mro_w = self.mro_w
        i = 0
        while i < len(mro_w):
            w_value = mro_w[i].dict_w.get(name, None)
            if w_value is not None:
                return w_value
            i += 1
        return None

    def lookup_where(self, name):
        """The class along the MRO that defines `name`, or None."""
        for w_type in self.mro_w:
            if name in w_type.dict_w:
                return w_type
        return None

    def lookup_after(self, w_start, name):
        """The attribute `name` along the MRO, starting after `w_start`
        (super())."""
        found = False
        for w_type in self.mro_w:
            if found:
                w_value = w_type.dict_w.get(name, None)
                if w_value is not None:
                    return w_value
            elif w_type is w_start:
                found = True
        return None

    def set_attr(self, name, w_value):
        self.dict_w[name] = w_value
        self.changed()

    def del_attr(self, name):
        if name not in self.dict_w:
            return False
        del self.dict_w[name]
        self.changed()
        return True

    def changed(self):
        """Invalidate lookups on this type and its subclasses."""
        self.version = VersionTag()
        self.lookup_cache = {}
        if "__getattr__" in self.dict_w:
            self.has_user_getattr = True
        for w_sub in self.subclasses_w:
            w_sub.changed()

    @elidable
    def issubtype(self, w_other):
        mro_w = self.mro_w
        i = 0
        while i < len(mro_w):
            if mro_w[i] is w_other:
                return True
            i += 1
        return False

    def getdictvalue(self, space, name):
        return self.lookup(name)

    def get_full_name(self):
        if self.module == "builtins" or self.module == "":
            return self.qualname
        return self.module + "." + self.qualname


class W_NotFound(W_Root):
    """The lookup cache's marker of a name no class of the MRO has."""


NOT_FOUND = W_NotFound()


def compute_mro(w_type):
    """C3 linearisation of w_type's bases (self first); None when the
    bases admit no consistent order."""
    seqs = []
    for w_base in w_type.bases_w:
        seqs.append(list(w_base.mro_w))
    seqs.append(list(w_type.bases_w))
    result = [w_type]
    while True:
        nonempty = False
        for seq in seqs:
            if len(seq) > 0:
                nonempty = True
        if not nonempty:
            return result
        candidate = None
        for seq in seqs:
            if len(seq) == 0:
                continue
            head = seq[0]
            in_tail = False
            for other in seqs:
                k = 1
                while k < len(other):
                    if other[k] is head:
                        in_tail = True
                    k += 1
            if not in_tail:
                candidate = head
                break
        if candidate is None:
            return None
        result.append(candidate)
        for seq in seqs:
            if len(seq) > 0 and seq[0] is candidate:
                del seq[0]


# ---------------------------------------------------------------------------
# Instances of user classes


class W_InstanceObject(W_Root):
    """An instance of a user class (or of `object`): attributes through
    its map and storage.  `w_base` is the built-in value extended by an
    instance of a subclass of list, dict, int, str, ... (None otherwise)."""

    def __init__(self, w_class):
        self.map = w_class.terminator
        self.storage = []
        self.w_base = None

    def getclass(self, space):
        return promote(self.map).w_class

    def get_base_value(self):
        return self.w_base

    def has_instance_dict(self):
        return True

    def getdictvalue(self, space, name):
        index = promote(self.map).find(name)
        if index < 0:
            return None
        return self.storage[index]

    def setdictvalue(self, space, name, w_value):
        m = promote(self.map)
        index = m.find(name)
        if index >= 0:
            self.storage[index] = w_value
            return True
        self.map = m.add(name)
        self.storage.append(w_value)
        return True

    def deldictvalue(self, space, name):
        m = self.map
        index = m.find(name)
        if index < 0:
            return False
        names = m.names()
        old_storage = self.storage
        new_map = m.root()
        new_storage = []
        i = 0
        while i < len(names):
            if i != index:
                new_map = new_map.add(names[i])
                new_storage.append(old_storage[i])
            i += 1
        self.map = new_map
        self.storage = new_storage
        return True

    # The operations, through the special methods of the class.

    def op_len(self, space):
        return space.user_len(self)

    def op_getitem(self, space, w_key):
        return space.user_getitem(self, w_key)

    def op_setitem(self, space, w_key, w_value):
        space.user_setitem(self, w_key, w_value)

    def op_delitem(self, space, w_key):
        space.user_delitem(self, w_key)

    def op_iter(self, space):
        return space.user_iter(self)

    def op_next(self, space):
        return space.user_next(self)

    def op_contains(self, space, w_item):
        return space.user_contains(self, w_item)

    def op_repr(self, space):
        return space.user_repr(self)

    def op_str(self, space):
        return space.user_str(self)

    def op_hash(self, space):
        return space.user_hash(self)

    def op_bool(self, space):
        return space.user_bool(self)

    def op_call(self, space, args):
        return space.user_call(self, args)

    def attribute_names(self):
        return self.map.names()

    def attribute_values(self):
        return self.storage


# ---------------------------------------------------------------------------
# Exceptions


class W_TracebackObject(W_Root):
    """One frame of a traceback: its code object and line; `w_next` is
    the entry of the frame called from this one (CPython's tb_next)."""

    _immutable_fields_ = ['code', 'lineno', 'w_next']

    def __init__(self, code, lineno, w_next):
        self.code = code
        self.lineno = lineno
        self.w_next = w_next

    def getclass(self, space):
        return space.w_traceback


class W_BaseExceptionObject(W_InstanceObject):
    """An exception instance, of a built-in exception class or a user
    subclass (which may add attributes, hence W_InstanceObject)."""

    def __init__(self, w_class, args_w):
        W_InstanceObject.__init__(self, w_class)
        self.args_w = args_w
        self.w_cause = None
        self.w_context = None
        self.suppress_context = False
        self.w_traceback = None

    def add_traceback(self, code, lineno):
        self.w_traceback = W_TracebackObject(code, lineno, self.w_traceback)


# ---------------------------------------------------------------------------
# Singletons


class W_NoneObject(W_Root):
    def getclass(self, space):
        return space.w_NoneType

    def op_repr(self, space):
        return "None"

    def op_bool(self, space):
        return False


class W_NotImplementedObject(W_Root):
    def getclass(self, space):
        return space.w_NotImplementedType

    def op_repr(self, space):
        return "NotImplemented"


class W_EllipsisObject(W_Root):
    def getclass(self, space):
        return space.w_ellipsis

    def op_repr(self, space):
        return "Ellipsis"


# ---------------------------------------------------------------------------
# Callables


class W_BuiltinFunction(W_Root):
    """A function written in RPy: `func(space, args)` returns a W_Root.
    `binds` is True for the methods of built-in types (reading one through
    an instance makes a bound method), False for plain built-in functions
    such as `len`."""

    _immutable_fields_ = ['name', 'func', 'binds', 'qualname']

    def __init__(self, name, func, binds, qualname):
        self.name = name
        self.func = func
        self.binds = binds
        self.qualname = qualname

    def getclass(self, space):
        if self.binds:
            return space.w_method_descriptor
        return space.w_builtin_function

    def call(self, space, args):
        func = self.func
        return func(space, args)

    def op_repr(self, space):
        if self.binds:
            dot = self.qualname.find(".")
            owner = "object"
            if dot > 0:
                owner = self.qualname[:dot]
            return "<method '%s' of '%s' objects>" % (self.name, owner)
        return "<built-in function %s>" % self.name


class W_FunctionObject(W_Root):
    """A Python function: a code object (pycode.PyCode), its globals (a
    W_DictObject), default values, keyword-only defaults (a W_DictObject
    or None) and closure cells.  Calling one is the interpreter's business
    (space.call_function hands it to the installed interpreter)."""

    _immutable_fields_ = ['code', 'w_globals', 'closure[*]']

    # defaults_w and closure are lists (empty when there are none)

    def __init__(self, code, w_globals, defaults_w, w_kwdefaults, closure,
                 name, qualname):
        self.code = code
        self.w_globals = w_globals
        self.defaults_w = defaults_w
        self.w_kwdefaults = w_kwdefaults
        self.closure = closure
        self.name = name
        self.qualname = qualname
        self.w_doc = None
        self.w_module = None
        self.attrs = None

    def getclass(self, space):
        return space.w_function

    def op_repr(self, space):
        return "<function %s at 0x%s>" % (self.qualname,
                                          space.address_hex(self))

    def has_instance_dict(self):
        return True

    def getdictvalue(self, space, name):
        if self.attrs is None:
            return None
        return self.attrs.get(name, None)

    def setdictvalue(self, space, name, w_value):
        if self.attrs is None:
            self.attrs = {}
        self.attrs[name] = w_value
        return True

    def deldictvalue(self, space, name):
        if self.attrs is None or name not in self.attrs:
            return False
        del self.attrs[name]
        return True


class W_MethodObject(W_Root):
    """A function bound to an object: calling it passes `w_self` first."""

    _immutable_fields_ = ['w_function', 'w_self']

    def __init__(self, w_function, w_self):
        self.w_function = w_function
        self.w_self = w_self

    def getclass(self, space):
        return space.w_method

    def op_repr(self, space):
        w_func = self.w_function
        if isinstance(w_func, W_BuiltinFunction):
            return "<built-in method %s of %s object at 0x%s>" % (
                w_func.name, space.type_name(self.w_self),
                space.address_hex(self.w_self))
        name = "?"
        if isinstance(w_func, W_FunctionObject):
            name = w_func.qualname
        return "<bound method %s of %s>" % (name,
                                            space.repr_str(self.w_self))


class W_CellObject(W_Root):
    """A closure cell; `w_value` None means empty."""

    def __init__(self, w_value):
        self.w_value = w_value

    def getclass(self, space):
        return space.w_cell


class W_Property(W_Root):
    """property(fget, fset, fdel, doc)."""

    def __init__(self, w_fget, w_fset, w_fdel, w_doc):
        self.w_fget = w_fget
        self.w_fset = w_fset
        self.w_fdel = w_fdel
        self.w_doc = w_doc
        self.name = ""           # set by __set_name__ (error messages)

    def getclass(self, space):
        return space.w_property


class W_StaticMethod(W_Root):
    def __init__(self, w_function):
        self.w_function = w_function

    def getclass(self, space):
        return space.w_staticmethod


class W_ClassMethod(W_Root):
    def __init__(self, w_function):
        self.w_function = w_function

    def getclass(self, space):
        return space.w_classmethod


class W_GetSetProperty(W_Root):
    """A data descriptor of a built-in type written in RPy:
    `getter(space, w_obj)` and, unless None, `setter(space, w_obj,
    w_value)`."""

    _immutable_fields_ = ['name', 'getter', 'setter', 'readonly']

    def __init__(self, name, getter, setter):
        self.name = name
        self.getter = getter
        # never None: a traced twin cannot compare a function pointer with
        # None (/tmp/lathe-bugs/fnptr/jit_void_fnptr.py)
        self.readonly = setter is None
        if setter is None:
            setter = readonly_setter
        self.setter = setter

    def getclass(self, space):
        return space.w_getset_descriptor


def readonly_setter(space, w_obj, w_value):
    raise space.error(space.w_AttributeError, "readonly attribute")


class W_SuperObject(W_Root):
    """super(type, obj): attribute lookup along type(obj)'s MRO after
    `w_start`; `w_self` is the object (or class) methods bind to."""

    def __init__(self, w_start, w_self, w_self_type):
        self.w_start = w_start
        self.w_self = w_self
        self.w_self_type = w_self_type

    def getclass(self, space):
        return space.w_super

    def op_repr(self, space):
        return "<super: <class '%s'>, <%s object>>" % (
            self.w_start.name, space.type_name(self.w_self))


class W_ModuleObject(W_Root):
    """A module: its name and its namespace (a W_DictObject, which is
    also the globals of its functions)."""

    def __init__(self, name, w_dict):
        self.name = name
        self.w_dict = w_dict
        self.filename = ""

    def getclass(self, space):
        return space.w_module

    def op_repr(self, space):
        if self.filename == "":
            return "<module '%s' (built-in)>" % self.name
        return "<module '%s' from '%s'>" % (self.name, self.filename)

    def has_instance_dict(self):
        return True

    def getdictvalue(self, space, name):
        return space.finditem_str(self.w_dict, name)

    def setdictvalue(self, space, name, w_value):
        space.setitem_str(self.w_dict, name, w_value)
        return True

    def deldictvalue(self, space, name):
        return space.delitem_str_if_present(self.w_dict, name)


def identity_hash(w_obj):
    return compute_identity_hash(w_obj)


class W_SliceObject(W_Root):
    """slice(start, stop, step); absent parts are space.w_None."""

    _immutable_fields_ = ['w_start', 'w_stop', 'w_step']

    def __init__(self, w_start, w_stop, w_step):
        self.w_start = w_start
        self.w_stop = w_stop
        self.w_step = w_step

    def getclass(self, space):
        return space.w_slice

    def op_repr(self, space):
        return "slice(%s, %s, %s)" % (space.repr_str(self.w_start),
                                      space.repr_str(self.w_stop),
                                      space.repr_str(self.w_step))

    def op_hash(self, space):
        raise space.error(space.w_TypeError, "unhashable type: 'slice'")

    def indices(self, space, length):
        """(start, stop, step, slicelength) for a sequence of `length`,
        as CPython's PySlice_GetIndicesEx."""
        if space.is_none(self.w_step):
            step = 1
        else:
            step = space.slice_index(self.w_step)
            if step == 0:
                raise space.error(space.w_ValueError,
                                  "slice step cannot be zero")
        if step < 0:
            lower = -1
            upper = length - 1
        else:
            lower = 0
            upper = length
        if space.is_none(self.w_start):
            if step < 0:
                start = upper
            else:
                start = lower
        else:
            start = space.slice_index(self.w_start)
            start = clamp_index(start, length, lower, upper)
        if space.is_none(self.w_stop):
            if step < 0:
                stop = lower
            else:
                stop = upper
        else:
            stop = space.slice_index(self.w_stop)
            stop = clamp_index(stop, length, lower, upper)
        if step < 0:
            if stop < start:
                slicelength = (start - stop - 1) // (-step) + 1
            else:
                slicelength = 0
        else:
            if start < stop:
                slicelength = (stop - start - 1) // step + 1
            else:
                slicelength = 0
        return start, stop, step, slicelength


def clamp_index(i, length, lower, upper):
    if i < 0:
        i += length
        if i < lower:
            i = lower
    elif i > upper:
        i = upper
    return i


# ---------------------------------------------------------------------------
# Argument checking for functions written in RPy


def arg_count_message(fname, min_n, max_n, given):
    if min_n == max_n:
        if min_n == 0:
            return "%s() takes no arguments (%d given)" % (fname, given)
        if min_n == 1:
            return "%s() takes exactly one argument (%d given)" % (fname,
                                                                   given)
        return "%s() takes exactly %d arguments (%d given)" % (fname, min_n,
                                                               given)
    if given < min_n:
        if min_n == 1:
            return "%s() takes at least 1 argument (%d given)" % (fname,
                                                                  given)
        return "%s() takes at least %d arguments (%d given)" % (fname, min_n,
                                                                given)
    if max_n == 1:
        return "%s() takes at most 1 argument (%d given)" % (fname, given)
    return "%s() takes at most %d arguments (%d given)" % (fname, max_n,
                                                           given)


def check_args(space, args, fname, min_n, max_n):
    """Positional arguments only, between min_n and max_n of them."""
    if args.has_keywords():
        raise space.error(space.w_TypeError,
                          "%s() takes no keyword arguments" % fname)
    n = len(args.args_w)
    if n < min_n or n > max_n:
        raise space.error(space.w_TypeError,
                          arg_count_message(fname, min_n, max_n, n))


def check_method_args(space, args, fname, min_n, max_n):
    """As check_args for a method: args_w[0] is self, not counted."""
    if args.has_keywords():
        raise space.error(space.w_TypeError,
                          "%s() takes no keyword arguments" % fname)
    n = len(args.args_w) - 1
    if n < min_n or n > max_n:
        raise space.error(space.w_TypeError,
                          arg_count_message(fname, min_n, max_n, n))


def parse_args(space, args, fname, names, min_n):
    """Positional arguments, then keywords, bound to `names`; returns a
    list of W_Root with None for the missing ones (at least min_n must be
    given).  TypeError for unknown or repeated keywords."""
    n = len(names)
    result = [None] * n
    given = len(args.args_w)
    if given > n:
        raise space.error(space.w_TypeError,
                          arg_count_message(fname, min_n, n, given))
    i = 0
    while i < given:
        result[i] = args.args_w[i]
        i += 1
    if args.keywords is not None:
        k = 0
        while k < len(args.keywords):
            name = args.keywords[k]
            index = -1
            j = 0
            while j < n:
                if names[j] == name:
                    index = j
                j += 1
            if index < 0:
                raise space.error(space.w_TypeError,
                                  "%s() got an unexpected keyword argument "
                                  "'%s'" % (fname, name))
            if result[index] is not None:
                raise space.error(space.w_TypeError,
                                  "%s() got multiple values for argument "
                                  "'%s'" % (fname, name))
            result[index] = args.keywords_w[k]
            k += 1
    i = 0
    while i < min_n:
        if result[i] is None:
            raise space.error(space.w_TypeError,
                              "%s() missing required argument '%s' (pos %d)"
                              % (fname, names[i], i + 1))
        i += 1
    return result
