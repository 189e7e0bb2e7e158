#!/usr/bin/env bash
# ctrl-c.sh: Ctrl-C during `make check` stops a hanging test at once. The
# terminal sends SIGINT to the whole foreground process group; this script
# does the same to a check.sh started in a group of its own, on an exercise
# that never returns, and checks that check.sh is gone within 10 s (not after
# its 30 s limit) and took the test program with it. Run by make test.
set -u
: "${BUILD:?run this through make test}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
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
for _ in $(seq 100); do [[ -s $tmp/pid ]] && break; sleep 0.1; done
[[ -s $tmp/pid ]] || { echo "FAIL the hanging test never started"; cat "$tmp/out"; exit 1; }
test_pid=$(< "$tmp/pid")
start=$(date +%s%N)
kill -INT -- "-$group"
for _ in $(seq 100); do kill -0 "$group" 2> /dev/null || break; sleep 0.1; done
ms=$((($(date +%s%N) - start) / 1000000))
bad=0
if kill -0 "$group" 2> /dev/null; then
  echo "FAIL make check still runs 10 s after Ctrl-C"; kill -KILL -- "-$group" 2> /dev/null; bad=1
else
  wait "$group"; rc=$?
  echo "ok   make check stopped $ms ms after Ctrl-C, exit status $rc"
  [[ $rc == 130 ]] || { echo "FAIL exit status $rc after Ctrl-C, expected 130"; bad=1; }
fi
# (a killed process lingers as a zombie until it is reaped: give it a moment)
for _ in $(seq 20); do kill -0 "$test_pid" 2> /dev/null || break; sleep 0.1; done
if kill -0 "$test_pid" 2> /dev/null; then
  echo "FAIL the test program ($test_pid) outlived make check"; kill -KILL "$test_pid"; bad=1
else
  echo "ok   the test program is gone too"
fi
exit $bad
