"""pydict: dict and set objects, their iterators and views.

Dicts keep insertion order (CPython 3.7+): entries live in three parallel
lists (`keys_w`, `values_w`, `hashes`) in insertion order, a deleted entry
leaves None in `keys_w`.  Small dicts (up to SMALL entries) are searched
linearly; bigger ones get an open-addressing `indices` table probed as
CPython probes (i = 5*i + 1 + perturb).  Keys are hashed with
`space.hash_w` and compared with identity first, then a str/int fast
path, then `space.eq_w` (which may run user `__eq__`; a table changed by
it is simply searched again from the start).

Sets reproduce CPython 3.11's setobject.c table exactly (size, linear
probes, perturbation, resize rule, dummies), because a set prints in its
table order: `print({3, 1, 2})` must show `{1, 2, 3}` as CPython does.

Iterators return None at the end.  Changing a dict's or set's size while
iterating raises RuntimeError as in CPython.
"""

from rlib.rarith import intmask, r_uint

from pyobjects import W_Root, OperationError, check_method_args, parse_args
from pystr import W_StrObject, str_hash
from pyint import W_IntObject

SMALL = 8
PERTURB_SHIFT = 5
LINEAR_PROBES = 9
SET_MINSIZE = 8

FREE = -1
DUMMY = -2
MAXINT = 9223372036854775807


