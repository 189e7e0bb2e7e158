#!/usr/bin/env bash
# plot-pipe/run.sh: every chapter, with gnuplot missing or broken in four
# ways (the fake gnuplot scripts in this folder, put first on PATH), must
#   - exit 0 (a plot is an extra; a broken gnuplot is the machine's problem,
#     not the learner's input), so it did not die of SIGPIPE either;
#   - print exactly the numbers it prints without plots (LR_PLOT=none),
#     except measured times, which differ from run to run (see untimed);
#   - report the failure on stderr in one exact line (once, or once per plot);
#   - leave no image and no temporary file behind, only the .gp scripts the
#     messages point to.
# Run by `make test` (scripts/run-tests.sh) with BUILD set; prints ok/FAIL
# lines and exits non-zero when any check failed.
set -u
: "${BUILD:?run this through make test}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0 checks=0

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
pass() { echo "ok   $*"; }

# The message for one plot that the fake gnuplot broke in a given way.
per_plot_message() {
  case $1 in
    exits-at-once) echo "gnuplot exited without drawing the plot (exit status 0)" ;;
    rejects-a-command) echo "gnuplot exited with status 1: line 12: unrecognized plot option" ;;
    killed-mid-plot) echo "gnuplot was killed by signal 9 (Killed)" ;;
  esac
}

# The lines stderr must hold, given the chapter, the fake, the plots it draws
# (one name a line, in order) and, for one-fault-per-plot, the number of the
# first plot's fault (see one-fault-per-plot/gnuplot).
expected_stderr() {
  local prog=$1 fake=$2 plots=$3 dir=$4 first=${5:-0}
  local faults=(exits-at-once rejects-a-command killed-mid-plot)
  case $fake in
    missing) echo "$prog: gnuplot not found, so no plots this time; the numbers still print. Install it with: sudo apt-get install gnuplot"; return ;;
    fails-at-start) echo "$prog: gnuplot did not start properly: it exited with status 1, so no plots this time; the numbers still print."; return ;;
  esac
  local name k=$first
  while read -r name; do
    [[ -z $name ]] && continue
    echo "$prog: plot $name: $(per_plot_message "${faults[$((k % 3))]}"); its script is $dir/$name.gp"
    k=$((k + 1))
  done <<< "$plots"
}

# untimed FILE: the printout with every measured quantity written as '#': a
# time (a number followed by ns, us, ms, s, min, h or days), a percentage and
# a ratio of two times (a number followed by x, like 2.50x); and runs of
# spaces as one, so that two runs of a chapter that times itself (chapters 11
# and 12) compare equal. A chapter prints each measured quantity with its
# unit, so that this finds it.
untimed() {
  # chapter 11's timing tables, numbers under a heading that gives the unit once: n kept, times masked
  awk '/time per epoch in microseconds/ { t = 2 }
       t && /^ *[0-9]+( +[0-9.]+)+ *$/ { print $1, "#"; next }
       t == 2 && /^ +n / { print; next }
       !/time per epoch/ { t = 0 } { print }' "$1" |
    sed -E 's/[0-9][0-9.e+-]* (ns|us|ms|s|min|h|days)\b/#/g; s/[0-9.]+%/#%/g; s/[0-9][0-9.]*x\b/#x/g; s/ +/ /g'
}

# quick_args NN: the chapter's arguments from tests/quick-args.txt (none when
# it is not listed).
quick_args() { awk -v nn="$1" '$1 == nn { $1 = ""; print }' tests/quick-args.txt; }

# The .gp scripts that the messages on stderr ($1) point to but do not exist.
missing_scripts() {
  local script
  for script in $(sed -n 's/.*; its script is \(.*\.gp\)$/\1/p' <<< "$1"); do
    [[ -s $script ]] || echo -n "$script "
  done
}

