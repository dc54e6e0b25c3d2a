def use(path):
    with open(path) as f, lock:
        return f.read()
