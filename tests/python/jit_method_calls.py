# JIT loop: method calls and attribute reads/writes on instances in a hot loop (maps, promote on types)
# suite: slow
class Particle:
    def __init__(self, x, v):
        self.x = x
        self.v = v
    def step(self, dt):
        self.x += self.v * dt
        if self.x < 0 or self.x > 100:
            self.v = -self.v
    def energy(self):
        return self.v * self.v

ps = [Particle(i * 7 % 100, (i % 5) - 2) for i in range(10)]
e = 0
for t in range(20000):
    for p in ps:
        p.step(1)
    if t % 1000 == 0:
        e += sum(p.energy() for p in ps)
print([p.x for p in ps], e)
