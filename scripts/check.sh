#!/usr/bin/env bash
# check.sh MODE [NN]: build each exercise's CUnit suite and run it.
#   learner    against exercises/: a progress table, or with NN one exercise
#              with its failure messages in full (make check, make check EX=NN)
#   solutions  against solutions/: every suite must pass          (make test)
#   bite       against the shipped stubs, tests/stubs/: every suite must FAIL
#              (make test); in a git checkout the stub must be committed
#   stubs      tests/stubs/ must equal exercises/ (CI, on a fresh checkout)
#   status NN  one line for exercise NN: "pass|fail|... PASSED TOTAL" (make hint)
#   next       the first exercise that does not pass yet (make hint, watch, reset)
# Uses CC, CFLAGS, LDFLAGS, LDLIBS and BUILD from the Makefile; EXERCISES (a
# folder, default exercises), PROGRESS (default .progress) and CHECK_SECONDS
# (the time limit of one suite, default 30) may be set by tests.
set -u
mode=$1 only=${2:-}
: "${CC:=cc}" "${BUILD:=build/learn}" "${LDLIBS:=-lm}" "${LDFLAGS:=}"
: "${CFLAGS:=-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Ilib -Iexercises -Itests}"
: "${EXERCISES:=exercises}" "${PROGRESS:=.progress}" "${CHECK_SECONDS:=30}"
stubs=tests/stubs
red=$'\e[31m' green=$'\e[32m' bold=$'\e[1m' off=$'\e[0m'
[[ -t 1 ]] || red="" green="" bold="" off=""

