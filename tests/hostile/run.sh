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
# read_file VAR FILE: VAR = the file's text, without its final newlines (as
# $(cat FILE), but no process: this script starts as few as it can).
read_file() {
  local -n text=$1
  text=""
  IFS= read -r -d '' text < "$2"
  while [[ $text == *$'\n' ]]; do text=${text%$'\n'}; done
}
# count_lines VAR TEXT: VAR = the number of lines of TEXT that match the
# regular expression in $3 (every non-empty line when none is given).
count_lines() {
  local -n count=$1
  local line
  count=0
  while IFS= read -r line; do [[ $line =~ ${3:-.} ]] && count=$((count + 1)); done <<< "$2"
}

# Each chapter's --help, with each option on one line (the lines that
# continue an option's help, indented to the 26th column, joined to it);
# its arguments for a quick run: its fewest --epochs where it takes them,
# else those of tests/quick-args.txt (a chapter that times itself), else none.
declare -A help quick
while read -r nn words; do
  [[ $nn =~ ^[0-9][0-9]$ ]] && quick[chapter-$nn]=$words
done < tests/quick-args.txt
for prog in "$bin"/chapter-[0-9][0-9]; do
  name=${prog##*/} text="" first=1
  while IFS= read -r line; do
    if ((first == 0)) && [[ ${#line} -gt 25 && ${line:0:25} =~ ^\ *$ && ${line:25:1} != " " ]]; then text+=" ${line:25}"
    else ((first == 1)) || text+=$'\n'; text+=$line; fi
    first=0
  done < <("$prog" --help)
  help[$name]=$text
  [[ $'\n'$text =~ $'\n'"  --epochs N "[^$'\n']*"; "([0-9]+)" to " ]] && quick[$name]="--epochs ${BASH_REMATCH[1]}"
done

# ---- stdout: a full disk, a closed stream ------------------------------------
# (the quick arguments: what a full stdout does is the same after the
# fewest epochs)
for prog in "$bin"/chapter-[0-9][0-9]; do
  name=${prog##*/}
  # shellcheck disable=SC2086  # the arguments are words
  "$prog" ${quick[$name]:-} > /dev/full 2> "$work/err"; rc=$?
  read_file err "$work/err"
  check "$name > /dev/full: exit 1 and one line" \
    same "$rc $err" "1 $name: cannot write the results to stdout: No space left on device"
done
"$bin/chapter-03" >&- 2> "$work/err"; rc=$?
read_file err "$work/err"
check "chapter-03 with stdout closed: exit 1 and one line" \
  same "$rc $err" "1 chapter-03: stdout is closed: there is nowhere to print the results"
"$bin/chapter-03" --lr 1e6 > /dev/full 2> "$work/err"; rc=$?
read_file err "$work/err"
count_lines lines "$err"
check "a divergence on a full stdout keeps its exit status 3" same "$rc $lines" "3 2"

# A reader that stops early (| head -1) is no error: nothing on stderr, exit 0.
"$bin/chapter-03" 2> "$work/err" | head -1 > /dev/null; rc=${PIPESTATUS[0]}
read_file err "$work/err"
check "chapter-03 | head -1: exit 0 and nothing on stderr" same "$rc $err" "0 "
# The same with the plots drawn in the terminal (LR_PLOT=dumb) and a reader gone before the first
# write (a FIFO whose only reader is closed): errno at the end then holds whatever failed last
# (mkdir of out/, there already), not the failed write's EPIPE.
mkfifo "$work/nobody"
exec {both}<> "$work/nobody" {into}> "$work/nobody"
exec {both}<&-
(cd "$work" && mkdir -p out && LR_PLOT=dumb exec "$bin/chapter-03" >&"$into" 2> "$work/err"); rc=$?
exec {into}>&-
read_file err "$work/err"
check "LR_PLOT=dumb chapter-03 into a pipe nobody reads: exit 0 and nothing on stderr" same "$rc $err" "0 "

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
read_file own out.csv.tmp
check "--save-data out.csv leaves the user's out.csv.tmp alone" same "$own" "the user's own file"
shopt -s nullglob dotglob
temporary=(*tmp-*)
shopt -u nullglob dotglob
check "... and no temporary file of its own" same "${#temporary[@]}" "0"
mkfifo fifo
(timeout 30 cat fifo > from-fifo.csv) &
timeout 30 "$bin/chapter-03" --epochs 1 --save-data fifo > /dev/null 2> err; rc=$?
wait
check "--save-data to a FIFO writes into it" same "$rc $(cmp -s from-fifo.csv direct.csv && echo same)" "0 same"
# --data from a FIFO waits for its writer (there is no way to tell a slow
# writer from none), and --help says so.
mkfifo data-fifo
(timeout 30 cat direct.csv > data-fifo) &
timeout 30 "$bin/chapter-03" --epochs 1 --data data-fifo > fifo-run.txt 2> err; rc=$?
wait
read_file printed fifo-run.txt
count_lines lines "$printed" '^Training accuracy'
check "--data from a FIFO reads what its writer writes" same "$rc $lines" "0 1"
for prog in "$bin"/chapter-[0-9][0-9]; do
  name=${prog##*/}
  [[ $'\n'${help[$name]} == *$'\n  --data '* ]] || continue
  count_lines lines "${help[$name]}" '^  --data .*a named pipe waits for a writer'
  check "$name --help: a named pipe as --data waits for a writer" same "$lines" "1"
done
# --epochs 1: one epoch, not "1 epochs", and the one loss printed once.
for prog in "$bin"/chapter-[0-9][0-9]; do
  name=${prog##*/}
  [[ ${quick[$name]:-} == "--epochs 1" ]] || continue
  "$prog" --epochs 1 > one-epoch.txt 2> err
  read_file printed one-epoch.txt
  count_lines lines "$printed" '(^|[^0-9.])1 epochs'
  declare -A labels=()
  twice=""
  while read -r label _; do
    [[ $label == loss\[* ]] || continue
    [[ -n ${labels[$label]:-} && ${labels[$label]} != twice ]] && twice+="$label"$'\n' && labels[$label]=twice
    [[ -z ${labels[$label]:-} ]] && labels[$label]=once
  done <<< "$printed"
  unset labels
  check "$name --epochs 1: no '1 epochs', no label printed twice" same "$lines ${twice%$'\n'}" "0 "
done
# (/dev/fd/1 is /dev/stdout; a program that replaced it by a file would
# break /dev/stdout for the whole machine when run as root)
"$bin/chapter-03" --epochs 1 --save-data /dev/fd/1 > stdout.txt 2> err; rc=$?
read_file printed stdout.txt
read_file data direct.csv
count_lines lines "$printed" '^Chapter 3'
check "--save-data /dev/fd/1: the data, then the results, in one stream" \
  same "$rc $([[ $printed == "$data"$'\n'* ]] && echo same) $lines" "0 same 1"

# ---- LR_PLOT_DIR with a newline ----------------------------------------------------
LR_PLOT=png LR_PLOT_DIR=$'plots\nsystem "touch pwned"' "$bin/chapter-03" > /dev/null 2> err; rc=$?
read_file err err
check "LR_PLOT_DIR with a newline: refused with exit 2, and no command ran" \
  same "$rc $err $([[ -e pwned ]] && echo RAN)" \
  "2 chapter-03: LR_PLOT_DIR=plots\\x0asystem \"touch pwned\": a folder name with a control character cannot be passed to gnuplot "

# ---- a full disk under gnuplot -----------------------------------------------------
PATH="$here/truncates-image:$PATH" LR_PLOT=png LR_PLOT_DIR="$work/full" "$bin/chapter-03" > out.txt 2> err; rc=$?
want="chapter-03: plot chapter-03-data: gnuplot wrote an incomplete image (16 bytes; is the disk full?); its script is $work/full/chapter-03-data.gp"
read_file err err
# count_files VAR DIR [KEPT]: VAR = the number of files in DIR (hidden ones
# too), leaving out those whose name matches the pattern KEPT (*.gp).
count_files() {
  local -n count=$1
  local file
  count=0
  shopt -s nullglob dotglob
  for file in "$2"/*; do [[ -n ${3:-} && $file == $3 ]] || count=$((count + 1)); done
  shopt -u nullglob dotglob
}
count_files images full '*.gp'
read_file printed out.txt
count_lines lines "$printed" '^plot:'
check "an image cut short is reported, exit 0" same "$rc ${err%%$'\n'*}" "0 $want"
check "... and not kept: only the .gp scripts are in the plot folder" same "$images $lines" "0 0"

# ---- interrupted while gnuplot draws ---------------------------------------------------
set -m   # jobs in process groups of their own, so that they do not ignore SIGINT
# A shell started in the background (make test &) ignores SIGINT, and so do
# its children whatever set -m says: the chapter gets SIGINT's default back.
default_signals=()
env --default-signal=INT true 2> /dev/null && default_signals=(env --default-signal=INT)
# The waits are on events, not on time: the slow gnuplot writes a line into
# the FIFO MARK.started when it starts drawing, and holds the FIFO
# MARK.alive open while it lives (its sleep too, which inherits it): its
# end of file comes when they are gone, at once when gnuplot was stopped,
# after its 5 seconds when it was not (it then leaves MARK.finished). The
# timeouts only bound a run that hangs.
declare -A signal_number=([INT]=2 [TERM]=15)
for sig in INT TERM; do
  mkdir "$work/tmp-$sig"
  export MARK="$work/mark-$sig"
  mkfifo "$MARK.started" "$MARK.alive"
  exec 5<> "$MARK.started"   # read and write: opening it does not wait for the other side
  PATH="$here/slow:$PATH" TMPDIR="$work/tmp-$sig" LR_PLOT=png LR_PLOT_DIR="$work/plots-$sig" \
    "${default_signals[@]}" "$bin/chapter-03" > /dev/null 2>&1 &
  pid=$!
  started=""
  read -r -t 60 -u 5 started
  [[ -n $started ]] && exec 6< "$MARK.alive"   # gnuplot holds it open already: no wait
  kill -s "$sig" "$pid"
  { wait "$pid"; rc=$?; } 2> /dev/null
  [[ -n $started ]] && read -r -t 60 -u 6   # to its end of file: gnuplot has gone
  exec 5<&- 6<&-
  check "SIG$sig while gnuplot draws: the chapter dies of it (status $rc)" same "$rc" "$((128 + ${signal_number[$sig]}))"
  count_files images "$work/plots-$sig" '*.gp'
  count_files temporary "$work/tmp-$sig"
  check "... no temporary file left (plot folder, TMPDIR)" same "$images $temporary" "0 0"
  check "... and gnuplot was stopped before it finished" \
    same "${started:-not started} $([[ -e $MARK.finished ]] && echo finished)" "started "
done
set +m 2> /dev/null

echo "$checks checks, $failures failed"
[[ $failures == 0 ]]
