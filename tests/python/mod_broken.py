# helper module for syntax_in_imported_module (not a test itself): has a syntax error on line 4
def fine():
    return 1
def broken(:
    return 2
