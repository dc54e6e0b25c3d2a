// RPyLexer.g4 - tokens of RPy (a Python 3 subset).
// Input: the source file as a stream of *bytes* (one code point per byte,
// see grammar/token_source.cpp), so token columns and indices are byte
// offsets and invalid UTF-8 cannot trip the lexer.
// Output: raw tokens. NEWLINE/INDENT/DEDENT bookkeeping (bracket joining,
// blank lines, indentation stack) is done by grammar/token_source.cpp, which
// subclasses this lexer; INDENT and DEDENT are declared here only so the
// parser grammar shares their token types.
// Error tokens (UNTERMINATED_*, ERROR_CHAR) never reach the parser: the
// token source turns them into diagnostics.
lexer grammar RPyLexer;

tokens { INDENT, DEDENT }

// --- keywords (before NAME: equal-length matches go to the first rule) ----
DEF: 'def'; RETURN: 'return'; RAISE: 'raise'; FROM: 'from'; IMPORT: 'import';
AS: 'as'; GLOBAL: 'global'; NONLOCAL: 'nonlocal'; ASSERT: 'assert';
IF: 'if'; ELIF: 'elif'; ELSE: 'else'; WHILE: 'while'; FOR: 'for'; IN: 'in';
TRY: 'try'; FINALLY: 'finally'; EXCEPT: 'except'; LAMBDA: 'lambda';
OR: 'or'; AND: 'and'; NOT: 'not'; IS: 'is'; NONE: 'None'; TRUE: 'True';
FALSE: 'False'; CLASS: 'class'; DEL: 'del'; PASS: 'pass';
CONTINUE: 'continue'; BREAK: 'break';
// Reserved by Python 3, not part of RPy: lexed as keywords so that using
// them as names is a syntax error, as on CPython.
WITH: 'with'; YIELD: 'yield'; ASYNC: 'async'; AWAIT: 'await';

NAME: [a-zA-Z_] [a-zA-Z0-9_]*;

// --- numbers (decoded by grammar/literals.cpp) -----------------------------
INTEGER: DEC_INTEGER | HEX_INTEGER | OCT_INTEGER | BIN_INTEGER;
FLOAT: POINT_FLOAT | EXPONENT_FLOAT;
fragment DEC_INTEGER: [1-9] ('_'? DIGIT)* | '0'+ ('_'? '0')*;
fragment HEX_INTEGER: '0' [xX] ('_'? [0-9a-fA-F])+;
fragment OCT_INTEGER: '0' [oO] ('_'? [0-7])+;
fragment BIN_INTEGER: '0' [bB] ('_'? [01])+;
fragment DIGIT: [0-9];
fragment DIGIT_PART: DIGIT ('_'? DIGIT)*;
fragment POINT_FLOAT: DIGIT_PART? '.' DIGIT_PART | DIGIT_PART '.';
fragment EXPONENT_FLOAT: (DIGIT_PART | POINT_FLOAT) [eE] [+-]? DIGIT_PART;

// --- strings (escapes decoded by grammar/literals.cpp) ----------------------
STRING: STRING_PREFIX? (SHORT_STRING | LONG_STRING);
fragment STRING_PREFIX: [rRuUbB] | [bB] [rR] | [rR] [bB];
fragment SHORT_STRING
  : '\'' (ESCAPE_SEQ | ~[\\\r\n'])* '\''
  | '"' (ESCAPE_SEQ | ~[\\\r\n"])* '"'
  ;
fragment LONG_STRING
  : '\'\'\'' LONG_ITEM*? '\'\'\''
  | '"""' LONG_ITEM*? '"""'
  ;
fragment LONG_ITEM: ~'\\' | ESCAPE_SEQ;
fragment ESCAPE_SEQ: '\\' '\r' '\n' | '\\' .;
// Only the opening quote: a terminated STRING is always longer, so these
// match exactly when the literal is not closed.
UNTERMINATED_LONG_STRING: STRING_PREFIX? ('\'\'\'' | '"""');
UNTERMINATED_STRING: STRING_PREFIX? ('\'' | '"');

// --- operators and delimiters ----------------------------------------------
DOUBLE_STAR_ASSIGN: '**='; FLOORDIV_ASSIGN: '//='; LSHIFT_ASSIGN: '<<=';
RSHIFT_ASSIGN: '>>='; ADD_ASSIGN: '+='; SUB_ASSIGN: '-='; MUL_ASSIGN: '*=';
DIV_ASSIGN: '/='; MOD_ASSIGN: '%='; AND_ASSIGN: '&='; OR_ASSIGN: '|=';
XOR_ASSIGN: '^='; AT_ASSIGN: '@=';
DOUBLE_STAR: '**'; FLOORDIV: '//'; LSHIFT: '<<'; RSHIFT: '>>'; ARROW: '->';
EQ: '=='; NE: '!='; LE: '<='; GE: '>='; WALRUS: ':=';
LPAR: '('; RPAR: ')'; LSQB: '['; RSQB: ']'; LBRACE: '{'; RBRACE: '}';
COLON: ':'; COMMA: ','; SEMI: ';'; DOT: '.'; ELLIPSIS: '...';
ASSIGN: '='; PLUS: '+'; MINUS: '-'; STAR: '*'; SLASH: '/'; PERCENT: '%';
AMPER: '&'; VBAR: '|'; CIRCUMFLEX: '^'; TILDE: '~'; LESS: '<';
GREATER: '>'; AT: '@';

// --- layout ------------------------------------------------------------------
NEWLINE: '\r'? '\n' | '\r';
SKIP_WS: [ \t\f]+ -> skip;
COMMENT: '#' ~[\r\n]* -> skip;
LINE_JOIN: '\\' ('\r'? '\n' | '\r') -> skip;

// Anything else (a stray '$', '?', a lone backslash, a non-ASCII or NUL
// byte): one byte, reported as an invalid character.
ERROR_CHAR: .;
