#!/usr/bin/env bash
# reset.sh [NN]: put exercises/NN-*.c back to the stub as shipped (the copy
# in tests/stubs/, so it works without git too), after showing how much would
# be lost and asking. Your version is kept in .backup/ (which make clean does
# not touch), one file per reset, never overwritten. A deleted exercise file
# is simply brought back. Without NN: the first exercise that does not pass.
set -u
: "${EXERCISES:=exercises}"
ex=${1:-}
if [[ -z $ex ]]; then
  next=$(scripts/check.sh next) || { echo "Every exercise passes: name the one to reset, make reset EX=NN."; exit 2; }
  ex=${next%%-*}
  echo "(No EX= given: exercise $ex is the first that does not pass yet.)"
fi
ex=${ex%%-*}
[[ $ex =~ ^[0-9]{1,2}$ ]] || { echo "EX=$1: expected an exercise number like 03"; exit 2; }
printf -v nn '%02d' "$((10#$ex))"
stub=""
for f in tests/stubs/"$nn"-*.c; do [[ -f $f ]] && stub=$f && break; done
[[ -n $stub ]] || { echo "There is no exercise $nn; the exercises are: $(cd tests/stubs && echo *.c)"; exit 2; }
file=$EXERCISES/${stub##*/}
if [[ ! -f $file ]]; then
  cp "$stub" "$file"
  echo "$file was missing: it is back as shipped."
  exit 0
fi
if cmp -s "$stub" "$file"; then echo "$file is already the shipped stub."; exit 0; fi
changed=$(diff "$stub" "$file" | grep -c '^[<>]')
echo "This puts $file back as shipped: $changed lines of yours differ from the stub."
if [[ -t 0 ]]; then
  read -r -p "Reset it? Your version is kept in .backup/. [y/N] " answer
  [[ $answer == [yY]* ]] || { echo "Nothing changed."; exit 0; }
elif [[ ${YES:-} != 1 ]]; then
  echo "Not a terminal, so not asking: run make reset EX=$nn YES=1 to go ahead."; exit 0
fi
mkdir -p .backup
name=${file##*/}
printf -v base '.backup/%s-%(%Y%m%d-%H%M%S)T' "${name%.c}" -1   # (the date, without a process)
backup=$base.c k=1
while [[ -e $backup ]]; do k=$((k + 1)); backup=$base-$k.c; done
cp "$file" "$backup"
cp "$stub" "$file"
echo "Done. Your version is in $backup."
