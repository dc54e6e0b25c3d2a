"""pyexprparser: the expression half of the parser (pyparser.py has the
statements and the entry points).

ExpressionParser holds the token stream, the error helpers and every
expression rule of CPython 3.11's grammar that the front end supports
(conditional expressions down to atoms, calls, subscripts and slices,
displays and comprehensions, lambda and parameter lists, strings and
f-strings), plus the checks of assignment targets, which statements share.
pyparser.Parser extends it with the statements.  See pyparser.py for the
conventions (positions, errors).
"""

import pyast
from pyast import CTX_LOAD, CTX_STORE, CTX_DEL
from pytokenizer import (make_error, ENDMARKER, NAME, NUMBER,
                         STRING, OP, INDENT, DEDENT, FSTRING_START,
                         FSTRING_MIDDLE, FSTRING_END, ERRORTOKEN, KEYWORDS,
                         source_line)
from pyopcodes import (BINOP_ADD, BINOP_SUB, BINOP_MUL, BINOP_TRUEDIV,
                       BINOP_FLOORDIV, BINOP_MOD, BINOP_POW, BINOP_LSHIFT,
                       BINOP_RSHIFT, BINOP_AND, BINOP_OR, BINOP_XOR,
                       BINOP_MATMUL, UNARY_NEG, UNARY_POS, UNARY_INVERT,
                       UNARY_NOT, CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT,
                       CMP_GE)
import pycode

COMPARE_OPS = {'<': CMP_LT, '<=': CMP_LE, '==': CMP_EQ, '!=': CMP_NE,
               '>': CMP_GT, '>=': CMP_GE}
SUM_OPS = {'+': BINOP_ADD, '-': BINOP_SUB}
TERM_OPS = {'*': BINOP_MUL, '/': BINOP_TRUEDIV, '//': BINOP_FLOORDIV,
            '%': BINOP_MOD, '@': BINOP_MATMUL}
SHIFT_OPS = {'<<': BINOP_LSHIFT, '>>': BINOP_RSHIFT}
UNARY_OPS = {'-': UNARY_NEG, '+': UNARY_POS, '~': UNARY_INVERT}

# Tokens that can start an expression: tells a trailing comma from a
# following item.
EXPRESSION_START_OPS = ['(', '[', '{', '-', '+', '~', '*', '...']
NOT_NAMES = ['and', 'as', 'assert', 'async', 'break', 'class', 'continue',
             'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from',
             'global', 'if', 'import', 'in', 'is', 'nonlocal', 'or', 'pass',
             'raise', 'return', 'try', 'while', 'with']

MAX_INT_DIGITS = '9223372036854775807'

# Expressions nest by recursion (parentheses, unary operators, `not`,
# lambda and conditional bodies): bounded, as CPython bounds brackets, so
# that hostile input gets a SyntaxError rather than a stack overflow.
MAX_NESTING = 200


