# classes: super() in __init__ and in methods, through three levels, with arguments
class Base:
    def __init__(self, x):
        self.x = x
        self.log = ["Base"]
    def value(self):
        return self.x
    def name(self):
        return "Base"

class Mid(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
        self.log.append("Mid")
    def value(self):
        return super().value() + self.y
    def name(self):
        return "Mid<" + super().name() + ">"

class Leaf(Mid):
    def __init__(self):
        super().__init__(1, 2)
        self.log.append("Leaf")
    def value(self):
        return super().value() * 100
    def name(self):
        return "Leaf<" + super().name() + ">"

o = Leaf()
print(o.x, o.y, o.log, o.value(), o.name())
m = Mid(5, 6)
print(m.value(), m.name(), m.log)
