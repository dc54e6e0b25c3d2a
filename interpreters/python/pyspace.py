"""pyspace: the object space -- every operation on Python objects.

`space` (the one ObjSpace, built at translation time) owns the built-in
types (pytypes.py fills them), the singletons, and the operations the
interpreter and the built-ins use: `space.binop`, `space.compare`,
`space.getitem`, `space.getattr_str`, `space.call_args`, `space.hash_w`,
`space.repr_str`, ...

Each operation tries the built-in behaviour first and then the Python
protocol:

* one-object operations (len, getitem, iter, next, repr, hash, bool,
  call, ...) are virtual methods `op_*` of the W_ classes: built-in
  classes implement what they support, and W_InstanceObject (instances of
  user classes) implements all of them by looking up the special method
  on its class (`user_len`, `user_getitem`, ... below);
* binary operators try `builtin_binop` on built-in operands, then the
  `__op__`/`__rop__` protocol with NotImplemented and the rule that a
  subclass' reflected method goes first;
* comparisons likewise (`__lt__` reflects to `__gt__`, `==` falls back to
  identity).

Calling a Python function is the interpreter's business: pyinterp
installs itself as `space.interp` (an object with `call_function`).
Errors are `OperationError`s made by `space.error(w_type, message)`.

The `_w` suffix means an RPy value comes back (`int_w`, `str_w`, `eq_w`,
`hash_w`); `_str` a str (`repr_str`).
"""

from rlib.jit import promote, elidable, we_are_jitted
from rlib.objectmodel import compute_unique_id, compute_identity_hash
from rlib.rarith import intmask

import pylong
from pyobjects import (W_Root, OperationError, operation_error, Arguments,
                       W_TypeObject, W_InstanceObject, W_BaseExceptionObject,
                       W_NoneObject, W_NotImplementedObject,
                       W_EllipsisObject, W_BuiltinFunction, W_FunctionObject,
                       W_MethodObject, W_Property, W_StaticMethod,
                       W_ClassMethod, W_GetSetProperty, W_SuperObject,
                       W_ModuleObject, W_SliceObject, W_CellObject,
                       LAYOUT_OBJECT, LAYOUT_EXCEPTION, LAYOUT_BUILTIN,
                       LAYOUT_FINAL, args0, args1, args2, args3)
from pyint import (W_IntObject, W_BoolObject, W_LongObject, W_FloatObject,
                   num_binop, num_compare, num_unary, num_abs, num_hash,
                   num_is_true, float_to_int_obj, int_powmod)
import pyint
from pystr import W_StrObject, W_BytesObject, newtext, str_repr
import pystr
from pylist import (W_ListObject, W_TupleObject, W_RangeObject,
                    W_ListIterObject, W_TupleIterObject, W_RangeIterObject,
                    list_extend_w)
from pydict import (W_DictObject, W_SetObject, W_DictViewObject, ITER_KEYS,
                    as_set, set_union, set_intersection, set_difference,
                    set_symmetric_difference, set_issubset,
                    set_difference_update, set_symmetric_difference_update,
                    dict_update_from)
import pyformat
import pyunicode
from pyfile import W_FileObject
from pyopcodes import (BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV,
                       BINOP_FLOORDIV, BINOP_MOD, BINOP_POW, BINOP_LSHIFT,
                       BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR,
                       BINOP_MATMUL, BINOP_METHODS, BINOP_RMETHODS,
                       BINOP_IMETHODS, BINOP_SYMBOLS, CMP_LT, CMP_LE, CMP_EQ,
                       CMP_NE, CMP_GT, CMP_GE, CMPOP_METHODS, CMPOP_RMETHODS,
                       CMPOP_SYMBOLS, UNARY_NEG, UNARY_POS, UNARY_INVERT,
                       UNARY_NOT, UNARYOP_METHODS, UNARYOP_SYMBOLS)
import pytypes
import pyrange

# Swapped comparison: a < b is b > a.
CMP_SWAPPED = [CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE]


class InterpHook(object):
    """What the space needs from the interpreter: pyinterp installs a
    subclass as `space.interp`.  This default makes the object model
    usable (and translatable) on its own, without Python functions."""

    def call_function(self, w_func, args):
        raise NotImplementedError

    def current_exception(self):
        return None

    def run_module_code(self, code, w_globals):
        raise NotImplementedError


