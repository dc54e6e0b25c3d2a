"""Dicts and sets of the object space against CPython's, under seeded
random sequences of operations (ints and strs as keys): same contents,
same iteration order (sets: CPython 3.11's table order, also after
deletions and resizes), same popitem/pop results."""

import random
import unittest

from pyspace import space
from pydict import W_DictObject, W_SetObject


def w(x):
    if isinstance(x, int):
        return space.newint(x)
    return space.newtext(x)


def unwrap(w_x):
    if space.is_str(w_x):
        return space.str_w(w_x)
    return space.int_w(w_x)


def key(rng, strs):
    if strs and rng.random() < 0.5:
        return "k%d" % rng.randint(0, 60)
    return rng.choice([rng.randint(-50, 200), rng.randint(0, 10**6),
                       rng.randint(-2**40, 2**40)])


class TestDict(unittest.TestCase):
    def test_random_operations(self):
        rng = random.Random(7)
        for trial in range(60):
            ref = {}
            w_d = W_DictObject()
            for step in range(rng.randint(1, 400)):
                k = key(rng, True)
                r = rng.random()
                if r < 0.55:
                    ref[k] = step
                    w_d.setitem(space, w(k), space.newint(step))
                elif r < 0.8:
                    present = k in ref
                    ref.pop(k, None)
                    self.assertEqual(w_d.delitem(space, w(k)), present)
                elif r < 0.85 and ref:
                    kk, vv = ref.popitem()
                    ix = w_d.last_entry()
                    self.assertEqual(unwrap(w_d.keys_w[ix]), kk)
                    w_d.delete_entry(ix)
                else:
                    got = w_d.getitem(space, w(k))
                    if k in ref:
                        self.assertEqual(space.int_w(got), ref[k])
                    else:
                        self.assertIsNone(got)
            self.assertEqual([unwrap(x) for x in w_d.live_keys()],
                             list(ref.keys()))
            self.assertEqual(w_d.used, len(ref))


class TestSet(unittest.TestCase):
    def test_order_matches_cpython(self):
        rng = random.Random(11)
        for trial in range(200):
            ref = set()
            w_s = W_SetObject(False)
            for step in range(rng.randint(1, 300)):
                k = key(rng, False)
                if rng.random() < 0.7:
                    ref.add(k)
                    w_s.add(space, w(k))
                else:
                    ref.discard(k)
                    w_s.discard(space, w(k))
            self.assertEqual([unwrap(x) for x in w_s.keys()], list(ref),
                             "trial %d" % trial)

    def test_pop_order(self):
        rng = random.Random(5)
        for trial in range(50):
            items = [rng.randint(0, 500) for i in range(rng.randint(1, 60))]
            ref = set(items)
            w_s = W_SetObject(False)
            w_s.update(space, space.newlist([w(x) for x in items]))
            while ref:
                self.assertEqual(unwrap(w_s.pop(space)), ref.pop())
