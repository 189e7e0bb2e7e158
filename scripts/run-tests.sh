#!/usr/bin/env bash
# run-tests.sh: the project's own test suite, run by `make test` after it has
# built everything (in $BUILD, warnings as errors). Each step prints a
# PASS/FAIL line (a failing step shows its output); the last line counts the
# steps, "N passed, N failed", and gives the wall time it all took (with the
# build before it, when make test gives TEST_START).
#
# The steps are independent, so they run side by side, TEST_JOBS at a time
# (default: the number of processors), the longest first; their reports are
# printed in the order below (the notes last), each as soon as it and every
# report before it are done. Steps that depend on each other (the notes, then
# their browser check) run one after the other, in one job.
# ONLY=REGEX (make test ONLY=...) runs only the steps whose name matches it,
# e.g. ONLY='chapter 03' or ONLY='solution|stub': for a quick check of one part.
#
#   scripts/run-tests.sh [BUILD-COMMAND...]
#
# make test builds the chapter programs, then gives the make that builds the
# rest as BUILD-COMMAND: the notes (which need only the chapters) start
# first, and run beside that build; every other step starts after it.
set -u
: "${BUILD:?run this through make test}"
start_all=$SECONDS
# An OpenMP thread that waits (chapter 11, lib/epoch) sleeps instead of
# spinning, so the steps beside it keep their processor (chapter 11's step:
# 0.7 s of CPU and 2.7 s of wall time spinning on a busy machine, 0.14 s and 1 s
# passive). Your own setting, if you give one, is kept.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}
jobs_max=${TEST_JOBS:-$(nproc 2> /dev/null || echo 2)}
[[ $jobs_max =~ ^[1-9][0-9]*$ ]] || { echo "TEST_JOBS=$jobs_max: expected a number of steps, like 2"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
items=0 printed=0 order=() last=()
mkdir -p "$tmp/items"

# wanted NAME: true when ONLY is unset or matches NAME.
wanted() { [[ -z ${ONLY:-} || $1 =~ $ONLY ]]; }

# print_ready: print the reports that are done, in order, up to the first
# one still running. (A report K is done when K.rc exists: K.txt is written
# whole before it.)
print_ready() {
  while ((printed < ${#order[@]})) && [[ -e $tmp/items/${order[$printed]}.rc ]]; do
    mapfile -t lines < "$tmp/items/${order[$printed]}.txt"
    printf '%s\n' "${lines[@]}"
    printed=$((printed + 1))
  done
}

# new_item: the next report's number, placed in the order (at the end when
# LAST=1).
new_item() {
  items=$((items + 1))
  if [[ ${LAST:-0} == 1 ]]; then last+=("$items"); else order+=("$items"); fi
}

# children_cpu: sets cpu_tenths to the CPU time (user + system, in tenths
# of a second) of this shell's children that have ended, from the builtin
# times (no process started).
children_cpu() {
  local lines word
  { times; } > "$tmp/times.$BASHPID"
  mapfile -t lines < "$tmp/times.$BASHPID"
  cpu_tenths=0
  for word in ${lines[1]}; do
    [[ $word =~ ^([0-9]+)m([0-9]+)\.([0-9])[0-9]*s$ ]] || continue
    cpu_tenths=$((cpu_tenths + BASH_REMATCH[1] * 600 + 10#${BASH_REMATCH[2]} * 10 + BASH_REMATCH[3]))
  done
}

# run_item K NAME COMMAND...: run one step now and write its report as item K
# (its exit status in K.rc, written last; a step may add lines to its report
# in K.note). No process of its own but the step: starting one costs
# milliseconds here, and make test has some 80 steps. (The step's output goes
# to K.out, not through $(...), which is one more copy of this shell: a step
# that is a function, chapter_test, runs in this one.)
run_item() {
  local k=$1 name=$2
  shift 2
  local start=$SECONDS out rc cpu
  children_cpu
  cpu=$cpu_tenths
  "$@" > "$tmp/items/$k.out" 2>&1
  rc=$?
  children_cpu
  cpu=$((cpu_tenths - cpu))
  local line lines=()
  if [[ $rc == 0 ]]; then
    lines=("PASS  $name  ($((SECONDS - start)) s, CPU $((cpu / 10)).$((cpu % 10)) s)")
  else lines=("FAIL  $name"); fi
  if [[ $rc != 0 || ${VERBOSE:-0} == 1 ]]; then
    # (without its empty lines at the end, as $(...) would hold it)
    mapfile -t out < "$tmp/items/$k.out"
    while ((${#out[@]} > 0)) && [[ -z ${out[-1]} ]]; do unset 'out[-1]'; done
    ((${#out[@]} > 0)) || out=("")
    for line in "${out[@]}"; do lines+=("      $line"); done
  fi
  if [[ -s $tmp/items/$k.note ]]; then
    while IFS= read -r line || [[ -n $line ]]; do lines+=("      $line"); done < "$tmp/items/$k.note"
  fi
  printf '%s\n' "${lines[@]}" > "$tmp/items/$k.txt"
  echo "$rc" > "$tmp/items/$k.rc"
}

# wait_for_slot: block until fewer than jobs_max steps are running.
wait_for_slot() {
  local running
  while jobs -rp > "$tmp/running.$BASHPID" && mapfile -t running < "$tmp/running.$BASHPID" &&
    ((${#running[@]} >= jobs_max)); do
    wait -n
    print_ready
  done
}

# step NAME COMMAND...: start one step in the background (its process id in
# step_pid, empty when ONLY leaves it out).
step() {
  step_pid=""
  wanted "$1" || return 0
  wait_for_slot
  new_item
  run_item "$items" "$@" &
  step_pid=$!
  print_ready
}

# steps_in_order [--gated] NAME1 CMD1... -- NAME2 CMD2...: steps run one
# after the other in one background job (they share files). With --gated
# each step needs the one before it: it runs only if that one passed, and
# with ONLY the steps before a matching one run too.
steps_in_order() {
  local names=() cmds=() cmd=() word i n=0 gated=0
  [[ $1 == --gated ]] && { gated=1; shift; }
  for word in "$@" --; do
    if [[ $word == -- ]]; then
      names+=("${cmd[0]}")
      cmds+=("$(printf '%q ' "${cmd[@]:1}")")
      cmd=()
    else cmd+=("$word"); fi
  done
  local run=()
  for i in "${!names[@]}"; do wanted "${names[$i]}" && n=$((i + 1)) && run+=("$i"); done
  ((gated == 1)) && run=($(seq 0 $((n - 1))))
  ((${#run[@]} > 0)) || return 0
  wait_for_slot
  local first=$((items + 1))
  for i in "${run[@]}"; do new_item; done
  (
    for k in "${!run[@]}"; do
      i=${run[$k]}
      k=$((first + k))
      rc=0
      ((gated == 1 && i > 0)) && read -r rc < "$tmp/items/$((k - 1)).rc"
      if [[ $rc != 0 ]]; then
        echo "FAIL  ${names[$i]}: not run, the step before it failed" > "$tmp/items/$k.txt"
        echo 1 > "$tmp/items/$k.rc"
      else
        eval "run_item $k $(printf '%q' "${names[$i]}") ${cmds[$i]}"
      fi
    done
  ) &
  print_ready
}

# stop_steps: end every step still running, with the processes it started
# (their reports are not printed).
stop_steps() {
  local pids=() pid children
  mapfile -t pids < <(jobs -p)
  while ((${#pids[@]} > 0)); do
    pid=${pids[-1]}
    unset 'pids[-1]'
    mapfile -t children < <(ps -o pid= --ppid "$pid" 2> /dev/null)
    kill "$pid" 2> /dev/null
    pids+=(${children[@]+"${children[@]}"})
  done
  wait 2> /dev/null
}

# say TEXT: a line of the report (a heading or a SKIP), in its place.
say() {
  new_item
  echo "$*" > "$tmp/items/$items.txt"
  echo 0 > "$tmp/items/$items.rc"
  print_ready
}

# chapter_test SCRIPT WAY: runs a chapter's checks on the chapter linked with
# the stubs as shipped (WAY=stubs: the library's code runs) or with solutions/
# as the learner's code (WAY=solutions: the "yours" column), then the checks
# of tests/chapters/lib.sh for that way (expect_way).
chapter_test() {
  local script=$1 way=$2 nn bin
  nn=${script##*/}
  nn=${nn%%-*}
  bin=$BUILD/bin/chapter-$nn
  [[ $way == solutions ]] && bin=$BUILD/bin-solutions/chapter-$nn
  # (its folder $tmp/NN-WAY is made with the others, by one mkdir, before the steps start)
  CHAPTER=$bin CHECK="$BUILD/tests/check-output" TMP="$tmp/$nn-$way" WAY=$way WRONG="$BUILD/bin-wrong/chapter-$nn" \
    LR_GNUPLOT_TERMINALS=$gnuplot_terminals bash -c 'source tests/chapters/lib.sh; source "$1"; expect_way; exit $((failures > 0))' _ "$script"
}

# bad_input K: the table of bad inputs; how long reading 10^6 rows took goes
# into item K's report.
bad_input() { tests/bad-input/run.sh "$tmp/items/$1.note"; }

# The longest steps start first, so that every processor stays busy: the
# notes and their browser check; their reports come last. The browser check
# makes every check of make docs-check, its self-test in the same browser, but
# takes no screenshots (those are for a person to look at, and took 30 of its
# 50 s: make docs-check takes them).
# The notes go to a folder of their own, $BUILD/docs, not the reader's
# build/docs: the chapters that time themselves draw their figures with the
# quicker arguments of tests/quick-args.txt (docs.sh --quick). The EPUB is
# written and checked beside the browser check, which needs only the pages
# (docs.sh --epub-later, docs-check.sh --epub).
LAST=1
say "== notes"
docs=$BUILD/docs
if command -v chromium > /dev/null && command -v node > /dev/null; then
  steps_in_order --gated "make docs ($docs; figures of tests/quick-args.txt quicker; the EPUB in the next step)" \
    scripts/docs.sh --quick --epub-later "$docs" "$BUILD"/bin/chapter-* -- \
    "make docs-check: every page in Chromium, and the checker finds a mistake of each kind (no screenshots); beside it the EPUB, checked by epubcheck" \
    env DOCS_CHECK_SHOTS=0 scripts/docs-check.sh --epub "$docs"
else
  step "make docs ($docs; figures of tests/quick-args.txt quicker)" scripts/docs.sh --quick "$docs" "$BUILD"/bin/chapter-*
  say "SKIP  make docs-check: no chromium or node here (Debian: apt-get install chromium nodejs)"
fi
LAST=0

# The rest of the build, beside the notes (its messages as make prints them).
build_s=""
if (($# > 0)); then
  build_start=$SECONDS
  if ! "$@"; then
    echo "make test: the build failed (its messages are above): no step after the notes ran"
    stop_steps
    exit 1
  fi
  build_s=$((SECONDS - build_start))
fi
LAST=1
step "chapter tables: README and docs/index.md list the chapters of chapters/" scripts/check-chapter-tables.sh --selftest
LAST=0

# The wrong answers build in folders of their own, so they start now.
say "== the learner's loop: messages, limits"
step "wrong answers get the right message (tests/exercises/mistakes.txt)" tests/exercises/mistakes.sh
step "Ctrl-C stops make check at once" tests/exercises/ctrl-c.sh

say "== bad input and broken plot pipes"
step "plot pipe: gnuplot missing, broken, exiting, rejecting, killed" tests/plot-pipe/run.sh
step "bad-input table: exact message and exit status" bad_input $((items + 1))
step "hostile: full stdout, --save-data to links and pipes, Ctrl-C while plotting" tests/hostile/run.sh

say "== chapters, headless, numbers checked against data/reference"
# gnuplot's terminals, asked once: the chapter steps' runs take them from LR_GNUPLOT_TERMINALS
# (lib/plot.h) instead of each starting a gnuplot to ask (one start more per run that plots).
# Empty when gnuplot does not answer: each run then asks itself, and says what is wrong.
gnuplot_terminals=$(gnuplot -e "set print '-'; print GPVAL_TERMINALS" 2> /dev/null)
step "chapter-test tools: a wrong, missing or duplicated label fails" tests/chapters/selftest.sh
chapter_dirs=()
for script in tests/chapters/[0-9][0-9]-*.sh; do
  nn=${script##*/}
  chapter_dirs+=("$tmp/${nn%%-*}-stubs" "$tmp/${nn%%-*}-solutions")
done
mkdir -p "${chapter_dirs[@]}"
for script in tests/chapters/[0-9][0-9]-*.sh; do
  name=${script##*/}
  name=${name%.sh}
  step "chapter $name, stubs as shipped: the library's code" chapter_test "$script" stubs
  step "chapter $name, solutions/ as your code (and a wrong one)" chapter_test "$script" solutions
done

say "== sources"
if command -v "${CLANG_FORMAT:-clang-format}" > /dev/null; then
  step "make format-check: every C file matches .clang-format" scripts/format.sh check
else
  say "SKIP  make format-check: no clang-format here (Debian: apt-get install clang-format)"
fi
step "sizes: chapter files within 350 lines, functions within 60 (scripts/check-lengths.sh)" scripts/check-lengths.sh

say "== lib tests"
for t in "$BUILD"/tests/test-*; do step "lib: ${t##*/}" "$t"; done

exercise_pids=()
say "== exercise suites against solutions/ (must pass)"
for f in exercises/[0-9][0-9]-*.c; do
  name=${f##*/}
  name=${name%.c}
  step "solution $name" scripts/check.sh solutions "${name%%-*}"
  [[ -n $step_pid ]] && exercise_pids+=("$step_pid")
done

say "== bite check: exercise suites against the shipped stubs, tests/stubs/ (must fail every test)"
for f in exercises/[0-9][0-9]-*.c; do
  name=${f##*/}
  name=${name%.c}
  step "stub $name" scripts/check.sh bite "${name%%-*}"
  [[ -n $step_pid ]] && exercise_pids+=("$step_pid")
done

# The learner's loop without .git builds the same exercise programs in $BUILD
# as the two sections above: it starts when they are done.
for pid in "${exercise_pids[@]}"; do wait "$pid" 2> /dev/null; done
print_ready
say "== the learner's loop: bite check, reset, hint, watch"
step "without .git: bite check, reset, hint, watch, a quiet build" tests/exercises/loop.sh

order+=("${last[@]}")
wait
print_ready
passed=0 failed=0
for ((k = 1; k <= items; k++)); do
  IFS= read -r line < "$tmp/items/$k.txt"
  [[ $line == "PASS "* || $line == "FAIL "* ]] || continue
  read -r rc < "$tmp/items/$k.rc"
  if [[ $rc == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo
# (TEST_START: when make test began, before the build, in seconds since 1970)
printf -v now '%(%s)T' -1
steps_s=$((SECONDS - start_all)) total=$steps_s times="the steps"
if [[ ${TEST_START:-} =~ ^[0-9]+$ ]]; then
  total=$((now - TEST_START))
  times="the chapters built in $((total - steps_s)) s, then the steps"
  [[ -n $build_s ]] && times+=" and, beside the notes, the rest of the build ($build_s s)"
  times+=" in $steps_s s"
fi
echo "$passed passed, $failed failed, in $total s ($times; $jobs_max steps at a time; TEST_JOBS=N to change)"
[[ $failed == 0 ]]
