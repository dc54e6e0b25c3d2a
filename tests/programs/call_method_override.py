"""Virtual calls: methods overridden in subclasses called through a
base-typed variable, a template method in the base calling hooks the
subclasses override, and a subclass that keeps the base's version."""

import sys


class Formatter(object):
    def header(self):
        return "BEGIN"

    def item(self, i, text):
        return "%d. %s" % (i, text)

    def footer(self, n):
        return "END (%d items)" % n

    def render(self, items):
        lines = [self.header()]
        for i in range(len(items)):
            lines.append(self.item(i + 1, items[i]))
        lines.append(self.footer(len(items)))
        return "\n".join(lines)


class Bullets(Formatter):
    def item(self, i, text):
        return "* " + text


class Shouting(Bullets):
    def header(self):
        return "LISTEN UP"

    def item(self, i, text):
        return Bullets.item(self, i, text.upper()) + "!"


class Quiet(Formatter):
    def header(self):
        return ""

    def footer(self, n):
        return ""


def make(kind):
    if kind == 0:
        return Formatter()
    if kind == 1:
        return Bullets()
    if kind == 2:
        return Shouting()
    return Quiet()


def entry_point(argv):
    items = ["eggs", "milk", "bread"]
    for kind in range(4):
        f = make(kind)
        print(f.render(items))
        print("--")
    formatters = [Formatter(), Shouting(), Quiet(), Bullets()]
    out = []
    for f in formatters:
        out.append(f.item(7, "x"))
    print(" | ".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
