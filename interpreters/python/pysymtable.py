"""pysymtable: the symbol table pass of the compiler (Python 3 scoping).

Where this sits: pycompiler.py runs it on a Module before generating
code, and asks it how to load and store each name.  Input: a pyast tree;
output: one Scope per module, class, function, lambda and comprehension,
found through `SymbolTable.scope_of(node)`, each resolving every name it
mentions to SCOPE_LOCAL, SCOPE_GLOBAL_EXPLICIT, SCOPE_GLOBAL_IMPLICIT,
SCOPE_FREE or SCOPE_CELL.

Follows CPython 3.11's Python/symtable.c in two passes:
1. a visitor records, per scope, what each name is used for (bound,
   parameter, declared global or nonlocal, used), in source order;
2. `analyze` walks the scopes top down with the set of names bound in
   enclosing function scopes, and bottom up with the names free in
   children: a free name that is local here becomes a cell; one that is
   not passes through as a free variable of this scope too.
Class scopes do not bind names for the functions inside them, but offer
`__class__`: a method that uses `super` or `__class__` gets it as a free
variable and the class body owns the cell (`needs_class_closure`).  A
comprehension is a function scope whose only parameter is `.0` (its first
iterable is evaluated in the enclosing scope).  Private names (`__x` in a
class) are mangled here and by the compiler with `mangle()`.

Errors are PySyntaxErrors with CPython's messages ("no binding for
nonlocal 'x' found", "'return' outside function", ...).
"""

import pyast
from pyast import CTX_LOAD
from pytokenizer import make_error

# What a name is used for in one scope (bits).
DEF_GLOBAL = 1        # declared `global`
DEF_LOCAL = 2         # bound (assigned, deleted, imported, def, class, for)
DEF_PARAM = 4         # a parameter
DEF_NONLOCAL = 8      # declared `nonlocal`
USE = 16              # read
DEF_FREE_CLASS = 32   # a class scope passes this free variable through
DEF_BOUND = DEF_LOCAL | DEF_PARAM

# How a name resolves.
SCOPE_LOCAL = 1
SCOPE_GLOBAL_EXPLICIT = 2
SCOPE_GLOBAL_IMPLICIT = 3
SCOPE_FREE = 4
SCOPE_CELL = 5

# Kinds of scope.
MODULE = 0
CLASS = 1
FUNCTION = 2

COMPREHENSION_ARG = '.0'


def mangle(private, name):
    """`__name` inside class `private` is `_private__name` (CPython's
    _Py_Mangle); dunder names, dotted names and names outside classes are
    unchanged."""
    if private is None or len(name) < 3 or name[0] != '_' or name[1] != '_':
        return name
    if name.endswith('__') or name.find('.') >= 0:
        return name
    i = 0
    while i < len(private) and private[i] == '_':
        i += 1
    if i == len(private):
        return name
    return '_' + private[i:] + name


class Scope(object):
    """One scope.  `symbols` maps names to DEF_*/USE bits, `names` keeps
    them in order of first mention, `resolved` maps them to SCOPE_* after
    analysis.  `private` is the class name used for mangling, if any."""

    def __init__(self, name, kind, node, parent, private):
        self.name = name
        self.kind = kind
        self.node = node
        self.parent = parent
        self.private = private
        self.symbols = {}
        self.names = []
        self.resolved = {}
        self.params = []
        self.children = []
        self.is_generator = False
        self.is_comprehension = False
        self.is_lambda = False
        self.needs_class_closure = False
        self.has_free = False

    def add(self, name, flag):
        if name in self.symbols:
            self.symbols[name] = self.symbols[name] | flag
        else:
            self.symbols[name] = flag
            self.names.append(name)

    def flags(self, name):
        if name in self.symbols:
            return self.symbols[name]
        return 0

    def lookup(self, name):
        """The SCOPE_* of `name` (already mangled); names the scope never
        mentioned (the compiler's own, like `__module__`) are implicit
        globals."""
        if name in self.resolved:
            return self.resolved[name]
        return SCOPE_GLOBAL_IMPLICIT

    def is_function(self):
        return self.kind == FUNCTION

    def cellvars(self):
        """The cell variables, sorted (CPython's order)."""
        out = []
        for name in self.names:
            if self.resolved[name] == SCOPE_CELL:
                out.append(name)
        if self.needs_class_closure and '__class__' not in out:
            out.append('__class__')
        return sorted_names(out)

    def freevars(self):
        """The free variables, sorted; a class also lists the free
        variables it only passes through to its methods."""
        out = []
        for name in self.names:
            if self.resolved[name] == SCOPE_FREE or \
                    self.symbols[name] & DEF_FREE_CLASS:
                out.append(name)
        return sorted_names(out)


