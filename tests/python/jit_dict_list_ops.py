# JIT loop: list append/pop and dict insert/delete in a hot loop (a queue simulation)
# suite: slow
queue = []
seen = {}
served = 0
for t in range(80000):
    queue.append(t % 97)
    if t % 3 == 0:
        x = queue.pop(0) if len(queue) > 50 else queue.pop()
        seen[x] = seen.get(x, 0) + 1
        served += 1
    if t % 1000 == 999:
        for k in list(seen):
            if seen[k] > 20:
                del seen[k]
print(len(queue), served, len(seen), sum(seen.values()), queue[:5])
