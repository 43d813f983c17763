#!/usr/bin/env bash
# scripts/synth refuses bad input with exit 2, a message naming the input and a fix, and
# writes nothing: each case below is run and its message checked.
set -uo pipefail
root="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/foreign" && touch "$tmp/foreign/keep.txt"
failures=0
# shellcheck source=../common/expect_refusal.sh
source "$(dirname "$0")/../common/expect_refusal.sh"
# expect <message part> <args...>
expect() { expect_refusal part "$root/scripts/synth" "$@"; }
cfg="$root/configs/tiny_1lane.cfg"
expect "--config: is missing" --clock 5
expect "--config: cannot read '$tmp/none.cfg'" --config "$tmp/none.cfg"
expect "--config: cannot read '$tmp'" --config "$tmp"
expect "--clock: 'fast' is not a period" --config "$cfg" --clock fast
expect "--clock: '0.1' is not a period" --config "$cfg" --clock 0.1
expect "--clock: needs a value" --config "$cfg" --clock
expect "--clock: needs a value" --config "$cfg" --clock ""
expect "--macro-access: '9' is not a time" --config "$cfg" --clock 5 --macro-access 9
expect "'--frequency' is not an option" --config "$cfg" --frequency 200
expect "'extra' is not an option" --config "$cfg" extra
expect "holds files scripts/synth did not write" --config "$cfg" --out "$tmp/foreign"
expect "exists and is not a folder" --config "$cfg" --out "$tmp/foreign/keep.txt"
[ "$(ls "$tmp/foreign")" = keep.txt ] || { echo "FAIL: $tmp/foreign was changed"; failures=$((failures + 1)); }
[ "$failures" -eq 0 ] && echo "scripts/synth refused all bad input"
exit "$failures"