def sorted_names(names):
    """`names` sorted (insertion sort: short lists)."""
    out = []
    for name in names:
        i = len(out)
        out.append(name)
        while i > 0 and out[i - 1] > name:
            out[i] = out[i - 1]
            i -= 1
        out[i] = name
    return out


class NameSet(object):
    """A set of names (a dict to bool, in insertion order)."""

    def __init__(self):
        self.items = {}

    def add(self, name):
        self.items[name] = True

    def discard(self, name):
        if name in self.items:
            del self.items[name]

    def contains(self, name):
        return name in self.items

    def update(self, other):
        for name in other.items:
            self.items[name] = True

    def copy(self):
        out = NameSet()
        out.update(self)
        return out


class SymbolTable(object):
    """The scopes of one module, keyed by the node that opens each."""

    def __init__(self, source, filename):
        self.source = source
        self.filename = filename
        self.scopes = {}
        self.top = None

    def scope_of(self, node):
        return self.scopes[node]

    def error(self, msg, node):
        return make_error('SyntaxError', msg, self.filename, self.source,
                          node.lineno, node.col_offset, node.end_lineno,
                          node.end_col_offset)


class SymbolVisitor(pyast.ASTVisitor):
    """Pass 1: records every name's uses in its scope."""

    def __init__(self, table):
        self.table = table
        self.scope = None

    # --- scopes ---------------------------------------------------------

    def enter(self, name, kind, node):
        parent = self.scope
        private = None
        if parent is not None:
            private = parent.private
        scope = Scope(name, kind, node, parent, private)
        if parent is not None:
            parent.children.append(scope)
        self.table.scopes[node] = scope
        self.scope = scope
        return scope

    def leave(self):
        self.scope = self.scope.parent

    def mangled(self, name):
        return mangle(self.scope.private, name)

    def define(self, name, flag, node):
        name = self.mangled(name)
        scope = self.scope
        if flag & DEF_PARAM and scope.flags(name) & DEF_PARAM:
            raise self.table.error("duplicate argument '%s' in function "
                                   "definition" % name, node)
        scope.add(name, flag)

    # --- statements -------------------------------------------------------

    def visit_Module(self, node):
        self.table.top = self.enter('top', MODULE, node)
        for stmt in node.body:
            stmt.walkabout(self)
        self.leave()

    def visit_FunctionDef(self, node):
        self.define(node.name, DEF_LOCAL, node)
        for dec in node.decorator_list:
            dec.walkabout(self)
        self.visit_defaults(node.args)
        self.enter(node.name, FUNCTION, node)
        self.visit_params(node.args)
        for stmt in node.body:
            stmt.walkabout(self)
        self.leave()

    def visit_ClassDef(self, node):
        self.define(node.name, DEF_LOCAL, node)
        for base in node.bases:
            base.walkabout(self)
        for kw in node.keywords:
            kw.value.walkabout(self)
        for dec in node.decorator_list:
            dec.walkabout(self)
        scope = self.enter(node.name, CLASS, node)
        scope.private = node.name
        for stmt in node.body:
            stmt.walkabout(self)
        self.leave()

    def visit_Return(self, node):
        if not self.scope.is_function():
            raise self.table.error("'return' outside function", node)
        if node.value is not None:
            node.value.walkabout(self)

    def visit_Global(self, node):
        for name in node.names:
            self.declare(name, DEF_GLOBAL, "global", node)

    def visit_Nonlocal(self, node):
        if self.scope.kind == MODULE:
            raise self.table.error("nonlocal declaration not allowed at "
                                   "module level", node)
        for name in node.names:
            self.declare(name, DEF_NONLOCAL, "nonlocal", node)

    def declare(self, name, flag, what, node):
        name = self.mangled(name)
        flags = self.scope.flags(name)
        if flags & DEF_PARAM:
            raise self.table.error("name '%s' is parameter and %s" %
                                   (name, what), node)
        if flags & DEF_LOCAL:
            raise self.table.error("name '%s' is assigned to before %s "
                                   "declaration" % (name, what), node)
        if flags & USE:
            raise self.table.error("name '%s' is used prior to %s "
                                   "declaration" % (name, what), node)
        if flag == DEF_GLOBAL and flags & DEF_NONLOCAL:
            raise self.table.error("name '%s' is nonlocal and global" %
                                   name, node)
        if flag == DEF_NONLOCAL and flags & DEF_GLOBAL:
            raise self.table.error("name '%s' is nonlocal and global" %
                                   name, node)
        self.scope.add(name, flag)

    def visit_Import(self, node):
        for alias in node.names:
            self.import_alias(alias, node)

    def visit_ImportFrom(self, node):
        for alias in node.names:
            self.import_alias(alias, node)

    def import_alias(self, alias, node):
        if alias.name == '*':
            if self.scope.kind != MODULE:
                raise self.table.error("import * only allowed at module "
                                       "level", node)
            return
        name = alias.asname
        if name is None:
            name = alias.name
            dot = name.find('.')
            if dot >= 0:
                name = name[:dot]
        self.define(name, DEF_LOCAL, alias)

    def visit_ExceptHandler(self, node):
        if node.type is not None:
            node.type.walkabout(self)
        if node.name is not None:
            self.define(node.name, DEF_LOCAL, node)
        for stmt in node.body:
            stmt.walkabout(self)

    def visit_AnnAssign(self, node):
        # Annotations are not compiled (see pycompiler): not visited.
        node.target.walkabout(self)
        if node.value is not None:
            node.value.walkabout(self)

    def visit_AugAssign(self, node):
        node.target.walkabout(self)
        if isinstance(node.target, pyast.Name):
            self.scope.add(self.mangled(node.target.id), USE)
        node.value.walkabout(self)

    # --- expressions ------------------------------------------------------

    def visit_Name(self, node):
        if node.ctx == CTX_LOAD:
            self.define(node.id, USE, node)
            if node.id == 'super' and self.scope.is_function():
                self.scope.add('__class__', USE)
        else:
            self.define(node.id, DEF_LOCAL, node)

    def visit_Lambda(self, node):
        self.visit_defaults(node.args)
        scope = self.enter('lambda', FUNCTION, node)
        scope.is_lambda = True
        self.visit_params(node.args)
        node.body.walkabout(self)
        self.leave()

    def visit_Yield(self, node):
        self.check_yield(node)
        if node.value is not None:
            node.value.walkabout(self)

    def visit_YieldFrom(self, node):
        self.check_yield(node)
        node.value.walkabout(self)

    def check_yield(self, node):
        scope = self.scope
        if scope.is_comprehension:
            raise self.table.error("'yield' inside %s" % scope.name, node)
        if not scope.is_function():
            raise self.table.error("'yield' outside function", node)
        scope.is_generator = True

    def visit_ListComp(self, node):
        self.comprehension(node, 'list comprehension', node.generators)
        node.elt.walkabout(self)
        self.leave()

    def visit_SetComp(self, node):
        self.comprehension(node, 'set comprehension', node.generators)
        node.elt.walkabout(self)
        self.leave()

    def visit_GeneratorExp(self, node):
        scope = self.comprehension(node, 'generator expression',
                                   node.generators)
        scope.is_generator = True
        node.elt.walkabout(self)
        self.leave()

    def visit_DictComp(self, node):
        self.comprehension(node, 'dict comprehension', node.generators)
        node.key.walkabout(self)
        node.value.walkabout(self)
        self.leave()

    def comprehension(self, node, what, generators):
        """Opens the comprehension's scope (the caller visits the element
        and leaves): the first iterable is the enclosing scope's."""
        first = generators[0]
        first.iter.walkabout(self)
        scope = self.enter(what, FUNCTION, node)
        scope.is_comprehension = True
        scope.add(COMPREHENSION_ARG, DEF_PARAM)
        scope.params.append(COMPREHENSION_ARG)
        first.target.walkabout(self)
        for cond in first.ifs:
            cond.walkabout(self)
        for i in range(1, len(generators)):
            gen = generators[i]
            gen.target.walkabout(self)
            gen.iter.walkabout(self)
            for cond in gen.ifs:
                cond.walkabout(self)
        return scope

    # --- arguments --------------------------------------------------------

    def visit_defaults(self, args):
        for default in args.defaults:
            default.walkabout(self)
        for default in args.kw_defaults:
            if default is not None:
                default.walkabout(self)

    def visit_params(self, args):
        for arg in args.posonlyargs:
            self.param(arg)
        for arg in args.args:
            self.param(arg)
        for arg in args.kwonlyargs:
            self.param(arg)
        if args.vararg is not None:
            self.param(args.vararg)
        if args.kwarg is not None:
            self.param(args.kwarg)

    def param(self, arg):
        self.define(arg.arg, DEF_PARAM, arg)
        self.scope.params.append(self.mangled(arg.arg))


