def factory(value):
    class Holder:
        stored = value
        def get(self):
            return value
    return Holder
