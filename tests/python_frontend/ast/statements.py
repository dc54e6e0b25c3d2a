import os, sys as system
import a.b.c
from . import sibling
from ..pkg.mod import (x as y, z,)
from m import *
global_var = 1
a = b = c
a, b = b, a
x += 1
y: int = 2
z: list
del a, b[0], c.d
assert x, "message"
pass
raise
raise E
raise E("m") from None
return_value = None