class ExpressionParser(object):
    """Parses expressions from a token list.  `pos` indexes the current
    token; `last` is the last consumed token (node ends come from it)."""

    def __init__(self, tokens, source, filename):
        self.tokens = tokens
        self.source = source
        self.filename = filename
        self.pos = 0
        self.tok = tokens[0]
        self.last = tokens[0]
        self.nesting = 0
        self.check_error_token()

    # --- token access ---------------------------------------------------

    def check_error_token(self):
        if self.tok.kind == ERRORTOKEN:
            raise self.tok.error

    def advance(self):
        tok = self.tok
        self.last = tok
        if self.pos + 1 < len(self.tokens):
            self.pos += 1
            self.tok = self.tokens[self.pos]
        self.check_error_token()
        return tok

    def peek(self, k):
        p = self.pos + k
        if p < len(self.tokens):
            return self.tokens[p]
        return self.tokens[-1]

    def reset(self, pos):
        self.pos = pos
        self.tok = self.tokens[pos]
        if pos > 0:
            self.last = self.tokens[pos - 1]

    def at_op(self, text):
        return self.tok.kind == OP and self.tok.text == text

    def at_keyword(self, word):
        return self.tok.kind == NAME and self.tok.text == word

    def eat_op(self, text):
        if self.at_op(text):
            self.advance()
            return True
        return False

    def eat_keyword(self, word):
        if self.at_keyword(word):
            self.advance()
            return True
        return False

    def expect_op(self, text):
        if not self.at_op(text):
            raise self.invalid(self.tok)
        return self.advance()

    def expect_colon(self):
        if not self.at_op(':'):
            raise self.error("expected ':'", self.tok)
        self.advance()

    def expect_name(self):
        tok = self.tok
        if tok.kind != NAME or tok.text in KEYWORDS:
            raise self.invalid(tok)
        self.advance()
        return tok.text

    def at_expression_start(self):
        tok = self.tok
        if tok.kind == NAME:
            return tok.text not in NOT_NAMES
        if tok.kind == NUMBER or tok.kind == STRING or \
                tok.kind == FSTRING_START:
            return True
        return tok.kind == OP and tok.text in EXPRESSION_START_OPS

    # --- errors -----------------------------------------------------------

    def error(self, msg, tok):
        return self.error_span(msg, tok.line, tok.col, tok.end_line,
                               tok.end_col)

    def error_span(self, msg, line, col, end_line, end_col):
        return make_error('SyntaxError', msg, self.filename, self.source,
                          line, col, end_line, end_col)

    def node_error(self, msg, node):
        return self.error_span(msg, node.lineno, node.col_offset,
                               node.end_lineno, node.end_col_offset)

    def indentation_error(self, msg, tok, col, end_col):
        return make_error('IndentationError', msg, self.filename,
                          self.source, tok.line, col, tok.line, end_col)

    def invalid(self, tok):
        """The generic "invalid syntax" at `tok`, unless a more precise
        message applies (a lexical error later in the file, an unexpected
        indent, ...)."""
        if tok.kind == INDENT:
            return self.indentation_error("unexpected indent", tok,
                                          tok.end_col - 1, -1)
        if tok.kind == DEDENT:
            return self.indentation_error("unexpected unindent", tok,
                                          tok.col, -1)
        if tok.kind == OP and tok.text == ':=':
            return self.error("assignment expressions (':=') are not "
                              "supported", tok)
        if tok.kind == NAME and (tok.text == 'async' or tok.text == 'await'):
            return self.error("'%s' is not supported" % tok.text, tok)
        if tok.kind == ENDMARKER:
            return self.error("unexpected EOF while parsing", tok)
        return self.error("invalid syntax", tok)

    # --- positions --------------------------------------------------------

    def end_line(self):
        return self.last.end_line

    def end_col(self):
        return self.last.end_col

    # --- targets (shared with statements) -------------------------------

    def is_bare_element(self, elt, target):
        """`elt` is an item of the unparenthesized tuple `target`."""
        if not isinstance(target, pyast.Tuple):
            return False
        line = source_line(self.source, target.lineno)
        if target.col_offset < len(line) and line[target.col_offset] == '(':
            return False
        for item in target.elts:
            if item is elt:
                return True
        return False

    def check_starred_targets(self, target):
        if isinstance(target, pyast.Starred):
            raise self.node_error("starred assignment target must be in a "
                                  "list or tuple", target)

    def check_target(self, target, ctx):
        """Raise CPython's error if `target` cannot be assigned (ctx
        CTX_STORE) or deleted (CTX_DEL); else give it that context."""
        bad = invalid_target(target, ctx)
        if bad is not None:
            if ctx == CTX_DEL:
                raise self.node_error("cannot delete %s" %
                                      expression_name(bad), bad)
            raise self.node_error("cannot assign to %s" %
                                  expression_name(bad), bad)
        self.check_multiple_starred(target)
        set_target_context(target, ctx)

    def check_multiple_starred(self, target):
        elts = target_elements(target)
        if elts is None:
            return
        seen = False
        for elt in elts:
            if isinstance(elt, pyast.Starred):
                if seen:
                    raise self.node_error("multiple starred expressions in "
                                          "assignment", target)
                seen = True
            self.check_multiple_starred(elt)

    def target_list(self):
        """Targets of `for` and comprehensions: star_targets, checked."""
        start = self.tok
        first = self.star_target()
        if not self.at_op(','):
            self.check_target(first, CTX_STORE)
            self.check_starred_targets(first)
            return first
        elts = [first]
        while self.eat_op(','):
            if not self.at_expression_start():
                break
            elts.append(self.star_target())
        target = pyast.Tuple(elts, CTX_STORE, start.line, start.col,
                             self.end_line(), self.end_col())
        self.check_target(target, CTX_STORE)
        return target

    def star_target(self):
        if self.at_op('*'):
            start = self.advance()
            value = self.bitwise_or()
            return pyast.Starred(value, CTX_STORE, start.line, start.col,
                                 self.end_line(), self.end_col())
        return self.bitwise_or()

    # --- parameters ---------------------------------------------------------

    def parameters(self, closer, annotations):
        """def (closer ')') or lambda (closer ':') parameters."""
        p = _Params()
        while not self.at_op(closer):
            if self.at_op('/'):
                self.slash(p)
            elif self.at_op('*'):
                self.star_parameter(p, closer, annotations)
            elif self.at_op('**'):
                self.advance()
                p.kwarg = self.parameter(annotations)
                if self.at_op('='):
                    raise self.error("var-keyword argument cannot have "
                                     "default value", self.tok)
                if self.at_op(',') and not self.peek_is_op(1, closer):
                    self.advance()
                    raise self.error("arguments cannot follow var-keyword "
                                     "argument", self.tok)
            else:
                self.plain_parameter(p, annotations)
            if not self.eat_op(','):
                break
        self.check_bare_star(p)
        return pyast.arguments(p.posonly, p.args, p.vararg, p.kwonly,
                               p.kw_defaults, p.kwarg, p.defaults)

    def peek_is_op(self, k, text):
        tok = self.peek(k)
        return tok.kind == OP and tok.text == text

    def slash(self, p):
        tok = self.advance()
        if p.star_seen:
            raise self.error("/ must be ahead of *", tok)
        if p.slash_seen:
            raise self.error("/ may appear only once", tok)
        if len(p.args) == 0:
            raise self.error("at least one argument must precede /", tok)
        p.slash_seen = True
        p.posonly = p.args
        p.args = []

    def star_parameter(self, p, closer, annotations):
        tok = self.advance()
        if p.star_seen:
            raise self.error("* argument may appear only once", tok)
        p.star_seen = True
        p.bare_star = tok
        if self.at_op(',') or self.at_op(closer):
            return
        p.bare_star = None
        p.vararg = self.parameter(annotations)
        if self.at_op('='):
            raise self.error("var-positional argument cannot have default "
                             "value", self.tok)

    def plain_parameter(self, p, annotations):
        arg = self.parameter(annotations)
        default = None
        if self.eat_op('='):
            default = self.expression()
        if p.kwarg is not None:
            raise self.node_error("arguments cannot follow var-keyword "
                                  "argument", arg)
        if p.star_seen:
            p.kwonly.append(arg)
            p.kw_defaults.append(default)
            p.bare_star = None
            return
        if default is not None:
            p.defaults.append(default)
        elif len(p.defaults) > 0:
            raise self.node_error("non-default argument follows default "
                                  "argument", arg)
        p.args.append(arg)

    def check_bare_star(self, p):
        if p.bare_star is not None:
            raise self.error("named arguments must follow bare *",
                             p.bare_star)

    def parameter(self, annotations):
        start = self.tok
        name = self.expect_name()
        annotation = None
        if annotations and self.eat_op(':'):
            annotation = self.expression()
        return pyast.arg(name, annotation, start.line, start.col,
                         self.end_line(), self.end_col())

    # --- expressions ----------------------------------------------------------

    def yield_or_star_expressions(self):
        if self.at_keyword('yield'):
            return self.yield_expression()
        return self.star_expressions()

    def yield_expression(self):
        start = self.advance()
        if self.eat_keyword('from'):
            value = self.expression()
            return pyast.YieldFrom(value, start.line, start.col,
                                   self.end_line(), self.end_col())
        value = None
        if self.at_expression_start():
            value = self.star_expressions()
        return pyast.Yield(value, start.line, start.col, self.end_line(),
                           self.end_col())

    def star_expressions(self):
        """Expressions separated by commas: a Tuple when there is a comma."""
        start = self.tok
        first = self.star_expression()
        if not self.at_op(','):
            return first
        elts = [first]
        while self.eat_op(','):
            if not self.at_expression_start():
                break
            elts.append(self.star_expression())
        return pyast.Tuple(elts, CTX_LOAD, start.line, start.col,
                           self.end_line(), self.end_col())

    def star_expression(self):
        if self.at_op('*'):
            start = self.advance()
            value = self.bitwise_or()
            return pyast.Starred(value, CTX_LOAD, start.line, start.col,
                                 self.end_line(), self.end_col())
        return self.expression()

    def named_expression(self):
        e = self.expression()
        if self.at_op(':='):
            raise self.invalid(self.tok)
        return e

    def enter(self):
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise self.error("too many nested expressions (more than %d "
                             "levels)" % MAX_NESTING, self.tok)

    def expression(self):
        self.enter()
        e = self.expression_inner()
        self.nesting -= 1
        return e

    def expression_inner(self):
        if self.at_keyword('lambda'):
            return self.lambda_expression()
        start = self.tok
        body = self.disjunction()
        if not self.at_keyword('if'):
            return body
        self.advance()
        test = self.disjunction()
        if not self.at_keyword('else'):
            raise self.error_span("expected 'else' after 'if' expression",
                                  body.lineno, body.col_offset,
                                  self.end_line(), self.end_col())
        self.advance()
        orelse = self.expression()
        return pyast.IfExp(test, body, orelse, start.line, start.col,
                           self.end_line(), self.end_col())

    def lambda_expression(self):
        start = self.advance()
        args = self.parameters(':', False)
        self.expect_colon()
        body = self.expression()
        return pyast.Lambda(args, body, start.line, start.col,
                            self.end_line(), self.end_col())

    def disjunction(self):
        start = self.tok
        first = self.conjunction()
        if not self.at_keyword('or'):
            return first
        values = [first]
        while self.eat_keyword('or'):
            values.append(self.conjunction())
        return pyast.BoolOp(pyast.BOOL_OR, values, start.line, start.col,
                            self.end_line(), self.end_col())

    def conjunction(self):
        start = self.tok
        first = self.inversion()
        if not self.at_keyword('and'):
            return first
        values = [first]
        while self.eat_keyword('and'):
            values.append(self.inversion())
        return pyast.BoolOp(pyast.BOOL_AND, values, start.line, start.col,
                            self.end_line(), self.end_col())

    def inversion(self):
        if self.at_keyword('not'):
            start = self.advance()
            self.enter()
            operand = self.inversion()
            self.nesting -= 1
            return pyast.UnaryOp(UNARY_NOT, operand, start.line, start.col,
                                 self.end_line(), self.end_col())
        return self.comparison()

    def compare_op(self):
        """The comparison operator at the current token (consumed), or -1."""
        tok = self.tok
        if tok.kind == OP and tok.text in COMPARE_OPS:
            self.advance()
            return COMPARE_OPS[tok.text]
        if tok.kind != NAME:
            return -1
        if tok.text == 'in':
            self.advance()
            return pyast.CMP_IN
        if tok.text == 'is':
            self.advance()
            if self.eat_keyword('not'):
                return pyast.CMP_IS_NOT
            return pyast.CMP_IS
        if tok.text == 'not' and self.peek(1).kind == NAME and \
                self.peek(1).text == 'in':
            self.advance()
            self.advance()
            return pyast.CMP_NOT_IN
        return -1

    def comparison(self):
        start = self.tok
        left = self.bitwise_or()
        op = self.compare_op()
        if op < 0:
            return left
        ops = []
        comparators = []
        while op >= 0:
            ops.append(op)
            comparators.append(self.bitwise_or())
            op = self.compare_op()
        return pyast.Compare(left, ops, comparators, start.line, start.col,
                             self.end_line(), self.end_col())

    def binop(self, start, left, op, right):
        """A BinOp from the token `start` (maybe a '(' before `left`) to
        the last token consumed (maybe a ')' after `right`)."""
        return pyast.BinOp(left, op, right, start.line, start.col,
                           self.end_line(), self.end_col())

    def bitwise_or(self):
        start = self.tok
        left = self.bitwise_xor()
        while self.at_op('|'):
            self.advance()
            left = self.binop(start, left, BINOP_OR, self.bitwise_xor())
        return left

    def bitwise_xor(self):
        start = self.tok
        left = self.bitwise_and()
        while self.at_op('^'):
            self.advance()
            left = self.binop(start, left, BINOP_XOR, self.bitwise_and())
        return left

    def bitwise_and(self):
        start = self.tok
        left = self.shift_expr()
        while self.at_op('&'):
            self.advance()
            left = self.binop(start, left, BINOP_AND, self.shift_expr())
        return left

    def shift_expr(self):
        start = self.tok
        left = self.sum_expr()
        while self.tok.kind == OP and self.tok.text in SHIFT_OPS:
            op = SHIFT_OPS[self.advance().text]
            left = self.binop(start, left, op, self.sum_expr())
        return left

    def sum_expr(self):
        start = self.tok
        left = self.term()
        while self.tok.kind == OP and self.tok.text in SUM_OPS:
            op = SUM_OPS[self.advance().text]
            left = self.binop(start, left, op, self.term())
        return left

    def term(self):
        start = self.tok
        left = self.factor()
        while self.tok.kind == OP and self.tok.text in TERM_OPS:
            op = TERM_OPS[self.advance().text]
            left = self.binop(start, left, op, self.factor())
        return left

    def factor(self):
        tok = self.tok
        if tok.kind == OP and tok.text in UNARY_OPS:
            self.advance()
            self.enter()
            operand = self.factor()
            self.nesting -= 1
            return pyast.UnaryOp(UNARY_OPS[tok.text], operand, tok.line,
                                 tok.col, self.end_line(), self.end_col())
        return self.power()

    def power(self):
        if self.at_keyword('await'):
            raise self.error("'await' is not supported", self.tok)
        start = self.tok
        left = self.primary()
        if self.at_op('**'):
            self.advance()
            right = self.factor()
            return self.binop(start, left, BINOP_POW, right)
        return left

    def primary(self):
        start = self.tok
        node = self.atom()
        while True:
            if self.at_op('.'):
                self.advance()
                attr = self.expect_name()
                node = pyast.Attribute(node, attr, CTX_LOAD, start.line,
                                       start.col, self.end_line(),
                                       self.end_col())
            elif self.at_op('('):
                node = self.call(start, node)
            elif self.at_op('['):
                self.advance()
                index = self.slices()
                self.expect_op(']')
                node = pyast.Subscript(node, index, CTX_LOAD, start.line,
                                       start.col, self.end_line(),
                                       self.end_col())
            else:
                return node

    def call(self, start, func):
        lparen = self.advance()
        args = []
        keywords = []
        self.call_arguments(args, keywords, lparen)
        return pyast.Call(func, args, keywords, start.line, start.col,
                          self.end_line(), self.end_col())

    def call_arguments(self, args, keywords, lparen):
        """Arguments up to and including the ')'; `lparen` is the '('."""
        seen_keyword = False
        seen_double_star = False
        count = 0
        while not self.at_op(')'):
            count += 1
            if self.at_op('*'):
                start = self.advance()
                value = self.expression()
                if seen_double_star:
                    raise self.error_span("iterable argument unpacking "
                                          "follows keyword argument "
                                          "unpacking", start.line, start.col,
                                          self.end_line(), self.end_col())
                args.append(pyast.Starred(value, CTX_LOAD, start.line,
                                          start.col, self.end_line(),
                                          self.end_col()))
            elif self.at_op('**'):
                start = self.advance()
                value = self.expression()
                keywords.append(pyast.keyword(None, value, start.line,
                                              start.col, self.end_line(),
                                              self.end_col()))
                seen_double_star = True
            else:
                value = self.argument_value(lparen, count)
                if self.at_op('='):
                    keywords.append(self.keyword_argument(value, keywords))
                    seen_keyword = True
                else:
                    self.check_positional(value, seen_keyword,
                                          seen_double_star)
                    args.append(value)
            if not self.eat_op(','):
                break
        self.expect_op(')')

    def argument_value(self, lparen, count):
        """A positional argument or a keyword's name; a generator
        expression if a `for` follows (then it must be alone)."""
        value = self.named_expression()
        if not self.at_keyword('for'):
            return value
        gen = self.comprehension_tail(value, None, 'genexp', lparen)
        if count > 1 or not self.at_op(')'):
            raise self.node_error("Generator expression must be "
                                  "parenthesized", gen)
        # CPython gives a sole generator argument the call's parentheses.
        gen.end_lineno = self.tok.end_line
        gen.end_col_offset = self.tok.end_col
        return gen

    def keyword_argument(self, name, keywords):
        if not isinstance(name, pyast.Name):
            raise self.error_span('expression cannot contain assignment, '
                                  'perhaps you meant "=="?', name.lineno,
                                  name.col_offset, self.tok.end_line,
                                  self.tok.end_col)
        assert isinstance(name, pyast.Name)
        self.advance()
        value = self.expression()
        for kw in keywords:
            if kw.arg is not None and kw.arg == name.id:
                raise self.error_span("keyword argument repeated: %s" %
                                      name.id, name.lineno, name.col_offset,
                                      self.end_line(), self.end_col())
        return pyast.keyword(name.id, value, name.lineno, name.col_offset,
                             self.end_line(), self.end_col())

    def check_positional(self, value, seen_keyword, seen_double_star):
        if seen_double_star:
            raise self.node_error("positional argument follows keyword "
                                  "argument unpacking", value)
        if seen_keyword:
            raise self.node_error("positional argument follows keyword "
                                  "argument", value)

    def slices(self):
        start = self.tok
        first = self.slice_item()
        if not self.at_op(','):
            return first
        elts = [first]
        while self.eat_op(','):
            if self.at_op(']'):
                break
            elts.append(self.slice_item())
        return pyast.Tuple(elts, CTX_LOAD, start.line, start.col,
                           self.end_line(), self.end_col())

    def slice_item(self):
        start = self.tok
        lower = None
        if not self.at_op(':'):
            if self.at_op('*'):
                return self.star_expression()
            lower = self.named_expression()
            if not self.at_op(':'):
                return lower
        self.advance()
        upper = None
        step = None
        if not self.at_op(':') and not self.at_op(']') and \
                not self.at_op(','):
            upper = self.expression()
        if self.eat_op(':'):
            if not self.at_op(']') and not self.at_op(','):
                step = self.expression()
        return pyast.Slice(lower, upper, step, start.line, start.col,
                           self.end_line(), self.end_col())

    # --- atoms ------------------------------------------------------------------

    def atom(self):
        tok = self.tok
        kind = tok.kind
        if kind == NAME:
            return self.name_atom(tok)
        if kind == NUMBER:
            self.advance()
            return pyast.Constant(number_const(tok.text), None, tok.line,
                                  tok.col, tok.end_line, tok.end_col)
        if kind == STRING or kind == FSTRING_START:
            return self.strings()
        if kind == OP:
            text = tok.text
            if text == '(':
                return self.paren_atom()
            if text == '[':
                return self.list_atom()
            if text == '{':
                return self.brace_atom()
            if text == '...':
                self.advance()
                return pyast.Constant(pycode.const_ellipsis(), None, tok.line,
                                      tok.col, tok.end_line, tok.end_col)
        raise self.invalid(tok)

    def name_atom(self, tok):
        word = tok.text
        if word in KEYWORDS:
            if word == 'True':
                value = pycode.const_bool(True)
            elif word == 'False':
                value = pycode.const_bool(False)
            elif word == 'None':
                value = pycode.const_none()
            else:
                raise self.invalid(tok)
            self.advance()
            return pyast.Constant(value, None, tok.line, tok.col,
                                  tok.end_line, tok.end_col)
        self.advance()
        return pyast.Name(word, CTX_LOAD, tok.line, tok.col, tok.end_line,
                          tok.end_col)

    def paren_atom(self):
        start = self.advance()
        if self.at_op(')'):
            self.advance()
            return pyast.Tuple([], CTX_LOAD, start.line, start.col,
                               self.end_line(), self.end_col())
        if self.at_keyword('yield'):
            value = self.yield_expression()
            self.expect_op(')')
            return value
        first = self.star_expression()
        if self.at_keyword('for'):
            gen = self.comprehension_tail(first, None, 'genexp', start)
            self.expect_op(')')
            gen.end_lineno = self.end_line()
            gen.end_col_offset = self.end_col()
            return gen
        if self.at_op(')'):
            self.advance()
            if isinstance(first, pyast.Starred):
                raise self.node_error("cannot use starred expression here",
                                      first)
            return first
        if self.at_op(':='):
            raise self.invalid(self.tok)
        elts = [first]
        while self.eat_op(','):
            if self.at_op(')'):
                break
            elts.append(self.star_expression())
        self.expect_op(')')
        return pyast.Tuple(elts, CTX_LOAD, start.line, start.col,
                           self.end_line(), self.end_col())

    def list_atom(self):
        start = self.advance()
        elts = []
        if not self.at_op(']'):
            first = self.star_expression()
            if self.at_keyword('for'):
                self.check_unpacking_in_comprehension(first)
                comp = self.comprehension_tail(first, None, 'list', start)
                self.expect_op(']')
                comp.end_lineno = self.end_line()
                comp.end_col_offset = self.end_col()
                return comp
            elts.append(first)
            while self.eat_op(','):
                if self.at_op(']'):
                    break
                elts.append(self.star_expression())
        self.expect_op(']')
        return pyast.List(elts, CTX_LOAD, start.line, start.col,
                          self.end_line(), self.end_col())

    def check_unpacking_in_comprehension(self, elt):
        if isinstance(elt, pyast.Starred):
            raise self.node_error("iterable unpacking cannot be used in "
                                  "comprehension", elt)

    def brace_atom(self):
        start = self.advance()
        if self.at_op('}'):
            self.advance()
            return pyast.Dict([], [], start.line, start.col, self.end_line(),
                              self.end_col())
        if self.at_op('**'):
            self.advance()
            first_value = self.bitwise_or()
            return self.dict_display(start, None, first_value)
        first = self.star_expression()
        if self.at_op(':') and not isinstance(first, pyast.Starred):
            self.advance()
            value = self.expression()
            if self.at_keyword('for'):
                comp = self.comprehension_tail(first, value, 'dict', start)
                self.expect_op('}')
                comp.end_lineno = self.end_line()
                comp.end_col_offset = self.end_col()
                return comp
            return self.dict_display(start, first, value)
        if self.at_keyword('for'):
            self.check_unpacking_in_comprehension(first)
            comp = self.comprehension_tail(first, None, 'set', start)
            self.expect_op('}')
            comp.end_lineno = self.end_line()
            comp.end_col_offset = self.end_col()
            return comp
        elts = [first]
        while self.eat_op(','):
            if self.at_op('}'):
                break
            elts.append(self.star_expression())
        self.expect_op('}')
        return pyast.Set(elts, start.line, start.col, self.end_line(),
                         self.end_col())

    def dict_display(self, start, first_key, first_value):
        """The rest of `{k: v, **m, ...}` after its first item; a None key
        stands for `**value`."""
        keys = [first_key]
        values = [first_value]
        while self.eat_op(','):
            if self.at_op('}'):
                break
            if self.eat_op('**'):
                keys.append(None)
                values.append(self.bitwise_or())
                continue
            keys.append(self.expression())
            self.expect_colon()
            values.append(self.expression())
        self.expect_op('}')
        return pyast.Dict(keys, values, start.line, start.col,
                          self.end_line(), self.end_col())

    def comprehension_tail(self, elt, value, kind, start):
        """The `for ... in ... if ...` clauses after a comprehension's
        element; `kind` is 'list', 'set', 'dict' or 'genexp'.  The node's
        end is fixed by the caller (it includes the closing bracket)."""
        generators = []
        while self.at_keyword('for'):
            self.advance()
            target = self.target_list()
            if not self.at_keyword('in'):
                raise self.invalid(self.tok)
            self.advance()
            it = self.disjunction()
            ifs = []
            while self.eat_keyword('if'):
                ifs.append(self.disjunction())
            generators.append(pyast.comprehension(target, it, ifs, 0))
        line = start.line
        col = start.col
        if kind == 'list':
            return pyast.ListComp(elt, generators, line, col, 0, 0)
        if kind == 'set':
            return pyast.SetComp(elt, generators, line, col, 0, 0)
        if kind == 'dict':
            return pyast.DictComp(elt, value, generators, line, col, 0, 0)
        return pyast.GeneratorExp(elt, generators, line, col, 0, 0)

    # --- strings and f-strings ----------------------------------------------------

    def strings(self):
        """Adjacent string literals: a Constant, or a JoinedStr if any is
        an f-string."""
        start = self.tok
        is_bytes = start.is_bytes
        has_f = False
        st = _StrParts([])
        while self.tok.kind == STRING or self.tok.kind == FSTRING_START:
            tok = self.tok
            tok_bytes = tok.kind == STRING and tok.is_bytes
            if tok_bytes != is_bytes:
                raise self.error("cannot mix bytes and nonbytes literals",
                                 tok)
            if tok.kind == STRING:
                st.parts.append(tok.value)
                self.advance()
            else:
                has_f = True
                self.fstring(st)
        line = start.line
        col = start.col
        end_line = self.end_line()
        end_col = self.end_col()
        if not has_f:
            value = ''.join(st.parts)
            kind = None
            if start.text[0] == 'u' or start.text[0] == 'U':
                kind = 'u'
            if is_bytes:
                const = pycode.const_bytes(value)
            else:
                const = pycode.const_str(value)
            return pyast.Constant(const, kind, line, col, end_line, end_col)
        st.flush()
        for node in st.inner:
            pyast.set_position(node, line, col, end_line, end_col)
        return pyast.JoinedStr(st.values, line, col, end_line, end_col)

    def fstring(self, st):
        self.advance()
        while self.tok.kind != FSTRING_END:
            if self.tok.kind == FSTRING_MIDDLE:
                st.parts.append(self.advance().value)
            elif self.at_op('{'):
                self.replacement_field(st)
            else:
                raise self.invalid(self.tok)
        self.advance()

    def replacement_field(self, st):
        lbrace = self.advance()
        if self.at_op('}'):
            raise self.error("f-string: empty expression not allowed",
                             self.tok)
        if self.at_keyword('yield'):
            value = self.yield_expression()
        else:
            value = self.star_expressions()
        conversion = -1
        if self.at_op('='):
            self.advance()
            # `{x = }` adds the text `x = ` (up to the next token).
            st.parts.append(self.source[lbrace.end:self.tok.start])
            if not self.at_op('!') and not self.at_op(':'):
                conversion = ord('r')
        if self.at_op('!'):
            conversion = self.conversion()
        spec = None
        if self.at_op(':'):
            spec = self.format_spec(st.inner)
        if not self.at_op('}'):
            raise self.error("f-string: expecting '}'", self.tok)
        self.advance()
        st.flush()
        node = pyast.FormattedValue(value, conversion, spec, 0, 0, 0, 0)
        st.inner.append(node)
        st.values.append(node)

    def conversion(self):
        bang = self.advance()
        tok = self.tok
        if tok.kind != NAME or tok.start != bang.end or \
                not (tok.text == 's' or tok.text == 'r' or tok.text == 'a'):
            raise self.error("f-string: invalid conversion character: "
                             "expected 's', 'r', or 'a'", tok)
        self.advance()
        return ord(tok.text[0])

    def format_spec(self, inner):
        self.advance()
        st = _StrParts(inner)
        while not self.at_op('}'):
            if self.tok.kind == FSTRING_MIDDLE:
                st.parts.append(self.advance().value)
            elif self.at_op('{'):
                self.replacement_field(st)
            else:
                raise self.error("f-string: expecting '}'", self.tok)
        st.flush()
        spec = pyast.JoinedStr(st.values, 0, 0, 0, 0)
        inner.append(spec)
        return spec


