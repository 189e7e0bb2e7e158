#!/usr/bin/env bash
# ctrl-c.sh: Ctrl-C during `make check` stops a hanging test at once. The
# terminal sends SIGINT to the whole foreground process group; this script
# does the same to a check.sh started in a group of its own, on an exercise
# that never returns, and checks that check.sh is gone within 10 s (not after
# its 30 s limit) and took the test program with it. Run by make test.
# (It waits with bash's own read -t on a pipe, not with sleep processes: the
# test program announces itself through a FIFO.)
set -u
: "${BUILD:?run this through make test}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkfifo "$tmp/pid"
exec {pid_fifo}<> "$tmp/pid"   # (read-write: opening it blocks neither side)
exec {nap}<> <(:)              # read -t on it: a pause without a process
cat > "$tmp/01-sigmoid.c" << C
#include <stdio.h>
#include <unistd.h>
#include "exercises.h"
double sigmoid(double z) {
    FILE *f = fopen("$tmp/pid", "w");
    if (f != NULL) fprintf(f, "%d\n", (int)getpid()), fclose(f);
    volatile int spin = 1;
    while (spin) {}
    return z;
}
double sigmoid_derivative(double z) { return z; }
C
# A background job of a script ignores SIGINT; --default-signal undoes that,
# as a terminal's foreground job has it.
EXERCISES=$tmp PROGRESS=$tmp/progress CHECK_SECONDS=30 \
  env --default-signal=INT setsid scripts/check.sh learner 01 > "$tmp/out" 2>&1 &
group=$!
test_pid=""
# (the compiler and the linker first: a minute at most, even on a busy machine)
read -r -t 60 -u "$pid_fifo" test_pid
[[ -n $test_pid ]] || { echo "FAIL the hanging test did not start within 60 s"; cat "$tmp/out"; exit 1; }
start=$EPOCHREALTIME
kill -INT -- "-$group"
for ((i = 0; i < 200; i++)); do kill -0 "$group" 2> /dev/null || break; read -r -t 0.05 -u "$nap"; done
now=$EPOCHREALTIME
ms=$(((${now//[.,]/} - ${start//[.,]/}) / 1000))   # (microseconds, whatever the decimal point)
bad=0
if kill -0 "$group" 2> /dev/null; then
  echo "FAIL make check still runs 10 s after Ctrl-C"; kill -KILL -- "-$group" 2> /dev/null; bad=1
else
  wait "$group"; rc=$?
  echo "ok   make check stopped $ms ms after Ctrl-C, exit status $rc"
  [[ $rc == 130 ]] || { echo "FAIL exit status $rc after Ctrl-C, expected 130"; bad=1; }
fi
# (a killed process lingers as a zombie until it is reaped: give it a moment)
for ((i = 0; i < 40; i++)); do kill -0 "$test_pid" 2> /dev/null || break; read -r -t 0.05 -u "$nap"; done
if kill -0 "$test_pid" 2> /dev/null; then
  echo "FAIL the test program ($test_pid) outlived make check"; kill -KILL "$test_pid"; bad=1
else
  echo "ok   the test program is gone too"
fi
exit $bad