class W_DictObject(W_Root):
    def __init__(self):
        self.keys_w = []
        self.values_w = []
        self.hashes = []
        self.indices = None
        self.used = 0

    def getclass(self, space):
        return space.w_dict

    def op_len(self, space):
        return self.used

    def op_getitem(self, space, w_key):
        w_value = self.getitem(space, w_key)
        if w_value is None:
            raise space.key_error(w_key)
        return w_value

    def op_setitem(self, space, w_key, w_value):
        self.setitem(space, w_key, w_value)

    def op_delitem(self, space, w_key):
        if not self.delitem(space, w_key):
            raise space.key_error(w_key)

    def op_iter(self, space):
        return W_DictIterObject(self, ITER_KEYS)

    def op_contains(self, space, w_item):
        return self.lookup(space, w_item, space.hash_w(w_item)) >= 0

    def op_repr(self, space):
        if self.used == 0:
            return "{}"
        if not space.repr_enter(self):
            return "{...}"
        try:
            parts = []
            i = 0
            while i < len(self.keys_w):
                w_key = self.keys_w[i]
                if w_key is not None:
                    parts.append(space.repr_str(w_key) + ": " +
                                 space.repr_str(self.values_w[i]))
                i += 1
            return "{" + ", ".join(parts) + "}"
        finally:
            space.repr_leave(self)

    def op_hash(self, space):
        raise space.error(space.w_TypeError, "unhashable type: 'dict'")

    def op_bool(self, space):
        return self.used > 0

    # -- the table --------------------------------------------------------

    def lookup(self, space, w_key, h):
        """The entry index of w_key, or -1."""
        if self.indices is None:
            return self.lookup_small(space, w_key, h)
        return self.lookup_table(space, w_key, h)

    def lookup_small(self, space, w_key, h):
        i = 0
        while i < len(self.keys_w):
            w_k = self.keys_w[i]
            if w_k is not None and self.hashes[i] == h:
                if w_k is w_key or keys_equal(space, w_k, w_key):
                    return i
            i += 1
        return -1

    def lookup_table(self, space, w_key, h):
        indices = self.indices
        mask = len(indices) - 1
        i = h & mask
        perturb = h & MAXINT
        while True:
            ix = indices[i]
            if ix == FREE:
                return -1
            if ix >= 0 and self.hashes[ix] == h:
                w_k = self.keys_w[ix]
                if w_k is w_key or keys_equal(space, w_k, w_key):
                    if self.indices is not indices or \
                            self.keys_w[ix] is not w_k:
                        # __eq__ changed the dict: search again
                        return self.lookup(space, w_key, h)
                    return ix
            perturb = perturb >> PERTURB_SHIFT
            i = next_probe(i, perturb, mask)

    def getitem(self, space, w_key):
        """The value for w_key, or None."""
        ix = self.lookup(space, w_key, space.hash_w(w_key))
        if ix < 0:
            return None
        return self.values_w[ix]

    def getitem_str(self, space, key):
        """The value for the str key `key` (no user code runs), or None."""
        h = hash_rstr(key)
        if self.indices is None:
            i = 0
            while i < len(self.keys_w):
                w_k = self.keys_w[i]
                if w_k is not None and self.hashes[i] == h and \
                        isinstance(w_k, W_StrObject) and w_k.value == key:
                    return self.values_w[i]
                i += 1
            return None
        indices = self.indices
        mask = len(indices) - 1
        i = h & mask
        perturb = h & MAXINT
        while True:
            ix = indices[i]
            if ix == FREE:
                return None
            if ix >= 0 and self.hashes[ix] == h:
                w_k = self.keys_w[ix]
                if isinstance(w_k, W_StrObject) and w_k.value == key:
                    return self.values_w[ix]
            perturb = perturb >> PERTURB_SHIFT
            i = next_probe(i, perturb, mask)

    def setitem(self, space, w_key, w_value):
        h = space.hash_w(w_key)
        ix = self.lookup(space, w_key, h)
        if ix >= 0:
            self.values_w[ix] = w_value
            return
        self.insert_new(w_key, w_value, h)

    def insert_new(self, w_key, w_value, h):
        """Append an entry for a key known to be absent."""
        ix = len(self.keys_w)
        self.keys_w.append(w_key)
        self.values_w.append(w_value)
        self.hashes.append(h)
        self.used += 1
        if self.indices is None:
            if len(self.keys_w) > SMALL:
                self.rebuild()
            return
        if 3 * len(self.keys_w) >= 2 * len(self.indices):
            self.rebuild()
            return
        self.insert_index(h, ix)

    def insert_index(self, h, ix):
        indices = self.indices
        mask = len(indices) - 1
        i = h & mask
        perturb = h & MAXINT
        while indices[i] >= 0:
            perturb = perturb >> PERTURB_SHIFT
            i = next_probe(i, perturb, mask)
        indices[i] = ix

    def rebuild(self):
        """Drop deleted entries and rebuild the index table."""
        if self.used < len(self.keys_w):
            keys_w = []
            values_w = []
            hashes = []
            i = 0
            while i < len(self.keys_w):
                if self.keys_w[i] is not None:
                    keys_w.append(self.keys_w[i])
                    values_w.append(self.values_w[i])
                    hashes.append(self.hashes[i])
                i += 1
            self.keys_w = keys_w
            self.values_w = values_w
            self.hashes = hashes
        n = len(self.keys_w)
        if n <= SMALL:
            self.indices = None
            return
        size = 16
        while size * 2 <= 3 * n:
            size *= 2
        self.indices = [FREE] * size
        i = 0
        while i < n:
            self.insert_index(self.hashes[i], i)
            i += 1

    def delitem(self, space, w_key):
        """Delete w_key; False if it was not there."""
        h = space.hash_w(w_key)
        ix = self.lookup(space, w_key, h)
        if ix < 0:
            return False
        self.delete_entry(ix)
        return True

    def delete_entry(self, ix):
        h = self.hashes[ix]
        self.keys_w[ix] = None
        self.values_w[ix] = None
        self.used -= 1
        if self.indices is not None:
            indices = self.indices
            mask = len(indices) - 1
            i = h & mask
            perturb = h & MAXINT
            while indices[i] != ix:
                perturb = perturb >> PERTURB_SHIFT
                i = next_probe(i, perturb, mask)
            indices[i] = DUMMY
        if self.used * 2 < len(self.keys_w) and len(self.keys_w) > SMALL:
            self.rebuild()
        elif self.used == 0:
            self.clear()

    def clear(self):
        self.keys_w = []
        self.values_w = []
        self.hashes = []
        self.indices = None
        self.used = 0

    def copy(self):
        w_new = W_DictObject()
        i = 0
        while i < len(self.keys_w):
            w_k = self.keys_w[i]
            if w_k is not None:
                w_new.insert_new(w_k, self.values_w[i], self.hashes[i])
            i += 1
        return w_new

    def live_keys(self):
        result = []
        for w_k in self.keys_w:
            if w_k is not None:
                result.append(w_k)
        return result

    def live_values(self):
        result = []
        i = 0
        while i < len(self.keys_w):
            if self.keys_w[i] is not None:
                result.append(self.values_w[i])
            i += 1
        return result

    def last_entry(self):
        i = len(self.keys_w) - 1
        while i >= 0 and self.keys_w[i] is None:
            i -= 1
        return i


def next_probe(i, perturb, mask):
    """CPython's dict probe (i*5 + 1 + perturb) mod size.  perturb is kept
    non-negative and only its low bits enter the sum, so nothing leaves
    the signed word: prebuilt dicts are filled by the translation-time
    evaluator, whose ints do not wrap (sets, never prebuilt, follow
    CPython's unsigned arithmetic exactly instead)."""
    return (i * 5 + 1 + (perturb & mask)) & mask


def hash_rstr(s):
    return str_hash(s)


def keys_equal(space, w_a, w_b):
    if isinstance(w_a, W_StrObject) and isinstance(w_b, W_StrObject):
        return w_a.value == w_b.value
    if isinstance(w_a, W_IntObject) and isinstance(w_b, W_IntObject):
        return w_a.intval == w_b.intval
    return space.eq_w(w_a, w_b)


# ---------------------------------------------------------------------------
# dict iteration and views

ITER_KEYS = 0
ITER_VALUES = 1
ITER_ITEMS = 2


