"""rlib.jit: hints that drive Lathe's meta-tracing JIT (DESIGN.md section 6).

The names and signatures are RPython's (rpython/rlib/jit.py), so RPython
users feel at home.  Untranslated, on CPython, every hint is a no-op that
returns its argument; the one thing checked is that `jit_merge_point` and
`can_enter_jit` receive exactly the driver's green and red variables, as
RPython checks too.

How the translator finds the hints
----------------------------------
* Hint *functions* (`promote`, `we_are_jitted`, ...) are recognised by
  identity.  Each also carries `_lathe_hint_ = '<name>'` so a tool can tell
  them apart without a name table.
* *Decorators* mark the function object they receive and return that same
  function (never a wrapper):

      @elidable              func._jit_elidable_ = True
      @dont_look_inside      func._jit_look_inside_ = False
      @look_inside           func._jit_look_inside_ = True
      @unroll_safe           func._jit_unroll_safe_ = True
      @look_inside_iff(p)    func._jit_look_inside_iff_ = p
      @loop_invariant        func._jit_loop_invariant_ = True
      @not_in_trace          func._jit_not_in_trace_ = True
      @oopspec(s)            func._jit_oopspec_ = s

* A `JitDriver` is a plain instance made at module level; its fields
  (`greens`, `reds`, `virtualizables`, `get_printable_location`, `name`,
  `autoreds`, ...) are read by the translator from the prebuilt object, and
  `driver.jit_merge_point` / `driver.can_enter_jit` calls are recognised by
  method identity.
* Class attributes `_immutable_fields_` (`'x'`, `'arr[*]'`, `'v?'`) and
  `_virtualizable_` need nothing from this module.

Evaluator subset: this module uses only classes, functions, closures,
**kwargs, lists, dicts, strings and setting attributes on function objects.
"""


class JitHintError(AssertionError):
    """A hint was used inconsistently (wrong live variables, bad driver
    declaration, unknown parameter).  An AssertionError, as in RPython."""


# ---------------------------------------------------------------------------
# Value hints.  Untranslated they return their argument unchanged.

def promote(x):
    """Tell the JIT to treat `x` as a constant in the trace: it records a
    guard_value on the current value and specialises the rest of the trace."""
    return x


def promote_string(s):
    """Like `promote`, but compares strings by content, not identity."""
    return s


def hint(x, **kwds):
    """RPython's generic hint (`promote=True`, `force_virtualizable=True`,
    `access_directly=True`, ...).  Returns `x`."""
    return x


def we_are_jitted():
    """True only in code that runs inside a trace (or its traced twin).
    Untranslated, and in the normal interpreter, False."""
    return False


def isconstant(x):
    """While tracing: is `x` a trace constant?  Untranslated: False."""
    return False


def isvirtual(x):
    """While tracing: is `x` a virtual (not yet allocated) object?
    Untranslated: False."""
    return False


def record_exact_class(x, cls):
    """Assure the JIT that `x` is an instance of exactly `cls` (not a
    subclass), so it can skip guard_class.  Untranslated, checked."""
    if x is not None and type(x) is not cls:
        raise JitHintError("record_exact_class: %r is not exactly of class %s"
                           % (x, cls.__name__))


def assert_green(x):
    """Assert that `x` is a constant while tracing.  Untranslated: no-op."""
    return None


def current_trace_length():
    """Length of the trace being recorded, or -1 when not tracing."""
    return -1


def conditional_call(condition, function, *args):
    """Call `function(*args)` if `condition`; the JIT emits a cheap
    conditional call instead of a branch."""
    if condition:
        function(*args)


promote._lathe_hint_ = 'promote'
promote_string._lathe_hint_ = 'promote_string'
hint._lathe_hint_ = 'hint'
we_are_jitted._lathe_hint_ = 'we_are_jitted'
isconstant._lathe_hint_ = 'isconstant'
isvirtual._lathe_hint_ = 'isvirtual'
record_exact_class._lathe_hint_ = 'record_exact_class'
assert_green._lathe_hint_ = 'assert_green'
current_trace_length._lathe_hint_ = 'current_trace_length'
conditional_call._lathe_hint_ = 'conditional_call'


# ---------------------------------------------------------------------------
# Function decorators.  Each marks the function and returns it unchanged.

def elidable(func):
    """The function is pure for the JIT: same arguments, same result, no
    visible side effects (it may still raise or allocate).  With constant
    arguments the call folds away; otherwise it is recorded as call_pure
    and CSE'd."""
    func._jit_elidable_ = True
    return func


