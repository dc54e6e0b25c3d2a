#!/bin/sh
# Frontend benchmark: `lathe graph` on a generated 10,000-line RPy program vs
# CPython's compile() on the same file.  See bench/frontend.py for options.
cd "$(dirname "$0")/.." && exec python3 bench/frontend.py "$@"
