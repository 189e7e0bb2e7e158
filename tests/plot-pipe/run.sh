#!/usr/bin/env bash
# plot-pipe/run.sh: the chapters with gnuplot missing or broken in four ways
# (the fake gnuplot scripts in this folder, put first on PATH). A chapter
# must
#   - exit 0 (a plot is an extra; a broken gnuplot is the machine's problem,
#     not the learner's input), so it did not die of SIGPIPE either;
#   - print exactly the numbers it prints without plots (LR_PLOT=none),
#     except measured times, which differ from run to run (see untimed);
#   - report the failure on stderr in one exact line (once, or once per plot);
#   - leave no image and no temporary file behind, only the .gp scripts the
#     messages point to.
# Which runs show what (one run where one run shows the fault):
#   - every chapter, a run with one-fault-per-plot: every plot it draws
#     fails, so this run shows what depends on the chapter (its plots, in
#     order, each reported in its line; its numbers unchanged; its exit
#     status; what it leaves behind). The fake logs each plot it is asked
#     for, which gives the expected lines, and each question about
#     terminals: exactly one, first (the chapter sets up its plots once,
#     through chapter_plotter, before it draws);
#   - chapter k (counting from 0) starts at fault k mod 3, so the chapters
#     together meet each of the three per-plot faults (exits at once,
#     rejects a command, killed), and this script fails if one is not met;
#   - gnuplot missing and failing at start are found before any plot, by
#     plot_init, and reported by chapter_plotter, the same code for every
#     chapter: they run on the first chapter and on the last.
# Run by `make test` (scripts/run-tests.sh) with BUILD set; prints ok/FAIL
# lines and exits non-zero when any check failed.
set -u
: "${BUILD:?run this through make test}"
here=$(cd "${0%/*}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
faults=(exits-at-once rejects-a-command killed-mid-plot)

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "ok   $*"; }

# read_file VAR FILE: VAR = the file's text, without its final newlines (as $(cat FILE)).
read_file() {
  local -n text=$1
  IFS= read -r -d '' text < "$2"
  while [[ $text == *$'\n' ]]; do text=${text%$'\n'}; done
}

# The message for one plot that the fake gnuplot broke in a given way.
declare -A per_plot_message=(
  [exits-at-once]="gnuplot exited without drawing the plot (exit status 0)"
  [rejects-a-command]="gnuplot exited with status 1: line 12: unrecognized plot option"
  [killed-mid-plot]="gnuplot was killed by signal 9 (Killed)"
)

# untimed FILE...: each file's printout, after a line "\x1e FILE", with every
# measured quantity written as '#': a time (a number followed by ns, us, ms,
# s, min, h or days), a percentage and a ratio of two times (a number
# followed by x, like 2.50x); and runs of spaces as one, so that two runs of
# a chapter that times itself (chapters 11 and 12) compare equal. A chapter
# prints each measured quantity with its unit, so that this finds it.
untimed() {
  # chapter 11's timing tables, numbers under a heading that gives the unit once: n kept, times masked
  awk 'FNR == 1 { t = 0; print "\036 " FILENAME }
       /time per epoch in microseconds/ { t = 2 }
       t && /^ *[0-9]+( +[0-9.]+)+ *$/ { print $1, "#"; next }
       t == 2 && /^ +n / { print; next }
       !/time per epoch/ { t = 0 } { print }' "$@" |
    sed -E 's/[0-9][0-9.e+-]* (ns|us|ms|s|min|h|days)\b/#/g; s/[0-9.]+%/#%/g; s/[0-9][0-9.]*x\b/#x/g; s/ +/ /g'
}

# The chapters' arguments for these runs, from tests/quick-args.txt (none
# for a chapter not listed there); and, for this check only, shorter
# training where the defaults take long and fewer epochs draw the same
# plots: chapter 05's sweep of 1000 epochs a fit, chapter 06's long run
# (their numbers at the defaults are checked in tests/chapters; here, what
# a broken gnuplot changes).
declare -A quick_args=([05]="--epochs 100" [06]="--epochs 500")
while read -r nn words; do
  [[ $nn =~ ^[0-9][0-9]$ ]] && quick_args[$nn]=$words
done < tests/quick-args.txt

