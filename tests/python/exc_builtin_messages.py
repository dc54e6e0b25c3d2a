# exceptions: str() of common built-in errors matches CPython's messages word for word
nothing = None
five = 5
cases = [
    lambda: [1, 2][5],
    lambda: (1,)[3],
    lambda: "ab"[9],
    lambda: [].pop(),
    lambda: {"a": 1}["b"],
    lambda: 1 + "s",
    lambda: "s" + 1,
    lambda: [] + (),
    lambda: 3 * None,
    lambda: -"x",
    lambda: five[0],
    lambda: nothing[0],
    lambda: len(3),
    lambda: int("12x"),
    lambda: float("nope"),
    lambda: [1, 2].index(7),
    lambda: "abc".index("z"),
    lambda: chr(-1),
    lambda: ord("ab"),
    lambda: max([]),
    lambda: iter(5),
    lambda: 1 < "a",
    lambda: {}.nope,
    lambda: [][1:2:0],
    lambda: hash([]),
    lambda: sum(["a", "b"]),
]
for case in cases:
    try:
        case()
        print("no exception")
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))
