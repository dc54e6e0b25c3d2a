"""pylist: list, tuple and range objects, their iterators, and sorting.

* `W_ListObject` wraps a resizable RPy list of W_Root; `W_TupleObject` a
  list nobody resizes (`items_w[*]` is immutable for the JIT).
* `W_RangeObject` is lazy: start, step and length (CPython's layout);
  iterating it counts without allocating a list.
* Iterators return None at the end (`op_next`), so a `for` loop never
  raises StopIteration internally.
* `sort_items` is a stable merge sort (bottom-up, insertion-sorted runs of
  RUN items) comparing with `space.lt`, which may run user `__lt__`;
  `key=` values are computed once, `reverse=True` reverses before and
  after so equal items keep their order, as CPython's sort does.
* Tuple hashing is CPython 3.11's xxHash-based `tuplehash`, so sets of
  tuples iterate in CPython's order.

Methods are `list_NAME(space, args)` functions (args_w[0] is self),
collected in LIST_METHODS / TUPLE_METHODS for pyspace.
"""

from rlib.rarith import intmask, r_uint
from rlib.objectmodel import StringBuilder

from pyobjects import (W_Root, W_SliceObject, check_method_args,
                       parse_args)

# CPython's xxHash primes, as signed words (r_uint() only at run time)
XXPRIME_1 = -7046029288634856825
XXPRIME_2 = -4417276706812531889
XXPRIME_5 = 2870177450012600261
XXPRIME_5_LEN = 2870177450013471926

RUN = 16


class W_ListObject(W_Root):
    def __init__(self, items_w):
        self.items_w = items_w

    def getclass(self, space):
        return space.w_list

    def op_len(self, space):
        return len(self.items_w)

    def op_getitem(self, space, w_key):
        if isinstance(w_key, W_SliceObject):
            return W_ListObject(slice_items(space, self.items_w, w_key))
        index = space.getindex_for_sequence(w_key, "list")
        items_w = self.items_w
        if index < 0:
            index += len(items_w)
        if index < 0 or index >= len(items_w):
            raise space.error(space.w_IndexError, "list index out of range")
        return items_w[index]

    def op_setitem(self, space, w_key, w_value):
        if isinstance(w_key, W_SliceObject):
            list_setslice(space, self, w_key, w_value)
            return
        index = space.getindex_for_sequence(w_key, "list")
        items_w = self.items_w
        if index < 0:
            index += len(items_w)
        if index < 0 or index >= len(items_w):
            raise space.error(space.w_IndexError,
                              "list assignment index out of range")
        items_w[index] = w_value

    def op_delitem(self, space, w_key):
        if isinstance(w_key, W_SliceObject):
            list_delslice(space, self, w_key)
            return
        index = space.getindex_for_sequence(w_key, "list")
        items_w = self.items_w
        if index < 0:
            index += len(items_w)
        if index < 0 or index >= len(items_w):
            raise space.error(space.w_IndexError,
                              "list assignment index out of range")
        del items_w[index]

    def op_iter(self, space):
        return W_ListIterObject(self)

    def op_contains(self, space, w_item):
        return sequence_contains(space, self.items_w, w_item)

    def op_repr(self, space):
        if len(self.items_w) == 0:
            return "[]"
        if not space.repr_enter(self):
            return "[...]"
        try:
            return "[" + join_reprs(space, self.items_w) + "]"
        finally:
            space.repr_leave(self)

    def op_hash(self, space):
        raise space.error(space.w_TypeError, "unhashable type: 'list'")

    def op_bool(self, space):
        return len(self.items_w) > 0