# (Bash builtins throughout: a process costs milliseconds, and make test runs
# this script dozens of times.)
exercises=()
for f in tests/exercises/test-[0-9][0-9]-*.c; do f=${f##*/}; f=${f%.c}; exercises+=("${f#test-}"); done
if [[ -n $only ]]; then
  only=${only%%-*}   # EX=03-gradient-descent is fine too
  [[ $only =~ ^[0-9]{1,2}$ ]] || { echo "EX=$2: expected an exercise number like 03"; exit 2; }
  printf -v only '%02d' "$((10#$only))"
  match=""
  for f in "${exercises[@]}"; do [[ $f == "$only-"* ]] && match=$f; done
  [[ -n $match ]] || { echo "There is no exercise $only; the exercises are: ${exercises[*]}"; exit 2; }
  exercises=("$match")
fi

# ---- running one suite -------------------------------------------------------

# GCC's -Wmaybe-uninitialized finds the sum that never started at 0 (at -O1
# and above), but warns on correct code at -Os and -Og (a maximum started
# inside its loop): off for the exercises at those levels only (the last -O
# of CFLAGS wins). -Wuninitialized still names a variable never set at all.
# Sets exercise_flags from CFLAGS (tests/exercises/mistakes.sh changes them).
cc_is_clang=""
set_exercise_flags() {
  local word optimise=""
  exercise_flags=""
  for word in $CFLAGS; do [[ $word == -O* ]] && optimise=$word; done
  [[ $optimise =~ ^-O(s|g|z)$ ]] || return 0
  if [[ -z $cc_is_clang ]]; then
    cc_is_clang=no
    [[ $($CC -dM -E -x c /dev/null 2> /dev/null) == *__clang__* ]] && cc_is_clang=yes
  fi
  [[ $cc_is_clang == yes ]] || exercise_flags=-Wno-maybe-uninitialized
}

# A suite runs in a process group of its own (timeout makes one: so nothing it
# starts outlives it, and Ctrl-C reaches this script, not the suite), under a
# wall-clock limit (then SIGKILL 2 s later, if it ignores SIGTERM),
# with CPU-time, memory and file-size limits; its output goes to a file, at
# most 1 MB. Ctrl-C stops it at once: the trap kills its whole group.
child=""
stop_child() { [[ -n $child ]] && kill -KILL -- "-$child" 2> /dev/null; child=""; }
trap 'stop_child; echo; echo "Stopped (Ctrl-C)."; exit 130' INT TERM
trap 'stop_child' EXIT

# run_limited BIN OUT: sets rc, the exit status (124: out of time; 137: killed).
run_limited() {
  local bin=$1 out=$2
  (
    ulimit -t $((CHECK_SECONDS * 2)) -f 1024 2> /dev/null
    # AddressSanitizer reserves terabytes of address space: no memory limit then.
    [[ $CFLAGS == *sanitize=address* ]] || ulimit -v 4000000 2> /dev/null
    exec timeout -k 2 "$CHECK_SECONDS" "$bin"
  ) > "$out" 2>&1 < /dev/null &
  child=$!
  { wait "$child"; rc=$?; } 2> /dev/null   # (no "Floating point exception" line from bash)
  stop_child
}

# tidy_log FILE: sets log to a suite's output FILE, tidied: every line of the
# harness ("  ok    NAME", "  FAIL  NAME" and the indented lines of a failure)
# in full; of the lines the exercise itself printed (printf while debugging),
# the first 8 before each test's result, each cut at 200 characters, and how
# many more there were. A usual output (up to 2000 lines of up to 1000 bytes)
# is read by bash itself; a longer one by awk (bash's loop would be slow
# there, and an awk costs milliseconds to start: make test tidies some 100).
tidy_log() {
  local LC_ALL=C line lines=() tidied=() mine=0 extra=0 k=0 long=0 re='  (ok    |FAIL  )[^ ]'
  mapfile -t -n 2001 lines < "$1"
  ((${#lines[@]} > 2000)) && long=1
  for line in "${lines[@]}"; do ((${#line} <= 1000)) || { long=1; break; }; done
  if ((long == 1)); then
    tidy_log_awk < "$1" > "${1%.log}.tidy"
    read_file log "${1%.log}.tidy"
    return
  fi
  for line in "${lines[@]}"; do
    k=$((k + 1))
    if ((k == 1)) || [[ $line == "        "* ]]; then tidied+=("$line")
    elif [[ $line == "  ok    "* || $line == "  FAIL  "* ]]; then tidy_more; tidied+=("$line")
    elif [[ $line =~ $re ]]; then   # a line of yours without its newline, and the harness line after it
      local before=${line%%"${BASH_REMATCH[0]}"*}
      tidy_yours "$before"
      tidy_more
      tidied+=("${line:${#before}}")
    else tidy_yours "$line"; fi
  done
  tidy_more
  local IFS=$'\n'
  log="${tidied[*]}"
  while [[ $log == *$'\n' ]]; do log=${log%$'\n'}; done
}
tidy_yours() {
  mine=$((mine + 1))
  if ((mine > 8)); then extra=$((extra + 1))
  elif ((${#1} > 200)); then tidied+=("${1:0:200} (...)")
  else tidied+=("$1"); fi
}
tidy_more() {
  ((extra > 0)) && tidied+=("  (... and $extra more lines printed by your code)")
  mine=0 extra=0
}
tidy_log_awk() {
  awk -v max=8 -v width=200 '
    function more() { if (extra > 0) printf "  (... and %d more lines printed by your code)\n", extra; mine = extra = 0 }
    function yours(text) {
      if (++mine > max) { extra++; return }
      print (length(text) > width ? substr(text, 1, width) " (...)" : text)
    }
    NR == 1 || /^        / { print; next }
    /^  (ok    |FAIL  )/ { more(); print; next }
    # a line of yours without its newline, and the harness line after it
    match($0, /  (ok    |FAIL  )[^ ]/) { yours(substr($0, 1, RSTART - 1)); more(); print substr($0, RSTART); next }
    { yours($0) }
    END { more() }'
}

# read_file VAR FILE: VAR = the text of FILE without its final newlines, as
# VAR=$(cmd) would hold cmd's output (a command writes to FILE instead: a
# $(...) costs a process). The test scripts have the same helper under the
# same name; make check, the learner's tool, sources none of them.
read_file() {
  local -n into=$1
  into=""
  IFS= read -r -d '' into < "$2"
  while [[ $into == *$'\n' ]]; do into=${into%$'\n'}; done
}

# The source to test: DIR/NAME.c. In bite mode it is the stub as shipped,
# tests/stubs/NAME.c; in a git checkout it must be committed (else the bite
# check would prove something about a file nobody else has). Sets src, or
# prints why not and returns 1.
source_of() {
  local name=$1 dir=$2
  src="$dir/$name.c"
  [[ $mode == bite ]] || return 0
  src="$stubs/$name.c"
  [[ -f $src ]] || { echo "FAIL $src is missing: every exercise needs its shipped stub there"; return 1; }
  # One git, its status of the file (none outside a git checkout): "??"
  # untracked, "!!" ignored, A (R, C) added but not committed, any other a
  # change; no line when it is committed as it is. (--no-optional-locks:
  # make test runs several of these at once, and the index is not rewritten.)
  local xy=""
  { IFS= read -r xy || [[ -n $xy ]]; } < <(git --no-optional-locks status --porcelain --ignored -- "$src" 2> /dev/null)
  xy=${xy:0:2}
  if [[ $xy == '??' || $xy == '!!' || $xy == [ARC]? ]]; then
    echo "FAIL $src is not committed: commit the stub, so the bite check tests what is shipped"; return 1
  elif [[ -n $xy ]]; then
    echo "FAIL $src has changes that are not committed: commit them (or git checkout $src)"; return 1
  fi
}

# up_to_date OBJ: true when OBJ is newer than each file its make dependency
# file OBJ.d (-MMD) names, its source and headers.
up_to_date() {
  local obj=$1 word words=()
  [[ -f $obj && -f ${obj%.o}.d ]] || return 1
  read -r -d '' -a words < "${obj%.o}.d"
  for word in "${words[@]}"; do
    [[ $word == *: || $word == "\\" ]] && continue
    [[ $obj -nt $word ]] || return 1
  done
}

# run_suite NAME DIR: compiles DIR/NAME.c, links it with the suite
# tests/exercises/test-NAME.c and runs it. Sets status (pass | fail | compile
# | link | crash | timeout | exited | output), passed, total, log, rc.
run_suite() {
  local name=$1 dir=$2 out="$BUILD/exercises/${2//\//_}" test_obj="$BUILD/obj/tests/exercises/test-$1.o"
  [[ -d $out && -d ${test_obj%/*} ]] || mkdir -p "$out" "${test_obj%/*}"
  passed=0 total=0 rc=0 log="" compile_log=""
  set_exercise_flags
  if [[ ! -f $test_obj || tests/exercises/test-$name.c -nt $test_obj ]]; then
    # shellcheck disable=SC2086
    $CC $CFLAGS -c "tests/exercises/test-$name.c" -o "$test_obj" || { status=compile; return; }
  fi
  # In solutions and bite modes the object make built from the same file
  # (the answer key, or the stub as shipped that make test's chapters link;
  # same flags, warnings as errors) stands for it when it is up to date: make
  # test builds it first, so the file is not compiled a second time.
  # Otherwise an exercise compiled before is not compiled again when its text
  # is the same (compared, not timed: a file put back with an old time is seen),
  # and the flags, and its headers are older than its object (OBJ.key holds
  # the flags and the text it was compiled from, OBJ.log what the compiler
  # said): make hint, reset and watch ask about the same file again.
  local obj="$out/$name.o" key made="$BUILD/obj/${src%.c}.o"
  key="$CC $CFLAGS $exercise_flags $LDFLAGS $LDLIBS"$'\n'"$(< "$src")"
  if [[ ($mode == solutions || $mode == bite) && -z $exercise_flags ]] && up_to_date "$made"; then
    obj=$made log=""
  elif [[ -f $obj.key && -f $obj.log && $(< "$obj.key") == "$key" ]] && up_to_date "$obj"; then
    log=$(< "$obj.log")
  else
    : > "$obj.key"
    # shellcheck disable=SC2086
    local compiled=0
    $CC $CFLAGS $exercise_flags -pipe -MMD -c "$src" -o "$obj" > "$obj.log" 2>&1 || compiled=$?
    read_file log "$obj.log"
    ((compiled == 0)) || { status=compile; return; }
    printf '%s' "$key" > "$obj.key"
  fi
  compile_log=$log   # (read by explain_warnings too)
  # The other exercises' functions (exercise 03 may call sigmoid) come from
  # the answer key, when it is built, so that each suite tests one exercise.
  local others=() o
  for o in "$BUILD"/obj/solutions/[0-9][0-9]-*.o; do
    [[ -e $o && ${o##*/} != "$name.o" ]] && others+=("$o")
  done
  # (linked again only when a part is newer than the program; the linker's
  # malloc in 2 MB pages where the kernel allows it, as the Makefile's links:
  # the same program and messages, for less processor time where page faults
  # are slow)
  local parts=("$test_obj" "$obj" "${others[@]}" "$BUILD/obj/tests/harness.o" "$BUILD/liblr.a") part linked=1
  for part in "${parts[@]}"; do [[ $out/$name -nt $part ]] || linked=0; done
  # shellcheck disable=SC2086
  if [[ $linked == 0 ]] && ! GLIBC_TUNABLES=${GLIBC_TUNABLES:+$GLIBC_TUNABLES:}glibc.malloc.hugetlb=1 \
    $CC $LDFLAGS -o "$out/$name" "${parts[@]}" -lcunit $LDLIBS > "$out/$name.link" 2>&1; then
    read_file log "$out/$name.link"
    log="$compile_log${compile_log:+$'\n'}$log" status=link; return
  fi
  : > "$out/$name.result"
  HARNESS_RESULT="$out/$name.result" run_limited "$out/$name" "$out/$name.log"
  tidy_log "$out/$name.log"
  log="$compile_log${compile_log:+$'\n'}$log"
  # The suite writes "PASSED TOTAL" to its result file as its very last act:
  # a line printed by the exercise itself cannot pass for it.
  local result=""
  running=""
  [[ -f $out/$name.result ]] && IFS= read -r result < "$out/$name.result"
  if [[ $result == "running "* ]]; then running=${result#running } result=""; fi
  if [[ $rc == 124 || $rc == 137 ]]; then status=timeout
  elif [[ $rc == 153 ]]; then status=output
  elif [[ -z $result && $rc == 0 ]]; then status=exited
  elif [[ -z $result || $rc -gt 1 ]]; then status=crash
  else
    read -r passed total <<< "$result"
    [[ $passed == "$total" && $rc == 0 ]] && status=pass || status=fail
  fi
}

# The section of exercises.h ("01") that declares function $1, or nothing.
owner_of() {
  awk -v f="$1" '/^\/\* ---- [0-9][0-9] / { s = $3 }
                 $0 ~ "[^A-Za-z0-9_]" f "\\(" && s != "" { print s; exit }' exercises/exercises.h
}

# Why the link failed, one sentence per missing or doubled function.
explain_link() {
  local nn=${name%%-*} sym owner
  for sym in $(grep -oE "multiple definition of .?[A-Za-z_][A-Za-z0-9_]*" <<< "$log" |
               sed -E 's/.* .?([A-Za-z_][A-Za-z0-9_]*)$/\1/' | sort -u); do
    owner=$(owner_of "$sym")
    echo "'$sym' is defined twice: in your file, and as exercise ${owner:-??}'s function, which the tests"
    echo "link from the answer key. Call it, do not define it again (or give your copy a name of its own)."
  done
  for sym in $(grep -oE "undefined (reference to|symbol:) .?[A-Za-z_][A-Za-z0-9_]*" <<< "$log" |
               sed -E 's/.* .?([A-Za-z_][A-Za-z0-9_]*)$/\1/' | sort -u); do
    owner=$(owner_of "$sym")
    if [[ $owner == "$nn" ]]; then
      echo "'$sym' is one of this exercise's functions, declared in exercises/exercises.h, but your file does"
      echo "not define it: is it spelled exactly as there, and not static? (Deleting a function to start over"
      echo "removes it too: make reset EX=$nn brings back the stub, keeping yours in .backup/.)"
    elif [[ -n $owner ]]; then
      echo "'$sym' is exercise $owner's function, and it is not linked in here. Write what you need in"
      echo "this file, as a static function with a name of its own (static double sigma(double z), say)."
    else
      echo "'$sym' is not defined anywhere: is its name misspelled? Compare it with exercises/exercises.h"
      echo "and with the C library (exp, log and sqrt come from <math.h>)."
    fi
  done
}

# What the compiler's warnings mean, before the tests' messages (which see
# only the garbage such a mistake hands back).
explain_warnings() {
  if [[ ${compile_log:-} =~ Wreturn-type|no\ return\ statement ]]; then
    echo "${red}A function has no return${off} on some path (see the compiler's warning below): it"
    echo "hands back garbage there, whatever the tests then say about its numbers. Fix that first."
  fi
  if [[ ${compile_log:-} =~ Wmaybe-uninitialized|Wuninitialized|Wsometimes-uninitialized ]]; then
    echo "${red}A variable is used before it is given a value${off} (the compiler's warning below):"
    echo "did every sum start at 0? Without \"= 0\" it starts from whatever was in memory."
  fi
}

explain() {
  [[ -n ${running:-} ]] && echo "It stopped in the test: $running"
  case $status in
    compile)
      echo "It does not compile yet; the compiler's messages are below (file:line: what is wrong)."
      if [[ $log == *"array subscript is not an integer"* ]]; then
        echo "An index must be a whole number: the labels y are stored as doubles, so write (size_t)y[i]"
        echo "where a label picks an entry."
      fi
      local re="static declaration of [^"$'\n'"]* follows non-static"
      if [[ $log =~ $re ]]; then
        echo "A function named in exercises/exercises.h cannot be redefined as static here: give your helper"
        echo "a name of its own (static double sigma(double z), say)."
      fi;;
    link) echo "It compiles, but the program cannot be put together (linked):"; explain_link;;
    crash)
      case $rc in
        136) echo "The test program crashed: a division by zero in whole numbers (size_t or int). Does some"
             echo "count end up 0? Decide what the answer is then, and divide as doubles.";;
        134) echo "The test program stopped itself (abort): an assert failed, or the sanitizer found a bug above.";;
        152) echo "The test program used more than $((CHECK_SECONDS * 2)) s of processor time: is there a loop that never ends?";;
        *)   echo "The test program crashed (exit status $rc) before it could finish: often an index past the"
             echo "end of an array, or a NULL pointer.";;
      esac
      [[ $CFLAGS == *sanitize* ]] || echo "To see the line:  make check EX=${name%%-*} SANITIZE=1";;
    exited)
      echo "The test program stopped before its tests had finished, with exit status $rc: does your code"
      echo "call exit()? A function hands back its answer with return, and the tests go on.";;
    output) echo "The test program printed more than 1 MB and was stopped: is there a printf inside a loop?";;
    timeout) echo "The tests did not finish in $CHECK_SECONDS s and were stopped: is there a loop that never ends?";;
  esac
}

# ---- learner mode: one exercise ---------------------------------------------

# payoff NAME: once the suite passes, run the exercise's chapter on the
# learner's code (plots off) and show the lines that say how it went (the
# first, and the indented lines that go on from it).
payoff() {
  local nn=${1%%-*} out args
  [[ $EXERCISES == exercises && -e chapters/$1.c ]] || return 0
  make -s "chapter-$nn" > /dev/null 2>&1 || return 0
  # a chapter that times itself runs with the quicker arguments of tests/quick-args.txt
  read -ra args <<< "$(awk -v nn="$nn" '$1 == nn { $1 = ""; print }' tests/quick-args.txt 2> /dev/null)"
  out=$(LR_PLOT=none timeout 120 "./chapter-$nn" "${args[@]}" 2> /dev/null)
  awk '/^(your code reproduces|your numbers first differ|exercise [0-9]+ (is not done|does not compile)|chapter [0-9]+ runs your exercise)/ { on = 1; print; next }
       on && (/^  [^ ]/ || /^    [^ ]/) { print; next } { on = 0 }' <<< "$out"
}

missing() {
  echo "${red}exercises/$1.c is missing.${off} make reset EX=${1%%-*} brings back the stub."
}

# failing_others VERDICT: the other exercises the chapter runs, named in
# its verdict ("also runs your exercises 01 and 02"): one that fails its own
# tests is where to look first.
failing_others() {
  local others mm st p total_mm
  [[ -n $1 ]] || return 0
  others=$(tr -s ' \n' '  ' <<< "$1" | grep -oE 'also runs your exercises? [0-9, and]+' | grep -oE '[0-9]{2}')
  for mm in $others; do
    read -r st p total_mm <<< "$(scripts/check.sh status "$mm")"
    [[ $st == pass ]] && continue
    [[ $st == fail ]] && st="$p of its $total_mm tests pass" || st="its tests cannot run ($st)"
    echo "${red}Exercise $mm (this chapter runs it too): $st;${off}"
    echo "  make check EX=$mm says what is wrong."
  done
}

# progressed NAME: true when $PROGRESS lists NAME (exercises that passed once).
progressed() {
  local line
  while IFS= read -r line; do [[ $line == "$1" ]] && return 0; done < "$PROGRESS"
  return 1
}

# learner_one NAME: what make check EX=NN prints for exercise NAME (the
# compiler's and the tests' messages, and what they mean), then exits: 0 when
# every test passes. (tests/exercises/mistakes.sh calls it on wrong answers.)
learner_one() {
  local name=$1 todo k line lines verdict
  : >> "$PROGRESS"   # (created if missing)
  [[ -f $EXERCISES/$name.c ]] || { missing "$name"; exit 1; }
  source_of "$name" "$EXERCISES"
  run_suite "$name" "$EXERCISES"
  # Why it could not build: before the compiler's words. Why it stopped:
  # after the tests it got through.
  [[ $status == compile || $status == link ]] && explain
  [[ $status != compile ]] && explain_warnings
  echo "$log"
  [[ $status != pass && $status != fail && $status != compile && $status != link ]] && explain
  echo
  if [[ $status != pass && $status != fail ]]; then
    echo "${red}Exercise $name: the tests could not run ($status).${off} Fix exercises/$name.c and run make check EX=${name%%-*} again."
    exit 1
  fi
  if [[ $status == pass ]]; then
    # A TODO() line left in: the tests ran the code after it, but the
    # chapters take the function for unwritten and run the library's.
    todo="" k=0
    while IFS= read -r line || [[ -n $line ]]; do
      k=$((k + 1))
      [[ $line =~ ^[[:space:]]*TODO\(\)\; ]] && todo+="${todo:+, }$k"
    done < "$EXERCISES/$name.c"
    if [[ -n $todo ]]; then
      lines=line; [[ $todo == *,* ]] && lines=lines
      echo "${green}${bold}Exercise $name: all $total tests pass.${off} One step left: delete the TODO()"
      echo "$lines at exercises/$name.c:$todo, so that the chapters run your code."
    else
      echo "${green}${bold}Exercise $name: all $total tests pass.${off} Well done."
      verdict=""
      [[ $EXERCISES == exercises ]] && verdict=$(payoff "$name")
      [[ -n $verdict ]] && echo "$verdict"
      failing_others "$verdict"
    fi
    progressed "$name" || echo "$name" >> "$PROGRESS"
    echo "Compare with the answer key if you like: solutions/$name.c"
    exit 0
  fi
  echo "${red}Exercise $name: $passed of $total tests pass.${off} Edit exercises/$name.c and run make check EX=${name%%-*} again."
  echo "Stuck? make hint EX=${name%%-*}"
  exit 1
}

# ---- the modes ---------------------------------------------------------------

case $mode in
solutions|bite)
  dir=$stubs
  [[ $mode == solutions ]] && dir=solutions
  # make test builds the library and the harness first; run by hand on a
  # fresh clone, say what to run rather than fail to link.
  for part in "$BUILD/liblr.a" "$BUILD/obj/tests/harness.o"; do
    [[ -f $part ]] && continue
    step=solution
    [[ $mode == bite ]] && step=stub
    echo "$part is not built: make test ONLY='$step${only:+ $only}' builds it and runs this check"
    exit 2
  done
  bad=0
  for name in "${exercises[@]}"; do
    source_of "$name" "$dir" || { bad=1; continue; }
    run_suite "$name" "$dir"
    if [[ $mode == solutions && $status == pass ]]; then
      echo "ok   solutions/$name.c passes all $total tests"
    elif [[ $mode == bite && $status == fail && $passed == 0 ]]; then
      echo "ok   $src fails all $total tests, as a stub should"
    else
      bad=1
      if [[ $mode == bite && $status == fail ]]; then
        echo "FAIL $src passes $passed of its $total tests: a stub should pass none (which tests pass?)"
        echo "$log" | grep '^  ok ' | sed 's/^/     /'
      elif [[ $mode == bite && $status == pass ]]; then
        echo "FAIL $src passes all its tests: the suite cannot tell a stub from an answer"
      else
        echo "FAIL $src: $status"; explain | sed 's/^/     /'; echo "$log" | sed 's/^/     /'
      fi
    fi
  done
  exit $bad;;
