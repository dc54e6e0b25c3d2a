# dict: adding or deleting keys while iterating raises RuntimeError; assigning existing keys is fine
d = {1: "a", 2: "b", 3: "c"}
for k in d:
    d[k] = d[k] * 2
print(d)
try:
    for k in d:
        d[k + 10] = "new"
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(d) >= 1)
