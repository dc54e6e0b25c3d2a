# collections: deque, defaultdict, Counter, OrderedDict, namedtuple
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
d = deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, len(d), d[0], d[-1], d.popleft(), d.pop(), list(d))
d.rotate(2); print(d); d.rotate(-1); print(d, 3 in d, d.count(2))
e = deque(); e.extend("abc"); e.extendleft("xy"); print(e, list(reversed(e)))
try:
    deque().pop()
except IndexError as ex:
    print("IndexError:", ex)
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dict(dd), dd["zz"], len(dd))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(sorted(counts.items()))
c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sum(c.values()), c.total())
c.update("aaz"); c.subtract({"b": 5}); print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2), Counter(a=3, b=1) & Counter(a=1, b=2))
print(sorted(Counter("hello").elements()))
od = OrderedDict()
od["x"] = 1; od["y"] = 2; od["z"] = 3
od.move_to_end("x"); print(od, od.popitem(), od.popitem(last=False), od)
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x + p.y, p[0], len(p), p._asdict(), p._replace(x=10), Point._fields)
print(isinstance(p, tuple), p == (1, 2), Point._make([5, 6]))
x, y = p
print(x, y, hash(p) == hash((1, 2)))
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3(1, 2, 3))
