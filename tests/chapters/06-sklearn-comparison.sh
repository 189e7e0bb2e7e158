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
