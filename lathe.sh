#!/usr/bin/env bash
# lathe.sh — the one entry point for developers and CI.
#   ./lathe.sh demo        install what is missing, build, run the demo
#   ./lathe.sh test        install what is missing, build, run every test
#   ./lathe.sh build       install what is missing and build
#   ./lathe.sh pyvm [ARGS] translate the Python VM with its JIT into build/pyvm
#                          (ARGS go to `lathe translate`, e.g. --opt 0)
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

# timed LABEL CMD...: runs CMD, then prints how long it took.
timed() {
  local label="$1" t0 t1
  shift
  t0=$EPOCHREALTIME
  "$@"
  t1=$EPOCHREALTIME
  awk -v a="$t0" -v b="$t1" -v l="$label" 'BEGIN { printf "%s: %.3f s\n", l, b - a }'
}

demo() {
  local bf="$ROOT/interpreters/bf/bf.py" out="$BUILD/demo"
  local prog="$ROOT/interpreters/bf/examples/squares.b"
  mkdir -p "$out"
  log "the bundled Brainfuck interpreter, untranslated on CPython (interpreters/bf/bf.py)"
  timed "CPython run" bash -c "cd '$ROOT' && python3 '$bf' '$prog' | tail -3"
  log "translating it to a native VM: lathe translate interpreters/bf/bf.py -o $out/bf-c --time"
  log "(time: lines are Lathe's phases; cxx-build is the C++ compiler)"
  timed "translation, total" "$BUILD/lathe" translate "$bf" -o "$out/bf-c" --time
  log "the translated VM on the same program"
  timed "translated run" bash -c "'$out/bf-c' '$prog' | tail -3"
  log "and on a longer program (interpreters/bf/examples/long.b)"
  timed "translated run" bash -c "'$out/bf-c' '$ROOT/interpreters/bf/examples/long.b' | tail -2"
  log "translating it with its tracing JIT: lathe translate --jit interpreters/bf/bf.py -o $out/bf-jit"
  timed "translation with --jit" "$BUILD/lathe" translate --jit "$bf" -o "$out/bf-jit"
  log "nested.b without and with the JIT (LATHE_LOG=jit-summary; traces compiled to x86-64)"
  timed "JIT off" bash -c "LATHE_JIT=off=1 '$out/bf-jit' '$ROOT/interpreters/bf/examples/nested.b' | tail -2"
  timed "JIT on" bash -c "LATHE_LOG=jit-summary '$out/bf-jit' '$ROOT/interpreters/bf/examples/nested.b' | tail -2"
  log "one of its traces, optimized (preamble, then the peeled loop): LATHE_JIT=threshold=1 LATHE_LOG=jit-log-opt $out/bf-jit interpreters/bf/examples/hello.b"
  LATHE_JIT=threshold=1 LATHE_LOG=jit-log-opt "$out/bf-jit" "$ROOT/interpreters/bf/examples/hello.b" 2>&1 >/dev/null \
    | awk '/^\{jit-log-opt/{n++} n==1' | grep -v debug_merge_point | head -40
  log "more: ./lathe.sh lltype interpreters/bf/bf.py --func mainloop   (its low-level graph)"
  log "      ./lathe.sh jitinfo interpreters/bf/bf.py [--twins]       (what the JIT generator sees and writes)"
}

# The Python VM (interpreters/python/, docs/python-vm.md), translated with
# its JIT into $BUILD/pyvm. The old executable is removed first, so a failed
# translation never leaves a stale VM for tests/e2e/pyvm_suite.py to run.
pyvm() {
  local src="$ROOT/interpreters/python/pyvm.py" out="$BUILD/pyvm"
  if [ ! -f "$src" ]; then
    echo "lathe.sh pyvm: $src does not exist yet" >&2
    return 1
  fi
  rm -f "$out"
  log "translating the Python VM: lathe translate --jit interpreters/python/pyvm.py -o $out --time $*"
  log "(time: lines are Lathe's phases; cxx-build is the C++ compiler)"
  timed "translation of pyvm" "$BUILD/lathe" translate --jit "$src" -o "$out" --time "$@"
  log "the Python VM is $out (run: $out script.py args...; LATHE_JIT=off or threshold=N)"
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
  pyvm)
    shift
    [ -x "$BUILD/lathe" ] || { install_deps; build >&2; }
    pyvm "$@" ;;
  help|-h|--help)
    sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'
    [ -x "$BUILD/lathe" ] && "$BUILD/lathe" --help ;;
  *)
    [ -x "$BUILD/lathe" ] || { install_deps; build >&2; }
    exec "$BUILD/lathe" "$@" ;;
esac
