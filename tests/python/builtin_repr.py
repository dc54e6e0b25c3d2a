# builtins: repr() of every built-in kind, nested, and its round trip through the literal forms
vals = [0, -5, 2**70, 1.0, -0.5, 1e100, "s", "it's", "", None, True, [], [1, [2]], (), (1,), (1, 2),
        {}, {"a": [1]}, {7}, range(3), range(1, 10, 2), [None, "x", 1.5]]
for v in vals:
    print(repr(v))
print(repr(repr("a")), repr(str(5)), repr([repr(1)]))
