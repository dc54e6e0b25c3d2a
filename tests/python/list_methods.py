# list: append extend insert pop remove index count reverse copy clear and their error messages
a = []
a.append(1)
a.append("two")
a.extend([3, 4])
a.extend((5,))
a.extend("ab")
print(a, len(a))
a.insert(0, "first")
a.insert(100, "last")
a.insert(-1, "before-last")
a.insert(-100, "very-first")
print(a)
print(a.pop(), a.pop(0), a.pop(4), a.pop(-2), a)
a.remove("two")
print(a, a.index(3), a.index("a"), a.count(3), [1, 1, 2, 1].count(1), [1, 2, 1].index(1, 1))
b = a.copy()
b.reverse()
print(a, b, a is b)
b.clear()
print(b, len(b), a.append(9), a)
for bad in ("remove", "index", "pop", "pop-range"):
    try:
        if bad == "remove":
            a.remove("nope")
        elif bad == "index":
            a.index(99)
        elif bad == "pop":
            [].pop()
        else:
            [1].pop(5)
    except ValueError as e:
        print("ValueError:", e)
    except IndexError as e:
        print("IndexError:", e)
