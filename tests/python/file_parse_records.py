# open: a small CSV-like report: parse numbers per line, group by key, aggregate and format a table
totals = {}
counts = {}
with open("file_parse_records_data.txt") as f:
    header = f.readline().strip().split(",")
    for line in f:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        region, item, qty, price = line.split(",")
        amount = int(qty) * float(price)
        totals[region] = totals.get(region, 0.0) + amount
        counts[region] = counts.get(region, 0) + int(qty)
print(header)
for region in sorted(totals):
    print("%-6s %4d %10.2f" % (region, counts[region], totals[region]))
print("%-6s %4d %10.2f" % ("all", sum(counts.values()), sum(totals.values())))
