"""Module-level constant tables read at run time: lists of ints and strs,
tuples of tuples, a string used as a lookup table, and an int constant
folded into expressions."""

import sys

DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
HEX = "0123456789ABCDEF"
LIMIT = 3999
GREETING = "hello from a constant"


def is_leap(year):
    return (year % 4 == 0 and year % 100 != 0) or year % 400 == 0


def day_of_year(year, month, day):
    n = day
    for m in range(month - 1):
        n += DAYS_IN_MONTH[m]
        if m == 1 and is_leap(year):
            n += 1
    return n


def roman(n):
    if n <= 0 or n > LIMIT:
        return "?"
    out = []
    for value, letters in ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def to_hex(n):
    if n == 0:
        return "0"
    out = ""
    while n > 0:
        out = HEX[n % 16] + out
        n //= 16
    return out


def entry_point(argv):
    print(GREETING)
    for y, m, d in [(2023, 3, 1), (2024, 3, 1), (2000, 12, 31), (1900, 12, 31)]:
        print("%d-%s-%d is day %d" % (y, MONTH_NAMES[m - 1], d, day_of_year(y, m, d)))
    for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 4000]:
        print("%d = %s" % (n, roman(n)))
    for n in [0, 255, 4096, 48879]:
        print("%d = 0x%s" % (n, to_hex(n)))
    total = 0
    for d in DAYS_IN_MONTH:
        total += d
    print("days in a year: %d, months: %d, longest name: %d" % (total, len(MONTH_NAMES), len(MONTH_NAMES[0])))
    print("first roman pair: %d %s, table size %d" % (ROMAN[0][0], ROMAN[0][1], len(ROMAN)))
    return 0


if __name__ == "__main__":
    sys.exit(entry_point(sys.argv))