class W_DictIterObject(W_Root):
    def __init__(self, w_dict, kind):
        self.w_dict = w_dict
        self.kind = kind
        self.pos = 0
        self.expected = w_dict.used

    def getclass(self, space):
        if self.kind == ITER_KEYS:
            return space.w_dict_keyiterator
        if self.kind == ITER_VALUES:
            return space.w_dict_valueiterator
        return space.w_dict_itemiterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        w_dict = self.w_dict
        if w_dict is None:
            return None
        if w_dict.used != self.expected:
            self.expected = -1
            raise space.error(space.w_RuntimeError,
                              "dictionary changed size during iteration")
        keys_w = w_dict.keys_w
        pos = self.pos
        while pos < len(keys_w) and keys_w[pos] is None:
            pos += 1
        if pos >= len(keys_w):
            self.w_dict = None
            return None
        self.pos = pos + 1
        if self.kind == ITER_KEYS:
            return keys_w[pos]
        if self.kind == ITER_VALUES:
            return w_dict.values_w[pos]
        return space.newtuple([keys_w[pos], w_dict.values_w[pos]])


class W_DictViewObject(W_Root):
    """dict.keys(), .values(), .items(): live views."""

    def __init__(self, w_dict, kind):
        self.w_dict = w_dict
        self.kind = kind

    def getclass(self, space):
        if self.kind == ITER_KEYS:
            return space.w_dict_keys
        if self.kind == ITER_VALUES:
            return space.w_dict_values
        return space.w_dict_items

    def op_len(self, space):
        return self.w_dict.used

    def op_iter(self, space):
        return W_DictIterObject(self.w_dict, self.kind)

    def op_contains(self, space, w_item):
        if self.kind == ITER_KEYS:
            return self.w_dict.op_contains(space, w_item)
        if self.kind == ITER_ITEMS:
            w_t = space.unwrap_base(w_item)
            if not space.is_tuple(w_t):
                return False
            items_w = space.fixedview(w_t)
            if len(items_w) != 2:
                return False
            w_value = self.w_dict.getitem(space, items_w[0])
            if w_value is None:
                return False
            return w_value is items_w[1] or space.eq_w(w_value, items_w[1])
        return space.contains_by_iteration(self, w_item)

    def op_repr(self, space):
        if self.kind == ITER_KEYS:
            name = "dict_keys"
        elif self.kind == ITER_VALUES:
            name = "dict_values"
        else:
            name = "dict_items"
        items_w = space.listview(self)
        return name + "(" + space.repr_str(space.newlist(items_w)) + ")"

    def op_bool(self, space):
        return self.w_dict.used > 0


# ---------------------------------------------------------------------------
# dict methods


def dict_self(space, args, name):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '%s' of 'dict' object needs an argument"
                          % name)
    w_self = space.unwrap_base(args.args_w[0])
    if not isinstance(w_self, W_DictObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' for 'dict' objects doesn't apply "
                          "to a '%s' object" %
                          (name, space.type_name(args.args_w[0])))
    return w_self


def dict_get(space, args):
    w_self = dict_self(space, args, "get")
    check_method_args(space, args, "get", 1, 2)
    w_value = w_self.getitem(space, args.args_w[1])
    if w_value is None:
        if len(args.args_w) > 2:
            return args.args_w[2]
        return space.w_None
    return w_value


def dict_keys(space, args):
    w_self = dict_self(space, args, "keys")
    check_method_args(space, args, "keys", 0, 0)
    return W_DictViewObject(w_self, ITER_KEYS)


def dict_values(space, args):
    w_self = dict_self(space, args, "values")
    check_method_args(space, args, "values", 0, 0)
    return W_DictViewObject(w_self, ITER_VALUES)


def dict_items(space, args):
    w_self = dict_self(space, args, "items")
    check_method_args(space, args, "items", 0, 0)
    return W_DictViewObject(w_self, ITER_ITEMS)


def dict_pop(space, args):
    w_self = dict_self(space, args, "pop")
    check_method_args(space, args, "pop", 1, 2)
    w_key = args.args_w[1]
    h = space.hash_w(w_key)
    ix = w_self.lookup(space, w_key, h)
    if ix < 0:
        if len(args.args_w) > 2:
            return args.args_w[2]
        raise space.key_error(w_key)
    w_value = w_self.values_w[ix]
    w_self.delete_entry(ix)
    return w_value


def dict_popitem(space, args):
    w_self = dict_self(space, args, "popitem")
    check_method_args(space, args, "popitem", 0, 0)
    ix = w_self.last_entry()
    if ix < 0:
        raise space.error(space.w_KeyError, "popitem(): dictionary is empty")
    w_result = space.newtuple([w_self.keys_w[ix], w_self.values_w[ix]])
    w_self.delete_entry(ix)
    return w_result


def dict_setdefault(space, args):
    w_self = dict_self(space, args, "setdefault")
    check_method_args(space, args, "setdefault", 1, 2)
    w_key = args.args_w[1]
    h = space.hash_w(w_key)
    ix = w_self.lookup(space, w_key, h)
    if ix >= 0:
        return w_self.values_w[ix]
    w_default = space.w_None
    if len(args.args_w) > 2:
        w_default = args.args_w[2]
    w_self.insert_new(w_key, w_default, h)
    return w_default


