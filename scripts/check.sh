#!/usr/bin/env bash
# check.sh MODE [NN]: build each exercise's CUnit suite and run it.
#   learner    against exercises/: a progress table, or with NN one exercise
#              with its failure messages in full (make check, make check EX=NN)
#   solutions  against solutions/: every suite must pass          (make test)
#   bite       against the shipped stubs: every suite must FAIL   (make test)
# Uses CC, CFLAGS, LDFLAGS, LDLIBS and BUILD from the Makefile.
set -u
mode=$1 only=${2:-}
: "${CC:=cc}" "${BUILD:=build/learn}" "${LDLIBS:=-lm}" "${LDFLAGS:=}"
: "${CFLAGS:=-std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Ilib -Iexercises -Itests}"
progress=.progress
red=$'\e[31m' green=$'\e[32m' bold=$'\e[1m' off=$'\e[0m'
[[ -t 1 ]] || red="" green="" bold="" off=""

exercises=()
for f in exercises/[0-9][0-9]-*.c; do exercises+=("$(basename "$f" .c)"); done
if [[ -n $only ]]; then
  only=${only%%-*}   # EX=03-gradient-descent is fine too
  [[ $only =~ ^[0-9]{1,2}$ ]] || { echo "EX=$2: expected an exercise number like 03"; exit 2; }
  only=$(printf '%02d' "$((10#$only))")
  match=$(printf '%s\n' "${exercises[@]}" | grep "^$only-") || {
    echo "There is no exercise $only; the exercises are: ${exercises[*]}"; exit 2; }
  exercises=("$match")
fi

# The source to test: DIR/NAME.c, except in bite mode, where it is the stub
# as shipped (from git, when this is a git checkout), not the learner's work.
source_of() {
  local name=$1 dir=$2
  if [[ $mode == bite ]] && git cat-file -e "HEAD:exercises/$name.c" 2> /dev/null; then
    mkdir -p "$BUILD/stubs"
    git show "HEAD:exercises/$name.c" > "$BUILD/stubs/$name.c"
    echo "$BUILD/stubs/$name.c"
  else
    echo "$dir/$name.c"
  fi
}

# run_suite NAME DIR: compiles tests/exercises/test-NAME.c with DIR/NAME.c and
# runs it. Sets: status (pass|fail|compile|crash|timeout), passed, total, log.
run_suite() {
  local name=$1 dir=$2 bin="$BUILD/exercises/$1-$2" src
  mkdir -p "$BUILD/exercises"
  passed=0 total=0
  src=$(source_of "$name" "$dir")
  # shellcheck disable=SC2086
  if ! log=$($CC $CFLAGS -Iexercises -o "$bin" "tests/exercises/test-$name.c" "$src" \
               "$BUILD/obj/tests/harness.o" "$BUILD/liblr.a" $LDFLAGS -lcunit $LDLIBS 2>&1); then
    status=compile; return
  fi
  local compile_log=$log
  log=$(timeout 30 "$bin" 2>&1); rc=$?
  log="$compile_log${compile_log:+$'\n'}$log"
  local result
  result=$(grep '^RESULT ' <<< "$log" | tail -n 1)
  if [[ $rc == 124 ]]; then status=timeout
  elif [[ -z $result || $rc -gt 1 ]]; then status=crash
  else
    read -r _ passed total <<< "$result"
    [[ $passed == "$total" ]] && status=pass || status=fail
  fi
}

explain() {
  case $status in
    compile)
      echo "It does not compile yet; the compiler's messages are below (file:line: what is wrong)."
      grep -q 'undefined reference' <<< "$log" &&
        echo "'undefined reference to X' means a function X is declared in exercises.h but not defined: is its name misspelled?"
      ;;
    crash)
      case $rc in
        136) echo "The test program crashed: a division by zero in whole numbers (size_t or int). Does some"
             echo "count end up 0? Decide what the answer is then, and divide as doubles.";;
        134) echo "The test program stopped itself (abort): an assert failed, or the sanitizer found a bug above.";;
        *)   echo "The test program crashed (exit status $rc) before it could finish: often an index past the"
             echo "end of an array, or a NULL pointer.";;
      esac
      [[ $CFLAGS == *sanitize* ]] || echo "To see the line:  make check EX=${name%%-*} SANITIZE=1";;
    timeout) echo "The tests did not finish in 30 s: is there a loop that never ends?";;
  esac
}

case $mode in
solutions|bite)
  dir=$([[ $mode == solutions ]] && echo solutions || echo exercises)
  bad=0
  for name in "${exercises[@]}"; do
    run_suite "$name" "$dir"
    if [[ $mode == solutions && $status == pass ]]; then
      echo "ok   solutions/$name.c passes all $total tests"
    elif [[ $mode == bite && $status == fail ]]; then
      echo "ok   exercises/$name.c as shipped fails $((total - passed)) of $total tests, as a stub should"
    else
      bad=1
      if [[ $mode == bite && $status == pass ]]; then
        echo "FAIL exercises/$name.c as shipped passes all its tests: the suite cannot tell a stub from an answer"
      else
        echo "FAIL $dir/$name.c: $status"; echo "$log" | sed 's/^/     /'
      fi
    fi
  done
  exit $bad;;
learner) ;;
*) echo "usage: check.sh learner|solutions|bite [NN]"; exit 2;;
esac

# ---- learner mode -----------------------------------------------------------
touch "$progress"
if [[ -n $only ]]; then
  name=${exercises[0]}
  run_suite "$name" exercises
  [[ $status == compile || $status == crash || $status == timeout ]] && explain
  echo "$log" | grep -v '^RESULT '
  echo
  if [[ $status == compile || $status == crash || $status == timeout ]]; then
    echo "${red}Exercise $name: the tests could not run ($status).${off} Fix exercises/$name.c and run make check EX=${name%%-*} again."
    exit 1
  fi
  if [[ $status == pass ]]; then
    echo "${green}${bold}Exercise $name: all $total tests pass.${off} Well done."
    grep -q "^$name\$" "$progress" || echo "$name" >> "$progress"
    echo "Compare with the answer key if you like: solutions/$name.c"
    exit 0
  fi
  echo "${red}Exercise $name: $passed of $total tests pass.${off} Edit exercises/$name.c and run make check EX=${name%%-*} again."
  echo "Stuck? make hint EX=${name%%-*}"
  exit 1
fi

done_count=0 next=""
printf '%s%-28s %-8s %s%s\n' "$bold" "exercise" "result" "tests" "$off"
for name in "${exercises[@]}"; do
  run_suite "$name" exercises
  note=""
  case $status in
    pass) colour=$green word=PASS; done_count=$((done_count + 1))
          grep -q "^$name\$" "$progress" || { echo "$name" >> "$progress"; note="  (new!)"; };;
    fail) colour=$red word=FAIL;;
    compile) colour=$red word=FAIL note="  (does not compile)";;
    crash) colour=$red word=FAIL note="  (crashed)";;
    timeout) colour=$red word=FAIL note="  (timed out)";;
  esac
  [[ $status != pass && -z $next ]] && next=$name
  score="$passed/$total"
  [[ $status == compile || $status == crash || $status == timeout ]] && score="-"
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
