#!/usr/bin/env bash
# Developer convenience: build mini_core and every test in tests/no_core with
# the stock LLVM backend, run them and print each program's exit code.
#
# Usage: tests/no_core/run-llvm.sh [-v] [NAME...]
#   NAME  test names (file stems, e.g. `closures`); default: all tests
#   -v    also print each program's stdout
#
# Environment:
#   RUSTC  compiler to use (default /tmp/base/clif-base-1.96.0/bin/rustc)
#   OUT    build directory (default /tmp/nc); stdout of test T goes to $OUT/T.stdout
#   EXTRA_RUSTFLAGS  extra flags for every rustc invocation (e.g. a codegen backend)
#
# The real test runner is toolchain-builder's `test` command; this script uses
# the same compiler flags.
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUSTC="${RUSTC:-/tmp/base/clif-base-1.96.0/bin/rustc}"
OUT="${OUT:-/tmp/nc}"
export RUSTC_BOOTSTRAP=1
export RUSTC_ICE=0 # no rustc-ice-*.txt files in the working directory
verbose=0
if [ "${1:-}" = "-v" ]; then
    verbose=1
    shift
fi

flags=(--edition 2021 -Cpanic=abort -Cdebuginfo=0 -Copt-level=0)
# shellcheck disable=SC2206
extra=(${EXTRA_RUSTFLAGS:-})

mkdir -p "$OUT"
if ! "$RUSTC" "${flags[@]}" "${extra[@]}" --crate-type rlib --crate-name mini_core \
        "$here/mini_core.rs" -o "$OUT/libmini_core.rlib"; then
    echo "FAILED to build mini_core" >&2
    exit 1
fi

if [ $# -gt 0 ]; then
    tests=("$@")
else
    tests=()
    for f in "$here"/*.rs; do
        name="$(basename "$f" .rs)"
        [ "$name" = mini_core ] || tests+=("$name")
    done
fi

build_failures=0
for name in "${tests[@]}"; do
    src="$here/$name.rs"
    # `//@ args: a b c` -> program arguments (only leading `//@` lines count).
    args=()
    while IFS= read -r line; do
        case "$line" in
            "//@ args:"*) read -r -a args <<< "${line#//@ args:}" ;;
            "//@"*) ;;
            *) break ;;
        esac
    done < "$src"

    if ! "$RUSTC" "${flags[@]}" "${extra[@]}" --extern mini_core="$OUT/libmini_core.rlib" \
            -L "$OUT" "$src" -o "$OUT/$name" 2> "$OUT/$name.build.stderr"; then
        printf '%-32s BUILD FAILED (see %s)\n' "$name" "$OUT/$name.build.stderr"
        build_failures=$((build_failures + 1))
        continue
    fi
    "$OUT/$name" "${args[@]}" > "$OUT/$name.stdout" 2> "$OUT/$name.stderr"
    code=$?
    printf '%-32s exit=%d\n' "$name" "$code"
    if [ $verbose = 1 ]; then
        sed 's/^/    | /' "$OUT/$name.stdout"
    fi
done

[ $build_failures = 0 ]