def dict_update(space, args):
    w_self = dict_self(space, args, "update")
    if len(args.args_w) > 2:
        raise space.error(space.w_TypeError,
                          "update expected at most 1 argument, got %d" %
                          (len(args.args_w) - 1))
    if len(args.args_w) == 2:
        dict_update_from(space, w_self, args.args_w[1])
    dict_update_keywords(space, w_self, args)
    return space.w_None


def dict_update_keywords(space, w_self, args):
    if args.keywords is not None:
        i = 0
        while i < len(args.keywords):
            w_self.setitem(space, space.newtext(args.keywords[i]),
                           args.keywords_w[i])
            i += 1


def dict_update_from(space, w_self, w_other):
    """dict.update(other): a mapping (has keys()) or pairs."""
    w_o = space.unwrap_base(w_other)
    if isinstance(w_o, W_DictObject):
        i = 0
        while i < len(w_o.keys_w):
            w_k = w_o.keys_w[i]
            if w_k is not None:
                w_self.setitem(space, w_k, w_o.values_w[i])
            i += 1
        return
    if space.lookup_type_attr(w_other, "keys") is not None:
        w_keys = space.call_method0(w_other, "keys")
        for w_k in space.listview(w_keys):
            w_self.setitem(space, w_k, space.getitem(w_other, w_k))
        return
    w_iter = space.iter(w_other)
    index = 0
    while True:
        w_item = space.next_or_none(w_iter)
        if w_item is None:
            break
        try:
            pair_w = space.listview(w_item)
        except OperationError:
            raise space.error(space.w_TypeError,
                              "cannot convert dictionary update sequence "
                              "element #%d to a sequence" % index)
        if len(pair_w) != 2:
            raise space.error(space.w_ValueError,
                              "dictionary update sequence element #%d has "
                              "length %d; 2 is required" %
                              (index, len(pair_w)))
        w_self.setitem(space, pair_w[0], pair_w[1])
        index += 1


def dict_copy(space, args):
    w_self = dict_self(space, args, "copy")
    check_method_args(space, args, "copy", 0, 0)
    return w_self.copy()


def dict_clear(space, args):
    w_self = dict_self(space, args, "clear")
    check_method_args(space, args, "clear", 0, 0)
    w_self.clear()
    return space.w_None


def dict_init(space, args):
    w_self = dict_self(space, args, "__init__")
    if len(args.args_w) > 2:
        raise space.error(space.w_TypeError,
                          "dict expected at most 1 argument, got %d" %
                          (len(args.args_w) - 1))
    if len(args.args_w) == 2:
        dict_update_from(space, w_self, args.args_w[1])
    dict_update_keywords(space, w_self, args)
    return space.w_None


def dict_fromkeys(space, args):
    # a class method: args_w[0] is the class
    if len(args.args_w) < 2 or len(args.args_w) > 3:
        raise space.error(space.w_TypeError,
                          "fromkeys expected 1 or 2 arguments")
    w_value = space.w_None
    if len(args.args_w) > 2:
        w_value = args.args_w[2]
    w_result = space.call_function0(args.args_w[0])
    for w_key in space.listview(args.args_w[1]):
        space.setitem(w_result, w_key, w_value)
    return w_result


def dict_getitem_method(space, args):
    """dict.__getitem__, with __missing__ for subclasses."""
    w_self = dict_self(space, args, "__getitem__")
    check_method_args(space, args, "__getitem__", 1, 1)
    w_key = args.args_w[1]
    w_value = w_self.getitem(space, w_key)
    if w_value is not None:
        return w_value
    w_obj = args.args_w[0]
    if w_obj is not w_self:
        w_missing = space.lookup_type_attr(w_obj, "__missing__")
        if w_missing is not None:
            return space.call_function2(w_missing, w_obj, w_key)
    raise space.key_error(w_key)


DICT_METHODS = [
    ("get", dict_get), ("keys", dict_keys), ("values", dict_values),
    ("items", dict_items), ("pop", dict_pop), ("popitem", dict_popitem),
    ("setdefault", dict_setdefault), ("update", dict_update),
    ("copy", dict_copy), ("clear", dict_clear), ("__init__", dict_init),
    ("__getitem__", dict_getitem_method),
]


# ---------------------------------------------------------------------------
# Sets: CPython's table


class W_DummyKey(W_Root):
    """The marker of a deleted set slot."""

    def getclass(self, space):
        return space.w_object


DUMMY_KEY = W_DummyKey()


