#!/usr/bin/env bash
# Machine setup for clif-toolchain on Debian 12 (bookworm): installs the
# system packages the toolchain needs: libllvm22 (the base rustc links
# Debian's LLVM 22 dynamically), lld-22 (LLVM 22's linker, which the dist
# stage bundles as lib/rustlib/<host>/bin/rust-lld) and rust-web-src (the
# sources of rustc 1.96.0, from which `toolchain-builder lint` builds its
# clippy at /usr/src/rustc-1.96.0/src/tools/clippy), and for each
# cross target the packages its targets/*.toml lists (its C compiler
# driver, C runtime and qemu-user). Idempotent: does
# nothing when everything is installed, runs `apt-get update` once before
# installing otherwise. Uses sudo when not root.
#
# `tools/setup.sh --targets-only` installs only the cross targets' packages
# (what docker/Dockerfile's image needs besides a C compiler: the built
# toolchain bundles its LLVM libraries and lld).
set -euo pipefail

case "${1:-}" in
    "") PACKAGES=(libllvm22 lld-22 rust-web-src patchelf mmdebstrap) ;;
    --targets-only) PACKAGES=() ;;
    *)
        echo "usage: tools/setup.sh [--targets-only]" >&2
        exit 2
        ;;
esac
# The `packages = ["...", ...]` line of each target file.
for target in "$(dirname "${BASH_SOURCE[0]}")"/../targets/*.toml; do
    for package in $(grep -E '^packages *=' "$target" | grep -oE '"[^"]+"' | tr -d '"'); do
        [[ " ${PACKAGES[*]-} " == *" $package "* ]] || PACKAGES+=("$package")
    done
done

die() {
    echo "tools/setup.sh: error: $*" >&2
    exit 1
}

installed() {
    dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed$'
}

command -v dpkg >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 ||
    die "dpkg/apt-get not found: this script supports Debian 12 only; install ${PACKAGES[*]} (LLVM 22's shared library, its lld and the rustc 1.96.0 sources) by other means"

missing=()
for package in "${PACKAGES[@]}"; do
    installed "$package" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "tools/setup.sh: already installed: ${PACKAGES[*]}"
    exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
    as_root=()
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
else
    die "not root and sudo is not available; as root run: apt-get update && apt-get install -y ${missing[*]}"
fi

echo "tools/setup.sh: installing ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update ||
    die "apt-get update failed (is the network or the Debian mirror reachable?)"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" ||
    die "apt-get install -y ${missing[*]} failed; libllvm22, lld-22 and rust-web-src 1.96.0 come from Debian 12's bookworm-security/bookworm-updates suites, the cross toolchains from bookworm, check /etc/apt/sources.list*"
for package in "${missing[@]}"; do
    installed "$package" || die "$package is still not installed after apt-get install"
done
echo "tools/setup.sh: installed ${missing[*]}"
