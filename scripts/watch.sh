#!/usr/bin/env bash
# watch.sh [NN]: re-run `make check EX=NN` every time a file in exercises/ is
# saved (without NN: the first exercise that does not pass yet). Uses
# inotifywait (Debian package inotify-tools) when it is there.
set -u
ex=${1:-}
if [[ -z $ex ]]; then
  next=$(scripts/check.sh next) || { echo "Every exercise passes: name one to watch, make watch EX=NN."; exit 0; }
  ex=${next%%-*}
fi
# A save made while a check runs is noticed too: each run starts by marking
# the time (stamp), and a file saved after it starts the next run at once.
stamp=$(mktemp)
trap 'rm -f "$stamp"' EXIT
run() {
  touch "$stamp"
  clear 2> /dev/null || true
  make --no-print-directory check EX="$ex"
  echo
  echo "Watching exercises/ for saves: each one runs make check EX=$ex again. Stop with Ctrl-C."
}
if ! command -v inotifywait > /dev/null; then
  echo "make watch needs inotifywait (sudo apt-get install inotify-tools)."
  echo "Without it, run this after each save:  make check EX=$ex"
  exit 1
fi
saved_during_run() { [[ -n $(find exercises -maxdepth 1 -name '*.c' -newer "$stamp" 2> /dev/null) ]]; }
run
while saved_during_run || inotifywait -qq -e close_write,moved_to exercises/; do run; done
echo "inotify stopped working here (some shared folders do not support it)."
echo "Run this after each save instead:  make check EX=$ex"
