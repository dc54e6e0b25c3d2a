"""Tests for rlib.objectmodel."""

import unittest

from rlib import objectmodel
from rlib.objectmodel import (we_are_translated, specialize, StringBuilder,
                              r_dict, compute_hash, compute_identity_hash,
                              compute_unique_id, always_inline, dont_inline,
                              not_rpython, enforceargs, newlist_hint,
                              keepalive_until_here)
from rlib.rarith import MAXINT, MININT


class TestBasics(unittest.TestCase):

    def test_we_are_translated(self):
        self.assertFalse(we_are_translated())
        self.assertEqual(we_are_translated._lathe_hint_, 'we_are_translated')

    def test_inline_markers(self):
        def f():
            return 1

        def g():
            return 2

        def h():
            return 3
        self.assertIs(always_inline(f), f)
        self.assertTrue(f._always_inline_)
        self.assertIs(dont_inline(g), g)
        self.assertTrue(g._dont_inline_)
        self.assertIs(not_rpython(h), h)
        self.assertTrue(h._not_rpython_)

    def test_enforceargs(self):
        @enforceargs(int, str)
        def f(a, b):
            return b * a
        self.assertEqual(f._enforceargs_, [int, str])
        self.assertEqual(f(2, 'x'), 'xx')

    def test_newlist_hint_and_keepalive(self):
        lst = newlist_hint(10)
        self.assertEqual(lst, [])
        lst.append(1)
        self.assertIsNot(newlist_hint(10), lst)
        self.assertIsNone(keepalive_until_here(lst, 3))


class TestSpecialize(unittest.TestCase):

    def test_argtype(self):
        @specialize.argtype(0, 1)
        def f(a, b):
            return a
        self.assertEqual(f._annspecialcase_, 'specialize:argtype(0, 1)')
        self.assertEqual(f._specialize_, ('argtype', [0, 1]))
        self.assertEqual(f(5, 6), 5)

    def test_arg(self):
        @specialize.arg(2)
        def f(a, b, c):
            return c
        self.assertEqual(f._annspecialcase_, 'specialize:arg(2)')
        self.assertEqual(f._specialize_, ('arg', [2]))

    def test_memo(self):
        @specialize.memo()
        def f(cls):
            return cls.__name__
        self.assertEqual(f._annspecialcase_, 'specialize:memo')
        self.assertEqual(f._specialize_, ('memo', []))
        self.assertEqual(f(int), 'int')

    def test_call_location_and_others(self):
        @specialize.call_location()
        def f():
            return 1

        @specialize.arglistitemtype(0)
        def g(lst):
            return lst

        @specialize.ll()
        def h():
            return 1
        self.assertEqual(f._annspecialcase_, 'specialize:call_location')
        self.assertEqual(g._annspecialcase_, 'specialize:arglistitemtype(0)')
        self.assertEqual(h._annspecialcase_, 'specialize:ll')


class TestStringBuilder(unittest.TestCase):

    def test_append_and_build(self):
        sb = StringBuilder()
        self.assertEqual(sb.build(), '')
        self.assertEqual(sb.getlength(), 0)
        sb.append('hello')
        sb.append(' ')
        sb.append_slice('xxworldxx', 2, 7)
        sb.append_multiple_char('!', 3)
        sb.append_multiple_char('?', 0)
        self.assertEqual(sb.getlength(), 14)
        self.assertEqual(sb.build(), 'hello world!!!')
        sb.append('.')
        self.assertEqual(sb.build(), 'hello world!!!.')
        self.assertEqual(sb.getlength(), 15)

    def test_init_size_and_errors(self):
        sb = StringBuilder(100)
        with self.assertRaises(ValueError):
            sb.append_slice('abc', 2, 1)
        with self.assertRaises(ValueError):
            sb.append_slice('abc', 0, 4)
        with self.assertRaises(ValueError):
            sb.append_multiple_char('ab', 2)
        self.assertIs(objectmodel.UnicodeBuilder, StringBuilder)