# ---------------------------------------------------------------------------
# Pass 2: analysis (CPython's analyze_block).

class Analyzer(object):
    def __init__(self, table):
        self.table = table

    def analyze_block(self, scope, bound, free, globs):
        """Resolve `scope`'s names given `bound` (names bound by enclosing
        function scopes, or None at the top) and `globs` (names declared
        global outside); adds the names free in `scope` to `free`."""
        local = NameSet()
        scopes = {}
        newglobal = NameSet()
        newfree = NameSet()
        newbound = NameSet()
        if scope.kind == CLASS:
            newglobal.update(globs)
            if bound is not None:
                newbound.update(bound)
        for name in scope.names:
            self.analyze_name(scope, scopes, name, scope.symbols[name],
                              bound, local, free, globs)
        if scope.kind != CLASS:
            if scope.kind == FUNCTION:
                newbound.update(local)
            if bound is not None:
                newbound.update(bound)
            newglobal.update(globs)
        else:
            newbound.add('__class__')
        for child in scope.children:
            child_free = NameSet()
            self.analyze_block(child, newbound.copy(), child_free,
                               newglobal.copy())
            newfree.update(child_free)
        if scope.kind == FUNCTION:
            self.analyze_cells(scopes, newfree)
        elif scope.kind == CLASS and newfree.contains('__class__'):
            scope.needs_class_closure = True
            newfree.discard('__class__')
        self.update_symbols(scope, scopes, bound, newfree)
        free.update(newfree)

    def analyze_name(self, scope, scopes, name, flags, bound, local, free,
                     globs):
        if flags & DEF_GLOBAL:
            scopes[name] = SCOPE_GLOBAL_EXPLICIT
            globs.add(name)
            if bound is not None:
                bound.discard(name)
            return
        if flags & DEF_NONLOCAL:
            if bound is None or not bound.contains(name):
                raise self.nonlocal_error(scope, name)
            scopes[name] = SCOPE_FREE
            scope.has_free = True
            free.add(name)
            return
        if flags & DEF_BOUND:
            scopes[name] = SCOPE_LOCAL
            local.add(name)
            globs.discard(name)
            return
        if bound is not None and bound.contains(name):
            scopes[name] = SCOPE_FREE
            scope.has_free = True
            free.add(name)
            return
        scopes[name] = SCOPE_GLOBAL_IMPLICIT

    def nonlocal_error(self, scope, name):
        """CPython reports it at the nonlocal statement: find it."""
        finder = NonlocalFinder(name)
        node = scope.node
        if isinstance(node, pyast.FunctionDef):
            for stmt in node.body:
                stmt.walkabout(finder)
        elif isinstance(node, pyast.ClassDef):
            for stmt in node.body:
                stmt.walkabout(finder)
        found = finder.found
        if found is None:
            found = node
        return self.table.error("no binding for nonlocal '%s' found" % name,
                                found)

    def analyze_cells(self, scopes, free):
        for name in scopes:
            if scopes[name] == SCOPE_LOCAL and free.contains(name):
                scopes[name] = SCOPE_CELL
                free.discard(name)

    def update_symbols(self, scope, scopes, bound, free):
        for name in scopes:
            scope.resolved[name] = scopes[name]
        for name in free.items:
            if name in scope.symbols:
                flags = scope.symbols[name]
                if scope.kind == CLASS and flags & (DEF_BOUND | DEF_GLOBAL):
                    scope.symbols[name] = flags | DEF_FREE_CLASS
                continue
            if bound is not None and not bound.contains(name):
                continue
            scope.add(name, 0)
            scope.resolved[name] = SCOPE_FREE
            scope.has_free = True


class NonlocalFinder(pyast.ASTVisitor):
    """Finds the `nonlocal` statement naming `name` in one scope."""

    def __init__(self, name):
        self.name = name
        self.found = None

    def visit_Nonlocal(self, node):
        if self.found is None and self.name in node.names:
            self.found = node

    def visit_FunctionDef(self, node):
        pass

    def visit_ClassDef(self, node):
        pass


def build(module, source, filename):
    """The SymbolTable of a Module; raises PySyntaxError."""
    table = SymbolTable(source, filename)
    module.walkabout(SymbolVisitor(table))
    Analyzer(table).analyze_block(table.top, None, NameSet(), NameSet())
    return table
