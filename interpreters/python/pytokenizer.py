"""pytokenizer: Python 3 source (UTF-8 bytes) -> tokens.

Where this sits: the first stage of the front end; pyparser.py reads the
token list, pycompiler.py never sees tokens.

Input: the source as a byte string holding UTF-8 (on CPython a str whose
characters are the bytes, see tools/pyfront_io.py).  Output: a list of
Token, ending with ENDMARKER.  Line numbers start at 1; columns are byte
offsets from the start of the line, starting at 0 (CPython's AST
convention).

Follows CPython's tokenizer (Parser/tokenizer.c): NEWLINE, INDENT and
DEDENT with a stack of indentation columns (tabs to multiples of 8, and a
second column with tabs of width 1 to detect inconsistent use: TabError);
blank and comment-only lines produce nothing; no NEWLINE inside brackets
or after a backslash continuation; a NEWLINE is added at the end of a file
that lacks one.  f-strings are tokenized as in CPython 3.12 (PEP 701):

    f"a{x!r:>{w}}b"  ->  FSTRING_START 'f"'  FSTRING_MIDDLE 'a'  OP '{'
                         NAME 'x'  OP '!'  NAME 'r'  OP ':'
                         FSTRING_MIDDLE '>'  OP '{'  NAME 'w'  OP '}'
                         OP '}'  FSTRING_MIDDLE 'b'  FSTRING_END '"'

so the parser reads the replacement fields' expressions as ordinary
tokens.  A mode stack says whether we are in an f-string's text, in a
field's expression or in a format spec.

String tokens carry their decoded value (escapes processed): UTF-8 for
str, raw bytes for bytes.  Adjacent literals are concatenated by the
parser.  Numbers keep their source text; pyparser converts them.

Errors: the first lexical error does not raise at once.  It ends the list
with an ERRORTOKEN carrying the PySyntaxError; the parser raises it when
it gets there, and otherwise prefers it to its own error, as CPython 3.11
does (an unclosed bracket only wins over an error on a later line; such a
token has the text 'unclosed').
Not supported, with a clear SyntaxError: non-ASCII identifiers, imaginary
literals, \\N{...} escapes.
"""

# Token kinds.
ENDMARKER = 0
NAME = 1
NUMBER = 2
STRING = 3
OP = 4
NEWLINE = 5
INDENT = 6
DEDENT = 7
FSTRING_START = 8
FSTRING_MIDDLE = 9
FSTRING_END = 10
ERRORTOKEN = 11
TOKEN_NAMES = ['ENDMARKER', 'NAME', 'NUMBER', 'STRING', 'OP', 'NEWLINE',
               'INDENT', 'DEDENT', 'FSTRING_START', 'FSTRING_MIDDLE',
               'FSTRING_END', 'ERRORTOKEN']

KEYWORDS = ['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await',
            'break', 'class', 'continue', 'def', 'del', 'elif', 'else',
            'except', 'finally', 'for', 'from', 'global', 'if', 'import',
            'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
            'return', 'try', 'while', 'with', 'yield']

# Operators, longest first within each length (longest match wins).
OPERATORS3 = ['**=', '//=', '>>=', '<<=', '...']
OPERATORS2 = ['!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=',
              ':=', '<<', '<=', '==', '>=', '>>', '@=', '^=', '|=']
OPERATORS1 = '+-*/%&|^~<>=.,:;@!'

MAX_BRACKETS = 200
MAX_INDENTS = 100
TAB_SIZE = 8


class PySyntaxError(Exception):
    """A syntax error in the program being compiled (not in the VM).

    `kind` is the Python class to raise: 'SyntaxError', 'IndentationError'
    or 'TabError'.  `lineno` and `offset` are 1-based, `offset` counts
    characters (code points) as CPython's does; `end_lineno`/`end_offset`
    mark the end of the offending text (0 when unknown).  `text` is the
    source line without its newline.  `format()` gives CPython's report.
    """

    def __init__(self, kind, msg, filename, lineno, offset, text,
                 end_lineno, end_offset):
        self.kind = kind
        self.msg = msg
        self.filename = filename
        self.lineno = lineno
        self.offset = offset
        self.text = text
        self.end_lineno = end_lineno
        self.end_offset = end_offset

    def format(self):
        """The report CPython prints for an uncaught SyntaxError:

              File "x.py", line 3
                if x
                    ^
            SyntaxError: expected ':'
        """
        out = ['  File "%s", line %d\n' % (self.filename, self.lineno)]
        text = self.text
        strip = 0
        while strip < len(text) and (text[strip] == ' ' or
                                     text[strip] == '\f'):
            strip += 1
        ltext = text[strip:]
        out.append('    ' + ltext + '\n')
        if self.offset > 0:
            offset = self.offset
            end = self.end_offset
            if self.end_lineno != self.lineno or end <= offset:
                end = offset + 1
            col = offset - 1 - strip
            end_col = end - 1 - strip
            if col >= 0:
                out.append('    ' + _caret_space(ltext, col) +
                           '^' * (end_col - col) + '\n')
        out.append(self.kind + ': ' + self.msg + '\n')
        return ''.join(out)