stubs)
  bad=0
  for name in "${exercises[@]}"; do
    cmp -s "$stubs/$name.c" "exercises/$name.c" && continue
    echo "FAIL $stubs/$name.c differs from exercises/$name.c: the shipped stub and its copy must match"
    echo "     (after changing a stub: cp exercises/$name.c $stubs/)"
    bad=1
  done
  if [[ $bad == 0 ]]; then
    if [[ ${#exercises[@]} == 1 ]]; then echo "ok   $stubs/${exercises[0]}.c equals exercises/${exercises[0]}.c"
    else echo "ok   $stubs/ equals exercises/: ${#exercises[@]} stubs"; fi
  fi
  exit $bad;;
status)
  name=${exercises[0]}
  [[ -f $EXERCISES/$name.c ]] || { echo "missing 0 0"; exit 0; }
  source_of "$name" "$EXERCISES"
  run_suite "$name" "$EXERCISES"
  echo "$status $passed $total"
  exit 0;;
next)
  for name in "${exercises[@]}"; do
    [[ -f $EXERCISES/$name.c ]] || { echo "$name"; exit 0; }
    source_of "$name" "$EXERCISES"
    run_suite "$name" "$EXERCISES"
    [[ $status == pass ]] || { echo "$name"; exit 0; }
  done
  exit 1;;
learner) ;;
functions) return 0;;   # source scripts/check.sh functions: the functions above, for tests
*) echo "usage: check.sh learner|solutions|bite|stubs|status|next [NN]"; exit 2;;
esac

