#!/usr/bin/env bash
# mistakes.sh [FILE]: feed each exercise suite the wrong answers listed in
# tests/exercises/mistakes.txt and check what `make check EX=NN` says about
# each: the words it must say, the words it must not, the status, and how
# long it may take. Each mistake is a solution (or the stub) with a few
# exact-text replacements, so the list reads as "a learner wrote this instead
# of that". Run by make test, four cases at a time.
set -u
list=${1:-tests/exercises/mistakes.txt}
: "${BUILD:?run this through make test}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
jobs_max=4
# The wrong exercises are compiled without optimisation (faster, same numbers:
# no fused multiply-add either way).
cflags=${CFLAGS:-}
cflags=${cflags/-O2/-O0}
cflags=${cflags/-g /}

# The cases, one file each in $tmp/cases/K: the lines of one "case" block.
mkdir -p "$tmp/cases"
awk -v dir="$tmp/cases" '
  /^case / { k++ }
  k > 0 && !/^#/ && NF > 0 { print > (dir "/" sprintf("%03d", k)) }' "$list"

# run_case FILE: builds the wrong exercise, runs check.sh on it, and writes
# "ok ..." or "FAIL ..." lines to FILE.out.
run_case() {
  local spec=$1 nn title base=solution file text from="" key rest status_want=fail within=60 case_flags=""
  local -a expects=() rejects=()
  read -r _ nn title < "$spec"
  local work="$tmp/work-$(basename "$spec")"
  mkdir -p "$work"
  file=$(cd solutions && ls "$nn"-*.c)
  grep -qx 'base stub' "$spec" && base=stub
  [[ $base == stub ]] && text=$(< "tests/stubs/$file") || text=$(< "solutions/$file")
  while IFS= read -r line; do
    key=${line%% *} rest=""
    [[ $line == *" "* ]] && rest=${line#* }
    rest=${rest//\\n/$'\n'}
    case $key in
      from) from=$rest;;
      to)
        [[ $text == *"$from"* ]] || { echo "FAIL $nn $title: the text to replace is not in the $base: $from"; return; }
        text=${text/"$from"/"$rest"};;
      append) text+=$'\n'"$rest";;
      status) status_want=$rest;;
      expect) expects+=("$rest");;
      reject) rejects+=("$rest");;
      within) within=$rest;;
      cflags) case_flags=$rest;;
    esac
  done < <(tail -n +2 "$spec")
  printf '%s\n' "$text" > "$work/$file"
  local out start=$SECONDS
  out=$(EXERCISES="$work" PROGRESS="$work/.progress" CHECK_SECONDS=2 CFLAGS="$cflags $case_flags" \
        scripts/check.sh learner "$nn" 2>&1)
  local status=fail
  grep -qE '^Exercise [^ ]+: all [0-9]+ tests pass\.' <<< "$out" && status=pass
  [[ $out =~ the\ tests\ could\ not\ run\ \(([a-z]+)\) ]] && status=${BASH_REMATCH[1]}
  local bad=0 e
  ((SECONDS - start <= within)) || { echo "FAIL $nn $title: took $((SECONDS - start)) s, more than $within"; bad=1; }
  [[ $status == "$status_want" ]] || { echo "FAIL $nn $title: status $status, expected $status_want"; bad=1; }
  for e in "${expects[@]}"; do
    grep -qF -- "$e" <<< "$out" || { echo "FAIL $nn $title: make check EX=$nn does not say: $e"; bad=1; }
  done
  for e in "${rejects[@]}"; do
    grep -qF -- "$e" <<< "$out" && { echo "FAIL $nn $title: make check EX=$nn says, wrongly: $e"; bad=1; }
  done
  if [[ $bad == 0 ]]; then echo "ok   $nn $title${TIMES:+ ($((SECONDS - start)) s)}"
  else echo "$out" | sed 's/^/     | /'; fi
}

for spec in "$tmp"/cases/*; do
  while (($(jobs -rp | wc -l) >= jobs_max)); do wait -n; done
  run_case "$spec" > "$spec.out" 2>&1 &
done
wait
cat "$tmp"/cases/*.out
! grep -q '^FAIL' "$tmp"/cases/*.out
