#!/usr/bin/env bash
# scripts/cosim refuses what it checks itself (before it builds anything) with exit 2 and a
# message naming the input and a fix: a missing, unreadable or non-regular --config (a folder,
# /dev/zero) and an empty --inject-fault.
#   tests/sim/cosim_script_refuses.sh SOURCE_DIR
set -uo pipefail
root="$1"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
# shellcheck source=../common/expect_refusal.sh
source "$(dirname "$0")/../common/expect_refusal.sh"
# expect <message> <args...>
expect() { ENERGON_BUILD_DIR=/nonexistent expect_refusal exact "$root/scripts/cosim" "$@"; }
cfg="$root/configs/small_nmax.cfg"
expect "error: --config: '$tmp' is not a regular file; give a configuration file, e.g. --config configs/default.cfg" --config "$tmp"
expect "error: --config: '/dev/zero' is not a regular file; give a configuration file, e.g. --config configs/default.cfg" --config /dev/zero
expect "error: --config: cannot read '$tmp/none.cfg'; check the path" --config "$tmp/none.cfg"
expect "error: --inject-fault: is empty; give one of tests/sim/faults/*.fault" --config "$cfg" --inject-fault ""
[ "$failures" -eq 0 ] && echo "ok: scripts/cosim refuses its own bad input"
exit $((failures > 0))
