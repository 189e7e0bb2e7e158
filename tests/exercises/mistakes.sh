#!/usr/bin/env bash
# mistakes.sh [FILE]: feed each exercise suite the wrong answers listed in
# tests/exercises/mistakes.txt and check what `make check EX=NN` says about
# each: the words it must say, the words it must not, the status, and how
# much processor time it may take. Each mistake is a solution (or the stub)
# with a few exact-text replacements, so the list reads as "a learner wrote
# this instead of that". Run by make test; MISTAKES=NN (a regular expression
# over the two digits: MISTAKES='08|13') runs only those exercises' cases:
#   make test ONLY=mistakes MISTAKES=13
#
# The cases run in this one script, four workers side by side: each calls
# learner_one, the very function of scripts/check.sh that prints what
# `make check EX=NN` says, so a case costs one compiler, one linker and the
# suite, and no helper processes (grep, sed: a process costs milliseconds).
set -u
list=${1:-tests/exercises/mistakes.txt}
: "${BUILD:?run this through make test}"
source scripts/check.sh functions || exit 2
red="" green="" bold="" off=""   # (make check's words as a log has them, even in a terminal)
trap - INT TERM
tmp=$(mktemp -d)
# (check.sh builds each case in $BUILD/exercises/, in a folder named after its own)
trap 'rm -rf "$tmp" "$BUILD/exercises/${tmp//\//_}_"*' EXIT
workers=4
# The wrong exercises are compiled without optimisation (faster, same numbers:
# no fused multiply-add either way); a case that needs the optimiser (GCC's
# warning for a sum that never started at 0) says so with its cflags.
cflags=${CFLAGS:-}
cflags=${cflags/-O2/-O0}
cflags=${cflags/-g /}
TIMEFORMAT='%3U %3S'
nl=$'\n'

# The cases: cases[K] holds the lines of one "case" block.
cases=()
keep=0
while IFS= read -r line || [[ -n $line ]]; do
  if [[ $line == "case "* ]]; then
    read -r _ keep _ <<< "$line"
    [[ -z ${MISTAKES:-} || $keep =~ ^($MISTAKES)$ ]] && keep=1 || keep=0
    ((keep)) && cases+=("")
  fi
  ((keep)) && [[ -n $line && $line != "#"* ]] && cases[-1]+=$line$nl
done < "$list"
((${#cases[@]} > 0)) || { echo "FAIL no case in $list${MISTAKES:+ for exercise $MISTAKES}"; exit 1; }

# ms TEXT: sets ms to TEXT, a number of seconds like 1.250, in milliseconds.
ms() { local s=${1%.*} f=${1#*.}000; ms=$((10#$s * 1000 + 10#${f:0:3})); }

# run_case K: builds case K's wrong exercise, runs make check's code on it
# (learner_one) and prints "ok ..." or "FAIL ..." lines. Returns 1 on a FAIL.
run_case() {
  local spec=${cases[$1]} nn title base=solution file="" text from="" key rest line f
  local status_want=fail within=60 case_flags="" seconds=10 work="$tmp/$1" out u s bad=0 e
  local -a expects=() rejects=()
  read -r _ nn title <<< "${spec%%"$nl"*}"
  spec=${spec#*"$nl"}
  for f in solutions/"$nn"-*.c; do [[ -f $f ]] && file=${f##*/}; done
  [[ -n $file ]] || { echo "FAIL $nn $title: there is no solutions/$nn-*.c"; return 1; }
  [[ $nl$spec == *"${nl}base stub$nl"* ]] && base=stub
  if [[ $base == stub ]]; then text=$(< "tests/stubs/$file"); else text=$(< "solutions/$file"); fi
  while IFS= read -r line; do
    key=${line%% *} rest=""
    [[ $line == *" "* ]] && rest=${line#* }
    rest=${rest//\\n/$nl}
    case $key in
      from) from=$rest;;
      to)
        [[ $text == *"$from"* ]] || { echo "FAIL $nn $title: the text to replace is not in the $base: $from"; return 1; }
        text=${text/"$from"/"$rest"};;
      append) text+=$nl$rest;;
      status) status_want=$rest;;
      expect) expects+=("$rest");;
      reject) rejects+=("$rest");;
      within) within=$rest;;
      cflags) case_flags=$rest;;
      seconds) seconds=$rest;;
    esac
  done <<< "$spec"
  printf '%s\n' "$text" > "$work/$file"
  # What make check EX=NN prints, and the processor time it took (the
  # compiler, the linker and the suite: `time` counts the processes it waited for).
  { time out=$(EXERCISES=$work PROGRESS=$work/.progress CHECK_SECONDS=$seconds CFLAGS="$cflags $case_flags" \
                 MISTAKE_MARK=$work/mark learner_one "${file%.c}" 2>&1); } 2> "$work/cpu"
  read -r u s < "$work/cpu"
  local status=fail re="(^|$nl)Exercise [^ $nl]+: all [0-9]+ tests pass\\."
  [[ $out =~ $re ]] && status=pass
  [[ $out =~ the\ tests\ could\ not\ run\ \(([a-z]+)\) ]] && status=${BASH_REMATCH[1]}
  ms "$u"
  u=$ms
  ms "$s"
  s=$((u + ms))
  ((s <= within * 1000)) || { echo "FAIL $nn $title: took $((s / 1000)).$((s % 1000 / 100)) s of CPU, more than $within"; bad=1; }
  [[ $status == "$status_want" ]] || { echo "FAIL $nn $title: status $status, expected $status_want"; bad=1; }
  [[ -e $work/mark ]] && { echo "FAIL $nn $title: the wrong code lived long enough to write MISTAKE_MARK"; bad=1; }
  for e in "${expects[@]}"; do
    [[ $out == *"$e"* ]] || { echo "FAIL $nn $title: make check EX=$nn does not say: $e"; bad=1; }
  done
  for e in "${rejects[@]}"; do
    [[ $out == *"$e"* ]] && { echo "FAIL $nn $title: make check EX=$nn says, wrongly: $e"; bad=1; }
  done
  if [[ $bad == 0 ]]; then
    echo "ok   $nn $title${TIMES:+ ($((s / 1000)).$((s % 1000 / 100)) s of CPU)}"
  else
    while IFS= read -r line; do echo "     | $line"; done <<< "$out"
  fi
  return $bad
}

# (each case's folder: its wrong exercise, .progress and MISTAKE_MARK; and
# the one check.sh builds it in, made here in the same process)
dirs=()
for k in "${!cases[@]}"; do dirs+=("$tmp/$k" "$BUILD/exercises/${tmp//\//_}_$k"); done
mkdir -p "$BUILD/exercises" "${dirs[@]}" || exit 2
# Worker W runs cases W, W + workers, ...; each case's report goes to its
# own file, printed in the order of the list at the end.
pids=()
for ((w = 0; w < workers; w++)); do
  (
    failed=0
    for ((k = w; k < ${#cases[@]}; k += workers)); do
      run_case "$k" > "$tmp/$k.out" 2>&1 || failed=1
    done
    exit $failed
  ) &
  pids+=($!)
done
bad=0
for pid in "${pids[@]}"; do wait "$pid" || bad=1; done
for ((k = 0; k < ${#cases[@]}; k++)); do
  while IFS= read -r line; do echo "$line"; done < "$tmp/$k.out"
done
exit $bad