# run_chapter PROG BIN FAKE FIRST DIR: one run of the chapter with the fake
# gnuplot FAKE (missing: none at all) first on PATH; its stdout, stderr and
# exit status in $work/FAKE.out, .err and .rc, the fake's log in .log.
run_chapter() {
  local prog=$1 bin=$2 fake=$3 first=$4 dir=$5 path
  if [[ $fake == missing ]]; then path="$tmp/empty"; else path="$here/$fake:$PATH"; fi
  : > "$work/$fake.log"
  # shellcheck disable=SC2086  # the arguments are words
  FAKE_GNUPLOT_LOG="$work/$fake.log" FAKE_GNUPLOT_FIRST=$first \
    PATH=$path LR_PLOT=png LR_PLOT_DIR="$dir" "$bin" ${quick_args[${prog#chapter-}]:-} > "$work/$fake.out" 2> "$work/$fake.err"
  echo $? > "$work/$fake.rc"
}

# expected_stderr PROG FAKE DIR: sets want to the lines stderr must hold,
# and met to the per-plot faults the run met, from the fake's log (the
# plots it was asked for, "plot set output 'DIR/.NAME.PID.png.tmp'") and the
# first fault. Sets problem when the log shows something wrong.
expected_stderr() {
  local prog=$1 fake=$2 dir=$3 first=$4 line name k=$4 probes=0 lines=()
  want="" met="" problem=""
  case $fake in
    missing) want="$prog: gnuplot not found, so no plots this time; the numbers still print. Install it with: sudo apt-get install gnuplot"; return ;;
    fails-at-start) want="$prog: gnuplot did not start properly: it exited with status 1, so no plots this time; the numbers still print."; return ;;
  esac
  mapfile -t lines < "$work/$fake.log"
  [[ ${lines[0]:-} == probe ]] || problem="its first question to gnuplot was not which terminals it has"
  for line in "${lines[@]}"; do
    if [[ $line == probe ]]; then probes=$((probes + 1)); continue; fi
    if [[ ! $line =~ ^plot\ set\ output\ \'(.*)/\.([^/]*)\.[0-9]+\.png\.tmp\'$ || ${BASH_REMATCH[1]} != "$dir" ]]; then
      problem="gnuplot was asked for an unexpected output: $line"
      continue
    fi
    name=${BASH_REMATCH[2]}
    want+="${want:+$'\n'}$prog: plot $name: ${per_plot_message[${faults[$((k % 3))]}]}; its script is $dir/$name.gp"
    met+=" ${faults[$((k % 3))]}"
    k=$((k + 1))
  done
  ((probes == 1)) || problem="it asked gnuplot which terminals it has $probes times, expected once"
  ((k > first)) || problem="it asked gnuplot for no plot"
}

# leftovers DIR: sets left to the files other than .gp scripts in DIR.
leftovers() {
  local file
  left=""
  shopt -s nullglob dotglob
  for file in "$1"/*; do [[ $file == *.gp ]] || left+="${file##*/} "; done
  shopt -u nullglob dotglob
}

# missing_scripts: sets missing to the .gp scripts that the messages on
# stderr ($got) point to but do not exist.
missing_scripts() {
  local line
  missing=""
  while IFS= read -r line; do
    [[ $line =~ \;\ its\ script\ is\ (.*\.gp)$ ]] || continue
    [[ -s ${BASH_REMATCH[1]} ]] || missing+="${BASH_REMATCH[1]} "
  done <<< "$got"
}

# check_run PROG FAKE FIRST DIR: the checks of one run with a fake, against
# the LR_PLOT=none run (untimed printouts in $none_text and $fake_text).
check_run() {
  local prog=$1 fake=$2 first=$3 dir=$4 label=$2 rc got want met problem left missing
  [[ $fake == one-fault-per-plot ]] && label="$fake (from fault $first)"
  read_file rc "$work/$fake.rc"
  read_file got "$work/$fake.err"
  expected_stderr "$prog" "$fake" "$dir" "$first"
  leftovers "$dir"
  missing_scripts
  if [[ -n $problem ]]; then fail "$prog, gnuplot $label: $problem"
  elif [[ $rc != 0 ]]; then fail "$prog, gnuplot $label: exit status $rc, expected 0 (${got:0:300})"
  elif [[ ${untimed_text[$fake]} != "${untimed_text[none]}" ]]; then
    fail "$prog, gnuplot $label: the printout differs from the LR_PLOT=none run:"
    diff <(echo "${untimed_text[none]}") <(echo "${untimed_text[$fake]}") | head -5
  elif [[ $got != "$want" ]]; then
    fail "$prog, gnuplot $label: stderr should be exactly"; echo "$want" | sed 's/^/       /'
    echo "     but was"; echo "$got" | sed 's/^/       /'
  elif [[ -n $left ]]; then fail "$prog, gnuplot $label: files other than .gp scripts left in the plot folder: $left"
  elif [[ -n $missing ]]; then fail "$prog, gnuplot $label: a message points to a script that is not there: $missing"
  else
    local n=0 line
    while IFS= read -r line; do [[ -n $line ]] && n=$((n + 1)); done <<< "$got"
    pass "$prog, gnuplot $label: exit 0, same numbers, $n line(s) on stderr, no image left"
    [[ -n $met ]] && echo "met:$met"
  fi
}

# check_chapter BIN K STARTUP: the LR_PLOT=none run, then the runs with
# fakes: one-fault-per-plot from fault K mod 3, and, when STARTUP is 1,
# missing and fails-at-start.
check_chapter() {
  local bin=$1 first=$(($2 % 3)) startup=$3 prog=${1##*/} fake
  work="$tmp/$prog"   # made with the others below
  local fakes=(one-fault-per-plot)
  ((startup == 1)) && fakes+=(missing fails-at-start)
  # shellcheck disable=SC2086  # the arguments are words
  LR_PLOT=none "$bin" ${quick_args[${prog#chapter-}]:-} > "$work/none.out" 2> "$work/none.err" ||
    { fail "$prog with LR_PLOT=none exited $?"; return; }
  for fake in "${fakes[@]}"; do run_chapter "$prog" "$bin" "$fake" "$first" "$work/plots-$fake"; done
  # the printouts, untimed, in one pass
  declare -A untimed_text=()
  local line file="" outs=("$work/none.out")
  for fake in "${fakes[@]}"; do outs+=("$work/$fake.out"); done
  while IFS= read -r line; do
    if [[ $line == $'\036 '* ]]; then file=${line#$'\036 '}; file=${file##*/}; file=${file%.out}; untimed_text[$file]=""
    else untimed_text[$file]+="$line"$'\n'; fi
  done < <(untimed "${outs[@]}")
  for fake in "${fakes[@]}"; do check_run "$prog" "$fake" "$first" "$work/plots-$fake"; done
}

# The chapters are checked side by side, as many at a time as there are
# processors; each one's lines are printed together, in chapter order.
jobs_max=$(nproc 2> /dev/null || echo 2)
bins=() logs=()
for src in chapters/[0-9][0-9]-*.c; do
  nn=${src#chapters/}
  nn=${nn%%-*}
  bin="$BUILD/bin/chapter-$nn"
  if [[ -x $bin ]]; then bins+=("$bin"); else fail "$bin was not built"; fi
done
mkdir "$tmp/empty" "${bins[@]/#*\//$tmp/}"
running=0
for k in "${!bins[@]}"; do
  startup=0
  ((k == 0 || k == ${#bins[@]} - 1)) && startup=1
  if ((running >= jobs_max)); then wait -n; running=$((running - 1)); fi
  check_chapter "${bins[$k]}" "$k" "$startup" > "$tmp/$k.log" 2>&1 &
  running=$((running + 1))
  logs+=("$tmp/$k.log")
done
wait
checks=0 met=" "
for log in "${logs[@]}"; do
  while IFS= read -r line; do
    case $line in
      met:*) met+="${line#met:} " ;;
      *)
        echo "$line"
        [[ $line == 'ok   '* || $line == 'FAIL '* ]] && checks=$((checks + 1))
        [[ $line == 'FAIL '* ]] && failures=$((failures + 1))
        ;;
    esac
  done < "$log"
done
for fault in "${faults[@]}"; do
  [[ $met == *" $fault "* ]] || fail "no chapter met the per-plot fault $fault (tests/plot-pipe/$fault)"
done
echo "$checks runs checked, $failures failed"
[[ $failures == 0 ]]
