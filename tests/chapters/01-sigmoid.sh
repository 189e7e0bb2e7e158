# Chapter 01: the table of sigma beside SciPy's expit and the naive forms, the
# table of sigma' beside SciPy's, and the plot.
run_chapter png   # the numbers and (with the stubs) the plots, from one run
expect_numbers sigmoid.txt \
  '-1e+308=sigmoid.0:0' '-1000=sigmoid.1:0' '-40#1=sigmoid.2:1e-27' '-5=sigmoid.3:1e-12' \
  '-1=sigmoid.4:1e-12' '0=sigmoid.5:0' '1=sigmoid.6:1e-12' '5=sigmoid.7:1e-12' '40=sigmoid.8:1e-15' \
  '1000=sigmoid.9:0' '1e+308=sigmoid.10:0' \
  "sigma'(-5)=sigmoid_derivative.3:1e-12" "sigma'(0)=sigmoid_derivative.5:0" \
  "sigma'(1)=sigmoid_derivative.6:1e-12" "sigma'(-40)=sigmoid_derivative.2:1e-27" \
  "sigma'(40)=sigmoid_derivative.8:1e-27"
# The textbook form e^z/(1+e^z) overflows to inf/inf = NaN at large z, while
# sigma(z) (column 1, checked above) stays 1.
expect_word 1000 5 NaN 'e^z/(1+e^z)'
expect_word 1e+308 5 NaN 'e^z/(1+e^z)'
expect_plots chapter-01-sigmoid
# Over SSH the plot is ASCII (LR_PLOT=dumb), where gnuplot would print its
# markup as it is: the title must read as plain text there, whole. (The
# ASCII plot is 79 characters wide, its σ two bytes each: no expect_narrow.)
if [[ $WAY == stubs ]]; then
  LR_PLOT=dumb LR_PLOT_DIR="$TMP/plots-dumb" run_status
  [[ $rc == 0 && -z $err_text ]] && echo "ok   LR_PLOT=dumb runs" || fail "LR_PLOT=dumb: exit $rc, $err_line"
  expect_text 'The sigmoid σ(z) = 1/(1 + e^-z) and its slope'
  expect_lacks 'e^{'
fi
# The wrong exercise (tests/chapters/wrong/01-sigmoid.c) writes the slope as
# sigma (1 - sigma), which rounds to 0 at z = 40.
WRONG_AT="at sigma'(40): yours 0, SciPy's 4.24835426e-18; make check EX=01"