class W_TupleObject(W_Root):
    _immutable_fields_ = ['items_w[*]']

    def __init__(self, items_w):
        self.items_w = items_w

    def getclass(self, space):
        return space.w_tuple

    def op_len(self, space):
        return len(self.items_w)

    def op_getitem(self, space, w_key):
        if isinstance(w_key, W_SliceObject):
            return W_TupleObject(slice_items(space, self.items_w, w_key))
        index = space.getindex_for_sequence(w_key, "tuple")
        items_w = self.items_w
        if index < 0:
            index += len(items_w)
        if index < 0 or index >= len(items_w):
            raise space.error(space.w_IndexError, "tuple index out of range")
        return items_w[index]

    def op_iter(self, space):
        return W_TupleIterObject(self.items_w)

    def op_contains(self, space, w_item):
        return sequence_contains(space, self.items_w, w_item)

    def op_repr(self, space):
        n = len(self.items_w)
        if n == 0:
            return "()"
        if not space.repr_enter(self):
            return "(...)"
        try:
            if n == 1:
                return "(" + space.repr_str(self.items_w[0]) + ",)"
            return "(" + join_reprs(space, self.items_w) + ")"
        finally:
            space.repr_leave(self)

    def op_hash(self, space):
        return tuple_hash(space, self.items_w)

    def op_bool(self, space):
        return len(self.items_w) > 0


def tuple_hash(space, items_w):
    prime1 = r_uint(XXPRIME_1)
    prime2 = r_uint(XXPRIME_2)
    acc = r_uint(XXPRIME_5)
    for w_item in items_w:
        lane = r_uint(space.hash_w(w_item))
        acc = acc + lane * prime2
        acc = (acc << 31) | (acc >> 33)
        acc = acc * prime1
    acc = acc + (r_uint(len(items_w)) ^ r_uint(XXPRIME_5_LEN))
    h = intmask(acc)
    if h == -1:
        return 1546275796
    return h


def join_reprs(space, items_w):
    parts = []
    for w_item in items_w:
        parts.append(space.repr_str(w_item))
    return ", ".join(parts)


def sequence_contains(space, items_w, w_item):
    i = 0
    while i < len(items_w):
        w_x = items_w[i]
        if w_x is w_item or space.eq_w(w_x, w_item):
            return True
        i += 1
    return False


def slice_items(space, items_w, w_slice):
    start, stop, step, n = w_slice.indices(space, len(items_w))
    if step == 1:
        if n <= 0:
            return []
        return items_w[start:stop]
    result = [None] * n
    i = start
    k = 0
    while k < n:
        result[k] = items_w[i]
        i += step
        k += 1
    return result


def list_setslice(space, w_list, w_slice, w_value):
    items_w = w_list.items_w
    start, stop, step, n = w_slice.indices(space, len(items_w))
    if w_value is w_list:
        new_w = list(items_w)
    else:
        new_w = space.listview(w_value)
    if step == 1:
        if stop < start:
            stop = start
        w_list.items_w = items_w[:start] + new_w + items_w[stop:]
        return
    if len(new_w) != n:
        raise space.error(space.w_ValueError,
                          "attempt to assign sequence of size %d to extended "
                          "slice of size %d" % (len(new_w), n))
    i = start
    k = 0
    while k < n:
        items_w[i] = new_w[k]
        i += step
        k += 1


def list_delslice(space, w_list, w_slice):
    items_w = w_list.items_w
    start, stop, step, n = w_slice.indices(space, len(items_w))
    if n <= 0:
        return
    if step == 1:
        w_list.items_w = items_w[:start] + items_w[stop:]
        return
    if step < 0:
        # delete the same positions walking forwards
        start = start + step * (n - 1)
        step = -step
    keep = []
    i = 0
    next_del = start
    deleted = 0
    while i < len(items_w):
        if deleted < n and i == next_del:
            deleted += 1
            next_del += step
        else:
            keep.append(items_w[i])
        i += 1
    w_list.items_w = keep


# ---------------------------------------------------------------------------
# Iterators


class W_ListIterObject(W_Root):
    """Iterates a list by index: sees appends made while iterating."""

    def __init__(self, w_list):
        self.w_list = w_list
        self.index = 0

    def getclass(self, space):
        return space.w_list_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        w_list = self.w_list
        if w_list is None:
            return None
        index = self.index
        if index >= len(w_list.items_w):
            self.w_list = None
            return None
        self.index = index + 1
        return w_list.items_w[index]

    def length_hint(self):
        if self.w_list is None:
            return 0
        return len(self.w_list.items_w) - self.index


