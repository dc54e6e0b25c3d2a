"""Bound methods as values: a method of one instance stored in a variable
and called later, bound methods of instances of different subclasses in
one list (a call family of methods), and callbacks registered on an
event bus."""

import sys


class Counter(object):
    def __init__(self, name, step):
        self.name = name
        self.step = step
        self.value = 0

    def bump(self, times):
        self.value += self.step * times
        return self.value


class Logger(object):
    def __init__(self, prefix):
        self.prefix = prefix
        self.lines = []

    def on_event(self, what):
        self.lines.append(self.prefix + what)


class LoudLogger(Logger):
    def on_event(self, what):
        self.lines.append(self.prefix + what.upper() + "!")


class Bus(object):
    def __init__(self):
        self.handlers = []

    def subscribe(self, handler):
        self.handlers.append(handler)

    def publish(self, what):
        for h in self.handlers:
            h(what)


def entry_point(argv):
    a = Counter("a", 1)
    b = Counter("b", 10)
    m = a.bump
    m(2)
    m(3)
    print("a.value = %d" % a.value)
    m = b.bump
    print("b.bump(4) = %d" % m(4))
    bumps = [a.bump, b.bump, a.bump]
    for f in bumps:
        f(1)
    print("after list calls: a %d b %d" % (a.value, b.value))
    quiet = Logger("[q] ")
    loud = LoudLogger("[L] ")
    bus = Bus()
    bus.subscribe(quiet.on_event)
    bus.subscribe(loud.on_event)
    bus.subscribe(quiet.on_event)
    for ev in ["start", "tick", "stop"]:
        bus.publish(ev)
    for line in quiet.lines:
        print(line)
    for line in loud.lines:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
