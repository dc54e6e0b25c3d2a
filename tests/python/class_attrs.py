# classes: class attributes are shared, instance attributes shadow them, changes via the class show
class Config:
    level = 1
    names = []

    def bump(self):
        self.level += 1

a = Config()
b = Config()
print(a.level, b.level, Config.level)
a.bump()
print(a.level, b.level, Config.level)
Config.level = 10
print(a.level, b.level)
a.names.append("shared")
print(b.names, Config.names)
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.id = Counter.instances
cs = [Counter() for _ in range(4)]
print(Counter.instances, [c.id for c in cs], cs[0].instances)
print(hasattr(a, "level"), hasattr(a, "nope"), getattr(b, "level"), getattr(b, "zz", "default"))
