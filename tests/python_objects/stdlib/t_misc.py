# operator, string, bisect, heapq, copy, typing, abc
import operator, string, bisect, heapq, copy
from typing import List, Dict, Optional
from abc import ABC, abstractmethod
print(operator.add(2, 3), operator.itemgetter(1)([5, 6]), operator.itemgetter(0, 2)("xyz"))
print(sorted([("b", 2), ("a", 3)], key=operator.itemgetter(1)), operator.attrgetter("real")(3))
print(operator.methodcaller("upper")("abc"), operator.neg(5), operator.contains([1], 1))
print(string.ascii_letters, string.digits, string.punctuation, string.capwords("hello big world"))
a = [1, 2, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 5))
bisect.insort(a, 3); print(a)
h = []
for x in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for i in range(3)], h)
l = [9, 4, 7, 1]; heapq.heapify(l); print(l, heapq.nsmallest(2, [5, 2, 8]), heapq.nlargest(2, [5, 2, 8]))
nested = [[1, 2], {"k": [3]}]
shallow = copy.copy(nested); deep = copy.deepcopy(nested)
nested[0].append(99)
print(shallow[0], deep[0], deep[1], deep is not nested)
class Shape(ABC):
    @abstractmethod
    def area(self): ...
class Sq(Shape):
    def area(self):
        return 4
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Sq().area())
def f(x: List[int], y: Optional[Dict[str, int]] = None) -> int:
    return len(x)
print(f([1, 2]))
