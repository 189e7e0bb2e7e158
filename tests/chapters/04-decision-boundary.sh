# Chapter 04: the boundary of the 500-epoch model, and how the threshold moves it, agree with NumPy.
run_chapter png   # the numbers and (with the stubs) the plots, from one run
expect_numbers boundary-classification.txt \
  'w[0]=w.0:1e-9' 'w[1]=w.1:1e-9' 'b=b.0:1e-9' 'slope=slope:1e-9' 'intercept=intercept:1e-9' \
  '0.25#2=intercept_t_0.25:1e-9' 't=0.25#1=positives_t_0.25:0' 't=0.25#2=accuracy_t_0.25:1e-6' \
  '0.5#2=intercept_t_0.5:1e-9' 't=0.5#1=positives_t_0.5:0' 't=0.5#2=accuracy_t_0.5:1e-6' \
  '0.75#2=intercept_t_0.75:1e-9' 't=0.75#1=positives_t_0.75:0' 't=0.75#2=accuracy_t_0.75:1e-6'
expect_text 'boundary: x2 = -0.1079·x1 + 0.0367'
expect_text 'above the line (w2 > 0) the model says y = 1'
expect_plots chapter-04-boundary chapter-04-thresholds
# Other options train too, and say there is nothing to compare with.
run_chapter none --lr 0.5 --epochs 50
expect_text 'no NumPy reference'
# A data set whose second feature carries no information: w2 = 0 exactly, a vertical boundary.
printf 'x1,x2,y\n-2,0,0\n-1,0,0\n0.5,0,0\n-0.5,0,1\n1,0,1\n2,0,1\n' > "$TMP/vertical.csv"
run_chapter png --data "$TMP/vertical.csv"
expect_text 'the boundary is the vertical line x1 ='
# A data set of three features is refused with one line.
printf 'a,b,c,y\n1,2,3,0\n2,3,4,1\n3,4,5,0\n4,5,6,1\n5,6,7,1\n' > "$TMP/three.csv"
LR_PLOT=none run_status --data "$TMP/three.csv"
if [[ $rc == 0 ]]; then fail "3 features accepted"
elif [[ $err_text == *'needs 2'* ]]; then echo "ok   3 features refused: $err_line"
else fail "3 features: unexpected message $err_line"; fi
# Large values too (a warning about the learning rate would be beside the
# point), with or without --standardize (whose notice goes to stdout): the
# one line on stderr is the number of features, and stdout stays empty.
printf 'a,b,c,y\n100,200,300,0\n200,300,400,1\n300,400,500,0\n400,500,600,1\n' > "$TMP/three-large.csv"
for opt in --lib --standardize; do
  LR_PLOT=none run_status --data "$TMP/three-large.csv" $opt
  if [[ $rc == 2 && $err_count == 1 && ! -s $TMP/out.txt && $err_text == *'needs 2'* ]]; then
    echo "ok   3 large features ($opt): one line, $err_line"
  else fail "3 large features ($opt): exit $rc, stdout ${#out_text} bytes, $err_line"; fi
done
# A learning rate far too large: one line on stderr, exit 3, no numbers passed off as an answer.
LR_PLOT=none run_status --lr 100000
if [[ $rc == 3 && $err_count == 1 && $err_text == *diverged* ]]; then
  echo "ok   --lr 100000 stops with exit 3: $err_line"
else fail "--lr 100000: exit $rc, stderr: $err_line"; fi
# Another generated data set (--seed): ours only.
run_chapter none --seed 7
expect_text 'random_state=7'
expect_text 'no NumPy reference'
# Your code: with solutions/ the model is trained by exercises 01-03 and its
# line and predictions come from exercise 04, beside NumPy's (checked above
# in the column "yours"); the plot is drawn from your model.
if [[ $WAY == solutions ]]; then
  run_chapter none
  expect_word w[0] 1 0.342248633101 yours
  expect_text 'your c'
  LR_PLOT=png LR_PLOT_DIR="$TMP/plots-yours" "$CHAPTER" > /dev/null 2>&1
  gp=""
  [[ -e $TMP/plots-yours/chapter-04-boundary.gp ]] && read_file "$TMP/plots-yours/chapter-04-boundary.gp" gp
  if [[ $gp == *'set title "Yours: P(y = 1)'* ]]; then
    echo "ok   the boundary plot is drawn from your model"
  else fail "the boundary plot does not say it is yours"; fi
fi
# The wrong exercise 04 forgets the threshold: its line at t = 0.25 is the line at 1/2.
WRONG_AT="at c (t = 0.25): yours 0.0366518589, NumPy's -0.309816089; make check EX=04"
