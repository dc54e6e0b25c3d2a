# exceptions: the first matching clause wins; tuples of classes; a base class clause before a subclass
class Base(Exception):
    pass
class Child(Base):
    pass
for exc in (Child("c"), Base("b"), KeyError("k"), StopIteration()):
    try:
        raise exc
    except (KeyError, StopIteration) as e:
        print("tuple clause:", type(e).__name__)
    except Base as e:
        print("Base clause:", type(e).__name__, e)
    except Child:
        print("never reached")
try:
    raise Child()
except Exception as e:
    print("Exception clause catches", type(e).__name__)