class ObjSpace(object):
    """The object space (see the module doc)."""

    def __init__(self):
        self.w_None = W_NoneObject()
        self.w_NotImplemented = W_NotImplementedObject()
        self.w_Ellipsis = W_EllipsisObject()
        self.w_True = W_BoolObject(1)
        self.w_False = W_BoolObject(0)
        self.interp = InterpHook()
        self.repr_active = {}        # objects whose repr is being built
        self.int_max_str_digits = 4300  # sys.set_int_max_str_digits
        self.small_ints = []
        i = -5
        while i < 257:
            self.small_ints.append(W_IntObject(i))
            i += 1
        self.ascii_chars = []
        i = 0
        while i < 128:
            self.ascii_chars.append(W_StrObject(chr(i), 1))
            i += 1
        self.w_empty_str = W_StrObject("", 0)
        self.w_empty_tuple = W_TupleObject([])
        self.builtin_modules = {}
        self.modules = {}
        pytypes.setup_types(self)

    def builtin_type_by_name(self, name):
        return self.builtin_types[name]

    # -- the interpreter's state and the standard streams -------------------

    def current_exception(self):
        """The exception being handled (sys.exc_info()), or None."""
        return self.interp.current_exception()

    def sys_stdout(self):
        w_sys = self.builtin_modules["sys"]
        w_stdout = self.finditem_str(w_sys.w_dict, "stdout")
        if w_stdout is None:
            raise self.error(self.w_RuntimeError, "lost sys.stdout")
        return w_stdout

    def write_text(self, w_file, text):
        """file.write(text), direct for the VM's own file objects."""
        if isinstance(w_file, W_FileObject):
            w_file.write(self, text)
            return
        self.call_method1(w_file, "write", self.newtext(text))

    # -- making objects -----------------------------------------------------

    def newint(self, value):
        # The cache of small ints saves allocations in the interpreter; in
        # a trace a fresh (virtual) int is cheaper than a guarded lookup.
        if not we_are_jitted() and -5 <= value < 257:
            return self.small_ints[value + 5]
        return W_IntObject(value)

    def newlong(self, num):
        """An int object for the rbigint `num` (a word when it fits)."""
        if num.fits_int():
            return self.newint(num.toint())
        return W_LongObject(num)

    def newfloat(self, value):
        return W_FloatObject(value)

    def newbool(self, value):
        if value:
            return self.w_True
        return self.w_False

    def newtext(self, s):
        """A str object for UTF-8 text `s`."""
        return W_StrObject(s, pyunicode.utf8_codepoint_count(s))

    def newtext_ascii(self, s):
        """A str object for ASCII text `s`."""
        if len(s) == 1:
            return self.newchar(s[0])
        return W_StrObject(s, len(s))

    def newchar(self, c):
        o = ord(c)
        if o < 128:
            return self.ascii_chars[o]
        return W_StrObject(c, 1)

    def newbytes(self, s):
        return W_BytesObject(s)

    def newlist(self, items_w):
        return W_ListObject(items_w)

    def newtuple(self, items_w):
        if len(items_w) == 0:
            return self.w_empty_tuple
        return W_TupleObject(items_w)

    def newdict(self):
        return W_DictObject()

    def newset(self, frozen):
        return W_SetObject(frozen)

    # -- errors -------------------------------------------------------------

    def error(self, w_type, message):
        """An OperationError for a new `w_type(message)` (raise it)."""
        w_exc = W_BaseExceptionObject(w_type, [self.newtext(message)])
        return operation_error(w_exc)

    def error_args(self, w_type, args_w):
        return operation_error(W_BaseExceptionObject(w_type, args_w))

    def key_error(self, w_key):
        return operation_error(W_BaseExceptionObject(self.w_KeyError,
                                                     [w_key]))

    def stop_iteration(self, w_value):
        args_w = []
        if w_value is not None and w_value is not self.w_None:
            args_w.append(w_value)
        return operation_error(W_BaseExceptionObject(self.w_StopIteration,
                                                     args_w))

    def exception_matches(self, operr, w_type):
        return self.type(operr.w_value).issubtype(w_type)

    # -- type queries ---------------------------------------------------------

    def type(self, w_obj):
        return w_obj.getclass(self)

    def type_name(self, w_obj):
        return w_obj.getclass(self).name

    def is_none(self, w_obj):
        return w_obj is self.w_None

    def is_w(self, w_a, w_b):
        return w_a is w_b

    def is_same(self, w_a, w_b):
        """The `is` operator.  Ints in CPython's small-int cache range
        (-5..256) are one object there; here they may be fresh objects
        (traces do not use the cache), so they compare by value."""
        if w_a is w_b:
            return True
        if isinstance(w_a, W_IntObject) and isinstance(w_b, W_IntObject) \
                and not isinstance(w_a, W_BoolObject) and \
                not isinstance(w_b, W_BoolObject):
            x = w_a.intval
            return x == w_b.intval and -5 <= x < 257
        return False

    def is_tuple(self, w_obj):
        return isinstance(w_obj, W_TupleObject)

    def is_int(self, w_obj):
        w_obj = self.unwrap_base(w_obj)
        return isinstance(w_obj, W_IntObject) or \
            isinstance(w_obj, W_LongObject)

    def is_exact_int(self, w_obj):
        return isinstance(w_obj, W_IntObject)

    def is_str(self, w_obj):
        return isinstance(self.unwrap_base(w_obj), W_StrObject)

    def unwrap_base(self, w_obj):
        """The built-in value an instance of a subclass of a built-in type
        extends (the object itself otherwise)."""
        if isinstance(w_obj, W_InstanceObject):
            w_base = w_obj.w_base
            if w_base is not None:
                return w_base
        return w_obj

    def isinstance_w(self, w_obj, w_type):
        return self.type(w_obj).issubtype(w_type)

    def is_user_instance(self, w_obj):
        return isinstance(w_obj, W_InstanceObject)

    # -- unwrapping ---------------------------------------------------------

    def int_w(self, w_obj):
        """An RPy int from an int object (OverflowError if too big)."""
        w_base = self.unwrap_base(w_obj)
        if isinstance(w_base, W_IntObject):
            return w_base.intval
        if isinstance(w_base, W_LongObject):
            raise self.error(self.w_OverflowError,
                             "Python int too large to convert to C long")
        if isinstance(w_base, W_FloatObject):
            raise self.error(self.w_TypeError,
                             "'float' object cannot be interpreted as an "
                             "integer")
        return self.int_w(self.index_obj(w_obj, "'%s' object cannot be "
                                         "interpreted as an integer" %
                                         self.type_name(w_obj)))

    def index_obj(self, w_obj, message):
        """An int object from w_obj's __index__; TypeError(message)."""
        w_base = self.unwrap_base(w_obj)
        if isinstance(w_base, W_IntObject) or isinstance(w_base, W_LongObject):
            return w_base
        w_index = self.lookup_type_attr(w_obj, "__index__")
        if w_index is None:
            raise self.error(self.w_TypeError, message)
        w_result = self.call_function1(w_index, w_obj)
        w_result = self.unwrap_base(w_result)
        if not (isinstance(w_result, W_IntObject) or
                isinstance(w_result, W_LongObject)):
            raise self.error(self.w_TypeError,
                             "__index__ returned non-int (type %s)" %
                             self.type_name(w_result))
        return w_result

    def getindex_w(self, w_obj):
        """An index (IndexError when it does not fit a word)."""
        w_int = self.index_obj(w_obj, "'%s' object cannot be interpreted as "
                               "an integer" % self.type_name(w_obj))
        if isinstance(w_int, W_IntObject):
            return w_int.intval
        raise self.error(self.w_IndexError,
                         "cannot fit 'int' into an index-sized integer")

    def getindex_for_sequence(self, w_obj, what):
        if isinstance(w_obj, W_IntObject):
            return w_obj.intval
        w_int = self.index_obj(w_obj, "%s indices must be integers or slices,"
                               " not %s" % (what, self.type_name(w_obj)))
        if isinstance(w_int, W_IntObject):
            return w_int.intval
        raise self.error(self.w_IndexError,
                         "cannot fit 'int' into an index-sized integer")

    def slice_index(self, w_obj):
        """A slice bound: clamped to the word range."""
        if isinstance(w_obj, W_IntObject):
            return w_obj.intval
        w_int = self.index_obj(w_obj, "slice indices must be integers or None"
                               " or have an __index__ method")
        if isinstance(w_int, W_IntObject):
            return w_int.intval
        assert isinstance(w_int, W_LongObject)
        if w_int.num.sign < 0:
            return pylong.MININT
        return pylong.MAXINT

    def float_w(self, w_obj):
        w_base = self.unwrap_base(w_obj)
        if isinstance(w_base, W_FloatObject):
            return w_base.floatval
        if isinstance(w_base, W_IntObject):
            return float(w_base.intval)
        if isinstance(w_base, W_LongObject):
            return pyint.big_to_float(self, w_base.num)
        w_float = self.lookup_type_attr(w_obj, "__float__")
        if w_float is not None:
            w_res = self.unwrap_base(self.call_function1(w_float, w_obj))
            if isinstance(w_res, W_FloatObject):
                return w_res.floatval
            raise self.error(self.w_TypeError,
                             "%s.__float__ returned non-float (type %s)" %
                             (self.type_name(w_obj), self.type_name(w_res)))
        w_index = self.lookup_type_attr(w_obj, "__index__")
        if w_index is not None:
            return self.float_w(self.index_obj(w_obj, ""))
        raise self.error(self.w_TypeError,
                         "must be real number, not %s" %
                         self.type_name(w_obj))

    def float_for_percent(self, w_obj):
        return self.float_w(w_obj)

    def float_to_int(self, f):
        return float_to_int_obj(self, f)

    def int_from_index_or_int(self, w_obj, conv):
        w_int = self.lookup_type_attr(w_obj, "__int__")
        if w_int is None:
            w_int = self.lookup_type_attr(w_obj, "__index__")
        if w_int is None:
            raise self.error(self.w_TypeError,
                             "%%%s format: a real number is required, not %s"
                             % (conv, self.type_name(w_obj)))
        return self.unwrap_base(self.call_function1(w_int, w_obj))

    def str_w(self, w_obj):
        """The UTF-8 text of a str object; TypeError otherwise."""
        w_base = self.unwrap_base(w_obj)
        if isinstance(w_base, W_StrObject):
            return w_base.value
        raise self.error(self.w_TypeError,
                         "expected str, got %s" % self.type_name(w_obj))

    def text_w(self, w_obj):
        return self.str_w(w_obj)

    # -- truth, length, items ---------------------------------------------------

    def is_true(self, w_obj):
        if isinstance(w_obj, W_BoolObject):
            return w_obj.intval != 0
        if w_obj is self.w_None:
            return False
        return w_obj.op_bool(self)

    def len_w(self, w_obj):
        return w_obj.op_len(self)

    def len(self, w_obj):
        return self.newint(w_obj.op_len(self))

    def getitem(self, w_obj, w_key):
        return w_obj.op_getitem(self, w_key)

    def setitem(self, w_obj, w_key, w_value):
        w_obj.op_setitem(self, w_key, w_value)

    def delitem(self, w_obj, w_key):
        w_obj.op_delitem(self, w_key)

    def getitem_or_none(self, w_obj, w_key):
        """w_obj[w_key], or None on LookupError (str.translate)."""
        try:
            return w_obj.op_getitem(self, w_key)
        except OperationError as e:
            if self.exception_matches(e, self.w_LookupError):
                return None
            raise

    def finditem_str(self, w_dict, key):
        assert isinstance(w_dict, W_DictObject)
        return w_dict.getitem_str(self, key)

    def setitem_str(self, w_dict, key, w_value):
        assert isinstance(w_dict, W_DictObject)
        w_dict.setitem(self, self.newtext(key), w_value)

    def delitem_str_if_present(self, w_dict, key):
        assert isinstance(w_dict, W_DictObject)
        return w_dict.delitem(self, self.newtext(key))

    def contains(self, w_container, w_item):
        return w_container.op_contains(self, w_item)

    def contains_by_iteration(self, w_container, w_item):
        w_iter = self.iter(w_container)
        while True:
            w_x = self.next_or_none(w_iter)
            if w_x is None:
                return False
            if w_x is w_item or self.eq_w(w_x, w_item):
                return True

    # -- iteration ------------------------------------------------------------

    def iter(self, w_obj):
        return w_obj.op_iter(self)

    def next_or_none(self, w_iter):
        """The next item, or None at the end."""
        return w_iter.op_next(self)

    def next(self, w_iter):
        """next(it): StopIteration at the end."""
        w_item = w_iter.op_next(self)
        if w_item is None:
            raise self.stop_iteration(None)
        return w_item

    def listview(self, w_obj):
        """The items of an iterable, as a new RPy list."""
        w_base = self.unwrap_base(w_obj)
        if isinstance(w_base, W_ListObject):
            return list(w_base.items_w)
        if isinstance(w_base, W_TupleObject):
            return list(w_base.items_w)
        result = []
        w_iter = self.iter(w_obj)
        while True:
            w_item = w_iter.op_next(self)
            if w_item is None:
                return result
            result.append(w_item)

    def fixedview(self, w_obj):
        """The items of a tuple or list (not to be modified), else of any
        iterable."""
        w_base = self.unwrap_base(w_obj)
        if isinstance(w_base, W_TupleObject):
            return w_base.items_w
        if isinstance(w_base, W_ListObject):
            return w_base.items_w
        return self.listview(w_obj)

    def unpack_sequence(self, w_obj, n):
        """Exactly n items (UNPACK_SEQUENCE)."""
        w_base = self.unwrap_base(w_obj)
        if isinstance(w_base, W_TupleObject) or \
                isinstance(w_base, W_ListObject):
            items_w = self.fixedview(w_base)
            if len(items_w) == n:
                return items_w
            if len(items_w) > n:
                raise self.error(self.w_ValueError,
                                 "too many values to unpack (expected %d)" % n)
            raise self.error(self.w_ValueError,
                             "not enough values to unpack (expected %d, got "
                             "%d)" % (n, len(items_w)))
        w_iter = self.iter(w_obj)
        result = []
        while len(result) < n:
            w_item = w_iter.op_next(self)
            if w_item is None:
                raise self.error(self.w_ValueError,
                                 "not enough values to unpack (expected %d, "
                                 "got %d)" % (n, len(result)))
            result.append(w_item)
        if w_iter.op_next(self) is not None:
            raise self.error(self.w_ValueError,
                             "too many values to unpack (expected %d)" % n)
        return result

    # -- text -----------------------------------------------------------------

    def repr(self, w_obj):
        return self.newtext(w_obj.op_repr(self))

    def str(self, w_obj):
        if isinstance(w_obj, W_StrObject):
            return w_obj
        return self.newtext(w_obj.op_str(self))

    def repr_str(self, w_obj):
        return w_obj.op_repr(self)

    def str_str(self, w_obj):
        return w_obj.op_str(self)

    def repr_enter(self, w_obj):
        """False when w_obj's repr is already being computed (a cycle)."""
        if w_obj in self.repr_active:
            return False
        self.repr_active[w_obj] = True
        return True

    def repr_leave(self, w_obj):
        if w_obj in self.repr_active:
            del self.repr_active[w_obj]

    def default_repr(self, w_obj):
        w_type = self.type(w_obj)
        return "<%s object at 0x%s>" % (w_type.get_full_name(),
                                         self.address_hex(w_obj))

    def address_hex(self, w_obj):
        uid = compute_unique_id(w_obj)
        return pylong.fromint(uid).format_base(16)

    # -- hashing and equality ---------------------------------------------------

    def hash_w(self, w_obj):
        if isinstance(w_obj, W_StrObject):
            return w_obj.op_hash(self)
        if isinstance(w_obj, W_IntObject):
            return pylong.int_hash(w_obj.intval)
        return w_obj.op_hash(self)

    def hash(self, w_obj):
        return self.newint(self.hash_w(w_obj))

    def eq_w(self, w_a, w_b):
        """a == b as a bool, identity first (containers' rule)."""
        if w_a is w_b:
            return True
        if isinstance(w_a, W_StrObject) and isinstance(w_b, W_StrObject):
            return w_a.value == w_b.value
        if isinstance(w_a, W_IntObject) and isinstance(w_b, W_IntObject):
            return w_a.intval == w_b.intval
        return self.is_true(self.compare(CMP_EQ, w_a, w_b))

    def lt_w(self, w_a, w_b):
        if isinstance(w_a, W_IntObject) and isinstance(w_b, W_IntObject):
            return w_a.intval < w_b.intval
        return self.is_true(self.compare(CMP_LT, w_a, w_b))

    def eq(self, w_a, w_b):
        return self.compare(CMP_EQ, w_a, w_b)

    # -- comparisons -------------------------------------------------------------

    def compare(self, op, w_a, w_b):
        """w_a <op> w_b (COMPARE_OP), an object."""
        if isinstance(w_a, W_IntObject) and isinstance(w_b, W_IntObject):
            return self.newbool(pyint.cmp_result(
                op, pyint.int_cmp(w_a.intval, w_b.intval)))
        if not isinstance(w_a, W_InstanceObject) and \
                not isinstance(w_b, W_InstanceObject):
            r = self.builtin_compare(op, w_a, w_b)
            if r >= 0:
                return self.newbool(r == 1)
            return self.compare_fallback(op, w_a, w_b)
        return self.compare_slow(op, w_a, w_b)

    def builtin_compare(self, op, w_a, w_b):
        """0/1 for built-in operands that compare, -1 (NotImplemented)."""
        r = num_compare(self, op, w_a, w_b)
        if r >= 0:
            return r
        if isinstance(w_a, W_StrObject):
            if isinstance(w_b, W_StrObject):
                return str_compare(op, w_a.value, w_b.value)
            return -1
        if isinstance(w_a, W_ListObject):
            if isinstance(w_b, W_ListObject):
                return self.sequence_compare(op, w_a.items_w, w_b.items_w)
            return -1
        if isinstance(w_a, W_TupleObject):
            if isinstance(w_b, W_TupleObject):
                return self.sequence_compare(op, w_a.items_w, w_b.items_w)
            return -1
        if isinstance(w_a, W_DictObject):
            if isinstance(w_b, W_DictObject) and (op == CMP_EQ or
                                                  op == CMP_NE):
                eq = self.dict_equal(w_a, w_b)
                return int(eq == (op == CMP_EQ))
            return -1
        if isinstance(w_a, W_SetObject):
            if isinstance(w_b, W_SetObject):
                return self.set_compare(op, w_a, w_b)
            return -1
        if isinstance(w_a, W_BytesObject):
            if isinstance(w_b, W_BytesObject):
                return str_compare(op, w_a.value, w_b.value)
            return -1
        if is_range(w_a):
            if is_range(w_b) and (op == CMP_EQ or op == CMP_NE):
                if isinstance(w_a, W_RangeObject) and \
                        isinstance(w_b, W_RangeObject):
                    eq = range_equal(w_a, w_b)
                else:
                    eq = pyrange.long_range_equal(pyrange.as_long_range(w_a),
                                                  pyrange.as_long_range(w_b))
                return int(eq == (op == CMP_EQ))
            return -1
        if isinstance(w_a, W_DictViewObject) and \
                isinstance(w_b, W_DictViewObject) and \
                w_a.kind == ITER_KEYS and w_b.kind == ITER_KEYS:
            return self.set_compare(op, as_set(self, w_a), as_set(self, w_b))
        if isinstance(w_a, W_SliceObject) and isinstance(w_b, W_SliceObject):
            return self.sequence_compare(
                op, [w_a.w_start, w_a.w_stop, w_a.w_step],
                [w_b.w_start, w_b.w_stop, w_b.w_step])
        return -1

    def compare_fallback(self, op, w_a, w_b):
        """No comparison applies: == and != are identity, the others a
        TypeError."""
        if op == CMP_EQ:
            return self.newbool(w_a is w_b)
        if op == CMP_NE:
            return self.newbool(w_a is not w_b)
        raise self.error(self.w_TypeError,
                         "'%s' not supported between instances of '%s' and "
                         "'%s'" % (CMPOP_SYMBOLS[op], self.type_name(w_a),
                                   self.type_name(w_b)))

    def compare_slow(self, op, w_a, w_b):
        w_ta = self.type(w_a)
        w_tb = self.type(w_b)
        name = CMPOP_METHODS[op]
        rname = CMPOP_RMETHODS[op]
        # (unlike binary operators, the reflected comparison is tried even
        # between instances of one class: a < b falls back to b > a)
        w_impl_b = w_tb.lookup(rname)
        # a subclass' reflected method goes first
        if w_impl_b is not None and w_ta is not w_tb and \
                w_tb.issubtype(w_ta) and \
                w_tb.lookup_where(rname) is not w_ta.lookup_where(rname):
            w_res = self.call_descr(w_impl_b, w_b, args1(w_a))
            if w_res is not self.w_NotImplemented:
                return w_res
            w_impl_b = None
        w_impl_a = w_ta.lookup(name)
        if w_impl_a is not None:
            w_res = self.call_descr(w_impl_a, w_a, args1(w_b))
            if w_res is not self.w_NotImplemented:
                return w_res
        if w_impl_b is not None:
            w_res = self.call_descr(w_impl_b, w_b, args1(w_a))
            if w_res is not self.w_NotImplemented:
                return w_res
        if op == CMP_NE:
            # __ne__ defaults to the negation of __eq__
            w_eq = self.compare_slow_eq_only(w_a, w_b)
            if w_eq is not None:
                return self.newbool(not self.is_true(w_eq))
        return self.compare_fallback(op, w_a, w_b)

    def compare_slow_eq_only(self, w_a, w_b):
        w_impl = self.type(w_a).lookup("__eq__")
        if w_impl is not None and w_impl is not self.w_object_eq:
            w_res = self.call_descr(w_impl, w_a, args1(w_b))
            if w_res is not self.w_NotImplemented:
                return w_res
        w_impl = self.type(w_b).lookup("__eq__")
        if w_impl is not None and w_impl is not self.w_object_eq:
            w_res = self.call_descr(w_impl, w_b, args1(w_a))
            if w_res is not self.w_NotImplemented:
                return w_res
        return None

    def sequence_compare(self, op, a_w, b_w):
        i = 0
        while i < len(a_w) and i < len(b_w):
            w_x = a_w[i]
            w_y = b_w[i]
            if not (w_x is w_y or self.eq_w(w_x, w_y)):
                break
            i += 1
        if i >= len(a_w) or i >= len(b_w):
            return pyint.cmp_result(op, pyint.int_cmp(len(a_w), len(b_w)))
        if op == CMP_EQ:
            return 0
        if op == CMP_NE:
            return 1
        return int(self.is_true(self.compare(op, a_w[i], b_w[i])))

    def dict_equal(self, w_a, w_b):
        if w_a.used != w_b.used:
            return False
        i = 0
        while i < len(w_a.keys_w):
            w_k = w_a.keys_w[i]
            if w_k is not None:
                w_v = w_b.getitem(self, w_k)
                if w_v is None:
                    return False
                w_mine = w_a.values_w[i]
                if not (w_mine is w_v or self.eq_w(w_mine, w_v)):
                    return False
            i += 1
        return True

    def set_compare(self, op, w_a, w_b):
        if op == CMP_EQ:
            return int(w_a.used == w_b.used and set_issubset(self, w_a, w_b))
        if op == CMP_NE:
            return int(not (w_a.used == w_b.used and
                            set_issubset(self, w_a, w_b)))
        if op == CMP_LE:
            return int(set_issubset(self, w_a, w_b))
        if op == CMP_GE:
            return int(set_issubset(self, w_b, w_a))
        if op == CMP_LT:
            return int(w_a.used < w_b.used and set_issubset(self, w_a, w_b))
        return int(w_a.used > w_b.used and set_issubset(self, w_b, w_a))

    # -- binary operators ----------------------------------------------------

    def binop(self, op, w_a, w_b):
        """w_a <op> w_b (BINARY_OP)."""
        if isinstance(w_a, W_IntObject) and isinstance(w_b, W_IntObject):
            if op >= BINOP_AND and op <= BINOP_XOR and \
                    isinstance(w_a, W_BoolObject) and \
                    isinstance(w_b, W_BoolObject):
                return self.bool_binop(op, w_a.intval, w_b.intval)
            w_res = pyint.int_binop(self, op, w_a.intval, w_b.intval)
            if w_res is not None:
                return w_res
        if not isinstance(w_a, W_InstanceObject) and \
                not isinstance(w_b, W_InstanceObject):
            w_res = self.builtin_binop(op, w_a, w_b)
            if w_res is not None:
                return w_res
            raise self.binop_type_error(op, w_a, w_b)
        return self.binop_slow(op, w_a, w_b)

    def add(self, w_a, w_b):
        return self.binop(BINOP_ADD, w_a, w_b)

    def sub(self, w_a, w_b):
        return self.binop(BINOP_SUB, w_a, w_b)

    def mul(self, w_a, w_b):
        return self.binop(BINOP_MUL, w_a, w_b)

    def binop_type_error(self, op, w_a, w_b):
        if op == BINOP_POW:
            return self.error(self.w_TypeError,
                              "unsupported operand type(s) for ** or pow(): "
                              "'%s' and '%s'" % (self.type_name(w_a),
                                                 self.type_name(w_b)))
        if op == BINOP_ADD and isinstance(w_a, W_StrObject):
            return self.error(self.w_TypeError,
                              "can only concatenate str (not \"%s\") to str"
                              % self.type_name(w_b))
        if op == BINOP_ADD and isinstance(w_a, W_ListObject):
            return self.error(self.w_TypeError,
                              "can only concatenate list (not \"%s\") to list"
                              % self.type_name(w_b))
        if op == BINOP_ADD and isinstance(w_a, W_TupleObject):
            return self.error(self.w_TypeError,
                              "can only concatenate tuple (not \"%s\") to "
                              "tuple" % self.type_name(w_b))
        if op == BINOP_MUL and (is_sequence(w_a) or is_sequence(w_b)):
            w_other = w_b
            if not is_sequence(w_a):
                w_other = w_a
            return self.error(self.w_TypeError,
                              "can't multiply sequence by non-int of type "
                              "'%s'" % self.type_name(w_other))
        return self.error(self.w_TypeError,
                          "unsupported operand type(s) for %s: '%s' and '%s'"
                          % (BINOP_SYMBOLS[op], self.type_name(w_a),
                             self.type_name(w_b)))

    def bool_binop(self, op, a, b):
        if op == BINOP_AND:
            return self.newbool((a & b) != 0)
        if op == BINOP_OR:
            return self.newbool((a | b) != 0)
        return self.newbool((a ^ b) != 0)

    def builtin_binop(self, op, w_a, w_b):
        """The built-in types' operators; None (NotImplemented)."""
        if op >= BINOP_AND and op <= BINOP_XOR and \
                isinstance(w_a, W_BoolObject) and isinstance(w_b, W_BoolObject):
            return self.bool_binop(op, w_a.intval, w_b.intval)
        w_res = num_binop(self, op, w_a, w_b)
        if w_res is not None:
            return w_res
        if isinstance(w_a, W_StrObject):
            if op == BINOP_ADD and isinstance(w_b, W_StrObject):
                return W_StrObject(w_a.value + w_b.value,
                                   w_a.length + w_b.length)
            if op == BINOP_MUL and isinstance(w_b, W_IntObject):
                n = max_zero(w_b.intval)
                self.check_repeat(len(w_a.value), n)
                return W_StrObject(w_a.value * n, w_a.length * n)
            if op == BINOP_MOD:
                return pyformat.format_percent(self, w_a, w_b)
            return None
        if isinstance(w_a, W_ListObject):
            if op == BINOP_ADD and isinstance(w_b, W_ListObject):
                return W_ListObject(w_a.items_w + w_b.items_w)
            if op == BINOP_MUL and isinstance(w_b, W_IntObject):
                return W_ListObject(repeat_items(self, w_a.items_w,
                                                 w_b.intval))
            return None
        if isinstance(w_a, W_TupleObject):
            if op == BINOP_ADD and isinstance(w_b, W_TupleObject):
                return self.newtuple(w_a.items_w + w_b.items_w)
            if op == BINOP_MUL and isinstance(w_b, W_IntObject):
                return self.newtuple(repeat_items(self, w_a.items_w,
                                                  w_b.intval))
            return None
        if isinstance(w_a, W_IntObject) and op == BINOP_MUL:
            if isinstance(w_b, W_StrObject) or isinstance(w_b, W_ListObject) \
                    or isinstance(w_b, W_TupleObject) or \
                    isinstance(w_b, W_BytesObject):
                return self.builtin_binop(op, w_b, w_a)
            return None
        if isinstance(w_a, W_SetObject) and isinstance(w_b, W_SetObject):
            return self.set_binop(op, w_a, w_b)
        if isinstance(w_a, W_DictObject) and isinstance(w_b, W_DictObject) \
                and op == BINOP_OR:
            w_res = w_a.copy()
            pydict_update(self, w_res, w_b)
            return w_res
        if isinstance(w_a, W_BytesObject):
            if op == BINOP_ADD and isinstance(w_b, W_BytesObject):
                return W_BytesObject(w_a.value + w_b.value)
            if op == BINOP_MUL and isinstance(w_b, W_IntObject):
                n = max_zero(w_b.intval)
                self.check_repeat(len(w_a.value), n)
                return W_BytesObject(w_a.value * n)
            return None
        if isinstance(w_a, W_DictViewObject) and w_a.kind == ITER_KEYS:
            if isinstance(w_b, W_DictViewObject) or \
                    isinstance(w_b, W_SetObject):
                return self.set_binop(op, as_set(self, w_a),
                                      as_set(self, w_b))
        return None

    def check_repeat(self, size, n):
        if n > 0 and size > 0 and size * n // n != size:
            raise self.error(self.w_MemoryError, "")
        if size * n > 1 << 40:
            raise self.error(self.w_MemoryError, "")

    def set_binop(self, op, w_a, w_b):
        if op == BINOP_OR:
            return set_union(self, w_a, w_b, w_a.frozen)
        if op == BINOP_AND:
            return set_intersection(self, w_a, w_b, w_a.frozen)
        if op == BINOP_SUB:
            return set_difference(self, w_a, w_b, w_a.frozen)
        if op == BINOP_XOR:
            return set_symmetric_difference(self, w_a, w_b, w_a.frozen)
        return None

    def binop_slow(self, op, w_a, w_b):
        """The __op__ / __rop__ protocol."""
        w_ta = self.type(w_a)
        w_tb = self.type(w_b)
        name = BINOP_METHODS[op]
        rname = BINOP_RMETHODS[op]
        w_impl_b = None
        if w_ta is not w_tb:
            w_impl_b = w_tb.lookup(rname)
        if w_impl_b is not None and w_tb.issubtype(w_ta) and \
                w_tb.lookup_where(rname) is not w_ta.lookup_where(rname):
            w_res = self.call_descr(w_impl_b, w_b, args1(w_a))
            if w_res is not self.w_NotImplemented:
                return w_res
            w_impl_b = None
        w_impl_a = w_ta.lookup(name)
        if w_impl_a is not None:
            w_res = self.call_descr(w_impl_a, w_a, args1(w_b))
            if w_res is not self.w_NotImplemented:
                return w_res
        if w_impl_b is not None:
            w_res = self.call_descr(w_impl_b, w_b, args1(w_a))
            if w_res is not self.w_NotImplemented:
                return w_res
        raise self.binop_type_error(op, w_a, w_b)

    def inplace_binop(self, op, w_a, w_b):
        """w_a <op>= w_b (INPLACE_OP)."""
        if isinstance(w_a, W_IntObject) and isinstance(w_b, W_IntObject):
            w_res = pyint.int_binop(self, op, w_a.intval, w_b.intval)
            if w_res is not None:
                return w_res
        if isinstance(w_a, W_ListObject):
            if op == BINOP_ADD:
                pylist_extend(self, w_a, w_b)
                return w_a
            if op == BINOP_MUL and isinstance(w_b, W_IntObject):
                w_a.items_w = repeat_items(self, w_a.items_w, w_b.intval)
                return w_a
        if isinstance(w_a, W_SetObject) and not w_a.frozen and \
                isinstance(w_b, W_SetObject):
            return self.set_inplace(op, w_a, w_b)
        if isinstance(w_a, W_DictObject) and op == BINOP_OR:
            pydict_update(self, w_a, w_b)
            return w_a
        if isinstance(w_a, W_InstanceObject):
            w_impl = self.type(w_a).lookup(BINOP_IMETHODS[op])
            if w_impl is not None:
                w_res = self.call_descr(w_impl, w_a, args1(w_b))
                if w_res is not self.w_NotImplemented:
                    return w_res
        return self.binop(op, w_a, w_b)

    def set_inplace(self, op, w_a, w_b):
        if op == BINOP_OR:
            w_a.update(self, w_b)
            return w_a
        if op == BINOP_AND:
            w_res = set_intersection(self, w_a, w_b, False)
            w_a.table_keys = w_res.table_keys
            w_a.table_hashes = w_res.table_hashes
            w_a.fill = w_res.fill
            w_a.used = w_res.used
            return w_a
        if op == BINOP_SUB:
            set_difference_update(self, w_a, w_b)
            return w_a
        if op == BINOP_XOR:
            set_symmetric_difference_update(self, w_a, w_b)
            return w_a
        return self.binop(op, w_a, w_b)

    def pow3(self, w_a, w_b, w_m):
        """pow(a, b, m)."""
        if self.is_int(w_a) and self.is_int(w_b) and self.is_int(w_m):
            return int_powmod(self, self.unwrap_base(w_a),
                              self.unwrap_base(w_b), self.unwrap_base(w_m))
        w_impl = self.type(w_a).lookup("__pow__")
        if w_impl is not None and isinstance(w_a, W_InstanceObject):
            return self.call_descr(w_impl, w_a, args2(w_b, w_m))
        raise self.error(self.w_TypeError,
                         "unsupported operand type(s) for pow(): '%s', '%s', "
                         "'%s'" % (self.type_name(w_a), self.type_name(w_b),
                                   self.type_name(w_m)))

    def divmod(self, w_a, w_b):
        w_x = self.unwrap_base(w_a)
        w_y = self.unwrap_base(w_b)
        if not isinstance(w_a, W_InstanceObject) or w_x is not w_a:
            if isinstance(w_x, W_FloatObject) or isinstance(w_y, W_FloatObject):
                if pyint.num_kind(w_x) != pyint.K_OTHER and \
                        pyint.num_kind(w_y) != pyint.K_OTHER:
                    return pyint.float_divmod(self, self.float_w(w_x),
                                              self.float_w(w_y))
            elif self.is_int(w_x) and self.is_int(w_y):
                return self.newtuple([self.binop(BINOP_FLOORDIV, w_x, w_y),
                                      self.binop(BINOP_MOD, w_x, w_y)])
        w_impl = self.type(w_a).lookup("__divmod__")
        if w_impl is not None and isinstance(w_a, W_InstanceObject):
            w_res = self.call_descr(w_impl, w_a, args1(w_b))
            if w_res is not self.w_NotImplemented:
                return w_res
        w_impl = self.type(w_b).lookup("__rdivmod__")
        if w_impl is not None and isinstance(w_b, W_InstanceObject):
            w_res = self.call_descr(w_impl, w_b, args1(w_a))
            if w_res is not self.w_NotImplemented:
                return w_res
        raise self.error(self.w_TypeError,
                         "unsupported operand type(s) for divmod(): '%s' and "
                         "'%s'" % (self.type_name(w_a), self.type_name(w_b)))

    # -- unary operators -------------------------------------------------------

    def unaryop(self, op, w_a):
        if op == UNARY_NOT:
            return self.newbool(not self.is_true(w_a))
        w_res = num_unary(self, op, w_a)
        if w_res is not None:
            return w_res
        if isinstance(w_a, W_InstanceObject):
            w_impl = self.type(w_a).lookup(UNARYOP_METHODS[op])
            if w_impl is not None:
                return self.call_descr(w_impl, w_a, args0())
        raise self.error(self.w_TypeError,
                         "bad operand type for unary %s: '%s'" %
                         (UNARYOP_SYMBOLS[op], self.type_name(w_a)))

    def abs(self, w_a):
        w_res = num_abs(self, w_a)
        if w_res is not None:
            return w_res
        if isinstance(w_a, W_InstanceObject):
            w_impl = self.type(w_a).lookup("__abs__")
            if w_impl is not None:
                return self.call_descr(w_impl, w_a, args0())
        raise self.error(self.w_TypeError,
                         "bad operand type for abs(): '%s'" %
                         self.type_name(w_a))

    # -- attributes ------------------------------------------------------------

    def lookup_type_attr(self, w_obj, name):
        """name looked up on type(w_obj) (special method lookup)."""
        return self.type(w_obj).lookup(name)

    def getattr(self, w_obj, w_name):
        return self.getattr_str(w_obj, self.str_w(w_name))

    def getattr_str(self, w_obj, name):
        w_value = self.getattr_or_none(w_obj, name)
        if w_value is None:
            raise self.attribute_error(w_obj, name)
        return w_value

    def attribute_error(self, w_obj, name):
        if isinstance(w_obj, W_TypeObject):
            return self.error(self.w_AttributeError,
                              "type object '%s' has no attribute '%s'" %
                              (w_obj.name, name))
        if isinstance(w_obj, W_ModuleObject):
            return self.error(self.w_AttributeError,
                              "module '%s' has no attribute '%s'" %
                              (w_obj.name, name))
        return self.error(self.w_AttributeError,
                          "'%s' object has no attribute '%s'" %
                          (self.type_name(w_obj), name))

    def getattr_or_none(self, w_obj, name):
        """w_obj.name, or None when there is no such attribute (other
        errors propagate).  Runs __getattr__ when the class has one."""
        if isinstance(w_obj, W_TypeObject):
            return self.type_getattr(w_obj, name)
        if isinstance(w_obj, W_SuperObject):
            return self.super_getattr(w_obj, name)
        w_type = self.type(w_obj)
        if w_type.has_user_getattribute:
            return self.call_user_getattribute(w_type, w_obj, name)
        w_value = self.generic_getattr(w_type, w_obj, name)
        if w_value is None and w_type.has_user_getattr:
            w_getattr = w_type.lookup("__getattr__")
            if w_getattr is not None:
                try:
                    return self.call_descr(w_getattr, w_obj,
                                           args1(self.newtext(name)))
                except OperationError as e:
                    if self.exception_matches(e, self.w_AttributeError):
                        return None
                    raise
        return w_value

    def call_user_getattribute(self, w_type, w_obj, name):
        w_ga = w_type.lookup("__getattribute__")
        try:
            return self.call_descr(w_ga, w_obj, args1(self.newtext(name)))
        except OperationError as e:
            if not self.exception_matches(e, self.w_AttributeError):
                raise
        if w_type.has_user_getattr:
            w_getattr = w_type.lookup("__getattr__")
            if w_getattr is not None:
                try:
                    return self.call_descr(w_getattr, w_obj,
                                           args1(self.newtext(name)))
                except OperationError as e:
                    if self.exception_matches(e, self.w_AttributeError):
                        return None
                    raise
        return None

    def generic_getattr(self, w_type, w_obj, name):
        """object.__getattribute__: data descriptors, the instance's own
        attributes, then other class attributes; None if missing."""
        w_descr = w_type.lookup(name)
        if w_descr is not None and self.is_data_descr(w_descr):
            return self.descr_get(w_descr, w_obj, w_type)
        w_value = w_obj.getdictvalue(self, name)
        if w_value is not None:
            return w_value
        if w_descr is not None:
            return self.descr_get(w_descr, w_obj, w_type)
        return None

    def is_data_descr(self, w_descr):
        if isinstance(w_descr, W_Property) or \
                isinstance(w_descr, W_GetSetProperty):
            return True
        if isinstance(w_descr, W_InstanceObject):
            w_t = self.type(w_descr)
            return w_t.lookup("__set__") is not None or \
                w_t.lookup("__delete__") is not None
        return False

    def descr_get(self, w_descr, w_obj, w_type):
        """Bind a class attribute found for instance w_obj."""
        if isinstance(w_descr, W_FunctionObject):
            return W_MethodObject(w_descr, w_obj)
        if isinstance(w_descr, W_BuiltinFunction):
            if w_descr.binds:
                return W_MethodObject(w_descr, w_obj)
            return w_descr
        if isinstance(w_descr, W_StaticMethod):
            return w_descr.w_function
        if isinstance(w_descr, W_ClassMethod):
            return W_MethodObject(w_descr.w_function, w_type)
        if isinstance(w_descr, W_Property):
            if w_descr.w_fget is None or self.is_none(w_descr.w_fget):
                raise self.property_error(w_descr, w_obj, "getter")
            return self.call_function1(w_descr.w_fget, w_obj)
        if isinstance(w_descr, W_GetSetProperty):
            getter = w_descr.getter
            return getter(self, w_obj)
        if isinstance(w_descr, W_InstanceObject):
            w_get = self.type(w_descr).lookup("__get__")
            if w_get is not None:
                return self.call_descr(w_get, w_descr, args2(w_obj, w_type))
        return w_descr

    def type_getattr(self, w_type, name):
        """C.name: the metatype's data descriptors, the class' MRO, then
        the metatype's other attributes."""
        w_meta = self.type(w_type)
        w_meta_descr = w_meta.lookup(name)
        if w_meta_descr is not None and self.is_data_descr(w_meta_descr):
            return self.descr_get(w_meta_descr, w_type, w_meta)
        w_value = w_type.lookup(name)
        if w_value is not None:
            return self.descr_get_class(w_value, w_type)
        if w_meta_descr is not None:
            return self.descr_get(w_meta_descr, w_type, w_meta)
        return None

    def descr_get_class(self, w_value, w_type):
        """Bind a class attribute read through the class itself."""
        if isinstance(w_value, W_StaticMethod):
            return w_value.w_function
        if isinstance(w_value, W_ClassMethod):
            return W_MethodObject(w_value.w_function, w_type)
        if isinstance(w_value, W_InstanceObject):
            w_get = self.type(w_value).lookup("__get__")
            if w_get is not None:
                return self.call_descr(w_get, w_value,
                                       args2(self.w_None, w_type))
        return w_value

    def super_getattr(self, w_super, name):
        w_self_type = w_super.w_self_type
        w_value = w_self_type.lookup_after(w_super.w_start, name)
        if w_value is None:
            w_type = self.type(w_super)
            w_descr = w_type.lookup(name)
            if w_descr is not None:
                return self.descr_get(w_descr, w_super, w_type)
            return None
        w_self = w_super.w_self
        if w_self is w_self_type and isinstance(w_self, W_TypeObject) and \
                not isinstance(w_value, W_ClassMethod):
            # super(C, C).f: unbound (the object is the class)
            return self.descr_get_class(w_value, w_self_type)
        return self.descr_get(w_value, w_self, w_self_type)

    def setattr_str(self, w_obj, name, w_value):
        if isinstance(w_obj, W_TypeObject):
            self.type_setattr(w_obj, name, w_value)
            return
        w_type = self.type(w_obj)
        if w_type.has_user_setattr:
            w_sa = w_type.lookup("__setattr__")
            self.call_descr(w_sa, w_obj, args2(self.newtext(name), w_value))
            return
        self.generic_setattr(w_type, w_obj, name, w_value)

    def generic_setattr(self, w_type, w_obj, name, w_value):
        w_descr = w_type.lookup(name)
        if w_descr is not None and self.is_data_descr(w_descr):
            self.descr_set(w_descr, w_obj, w_value)
            return
        if w_type.slot_names is not None and not in_str_list(
                w_type.slot_names, name):
            raise self.error(self.w_AttributeError,
                             "'%s' object has no attribute '%s'" %
                             (w_type.name, name))
        if w_type is self.w_object or \
                not w_obj.setdictvalue(self, name, w_value):
            if w_descr is not None:
                raise self.error(self.w_AttributeError,
                                 "'%s' object attribute '%s' is read-only" %
                                 (w_type.name, name))
            raise self.error(self.w_AttributeError,
                             "'%s' object has no attribute '%s'" %
                             (w_type.name, name))

    def descr_set(self, w_descr, w_obj, w_value):
        if isinstance(w_descr, W_Property):
            if w_descr.w_fset is None or self.is_none(w_descr.w_fset):
                raise self.property_error(w_descr, w_obj, "setter")
            self.call_function2(w_descr.w_fset, w_obj, w_value)
            return
        if isinstance(w_descr, W_GetSetProperty):
            setter = w_descr.setter
            if w_descr.readonly:
                raise self.error(self.w_AttributeError,
                                 "attribute '%s' of '%s' objects is not "
                                 "writable" % (w_descr.name,
                                               self.type_name(w_obj)))
            setter(self, w_obj, w_value)
            return
        w_set = self.type(w_descr).lookup("__set__")
        if w_set is None:
            raise self.error(self.w_AttributeError, "__set__")
        self.call_descr(w_set, w_descr, args2(w_obj, w_value))

    def property_error(self, w_prop, w_obj, what):
        if w_prop.name == "":
            return self.error(self.w_AttributeError,
                              "property of '%s' object has no %s" %
                              (self.type_name(w_obj), what))
        return self.error(self.w_AttributeError,
                          "property '%s' of '%s' object has no %s" %
                          (w_prop.name, self.type_name(w_obj), what))

    def type_setattr(self, w_type, name, w_value):
        if w_type.is_builtin:
            raise self.error(self.w_TypeError,
                             "cannot set '%s' attribute of immutable type "
                             "'%s'" % (name, w_type.name))
        w_meta_descr = self.type(w_type).lookup(name)
        if w_meta_descr is not None and self.is_data_descr(w_meta_descr):
            self.descr_set(w_meta_descr, w_type, w_value)
            return
        w_type.set_attr(name, w_value)
        pytypes.update_type_flags(self, w_type, name)

    def delattr_str(self, w_obj, name):
        if isinstance(w_obj, W_TypeObject):
            if w_obj.is_builtin or not w_obj.del_attr(name):
                raise self.attribute_error(w_obj, name)
            return
        w_type = self.type(w_obj)
        if w_type.has_user_delattr:
            w_da = w_type.lookup("__delattr__")
            self.call_descr(w_da, w_obj, args1(self.newtext(name)))
            return
        self.generic_delattr(w_type, w_obj, name)

    def generic_delattr(self, w_type, w_obj, name):
        w_descr = w_type.lookup(name)
        if w_descr is not None and self.is_data_descr(w_descr):
            if isinstance(w_descr, W_Property):
                if w_descr.w_fdel is None or self.is_none(w_descr.w_fdel):
                    raise self.property_error(w_descr, w_obj, "deleter")
                self.call_function1(w_descr.w_fdel, w_obj)
                return
            if isinstance(w_descr, W_InstanceObject):
                w_del = self.type(w_descr).lookup("__delete__")
                if w_del is not None:
                    self.call_descr(w_del, w_descr, args1(w_obj))
                    return
        if not w_obj.deldictvalue(self, name):
            raise self.attribute_error(w_obj, name)

    def hasattr_w(self, w_obj, name):
        try:
            return self.getattr_or_none(w_obj, name) is not None
        except OperationError as e:
            if self.exception_matches(e, self.w_AttributeError):
                return False
            raise

    # -- calls --------------------------------------------------------------

    def call_args(self, w_callable, args):
        if isinstance(w_callable, W_FunctionObject):
            return self.interp.call_function(w_callable, args)
        if isinstance(w_callable, W_BuiltinFunction):
            return w_callable.call(self, args)
        if isinstance(w_callable, W_MethodObject):
            return self.call_args(w_callable.w_function,
                                  args.prepend(w_callable.w_self))
        if isinstance(w_callable, W_TypeObject):
            w_meta = w_callable.w_metaclass
            if w_meta is not None:
                w_call = w_meta.lookup("__call__")
                if w_call is not self.w_type_call:
                    return self.call_descr(w_call, w_callable, args)
            return pytypes.type_call(self, w_callable, args)
        return w_callable.op_call(self, args)

    def call_descr(self, w_descr, w_obj, args):
        """Call the class attribute w_descr on instance w_obj (a special
        method): functions get w_obj first without a bound method."""
        if isinstance(w_descr, W_FunctionObject):
            return self.interp.call_function(w_descr, args.prepend(w_obj))
        if isinstance(w_descr, W_BuiltinFunction) and w_descr.binds:
            return w_descr.call(self, args.prepend(w_obj))
        w_bound = self.descr_get(w_descr, w_obj, self.type(w_obj))
        return self.call_args(w_bound, args)

    def call_function0(self, w_callable):
        return self.call_args(w_callable, args0())

    def call_function1(self, w_callable, w_a):
        return self.call_args(w_callable, args1(w_a))

    def call_function2(self, w_callable, w_a, w_b):
        return self.call_args(w_callable, args2(w_a, w_b))

    def call_function3(self, w_callable, w_a, w_b, w_c):
        return self.call_args(w_callable, args3(w_a, w_b, w_c))

    def call_method0(self, w_obj, name):
        return self.call_function0(self.getattr_str(w_obj, name))

    def call_method1(self, w_obj, name, w_a):
        return self.call_function1(self.getattr_str(w_obj, name), w_a)

    def callable_w(self, w_obj):
        if isinstance(w_obj, W_FunctionObject) or \
                isinstance(w_obj, W_BuiltinFunction) or \
                isinstance(w_obj, W_MethodObject) or \
                isinstance(w_obj, W_TypeObject):
            return True
        return self.lookup_type_attr(w_obj, "__call__") is not None

    # -- the special-method protocol of user instances ----------------------------

    def special(self, w_obj, name):
        return self.type(w_obj).lookup(name)

    def user_len(self, w_obj):
        w_impl = self.special(w_obj, "__len__")
        if w_impl is None:
            raise self.error(self.w_TypeError,
                             "object of type '%s' has no len()" %
                             self.type_name(w_obj))
        w_res = self.call_descr(w_impl, w_obj, args0())
        w_int = self.index_obj(w_res, "'%s' object cannot be interpreted as "
                               "an integer" % self.type_name(w_res))
        if not isinstance(w_int, W_IntObject):
            raise self.error(self.w_OverflowError,
                             "cannot fit 'int' into an index-sized integer")
        if w_int.intval < 0:
            raise self.error(self.w_ValueError, "__len__() should return >= 0")
        return w_int.intval

    def user_getitem(self, w_obj, w_key):
        w_impl = self.special(w_obj, "__getitem__")
        if w_impl is None:
            raise self.error(self.w_TypeError,
                             "'%s' object is not subscriptable" %
                             self.type_name(w_obj))
        return self.call_descr(w_impl, w_obj, args1(w_key))

    def user_setitem(self, w_obj, w_key, w_value):
        w_impl = self.special(w_obj, "__setitem__")
        if w_impl is None:
            raise self.error(self.w_TypeError,
                             "'%s' object does not support item assignment" %
                             self.type_name(w_obj))
        self.call_descr(w_impl, w_obj, args2(w_key, w_value))

    def user_delitem(self, w_obj, w_key):
        w_impl = self.special(w_obj, "__delitem__")
        if w_impl is None:
            raise self.error(self.w_TypeError,
                             "'%s' object doesn't support item deletion" %
                             self.type_name(w_obj))
        self.call_descr(w_impl, w_obj, args1(w_key))

    def user_iter(self, w_obj):
        w_impl = self.special(w_obj, "__iter__")
        if w_impl is None or w_impl is self.w_None:
            if w_impl is None and \
                    self.special(w_obj, "__getitem__") is not None:
                return pytypes.W_SeqIterObject(w_obj)
            raise self.error(self.w_TypeError,
                             "'%s' object is not iterable" %
                             self.type_name(w_obj))
        w_iter = self.call_descr(w_impl, w_obj, args0())
        if self.special(w_iter, "__next__") is None:
            raise self.error(self.w_TypeError,
                             "iter() returned non-iterator of type '%s'" %
                             self.type_name(w_iter))
        return w_iter

    def user_next(self, w_obj):
        w_impl = self.special(w_obj, "__next__")
        if w_impl is None:
            raise self.error(self.w_TypeError,
                             "'%s' object is not an iterator" %
                             self.type_name(w_obj))
        try:
            return self.call_descr(w_impl, w_obj, args0())
        except OperationError as e:
            if self.exception_matches(e, self.w_StopIteration):
                return None
            raise

    def user_contains(self, w_obj, w_item):
        w_impl = self.special(w_obj, "__contains__")
        if w_impl is None:
            if self.special(w_obj, "__iter__") is None and \
                    self.special(w_obj, "__getitem__") is None:
                raise self.error(self.w_TypeError,
                                 "argument of type '%s' is not iterable" %
                                 self.type_name(w_obj))
            return self.contains_by_iteration(w_obj, w_item)
        return self.is_true(self.call_descr(w_impl, w_obj, args1(w_item)))

    def user_repr(self, w_obj):
        w_impl = self.special(w_obj, "__repr__")
        w_res = self.call_descr(w_impl, w_obj, args0())
        w_s = self.unwrap_base(w_res)
        if not isinstance(w_s, W_StrObject):
            raise self.error(self.w_TypeError,
                             "__repr__ returned non-string (type %s)" %
                             self.type_name(w_res))
        return w_s.value

    def user_str(self, w_obj):
        w_impl = self.special(w_obj, "__str__")
        w_res = self.call_descr(w_impl, w_obj, args0())
        w_s = self.unwrap_base(w_res)
        if not isinstance(w_s, W_StrObject):
            raise self.error(self.w_TypeError,
                             "__str__ returned non-string (type %s)" %
                             self.type_name(w_res))
        return w_s.value

    def user_hash(self, w_obj):
        w_impl = self.special(w_obj, "__hash__")
        if w_impl is None or w_impl is self.w_None:
            raise self.error(self.w_TypeError,
                             "unhashable type: '%s'" % self.type_name(w_obj))
        w_res = self.unwrap_base(self.call_descr(w_impl, w_obj, args0()))
        if isinstance(w_res, W_IntObject):
            h = w_res.intval
            if h == -1:
                return -2
            return h
        if isinstance(w_res, W_LongObject):
            return w_res.num.hash()
        raise self.error(self.w_TypeError,
                         "__hash__ method should return an integer")

    def user_bool(self, w_obj):
        w_impl = self.special(w_obj, "__bool__")
        if w_impl is not None:
            w_res = self.call_descr(w_impl, w_obj, args0())
            if not isinstance(w_res, W_BoolObject):
                raise self.error(self.w_TypeError,
                                 "__bool__ should return bool, returned %s" %
                                 self.type_name(w_res))
            return w_res.intval != 0
        w_impl = self.special(w_obj, "__len__")
        if w_impl is not None:
            return self.user_len(w_obj) != 0
        return True

    def user_call(self, w_obj, args):
        w_impl = self.special(w_obj, "__call__")
        if w_impl is None:
            raise self.error(self.w_TypeError,
                             "'%s' object is not callable" %
                             self.type_name(w_obj))
        return self.call_descr(w_impl, w_obj, args)

    # -- formatting ------------------------------------------------------------

    def format(self, w_obj, spec):
        """format(w_obj, spec) as a str object."""
        return self.newtext(pyformat.format_object(self, w_obj, spec))

    def type_has_default_format(self, w_obj):
        """True if type(w_obj).__format__ is a built-in type's."""
        w_impl = self.special(w_obj, "__format__")
        return isinstance(w_impl, W_BuiltinFunction)

    def call_format_method(self, w_obj, spec):
        w_impl = self.special(w_obj, "__format__")
        w_res = self.call_descr(w_impl, w_obj, args1(self.newtext(spec)))
        if not isinstance(self.unwrap_base(w_res), W_StrObject):
            raise self.error(self.w_TypeError,
                             "__format__ must return a str, not %s" %
                             self.type_name(w_res))
        return w_res

    def is_mapping_for_percent(self, w_obj):
        if isinstance(w_obj, W_TupleObject) or isinstance(w_obj, W_StrObject):
            return False
        if isinstance(self.unwrap_base(w_obj), W_DictObject):
            return True
        return isinstance(w_obj, W_InstanceObject) and \
            self.special(w_obj, "__getitem__") is not None


