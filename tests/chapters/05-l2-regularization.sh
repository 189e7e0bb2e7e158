# Chapter 05: the lambda sweep and a single --lambda run agree with the lesson's NumPy L2 loop (lr 0.1, 1000 epochs).
run_chapter png   # the numbers and (with the stubs) the plots, from one run
specs=()
for lam in 0 0.01 0.1 1 10 100; do
  specs+=("$lam#1=w_lam_$lam.0:1e-9" "$lam#2=w_lam_$lam.1:1e-9" "$lam#3=wnorm_lam_$lam:1e-9"
          "$lam#4=loss_lam_$lam:1e-9" "$lam#5=accuracy_lam_$lam:1e-6")
done
expect_numbers l2-classification.txt "${specs[@]}"
expect_text 'From lambda = 0 to 100, ||w|| shrinks from 3.687 to 0.765'
expect_plots chapter-05-weights chapter-05-loss
# In ASCII art (LR_PLOT=dumb) a long key goes below the plot, not beside it:
# beside it, it squeezed the loss plot to 14 columns, its tick labels run
# together (10^10^10^...). Each plot's frame is at least half the 79 columns.
if [[ $WAY == stubs ]]; then
  run_chapter dumb
  expect_lacks '10^10^'
  frames=() narrow=0
  for line in "${out_lines[@]}"; do
    [[ $line =~ ^\ *[^\ ]*\ *\+(-+)\+ ]] || continue
    frames+=("${#BASH_REMATCH[1]}")
    ((${#BASH_REMATCH[1]} < 39)) && narrow=$((narrow + 1))
  done
  # the right axis's label (y2label) goes above that axis, on the row of the
  # left one's, clear of the frame (it ran into it: 'trai|ing accuracy')
  y2=0
  for line in "${out_lines[@]}"; do [[ $line =~ ^\ loss\ +training\ accuracy\ *$ ]] && y2=$((y2 + 1)); done
  if ((y2 == 1)); then echo "ok   dumb: the y labels 'loss' and 'training accuracy' are on a row above the plot"
  else fail "dumb: 'training accuracy' (the y2 label) is not on the row of 'loss' above the plot"; fi
  if ((${#frames[@]} == 4 && narrow == 0)); then echo "ok   dumb: both plots are at least 39 columns wide (${frames[*]})"
  else fail "dumb: plot frames of ${frames[*]:-no} columns, $narrow under 39 (expected 2 plots, 4 frame lines)"; fi
fi
run_chapter none --lambda 10
expect_numbers l2-classification.txt \
  'w[0]=w_lam_10.0:1e-9' 'w[1]=w_lam_10.1:1e-9' 'b=b_lam_10:1e-9' '||w||=wnorm_lam_10:1e-9' \
  'loss=loss_lam_10:1e-9' 'accuracy=accuracy_lam_10:1e-12'
run_chapter none --lambda 0.01
expect_numbers l2-classification.txt \
  'w[0]=w_lam_0.01.0:1e-9' 'w[1]=w_lam_0.01.1:1e-9' 'b=b_lam_0.01:1e-9' '||w||=wnorm_lam_0.01:1e-9' \
  'loss=loss_lam_0.01:1e-9' 'accuracy=accuracy_lam_0.01:1e-12'
# A lambda NumPy was not run with: ours only, and it says so.
run_chapter none --lambda 3
expect_text "NumPy's values are stored for lambda = 0, 0.01, 0.1, 1, 10 and 100 only"
run_chapter none --lr 0.5 --epochs 50
expect_text 'no NumPy reference'
# Thirty features (the notes' appendix 'Your own data'): the sweep's table
# shows the first two weights and still fits 80 columns.
run_chapter none --data data/breast-cancer.csv --standardize
expect_text 'no NumPy reference'
# --standardize on the generated data: accepted, and the header says so.
run_chapter none --standardize --lambda 10
expect_text 'random_state=42, n_clusters_per_class=1), standardised'
expect_text 'no NumPy reference'
# A negative lambda is a user's mistake: one line, exit 2.
LR_PLOT=none run_status --lambda -1
if [[ $rc == 0 ]]; then fail "--lambda -1 accepted"
elif [[ $err_count == 1 && $err_text == *'out of range'* ]]; then echo "ok   --lambda -1 refused: $err_line"
else fail "--lambda -1: unexpected message $err_line"; fi
# A learning rate too large for lambda = 100 (lr lambda / n > 2): one line on stderr, exit 3.
LR_PLOT=none run_status --lr 5
if [[ $rc == 3 && $err_count == 1 && $err_text == *'diverged at lambda = 100'* ]]; then
  echo "ok   --lr 5 stops with exit 3: $err_line"
else fail "--lr 5: exit $rc, stderr: $err_line"; fi
# Another generated data set (--seed): ours only.
run_chapter none --seed 7 --lambda 1
expect_text 'random_state=7'
expect_text 'no NumPy reference'
# Your code: with solutions/ every fit trains with exercise 05 (and 01-03),
# and the table above holds your numbers.
if [[ $WAY == solutions ]]; then
  run_chapter none
  expect_text 'The fits below are yours, with your l2_penalty and l2_penalty_gradient:'
  run_chapter none --lambda 10
  expect_word w[0] 1 0.201795695427 yours
  run_chapter none --lambda 3
  expect_text "your code reproduces the library's numbers"
fi
# The wrong exercise 05 penalises the bias too: the first fit with lambda > 0 differs.
WRONG_AT="at w[0] at lambda = 0.01: yours 0.522392481, NumPy's 0.522521991; make check EX=05"
# A penalty so strong that it, not the features, makes lr 0.1 diverge: the
# rate offered includes lambda / n in the curvature (lib/stepsize), and works.
LR_PLOT=none run_status --lambda 1e6
rate=""
[[ $err_text =~ allows\ --lr\ up\ to\ ([0-9.e-]*) ]] && rate=${BASH_REMATCH[1]}
if [[ -n $rate ]] && LR_PLOT=none "$CHAPTER" --lambda 1e6 --lr "$rate" > /dev/null 2>&1; then
  echo "ok   --lambda 1e6 diverges at lr 0.1, and the rate offered, $rate, trains"
else fail "--lambda 1e6: rate offered '$rate': $err_line"; fi
# On 4 rows lr 0.1 diverges at lambda = 100: that row says so, the line on
# stderr gives the rate, and the sweep goes on to its plots (exit 3).
mapfile -t -n 5 rows < data/classification.csv   # the header and 4 rows
printf '%s\n' "${rows[@]}" > "$TMP/four.csv"
LR_PLOT=png LR_PLOT_DIR="$TMP/plots-four" run_status --data "$TMP/four.csv"
count_lines '^100 .*\(diverged'
if [[ $rc == 3 && $err_count == 1 && -s $TMP/plots-four/chapter-05-weights.png && $matched -gt 0 ]]; then
  echo "ok   4 rows: lambda = 100 diverged, reported, and the sweep went on to its plots"
else fail "4 rows: exit $rc, plots: $(ls "$TMP/plots-four" 2> /dev/null), $err_line"; fi
