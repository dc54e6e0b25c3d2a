# global: functions read module globals, `global` lets them rebind; unassigned names stay global
counter = 0
config = {"mode": "a"}
def bump():
    global counter
    counter += 1
    return counter
def read():
    return counter * 10
def mutate():
    config["mode"] = "b"
for _ in range(3):
    bump()
mutate()
print(counter, read(), config)
def make_global():
    global created_later
    created_later = "made"
make_global()
print(created_later)
def shadow():
    counter = -1
    return counter
print(shadow(), counter)