class W_SetObject(W_Root):
    def __init__(self, frozen):
        self.frozen = frozen
        self.table_keys = [None] * SET_MINSIZE
        self.table_hashes = [0] * SET_MINSIZE
        self.fill = 0
        self.used = 0
        self.finger = 0

    def getclass(self, space):
        if self.frozen:
            return space.w_frozenset
        return space.w_set

    def op_len(self, space):
        return self.used

    def op_iter(self, space):
        return W_SetIterObject(self)

    def op_contains(self, space, w_item):
        return self.contains(space, w_item)

    def op_repr(self, space):
        if self.used == 0:
            if self.frozen:
                return "frozenset()"
            return "set()"
        if not space.repr_enter(self):
            if self.frozen:
                return "frozenset(...)"
            return "set(...)"
        try:
            parts = []
            for w_key in self.keys():
                parts.append(space.repr_str(w_key))
            body = "{" + ", ".join(parts) + "}"
            if self.frozen:
                return "frozenset(" + body + ")"
            return body
        finally:
            space.repr_leave(self)

    def op_hash(self, space):
        if not self.frozen:
            raise space.error(space.w_TypeError, "unhashable type: 'set'")
        return frozen_hash(self)

    def op_bool(self, space):
        return self.used > 0

    # -- the table (setobject.c) -----------------------------------------

    def keys(self):
        result = []
        for w_key in self.table_keys:
            if w_key is not None and w_key is not DUMMY_KEY:
                result.append(w_key)
        return result

    def lookup(self, space, w_key, h):
        """The slot of w_key, or -1 (set_lookkey)."""
        mask = len(self.table_keys) - 1
        i = h & mask
        perturb = r_uint(h)
        while True:
            probes = 0
            if i + LINEAR_PROBES <= mask:
                probes = LINEAR_PROBES
            j = i
            while True:
                w_k = self.table_keys[j]
                if w_k is None:
                    return -1
                if self.table_hashes[j] == h and w_k is not DUMMY_KEY:
                    if w_k is w_key or keys_equal(space, w_k, w_key):
                        return j
                if probes == 0:
                    break
                probes -= 1
                j += 1
            perturb = perturb >> PERTURB_SHIFT
            i = intmask(r_uint(i * 5 + 1) + perturb) & mask

    def add(self, space, w_key):
        self.add_entry(space, w_key, space.hash_w(w_key))

    def add_entry(self, space, w_key, h):
        """set_add_entry: insert unless present; the last deleted slot
        met on the probe sequence is reused (CPython 3.11)."""
        mask = len(self.table_keys) - 1
        i = h & mask
        perturb = r_uint(h)
        freeslot = -1
        while True:
            probes = 0
            if i + LINEAR_PROBES <= mask:
                probes = LINEAR_PROBES
            j = i
            while True:
                w_k = self.table_keys[j]
                if w_k is None:
                    if freeslot >= 0:
                        self.used += 1
                        self.table_keys[freeslot] = w_key
                        self.table_hashes[freeslot] = h
                        return
                    self.fill += 1
                    self.used += 1
                    self.table_keys[j] = w_key
                    self.table_hashes[j] = h
                    if self.fill * 5 >= mask * 3:
                        if self.used > 50000:
                            self.resize(self.used * 2)
                        else:
                            self.resize(self.used * 4)
                    return
                if w_k is DUMMY_KEY:
                    freeslot = j
                elif self.table_hashes[j] == h:
                    if w_k is w_key or keys_equal(space, w_k, w_key):
                        return
                if probes == 0:
                    break
                probes -= 1
                j += 1
            perturb = perturb >> PERTURB_SHIFT
            i = intmask(r_uint(i * 5 + 1) + perturb) & mask

    def insert_clean(self, keys_w, hashes, w_key, h):
        mask = len(keys_w) - 1
        i = h & mask
        perturb = r_uint(h)
        while True:
            if keys_w[i] is None:
                keys_w[i] = w_key
                hashes[i] = h
                return
            if i + LINEAR_PROBES <= mask:
                j = 0
                while j < LINEAR_PROBES:
                    k = i + j + 1
                    if keys_w[k] is None:
                        keys_w[k] = w_key
                        hashes[k] = h
                        return
                    j += 1
            perturb = perturb >> PERTURB_SHIFT
            i = intmask(r_uint(i * 5 + 1) + perturb) & mask

    def resize(self, minused):
        newsize = SET_MINSIZE
        while newsize <= minused:
            newsize = newsize << 1
        old_keys = self.table_keys
        old_hashes = self.table_hashes
        new_keys = [None] * newsize
        new_hashes = [0] * newsize
        i = 0
        while i < len(old_keys):
            w_k = old_keys[i]
            if w_k is not None and w_k is not DUMMY_KEY:
                self.insert_clean(new_keys, new_hashes, w_k, old_hashes[i])
            i += 1
        self.table_keys = new_keys
        self.table_hashes = new_hashes
        self.fill = self.used

    def discard(self, space, w_key):
        """Remove w_key; False if absent."""
        j = self.lookup(space, w_key, self.key_hash(space, w_key))
        if j < 0:
            return False
        self.table_keys[j] = DUMMY_KEY
        self.table_hashes[j] = -1
        self.used -= 1
        return True

    def key_hash(self, space, w_key):
        """hash of a key to look up; a set key is looked up as the
        frozenset with the same items (as CPython does)."""
        w_base = space.unwrap_base(w_key)
        if isinstance(w_base, W_SetObject) and not w_base.frozen:
            return frozen_hash(w_base)
        return space.hash_w(w_key)

    def contains(self, space, w_key):
        return self.lookup(space, w_key, self.key_hash(space, w_key)) >= 0

    def clear(self):
        self.table_keys = [None] * SET_MINSIZE
        self.table_hashes = [0] * SET_MINSIZE
        self.fill = 0
        self.used = 0

    def pop(self, space):
        if self.used == 0:
            raise space.error(space.w_KeyError, "pop from an empty set")
        mask = len(self.table_keys) - 1
        i = self.finger & mask
        while True:
            w_k = self.table_keys[i]
            if w_k is not None and w_k is not DUMMY_KEY:
                break
            i += 1
            if i > mask:
                i = 0
        self.table_keys[i] = DUMMY_KEY
        self.table_hashes[i] = -1
        self.used -= 1
        self.finger = i + 1
        return w_k

    def merge(self, space, w_other):
        """set_merge: add every item of the set w_other."""
        if w_other is self or w_other.used == 0:
            return
        if (self.fill + w_other.used) * 5 >= (len(self.table_keys) - 1) * 3:
            self.resize((self.used + w_other.used) * 2)
        if self.fill == 0 and len(self.table_keys) == \
                len(w_other.table_keys) and w_other.fill == w_other.used:
            i = 0
            while i < len(w_other.table_keys):
                w_k = w_other.table_keys[i]
                if w_k is not None:
                    self.table_keys[i] = w_k
                    self.table_hashes[i] = w_other.table_hashes[i]
                i += 1
            self.fill = w_other.fill
            self.used = w_other.used
            return
        if self.fill == 0:
            self.fill = w_other.used
            self.used = w_other.used
            i = 0
            while i < len(w_other.table_keys):
                w_k = w_other.table_keys[i]
                if w_k is not None and w_k is not DUMMY_KEY:
                    self.insert_clean(self.table_keys, self.table_hashes, w_k,
                                      w_other.table_hashes[i])
                i += 1
            return
        i = 0
        while i < len(w_other.table_keys):
            w_k = w_other.table_keys[i]
            if w_k is not None and w_k is not DUMMY_KEY:
                self.add_entry(space, w_k, w_other.table_hashes[i])
            i += 1

    def update(self, space, w_iterable):
        """set_update_internal."""
        w_other = space.unwrap_base(w_iterable)
        if isinstance(w_other, W_SetObject):
            self.merge(space, w_other)
            return
        if isinstance(w_other, W_DictObject):
            n = w_other.used
            if (self.fill + n) * 5 >= (len(self.table_keys) - 1) * 3:
                self.resize((self.used + n) * 2)
            i = 0
            while i < len(w_other.keys_w):
                w_k = w_other.keys_w[i]
                if w_k is not None:
                    self.add_entry(space, w_k, w_other.hashes[i])
                i += 1
            return
        w_iter = space.iter(w_iterable)
        while True:
            w_item = space.next_or_none(w_iter)
            if w_item is None:
                break
            self.add(space, w_item)

    def copy_as(self, frozen):
        w_new = W_SetObject(frozen)
        w_new.merge(None, self)
        return w_new


