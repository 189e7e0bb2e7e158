# Chapter 11: the fast epochs give the two-pass epoch's numbers (fused and
# four-rows to the bit, vector, threads and together within their bounds), every
# available variant is timed, the read floor is measured, and the plots are
# drawn. Times are not checked: they are measured, not asserted (make bench).
# With solutions/ as your code, your fused_epoch is timed and checked too;
# the wrong one (db not divided by n) differs at db.
WRONG_AT="at db (d = 2): yours 252.561979, the library's 0.0252561979; make check EX=11"
# An OpenMP thread that waits sleeps instead of spinning (as in make bench):
# the same results, without two spinning threads on a machine busy with
# make test's other steps.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}
run_chapter png --max-n 1e4 --rounds 1   # the checks and (with the stubs) the plots, from one run
for variant in fused 4-rows; do
  count_lines "^check $variant *identical to two-pass, bit for bit\$"
  if [[ $matched == 2 ]]; then echo "ok   $variant is identical to two-pass, bit for bit, for d = 2 and d = 20"
  else fail "$variant: expected 2 lines 'check $variant identical to two-pass, bit for bit', got $matched"; fi
done
if [[ $WAY == solutions ]]; then
  count_lines "^check yours *identical to two-pass, bit for bit\$"
  if [[ $matched == 2 ]]; then echo "ok   your fused_epoch is identical to two-pass, bit for bit, for d = 2 and d = 20"
  else fail "yours: expected 2 lines 'check yours identical to two-pass, bit for bit', got $matched"; fi
fi
# The numbers, in one awk over the output: for vector, 2-threads and together, how many of their
# two check lines are not within the bound ("missing" when there are not two); then the rows of
# times at n = 300 and 1e4, and how many of their cells are not a positive time (a skipped
# variant's cell is a -).
checks=$(awk '$1 == "check" { n[$2]++; if (!($3 + 0 <= $NF + 0 && $7 == "within")) bad[$2]++ }
              $1 == 300 || $1 == 10000 { rows++; for (k = 2; k <= NF; k++) if ($k != "-" && $k + 0 <= 0) cells++ }
              END { split("vector 2-threads together", v, " ")
                    for (i = 1; i <= 3; i++) printf "%s ", (n[v[i]] == 2 ? bad[v[i]] + 0 : "missing")
                    print rows + 0, cells + 0 }' "$TMP/out.txt")
read -r bad_vector bad_threads bad_together rows <<< "$checks"
declare -A bad=([vector]=$bad_vector [2-threads]=$bad_threads [together]=$bad_together)
# vector (when SLEEF and AVX2 or AVX-512 are here), threads and together:
# within the bound, or said to be skipped
for variant in vector 2-threads together; do
  skipped="" shown=()
  for line in "${out_lines[@]}"; do
    [[ -z $skipped && $line =~ ^\ \ $variant\ *skipped:\  ]] && skipped=${line##*skipped: }
    [[ $line =~ ^check\ $variant\ *(.*)$ ]] && shown+=("${BASH_REMATCH[1]}")
  done
  if [[ -n $skipped ]]; then
    echo "ok   $variant is skipped, and the chapter says why: $skipped"
    continue
  fi
  printf -v joined '%s;' "${shown[@]}"
  if [[ ${bad[$variant]} == 0 ]]; then echo "ok   $variant is within its bound of two-pass: ${joined%;}"
  else fail "$variant: its check lines are not both within the bound (${bad[$variant]}): ${shown[*]}"; fi
done
# A time for every available variant at every size, and the floor.
# (each time is a number of microseconds; a skipped variant is a -)
if [[ $rows == "4 0" ]]; then echo "ok   4 rows of positive times (n = 300 and 1e4, d = 2 and 20)"
else fail "expected 4 rows of positive times, got (rows, bad cells) = $rows"; fi
expect_text 'reading memory, one core: '
expect_plots chapter-11-time-d2 chapter-11-time-d20
# A size outside the range is the user's mistake: one line, exit status 2.
run_status --max-n 2e6
if [[ $rc == 2 && $err_count == 1 ]]; then echo "ok   --max-n 2e6 is refused: $err_line"
else fail "--max-n 2e6 gave exit status $rc and: ${err_text:0:300}"; fi
# In ASCII art (LR_PLOT=dumb) linetypes 5 and 6 (2-threads, together) mark
# their points with ASCII marks, not the letters E and F of gnuplot's dumb terminal.
if [[ $WAY == stubs ]]; then
  run_chapter dumb --max-n 1e4 --rounds 1
  lettered=0
  for line in "${out_lines[@]}"; do [[ $line == *'|'*[EF]*'|'* || $line == *'|  '[@\&][@\&][EF]* ]] && lettered=$((lettered + 1)); done
  if ((lettered == 0)); then echo "ok   dumb: no plot row or key has an E or F for a point"
  else fail "dumb: $lettered plot rows or key entries have an E or F for a point (linetypes 5 and 6)"; fi
fi
