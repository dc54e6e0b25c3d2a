# import: `import mod_util` of a sibling module: its top-level code runs once, attributes via the module
import mod_util
print("imported:", mod_util.__name__, mod_util.VERSION)
print(mod_util.double(21), mod_util.double("ab"), mod_util.calls)
g = mod_util.Greeter("world")
print(g.greet(), type(g).__name__, isinstance(g, mod_util.Greeter))
import mod_util
print(mod_util.calls, __name__)