def shuffle_bits(h):
    return ((h ^ r_uint(89869747)) ^ (h << 16)) * r_uint(3644798167)


def frozen_hash(w_set):
    acc = r_uint(0)
    i = 0
    while i < len(w_set.table_keys):
        w_k = w_set.table_keys[i]
        if w_k is not None and w_k is not DUMMY_KEY:
            acc = acc ^ shuffle_bits(r_uint(w_set.table_hashes[i]))
        i += 1
    acc = acc ^ ((r_uint(w_set.used) + 1) * r_uint(1927868237))
    acc = acc ^ ((acc >> 11) ^ (acc >> 25))
    acc = acc * r_uint(69069) + r_uint(907133923)
    h = intmask(acc)
    if h == -1:
        h = 590923713
    return h


class W_SetIterObject(W_Root):
    def __init__(self, w_set):
        self.w_set = w_set
        self.pos = 0
        self.expected = w_set.used

    def getclass(self, space):
        return space.w_set_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        w_set = self.w_set
        if w_set is None:
            return None
        if w_set.used != self.expected:
            self.expected = -1
            raise space.error(space.w_RuntimeError,
                              "Set changed size during iteration")
        keys_w = w_set.table_keys
        pos = self.pos
        while pos < len(keys_w):
            w_k = keys_w[pos]
            if w_k is not None and w_k is not DUMMY_KEY:
                break
            pos += 1
        if pos >= len(keys_w):
            self.w_set = None
            return None
        self.pos = pos + 1
        return keys_w[pos]