class W_TupleIterObject(W_Root):
    def __init__(self, items_w):
        self.items_w = items_w
        self.index = 0

    def getclass(self, space):
        return space.w_tuple_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        index = self.index
        if index >= len(self.items_w):
            return None
        self.index = index + 1
        return self.items_w[index]


class W_ReverseSeqIterObject(W_Root):
    """reversed() of a list or tuple."""

    def __init__(self, w_seq, index):
        self.w_seq = w_seq
        self.index = index

    def getclass(self, space):
        return space.w_reversed

    def op_iter(self, space):
        return self

    def op_next(self, space):
        index = self.index
        if index < 0:
            return None
        self.index = index - 1
        w_seq = self.w_seq
        if isinstance(w_seq, W_ListObject):
            if index >= len(w_seq.items_w):
                self.index = -1
                return None
            return w_seq.items_w[index]
        return space.getitem(w_seq, space.newint(index))


# ---------------------------------------------------------------------------
# range


class W_RangeObject(W_Root):
    _immutable_fields_ = ['start', 'step', 'length', 'original_stop']

    def __init__(self, start, step, length, original_stop):
        self.start = start
        self.step = step
        self.length = length
        self.original_stop = original_stop

    def getclass(self, space):
        return space.w_range

    def stop(self):
        return self.start + self.step * self.length

    def op_len(self, space):
        return self.length

    def op_getitem(self, space, w_key):
        if isinstance(w_key, W_SliceObject):
            start, stop, step, n = w_key.indices(space, self.length)
            if n < 0:
                n = 0
            return W_RangeObject(self.start + start * self.step,
                                 self.step * step, n,
                                 self.start + stop * self.step)
        index = space.getindex_for_sequence(w_key, "range")
        if index < 0:
            index += self.length
        if index < 0 or index >= self.length:
            raise space.error(space.w_IndexError,
                              "range object index out of range")
        return space.newint(self.start + index * self.step)

    def op_iter(self, space):
        return W_RangeIterObject(self.start, self.step, self.length)

    def op_contains(self, space, w_item):
        if space.is_exact_int(w_item):
            return self.contains_int(space.int_w(w_item))
        return space.contains_by_iteration(self, w_item)

    def contains_int(self, x):
        if self.length == 0:
            return False
        if self.step > 0:
            if x < self.start or x >= self.stop():
                return False
        else:
            if x > self.start or x <= self.stop():
                return False
        return (x - self.start) % self.step == 0

    def op_repr(self, space):
        stop = self.original_stop
        if self.step == 1:
            return "range(%d, %d)" % (self.start, stop)
        return "range(%d, %d, %d)" % (self.start, stop, self.step)

    def op_hash(self, space):
        if self.length == 0:
            return tuple_hash(space, [space.newint(0), space.w_None,
                                      space.w_None])
        if self.length == 1:
            return tuple_hash(space, [space.newint(1),
                                      space.newint(self.start),
                                      space.w_None])
        return tuple_hash(space, [space.newint(self.length),
                                  space.newint(self.start),
                                  space.newint(self.step)])

    def op_bool(self, space):
        return self.length > 0


def make_range(space, start, stop, step):
    if step == 0:
        raise space.error(space.w_ValueError,
                          "range() arg 3 must not be zero")
    if step > 0:
        if stop > start:
            length = (stop - start - 1) // step + 1
        else:
            length = 0
    else:
        if stop < start:
            length = (start - stop - 1) // (-step) + 1
        else:
            length = 0
    return W_RangeObject(start, step, length, stop)


class W_RangeIterObject(W_Root):
    def __init__(self, current, step, remaining):
        self.current = current
        self.step = step
        self.remaining = remaining

    def getclass(self, space):
        return space.w_range_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        if self.remaining <= 0:
            return None
        value = self.current
        self.current = value + self.step
        self.remaining -= 1
        return space.newint(value)


# ---------------------------------------------------------------------------
# Sorting


