# Chapter 06: GD-500 agrees with NumPy to 1e-9, the long GD runs with NumPy's long runs, and
# Newton's method with scikit-learn's stored coefficients to a relative 1e-6.
run_chapter png   # the numbers and (with the stubs) the plots, from one run
expect_numbers gd-classification.txt \
  'w[0]#1=w.0:1e-9' 'w[1]#1=w.1:1e-9' 'b#1=b.0:1e-9' 'accuracy#1=accuracy:1e-9' \
  'GD-5000#1=w_5000.0:1e-9' 'GD-5000#2=w_5000.1:1e-9' 'GD-5000#3=b_5000:1e-9' \
  'GD-50000#1=w_50000.0:1e-9' 'GD-50000#2=w_50000.1:1e-9' 'GD-50000#3=b_50000:1e-9' \
  'GD-100000#1=w_100000.0:1e-9' 'GD-100000#2=w_100000.1:1e-9' 'GD-100000#3=b_100000:1e-9' \
  'coef[0]#1=w_100000.0:1e-9' 'coef[1]#1=w_100000.1:1e-9' 'intercept#1=b_100000:1e-9'
expect_numbers sklearn-classification.txt \
  'w[0]#4=coef.0:1e-12' 'w[1]#4=coef.1:1e-12' 'accuracy#4=score:1e-12' \
  'coef[0]#1=coef.0:1e-6r' 'coef[1]#1=coef.1:1e-6r' 'intercept#1=intercept:1e-6r' \
  '||grad||#1=grad_norm:1e-6r'
expect_text 'converged after 8 iterations'
expect_text 'They agree to a relative 3e-07: 6 significant digits.'
expect_plots chapter-06-convergence
# the verdict the notes quote is the one the chapter prints
[[ $WAY == solutions ]] && expect_notes_quote 'your code reproduces'
# Whose code ran is said at the top, before the first table, as in every
# chapter: gradient descent is always the library's; Newton's method is the
# library's until exercise 06 is written, and then yours runs it again.
expect_text "The lesson's comparison: gradient descent for 500 epochs, by lib/logreg.c;"
if [[ $WAY == stubs ]]; then whose='so this run uses lib/logreg.c; make check EX=06 to start it'
else whose="Gradient descent and Newton's method by lib/logreg.c, as in every run"; fi
if [[ $out_text == *"$whose"*'GD, 500 epochs'* ]]; then echo "ok   before the first table: $whose"
else fail "not before the first table: $whose"; fi
# In ASCII art (LR_PLOT=dumb) the Newton panel's points, asked for as point
# type 7, are an ASCII mark, not the letter gnuplot gives that type ('G').
if [[ $WAY == stubs ]]; then
  run_chapter dumb
  lettered=0
  for line in "${out_lines[@]}"; do [[ $line == *'|'*G*'|'* ]] && lettered=$((lettered + 1)); done
  if ((lettered == 0)); then echo "ok   dumb: no plot row has a G for a point"
  else fail "dumb: $lettered plot rows have a G for a point (point type 7)"; fi
