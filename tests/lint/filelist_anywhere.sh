#!/usr/bin/env bash
# The filelists of one energon-gen output folder work from any working folder
# (docs/generator.md, "Filelists"): run from a fresh temporary folder elsewhere,
#   verilator --lint-only -Wall -F DIR/<prefix>energon.f        (-F: relative to the list)
#   <VAR>=DIR iverilog -g2012 -c DIR/<prefix>energon.env.f       (absolute and relative DIR)
#   <VAR>=DIR verilator --lint-only -Wall -f DIR/<prefix>energon.env.f
# and, to show the test can fail, iverilog -c on the relative list from there must fail.
#   tests/lint/filelist_anywhere.sh DIR
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tests/lint/filelist_anywhere.sh DIR (an energon-gen output folder)" >&2; exit 2; }
dir="$(cd "$1" && pwd)"
[ -f "$dir/manifest.json" ] || { echo "error: $1: no manifest.json; give a folder written by energon-gen --out" >&2; exit 2; }
top=$(sed -n 's/^  "top": "\(.*\)",$/\1/p' "$dir/manifest.json")
prefix=${top%energon_top}
list="$dir/${prefix}energon.f"
env_list="$dir/${prefix}energon.env.f"
var=$(printf '%sDIR' "$prefix" | tr 'a-z' 'A-Z')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/elsewhere"
cd "$work/elsewhere"
log="$work/log"
fail() { echo "FAIL: $1 (from $PWD)"; cat "$log"; exit 1; }

verilator --lint-only -Wall -F "$list" --top-module "$top" >"$log" 2>&1 && [ ! -s "$log" ] \
  || fail "verilator --lint-only -Wall -F $list"
echo "ok: verilator -F $list"
env "$var=$dir" iverilog -g2012 -o /dev/null -s "$top" -c "$env_list" >"$log" 2>&1 && [ ! -s "$log" ] \
  || fail "$var=$dir iverilog -g2012 -c $env_list"
echo "ok: $var=<absolute DIR> iverilog -c $env_list"
env "$var=$dir" verilator --lint-only -Wall -f "$env_list" --top-module "$top" >"$log" 2>&1 && [ ! -s "$log" ] \
  || fail "$var=$dir verilator --lint-only -Wall -f $env_list"
echo "ok: $var=<absolute DIR> verilator -f $env_list"
relative=$(realpath --relative-to="$PWD" "$dir")
env "$var=$relative" iverilog -g2012 -o /dev/null -s "$top" -c "$env_list" >"$log" 2>&1 && [ ! -s "$log" ] \
  || fail "$var=$relative iverilog -g2012 -c $env_list"
echo "ok: $var=$relative iverilog -c $env_list"
if iverilog -g2012 -o /dev/null -s "$top" -c "$list" >"$log" 2>&1; then
  fail "iverilog -c on the relative list $list passed outside DIR: Icarus 11 was expected to resolve it relative to the working folder"
fi
echo "ok: iverilog -c on the relative list fails outside DIR, as documented"