def _eq_nocase(a, b):
    return a.lower() == b.lower()


def _hash_nocase(a):
    return compute_hash(a.lower())


def _bad_hash(a):
    return 7            # every key collides


class TestRDict(unittest.TestCase):

    def test_custom_equality(self):
        d = r_dict(_eq_nocase, _hash_nocase)
        d['Foo'] = 1
        d['FOO'] = 2
        d['bar'] = 3
        self.assertEqual(len(d), 2)
        self.assertEqual(d['foo'], 2)
        self.assertIn('BAR', d)
        self.assertNotIn('baz', d)
        self.assertEqual(d.keys(), ['Foo', 'bar'])
        self.assertEqual(d.values(), [2, 3])
        self.assertEqual(d.items(), [('Foo', 2), ('bar', 3)])
        self.assertEqual(list(d), ['Foo', 'bar'])
        with self.assertRaises(KeyError):
            d['baz']

    def test_get_setdefault_pop_del(self):
        d = r_dict(_eq_nocase, _bad_hash)
        self.assertIsNone(d.get('a'))
        self.assertEqual(d.get('a', 5), 5)
        self.assertEqual(d.setdefault('a', 1), 1)
        self.assertEqual(d.setdefault('A', 9), 1)
        d['b'] = 2
        self.assertEqual(d.pop('B'), 2)
        self.assertEqual(d.pop('B', 0), 0)
        with self.assertRaises(KeyError):
            d.pop('B')
        del d['a']
        self.assertEqual(len(d), 0)
        with self.assertRaises(KeyError):
            del d['a']
        d['c'] = 3
        self.assertEqual(d.items(), [('c', 3)])

    def test_copy_clear_repr(self):
        d = r_dict(_eq_nocase, _hash_nocase)
        d['x'] = 1
        e = d.copy()
        d.clear()
        self.assertEqual(len(d), 0)
        self.assertEqual(e['X'], 1)
        self.assertEqual(repr(e), "r_dict([('x', 1)])")
        self.assertIs(e.key_eq, _eq_nocase)


class TestHashes(unittest.TestCase):

    def test_string_hash_is_deterministic(self):
        self.assertEqual(compute_hash('abc'), compute_hash('ab' + 'c'))
        self.assertNotEqual(compute_hash('abc'), compute_hash('abd'))
        # Pinned to what the translated runtime's ll_str_hash gives (FNV-1a
        # and a final mix; tests/programs/compute_hash_str.py compares the
        # two), so untranslated and translated runs can be compared.
        self.assertEqual(compute_hash(''), -3750763041483471871)
        self.assertEqual(compute_hash('a'), -5808556884040413464)
        self.assertEqual(compute_hash('abc'), -1792535875901700221)
        self.assertEqual(compute_hash('a'), objectmodel._hash_string('a'))

    def test_in_64_bits(self):
        for v in ['a' * 100, 'hello world', (1, 'x', None), 2 ** 70, 1.5]:
            h = compute_hash(v)
            self.assertTrue(MININT <= h <= MAXINT)

    def test_other_kinds(self):
        self.assertEqual(compute_hash(None), 0)
        self.assertEqual(compute_hash(True), 1)
        self.assertEqual(compute_hash(12345), 12345)
        self.assertEqual(compute_hash(2 ** 64 + 1), 1)
        self.assertEqual(compute_hash(2.0), compute_hash(2.0))
        self.assertEqual(compute_hash((1, 'a')), compute_hash((1, 'a')))
        self.assertNotEqual(compute_hash((1, 2)), compute_hash((2, 1)))
        o = object()
        self.assertEqual(compute_hash(o), compute_identity_hash(o))
        self.assertEqual(compute_unique_id(o), compute_unique_id(o))
        self.assertNotEqual(compute_unique_id(o), compute_unique_id(object()))


if __name__ == '__main__':
    unittest.main()
