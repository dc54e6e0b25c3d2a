a = 1
a.b = 1
a[b] = 1
a, b = 1, 2
[a, b] = 1, 2
(a, *b), c = d
for a.b, c[0] in d: pass
with x as (a, b): pass
del (a, b), [c]
[*a, b] = c
