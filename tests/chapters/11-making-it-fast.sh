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
  n=$(grep -c "^check $variant *identical to two-pass, bit for bit$" "$TMP/out.txt")
  if [[ $n == 2 ]]; then echo "ok   $variant is identical to two-pass, bit for bit, for d = 2 and d = 20"
  else fail "$variant: expected 2 lines 'check $variant identical to two-pass, bit for bit', got $n"; fi
done
if [[ $WAY == solutions ]]; then
  n=$(grep -c "^check yours *identical to two-pass, bit for bit$" "$TMP/out.txt")
  if [[ $n == 2 ]]; then echo "ok   your fused_epoch is identical to two-pass, bit for bit, for d = 2 and d = 20"
  else fail "yours: expected 2 lines 'check yours identical to two-pass, bit for bit', got $n"; fi
fi
# vector (when SLEEF and AVX2 or AVX-512 are here), threads and together:
# within the bound, or said to be skipped
for variant in vector 2-threads together; do
  if grep -q "^  $variant *skipped: " "$TMP/out.txt"; then
    echo "ok   $variant is skipped, and the chapter says why: $(grep "^  $variant *skipped: " "$TMP/out.txt" | head -1 | sed 's/.*skipped: //')"
    continue
  fi
  bad=$(awk -v v="$variant" '$1 == "check" && $2 == v { n++; if (!($3 + 0 <= $NF + 0 && $7 == "within")) bad++ }
                             END { print (n == 2 ? bad + 0 : "missing") }' "$TMP/out.txt")
  if [[ $bad == 0 ]]; then echo "ok   $variant is within its bound of two-pass: $(grep "^check $variant" "$TMP/out.txt" | sed 's/^check [^ ]* *//' | paste -sd ';')"
  else fail "$variant: its check lines are not both within the bound ($bad): $(grep "^check $variant" "$TMP/out.txt")"; fi
done
# A time for every available variant at every size, and the floor.
# (each time is a number of microseconds; a skipped variant is a -)
rows=$(awk '$1 == 300 || $1 == 10000 { n++; for (k = 2; k <= NF; k++) if ($k == "-") continue
                                                                else if ($k + 0 <= 0) bad++ }
            END { print n + 0, bad + 0 }' "$TMP/out.txt")
if [[ $rows == "4 0" ]]; then echo "ok   4 rows of positive times (n = 300 and 1e4, d = 2 and 20)"
else fail "expected 4 rows of positive times, got (rows, bad cells) = $rows"; fi
expect_text 'reading memory, one core: '
expect_plots chapter-11-time-d2 chapter-11-time-d20
# A size outside the range is the user's mistake: one line, exit status 2.
"$CHAPTER" --max-n 2e6 > /dev/null 2> "$TMP/err.txt"
rc=$?
if [[ $rc == 2 && $(wc -l < "$TMP/err.txt") == 1 ]]; then echo "ok   --max-n 2e6 is refused: $(cat "$TMP/err.txt")"
else fail "--max-n 2e6 gave exit status $rc and: $(head -c 300 "$TMP/err.txt")"; fi
