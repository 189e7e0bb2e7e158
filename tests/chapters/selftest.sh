#!/usr/bin/env bash
# selftest.sh: check that the chapter tests' tools can fail. Feeds
# check-output and the helpers of tests/chapters/lib.sh a made-up output and
# reference, and expects each kind of mistake to be reported: a wrong value, a
# label that is not printed, a label that starts two lines (the check could
# not tell which one was meant), a word that differs, a column heading that
# is not printed, a line over 80 characters. Run by scripts/run-tests.sh (make test).
#
#   BUILD=build/strict tests/chapters/selftest.sh
set -u
: "${BUILD:?run this through make test}"
CHECK=$BUILD/tests/check-output
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
bad=0
problem() { echo "FAIL $*"; bad=1; }

printf '# made up\nalpha 1.5\nbeta 2 3\n' > "$TMP/ref.txt"
printf 'name       value    other\nalpha      1.5      x\nbeta       2.5      3\nbeta       2        3\n' > "$TMP/out.txt"

# expect_check STATUS TEXT SPEC...: check-output exits STATUS and prints TEXT.
expect_check() {
  local want=$1 text=$2 out rc
  shift 2
  out=$("$CHECK" "$TMP/out.txt" "$TMP/ref.txt" "$@"); rc=$?
  if [[ $rc != "$want" ]]; then problem "check-output $*: exit $rc, expected $want: $out"
  elif [[ $out != *"$text"* ]]; then problem "check-output $*: expected '$text' in: $out"
  else echo "ok   check-output $* exits $rc: $text"; fi
}
expect_check 0 'ok   alpha' 'alpha=alpha:0'
expect_check 1 'FAIL alpha' 'alpha=alpha:0' 'alpha#2=alpha:0'
expect_check 1 "no line starting with 'gamma'" 'gamma=alpha:1'
expect_check 1 "'beta' starts lines 3 and 4: a label must start one line only" 'beta=beta:1'
expect_check 1 'reference has no beta[5]' 'alpha=beta.5:1'

# expect_helper STATUS TEXT COMMAND...: a helper of lib.sh counts STATUS
# failures (0 or 1) and prints TEXT.
expect_helper() {
  local want=$1 text=$2 out
  shift 2
  out=$(source tests/chapters/lib.sh; "$@"; echo "failures=$failures")
  if [[ $out != *"failures=$want"* ]]; then problem "$*: expected $want failures: $out"
  elif [[ $out != *"$text"* ]]; then problem "$*: expected '$text' in: $out"
  else echo "ok   $* counts $want failures: $text"; fi
}
expect_helper 0 'ok   alpha, column 2 (other): x' expect_word alpha 2 x other
expect_helper 1 "expected y, got 'x'" expect_word alpha 2 y other
expect_helper 1 "more than one line starts with 'beta'" expect_word beta 2 3 other
expect_helper 1 "no line starts with 'gamma'" expect_word gamma 1 1 other
expect_helper 1 "no column headed 'missing'" expect_word alpha 2 x missing
expect_helper 1 'output lacks: delta' expect_text delta
# Every line within 80 characters; an 81-character line fails.
CHAPTER=build/chapter-99
expect_helper 0 'ok   every line within 80 characters' expect_narrow
printf 'wide %076d\n' 0 >> "$TMP/out.txt"
expect_helper 1 'line 5 has 81 characters' expect_narrow
exit $bad
