#!/usr/bin/env bash
# hostile/run.sh: what a red team did to the chapters beyond a bad CSV file
# or option (those are in tests/bad-input/cases.txt), each checked here:
#   - stdout on a full disk (/dev/full) or closed: one line, exit status 1;
#     a pipe closed by its reader (| head -1): quiet, exit 0;
#   - --save-data through a symbolic link, to a FIFO and to /dev/stdout,
#     and beside a file of the user's called FILE.tmp;
#   - LR_PLOT_DIR with a newline that would run a gnuplot command;
#   - a gnuplot on a full disk that cuts the image short and exits 0;
#   - Ctrl-C or SIGTERM while gnuplot draws: no temporary file left behind,
#     and gnuplot stopped, not left to finish an image no one will see.
# Run by `make test` (scripts/run-tests.sh) with BUILD set; prints ok/FAIL
# lines and exits non-zero when any check failed.
set -u
: "${BUILD:?run this through make test}"
root=$(pwd)
bin=$(cd "$BUILD/bin" && pwd) || exit 1
here="$root/tests/hostile"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
export LR_PLOT=none

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
check() {   # check WHAT CONDITION...: one named check
  local what=$1; shift
  checks=$((checks + 1))
  if "$@"; then echo "ok   $what"; else fail "$what"; fi
}
same() { [[ $1 == "$2" ]] || { echo "     got:      $1"; echo "     expected: $2"; return 1; }; }

# ---- stdout: a full disk, a closed stream ------------------------------------
for prog in "$bin"/chapter-[0-9][0-9]; do
  name=$(basename "$prog")
  "$prog" > /dev/full 2> "$work/err"; rc=$?
  check "$name > /dev/full: exit 1 and one line" \
    same "$rc $(cat "$work/err")" "1 $name: cannot write the results to stdout: No space left on device"
done
"$bin/chapter-03" >&- 2> "$work/err"; rc=$?
check "chapter-03 with stdout closed: exit 1 and one line" \
  same "$rc $(cat "$work/err")" "1 chapter-03: stdout is closed: there is nowhere to print the results"
"$bin/chapter-03" --lr 1e6 > /dev/full 2> "$work/err"; rc=$?
check "a divergence on a full stdout keeps its exit status 3" same "$rc $(grep -c . "$work/err")" "3 2"

# A reader that stops early (| head -1) is no error: nothing on stderr, exit 0.
"$bin/chapter-03" 2> "$work/err" | head -1 > /dev/null; rc=${PIPESTATUS[0]}
check "chapter-03 | head -1: exit 0 and nothing on stderr" same "$rc $(cat "$work/err")" "0 "

# ---- --save-data ---------------------------------------------------------------
cd "$work" || exit 1
"$bin/chapter-03" --epochs 1 --save-data "$work/direct.csv" > /dev/null
echo "the user's own file" > out.csv.tmp
echo old > target.csv
chmod 640 target.csv
ln -s target.csv link.csv
"$bin/chapter-03" --epochs 1 --save-data link.csv > /dev/null 2> err; rc=$?
check "--save-data through a symbolic link: exit 0, the link stays a link" same "$rc $(readlink link.csv)" "0 target.csv"
check "... and the file it points to holds the data, with its mode kept" \
  same "$(cmp -s target.csv direct.csv && echo same) $(stat -c %a target.csv)" "same 640"
"$bin/chapter-03" --epochs 1 --save-data out.csv > /dev/null
check "--save-data out.csv leaves the user's out.csv.tmp alone" same "$(cat out.csv.tmp)" "the user's own file"
check "... and no temporary file of its own" same "$(ls | grep -c 'tmp-')" "0"
mkfifo fifo
(timeout 10 cat fifo > from-fifo.csv) &
timeout 10 "$bin/chapter-03" --epochs 1 --save-data fifo > /dev/null 2> err; rc=$?
wait
check "--save-data to a FIFO writes into it" same "$rc $(cmp -s from-fifo.csv direct.csv && echo same)" "0 same"
# --data from a FIFO waits for its writer (there is no way to tell a slow
# writer from none), and --help says so.
mkfifo data-fifo
(timeout 10 cat direct.csv > data-fifo) &
timeout 10 "$bin/chapter-03" --epochs 1 --data data-fifo > fifo-run.txt 2> err; rc=$?
wait
check "--data from a FIFO reads what its writer writes" same "$rc $(grep -c '^Training accuracy' fifo-run.txt)" "0 1"
# help_of PROGRAM: its --help, each option on one line (the lines that
# continue an option's help, indented to the 26th column, joined to it).
help_of() {
  "$1" --help | awk 'NR > 1 && length($0) > 25 && substr($0, 1, 25) ~ /^ *$/ && substr($0, 26, 1) != " " { printf " %s", substr($0, 26); next }
                     NR > 1 { printf "\n" } { printf "%s", $0 } END { printf "\n" }'
}
for prog in "$bin"/chapter-[0-9][0-9]; do
  help_of "$prog" | grep -q '^  --data ' || continue
  check "$(basename "$prog") --help: a named pipe as --data waits for a writer" \
    same "$(help_of "$prog" | grep -c '^  --data .*a named pipe waits for a writer')" "1"
