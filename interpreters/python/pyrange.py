"""pyrange: range objects whose bounds do not fit a machine word.

`range(0, 2**70, 2**60)` is legal Python: `new_range` makes the usual
word-sized W_RangeObject (pylist.py) whenever start, stop, step and the
length fit, and a W_LongRangeObject (start, step, length as rbigints)
otherwise.  Both are instances of the one `range` type; len() of a range
longer than sys.maxsize raises OverflowError as in CPython.
"""

import pylong
from pylong import rbigint
from pyobjects import W_Root, W_SliceObject
from pyint import W_IntObject, W_LongObject, to_big
from pylist import W_RangeObject, make_range, tuple_hash


def new_range(space, w_start, w_stop, w_step):
    """range(start, stop, step) for int objects."""
    if isinstance(w_start, W_IntObject) and isinstance(w_stop, W_IntObject) \
            and isinstance(w_step, W_IntObject):
        start = w_start.intval
        stop = w_stop.intval
        step = w_step.intval
        if -(1 << 61) < start < (1 << 61) and -(1 << 61) < stop < (1 << 61):
            return make_range(space, start, stop, step)
    start_b = to_big(w_start)
    stop_b = to_big(w_stop)
    step_b = to_big(w_step)
    if step_b.sign == 0:
        raise space.error(space.w_ValueError,
                          "range() arg 3 must not be zero")
    return make_long_range(space, start_b, stop_b, step_b)


def make_long_range(space, start, stop, step):
    length = long_range_length(start, stop, step)
    if start.fits_int() and step.fits_int() and length.fits_int():
        last = start.add(step.mul(length))
        if last.fits_int() and stop.fits_int():
            return W_RangeObject(start.toint(), step.toint(), length.toint(),
                                 stop.toint())
    return W_LongRangeObject(start, step, length, stop)


def long_range_length(start, stop, step):
    if step.sign > 0:
        if stop.compare(start) <= 0:
            return pylong.ZERO
        return stop.sub(start).sub(pylong.ONE).floordiv(step).add(pylong.ONE)
    if start.compare(stop) <= 0:
        return pylong.ZERO
    return start.sub(stop).sub(pylong.ONE).floordiv(step.neg()).add(
        pylong.ONE)


class W_LongRangeObject(W_Root):
    _immutable_fields_ = ['start', 'step', 'length', 'stop']

    def __init__(self, start, step, length, stop):
        self.start = start
        self.step = step
        self.length = length
        self.stop = stop

    def getclass(self, space):
        return space.w_range

    def op_len(self, space):
        if not self.length.fits_int():
            raise space.error(space.w_OverflowError,
                              "Python int too large to convert to C ssize_t")
        return self.length.toint()

    def item(self, i):
        return self.start.add(self.step.mul(i))

    def op_getitem(self, space, w_key):
        if isinstance(w_key, W_SliceObject):
            return self.slice(space, w_key)
        w_index = space.index_obj(w_key, "range indices must be integers or "
                                  "slices, not %s" % space.type_name(w_key))
        index = to_big(w_index)
        if index.sign < 0:
            index = index.add(self.length)
        if index.sign < 0 or index.compare(self.length) >= 0:
            raise space.error(space.w_IndexError,
                              "range object index out of range")
        return space.newlong(self.item(index))

    def slice(self, space, w_slice):
        # only word-sized slice bounds over a long range
        n = self.length
        if not n.fits_int():
            n_int = pylong.MAXINT
        else:
            n_int = n.toint()
        start, stop, step, count = w_slice.indices(space, n_int)
        new_start = self.item(pylong.fromint(start))
        new_step = self.step.mul(pylong.fromint(step))
        new_stop = self.item(pylong.fromint(stop))
        return make_long_range(space, new_start, new_stop, new_step)

    def op_iter(self, space):
        return W_LongRangeIterObject(self.start, self.step, self.length)

    def op_contains(self, space, w_item):
        if not (isinstance(w_item, W_IntObject) or
                isinstance(w_item, W_LongObject)):
            return space.contains_by_iteration(self, w_item)
        x = to_big(w_item)
        if self.length.sign == 0:
            return False
        if self.step.sign > 0:
            if x.compare(self.start) < 0 or x.compare(self.stop) >= 0:
                return False
        else:
            if x.compare(self.start) > 0 or x.compare(self.stop) <= 0:
                return False
        return x.sub(self.start).mod(self.step).sign == 0

    def op_repr(self, space):
        if len(self.step.digits) == 1 and self.step.digits[0] == 1 and \
                self.step.sign > 0:
            return "range(%s, %s)" % (self.start.str(), self.stop.str())
        return "range(%s, %s, %s)" % (self.start.str(), self.stop.str(),
                                      self.step.str())

    def op_hash(self, space):
        return tuple_hash(space, [space.newlong(self.length),
                                  space.newlong(self.start),
                                  space.newlong(self.step)])

    def op_bool(self, space):
        return self.length.sign != 0


class W_LongRangeIterObject(W_Root):
    def __init__(self, current, step, remaining):
        self.current = current
        self.step = step
        self.remaining = remaining

    def getclass(self, space):
        return space.w_range_iterator

    def op_iter(self, space):
        return self

    def op_next(self, space):
        if self.remaining.sign <= 0:
            return None
        value = self.current
        self.current = value.add(self.step)
        self.remaining = self.remaining.sub(pylong.ONE)
        return space.newlong(value)


def reversed_long_range(w_range):
    last = w_range.start.add(w_range.step.mul(w_range.length.sub(pylong.ONE)))
    return W_LongRangeIterObject(last, w_range.step.neg(), w_range.length)


def range_field(space, w_obj, which):
    """start (0), stop (1), step (2) of either kind of range."""
    if isinstance(w_obj, W_RangeObject):
        if which == 0:
            return space.newint(w_obj.start)
        if which == 1:
            return space.newint(w_obj.original_stop)
        return space.newint(w_obj.step)
    assert isinstance(w_obj, W_LongRangeObject)
    if which == 0:
        return space.newlong(w_obj.start)
    if which == 1:
        return space.newlong(w_obj.stop)
    return space.newlong(w_obj.step)


def long_range_equal(w_a, w_b):
    if not w_a.length.eq(w_b.length):
        return False
    if w_a.length.sign == 0:
        return True
    if not w_a.start.eq(w_b.start):
        return False
    return (len(w_a.length.digits) == 1 and w_a.length.digits[0] == 1) or \
        w_a.step.eq(w_b.step)


def as_long_range(w_obj):
    """Any range as a W_LongRangeObject (for comparisons)."""
    if isinstance(w_obj, W_LongRangeObject):
        return w_obj
    assert isinstance(w_obj, W_RangeObject)
    return W_LongRangeObject(pylong.fromint(w_obj.start),
                             pylong.fromint(w_obj.step),
                             pylong.fromint(w_obj.length),
                             pylong.fromint(w_obj.original_stop))
