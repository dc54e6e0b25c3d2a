"""Tests for rlib.jit: untranslated behaviour of every hint."""

import unittest

from rlib import jit
from rlib.jit import JitDriver, JitHintError


class TestValueHints(unittest.TestCase):

    def test_identity_hints(self):
        obj = object()
        self.assertIs(jit.promote(obj), obj)
        self.assertEqual(jit.promote(42), 42)
        self.assertEqual(jit.promote_string('abc'), 'abc')
        self.assertIs(jit.hint(obj, promote=True, access_directly=True), obj)

    def test_predicates_are_false_untranslated(self):
        self.assertFalse(jit.we_are_jitted())
        self.assertFalse(jit.isconstant(3))
        self.assertFalse(jit.isvirtual([]))
        self.assertEqual(jit.current_trace_length(), -1)
        self.assertIsNone(jit.assert_green(5))

    def test_record_exact_class(self):
        class A(object):
            pass

        class B(A):
            pass
        jit.record_exact_class(A(), A)
        jit.record_exact_class(None, A)
        with self.assertRaises(JitHintError):
            jit.record_exact_class(B(), A)

    def test_conditional_call(self):
        calls = []
        jit.conditional_call(False, calls.append, 1)
        jit.conditional_call(True, calls.append, 2)
        self.assertEqual(calls, [2])

    def test_hint_markers(self):
        for name in ['promote', 'promote_string', 'hint', 'we_are_jitted',
                     'isconstant', 'isvirtual', 'record_exact_class',
                     'set_param', 'set_user_param', 'conditional_call']:
            self.assertEqual(getattr(jit, name)._lathe_hint_, name)

    def test_jit_hint_error_is_assertion_error(self):
        self.assertTrue(issubclass(JitHintError, AssertionError))


class TestDecorators(unittest.TestCase):

    def test_elidable(self):
        def f(x):
            return x + 1
        self.assertIs(jit.elidable(f), f)
        self.assertTrue(f._jit_elidable_)
        self.assertEqual(f(1), 2)

    def test_dont_look_inside_and_look_inside(self):
        def f():
            return 1

        def g():
            return 2
        self.assertIs(jit.dont_look_inside(f), f)
        self.assertIs(f._jit_look_inside_, False)
        self.assertIs(jit.look_inside(g), g)
        self.assertIs(g._jit_look_inside_, True)

    def test_unroll_safe(self):
        @jit.unroll_safe
        def f(n):
            total = 0
            for i in range(n):
                total += i
            return total
        self.assertTrue(f._jit_unroll_safe_)
        self.assertEqual(f(4), 6)

    def test_look_inside_iff(self):
        def pred(x, y):
            return jit.isconstant(x)

        @jit.look_inside_iff(pred)
        def f(x, y):
            return x * y
        self.assertIs(f._jit_look_inside_iff_, pred)
        self.assertEqual(f(3, 4), 12)

    def test_other_decorators(self):
        @jit.loop_invariant
        def f():
            return 1

        @jit.not_in_trace
        def g():
            return None

        @jit.oopspec('list.len(l)')
        def h(l):
            return len(l)
        self.assertTrue(f._jit_loop_invariant_)
        self.assertTrue(g._jit_not_in_trace_)
        self.assertEqual(h._jit_oopspec_, 'list.len(l)')
        self.assertEqual(h([1, 2]), 2)

    def test_stacked_decorators_keep_both_marks(self):
        @jit.elidable
        @jit.dont_look_inside
        def f(x):
            return x
        self.assertTrue(f._jit_elidable_)
        self.assertIs(f._jit_look_inside_, False)


class TestParams(unittest.TestCase):

    def test_set_param(self):
        driver = JitDriver(greens=['pc'], reds=['x'])
        jit.set_param(driver, 'threshold', 50)
        jit.set_param(None, 'trace_limit', 3000)
        jit.set_param(driver, 'enable_opts', 'intbounds:rewrite')
        with self.assertRaises(JitHintError):
            jit.set_param(driver, 'no_such_param', 1)
        with self.assertRaises(JitHintError):
            jit.set_param(driver, 'threshold', '50')
        with self.assertRaises(JitHintError):
            jit.set_param(driver, 'enable_opts', 3)

    def test_parameter_names(self):
        for name in ['threshold', 'function_threshold', 'trace_eagerness',
                     'trace_limit', 'decay', 'enable_opts']:
            self.assertIn(name, jit.PARAMETERS)

    def test_set_user_param(self):
        jit.set_user_param(None, 'threshold=50,trace_limit=3000')
        jit.set_user_param(None, 'off')
        jit.set_user_param(None, '')
        jit.set_user_param(None, 'enable_opts=heap:pure')
        with self.assertRaises(JitHintError):
            jit.set_user_param(None, 'threshold')
        with self.assertRaises(JitHintError):
            jit.set_user_param(None, 'threshold=abc')
        with self.assertRaises(JitHintError):
            jit.set_user_param(None, 'bogus=1')


