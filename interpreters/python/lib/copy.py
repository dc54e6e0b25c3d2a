"""copy for the Lathe Python VM: shallow and deep copies of the built-in
containers and of instances (through __copy__/__deepcopy__ or their
attributes)."""


class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, str, tuple, frozenset, type, range,
               type(None)):
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    if callable(x) and not hasattr(x, "__dict__"):
        return x
    result = object.__new__(cls) if not isinstance(x, (list, dict, set)) \
        else cls(x)
    for name, value in x.__dict__.items():
        setattr(result, name, value)
    return result


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    key = id(x)
    if key in memo:
        return memo[key]
    cls = type(x)
    if cls in (int, float, bool, str, type, range, type(None)) or \
            callable(x) and not hasattr(x, "__dict__"):
        return x
    if cls is list:
        result = []
        memo[key] = result
        for item in x:
            result.append(deepcopy(item, memo))
        return result
    if cls is tuple:
        return tuple(deepcopy(item, memo) for item in x)
    if cls is dict:
        result = {}
        memo[key] = result
        for k, v in x.items():
            result[deepcopy(k, memo)] = deepcopy(v, memo)
        return result
    if cls is set:
        return set(deepcopy(item, memo) for item in x)
    if cls is frozenset:
        return frozenset(deepcopy(item, memo) for item in x)
    copier = getattr(cls, "__deepcopy__", None)
    if copier is not None:
        return copier(x, memo)
    result = object.__new__(cls)
    memo[key] = result
    for name, value in x.__dict__.items():
        setattr(result, name, deepcopy(value, memo))
    return result
