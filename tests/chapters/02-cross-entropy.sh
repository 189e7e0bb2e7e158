# Chapter 02: the clipped cross-entropy table, and the plot.
run_chapter png   # the numbers and (with the stubs) the plots, from one run
expect_numbers bce.txt \
  'L(1,0.99)=bce.0:1e-12' 'L(1,0.9)=bce.1:1e-12' 'L(1,0.5)=bce.2:1e-12' 'L(1,0.1)=bce.3:1e-12' \
  'L(1,0)=bce.4:1e-11' 'L(0,0.01)=bce.5:1e-12' 'L(0,0.5)=bce.6:1e-12' 'L(0,0.9)=bce.7:1e-12' \
  'L(0,1)=bce.8:1e-11' 'mean=mean:1e-11'
expect_plots chapter-02-loss
# The wrong exercise (tests/chapters/wrong/02-cross-entropy.c) sums the loss
# without dividing by n.
WRONG_AT="at mean: yours 75.1952781, NumPy's 8.3550309; make check EX=02"