def dont_look_inside(func):
    """The tracer does not enter this function; calls to it become residual
    `call` operations in the trace."""
    func._jit_look_inside_ = False
    return func


def look_inside(func):
    """Force the tracer to enter this function (the default for most)."""
    func._jit_look_inside_ = True
    return func


def unroll_safe(func):
    """The function contains loops that the tracer may unroll: their trip
    count is small or constant when traced.  Without this, the tracer does
    not enter functions that contain loops."""
    func._jit_unroll_safe_ = True
    return func


def look_inside_iff(predicate):
    """`@look_inside_iff(pred)`: the tracer enters the function only when
    `pred(*args)` is true for the call's arguments (typically an
    `isconstant` test); otherwise the call is residual.  `pred` takes the
    same arguments as the decorated function."""
    def decorator(func):
        func._jit_look_inside_iff_ = predicate
        return func
    return decorator


def loop_invariant(func):
    """A function of no arguments whose result never changes within one
    loop: the JIT calls it once per loop iteration at most."""
    func._jit_loop_invariant_ = True
    return func


def not_in_trace(func):
    """Calls to this function (returning None) are executed when tracing but
    not recorded; the compiled code never calls it."""
    func._jit_not_in_trace_ = True
    return func


def oopspec(spec):
    """`@oopspec('list.getitem(l, index)')`: name the function for the
    JIT's special-cased operations."""
    def decorator(func):
        func._jit_oopspec_ = spec
        return func
    return decorator


# ---------------------------------------------------------------------------
# JIT parameters (RPython's names).  LATHE_JIT=threshold=50,trace_limit=3000
# and `set_param` use the same names.

PARAMETERS = {
    'threshold': 1039,            # loop iterations before tracing starts
    'function_threshold': 1619,   # function entries before tracing from the start
    'trace_eagerness': 200,       # guard failures before a bridge is traced
    'decay': 40,                  # percentage by which counters decay
    'trace_limit': 6000,          # abort traces longer than this many ops
    'inlining': 1,                # trace into the portal recursively
    'loop_longevity': 1000,       # a loop is freed after this many generations unused
    'retrace_limit': 0,           # how many times a loop may be retraced
    'max_retrace_guards': 15,
    'max_unroll_loops': 0,
    'disable_unrolling': 200,     # no peeling of traces longer than this
    'max_unroll_recursion': 7,
    'enable_opts': 'all',         # colon-separated optimizer pass names
}

# The optimizer passes that `enable_opts` may name (DESIGN.md section 6).
ENABLE_OPTS = ['intbounds', 'rewrite', 'virtualize', 'heap', 'pure', 'unroll']


def set_param(driver, name, value):
    """Set JIT parameter `name` of `driver` (None: of every driver).
    Untranslated only the name and the value's type are checked."""
    if name not in PARAMETERS:
        raise JitHintError("set_param: unknown JIT parameter '%s'" % (name,))
    if name == 'enable_opts':
        if not isinstance(value, str):
            raise JitHintError("set_param: 'enable_opts' takes a string")
    elif not isinstance(value, int) or isinstance(value, bool):
        raise JitHintError("set_param: '%s' takes an int" % (name,))


def set_user_param(driver, text):
    """Parse 'threshold=50,trace_limit=3000' (the LATHE_JIT syntax) and
    set each parameter; 'off' disables the JIT.  Raises JitHintError on
    malformed text."""
    if text == 'off':
        return
    for item in text.split(','):
        if item == '':
            continue
        parts = item.split('=')
        if len(parts) != 2 or parts[0] == '':
            raise JitHintError("set_user_param: expected name=value, got '%s'"
                               % (item,))
        name = parts[0]
        if name == 'enable_opts':
            set_param(driver, name, parts[1])
        else:
            try:
                value = int(parts[1])
            except ValueError:
                raise JitHintError("set_user_param: '%s' needs an integer, got '%s'"
                                   % (name, parts[1]))
            set_param(driver, name, value)


set_param._lathe_hint_ = 'set_param'
set_user_param._lathe_hint_ = 'set_user_param'


# ---------------------------------------------------------------------------
# JitDriver

