# bench: dict and string work: generate words, count them in a dict, build and split strings, format a
# report, and an anagram index keyed by sorted letters. Argument: number of words (default 200000).
import sys

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu", "ar", "el"]


def make_words(n):
    words = []
    s = 7
    for _ in range(n):
        s = (s * 1103515245 + 12345) & 0x7fffffff
        k = 1 + (s >> 8) % 3
        w = ""
        t = s
        for _ in range(k):
            w += SYLLABLES[t % len(SYLLABLES)]
            t //= len(SYLLABLES)
        words.append(w)
    return words


def main(argv):
    n = int(argv[1]) if len(argv) > 1 else 200000
    words = make_words(n)
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    text = " ".join(words)
    again = text.split(" ")
    lines = []
    for w in sorted(counts):
        lines.append("%s=%d" % (w, counts[w]))
    report = "\n".join(lines)
    anagrams = {}
    for w in counts:
        key = "".join(sorted(w))
        anagrams.setdefault(key, []).append(w)
    biggest = max(anagrams.values(), key=len)
    upper = 0
    for w in again[:50000]:
        if w.upper().startswith("KA") or w.endswith("el"):
            upper += 1
    checksum = 0
    for ch in report:
        checksum = (checksum * 31 + ord(ch)) & 0xffffffff
    print("words %d distinct %d text %d report %d checksum %d" % (len(again), len(counts), len(text),
                                                                 len(report), checksum))
    print("largest anagram class %d, prefix/suffix matches %d" % (len(biggest), upper))


main(sys.argv)