# ---------------------------------------------------------------------------
# Set algebra (setobject.c's algorithms, so results iterate alike)


def as_set(space, w_obj):
    """w_obj as a W_SetObject (built from any iterable)."""
    w_base = space.unwrap_base(w_obj)
    if isinstance(w_base, W_SetObject):
        return w_base
    w_new = W_SetObject(False)
    w_new.update(space, w_obj)
    return w_new


def set_union(space, w_a, w_b, frozen):
    w_result = w_a.copy_as(frozen)
    w_result.update(space, w_b)
    return w_result


def set_intersection(space, w_a, w_other, frozen):
    w_result = W_SetObject(frozen)
    w_b = space.unwrap_base(w_other)
    if isinstance(w_b, W_SetObject):
        w_small = w_b
        w_big = w_a
        if w_b.used > w_a.used:
            w_small = w_a
            w_big = w_b
        i = 0
        while i < len(w_small.table_keys):
            w_k = w_small.table_keys[i]
            if w_k is not None and w_k is not DUMMY_KEY:
                h = w_small.table_hashes[i]
                if w_big.lookup(space, w_k, h) >= 0:
                    w_result.add_entry(space, w_k, h)
            i += 1
        return w_result
    w_iter = space.iter(w_other)
    while True:
        w_item = space.next_or_none(w_iter)
        if w_item is None:
            break
        h = space.hash_w(w_item)
        if w_a.lookup(space, w_item, h) >= 0:
            w_result.add_entry(space, w_item, h)
    return w_result


def set_difference(space, w_a, w_other, frozen):
    w_b = space.unwrap_base(w_other)
    if isinstance(w_b, W_SetObject) and (w_a.used >> 2) <= w_b.used:
        w_result = W_SetObject(frozen)
        i = 0
        while i < len(w_a.table_keys):
            w_k = w_a.table_keys[i]
            if w_k is not None and w_k is not DUMMY_KEY:
                h = w_a.table_hashes[i]
                if w_b.lookup(space, w_k, h) < 0:
                    w_result.add_entry(space, w_k, h)
            i += 1
        return w_result
    w_result = w_a.copy_as(frozen)
    set_difference_update(space, w_result, w_other)
    return w_result


def set_difference_update(space, w_a, w_other):
    if w_other is w_a:
        w_a.clear()
        return
    w_iter = space.iter(w_other)
    while True:
        w_item = space.next_or_none(w_iter)
        if w_item is None:
            break
        w_a.discard(space, w_item)


def set_symmetric_difference(space, w_a, w_other, frozen):
    w_result = as_set(space, w_other).copy_as(frozen)
    set_symmetric_difference_update(space, w_result, w_a)
    return w_result


def set_symmetric_difference_update(space, w_a, w_other):
    w_b = as_set(space, w_other)
    if w_b is w_a:
        w_a.clear()
        return
    i = 0
    while i < len(w_b.table_keys):
        w_k = w_b.table_keys[i]
        if w_k is not None and w_k is not DUMMY_KEY:
            h = w_b.table_hashes[i]
            j = w_a.lookup(space, w_k, h)
            if j >= 0:
                w_a.table_keys[j] = DUMMY_KEY
                w_a.table_hashes[j] = -1
                w_a.used -= 1
            else:
                w_a.add_entry(space, w_k, h)
        i += 1


def set_issubset(space, w_a, w_b):
    if w_a.used > w_b.used:
        return False
    for w_k in w_a.keys():
        if not w_b.contains(space, w_k):
            return False
    return True


def set_self(space, args, name):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '%s' of 'set' object needs an argument"
                          % name)
    w_self = space.unwrap_base(args.args_w[0])
    if not isinstance(w_self, W_SetObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' for 'set' objects doesn't apply "
                          "to a '%s' object" %
                          (name, space.type_name(args.args_w[0])))
    return w_self


def mutable_set_self(space, args, name):
    w_self = set_self(space, args, name)
    if w_self.frozen:
        raise space.error(space.w_AttributeError,
                          "'frozenset' object has no attribute '%s'" % name)
    return w_self


def set_add(space, args):
    w_self = mutable_set_self(space, args, "add")
    check_method_args(space, args, "set.add", 1, 1)
    w_self.add(space, args.args_w[1])
    return space.w_None


def set_remove(space, args):
    w_self = mutable_set_self(space, args, "remove")
    check_method_args(space, args, "set.remove", 1, 1)
    if not w_self.discard(space, args.args_w[1]):
        raise space.key_error(args.args_w[1])
    return space.w_None


def set_discard(space, args):
    w_self = mutable_set_self(space, args, "discard")
    check_method_args(space, args, "set.discard", 1, 1)
    w_self.discard(space, args.args_w[1])
    return space.w_None


