# list: aliases share one object; += mutates in place, + builds a new list; [[0]*n]*m shares rows
a = [1, 2]
b = a
b.append(3)
print(a, b, a is b)
c = a
c += [4]
print(a, c is a)
d = a
d = d + [5]
print(a, d, d is a)
grid = [[0] * 3] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
def append_to(lst, x):
    lst.append(x)
    lst = [x]
    return lst
orig = [0]
res = append_to(orig, 7)
print(orig, res)
t = ([1], [2])
t[0].append(5)
print(t)