class _StrParts(object):
    """What a string (or a format spec) collects: `values` for the
    JoinedStr, `parts` of literal text not yet flushed into a Constant,
    and `inner`, the nodes that get the whole string's position."""

    def __init__(self, inner):
        self.values = []
        self.parts = []
        self.inner = inner

    def flush(self):
        if len(self.parts) == 0:
            return
        text = ''.join(self.parts)
        self.parts = []
        if text == '':
            return
        node = pyast.Constant(pycode.const_str(text), None, 0, 0, 0, 0)
        self.inner.append(node)
        self.values.append(node)


class _Params(object):
    """What `parameters` has collected so far."""

    def __init__(self):
        self.posonly = []
        self.args = []
        self.defaults = []
        self.vararg = None
        self.kwonly = []
        self.kw_defaults = []
        self.kwarg = None
        self.star_seen = False
        self.slash_seen = False
        self.bare_star = None


# ---------------------------------------------------------------------------
# Targets.

def target_elements(target):
    """The elements of a tuple or list target, else None."""
    if isinstance(target, pyast.Tuple):
        return target.elts
    if isinstance(target, pyast.List):
        return target.elts
    return None


def invalid_target(target, ctx):
    """The first sub-expression of `target` that cannot be a target in
    `ctx`, or None (CPython's _PyPegen_get_invalid_target)."""
    if isinstance(target, pyast.Name) or \
            isinstance(target, pyast.Attribute) or \
            isinstance(target, pyast.Subscript):
        return None
    elts = target_elements(target)
    if elts is not None:
        for elt in elts:
            bad = invalid_target(elt, ctx)
            if bad is not None:
                return bad
        return None
    if isinstance(target, pyast.Starred):
        if ctx == CTX_DEL:
            return target
        return invalid_target(target.value, ctx)
    return target