# ---- learner mode: the table ------------------------------------------------

[[ -n $only ]] && learner_one "${exercises[0]}"
: >> "$PROGRESS"
done_count=0 next=""
printf '%s%-28s %-8s %s%s\n' "$bold" "exercise" "result" "tests" "$off"
for name in "${exercises[@]}"; do
  if [[ -f $EXERCISES/$name.c ]]; then
    source_of "$name" "$EXERCISES"
    run_suite "$name" "$EXERCISES"
  else
    status=missing
  fi
  note=""
  case $status in
    pass) colour=$green word=PASS; done_count=$((done_count + 1))
          progressed "$name" || { echo "$name" >> "$PROGRESS"; note="  (new!)"; };;
    fail) colour=$red word=FAIL;;
    compile) colour=$red word=FAIL note="  (does not compile)";;
    link) colour=$red word=FAIL note="  (does not link)";;
    crash) colour=$red word=FAIL note="  (crashed)";;
    exited) colour=$red word=FAIL note="  (stopped early)";;
    output) colour=$red word=FAIL note="  (too much output)";;
    timeout) colour=$red word=FAIL note="  (timed out)";;
    missing) colour=$red word=FAIL note="  (file missing: make reset EX=${name%%-*})";;
  esac
  [[ $status != pass && -z $next ]] && next=$name
  score="$passed/$total"
  [[ $status != pass && $status != fail ]] && score="-"
  printf '%-28s %s%-8s%s %s%s\n' "$name" "$colour" "$word" "$off" "$score" "$note"
done
echo
echo "${bold}$done_count/${#exercises[@]} exercises done.${off}"
if [[ -z $next ]]; then
  echo "${green}Every exercise passes. You have written logistic regression from scratch.${off}"
  exit 0
fi
nn=${next%%-*}
echo "Next: open exercises/$next.c, then run:  make check EX=$nn   (a nudge: make hint EX=$nn)"
exit 1
