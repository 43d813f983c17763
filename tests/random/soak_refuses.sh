#!/usr/bin/env bash
# scripts/soak refuses bad arguments before it builds or runs anything, with exit 2 and a
# message naming the input, the value, the rule and a fix.
#   tests/random/soak_refuses.sh SOURCE_DIR
set -uo pipefail
root="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
# shellcheck source=../common/expect_refusal.sh
source "$(dirname "$0")/../common/expect_refusal.sh"
# expect <message> <args...>
expect() { ENERGON_BUILD_DIR=/nonexistent expect_refusal exact "$root/scripts/soak" "$@"; }
expect "error: command line: say how long to run: --time MINUTES or --count CONFIGS, e.g. scripts/soak --time 60" --state "$tmp/s"
expect "error: --time: 'an hour' is not a whole number 1..100000; give one like 60" --time "an hour"
expect "error: --time: '0' is not a whole number 1..100000; give one like 60" --time 0
expect "error: --count: '1e3' is not a whole number 1..1000000; give one like 10" --count=1e3
expect "error: --seed: '-1' is not a whole number 0..999999999999999999; give one like 1" --count 1 --seed -1
expect "error: --cases-per-config: '0' is not a whole number 1..1000; give one like 12" --count 1 --cases-per-config 0
expect "error: -j: '65' is not a whole number 1..64; give one like 2" --count 1 -j 65
expect "error: --count: is empty; give a value or leave the option out" --count ''
expect "error: --time: needs a value; see scripts/soak --help" --time
expect "error: command line: '--minutes' is not an option of scripts/soak; see scripts/soak --help" --minutes 5
expect "error: command line: 'x' is not an option of scripts/soak; see scripts/soak --help" --count 1 x
touch "$tmp/file"
expect "error: --state: '$tmp/file' is not a folder; give a folder (made if missing), e.g. --state build/soak" --count 1 --state "$tmp/file"
# A state folder continues where it stopped: another first seed is refused, and so is a state
# file scripts/soak did not write.
mkdir -p "$tmp/s"
printf 'first_seed=1\nnext_seed=5\n' >"$tmp/s/state"
expect "error: --seed: $tmp/s continues at seed 5 (it began at 1); leave --seed out to continue, or give a new --state" --count 1 --seed 2 --state "$tmp/s"
printf 'next_seed=5\nrm=-rf\n' >"$tmp/s/state"
expect "error: --state: '$tmp/s/state' holds 'rm', which scripts/soak does not write; give another --state" --count 1 --state "$tmp/s"
# shellcheck disable=SC2016  # the command substitution is meant literally: it must not run
printf 'next_seed=$(touch %s)\n' "$tmp/ran" >"$tmp/s/state"
expect "error: --state: '$tmp/s/state' holds next_seed=\$(touch $tmp/ran), which scripts/soak does not write; give another --state" --count 1 --state "$tmp/s"
if [ -e "$tmp/ran" ]; then
  echo "FAIL: scripts/soak ran a command substitution of its state file"
  failures=$((failures + 1))
fi
[ "$failures" -eq 0 ] && echo "ok: scripts/soak refuses bad arguments"
exit $((failures > 0))
