# uncaught: raise ... from: both tracebacks with "The above exception was the direct cause" between
def read_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("invalid port setting") from e

print(read_port("80"))
print(read_port("eighty"))
