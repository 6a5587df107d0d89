#!/usr/bin/env bash
# Merges per-host dev-release.json files (each written by `toolchain-builder
# package` on one host, naming only that host) into one:
#   tools/merge-dev-release.sh OUT.json IN.json...
# Objects are merged key by key (recursively), arrays are concatenated
# without duplicates, and for any other value the last file wins (the
# `version`, which every file has alike). Used by
# .github/workflows/dev-release.yml; needs jq.
set -euo pipefail

[ "$#" -ge 2 ] || { echo "usage: $0 OUT.json IN.json..." >&2; exit 2; }
out="$1"
shift
jq -s '
  def merge(a; b):
    if (a | type) == "object" and (b | type) == "object" then
      reduce (b | keys_unsorted[]) as $k (a;
        .[$k] = (if has($k) then merge(.[$k]; b[$k]) else b[$k] end))
    elif (a | type) == "array" and (b | type) == "array" then
      reduce b[] as $x (a; if index([$x]) then . else . + [$x] end)
    else b end;
  reduce .[1:][] as $m (.[0]; merge(.; $m))
' "$@" >"$out.tmp"
mv "$out.tmp" "$out"