def _caret_space(ltext, ncodepoints):
    """Spaces under the first `ncodepoints` characters of `ltext`; tabs
    stay tabs so the caret lines up."""
    out = []
    i = 0
    seen = 0
    while i < len(ltext) and seen < ncodepoints:
        c = ltext[i]
        if c == '\t':
            out.append('\t')
        elif not _is_continuation_byte(c):
            out.append(' ')
        i += 1
        if i >= len(ltext) or not _is_continuation_byte(ltext[i]):
            seen += 1
    while seen < ncodepoints:
        out.append(' ')
        seen += 1
    return ''.join(out)


def _is_continuation_byte(c):
    return (ord(c) & 0xc0) == 0x80


def source_line(source, lineno):
    """Line `lineno` (1-based) of `source`, without its newline; '' if
    there is no such line."""
    line = 1
    start = 0
    while line < lineno:
        nl = source.find('\n', start)
        if nl < 0:
            return ''
        start = nl + 1
        line += 1
    end = source.find('\n', start)
    if end < 0:
        end = len(source)
    return source[start:end]


def char_offset(text, col):
    """The 1-based character offset of byte column `col` in `text`."""
    n = 1
    i = 0
    while i < col and i < len(text):
        if not _is_continuation_byte(text[i]):
            n += 1
        i += 1
    if col > len(text):
        n += col - len(text)
    return n


def make_error(kind, msg, filename, source, lineno, col, end_lineno,
               end_col):
    """A PySyntaxError at byte column `col` (0-based) of line `lineno`;
    `end_col` -1 when the end is unknown."""
    text = source_line(source, lineno)
    end_offset = 0
    if end_col >= 0:
        end_offset = char_offset(source_line(source, end_lineno), end_col)
    return PySyntaxError(kind, msg, filename, lineno,
                         char_offset(text, col), text, end_lineno,
                         end_offset)


class Token(object):
    """One token.  `text` is the source text; `value` the decoded value of
    STRING and FSTRING_MIDDLE tokens (else the text); `is_bytes` marks a
    bytes literal; `start`/`end` are byte offsets in the source; `error`
    is set on the ERRORTOKEN only."""

    def __init__(self, kind, text, value, line, col, end_line, end_col,
                 start, end):
        self.kind = kind
        self.text = text
        self.value = value
        self.is_bytes = False
        self.line = line
        self.col = col
        self.end_line = end_line
        self.end_col = end_col
        self.start = start
        self.end = end
        self.error = None


# f-string modes (the mode stack's entries).
MODE_FSTRING = 0     # the text of an f-string
MODE_EXPR = 1        # the expression of a replacement field
MODE_SPEC = 2        # the format spec of a replacement field


class FMode(object):
    """An entry of the mode stack.  `quote`, `triple`, `raw` describe the
    enclosing f-string; `depth` is the bracket depth just inside the
    field's '{' (MODE_EXPR, MODE_SPEC)."""

    def __init__(self, kind, quote, triple, raw, depth, line, col):
        self.kind = kind
        self.quote = quote
        self.triple = triple
        self.raw = raw
        self.depth = depth
        self.line = line
        self.col = col


class _Stop(Exception):
    """Ends tokenizing after an error token was added."""


def is_name_start(c):
    return ('a' <= c <= 'z') or ('A' <= c <= 'Z') or c == '_'


def is_name_char(c):
    return is_name_start(c) or ('0' <= c <= '9')


def is_digit(c):
    return '0' <= c <= '9'


def is_hex_digit(c):
    return is_digit(c) or ('a' <= c <= 'f') or ('A' <= c <= 'F')


def hex_value(c):
    if is_digit(c):
        return ord(c) - ord('0')
    if 'a' <= c <= 'f':
        return ord(c) - ord('a') + 10
    return ord(c) - ord('A') + 10


def utf8_encode(cp):
    """The UTF-8 bytes of code point `cp` (surrogates encoded as any other
    code point, as CPython's str may hold them)."""
    if cp < 0x80:
        return chr(cp)
    if cp < 0x800:
        return chr(0xc0 | (cp >> 6)) + chr(0x80 | (cp & 0x3f))
    if cp < 0x10000:
        return (chr(0xe0 | (cp >> 12)) + chr(0x80 | ((cp >> 6) & 0x3f)) +
                chr(0x80 | (cp & 0x3f)))
    return (chr(0xf0 | (cp >> 18)) + chr(0x80 | ((cp >> 12) & 0x3f)) +
            chr(0x80 | ((cp >> 6) & 0x3f)) + chr(0x80 | (cp & 0x3f)))


def utf8_sequence_length(source, i):
    """The length of the valid UTF-8 sequence at source[i], 0 if invalid."""
    c = ord(source[i])
    if c < 0x80:
        return 1
    if 0xc2 <= c <= 0xdf:
        n = 2
    elif 0xe0 <= c <= 0xef:
        n = 3
    elif 0xf0 <= c <= 0xf4:
        n = 4
    else:
        return 0
    if i + n > len(source):
        return 0
    for k in range(1, n):
        if not _is_continuation_byte(source[i + k]):
            return 0
    second = ord(source[i + 1])
    if c == 0xe0 and second < 0xa0:
        return 0
    if c == 0xf0 and second < 0x90:
        return 0
    if c == 0xf4 and second >= 0x90:
        return 0
    return n


