#!/usr/bin/env bash
# lathe.sh — the one entry point for developers and CI.
#   ./lathe.sh demo        install what is missing, build, run the demo
#   ./lathe.sh test        install what is missing, build, run every test
#   ./lathe.sh build       install what is missing and build
#   ./lathe.sh ARGS...     run the built `lathe` CLI with ARGS (building first if needed)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD="${LATHE_BUILD_DIR:-$ROOT/build}"
JOBS="$(nproc 2>/dev/null || echo 2)"

# Debian 12 packages the build and the tests need (DEVELOPERS.md).
PACKAGES=(g++ cmake ninja-build pkg-config default-jre-headless antlr4
          libantlr4-runtime-dev uuid-dev libasmjit-dev libgc-dev libgtest-dev
          ccache)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

install_deps() {
  local missing=() p
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$p")
  done
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [ "${#missing[@]}" -eq 0 ] && return 0
  log "installing: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

build() {
  if [ ! -f "$BUILD/build.ninja" ]; then
    log "configuring $BUILD"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  log "building"
  cmake --build "$BUILD" -j "$JOBS"
}

demo() {
  local bf="$ROOT/interpreters/bf/bf.py"
  log "the bundled Brainfuck interpreter, untranslated on CPython"
  (cd "$ROOT" && python3 "$bf" "$ROOT/interpreters/bf/examples/hello.b")
  log "its flow graphs (lathe graph interpreters/bf/bf.py)"
  "$BUILD/lathe" graph "$bf"
  log "the types Lathe infers for its main loop (lathe annotate interpreters/bf/bf.py --func mainloop)"
  "$BUILD/lathe" annotate "$bf" --func mainloop
  log "more: ./lathe.sh graph interpreters/bf/bf.py mainloop --dot | dot -Tsvg > mainloop.svg"
}

run_tests() {
  log "running the tests"
  ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" --timeout 900
}

cmd="${1:-help}"
case "$cmd" in
  demo)  install_deps; build; demo ;;
  test)  install_deps; build; run_tests ;;
  build) install_deps; build ;;
  help|-h|--help)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    [ -x "$BUILD/lathe" ] && "$BUILD/lathe" --help ;;
  *)
    [ -x "$BUILD/lathe" ] || { install_deps; build >&2; }
    exec "$BUILD/lathe" "$@" ;;
esac