def _check_name_list(what, names):
    """Validate a greens/reds/virtualizables declaration; return a copy."""
    if isinstance(names, str) or not isinstance(names, (list, tuple)):
        raise JitHintError("JitDriver: %s must be a list of variable names" % what)
    result = []
    for name in names:
        if not isinstance(name, str) or name == '':
            raise JitHintError("JitDriver: %s must be a list of variable names" % what)
        if name in result:
            raise JitHintError("JitDriver: '%s' appears twice in %s" % (name, what))
        result.append(name)
    return result


class JitDriver(object):
    """Declares an interpreter's main loop (the *portal*) to the JIT.

    `greens` are the variables that identify a position in the interpreted
    program (e.g. `pc, program`): traces are keyed by them and they are
    constants inside a trace.  `reds` are all other variables live across
    the merge point, or the string 'auto' to let the translator find them
    (then only the greens are passed to `jit_merge_point`, and
    `can_enter_jit` is not allowed).  `get_printable_location(*greens)`
    returns a string for logs.  `virtualizables` names red frame objects
    whose class declares `_virtualizable_`.
    """

    def __init__(self, greens=None, reds=None, virtualizables=None,
                 get_jitcell_at=None, set_jitcell_at=None,
                 get_printable_location=None, confirm_enter_jit=None,
                 can_never_inline=None, should_unroll_one_iteration=None,
                 name='jitdriver', check_untranslated=True,
                 is_recursive=False, get_unique_id=None, get_location=None):
        if greens is None:
            greens = []
        if reds is None:
            raise JitHintError("JitDriver: 'reds' must be given (a list, or 'auto')")
        self.greens = _check_name_list('greens', greens)
        if reds == 'auto':
            self.autoreds = True
            self.reds = []
        else:
            self.autoreds = False
            self.reds = _check_name_list('reds', reds)
        for var in self.greens:
            if var in self.reds:
                raise JitHintError("JitDriver: '%s' is both green and red" % var)
        if virtualizables is None:
            virtualizables = []
        self.virtualizables = _check_name_list('virtualizables', virtualizables)
        for var in self.virtualizables:
            if self.autoreds:
                raise JitHintError("JitDriver: virtualizables need explicit reds")
            if var not in self.reds:
                raise JitHintError("JitDriver: virtualizable '%s' must be a red" % var)
        self.get_jitcell_at = get_jitcell_at
        self.set_jitcell_at = set_jitcell_at
        self.get_printable_location = get_printable_location
        self.confirm_enter_jit = confirm_enter_jit
        self.can_never_inline = can_never_inline
        self.should_unroll_one_iteration = should_unroll_one_iteration
        self.name = name
        self.check_untranslated = check_untranslated
        self.is_recursive = is_recursive
        self.get_unique_id = get_unique_id
        self.get_location = get_location

    def __repr__(self):
        reds = self.reds
        if self.autoreds:
            reds = 'auto'
        return '<JitDriver %s greens=%r reds=%r>' % (self.name, self.greens, reds)

    def _check_arguments(self, where, livevars):
        """Raise JitHintError unless `livevars` holds exactly the declared
        greens and reds (only the greens when reds='auto')."""
        expected = self.greens + self.reds
        missing = [n for n in expected if n not in livevars]
        extra = [n for n in sorted(livevars.keys()) if n not in expected]
        if not missing and not extra:
            return
        problems = []
        if missing:
            problems.append('missing %s' % ', '.join(missing))
        if extra:
            problems.append('unexpected %s' % ', '.join(extra))
        if self.autoreds:
            declared = "greens [%s] (reds='auto': pass only the greens)" % (
                ', '.join(self.greens),)
        else:
            declared = 'greens [%s] and reds [%s]' % (
                ', '.join(self.greens), ', '.join(self.reds))
        raise JitHintError('%s.%s(): %s; the driver declares %s' % (
            self.name, where, '; '.join(problems), declared))

    def jit_merge_point(self, **livevars):
        """Mark the top of the interpreter's dispatch loop.  Every variable
        live here must be passed, by name, as a green or a red."""
        if self.check_untranslated:
            self._check_arguments('jit_merge_point', livevars)

    def can_enter_jit(self, **livevars):
        """Mark a backward jump of the interpreted program (the end of a
        user-level loop): hotness is counted here.  Same arguments as
        `jit_merge_point`, with the values it will see next."""
        if self.autoreds:
            raise JitHintError("%s.can_enter_jit(): not allowed with reds='auto'"
                               % self.name)
        if self.check_untranslated:
            self._check_arguments('can_enter_jit', livevars)

    def loop_header(self):
        """Mark a loop header for a driver with reds='auto' (RPython)."""
        return None
