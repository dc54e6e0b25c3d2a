x = a or b and not c
x = a if b else c
x = a < b <= c == d != e > f >= g is h is not i in j not in k
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** o
x = -a ** b, (-a) ** b, ~a, +a
x = a.b.c[d][e:f][::g][h:i:j, k, ...][()]
x = f(a, *b, c=d, **e)(g)
x = f(x for x in y)
x = [1, *a], (1,), (), {1: 2, **d}, {1, *s}, {}
x = [x for x in y if x for z in w if z if q]
x = {k: v for k, v in items}
x = {s for s in set_}
x = (yield)
x = True, False, None, ..., 1, 1.5, "s", b"b", 123456789012345678901234567890
x = "a" "b" 'c'
x = u"unicode"
