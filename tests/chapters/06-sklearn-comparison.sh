# Chapter 06: GD-500 agrees with NumPy to 1e-9, the long GD runs with NumPy's long runs, and
# Newton's method with scikit-learn's stored coefficients to a relative 1e-6.
run_chapter none
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
run_chapter png
expect_plots chapter-06-convergence
# Other options: ours only, and it says so.
run_chapter none --lr 0.5 --epochs 2000
expect_text 'no stored NumPy or scikit-learn values'
expect_text 'GD-2000'
# Separable classes: the gradient vanishes while w runs off; the chapter must say so, not report an answer.
printf 'x1,x2,y\n0,0,0\n1,0,0\n0,1,0\n3,3,1\n4,3,1\n3,4,1\n' > "$TMP/separable.csv"
run_chapter none --data "$TMP/separable.csv" --epochs 1000
expect_text 'the classes can be'
# A constant feature makes the Hessian singular: one line on stderr, exit 3.
printf 'x1,x2,y\n0,1,0\n1,1,0\n2,1,1\n3,1,0\n4,1,1\n5,1,1\n' > "$TMP/constant.csv"
LR_PLOT=none "$CHAPTER" --data "$TMP/constant.csv" --epochs 500 > /dev/null 2> "$TMP/err.txt"
rc=$?
if [[ $rc == 3 && $(wc -l < "$TMP/err.txt") == 1 ]] && grep -q 'singular' "$TMP/err.txt"; then
  echo "ok   a constant feature stops Newton with exit 3: $(cat "$TMP/err.txt")"
else fail "constant feature: exit $rc, stderr: $(cat "$TMP/err.txt")"; fi
# A learning rate far too large: one line on stderr, exit 3.
LR_PLOT=none "$CHAPTER" --lr 1000 > /dev/null 2> "$TMP/err.txt"
rc=$?
if [[ $rc == 3 && $(wc -l < "$TMP/err.txt") == 1 ]] && grep -q 'diverged' "$TMP/err.txt"; then
  echo "ok   --lr 1000 stops with exit 3: $(cat "$TMP/err.txt")"
else fail "--lr 1000: exit $rc, stderr: $(cat "$TMP/err.txt")"; fi
# Another generated data set (--seed): Newton still converges, and there is nothing stored to compare.
run_chapter none --seed 7 --epochs 1000
expect_text 'random_state=7'
expect_text 'no stored NumPy or scikit-learn values'
