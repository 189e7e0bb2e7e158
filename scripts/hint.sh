#!/usr/bin/env bash
# hint.sh [NN]: print the hint for exercise NN (docs/hints/NN-*.md), or for
# the first exercise that does not pass yet. The hint is a nudge; with MORE=1
# also its second part, close to a recipe (the <details> block of the file).
# Then what is true of the exercise now: how many of its tests pass (it runs
# them), and once all pass, where the answer key is. Exits 0.
set -u
: "${EXERCISES:=exercises}"
ex=${1:-}
if [[ -z $ex ]]; then
  next=$(scripts/check.sh next) || {
    echo "Every exercise passes, so there is nothing to hint at. The answer keys are in solutions/."; exit 0; }
  ex=${next%%-*}
  echo "(No EX= given: exercise $ex is the first that does not pass yet.)"
fi
ex=${ex%%-*}
[[ $ex =~ ^[0-9]{1,2}$ ]] || { echo "EX=$1: expected an exercise number like 03"; exit 2; }
printf -v nn '%02d' "$((10#$ex))"
hint=""
for f in docs/hints/"$nn"-*.md; do [[ -f $f ]] && hint=$f && break; done
[[ -n $hint ]] || { echo "There is no hint for exercise $nn; the hints are in docs/hints/."; exit 2; }
name=${hint##*/}
name=${name%.md}

# The text without its front matter; the <details> part only with MORE=1.
awk -v more="${MORE:-}" -v nn="$nn" '
  NR == 1 && /^---$/ { fm = 1; next }
  fm { if (/^---$/) fm = 0
       else if (/^title: /) { t = $0; sub(/^title: "?/, "", t); sub(/"$/, "", t); print t }
       next }
  /^<details>/ { details = 1; has_more = 1; next }
  /^<\/details>/ { details = 0; next }
  details && /^<summary>/ {
    if (more == 1) { gsub(/<\/?summary>/, ""); print "-- " $0 " --" }
    next }
  details && more != 1 { next }
  { print }
  END { if (has_more && more != 1) print "\nNot enough? A more detailed hint:  make hint EX=" nn " MORE=1" }
' "$hint"

echo
read -r status passed total <<< "$(scripts/check.sh status "$nn")"
case $status in
  pass) echo "Your exercises/$name.c passes all $total tests now. The answer key is solutions/$name.c: compare it with yours.";;
  fail) echo "Right now exercises/$name.c passes $passed of its $total tests: make check EX=$nn shows what fails.";;
  missing) echo "exercises/$name.c is missing: make reset EX=$nn brings back the stub.";;
  *) echo "Right now exercises/$name.c cannot be tested ($status): make check EX=$nn says why.";;
esac
exit 0