def sort_items(space, items_w, keys_w, reverse):
    """Sort items_w in place (by keys_w when not None: a parallel list of
    the same length), stable, ascending unless `reverse`."""
    if keys_w is None:
        keys_w = items_w
        has_keys = False
    else:
        has_keys = True
    n = len(items_w)
    if reverse:
        items_w.reverse()
        if has_keys:
            keys_w.reverse()
    order = [0] * n
    i = 0
    while i < n:
        order[i] = i
        i += 1
    order = merge_sort(space, keys_w, order, reverse)
    sorted_w = [None] * n
    i = 0
    while i < n:
        sorted_w[i] = items_w[order[i]]
        i += 1
    i = 0
    while i < n:
        items_w[i] = sorted_w[i]
        i += 1
    if reverse:
        items_w.reverse()


def is_less(space, keys_w, a, b):
    return space.lt_w(keys_w[a], keys_w[b])


def merge_sort(space, keys_w, order, reverse):
    """Stable sort of the index list `order` by keys_w ascending.  (With
    `reverse` the caller reversed the list before and reverses after.)"""
    n = len(order)
    # insertion-sort runs of RUN items
    start = 0
    while start < n:
        end = start + RUN
        if end > n:
            end = n
        insertion_sort(space, keys_w, order, start, end)
        start = end
    width = RUN
    src = order
    dst = [0] * n
    while width < n:
        lo = 0
        while lo < n:
            mid = lo + width
            if mid > n:
                mid = n
            hi = lo + 2 * width
            if hi > n:
                hi = n
            merge(space, keys_w, src, dst, lo, mid, hi)
            lo = hi
        src, dst = dst, src
        width *= 2
    return src


def insertion_sort(space, keys_w, order, start, end):
    i = start + 1
    while i < end:
        x = order[i]
        j = i - 1
        while j >= start and is_less(space, keys_w, x, order[j]):
            order[j + 1] = order[j]
            j -= 1
        order[j + 1] = x
        i += 1


def merge(space, keys_w, src, dst, lo, mid, hi):
    i = lo
    j = mid
    k = lo
    while i < mid and j < hi:
        # take from the right only when strictly smaller: stability
        if is_less(space, keys_w, src[j], src[i]):
            dst[k] = src[j]
            j += 1
        else:
            dst[k] = src[i]
            i += 1
        k += 1
    while i < mid:
        dst[k] = src[i]
        i += 1
        k += 1
    while j < hi:
        dst[k] = src[j]
        j += 1
        k += 1


# ---------------------------------------------------------------------------
# list methods


def list_self(space, args, name):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '%s' of 'list' object needs an argument"
                          % name)
    w_self = space.unwrap_base(args.args_w[0])
    if not isinstance(w_self, W_ListObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' for 'list' objects doesn't apply "
                          "to a '%s' object" %
                          (name, space.type_name(args.args_w[0])))
    return w_self


def list_append(space, args):
    w_self = list_self(space, args, "append")
    check_method_args(space, args, "list.append", 1, 1)
    w_self.items_w.append(args.args_w[1])
    return space.w_None


def list_extend(space, args):
    w_self = list_self(space, args, "extend")
    check_method_args(space, args, "list.extend", 1, 1)
    list_extend_w(space, w_self, args.args_w[1])
    return space.w_None


def list_extend_w(space, w_self, w_iterable):
    if w_iterable is w_self:
        w_self.items_w.extend(list(w_self.items_w))
        return
    w_it = space.unwrap_base(w_iterable)
    if isinstance(w_it, W_ListObject) or isinstance(w_it, W_TupleObject):
        w_self.items_w.extend(space.fixedview(w_it))
        return
    w_iter = space.iter(w_iterable)
    while True:
        w_item = space.next_or_none(w_iter)
        if w_item is None:
            break
        w_self.items_w.append(w_item)