fi
# Other options: ours only, and it says so.
run_chapter none --lr 0.5 --epochs 2000
expect_text 'no stored NumPy or scikit-learn values'
expect_text 'GD-2000'
# Separable classes: the gradient vanishes while w runs off; the chapter must say so, not report an answer.
printf 'x1,x2,y\n0,0,0\n1,0,0\n0,1,0\n3,3,1\n4,3,1\n3,4,1\n' > "$TMP/separable.csv"
run_chapter none --data "$TMP/separable.csv" --epochs 1000
expect_text 'SEPARATED: the classes can be separated completely'
expect_lacks 'converged after'
# Separated in part: no line separates these classes (x1 = 0 holds both), but
# the two samples at x1 > 0 can be cut off: the loss keeps falling towards a
# limit above 0 while w1 grows. Not "converged", not "separated completely".
printf 'x1,x2,y\n0,0.1,0\n0,0.5,1\n0,0.9,0\n0,0.3,1\n0,0.7,1\n0,0.2,0\n0,0.4,0\n0,0.6,1\n1,0.5,1\n2,0.1,1\n' > "$TMP/partial.csv"
run_chapter none --data "$TMP/partial.csv" --epochs 1000
expect_text 'SEPARATED IN PART: 2 of the 10 samples can be separated from the rest'
expect_lacks 'converged after'
expect_lacks 'completely'
# A singular Hessian names the columns: one line on stderr, exit 3, no numbers.
singular() {   # singular FILE MESSAGE
  LR_PLOT=none run_status --data "$1" --epochs 500
  if [[ $rc == 3 && $err_count == 1 && $err_text == *"$2"* ]]; then echo "ok   exit 3: $err_line"
  else fail "${1##*/}: exit $rc, stderr: $err_line"; fi
  expect_lacks 'converged'
}
# answer_rows N: the lines that start with w[0] or b among the N lines after each line that starts
# with "Newton's answer" (as grep -A N does), into rows_text.
answer_rows() {
  local k j
  rows_text=""
  for k in "${!out_lines[@]}"; do
    [[ ${out_lines[k]} == "Newton's answer"* ]] || continue
    for ((j = k + 1; j <= k + $1 && j < ${#out_lines[@]}; j++)); do
      [[ ${out_lines[j]} == 'w[0] '* || ${out_lines[j]} == 'b '* ]] && rows_text+=${out_lines[j]}$'\n'
    done
  done
}
# A constant column (as the blank pixels of digits are) is no reason to stop:
# Newton leaves its weight at 0 and says so, and the rest of the answer is
# the answer without that column (scikit-learn's lbfgs, from 0, does the same).
printf 'x1,x2,y\n0,1,0\n1,1,0\n2,1,1\n3,1,0\n4,1,1\n5,1,1\n' > "$TMP/constant.csv"
while IFS=, read -r x1 x2 y; do echo "$x1,$y"; done < "$TMP/constant.csv" > "$TMP/without.csv"   # x2 left out
run_chapter none --data "$TMP/without.csv" --epochs 500 --lib
answer_rows 3
without=$rows_text
run_chapter none --data "$TMP/constant.csv" --epochs 500 --lib
expect_text "Newton's method: column 'x2' is constant;"
expect_text 'converged after 6 iterations'
answer_rows 4
count_lines '^w\[1\] +0\.000000000000 +x2$'
if [[ -n $rows_text && $rows_text == "$without" && $matched -gt 0 ]]; then
  echo "ok   the constant column's weight is 0, the others are the fit without it"
else fail "constant column: $rows_text against $without"; fi
printf 'x1,x2,x3,y\n0,1,1,0\n1,0,1,0\n2,1,3,1\n3,1,4,0\n4,0,4,1\n5,2,7,1\n1,1,2,1\n' > "$TMP/collinear.csv"
singular "$TMP/collinear.csv" "column 'x3' is a combination of 'x1' and 'x2' (collinear)"
# Real data, any number of features. standardise FIRST LAST: columns FIRST to
# LAST of data/breast-cancer.csv and the label, each standardised as
# scikit-learn's StandardScaler does it (population deviation, dividing by n).
standardise() {
  cut -d, -f"$1-$2",31 data/breast-cancer.csv | awk -F, -v OFS=, '
    NR == 1 { print; next }
    { for (j = 1; j < NF; j++) x[NR, j] = $j; y[NR] = $NF; n = NR }
    END {
      for (j = 1; j < NF; j++) {
        m = 0; for (i = 2; i <= n; i++) m += x[i, j]; m /= n - 1
        v = 0; for (i = 2; i <= n; i++) v += (x[i, j] - m) ^ 2; s[j] = sqrt(v / (n - 1)); mu[j] = m
      }
      for (i = 2; i <= n; i++) {
        line = ""; for (j = 1; j < NF; j++) line = line sprintf("%.17g,", (x[i, j] - mu[j]) / s[j])
        print line y[i]
      }
    }'
}
# All 30 standardised columns separate the classes (scikit-learn scores 1.0).
standardise 1 30 > "$TMP/breast-cancer-std.csv"
run_chapter none --data "$TMP/breast-cancer-std.csv" --epochs 500
expect_text 'SEPARATED: the classes can be separated completely'
expect_lacks 'converged after'
# The ten "worst_" columns overlap: Newton reaches the minimum, equal to
# scikit-learn's newton-cg to 1e-6 (breast-cancer.txt, worst_*).
standardise 21 30 > "$TMP/breast-cancer-worst.csv"
run_chapter none --data "$TMP/breast-cancer-worst.csv" --epochs 500
expect_text '11 x 11 Hessian'
expect_text 'converged after'
expect_numbers breast-cancer.txt 'w[0]=worst_coef.0:1e-6' 'w[1]=worst_coef.1:1e-6' 'w[2]=worst_coef.2:1e-6' \
  'w[3]=worst_coef.3:1e-6' 'w[4]=worst_coef.4:1e-6' 'w[5]=worst_coef.5:1e-6' 'w[6]=worst_coef.6:1e-6' \
  'w[7]=worst_coef.7:1e-6' 'w[8]=worst_coef.8:1e-6' 'w[9]=worst_coef.9:1e-6' 'b=worst_intercept:1e-6'
# The same through the chapter's own --standardize: the whole file separates,
# and data/breast-cancer-worst.csv (the ten worst_ columns) gives scikit-learn's
# newton-cg answer.
run_chapter none --data data/breast-cancer.csv --standardize --epochs 500
expect_text 'SEPARATED: the classes can be separated completely'
run_chapter none --data data/breast-cancer-worst.csv --standardize --epochs 500
expect_text 'converged after'
expect_numbers breast-cancer.txt 'w[0]=worst_coef.0:1e-6' 'w[1]=worst_coef.1:1e-6' 'w[2]=worst_coef.2:1e-6' \
  'w[3]=worst_coef.3:1e-6' 'w[4]=worst_coef.4:1e-6' 'w[5]=worst_coef.5:1e-6' 'w[6]=worst_coef.6:1e-6' \
  'w[7]=worst_coef.7:1e-6' 'w[8]=worst_coef.8:1e-6' 'w[9]=worst_coef.9:1e-6' 'b=worst_intercept:1e-6'
# A learning rate far too large: one line on stderr, exit 3; Newton's method,
# which needs no learning rate, still runs and is printed.
LR_PLOT=none run_status --lr 1000
if [[ $rc == 3 && $err_count == 1 && $err_text == *diverged* ]]; then
  echo "ok   --lr 1000 stops with exit 3: $err_line"
else fail "--lr 1000: exit $rc, stderr: $err_line"; fi
expect_text 'Gradient descent diverged at --lr 1000'
expect_text 'converged after 8 iterations'
# Another generated data set (--seed): Newton still converges, and there is nothing stored to compare.
run_chapter none --seed 7 --epochs 1000
expect_text 'random_state=7'
expect_text 'no stored NumPy or scikit-learn values'