def decode_code_point(source, i, n):
    c = ord(source[i])
    if n == 1:
        return c
    if n == 2:
        cp = c & 0x1f
    elif n == 3:
        cp = c & 0x0f
    else:
        cp = c & 0x07
    for k in range(1, n):
        cp = (cp << 6) | (ord(source[i + k]) & 0x3f)
    return cp


def _hex4(cp):
    """`cp` in upper-case hex, at least 4 digits (CPython's U+%04X)."""
    digits = '0123456789ABCDEF'
    out = ''
    while cp > 0 or len(out) < 4:
        out = digits[cp & 15] + out
        cp >>= 4
    return out


def normalize_newlines(source):
    """\\r\\n and \\r become \\n (CPython reads source in universal
    newline mode)."""
    if source.find('\r') < 0:
        return source
    return source.replace('\r\n', '\n').replace('\r', '\n')


class Tokenizer(object):
    """Tokenizes one source text; `run()` fills `tokens`."""

    def __init__(self, source, filename):
        self.src = source
        self.filename = filename
        self.pos = 0
        self.line = 1
        self.line_start = 0
        self.tokens = []
        self.indents = [0]
        self.altindents = [0]
        self.brackets = []          # the open bracket characters
        self.bracket_lines = []
        self.bracket_cols = []
        self.modes = []             # FMode stack
        self.at_line_start = True
        self.unclosed = False       # the error is an unclosed bracket

    # --- errors and tokens -------------------------------------------

    def error_at(self, kind, msg, line, col, end_line, end_col):
        err = make_error(kind, msg, self.filename, self.src, line, col,
                         end_line, end_col)
        text = ''
        if self.unclosed:
            text = 'unclosed'
        tok = Token(ERRORTOKEN, text, '', line, col, line, col, self.pos,
                    self.pos)
        tok.error = err
        self.tokens.append(tok)
        raise _Stop()

    def fail(self, msg, col):
        """A SyntaxError at byte column `col` of the current line."""
        self.error_at('SyntaxError', msg, self.line, col, self.line, -1)

    def col(self):
        return self.pos - self.line_start

    def add(self, kind, value, line, col, start):
        """A token from byte `start` (at line, col) to the current
        position."""
        tok = Token(kind, self.src[start:self.pos], value, line, col,
                    self.line, self.pos - self.line_start, start, self.pos)
        self.tokens.append(tok)
        return tok

    def peek(self, k):
        p = self.pos + k
        if p < len(self.src):
            return self.src[p]
        return '\0'

    def newline_consumed(self):
        """The character before `pos` was a newline."""
        self.line += 1
        self.line_start = self.pos

    # --- the main loop ------------------------------------------------

    def run(self):
        try:
            self.check_source()
            while self.step():
                pass
        except _Stop:
            pass
        return self.tokens

    def check_source(self):
        src = self.src
        i = 0
        line = 1
        line_start = 0
        while i < len(src):
            c = src[i]
            if c == '\n':
                line += 1
                line_start = i + 1
                i += 1
                continue
            if c == '\0':
                self.line = line
                self.line_start = line_start
                self.fail("source code cannot contain null bytes", i -
                          line_start)
            if ord(c) < 0x80:
                i += 1
                continue
            n = utf8_sequence_length(src, i)
            if n == 0:
                self.line = line
                self.line_start = line_start
                self.fail("Non-UTF-8 code starting with '\\x%s' in file "
                          "%s on line %d, but no encoding declared; see "
                          "https://peps.python.org/pep-0263/ for details" %
                          (_hex2(ord(c)), self.filename, line),
                          i - line_start)
            i += n

    def step(self):
        """Tokenize a little; False at the end."""
        if len(self.modes) > 0:
            mode = self.modes[-1]
            if mode.kind != MODE_EXPR:
                self.fstring_text(mode)
                return True
        if self.at_line_start and len(self.brackets) == 0:
            if self.indentation():
                return True
        self.skip_spaces()
        if self.pos >= len(self.src):
            self.finish()
            return False
        c = self.src[self.pos]
        if c == '#':
            self.skip_comment()
        elif c == '\n':
            self.newline()
        elif c == '\\':
            self.continuation()
        elif is_name_start(c):
            self.name_or_string()
        elif is_digit(c) or (c == '.' and is_digit(self.peek(1))):
            self.number()
        elif c == '"' or c == "'":
            self.check_fstring_quote(c)
            self.string(self.pos, self.col(), False, False, False)
        else:
            self.operator(c)
        return True

    def skip_spaces(self):
        while self.pos < len(self.src):
            c = self.src[self.pos]
            if c != ' ' and c != '\t' and c != '\f':
                break
            self.pos += 1

    def skip_comment(self):
        while self.pos < len(self.src) and self.src[self.pos] != '\n':
            self.pos += 1

    def newline(self):
        line = self.line
        col = self.col()
        start = self.pos
        self.pos += 1
        if len(self.brackets) > 0:
            self.newline_in_brackets()
            return
        tok = Token(NEWLINE, '\n', '\n', line, col, line, col + 1, start,
                    self.pos)
        self.tokens.append(tok)
        self.newline_consumed()
        self.at_line_start = True

    def newline_in_brackets(self):
        for mode in self.modes:
            if mode.kind == MODE_FSTRING and not mode.triple:
                self.error_at('SyntaxError',
                              "unterminated string literal (detected at "
                              "line %d)" % self.line, mode.line, mode.col,
                              mode.line, mode.col)
        self.newline_consumed()

    def continuation(self):
        col = self.col()
        nxt = self.peek(1)
        if nxt == '\n':
            self.pos += 2
            self.newline_consumed()
            if self.pos >= len(self.src):
                self.fail("unexpected EOF while parsing", 0)
            return
        if self.pos + 1 >= len(self.src):
            self.fail("unexpected EOF while parsing", col + 1)
        self.fail("unexpected character after line continuation character",
                  col + 1)

    # --- indentation --------------------------------------------------

    def indentation(self):
        """At the start of a line: skip it if blank (True), else emit
        INDENT/DEDENT tokens (False)."""
        src = self.src
        p = self.pos
        col = 0
        altcol = 0
        while p < len(src):
            c = src[p]
            if c == ' ':
                col += 1
                altcol += 1
            elif c == '\t':
                col = (col // TAB_SIZE + 1) * TAB_SIZE
                altcol += 1
            elif c == '\f':
                col = 0
                altcol = 0
            else:
                break
            p += 1
        self.pos = p
        if p >= len(src):
            self.at_line_start = False
            return False
        c = src[p]
        if c == '#' or c == '\n':
            self.skip_comment()
            if self.pos < len(src):
                self.pos += 1
                self.newline_consumed()
            return True
        self.at_line_start = False
        self.indent_to(col, altcol)
        return False

    def indent_to(self, col, altcol):
        top = self.indents[-1]
        if col == top:
            if altcol != self.altindents[-1]:
                self.tab_error()
            return
        start = self.line_start
        if col > top:
            if len(self.indents) >= MAX_INDENTS:
                self.error_at('IndentationError', "too many levels of "
                              "indentation", self.line, self.col(),
                              self.line, -1)
            if altcol <= self.altindents[-1]:
                self.tab_error()
            self.indents.append(col)
            self.altindents.append(altcol)
            tok = Token(INDENT, self.src[start:self.pos], '', self.line, 0,
                        self.line, self.col(), start, self.pos)
            self.tokens.append(tok)
            return
        while len(self.indents) > 1 and col < self.indents[-1]:
            self.indents.pop()
            self.altindents.pop()
            tok = Token(DEDENT, '', '', self.line, self.col(), self.line,
                        self.col(), self.pos, self.pos)
            self.tokens.append(tok)
        if col != self.indents[-1]:
            # CPython points after the end of the line.
            end = self.src.find('\n', self.pos)
            if end < 0:
                end = len(self.src)
            self.error_at('IndentationError', "unindent does not match any "
                          "outer indentation level", self.line,
                          end - self.line_start, self.line, -1)
        if altcol != self.altindents[-1]:
            self.tab_error()

    def tab_error(self):
        self.error_at('TabError', "inconsistent use of tabs and spaces in "
                      "indentation", self.line, 0, self.line, -1)

    def finish(self):
        """End of the source: close what is open, add the final tokens."""
        for mode in self.modes:
            if mode.kind == MODE_FSTRING:
                self.error_at('SyntaxError', "f-string: expecting '}'",
                              self.line, self.col(), self.line, -1)
        if len(self.brackets) > 0:
            line = self.bracket_lines[-1]
            self.unclosed = True
            self.error_at('SyntaxError', "'%s' was never closed" %
                          self.brackets[-1], line, self.bracket_cols[-1],
                          line, -1)
        line = self.line
        last = NEWLINE
        if len(self.tokens) > 0:
            last = self.tokens[-1].kind
        if last != NEWLINE and last != DEDENT and last != INDENT:
            col = self.col()
            self.tokens.append(Token(NEWLINE, '', '', line, col, line,
                                     col + 1, self.pos, self.pos))
            line += 1
        elif self.pos > self.line_start:
            line += 1
        col = 0
        while len(self.indents) > 1:
            self.indents.pop()
            self.tokens.append(Token(DEDENT, '', '', line, col, line, col,
                                     self.pos, self.pos))
        self.tokens.append(Token(ENDMARKER, '', '', line, col, line, col,
                                 self.pos, self.pos))

    # --- names and numbers --------------------------------------------

    def name_or_string(self):
        start = self.pos
        col = self.col()
        while self.pos < len(self.src) and is_name_char(self.src[self.pos]):
            self.pos += 1
        if self.pos < len(self.src):
            c = self.src[self.pos]
            if c == '"' or c == "'":
                prefix = self.src[start:self.pos].lower()
                if string_prefix_ok(prefix):
                    self.string(start, col, prefix.find('r') >= 0,
                                prefix.find('b') >= 0, prefix.find('f') >= 0)
                    return
            elif ord(c) >= 0x80:
                self.bad_character(self.pos)
        self.add(NAME, self.src[start:self.pos], self.line, col, start)

    def bad_character(self, p):
        n = utf8_sequence_length(self.src, p)
        cp = decode_code_point(self.src, p, n)
        col = p - self.line_start
        if cp == 0xa0 or cp == 0x2028 or cp == 0x2029 or (0x80 <= cp < 0xa0):
            self.fail("invalid non-printable character U+%s" % _hex4(cp),
                      col)
        char = self.src[p:p + n]
        if _is_symbol(cp):
            self.fail("invalid character '%s' (U+%s)" % (char, _hex4(cp)),
                      col)
        self.fail("invalid character '%s' (U+%s): non-ASCII identifiers are "
                  "not supported" % (char, _hex4(cp)), col)

    def number(self):
        start = self.pos
        col = self.col()
        c = self.src[self.pos]
        nxt = self.peek(1)
        if c == '0' and (nxt == 'x' or nxt == 'X'):
            self.pos += 2
            self.radix_digits(16, "hexadecimal")
        elif c == '0' and (nxt == 'o' or nxt == 'O'):
            self.pos += 2
            self.radix_digits(8, "octal")
        elif c == '0' and (nxt == 'b' or nxt == 'B'):
            self.pos += 2
            self.radix_digits(2, "binary")
        else:
            self.decimal_number(start)
        self.add(NUMBER, self.src[start:self.pos], self.line, col, start)

    def radix_digits(self, radix, what):
        """Digits after 0x/0o/0b, single underscores between them."""
        count = 0
        while True:
            c = self.peek(0)
            if c == '_':
                self.pos += 1
                c = self.peek(0)
                if not _is_radix_digit(c, radix):
                    self.number_error(what, c)
            if not _is_radix_digit(c, radix):
                break
            self.pos += 1
            count += 1
        c = self.peek(0)
        if count == 0 or is_digit(c):
            if is_digit(c) and radix < 10:
                self.fail("invalid digit '%s' in %s literal" % (c, what),
                          self.col())
            self.fail("invalid %s literal" % what, self.col() - 1)
        self.end_of_number(what)

    def number_error(self, what, c):
        self.fail("invalid %s literal" % what, self.col())

    def decimal_digits(self):
        """A run of digits with single underscores; the count of digits."""
        count = 0
        while True:
            c = self.peek(0)
            if c == '_':
                self.pos += 1
                if not is_digit(self.peek(0)):
                    self.fail("invalid decimal literal", self.col() - 1)
                continue
            if not is_digit(c):
                return count
            self.pos += 1
            count += 1

    def decimal_number(self, start):
        is_float = False
        if self.src[self.pos] != '.':
            self.decimal_digits()
        if self.peek(0) == '.':
            is_float = True
            self.pos += 1
            if is_digit(self.peek(0)):
                self.decimal_digits()
        c = self.peek(0)
        if c == 'e' or c == 'E':
            self.exponent()
            is_float = True
        c = self.peek(0)
        if c == 'j' or c == 'J':
            self.pos += 1
            self.error_at('SyntaxError', "imaginary literals are not "
                          "supported", self.line, start - self.line_start,
                          self.line, self.col())
        if not is_float:
            self.check_leading_zeros(start)
        self.end_of_number("decimal")

    def exponent(self):
        save = self.pos
        self.pos += 1
        c = self.peek(0)
        if c == '+' or c == '-':
            self.pos += 1
        if not is_digit(self.peek(0)):
            self.pos = save
            self.fail("invalid decimal literal", self.col())
        self.decimal_digits()

    def check_leading_zeros(self, start):
        text = self.src[start:self.pos]
        if len(text) < 2 or text[0] != '0':
            return
        for ch in text:
            if ch != '0' and ch != '_':
                self.error_at('SyntaxError', "leading zeros in decimal "
                              "integer literals are not permitted; use an "
                              "0o prefix for octal integers", self.line,
                              start - self.line_start, self.line,
                              start - self.line_start + 1)

    def end_of_number(self, what):
        """A number may not run into a name, except the keywords CPython
        3.11 accepts there (`1if x else y`)."""
        c = self.peek(0)
        if is_name_char(c):
            p = self.pos
            while p < len(self.src) and is_name_char(self.src[p]):
                p += 1
            word = self.src[self.pos:p]
            if word in ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or']:
                return
            self.fail("invalid %s literal" % what, self.col() - 1)
        elif ord(c) >= 0x80:
            self.fail("invalid %s literal" % what, self.col() - 1)

    # --- operators and brackets ----------------------------------------

    def operator(self, c):
        start = self.pos
        col = self.col()
        if ord(c) >= 0x80:
            self.bad_character(self.pos)
        if len(self.modes) > 0 and self.field_level():
            if c == '}':
                self.end_field()
                return
            if c == ':':
                self.start_spec()
                return
        if c == '(' or c == '[' or c == '{':
            self.open_bracket(c)
            return
        if c == ')' or c == ']' or c == '}':
            self.close_bracket(c)
            return
        three = self.src[start:start + 3]
        two = self.src[start:start + 2]
        if three in OPERATORS3:
            self.pos += 3
        elif two in OPERATORS2:
            self.pos += 2
        elif OPERATORS1.find(c) >= 0:
            self.pos += 1
        else:
            if ord(c) < 0x20 or ord(c) == 0x7f:
                self.fail("invalid non-printable character U+%s" %
                          _hex4(ord(c)), col)
            self.error_at('SyntaxError', "invalid syntax", self.line, col,
                          self.line, col + 1)
        self.add(OP, self.src[start:self.pos], self.line, col, start)

    def check_fstring_quote(self, c):
        """Inside an f-string's replacement field, its own quote ends the
        string in Python 3.11 (nested quotes of the same kind came with
        3.12): the field is then missing its '}'."""
        if len(self.modes) == 0:
            return
        fmode = self.enclosing_fstring()
        if c == fmode.quote:
            self.fail("f-string: expecting '}'", self.col())

    def field_level(self):
        """True if we are directly in a replacement field's expression
        (no bracket opened inside it)."""
        mode = self.modes[-1]
        return mode.kind == MODE_EXPR and len(self.brackets) == mode.depth

    def open_bracket(self, c):
        if len(self.brackets) >= MAX_BRACKETS:
            self.fail("too many nested parentheses", self.col())
        self.brackets.append(c)
        self.bracket_lines.append(self.line)
        self.bracket_cols.append(self.col())
        start = self.pos
        self.pos += 1
        self.add(OP, c, self.line, self.col() - 1, start)

    def close_bracket(self, c):
        col = self.col()
        if len(self.brackets) == 0:
            self.error_at('SyntaxError', "unmatched '%s'" % c, self.line,
                          col, self.line, col + 1)
        opening = self.brackets[-1]
        if (opening == '(' and c != ')') or (opening == '[' and c != ']') or \
                (opening == '{' and c != '}'):
            msg = "closing parenthesis '%s' does not match opening " \
                  "parenthesis '%s'" % (c, opening)
            if self.bracket_lines[-1] != self.line:
                msg += " on line %d" % self.bracket_lines[-1]
            self.error_at('SyntaxError', msg, self.line, col, self.line,
                          col + 1)
        self.pop_bracket()
        start = self.pos
        self.pos += 1
        self.add(OP, c, self.line, col, start)

    def pop_bracket(self):
        self.brackets.pop()
        self.bracket_lines.pop()
        self.bracket_cols.pop()

    # --- strings --------------------------------------------------------

    def string(self, start, col, raw, is_bytes, is_f):
        """A string literal whose prefix starts at `start`; pos is at the
        opening quote."""
        quote = self.src[self.pos]
        triple = self.src[self.pos:self.pos + 3] == quote + quote + quote
        if triple:
            self.pos += 3
        else:
            self.pos += 1
        line = self.line
        if is_f:
            self.add(FSTRING_START, self.src[start:self.pos], line, col,
                     start)
            self.modes.append(FMode(MODE_FSTRING, quote, triple, raw, 0, line,
                                    col))
            return
        body_start = self.pos
        body_end = self.scan_string_body(quote, triple, line, col)
        body = self.src[body_start:body_end]
        value = decode_literal(self, body, raw, is_bytes, line, col)
        tok = self.add(STRING, value, line, col, start)
        tok.is_bytes = is_bytes

    def scan_string_body(self, quote, triple, line, col):
        """Moves past the closing quote; returns where the body ends."""
        src = self.src
        while True:
            if self.pos >= len(src):
                self.unterminated(triple, line, col)
            c = src[self.pos]
            if c == '\\':
                self.pos += 1
                if self.pos < len(src):
                    if src[self.pos] == '\n':
                        self.pos += 1
                        self.newline_consumed()
                    else:
                        self.pos += 1
                continue
            if c == '\n':
                if not triple:
                    self.unterminated(triple, line, col)
                self.pos += 1
                self.newline_consumed()
                continue
            if c == quote:
                if not triple:
                    self.pos += 1
                    return self.pos - 1
                if src[self.pos:self.pos + 3] == quote + quote + quote:
                    self.pos += 3
                    return self.pos - 3
            self.pos += 1

    def unterminated(self, triple, line, col):
        detected = self.line
        if self.pos >= len(self.src) and self.line_start == self.pos and \
                detected > line:
            detected -= 1
        if triple:
            msg = "unterminated triple-quoted string literal (detected at " \
                  "line %d)" % detected
        else:
            msg = "unterminated string literal (detected at line %d)" % \
                  detected
        self.error_at('SyntaxError', msg, line, col, line, col)

    # --- f-strings ------------------------------------------------------

    def fstring_text(self, mode):
        """Literal text of an f-string or of a format spec, up to the next
        replacement field, the end of the field or the closing quote (the
        helpers return True when they ended the text)."""
        fmode = self.enclosing_fstring()
        line = self.line
        col = self.col()
        start = self.pos
        parts = []
        while True:
            if self.pos >= len(self.src):
                self.fstring_unterminated(fmode)
            c = self.src[self.pos]
            if c == fmode.quote and self.at_closing_quote(fmode):
                if mode.kind == MODE_SPEC:
                    self.fail("f-string: expecting '}'", self.col())
                self.emit_middle(parts, line, col, start)
                self.end_fstring(fmode)
                return
            if c == '{' or c == '}':
                if self.fstring_brace(c, mode, parts, line, col, start):
                    return
            elif c == '\\':
                self.fstring_backslash(parts, fmode)
            else:
                if c == '\n' and not fmode.triple:
                    self.fstring_unterminated(fmode)
                parts.append(c)
                self.pos += 1
                if c == '\n':
                    self.newline_consumed()

    def at_closing_quote(self, fmode):
        if not fmode.triple:
            return True
        q = fmode.quote
        return self.src[self.pos:self.pos + 3] == q + q + q

    def fstring_brace(self, c, mode, parts, line, col, start):
        """`{{`/`}}` are text; `{` starts a field; `}` ends a format spec
        (and its field).  True when the text ended here."""
        if mode.kind == MODE_FSTRING and self.peek(1) == c:
            parts.append(c)
            self.pos += 2
            return False
        if c == '{':
            self.emit_middle(parts, line, col, start)
            self.start_field()
            return True
        if mode.kind == MODE_SPEC:
            self.emit_middle(parts, line, col, start)
            self.end_field()
            return True
        self.fail("f-string: single '}' is not allowed", self.col())
        return True

    def fstring_backslash(self, parts, fmode):
        if not fmode.raw:
            self.fstring_escape(parts, fmode)
            return
        # Raw: the backslash stays, and keeps the next character from
        # ending anything (but not a brace, which still opens a field).
        parts.append('\\')
        self.pos += 1
        c = self.peek(0)
        if c == '\n':
            parts.append(c)
            self.pos += 1
            self.newline_consumed()
        elif self.pos < len(self.src) and c != '{' and c != '}':
            parts.append(c)
            self.pos += 1

    def fstring_escape(self, parts, fmode):
        """One escape sequence in an f-string's text."""
        p = self.pos
        if self.peek(1) == '\n':
            self.pos += 2
            self.newline_consumed()
            return
        if self.peek(1) == '{' or self.peek(1) == '}':
            parts.append('\\')
            self.pos += 1
            return
        end = escape_end(self.src, p)
        text = self.src[p:end]
        parts.append(decode_literal(self, text, False, False, fmode.line,
                                    fmode.col))
        self.pos = end

    def fstring_unterminated(self, fmode):
        if fmode.triple:
            msg = "unterminated triple-quoted f-string literal (detected " \
                  "at line %d)" % self.line
        else:
            msg = "unterminated string literal (detected at line %d)" % \
                  self.line
        self.error_at('SyntaxError', msg, fmode.line, fmode.col, fmode.line,
                      fmode.col)

    def enclosing_fstring(self):
        i = len(self.modes) - 1
        while i > 0 and self.modes[i].kind != MODE_FSTRING:
            i -= 1
        return self.modes[i]

    def emit_middle(self, parts, line, col, start):
        if self.pos == start:
            return
        self.add(FSTRING_MIDDLE, ''.join(parts), line, col, start)

    def end_fstring(self, fmode):
        start = self.pos
        col = self.col()
        if fmode.triple:
            self.pos += 3
        else:
            self.pos += 1
        self.add(FSTRING_END, self.src[start:self.pos], self.line, col, start)
        self.modes.pop()

    def start_field(self):
        fmode = self.enclosing_fstring()
        self.open_bracket('{')
        self.modes.append(FMode(MODE_EXPR, fmode.quote, fmode.triple,
                                fmode.raw, len(self.brackets), self.line,
                                self.col()))

    def start_spec(self):
        start = self.pos
        self.pos += 1
        self.add(OP, ':', self.line, self.col() - 1, start)
        self.modes[-1].kind = MODE_SPEC

    def end_field(self):
        self.modes.pop()
        self.pop_bracket()
        start = self.pos
        self.pos += 1
        self.add(OP, '}', self.line, self.col() - 1, start)


def _is_symbol(cp):
    """Punctuation and symbols, which CPython never accepts in names (the
    common blocks: no Unicode database here)."""
    return (0xa1 <= cp <= 0xbf) or cp == 0xd7 or cp == 0xf7 or \
        (0x2000 <= cp <= 0x2bff) or (0x3000 <= cp <= 0x303f) or \
        (0xfe30 <= cp <= 0xfe4f) or (0xff01 <= cp <= 0xff0f) or \
        (0x1f000 <= cp <= 0x1faff)


def _hex2(n):
    digits = '0123456789abcdef'
    return digits[(n >> 4) & 15] + digits[n & 15]


def _is_radix_digit(c, radix):
    if radix == 16:
        return is_hex_digit(c)
    if radix == 8:
        return '0' <= c <= '7'
    return c == '0' or c == '1'


def string_prefix_ok(prefix):
    return prefix in ['r', 'u', 'b', 'br', 'rb', 'f', 'fr', 'rf']


def escape_end(src, p):
    """The end of the escape sequence starting with the backslash at
    src[p] (its argument digits included, as far as they go)."""
    if p + 1 >= len(src):
        return p + 1
    c = src[p + 1]
    end = p + 2
    if '0' <= c <= '7':
        while end < len(src) and end < p + 4 and '0' <= src[end] <= '7':
            end += 1
    elif c == 'x' or c == 'u' or c == 'U':
        width = 2
        if c == 'u':
            width = 4
        elif c == 'U':
            width = 8
        while end < len(src) and end < p + 2 + width and \
                is_hex_digit(src[end]):
            end += 1
    elif c == 'N' and end < len(src) and src[end] == '{':
        close = src.find('}', end)
        if close >= 0:
            end = close + 1
    return end


SIMPLE_ESCAPES = {'\n': '', '\\': '\\', "'": "'", '"': '"', 'a': '\x07',
                  'b': '\x08', 'f': '\x0c', 'n': '\n', 'r': '\r', 't': '\t',
                  'v': '\x0b'}


def decode_literal(tokenizer, body, raw, is_bytes, line, col):
    """The value of a string literal's body: escapes processed (unless
    raw), UTF-8 for str, bytes for bytes.  Errors are reported at the
    literal's start (line, col)."""
    if is_bytes:
        for ch in body:
            if ord(ch) >= 0x80:
                tokenizer.error_at('SyntaxError', "bytes can only contain "
                                   "ASCII literal characters", line, col,
                                   line, -1)
    if raw or body.find('\\') < 0:
        return body
    out = []
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c != '\\':
            j = body.find('\\', i)
            if j < 0:
                j = n
            out.append(body[i:j])
            i = j
            continue
        end = escape_end(body, i)
        out.append(decode_escape(tokenizer, body[i:end], is_bytes, line, col,
                                 i))
        i = end
    return ''.join(out)


def decode_escape(tokenizer, esc, is_bytes, line, col, position):
    """One escape sequence (backslash included) -> its value."""
    if len(esc) < 2:
        return esc
    c = esc[1]
    if c in SIMPLE_ESCAPES:
        return SIMPLE_ESCAPES[c]
    if '0' <= c <= '7':
        value = 0
        for k in range(1, len(esc)):
            value = value * 8 + ord(esc[k]) - ord('0')
        if is_bytes:
            return chr(value & 0xff)
        return utf8_encode(value)
    if c == 'x':
        if len(esc) != 4:
            if is_bytes:
                what = "(value error) invalid \\x escape at position %d" % \
                       position
            else:
                what = "(unicode error) 'unicodeescape' codec can't decode " \
                       "bytes in position %d-%d: truncated \\xXX escape" % \
                       (position, position + len(esc) - 1)
            tokenizer.error_at('SyntaxError', what, line, col, line, -1)
        value = hex_value(esc[2]) * 16 + hex_value(esc[3])
        if is_bytes:
            return chr(value)
        return utf8_encode(value)
    if is_bytes:
        return esc            # \u, \U, \N and unknown escapes stay as is
    if c == 'u' or c == 'U':
        return decode_unicode_escape(tokenizer, esc, line, col, position)
    if c == 'N':
        tokenizer.error_at('SyntaxError', "\\N{...} escapes are not "
                           "supported", line, col, line, -1)
    return esc


def decode_unicode_escape(tokenizer, esc, line, col, position):
    width = 4
    if esc[1] == 'U':
        width = 8
    if len(esc) != 2 + width:
        tokenizer.error_at('SyntaxError', "(unicode error) 'unicodeescape' "
                           "codec can't decode bytes in position %d-%d: "
                           "truncated \\%sXXXX escape" %
                           (position, position + len(esc) - 1, esc[1]),
                           line, col, line, -1)
    value = 0
    for k in range(2, len(esc)):
        value = value * 16 + hex_value(esc[k])
    if value > 0x10ffff:
        tokenizer.error_at('SyntaxError', "(unicode error) 'unicodeescape' "
                           "codec can't decode bytes in position %d-%d: "
                           "illegal Unicode character" %
                           (position, position + len(esc) - 1), line, col,
                           line, -1)
    return utf8_encode(value)


def prepare_source(source):
    """The source as the tokenizer sees it: without a UTF-8 byte order
    mark, newlines normalized.  Token offsets index this text."""
    if source[0:3] == chr(0xef) + chr(0xbb) + chr(0xbf):
        source = source[3:]
    return normalize_newlines(source)


def tokenize(source, filename):
    """The tokens of `source` (UTF-8 bytes), ending with ENDMARKER, or
    with an ERRORTOKEN at the first lexical error.  Offsets index
    prepare_source(source)."""
    return Tokenizer(prepare_source(source), filename).run()


def repr_text(s, is_bytes):
    """A short quoted form of token text for dumps; bytes values show
    their non-ASCII bytes as \\xNN."""
    out = ["'"]
    for c in s:
        if c == "'" or c == '\\':
            out.append('\\' + c)
        elif c == '\n':
            out.append('\\n')
        elif c == '\t':
            out.append('\\t')
        elif ord(c) < 0x20 or ord(c) == 0x7f or (is_bytes and ord(c) >= 0x80):
            out.append('\\x' + _hex2(ord(c)))
        else:
            out.append(c)
    out.append("'")
    return ''.join(out)


def dump_tokens(tokens):
    """One line per token: `line:col-line:col KIND 'text'`, and for
    strings ` = 'value'` (b'...' for bytes) when it differs."""
    lines = []
    for tok in tokens:
        text = "%d:%d-%d:%d %s %s" % (tok.line, tok.col, tok.end_line,
                                      tok.end_col, TOKEN_NAMES[tok.kind],
                                      repr_text(tok.text, False))
        if tok.kind == STRING or tok.kind == FSTRING_MIDDLE:
            if tok.value != tok.text:
                prefix = ''
                if tok.is_bytes:
                    prefix = 'b'
                text += " = " + prefix + repr_text(tok.value, tok.is_bytes)
        if tok.kind == ERRORTOKEN:
            text += " " + tok.error.kind + ": " + tok.error.msg
        lines.append(text)
    return "\n".join(lines) + "\n"