def list_insert(space, args):
    w_self = list_self(space, args, "insert")
    check_method_args(space, args, "insert", 2, 2)
    index = space.getindex_w(args.args_w[1])
    n = len(w_self.items_w)
    if index < 0:
        index += n
        if index < 0:
            index = 0
    if index > n:
        index = n
    w_self.items_w.insert(index, args.args_w[2])
    return space.w_None


def list_pop(space, args):
    w_self = list_self(space, args, "pop")
    check_method_args(space, args, "pop", 0, 1)
    items_w = w_self.items_w
    if len(items_w) == 0:
        raise space.error(space.w_IndexError, "pop from empty list")
    if len(args.args_w) == 1:
        return items_w.pop()
    index = space.getindex_w(args.args_w[1])
    if index < 0:
        index += len(items_w)
    if index < 0 or index >= len(items_w):
        raise space.error(space.w_IndexError, "pop index out of range")
    return items_w.pop(index)


def list_remove(space, args):
    w_self = list_self(space, args, "remove")
    check_method_args(space, args, "list.remove", 1, 1)
    w_x = args.args_w[1]
    items_w = w_self.items_w
    i = 0
    while i < len(items_w):
        if items_w[i] is w_x or space.eq_w(items_w[i], w_x):
            del items_w[i]
            return space.w_None
        i += 1
    raise space.error(space.w_ValueError, "list.remove(x): x not in list")


def list_index(space, args):
    w_self = list_self(space, args, "index")
    check_method_args(space, args, "index", 1, 3)
    items_w = w_self.items_w
    start, stop = search_bounds(space, args, len(items_w))
    w_x = args.args_w[1]
    i = start
    while i < stop and i < len(items_w):
        if items_w[i] is w_x or space.eq_w(items_w[i], w_x):
            return space.newint(i)
        i += 1
    raise space.error(space.w_ValueError,
                      "%s is not in list" % space.repr_str(w_x))


def search_bounds(space, args, n):
    start = 0
    stop = n
    if len(args.args_w) > 2:
        start = space.slice_index(args.args_w[2])
        if start < 0:
            start += n
            if start < 0:
                start = 0
    if len(args.args_w) > 3:
        stop = space.slice_index(args.args_w[3])
        if stop < 0:
            stop += n
            if stop < 0:
                stop = 0
    return start, stop


def list_count(space, args):
    w_self = list_self(space, args, "count")
    check_method_args(space, args, "list.count", 1, 1)
    return space.newint(count_items(space, w_self.items_w, args.args_w[1]))


def count_items(space, items_w, w_x):
    n = 0
    i = 0
    while i < len(items_w):
        if items_w[i] is w_x or space.eq_w(items_w[i], w_x):
            n += 1
        i += 1
    return n


SORT_ARGS = ["self", "key", "reverse"]


def list_sort(space, args):
    w_self = list_self(space, args, "sort")
    if len(args.args_w) > 1:
        raise space.error(space.w_TypeError,
                          "sort() takes no positional arguments")
    a = parse_args(space, args, "sort", SORT_ARGS, 1)
    reverse = False
    if a[2] is not None:
        reverse = space.is_true(a[2])
    w_key = a[1]
    # sort a copy: a comparison that mutates the list cannot corrupt it
    items_w = list(w_self.items_w)
    do_sort(space, items_w, w_key, reverse)
    w_self.items_w = items_w
    return space.w_None


def do_sort(space, items_w, w_key, reverse):
    keys_w = None
    if w_key is not None and not space.is_none(w_key):
        keys_w = [None] * len(items_w)
        i = 0
        while i < len(items_w):
            keys_w[i] = space.call_function1(w_key, items_w[i])
            i += 1
    sort_items(space, items_w, keys_w, reverse)


def list_reverse(space, args):
    w_self = list_self(space, args, "reverse")
    check_method_args(space, args, "list.reverse", 0, 0)
    w_self.items_w.reverse()
    return space.w_None


def list_copy(space, args):
    w_self = list_self(space, args, "copy")
    check_method_args(space, args, "list.copy", 0, 0)
    return W_ListObject(list(w_self.items_w))


