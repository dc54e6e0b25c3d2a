# exceptions: an exception raised in an except clause, nested handlers, exceptions across function frames
def level3(n):
    if n == 0:
        raise KeyError("deep")
    return level3(n - 1)

def level1():
    try:
        level3(5)
    except KeyError as e:
        try:
            raise ValueError("while handling " + str(e))
        except ValueError as e2:
            return "inner handled: " + str(e2)

print(level1())
def cleanup_order():
    out = []
    try:
        try:
            try:
                raise IndexError("x")
            finally:
                out.append(1)
        except KeyError:
            out.append("wrong")
        finally:
            out.append(2)
    except IndexError:
        out.append(3)
    finally:
        out.append(4)
    return out
print(cleanup_order())
count = 0
for i in range(100):
    try:
        if i % 7 == 0:
            raise ValueError(i)
    except ValueError as e:
        count += e.args[0]
print(count)
