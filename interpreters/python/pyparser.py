"""pyparser: tokens -> AST (pyast), by recursive descent.

Where this sits: after pytokenizer, before pycompiler.  Input: the token
list of one source file; output: a pyast.Module, or a PySyntaxError.

    parse(source, filename) -> pyast.Module      (raises PySyntaxError)

This file has the statements; their base class, ExpressionParser in
pyexprparser.py, has the token stream, the errors and the expressions.

The grammar is CPython 3.11's (Grammar/python.gram) without `match`,
`async`/`await`, walrus (`:=`) and type comments; each of those gets a
clear SyntaxError.  The parser is LL(1) with a few local lookaheads and
one backtracking point (parenthesized `with` items).  Assignment targets
are parsed as expressions and then checked (`check_target`), as CPython's
invalid_* rules do, with CPython's messages ("cannot assign to function
call", ...).

Positions: every node spans from its first to its last token (byte
columns), as CPython's; parts of an f-string other than the expressions
inside get the whole string's position, as in CPython 3.11.

Errors: `self.invalid(tok)` is the generic "invalid syntax"; when the
tokenizer stopped at a lexical error later in the file, that error is
reported instead (CPython does the same).  Specific messages follow
CPython's wording for the common cases.  Checks that need scopes
('return' outside function, nonlocal, ...) are the compiler's.
"""

import pyast
from pyast import CTX_STORE, CTX_DEL
from pyexprparser import (ExpressionParser, NOT_NAMES, expression_name,
                          invalid_target)
from pytokenizer import (tokenize, PySyntaxError, ENDMARKER, NAME, NUMBER,
                         STRING, OP, NEWLINE, INDENT, DEDENT, ERRORTOKEN,
                         prepare_source)
from pyopcodes import (BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV,
                       BINOP_FLOORDIV, BINOP_MOD, BINOP_POW, BINOP_LSHIFT,
                       BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR,
                       BINOP_MATMUL)

AUGASSIGN_OPS = {'+=': BINOP_ADD, '-=': BINOP_SUB, '*=': BINOP_MUL,
                 '/=': BINOP_TRUEDIV, '//=': BINOP_FLOORDIV, '%=': BINOP_MOD,
                 '**=': BINOP_POW, '<<=': BINOP_LSHIFT, '>>=': BINOP_RSHIFT,
                 '&=': BINOP_AND, '|=': BINOP_OR, '^=': BINOP_XOR,
                 '@=': BINOP_MATMUL}
BLOCK_WHAT = {'if': "'if' statement", 'elif': "'elif' statement",
              'else': "'else' statement", 'while': "'while' statement",
              'for': "'for' statement", 'try': "'try' statement",
              'except': "'except' statement",
              'finally': "'finally' statement", 'with': "'with' statement",
              'def': "function definition", 'class': "class definition"}



class _Backtrack(Exception):
    """Internal: a speculative parse failed (see with_statement)."""



