#!/usr/bin/env bash
# selftest.sh: check that the chapter tests' tools can fail. Feeds
# check-output and the helpers of tests/chapters/lib.sh a made-up output and
# reference, and expects each kind of mistake to be reported: a wrong value, a
# label that is not printed, a label that starts two lines (the check could
# not tell which one was meant), a word that differs, a column heading that
# is not printed, a text printed or not printed, a line over 80 characters, a
# plot that is missing, not a PNG or beside a stray file, a chapter run that
# fails or writes to stderr, a largest difference that is not small; that
# run_chapter does not repeat a run; and what count_lines, has_line and
# run_status report. Run by scripts/run-tests.sh (make test).
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
expect_helper 1 'output has: beta       2' expect_lacks 'beta       2'
expect_helper 0 'ok   does not print: delta' expect_lacks delta
# A line continued by a line indented by two spaces more reads as one line.
printf 'first part of\n  a sentence\n\n  not joined\n' > "$TMP/wrapped.txt"
expect_helper 0 'ok   prints: of a sentence' eval 'cp "$TMP/wrapped.txt" "$TMP/out.txt"; expect_text "of a sentence"'
expect_helper 1 'output lacks: sentence not joined' eval 'cp "$TMP/wrapped.txt" "$TMP/out.txt"; expect_text "sentence not joined"'
printf 'name       value    other\nalpha      1.5      x\nbeta       2.5      3\nbeta       2        3\n' > "$TMP/out.txt"
# Every line within 80 characters; an 81-character line fails, and so does
# one of 79 characters and a two-byte one (counted in bytes).
CHAPTER=build/chapter-99
expect_helper 0 'ok   every line within 80 characters' expect_narrow
printf 'wide %076d\n' 0 >> "$TMP/out.txt"
expect_helper 1 'line 5 has 81 characters' expect_narrow
printf 'wide %074d\302\267\n' 0 > "$TMP/out.txt"
expect_helper 1 'line 1 has 81 characters' expect_narrow

# expect_small: a number within TOL of 0 passes; one further off, or a label not printed, fails.
printf 'tiny 3.0e-16\nlarge 1.0e-03\n' > "$TMP/out.txt"
expect_helper 0 'ok   tiny' expect_small tiny 1e-12
expect_helper 1 'FAIL large' expect_small large 1e-12
expect_helper 1 "no line starting with 'gamma'" expect_small gamma 1e-12
# count_lines counts the lines that match, one line at a time (a match across two lines is none).
printf 'check a 1 within\ncheck b 2\nwithin\ncheck a 3 within\n' > "$TMP/out.txt"
expect_helper 0 'matched=2' eval 'load_out; count_lines "^check a .*within$"; echo "matched=$matched"'
expect_helper 0 'matched=0' eval 'load_out; count_lines "^check b.*within"; echo "matched=$matched"'
# has_line: a line that starts with the text, in a file that exists.
expect_helper 0 'has b' eval 'has_line "$TMP/out.txt" "check b 2" && echo "has b"'
expect_helper 0 'lacks 2' eval 'has_line "$TMP/out.txt" "b 2" || echo "lacks 2"'
expect_helper 0 'no file' eval 'has_line "$TMP/missing.gp" "check" || echo "no file"'
printf 'name       value    other\nalpha      1.5      x\nbeta       2.5      3\nbeta       2        3\n' > "$TMP/out.txt"

# The plots: a PNG and its script pass; a missing script, a file that is not
# a PNG, and a stray file fail.
mkdir -p "$TMP/plots-png"
printf '\211PNG\r\n' > "$TMP/plots-png/a.png"
printf 'plot x\n' > "$TMP/plots-png/a.gp"
expect_helper 0 'ok   a.png and a.gp' expect_plots a
printf 'GIF89a' > "$TMP/plots-png/b.png"
printf 'plot x\n' > "$TMP/plots-png/b.gp"
expect_helper 1 'b.png is not a PNG' expect_plots a b
cp "$TMP/plots-png/a.png" "$TMP/plots-png/c.png"
expect_helper 1 'no c.gp beside c.png' expect_plots a c
rm "$TMP/plots-png/"[bc].*
printf 'x' > "$TMP/plots-png/notes.txt"
expect_helper 1 'stray files left in the plot folder: notes.txt' expect_plots a

# run_chapter: exit 0 and an empty stderr are required; a run with the same
# mode and arguments is not made again (the fake chapter counts its runs),
# one with other arguments is.
printf '#!/bin/sh\necho run >> "%s/runs"\necho "args: $*"\n[ "$1" != fail ] || exit 3\n[ "$1" != warn ] || echo warning >&2\n' \
  "$TMP" > "$TMP/chapter-98"
chmod +x "$TMP/chapter-98"
CHAPTER=$TMP/chapter-98
expect_helper 1 'exited 3' run_chapter none fail
expect_helper 1 'wrote to stderr: warning' run_chapter none warn
rm -f "$TMP/runs"
expect_helper 0 'ran above with LR_PLOT=png' eval 'run_chapter png a; run_chapter none a; run_chapter png a; run_chapter none b'
mapfile -t runs < "$TMP/runs"
if [[ ${#runs[@]} == 2 ]]; then echo "ok   run_chapter: 2 runs made for 4 asked, 2 of them the same as the first"
else problem "run_chapter: ${#runs[@]} runs made, expected 2 (the png run a, then b)"; fi
expect_helper 0 'args: b' eval 'run_chapter none a; run_chapter none b; expect_text "args: b"'
# run_status: the exit status, the lines on stderr (counted) and stdout of a run that may fail.
expect_helper 0 'rc=3 lines=0 out=args: fail' eval 'run_status fail; echo "rc=$rc lines=$err_count out=$out_text"'
expect_helper 0 'rc=0 lines=1 err=warning' eval 'run_status warn; echo "rc=$rc lines=$err_count err=$err_line"'
exit $bad
