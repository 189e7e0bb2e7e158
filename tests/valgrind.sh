#!/usr/bin/env bash
# valgrind.sh BUILD PROGRAM...: run each chapter program (drawing PNG plots)
# and each lib test under valgrind's memcheck. Any invalid read or write, use of an
# uninitialised value, or leaked block (definitely, indirectly or possibly
# lost) fails it, except what tests/valgrind.supp explains. Prints each
# program's summary lines; exits non-zero when any of them failed. Run by
# `make valgrind`.
set -u
build=$1; shift
logs="$build/valgrind"
mkdir -p "$logs"
failed=0
for bin in "$@"; do
  prog=$(basename "$bin")
  log="$logs/$prog.log"
  # the quicker arguments of tests/quick-args.txt, for a chapter listed there
  args=$(awk -v nn="${prog#chapter-}" '$1 == nn { $1 = ""; print }' tests/quick-args.txt)
  # shellcheck disable=SC2086  # the arguments are words
  LR_PLOT=png LR_PLOT_DIR="$logs/plots" valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
    --show-leak-kinds=all --errors-for-leak-kinds=definite,indirect,possible \
    --suppressions=tests/valgrind.supp --log-file="$log" "$bin" $args > "$logs/$prog.out" 2> "$logs/$prog.err"
  rc=$?
  summary=$(sed -n 's/^==[0-9]*== //p' "$log" | grep -E 'ERROR SUMMARY|All heap blocks|definitely lost' |
            sed 's/ *(suppressed: [0-9]* from [0-9]*)//; s/^ *//' | sort | paste -sd ';' | sed 's/;/; /g')
  if [[ $rc != 0 ]]; then
    failed=$((failed + 1)); echo "FAIL  $prog (exit $rc): $summary"
    echo "      (run it again with --track-origins=yes to see where an uninitialised value came from)"
    sed -n 's/^==[0-9]*== //p' "$log" | head -60
  else
    echo "ok    $prog: $summary"
  fi
done
echo "valgrind: $# programs, $failed failed"
[[ $failed == 0 ]]