class Parser(ExpressionParser):
    """Parses one token list into a Module (statements here, expressions
    in ExpressionParser)."""

    def __init__(self, tokens, source, filename):
        ExpressionParser.__init__(self, tokens, source, filename)
        # The end of the last statement of the last block parsed: where a
        # compound statement ends.
        self.block_end_line = 0
        self.block_end_col = 0

    # --- module and blocks ------------------------------------------------

    def parse_module(self):
        body = []
        while self.tok.kind != ENDMARKER:
            self.statement(body)
        return pyast.Module(body)

    def statement(self, body):
        """One statement (a line of simple statements adds several)."""
        tok = self.tok
        if tok.kind == NAME:
            word = tok.text
            if word == 'if':
                body.append(self.if_statement())
                return
            if word == 'while':
                body.append(self.while_statement())
                return
            if word == 'for':
                body.append(self.for_statement())
                return
            if word == 'try':
                body.append(self.try_statement())
                return
            if word == 'with':
                body.append(self.with_statement())
                return
            if word == 'def':
                body.append(self.funcdef([], tok))
                return
            if word == 'class':
                body.append(self.classdef([], tok))
                return
            if word == 'async':
                raise self.error("'async' is not supported", tok)
        if tok.kind == OP and tok.text == '@':
            body.append(self.decorated())
            return
        self.simple_statements(body)

    def simple_statements(self, body):
        while True:
            body.append(self.simple_statement())
            if not self.eat_op(';'):
                break
            if self.tok.kind == NEWLINE:
                break
        if self.tok.kind != NEWLINE:
            raise self.invalid(self.tok)
        self.advance()

    def block(self, header):
        """The body of a compound statement whose keyword is `header`."""
        body = []
        if self.tok.kind != NEWLINE:
            self.simple_statements(body)
            self.set_block_end(body)
            return body
        newline = self.advance()
        if self.tok.kind != INDENT:
            what = BLOCK_WHAT[header.text]
            where = self.tok
            if where.kind == ENDMARKER:
                where = newline
            raise self.indentation_error(
                "expected an indented block after %s on line %d" %
                (what, header.line), where, where.col, where.end_col)
        self.advance()
        while self.tok.kind != DEDENT and self.tok.kind != ENDMARKER:
            self.statement(body)
        self.eat_dedent()
        self.set_block_end(body)
        return body

    def set_block_end(self, body):
        last = body[-1]
        self.block_end_line = last.end_lineno
        self.block_end_col = last.end_col_offset

    def eat_dedent(self):
        if self.tok.kind == DEDENT:
            self.advance()

    # --- simple statements ------------------------------------------------

    def simple_statement(self):
        tok = self.tok
        if tok.kind == NAME:
            word = tok.text
            if word == 'pass':
                self.advance()
                return pyast.Pass(tok.line, tok.col, tok.end_line,
                                  tok.end_col)
            if word == 'break':
                self.advance()
                return pyast.Break(tok.line, tok.col, tok.end_line,
                                   tok.end_col)
            if word == 'continue':
                self.advance()
                return pyast.Continue(tok.line, tok.col, tok.end_line,
                                      tok.end_col)
            if word == 'return':
                return self.return_statement()
            if word == 'raise':
                return self.raise_statement()
            if word == 'global' or word == 'nonlocal':
                return self.global_statement()
            if word == 'del':
                return self.del_statement()
            if word == 'assert':
                return self.assert_statement()
            if word == 'import':
                return self.import_statement()
            if word == 'from':
                return self.from_import_statement()
        return self.expression_statement()

    def return_statement(self):
        start = self.advance()
        value = None
        if self.at_expression_start():
            value = self.star_expressions()
        return pyast.Return(value, start.line, start.col, self.end_line(),
                            self.end_col())

    def raise_statement(self):
        start = self.advance()
        exc = None
        cause = None
        if self.at_expression_start():
            exc = self.expression()
            if self.eat_keyword('from'):
                cause = self.expression()
        return pyast.Raise(exc, cause, start.line, start.col, self.end_line(),
                           self.end_col())

    def global_statement(self):
        start = self.advance()
        names = [self.expect_name()]
        while self.eat_op(','):
            names.append(self.expect_name())
        if start.text == 'global':
            return pyast.Global(names, start.line, start.col, self.end_line(),
                                self.end_col())
        return pyast.Nonlocal(names, start.line, start.col, self.end_line(),
                              self.end_col())

    def del_statement(self):
        start = self.advance()
        targets = []
        while True:
            target = self.bitwise_or()
            self.check_target(target, CTX_DEL)
            targets.append(target)
            if not self.eat_op(','):
                break
            if not self.at_expression_start():
                break
        return pyast.Delete(targets, start.line, start.col, self.end_line(),
                            self.end_col())

    def assert_statement(self):
        start = self.advance()
        test = self.expression()
        msg = None
        if self.eat_op(','):
            msg = self.expression()
        return pyast.Assert(test, msg, start.line, start.col, self.end_line(),
                            self.end_col())

    def import_statement(self):
        start = self.advance()
        names = [self.dotted_as_name()]
        while self.eat_op(','):
            names.append(self.dotted_as_name())
        return pyast.Import(names, start.line, start.col, self.end_line(),
                            self.end_col())

    def dotted_name(self):
        parts = [self.expect_name()]
        while self.eat_op('.'):
            parts.append(self.expect_name())
        return '.'.join(parts)

    def dotted_as_name(self):
        start = self.tok
        name = self.dotted_name()
        asname = None
        if self.eat_keyword('as'):
            asname = self.expect_name()
        return pyast.alias(name, asname, start.line, start.col,
                           self.end_line(), self.end_col())

    def from_import_statement(self):
        start = self.advance()
        level = 0
        while True:
            if self.eat_op('.'):
                level += 1
            elif self.eat_op('...'):
                level += 3
            else:
                break
        module = None
        if not self.at_keyword('import'):
            module = self.dotted_name()
        elif level == 0:
            raise self.invalid(self.tok)
        if not self.at_keyword('import'):
            raise self.invalid(self.tok)
        self.advance()
        names = self.import_names()
        return pyast.ImportFrom(module, names, level, start.line, start.col,
                                self.end_line(), self.end_col())

    def import_names(self):
        if self.at_op('*'):
            tok = self.advance()
            return [pyast.alias('*', None, tok.line, tok.col, tok.end_line,
                                tok.end_col)]
        if self.eat_op('('):
            names = [self.import_as_name()]
            while self.eat_op(','):
                if self.at_op(')'):
                    break
                names.append(self.import_as_name())
            self.expect_op(')')
            return names
        names = [self.import_as_name()]
        while self.at_op(','):
            comma = self.advance()
            if self.tok.kind == NEWLINE:
                raise self.error("trailing comma not allowed without "
                                 "surrounding parentheses", self.tok)
            names.append(self.import_as_name())
        return names

    def import_as_name(self):
        start = self.tok
        name = self.expect_name()
        asname = None
        if self.eat_keyword('as'):
            asname = self.expect_name()
        return pyast.alias(name, asname, start.line, start.col,
                           self.end_line(), self.end_col())

    def expression_statement(self):
        start = self.tok
        first = self.yield_or_star_expressions()
        if self.at_op('='):
            return self.assignment(first, start)
        if self.at_op(':'):
            return self.annotated_assignment(first, start)
        if self.tok.kind == OP and self.tok.text in AUGASSIGN_OPS:
            return self.augmented_assignment(first, start)
        self.check_print_statement(first)
        self.check_match_statement(first)
        return pyast.Expr(first, start.line, start.col, self.end_line(),
                          self.end_col())

    def check_print_statement(self, first):
        """`print x` gets CPython's hint."""
        if isinstance(first, pyast.Name) and first.id == 'print' and \
                (self.tok.kind == NAME or self.tok.kind == NUMBER or
                 self.tok.kind == STRING) and \
                self.tok.text not in NOT_NAMES:
            end = self.tok
            while self.tok.kind != NEWLINE and self.tok.kind != ENDMARKER:
                end = self.advance()
            raise self.error_span("Missing parentheses in call to 'print'. "
                                  "Did you mean print(...)?", first.lineno,
                                  first.col_offset, end.end_line,
                                  end.end_col)

    def check_match_statement(self, first):
        """`match x:` is a statement the front end does not support."""
        if isinstance(first, pyast.Name) and first.id == 'match' and \
                self.at_expression_start():
            raise self.node_error("'match' statements are not supported",
                                  first)

    def assignment(self, first, start):
        targets = [first]
        value = first
        while self.eat_op('='):
            value = self.yield_or_star_expressions()
            if self.at_op('='):
                targets.append(value)
        for target in targets:
            self.check_assign_target(target)
        return pyast.Assign(targets, value, start.line, start.col,
                            self.end_line(), self.end_col())

    def check_assign_target(self, target):
        if isinstance(target, pyast.Yield) or \
                isinstance(target, pyast.YieldFrom):
            raise self.node_error("assignment to yield expression not "
                                  "possible", target)
        bad = invalid_target(target, CTX_STORE)
        if bad is not None and not isinstance(bad, pyast.Starred) and \
                (bad is target or self.is_bare_element(bad, target)):
            raise self.node_error("cannot assign to %s here. Maybe you "
                                  "meant '==' instead of '='?" %
                                  expression_name(bad), bad)
        self.check_target(target, CTX_STORE)
        self.check_starred_targets(target)

    def annotated_assignment(self, target, start):
        if not (isinstance(target, pyast.Name) or
                isinstance(target, pyast.Attribute) or
                isinstance(target, pyast.Subscript)):
            if isinstance(target, pyast.Tuple):
                raise self.node_error("only single target (not tuple) can "
                                      "be annotated", target)
            if isinstance(target, pyast.List):
                raise self.node_error("only single target (not list) can "
                                      "be annotated", target)
            raise self.node_error("illegal target for annotation", target)
        simple = 0
        if isinstance(target, pyast.Name) and start.kind == NAME:
            simple = 1
        target.set_context(CTX_STORE)
        self.advance()
        annotation = self.expression()
        value = None
        if self.eat_op('='):
            value = self.yield_or_star_expressions()
        return pyast.AnnAssign(target, annotation, value, simple, start.line,
                               start.col, self.end_line(), self.end_col())

    def augmented_assignment(self, target, start):
        if not (isinstance(target, pyast.Name) or
                isinstance(target, pyast.Attribute) or
                isinstance(target, pyast.Subscript)):
            raise self.node_error("'%s' is an illegal expression for "
                                  "augmented assignment" %
                                  expression_name(target), target)
        op = AUGASSIGN_OPS[self.advance().text]
        target.set_context(CTX_STORE)
        value = self.yield_or_star_expressions()
        return pyast.AugAssign(target, op, value, start.line, start.col,
                               self.end_line(), self.end_col())

    # --- compound statements ----------------------------------------------

    def condition(self):
        """The test of if/elif/while, with CPython's hint for `=`."""
        test = self.named_expression()
        if self.at_op('='):
            eq = self.tok
            self.advance()
            self.expression()
            raise self.error_span("invalid syntax. Maybe you meant '==' or "
                                  "':=' instead of '='?", test.lineno,
                                  test.col_offset, self.end_line(),
                                  self.end_col())
        return test

    def if_statement(self):
        """if/elif/else: an elif is an If in the orelse of the one before,
        built after the chain is read (a loop, not a recursion: generated
        code has long elif chains)."""
        starts = []
        tests = []
        bodies = []
        while True:
            start = self.advance()
            starts.append(start)
            tests.append(self.condition())
            self.expect_colon()
            bodies.append(self.block(start))
            if not self.at_keyword('elif'):
                break
        orelse = []
        if self.at_keyword('else'):
            header = self.advance()
            self.expect_colon()
            orelse = self.block(header)
        for i in range(len(starts) - 1, -1, -1):
            node = pyast.If(tests[i], bodies[i], orelse, starts[i].line,
                            starts[i].col, self.block_end_line,
                            self.block_end_col)
            orelse = [node]
        return orelse[0]

    def while_statement(self):
        start = self.advance()
        test = self.condition()
        self.expect_colon()
        body = self.block(start)
        orelse = self.else_block()
        return pyast.While(test, body, orelse, start.line, start.col,
                           self.block_end_line, self.block_end_col)

    def else_block(self):
        if self.at_keyword('else'):
            header = self.advance()
            self.expect_colon()
            return self.block(header)
        return []

    def for_statement(self):
        start = self.advance()
        target = self.target_list()
        if not self.at_keyword('in'):
            raise self.invalid(self.tok)
        self.advance()
        it = self.star_expressions()
        self.expect_colon()
        body = self.block(start)
        orelse = self.else_block()
        return pyast.For(target, it, body, orelse, start.line, start.col,
                         self.block_end_line, self.block_end_col)

    def try_statement(self):
        start = self.advance()
        self.expect_colon()
        body = self.block(start)
        handlers = []
        while self.at_keyword('except'):
            handlers.append(self.except_clause(handlers))
        orelse = []
        if len(handlers) > 0:
            orelse = self.else_block()
        finalbody = []
        if self.at_keyword('finally'):
            header = self.advance()
            self.expect_colon()
            finalbody = self.block(header)
        if len(handlers) == 0 and len(finalbody) == 0:
            raise self.error("expected 'except' or 'finally' block",
                             self.tok)
        return pyast.Try(body, handlers, orelse, finalbody, start.line,
                         start.col, self.block_end_line, self.block_end_col)

    def except_clause(self, handlers):
        start = self.advance()
        if len(handlers) > 0 and handlers[-1].type is None:
            last = handlers[-1]
            raise self.error_span("default 'except:' must be last",
                                  last.lineno, last.col_offset,
                                  last.end_lineno, last.end_col_offset)
        if self.at_op('*'):
            raise self.error("'except*' is not supported", self.tok)
        typ = None
        name = None
        if not self.at_op(':'):
            typ = self.expression()
            if self.at_op(','):
                typ = self.except_tuple(typ)
            if self.eat_keyword('as'):
                name = self.expect_name()
        self.expect_colon()
        body = self.block(start)
        return pyast.ExceptHandler(typ, name, body, start.line, start.col,
                                   self.block_end_line, self.block_end_col)

    def except_tuple(self, first):
        """`except A, B:` is Python 2; CPython 3.11 says so."""
        raise self.error_span("multiple exception types must be "
                              "parenthesized", first.lineno, first.col_offset,
                              self.tok.end_line, self.tok.end_col)

    def with_statement(self):
        start = self.advance()
        items = None
        if self.at_op('('):
            save = self.pos
            nesting = self.nesting
            try:
                items = self.parenthesized_with_items()
            except PySyntaxError:
                self.reset(save)
                self.nesting = nesting
                items = None
            except _Backtrack:
                self.reset(save)
                self.nesting = nesting
                items = None
        if items is None:
            items = [self.with_item()]
            while self.eat_op(','):
                items.append(self.with_item())
        self.expect_colon()
        body = self.block(start)
        return pyast.With(items, body, start.line, start.col,
                          self.block_end_line, self.block_end_col)

    def parenthesized_with_items(self):
        """`with (a as b, c):` -- only when a ':' follows the ')'."""
        self.advance()
        items = [self.with_item()]
        while self.eat_op(','):
            if self.at_op(')'):
                break
            items.append(self.with_item())
        if not self.at_op(')') or not (self.peek(1).kind == OP and
                                       self.peek(1).text == ':'):
            raise _Backtrack()
        self.advance()
        return items

    def with_item(self):
        context = self.expression()
        target = None
        if self.eat_keyword('as'):
            target = self.star_target()
            self.check_target(target, CTX_STORE)
        return pyast.withitem(context, target)

    def decorated(self):
        decorators = []
        while self.at_op('@'):
            self.advance()
            decorators.append(self.named_expression())
            if self.tok.kind != NEWLINE:
                raise self.invalid(self.tok)
            self.advance()
        tok = self.tok
        if self.at_keyword('def'):
            return self.funcdef(decorators, tok)
        if self.at_keyword('class'):
            return self.classdef(decorators, tok)
        raise self.invalid(tok)

    def funcdef(self, decorators, start):
        header = self.advance()
        name = self.expect_name()
        if not self.at_op('('):
            raise self.error("expected '('", self.tok)
        self.advance()
        args = self.parameters(')', True)
        self.expect_op(')')
        returns = None
        if self.eat_op('->'):
            returns = self.expression()
        self.expect_colon()
        body = self.block(header)
        return pyast.FunctionDef(name, args, body, decorators, returns,
                                 start.line, start.col, self.block_end_line,
                                 self.block_end_col)

    def classdef(self, decorators, start):
        header = self.advance()
        name = self.expect_name()
        bases = []
        keywords = []
        if self.at_op('('):
            lparen = self.advance()
            self.call_arguments(bases, keywords, lparen)
        self.expect_colon()
        body = self.block(header)
        return pyast.ClassDef(name, bases, keywords, body, decorators,
                              start.line, start.col, self.block_end_line,
                              self.block_end_col)


# ---------------------------------------------------------------------------
# Entry point.

def parse_tokens(tokens, source, filename):
    """The Module of a token list.  A lexical error later in the file
    takes precedence over the parser's error, as in CPython 3.11."""
    try:
        return Parser(tokens, source, filename).parse_module()
    except PySyntaxError as e:
        last = tokens[-1]
        if last.kind == ERRORTOKEN and last.error is not e:
            if last.text != 'unclosed' or e.lineno > last.line:
                raise last.error
        raise


def parse(source, filename):
    """The Module of `source` (UTF-8 bytes); raises PySyntaxError."""
    source = prepare_source(source)
    tokens = tokenize(source, filename)
    return parse_tokens(tokens, source, filename)