def list_clear(space, args):
    w_self = list_self(space, args, "clear")
    check_method_args(space, args, "list.clear", 0, 0)
    w_self.items_w = []
    return space.w_None


def list_init(space, args):
    w_self = list_self(space, args, "__init__")
    check_method_args(space, args, "list", 0, 1)
    w_self.items_w = []
    if len(args.args_w) > 1:
        list_extend_w(space, w_self, args.args_w[1])
    return space.w_None


def list_reversed(space, args):
    w_self = list_self(space, args, "__reversed__")
    return W_ReverseSeqIterObject(w_self, len(w_self.items_w) - 1)


LIST_METHODS = [
    ("append", list_append), ("extend", list_extend),
    ("insert", list_insert), ("pop", list_pop), ("remove", list_remove),
    ("index", list_index), ("count", list_count), ("sort", list_sort),
    ("reverse", list_reverse), ("copy", list_copy), ("clear", list_clear),
    ("__init__", list_init), ("__reversed__", list_reversed),
]


def tuple_self(space, args, name):
    if len(args.args_w) == 0:
        raise space.error(space.w_TypeError,
                          "descriptor '%s' of 'tuple' object needs an "
                          "argument" % name)
    w_self = space.unwrap_base(args.args_w[0])
    if not isinstance(w_self, W_TupleObject):
        raise space.error(space.w_TypeError,
                          "descriptor '%s' for 'tuple' objects doesn't apply "
                          "to a '%s' object" %
                          (name, space.type_name(args.args_w[0])))
    return w_self


def tuple_index(space, args):
    w_self = tuple_self(space, args, "index")
    check_method_args(space, args, "index", 1, 3)
    items_w = w_self.items_w
    start, stop = search_bounds(space, args, len(items_w))
    w_x = args.args_w[1]
    i = start
    while i < stop and i < len(items_w):
        if items_w[i] is w_x or space.eq_w(items_w[i], w_x):
            return space.newint(i)
        i += 1
    raise space.error(space.w_ValueError, "tuple.index(x): x not in tuple")


def tuple_count(space, args):
    w_self = tuple_self(space, args, "count")
    check_method_args(space, args, "tuple.count", 1, 1)
    return space.newint(count_items(space, w_self.items_w, args.args_w[1]))


TUPLE_METHODS = [
    ("index", tuple_index), ("count", tuple_count),
]


def range_self(space, args, name):
    w_self = args.args_w[0]
    if not isinstance(w_self, W_RangeObject):
        raise space.error(space.w_TypeError,
                          "'%s' of a range beyond the machine word is not "
                          "supported" % name)
    return w_self


def range_index(space, args):
    w_self = range_self(space, args, "index")
    check_method_args(space, args, "index", 1, 1)
    w_x = args.args_w[1]
    if space.is_exact_int(w_x):
        x = space.int_w(w_x)
        if w_self.contains_int(x):
            return space.newint((x - w_self.start) // w_self.step)
    raise space.error(space.w_ValueError,
                      "%s is not in range" % space.repr_str(w_x))


def range_count(space, args):
    w_self = range_self(space, args, "count")
    check_method_args(space, args, "count", 1, 1)
    w_x = args.args_w[1]
    if space.is_exact_int(w_x):
        return space.newint(int(w_self.contains_int(space.int_w(w_x))))
    n = 0
    i = 0
    while i < w_self.length:
        if space.eq_w(space.newint(w_self.start + i * w_self.step), w_x):
            n += 1
        i += 1
    return space.newint(n)


def range_start(space, w_obj):
    assert isinstance(w_obj, W_RangeObject)
    return space.newint(w_obj.start)


def range_stop(space, w_obj):
    assert isinstance(w_obj, W_RangeObject)
    return space.newint(w_obj.original_stop)


def range_step(space, w_obj):
    assert isinstance(w_obj, W_RangeObject)
    return space.newint(w_obj.step)


RANGE_METHODS = [
    ("index", range_index), ("count", range_count),
]

RANGE_GETSETS = [
    ("start", range_start), ("stop", range_stop), ("step", range_step),
]