def set_target_context(target, ctx):
    target.set_context(ctx)
    elts = target_elements(target)
    if elts is not None:
        for elt in elts:
            set_target_context(elt, ctx)
    if isinstance(target, pyast.Starred):
        set_target_context(target.value, ctx)


def expression_name(e):
    """How CPython's messages name an expression ("function call")."""
    if isinstance(e, pyast.Attribute):
        return "attribute"
    if isinstance(e, pyast.Subscript):
        return "subscript"
    if isinstance(e, pyast.Starred):
        return "starred"
    if isinstance(e, pyast.Name):
        return "name"
    if isinstance(e, pyast.List):
        return "list"
    if isinstance(e, pyast.Tuple):
        return "tuple"
    if isinstance(e, pyast.Lambda):
        return "lambda"
    if isinstance(e, pyast.Call):
        return "function call"
    if isinstance(e, pyast.BoolOp) or isinstance(e, pyast.BinOp) or \
            isinstance(e, pyast.UnaryOp):
        return "expression"
    if isinstance(e, pyast.GeneratorExp):
        return "generator expression"
    if isinstance(e, pyast.Yield) or isinstance(e, pyast.YieldFrom):
        return "yield expression"
    if isinstance(e, pyast.ListComp):
        return "list comprehension"
    if isinstance(e, pyast.SetComp):
        return "set comprehension"
    if isinstance(e, pyast.DictComp):
        return "dict comprehension"
    if isinstance(e, pyast.Dict):
        return "dict literal"
    if isinstance(e, pyast.Set):
        return "set display"
    if isinstance(e, pyast.JoinedStr) or isinstance(e, pyast.FormattedValue):
        return "f-string expression"
    if isinstance(e, pyast.Compare):
        return "comparison"
    if isinstance(e, pyast.IfExp):
        return "conditional expression"
    if isinstance(e, pyast.Constant):
        return constant_name(e)
    return "expression"


