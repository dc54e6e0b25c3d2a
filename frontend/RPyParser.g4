// RPyParser.g4 - the syntax of RPy (a Python 3 subset, DESIGN.md §3).
// Input: tokens from grammar/token_source.cpp (NEWLINE/INDENT/DEDENT already
// resolved, brackets balanced and nested at most 200 deep).
// Output: a parse tree, turned into the AST (ast.h) by grammar/ast_builder.cpp.
// Shaped after CPython 3.8's Grammar/Grammar, minus async/with/yield/walrus
// and f-strings. Written for SLL prediction: no alternative needs full
// context. Semantic checks that a context-free grammar states badly (valid
// assignment targets, parameter order) are done by the AST builder.
parser grammar RPyParser;

options { tokenVocab = RPyLexer; }

file_input: (NEWLINE | stmt)* EOF;

// --- statements --------------------------------------------------------------
stmt: simple_stmts | compound_stmt;
simple_stmts: simple_stmt (SEMI simple_stmt)* SEMI? NEWLINE;
simple_stmt
  : expr_stmt | del_stmt | pass_stmt | break_stmt | continue_stmt
  | return_stmt | raise_stmt | global_stmt | nonlocal_stmt | assert_stmt
  | import_name | import_from
  ;
expr_stmt
  : testlist_star_expr
    ( annassign
    | augassign testlist
    | (ASSIGN testlist_star_expr)*
    )
  ;
annassign: COLON test (ASSIGN testlist_star_expr)?;
augassign
  : ADD_ASSIGN | SUB_ASSIGN | MUL_ASSIGN | DIV_ASSIGN | FLOORDIV_ASSIGN
  | MOD_ASSIGN | DOUBLE_STAR_ASSIGN | LSHIFT_ASSIGN | RSHIFT_ASSIGN
  | OR_ASSIGN | XOR_ASSIGN | AND_ASSIGN
  ;
testlist_star_expr: (test | star_expr) (COMMA (test | star_expr))* COMMA?;
del_stmt: DEL exprlist;
pass_stmt: PASS;
break_stmt: BREAK;
continue_stmt: CONTINUE;
return_stmt: RETURN testlist_star_expr?;
raise_stmt: RAISE (test (FROM test)?)?;
global_stmt: GLOBAL NAME (COMMA NAME)*;
nonlocal_stmt: NONLOCAL NAME (COMMA NAME)*;
assert_stmt: ASSERT test (COMMA test)?;
import_name: IMPORT dotted_as_name (COMMA dotted_as_name)*;
dotted_as_name: dotted_name (AS NAME)?;
dotted_name: NAME (DOT NAME)*;
import_from
  : FROM (DOT | ELLIPSIS)* dotted_name IMPORT import_targets
  | FROM (DOT | ELLIPSIS)+ IMPORT import_targets
  ;
import_targets
  : STAR
  | LPAR import_as_name (COMMA import_as_name)* COMMA? RPAR
  | import_as_name (COMMA import_as_name)*
  ;
import_as_name: NAME (AS NAME)?;

compound_stmt
  : if_stmt | while_stmt | for_stmt | try_stmt | funcdef | classdef | decorated
  ;
if_stmt: IF test COLON suite (ELIF test COLON suite)* (ELSE COLON suite)?;
while_stmt: WHILE test COLON suite (ELSE COLON suite)?;
for_stmt: FOR exprlist IN testlist COLON suite (ELSE COLON suite)?;
try_stmt
  : TRY COLON suite
    ( (except_clause COLON suite)+ (ELSE COLON suite)? (FINALLY COLON suite)?
    | FINALLY COLON suite
    )
  ;
except_clause: EXCEPT (test (AS NAME)?)?;
suite: simple_stmts | NEWLINE INDENT stmt+ DEDENT;

decorated: decorator+ (classdef | funcdef);
decorator: AT dotted_name (LPAR arglist? RPAR)? NEWLINE;
funcdef: DEF NAME LPAR typedargslist? RPAR (ARROW test)? COLON suite;
// Order of the items (defaults last, one `*`, `**` last) is checked by the
// AST builder, which gives better messages than a grammar could.
typedargslist: typedarg (COMMA typedarg)* COMMA?;
typedarg: NAME (COLON test)? (ASSIGN test)? | STAR (NAME (COLON test)?)? | DOUBLE_STAR NAME (COLON test)?;
varargslist: vararg (COMMA vararg)* COMMA?;
vararg: NAME (ASSIGN test)? | STAR NAME? | DOUBLE_STAR NAME;
classdef: CLASS NAME (LPAR arglist? RPAR)? COLON suite;

// --- expressions, loosest binding first -----------------------------------------
test: or_test (IF or_test ELSE test)? | lambdef;
test_nocond: or_test | lambdef_nocond;
lambdef: LAMBDA varargslist? COLON test;
lambdef_nocond: LAMBDA varargslist? COLON test_nocond;
// Operators with precedence climbing (ANTLR's left-recursive rules): the
// first alternative listed binds tightest. `not` and comparisons keep their
// own rules so that `a == not b` stays a syntax error and `is not` is not
// ambiguous; `for` targets and `*x` take `expr` (no comparisons). The
// builder flattens `a and b and c` into one BoolOp.
or_test
  : not_test
  | or_test AND or_test
  | or_test OR or_test
  ;
not_test: NOT not_test | comparison;
comparison: expr (comp_op expr)*;
comp_op: LESS | GREATER | EQ | GE | LE | NE | IN | NOT IN | IS | IS NOT;
star_expr: STAR expr;
expr
  : atom trailer*
  | <assoc=right> expr DOUBLE_STAR expr
  | (PLUS | MINUS | TILDE) expr
  | expr (STAR | SLASH | PERCENT | FLOORDIV) expr
  | expr (PLUS | MINUS) expr
  | expr (LSHIFT | RSHIFT) expr
  | expr AMPER expr
  | expr CIRCUMFLEX expr
  | expr VBAR expr
  ;
atom
  : LPAR testlist_comp? RPAR
  | LSQB testlist_comp? RSQB
  | LBRACE dictorsetmaker? RBRACE
  | NAME | INTEGER | FLOAT | STRING+ | NONE | TRUE | FALSE
  ;
testlist_comp: (test | star_expr) (comp_for | (COMMA (test | star_expr))* COMMA?);
trailer: LPAR arglist? RPAR | LSQB subscriptlist RSQB | DOT NAME;
subscriptlist: subscript (COMMA subscript)* COMMA?;
subscript: test (COLON test? sliceop?)? | COLON test? sliceop?;
sliceop: COLON test?;
exprlist: (expr | star_expr) (COMMA (expr | star_expr))* COMMA?;
testlist: test (COMMA test)* COMMA?;
// Left-factored so that SLL needs one token after the first item.
dictorsetmaker
  : (test | star_expr)
    ( COLON test (comp_for | (COMMA dict_item)* COMMA?)
    | comp_for
    | (COMMA (test | star_expr))* COMMA?
    )
  ;
dict_item: test COLON test;
arglist: argument (COMMA argument)* COMMA?;
argument: test comp_for? | NAME ASSIGN test | DOUBLE_STAR test | STAR test;
comp_for: FOR exprlist IN or_test comp_iter?;
comp_iter: comp_for | comp_if;
comp_if: IF test_nocond comp_iter?;
