# functions: *args collects extra positionals into a tuple; calls with *iterable unpack any iterable
def total(*nums):
    print(type(nums).__name__, nums)
    s = 0
    for n in nums:
        s += n
    return s

print(total(), total(1), total(1, 2, 3), total(*[4, 5]), total(*range(4)), total(1, *(2, 3), 4))
def first_rest(first, *rest):
    return first, rest
print(first_rest(1), first_rest(1, 2, 3), first_rest(*"abc"))
def pass_along(*args, **kwargs):
    return inner(*args, **kwargs)
def inner(a, b=0, c=0):
    return a * 100 + b * 10 + c
print(pass_along(1), pass_along(1, 2), pass_along(1, c=3), pass_along(*[1, 2], **{"c": 3}))
print(max(*[3, 9, 2]), "{}-{}".format(*"xy"), list(zip(*[[1, 2], [3, 4], [5, 6]])))