def constant_name(e):
    kind = e.value.kind
    if kind == pycode.CONST_NONE:
        return "None"
    if kind == pycode.CONST_TRUE:
        return "True"
    if kind == pycode.CONST_FALSE:
        return "False"
    if kind == pycode.CONST_ELLIPSIS:
        return "ellipsis"
    return "literal"


# ---------------------------------------------------------------------------
# Numbers.

def number_const(text):
    """The Const of a NUMBER token's text (already checked by the
    tokenizer): int, big int (CONST_LONG with decimal digits) or float."""
    text = text.replace('_', '')
    if len(text) > 1 and text[0] == '0':
        c = text[1]
        if c == 'x' or c == 'X':
            return int_const(radix_to_decimal(text[2:], 16))
        if c == 'o' or c == 'O':
            return int_const(radix_to_decimal(text[2:], 8))
        if c == 'b' or c == 'B':
            return int_const(radix_to_decimal(text[2:], 2))
    for c in text:
        if c == '.' or c == 'e' or c == 'E':
            return pycode.const_float(float(text))
    return int_const(strip_zeros(text))


def strip_zeros(digits):
    i = 0
    while i < len(digits) - 1 and digits[i] == '0':
        i += 1
    return digits[i:]


def int_const(digits):
    """A CONST_INT if the decimal `digits` fit a machine word, else a
    CONST_LONG."""
    if len(digits) < len(MAX_INT_DIGITS) or \
            (len(digits) == len(MAX_INT_DIGITS) and digits <= MAX_INT_DIGITS):
        value = 0
        for c in digits:
            value = value * 10 + (ord(c) - ord('0'))
        return pycode.const_int(value)
    return pycode.const_long(digits)


def radix_to_decimal(digits, radix):
    """Decimal digits of the number written with `digits` in `radix`
    (schoolbook: the decimal digits, least significant first, times radix
    plus each digit)."""
    dec = [0]
    for c in digits:
        carry = digit_value(c)
        for i in range(len(dec)):
            carry += dec[i] * radix
            dec[i] = carry % 10
            carry //= 10
        while carry > 0:
            dec.append(carry % 10)
            carry //= 10
    out = []
    for i in range(len(dec) - 1, -1, -1):
        out.append(chr(ord('0') + dec[i]))
    return strip_zeros(''.join(out))


def digit_value(c):
    if '0' <= c <= '9':
        return ord(c) - ord('0')
    if 'a' <= c <= 'f':
        return ord(c) - ord('a') + 10
    return ord(c) - ord('A') + 10