# check_chapter BIN: the baseline runs, then the runs with fakes: missing,
# fails-at-start, and one-fault-per-plot until every per-plot fault was met.
check_chapter() {
  local bin=$1 prog
  prog=$(basename "$bin")
  local work="$tmp/$prog" args
  args=$(quick_args "${prog#chapter-}")
  mkdir -p "$work"
  # shellcheck disable=SC2086  # the arguments are words
  LR_PLOT=none "$bin" $args > "$work/none.out" 2> "$work/none.err" || { fail "$prog with LR_PLOT=none exited $?"; return; }
  # The plots it draws, from a run with the real gnuplot: "plot: DIR/NAME.png" lines.
  # shellcheck disable=SC2086
  LR_PLOT=png LR_PLOT_DIR="$work/real" "$bin" $args > "$work/real.out" 2> /dev/null
  local plots
  plots=$(sed -n 's|^plot: .*/\(.*\)\.png$|\1|p' "$work/real.out")
  # Each of the three per-plot faults must be met at least once: one run
  # with a gnuplot that fails each plot in a different way, and as many more
  # as it takes when the chapter draws fewer than three plots.
  local n_plots runs=() first
  n_plots=$(grep -c . <<< "$plots")
  ((n_plots > 0)) || { fail "$prog: the run with gnuplot drew no plot"; return; }
  runs=(missing fails-at-start)
  for ((first = 0; first < 3; first += n_plots)); do runs+=("one-fault-per-plot:$first"); done
  local run
  for run in "${runs[@]}"; do
    local fake=${run%%:*} first=0 label=$run
    [[ $run == *:* ]] && first=${run#*:}
    [[ $fake == one-fault-per-plot ]] && label="$fake (from fault $first)"
    local dir="$work/plots-${run/:/-}" path
    if [[ $fake == missing ]]; then path="$tmp/empty"; mkdir -p "$path"; else path="$here/$fake:$PATH"; fi
    rm -f "$work/counter"
    FAKE_GNUPLOT_COUNTER="$work/counter" FAKE_GNUPLOT_FIRST=$first \
      PATH=$path LR_PLOT=png LR_PLOT_DIR="$dir" "$bin" $args > "$work/$fake.out" 2> "$work/$fake.err"
    local rc=$?
    local want got
    want=$(expected_stderr "$prog" "$fake" "$plots" "$dir" "$first")
    got=$(cat "$work/$fake.err")
    if [[ $rc != 0 ]]; then fail "$prog, gnuplot $label: exit status $rc, expected 0 ($(head -c 300 "$work/$fake.err"))"
    elif ! diff -q <(untimed "$work/none.out") <(untimed "$work/$fake.out") > /dev/null; then
      fail "$prog, gnuplot $label: the printout differs from the LR_PLOT=none run:"
      diff <(untimed "$work/none.out") <(untimed "$work/$fake.out") | head -5
    elif [[ $got != "$want" ]]; then
      fail "$prog, gnuplot $label: stderr should be exactly"; echo "$want" | sed 's/^/       /'
      echo "     but was"; echo "$got" | sed 's/^/       /'
    elif [[ -d $dir ]] && ls -A "$dir" | grep -qv '\.gp$'; then
      fail "$prog, gnuplot $label: files other than .gp scripts left in the plot folder: $(ls -A "$dir" | grep -v '\.gp$' | tr '\n' ' ')"
    elif missing=$(missing_scripts "$got"); [[ -n $missing ]]; then
      fail "$prog, gnuplot $label: a message points to a script that is not there: $missing"
    else
      pass "$prog, gnuplot $label: exit 0, same numbers, $(echo "$got" | grep -c .) line(s) on stderr, no image left"
    fi
  done
}

# The chapters are checked side by side, as many at a time as there are
# processors; each one's lines are printed together, in chapter order.
jobs_max=$(nproc 2> /dev/null || echo 2)
logs=()
for src in chapters/[0-9][0-9]-*.c; do
  nn=$(basename "$src" | cut -d- -f1)
  bin="$BUILD/bin/chapter-$nn"
  if [[ ! -x $bin ]]; then fail "$bin was not built"; continue; fi
  while (($(jobs -rp | wc -l) >= jobs_max)); do wait -n; done
  check_chapter "$bin" > "$tmp/chapter-$nn.log" 2>&1 &
  logs+=("$tmp/chapter-$nn.log")
done
wait
cat "${logs[@]}"
checks=$((checks + $(cat "${logs[@]}" | grep -c '^\(ok\|FAIL\) ')))
failures=$((failures + $(cat "${logs[@]}" | grep -c '^FAIL ')))
echo "$checks runs checked, $failures failed"
[[ $failures == 0 ]]