done
# --epochs 1: one epoch, not "1 epochs", and the one loss printed once.
for prog in "$bin"/chapter-[0-9][0-9]; do
  help_of "$prog" | grep -q '^  --epochs N .*; 1 to' || continue
  "$prog" --epochs 1 > one-epoch.txt 2> err
  check "$(basename "$prog") --epochs 1: no '1 epochs', no label printed twice" \
    same "$(grep -cE '(^|[^0-9.])1 epochs' one-epoch.txt) $(awk '$1 ~ /^loss\[/ { print $1 }' one-epoch.txt | sort | uniq -d)" "0 "
done
# (/dev/fd/1 is /dev/stdout; a program that replaced it by a file would
# break /dev/stdout for the whole machine when run as root)
"$bin/chapter-03" --epochs 1 --save-data /dev/fd/1 > stdout.txt 2> err; rc=$?
check "--save-data /dev/fd/1: the data, then the results, in one stream" \
  same "$rc $(head -n 301 stdout.txt | cmp -s - direct.csv && echo same) $(grep -c '^Chapter 3' stdout.txt)" "0 same 1"

# ---- LR_PLOT_DIR with a newline ----------------------------------------------------
LR_PLOT=png LR_PLOT_DIR=$'plots\nsystem "touch pwned"' "$bin/chapter-03" > /dev/null 2> err; rc=$?
check "LR_PLOT_DIR with a newline: refused with exit 2, and no command ran" \
  same "$rc $(cat err) $([[ -e pwned ]] && echo RAN)" \
  "2 chapter-03: LR_PLOT_DIR=plots\\x0asystem \"touch pwned\": a folder name with a control character cannot be passed to gnuplot "

# ---- a full disk under gnuplot -----------------------------------------------------
PATH="$here/truncates-image:$PATH" LR_PLOT=png LR_PLOT_DIR="$work/full" "$bin/chapter-03" > out.txt 2> err; rc=$?
want="chapter-03: plot chapter-03-data: gnuplot wrote an incomplete image (16 bytes; is the disk full?); its script is $work/full/chapter-03-data.gp"
check "an image cut short is reported, exit 0" same "$rc $(head -n 1 err)" "0 $want"
check "... and not kept: only the .gp scripts are in the plot folder" \
  same "$(ls -A full | grep -cv '\.gp$') $(grep -c '^plot:' out.txt)" "0 0"

# ---- interrupted while gnuplot draws ---------------------------------------------------
set -m   # jobs in process groups of their own, so that they do not ignore SIGINT
# A shell started in the background (make test &) ignores SIGINT, and so do
# its children whatever set -m says: the chapter gets SIGINT's default back.
default_signals=()
env --default-signal=INT true 2> /dev/null && default_signals=(env --default-signal=INT)
for sig in INT TERM; do
  mkdir -p "$work/tmp-$sig"
  export MARK="$work/mark-$sig"
  PATH="$here/slow:$PATH" TMPDIR="$work/tmp-$sig" LR_PLOT=png LR_PLOT_DIR="$work/plots-$sig" \
    "${default_signals[@]}" "$bin/chapter-03" > /dev/null 2>&1 &
  pid=$!
  for _ in $(seq 100); do [[ -e $MARK.started ]] && break; sleep 0.1; done
  kill -s "$sig" "$pid"
  { wait "$pid"; rc=$?; } 2> /dev/null
  sleep 6   # longer than the slow gnuplot takes to finish
  check "SIG$sig while gnuplot draws: the chapter dies of it (status $rc)" same "$rc" "$((128 + $(kill -l "$sig")))"
  check "... no temporary file left (plot folder, TMPDIR)" \
    same "$(ls -A "$work/plots-$sig" | grep -cv '\.gp$') $(ls -A "$work/tmp-$sig" | wc -l)" "0 0"
  check "... and gnuplot was stopped before it finished" same "$([[ -e $MARK.finished ]] && echo finished)" ""
done
set +m 2> /dev/null

echo "$checks checks, $failures failed"
[[ $failures == 0 ]]
