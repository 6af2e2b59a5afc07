#!/usr/bin/env bash
# The Linux part of the release, locally: build the wheel, audit it, install it into fresh
# virtual environments with no Rust toolchain on PATH, and run the main command and the test
# suite against the installed wheel (not the source tree).
#
#   bash scripts/check_wheel.sh                 # build with `maturin build --release`, then test
#   bash scripts/check_wheel.sh --zig           # build for manylinux2014 (glibc 2.17) with zig
#                                               # (pip install ziglang), as the CI containers do
#   bash scripts/check_wheel.sh --no-build DIR  # test the wheel already in DIR (CI: every platform)
#   options: --python PY  interpreter for the fresh venvs (default python3)
#            --maturin M  maturin to build with (default: maturin on PATH)
#            --test-deps "PKG..."  install these next to the wheel instead of its `test` extra
#                         (Alpine: packages without musllinux wheels are left out; the tests
#                         that need them skip themselves)
#
# Steps, each printed:
#   1. build (unless --no-build): maturin build --release --out DIR (maturin checks the
#      manylinux policy itself while it tags the wheel);
#   2. audit: the wheel is cp39-abi3; on Linux `auditwheel show` (when importable by the
#      interpreter, or the auditwheel command) names the manylinux/musllinux policy it meets;
#   3. bare venv, PATH without cargo/rustc, wheel installed from the file only (--no-index):
#      the main command `python -m presslens analyze examples/articles` prints quotes;
#   4. another fresh venv with the wheel's `test` extra: pytest, whose header names where
#      presslens was imported from; the script fails unless that is the venv's site-packages.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

BUILD=1
ZIG=0
PY=python3
MATURIN=maturin
DIST=""
TEST_DEPS=""
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) BUILD=0 ;;
    --zig) ZIG=1 ;;
    --python) PY="$2"; shift ;;
    --maturin) MATURIN="$2"; shift ;;
    --test-deps) TEST_DEPS="$2"; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    *) DIST="$1" ;;
  esac
  shift
done
WORK="$(mktemp -d "${TMPDIR:-/tmp}/presslens-wheel.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
DIST="${DIST:-$WORK/dist}"
say() { printf '\n== %s\n' "$*"; }

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n1)

# --- 1. build ------------------------------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  build=("$MATURIN" build --release --out "$DIST")
  # Without zig the wheel's policy is this machine's glibc (maturin tags the lowest it meets).
  [ "$ZIG" = 1 ] && build+=(--zig --compatibility manylinux2014)
  say "build: ${build[*]}"
  rm -f "$DIST"/presslens-*.whl
  "${build[@]}"
fi

# --- 2. audit ------------------------------------------------------------------------------
# One wheel for this platform: `ls` sorts, and CI puts exactly one per job in DIST.
shopt -s nullglob
wheels=("$DIST"/presslens-"$version"-cp39-abi3-*.whl)
shopt -u nullglob
if [ "${#wheels[@]}" -ne 1 ]; then
  echo "expected exactly one presslens-$version-cp39-abi3-*.whl in $DIST, found: ${wheels[*]:-none}" >&2
  ls -l "$DIST" >&2 || true
  exit 1
fi
WHEEL="${wheels[0]}"
say "wheel: $(basename "$WHEEL") ($(du -k "$WHEEL" | cut -f1) KiB)"
case "$(basename "$WHEEL")" in
  *linux*)
    if "$PY" -c "import auditwheel" 2>/dev/null; then
      "$PY" -m auditwheel show "$WHEEL"
    elif command -v auditwheel >/dev/null; then
      auditwheel show "$WHEEL"
    else
      echo "auditwheel not installed (pip install auditwheel): relying on maturin's own policy check"
    fi ;;
esac

# --- a PATH without any Rust toolchain -----------------------------------------------------
NO_RUST_PATH=""
IFS=: read -r -a path_dirs <<< "$PATH"
for d in "${path_dirs[@]}"; do
  [ -z "$d" ] && continue
  if [ -e "$d/cargo" ] || [ -e "$d/rustc" ] || [ -e "$d/cargo.exe" ] || [ -e "$d/rustc.exe" ]; then
    continue
  fi
  NO_RUST_PATH="${NO_RUST_PATH:+$NO_RUST_PATH:}$d"
done

fresh_venv() {  # fresh_venv DIR -> prints the venv's python
  "$PY" -m venv "$1"
  if [ -x "$1/bin/python" ]; then echo "$1/bin/python"; else echo "$1/Scripts/python.exe"; fi
}

in_venv() {  # in_venv VENV_PYTHON CMD...: run with only the venv and Rust-free PATH dirs
  local bindir
  bindir="$(dirname "$1")"
  shift
  env -u VIRTUAL_ENV -u PYTHONPATH -u CARGO_HOME -u RUSTUP_HOME PATH="$bindir:$NO_RUST_PATH" "$@"
}

# --- 3. bare install: the main command -----------------------------------------------------
say "bare venv ($("$PY" --version 2>&1)), PATH without cargo/rustc, wheel only"
VPY="$(fresh_venv "$WORK/bare")"
in_venv "$VPY" sh -c 'if command -v cargo || command -v rustc; then echo "Rust is on PATH" >&2; exit 1; fi; echo "no cargo, no rustc on PATH"'
in_venv "$VPY" "$VPY" -m pip install --quiet --disable-pip-version-check --no-index --only-binary :all: "$WHEEL"
in_venv "$VPY" "$VPY" -m pip list --disable-pip-version-check --format freeze
in_venv "$VPY" "$VPY" -c "import presslens, sys; print('presslens', presslens.__version__, 'from', presslens.__file__)"
say "main command: python -m presslens analyze examples/articles"
in_venv "$VPY" "$VPY" -m presslens analyze examples/articles > "$WORK/main.txt"
head -n 12 "$WORK/main.txt"
echo "... ($(wc -l < "$WORK/main.txt") lines)"
# The table ends with its count, as .ci/run checks it.
grep -Eq '^\([1-9][0-9]* quotes from 5 documents\)$' "$WORK/main.txt" || {
  echo "the main command printed no table of quotes" >&2; exit 1; }
[ "$(in_venv "$VPY" "$VPY" -m presslens --version)" = "presslens $version" ]
echo "presslens --version: presslens $version (= Cargo.toml)"

# --- 4. the test suite against the installed wheel -----------------------------------------
say "test venv: wheel[test], then pytest against the installed wheel"
TPY="$(fresh_venv "$WORK/test")"
in_venv "$TPY" "$TPY" -m pip install --quiet --disable-pip-version-check --upgrade pip
if [ -z "$TEST_DEPS" ]; then
  in_venv "$TPY" "$TPY" -m pip install --quiet --disable-pip-version-check --only-binary presslens "${WHEEL}[test]"
else
  # shellcheck disable=SC2086  # a list of package names
  in_venv "$TPY" "$TPY" -m pip install --quiet --disable-pip-version-check --only-binary presslens "$WHEEL" $TEST_DEPS
fi
SITE="$(in_venv "$TPY" "$TPY" -c 'import sysconfig; print(sysconfig.get_paths()["platlib"])')"
# Not -q: the header (conftest.py's pytest_report_header) says where presslens came from.
in_venv "$TPY" "$TPY" -m pytest -p no:cacheprovider 2>&1 | tee "$WORK/pytest.txt"
grep -F "presslens $version from $SITE" "$WORK/pytest.txt" > /dev/null || {
  echo "pytest did not import presslens from the installed wheel ($SITE)" >&2; exit 1; }
say "OK: $(basename "$WHEEL") installs without Rust, runs the main command, passes pytest from $SITE"