class TestJitDriver(unittest.TestCase):

    def make(self):
        return JitDriver(greens=['pc', 'program'], reds=['ptr', 'tape'],
                         name='bf')

    def test_fields(self):
        def loc(pc, program):
            return '%d' % pc
        d = JitDriver(greens=['pc'], reds=['frame'], virtualizables=['frame'],
                      get_printable_location=loc)
        self.assertEqual(d.greens, ['pc'])
        self.assertEqual(d.reds, ['frame'])
        self.assertEqual(d.virtualizables, ['frame'])
        self.assertIs(d.get_printable_location, loc)
        self.assertFalse(d.autoreds)
        self.assertEqual(d.name, 'jitdriver')
        self.assertIn('frame', repr(d))

    def test_merge_point_exact_arguments(self):
        d = self.make()
        d.jit_merge_point(pc=0, program='+', ptr=0, tape=[])
        d.can_enter_jit(pc=0, program='+', ptr=0, tape=[])

    def test_merge_point_missing(self):
        d = self.make()
        with self.assertRaises(JitHintError) as cm:
            d.jit_merge_point(pc=0, program='+', ptr=0)
        msg = str(cm.exception)
        self.assertIn('bf.jit_merge_point()', msg)
        self.assertIn('missing tape', msg)
        self.assertNotIn('unexpected', msg)

    def test_merge_point_extra(self):
        d = self.make()
        with self.assertRaises(JitHintError) as cm:
            d.jit_merge_point(pc=0, program='+', ptr=0, tape=[], x=1, a=2)
        msg = str(cm.exception)
        self.assertIn('unexpected a, x', msg)
        self.assertIn('greens [pc, program] and reds [ptr, tape]', msg)

    def test_can_enter_jit_checks_too(self):
        d = self.make()
        with self.assertRaises(JitHintError) as cm:
            d.can_enter_jit(pc=0, ptr=0, tape=[], prog='+')
        msg = str(cm.exception)
        self.assertIn('can_enter_jit', msg)
        self.assertIn('missing program', msg)
        self.assertIn('unexpected prog', msg)

    def test_check_untranslated_false(self):
        d = JitDriver(greens=['pc'], reds=['x'], check_untranslated=False)
        d.jit_merge_point(whatever=1)

    def test_autoreds(self):
        d = JitDriver(greens=['pc'], reds='auto')
        self.assertTrue(d.autoreds)
        self.assertEqual(d.reds, [])
        d.jit_merge_point(pc=3)
        with self.assertRaises(JitHintError) as cm:
            d.jit_merge_point(pc=3, acc=1)
        self.assertIn("reds='auto'", str(cm.exception))
        with self.assertRaises(JitHintError):
            d.can_enter_jit(pc=3)
        self.assertIsNone(d.loop_header())

    def test_bad_declarations(self):
        with self.assertRaises(JitHintError):
            JitDriver(greens=['pc'])                        # no reds
        with self.assertRaises(JitHintError):
            JitDriver(greens='pc', reds=['x'])              # not a list
        with self.assertRaises(JitHintError):
            JitDriver(greens=['pc'], reds=['pc'])           # both
        with self.assertRaises(JitHintError):
            JitDriver(greens=['pc', 'pc'], reds=['x'])      # twice
        with self.assertRaises(JitHintError):
            JitDriver(greens=[1], reds=['x'])               # not a name
        with self.assertRaises(JitHintError):
            JitDriver(greens=['pc'], reds=['x'], virtualizables=['f'])
        with self.assertRaises(JitHintError):
            JitDriver(greens=['pc'], reds='auto', virtualizables=['f'])

    def test_greens_default_empty(self):
        d = JitDriver(reds=['x'])
        self.assertEqual(d.greens, [])
        d.jit_merge_point(x=1)


if __name__ == '__main__':
    unittest.main()
