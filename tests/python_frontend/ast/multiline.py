result = compute(
    first,
    second=(1 +
            2),
)
text = """a
b""" + f"""c{
x}"""
class K:
    def m(self):
        if x:
            return [
                i
                for i in range(3)
            ]
