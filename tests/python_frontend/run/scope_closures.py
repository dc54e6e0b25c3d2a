# closures, cells, nonlocal, global, class scopes, comprehension scopes
counter = 0

def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc(5)
print(get())

def bump():
    global counter
    counter += 10
bump(); bump()
print(counter)

def late_binding():
    fs = [lambda: i for i in range(3)]
    gs = [lambda i=i: i for i in range(3)]
    return [f() for f in fs], [g() for g in gs]
print(late_binding())

def arg_cell(x, y):
    def show():
        return x * 10 + y
    x += 1
    return show()
print(arg_cell(1, 2))

class Outer:
    cls_var = "class level"
    items = [c for c in "ab"]
    def method(self):
        try:
            return cls_var
        except NameError as e:
            return "NameError: " + str(e)
print(Outer().method(), Outer.items)

def class_in_function():
    value = "from function"
    class Inner:
        attr = value
        def get(self):
            return value
    return Inner.attr, Inner().get()
print(class_in_function())

def class_shadow():
    x = "func x"
    class C:
        x = "class x"
        y = x
        def m(self):
            return x
    return C.y, C().m()
print(class_shadow())

class Private:
    def __init__(self):
        self.__secret = 42
        self.__dunder__ = "dunder"
    def peek(self):
        return self.__secret
    def __hidden(self):
        return "hidden"
    def call_hidden(self):
        return self.__hidden()
p = Private()
print(p.peek(), p._Private__secret, p.call_hidden(), p.__dunder__, hasattr(p, "__secret"))

def deleting():
    a = 1
    def f():
        return a
    del a
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
deleting()

def unbound():
    try:
        print(z)
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    z = 1
unbound()

class Base:
    def hello(self):
        return "Base.hello"
class Derived(Base):
    def hello(self):
        def inner():
            return super(Derived, self).hello()
        return "Derived+" + inner() + "+" + super().hello() + " " + __class__.__name__
print(Derived().hello())

def gen_scope():
    x = 10
    return list(x + y for y in range(3))
print(gen_scope())

def nested_nonlocal():
    a = 0
    def level1():
        def level2():
            nonlocal a
            a += 1
            return a
        return level2() + level2()
    return level1(), a
print(nested_nonlocal())
