#!/usr/bin/env bash
# hint.sh NN: print the hint for exercise NN (docs/hints/NN-*.md). Once the
# exercise has passed (make check remembers), point to the answer key too.
set -u
ex=${1:-}
[[ -n $ex ]] || { echo "Which exercise? For example: make hint EX=02"; exit 2; }
ex=${ex%%-*}
[[ $ex =~ ^[0-9]{1,2}$ ]] || { echo "EX=$1: expected an exercise number like 03"; exit 2; }
nn=$(printf '%02d' "$((10#$ex))")
hint=$(ls docs/hints/"$nn"-*.md 2> /dev/null | head -n 1)
[[ -n $hint ]] || { echo "There is no hint for exercise $nn; the hints are in docs/hints/."; exit 2; }
# Drop the front matter; show the rest as it is.
awk 'NR == 1 && /^---$/ { fm = 1; next } fm && /^---$/ { fm = 0; next } !fm' "$hint"
name=$(basename "$hint" .md)
if grep -qx "$name" .progress 2> /dev/null; then
  echo
  echo "You have passed this one. The answer key is solutions/$name.c: compare it with yours."
fi