def set_pop(space, args):
    w_self = mutable_set_self(space, args, "pop")
    check_method_args(space, args, "set.pop", 0, 0)
    return w_self.pop(space)


def set_clear(space, args):
    w_self = mutable_set_self(space, args, "clear")
    check_method_args(space, args, "set.clear", 0, 0)
    w_self.clear()
    return space.w_None


def set_copy(space, args):
    w_self = set_self(space, args, "copy")
    check_method_args(space, args, "copy", 0, 0)
    return w_self.copy_as(w_self.frozen)


def set_update(space, args):
    w_self = mutable_set_self(space, args, "update")
    for w_other in args.args_w[1:]:
        w_self.update(space, w_other)
    return space.w_None


def set_union_method(space, args):
    w_self = set_self(space, args, "union")
    w_result = w_self.copy_as(w_self.frozen)
    for w_other in args.args_w[1:]:
        w_result.update(space, w_other)
    return w_result


def set_intersection_method(space, args):
    w_self = set_self(space, args, "intersection")
    if len(args.args_w) == 1:
        return w_self.copy_as(w_self.frozen)
    w_result = w_self
    for w_other in args.args_w[1:]:
        w_result = set_intersection(space, w_result, w_other, w_self.frozen)
    return w_result


def set_difference_method(space, args):
    w_self = set_self(space, args, "difference")
    if len(args.args_w) == 1:
        return w_self.copy_as(w_self.frozen)
    w_result = set_difference(space, w_self, args.args_w[1], w_self.frozen)
    for w_other in args.args_w[2:]:
        set_difference_update(space, w_result, w_other)
    return w_result


def set_symmetric_difference_method(space, args):
    w_self = set_self(space, args, "symmetric_difference")
    check_method_args(space, args, "symmetric_difference", 1, 1)
    return set_symmetric_difference(space, w_self, args.args_w[1],
                                    w_self.frozen)


def set_intersection_update(space, args):
    w_self = mutable_set_self(space, args, "intersection_update")
    w_result = w_self
    for w_other in args.args_w[1:]:
        w_result = set_intersection(space, w_result, w_other, False)
    replace_contents(w_self, w_result)
    return space.w_None


def replace_contents(w_self, w_other):
    w_self.table_keys = w_other.table_keys
    w_self.table_hashes = w_other.table_hashes
    w_self.fill = w_other.fill
    w_self.used = w_other.used


def set_difference_update_method(space, args):
    w_self = mutable_set_self(space, args, "difference_update")
    for w_other in args.args_w[1:]:
        set_difference_update(space, w_self, w_other)
    return space.w_None


def set_symmetric_difference_update_method(space, args):
    w_self = mutable_set_self(space, args, "symmetric_difference_update")
    check_method_args(space, args, "symmetric_difference_update", 1, 1)
    set_symmetric_difference_update(space, w_self, args.args_w[1])
    return space.w_None


def set_issubset_method(space, args):
    w_self = set_self(space, args, "issubset")
    check_method_args(space, args, "issubset", 1, 1)
    return space.newbool(set_issubset(space, w_self,
                                      as_set(space, args.args_w[1])))


def set_issuperset_method(space, args):
    w_self = set_self(space, args, "issuperset")
    check_method_args(space, args, "issuperset", 1, 1)
    return space.newbool(set_issubset(space, as_set(space, args.args_w[1]),
                                      w_self))


def set_isdisjoint(space, args):
    w_self = set_self(space, args, "isdisjoint")
    check_method_args(space, args, "isdisjoint", 1, 1)
    for w_item in space.listview(args.args_w[1]):
        if w_self.contains(space, w_item):
            return space.w_False
    return space.w_True


def set_init(space, args):
    w_self = set_self(space, args, "__init__")
    check_method_args(space, args, "set", 0, 1)
    if w_self.frozen:
        return space.w_None
    w_self.clear()
    if len(args.args_w) > 1:
        w_self.update(space, args.args_w[1])
    return space.w_None


SET_METHODS = [
    ("add", set_add), ("remove", set_remove), ("discard", set_discard),
    ("pop", set_pop), ("clear", set_clear), ("copy", set_copy),
    ("update", set_update), ("union", set_union_method),
    ("intersection", set_intersection_method),
    ("difference", set_difference_method),
    ("symmetric_difference", set_symmetric_difference_method),
    ("intersection_update", set_intersection_update),
    ("difference_update", set_difference_update_method),
    ("symmetric_difference_update", set_symmetric_difference_update_method),
    ("issubset", set_issubset_method), ("issuperset", set_issuperset_method),
    ("isdisjoint", set_isdisjoint), ("__init__", set_init),
]

FROZENSET_METHODS = [
    ("copy", set_copy), ("union", set_union_method),
    ("intersection", set_intersection_method),
    ("difference", set_difference_method),
    ("symmetric_difference", set_symmetric_difference_method),
    ("issubset", set_issubset_method), ("issuperset", set_issuperset_method),
    ("isdisjoint", set_isdisjoint),
]
