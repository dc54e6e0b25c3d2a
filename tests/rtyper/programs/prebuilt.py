# Prebuilt constants: a module-level instance becomes static data; reading
# its fields is a getfield on the static object; a constant string is a
# static RStr.
class Config(object):
    def __init__(self, name, level):
        self.name = name
        self.level = level

CONFIG = Config("lathe", 3)
GREETING = "hello"

def entry_point(argv):
    print(GREETING)
    print(CONFIG.name)
    print(CONFIG.level + len(argv))
    return 0

if __name__ == "__main__":
    import sys
    sys.exit(entry_point(sys.argv))
