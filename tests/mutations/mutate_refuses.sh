#!/usr/bin/env bash
# scripts/mutate refuses bad arguments before it builds anything (exit 2, a message naming the
# argument, the value, the rule and a fix), and check_mutant.cmake refuses a mutation file that
# no longer fits the RTL: a find text that does not occur, and edits that change nothing.
#   tests/mutations/mutate_refuses.sh SOURCE_DIR ENERGON_GEN VERILATOR
set -uo pipefail
root="$1" gen="$2" verilator="$3"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $1"
  failures=$((failures + 1))
}
# shellcheck source=../common/expect_refusal.sh
source "$(dirname "$0")/../common/expect_refusal.sh"
# expect <message> <args...>
expect() { ENERGON_BUILD_DIR=/nonexistent expect_refusal exact "$root/scripts/mutate" "$@"; }
expect "error: -j: '0' is not a number of mutants from 1 to 64; give e.g. -j 2" -j 0
expect "error: -j: needs a value; see scripts/mutate --help" -j
expect "error: '--jobs' is not an option of scripts/mutate; options are --config FILE, --mutations DIR|FILE, -j N and --list" --jobs 2
expect "error: --config: cannot read the configuration file '$tmp/none.cfg'; give e.g. configs/small_nmax.cfg" --config "$tmp/none.cfg"
expect "error: --config: no selected mutant is written for configuration 'default' (their '# configs:' lines name: small_nmax tiny_1lane); give one of those" \
  --config "$root/configs/default.cfg" --mutations "$root/tests/mutations/divider_short.fault"
expect "error: --mutations: the folder '$tmp' holds no *.fault file; give tests/mutations or a .fault file" --mutations "$tmp"
printf 'file: fu_divider\nfind: x\nreplace: y\n' >"$tmp/no_configs.fault"
expect "error: $tmp/no_configs.fault: has no '# configs: NAME ...' line; every mutation names the configurations it is written for" \
  --mutations "$tmp/no_configs.fault"

check() {  # check <mutation file> <expected message fragment>
  local out
  if out=$(cmake -DGEN="$gen" -DVERILATOR="$verilator" -DMUTANT="$1" -DSOURCE_DIR="$root" \
             -DWORK="$tmp/work" -P "$root/tests/mutations/check_mutant.cmake" 2>&1); then
    fail "check_mutant.cmake accepted $1"
  elif [[ "$(tr -s ' \n' ' ' <<<"$out")" != *"$2"* ]]; then
    fail "check_mutant.cmake on $1 said: $out (wanted '$2')"
  fi
}
printf '# configs: small_nmax\nfile: fu_divider\nfind: no such line\nreplace: x\n' >"$tmp/stale.fault"
check "$tmp/stale.fault" "'no such line' must occur exactly once in energon_d8_n8_l2_r4x2_4x4_a2_fu_divider.sv"
printf '# configs: small_nmax\nfile: fu_divider\nfind: cnt_d  = CntW'"'"'(Cycles);\nreplace: cnt_d  = CntW'"'"'(Cycles);\n' >"$tmp/noop.fault"
check "$tmp/noop.fault" "its edits leave the RTL of small_nmax as it was"
printf '# configs: small_nmax nonesuch\nfile: fu_divider\nfind: x\nreplace: y\n' >"$tmp/unknown.fault"
check "$tmp/unknown.fault" "configuration 'nonesuch' is neither configs/nonesuch.cfg nor tests/sim/configs/nonesuch.cfg"
[ "$failures" -eq 0 ] && echo "ok: scripts/mutate and check_mutant.cmake refuse bad input"
exit $((failures > 0))
