"""abc for the Lathe Python VM: ABC, ABCMeta and abstractmethod, with the
check that a class with abstract methods cannot be instantiated."""


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


class ABCMeta(type):
    def __call__(cls, *args, **kwargs):
        abstract = []
        for name in dir(cls):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstract.append(name)
        if abstract:
            abstract.sort()
            plural = "s" if len(abstract) > 1 else ""
            raise TypeError("Can't instantiate abstract class %s with "
                            "abstract method%s %s" %
                            (cls.__name__, plural, ", ".join(abstract)))
        return type.__call__(cls, *args, **kwargs)


class ABC(metaclass=ABCMeta):
    pass
