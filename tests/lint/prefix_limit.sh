#!/usr/bin/env bash
# The --prefix length limit is where Verilator 5.006 starts hashing module names (more than 127
# characters, generator/top_config.h): a prefix at the limit gives a longest module name of
# exactly 127 characters and lints clean with verilator --lint-only -Wall (a hashed name shows
# as DECLFILENAME), and a prefix one longer is refused by energon-gen with exit status 2.
# Behavioral memories (limit 116: <prefix>energon_top) and blackbox SRAM macros whose largest
# shape reaches the SRAM limits (--sram-max-depth 8 --sram-max-width 10 on small_nmax: limit
# 127 - len("sram_8x10_1r1w") = 113).
#   tests/lint/prefix_limit.sh ENERGON_GEN SOURCE_DIR
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: tests/lint/prefix_limit.sh ENERGON_GEN SOURCE_DIR" >&2; exit 2; }
gen="$1"
config="$2/configs/small_nmax.cfg"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $1"; [ -f "$work/log" ] && cat "$work/log"; exit 1; }

# A prefix of `length` characters: p, x's, and the final '_'.
prefix_of() { printf 'p%s_' "$(head -c $(($1 - 2)) /dev/zero | tr '\0' x)"; }

check() {  # name limit options...
  local name=$1 limit=$2
  shift 2
  local prefix out="$work/$name"
  prefix=$(prefix_of "$limit")
  "$gen" --config "$config" "$@" --prefix "$prefix" --out "$out" >"$work/log" 2>&1 \
    || fail "$name: energon-gen refused a prefix of $limit characters"
  local longest
  local sources=("$out"/rtl/*.sv)
  [ ! -d "$out/sram_models" ] || sources+=("$out"/sram_models/*.sv)
  longest=$(sed -n 's/^module \([a-z0-9_]*\).*/\1/p' "${sources[@]}" \
    | awk '{ if (length($0) > n) n = length($0) } END { print n }')
  [ "$longest" -eq 127 ] || fail "$name: the longest module name has $longest characters, not 127"
  verilator --lint-only -Wall -F "$out/${prefix}energon.f" --top-module "${prefix}energon_top" \
    >"$work/log" 2>&1 && [ ! -s "$work/log" ] || fail "$name: verilator --lint-only at the limit"
  echo "ok: $name: a prefix of $limit characters lints clean (longest module name 127)"
  prefix=$(prefix_of $((limit + 1)))
  local status=0
  "$gen" --config "$config" "$@" --prefix "$prefix" --out "$work/$name.over" >"$work/log" 2>&1 \
    || status=$?
  [ "$status" -eq 2 ] || fail "$name: a prefix of $((limit + 1)) characters gave status $status, not 2"
  grep -q "use at most $limit" "$work/log" || fail "$name: the message does not give the limit"
  [ ! -e "$work/$name.over" ] || fail "$name: the refused run wrote $work/$name.over"
  echo "ok: $name: a prefix of $((limit + 1)) characters is refused"
}

check behavioral 116
check blackbox 113 --mem-style blackbox --sram-max-depth 8 --sram-max-width 10
