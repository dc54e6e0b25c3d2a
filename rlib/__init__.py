"""rlib: the support library that RPy interpreters import.

Every module here runs unchanged on CPython, where the JIT hints are no-ops
and the integer helpers emulate the translated semantics.  Lathe's
translation-time module evaluator also loads these modules and recognises
the hints by identity (and by the marker attributes documented in each
module), so the code stays inside the evaluator's Python subset: see
DESIGN.md section 3 and the notes at the top of each module.
"""
