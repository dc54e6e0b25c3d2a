# import: importing a module that does not exist raises ModuleNotFoundError (an ImportError) with its name
try:
    import mod_does_not_exist
except ImportError as e:
    print(type(e).__name__, e)
try:
    from mod_util import no_such_name
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
print(issubclass(ModuleNotFoundError, ImportError))
