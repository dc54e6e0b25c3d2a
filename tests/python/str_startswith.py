# str: startswith/endswith with tuples of prefixes and start/end positions
name = "report_2024.csv"
print(name.startswith("report"), name.startswith("Report"), name.endswith(".csv"), name.endswith(".txt"))
print(name.endswith((".txt", ".csv")), name.startswith(("a", "b")), name.startswith("2024", 7))
print(name.startswith("", 3), name.endswith("report", 0, 6), "".startswith(""), "".endswith("a"))
files = ["a.py", "b.txt", "c.py", "readme", "d.PY"]
print([f for f in files if f.endswith(".py")])
