# import: a module's functions use the module's own globals, not the importer's; modules are objects
import mod_util
calls = "main's calls"
mod_util.double(1)
mod_util.double(2)
print(calls, mod_util.calls)
def double(x):
    return "main's double"
print(double(1), mod_util.double(1))
m = mod_util
print(m.calls, hasattr(m, "double"), hasattr(m, "nothing"), getattr(m, "VERSION"))