# ---------------------------------------------------------------------------
# Helpers


def str_compare(op, a, b):
    if op == CMP_EQ:
        return int(a == b)
    if op == CMP_NE:
        return int(a != b)
    if op == CMP_LT:
        return int(a < b)
    if op == CMP_LE:
        return int(a <= b)
    if op == CMP_GT:
        return int(a > b)
    return int(a >= b)


def range_equal(w_a, w_b):
    if w_a.length != w_b.length:
        return False
    if w_a.length == 0:
        return True
    if w_a.start != w_b.start:
        return False
    return w_a.length == 1 or w_a.step == w_b.step


def in_str_list(names, name):
    for n in names:
        if n == name:
            return True
    return False


def is_range(w_obj):
    return isinstance(w_obj, W_RangeObject) or \
        isinstance(w_obj, pyrange.W_LongRangeObject)


def is_sequence(w_obj):
    return isinstance(w_obj, W_StrObject) or isinstance(w_obj, W_ListObject) \
        or isinstance(w_obj, W_TupleObject) or isinstance(w_obj, W_BytesObject)


def max_zero(n):
    if n < 0:
        return 0
    return n


def repeat_items(space, items_w, n):
    if n <= 0 or len(items_w) == 0:
        return []
    space.check_repeat(len(items_w), n)
    result = []
    i = 0
    while i < n:
        result.extend(items_w)
        i += 1
    return result


def pylist_extend(space, w_list, w_iterable):
    list_extend_w(space, w_list, w_iterable)


def pydict_update(space, w_dict, w_other):
    dict_update_from(space, w_dict, w_other)


space = ObjSpace()
