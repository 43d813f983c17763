# Sourced by the tests of the scripts' own refusals (tests/*/*_refuses.sh):
#   expect_refusal exact|part SCRIPT MESSAGE ARGS...
# runs SCRIPT ARGS... and wants exit 2 with MESSAGE as its whole stderr (exact) or somewhere in
# it (part); anything else is printed and counted in $failures, which the caller starts at 0.
expect_refusal() {
  local match="$1" script="$2" want="$3"
  shift 3
  local err status
  err=$("$script" "$@" 2>&1 >/dev/null); status=$?
  local matched=0
  [ "$err" = "$want" ] && matched=1
  [ "$match" = part ] && [[ "$err" == *"$want"* ]] && matched=1
  [ "$status" -eq 2 ] && [ "$matched" -eq 1 ] && return 0
  echo "FAIL: $(basename "$script") $*: exit $status, stderr: $err (wanted exit 2 and '$want')"
  failures=$((failures + 1))
}
