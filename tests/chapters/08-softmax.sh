# Chapter 08: softmax regression by gradient descent agrees with NumPy; the
# converged fit agrees with scikit-learn's probabilities; OvR as in chapter 07.
run_chapter png   # the numbers and (with the stubs) the plots, from one run
expect_numbers softmax-classification3.txt \
  'loss[0]=gd_loss_0:1e-9' 'loss[1]=gd_loss_1:1e-9' 'loss[10]=gd_loss_10:1e-9' \
  'loss[100]=gd_loss_100:1e-9' 'loss[999]=gd_loss_999:1e-9' \
  'W_0[0]=gd_W_0.0:1e-9' 'W_0[1]=gd_W_0.1:1e-9' 'W_1[0]=gd_W_1.0:1e-9' 'W_1[1]=gd_W_1.1:1e-9' \
  'W_2[0]=gd_W_2.0:1e-9' 'W_2[1]=gd_W_2.1:1e-9' \
  'b[0]=gd_b.0:1e-9' 'b[1]=gd_b.1:1e-9' 'b[2]=gd_b.2:1e-9' \
  'accuracy=gd_accuracy:1e-12' \
  'true_0#1=gd_confusion.0:0' 'true_0#2=gd_confusion.1:0' 'true_0#3=gd_confusion.2:0' \
  'true_1#1=gd_confusion.3:0' 'true_1#2=gd_confusion.4:0' 'true_1#3=gd_confusion.5:0' \
  'true_2#1=gd_confusion.6:0' 'true_2#2=gd_confusion.7:0' 'true_2#3=gd_confusion.8:0'
# With solutions/ those numbers are the learner's: step 1 says whose they are.
[[ $WAY == solutions ]] && expect_text 'Your train_softmax, cce_gradient and cce_loss trained it'
# the verdict the notes quote is the one the chapter prints
[[ $WAY == solutions ]] && expect_notes_quote 'your code reproduces'
# The converged fit: probabilities to 1e-6 (scikit-learn stopped at a
# gradient norm of 1.6e-6; ours differ from it by at most 9e-8 on these rows).
expect_numbers softmax-classification3.txt \
  'P[0][0]=sk_proba_0.0:1e-6' 'P[0][1]=sk_proba_0.1:1e-6' 'P[0][2]=sk_proba_0.2:1e-6' \
  'P[1][0]=sk_proba_1.0:1e-6' 'P[1][1]=sk_proba_1.1:1e-6' 'P[1][2]=sk_proba_1.2:1e-6' \
  'P[2][0]=sk_proba_2.0:1e-6' 'P[2][1]=sk_proba_2.1:1e-6' 'P[2][2]=sk_proba_2.2:1e-6' \
  'P[3][0]=sk_proba_3.0:1e-6' 'P[3][1]=sk_proba_3.1:1e-6' 'P[3][2]=sk_proba_3.2:1e-6' \
  'P[4][0]=sk_proba_4.0:1e-6' 'P[4][1]=sk_proba_4.1:1e-6' 'P[4][2]=sk_proba_4.2:1e-6' \
  'conv_loss=sk_loss:1e-9' 'conv_accuracy=sk_accuracy:0'
# Centred weights agree only as far as scikit-learn converged: about 5e-5.
expect_numbers softmax-classification3.txt \
  'conv_W_0[0]=sk_coef_centered_0.0:1e-4' 'conv_W_0[1]=sk_coef_centered_0.1:1e-4' \
  'conv_W_1[0]=sk_coef_centered_1.0:1e-4' 'conv_W_1[1]=sk_coef_centered_1.1:1e-4' \
  'conv_W_2[0]=sk_coef_centered_2.0:1e-4' 'conv_W_2[1]=sk_coef_centered_2.1:1e-4' \
  'conv_b[0]=sk_intercept_centered.0:1e-4' 'conv_b[1]=sk_intercept_centered.1:1e-4' \
  'conv_b[2]=sk_intercept_centered.2:1e-4'
expect_numbers ovr-classification3.txt 'ovr_accuracy=accuracy:0'
expect_text "2. The converged fit: Newton's method"
load_out
if [[ $out_text == *'NOT converged'* || $out_text == *'no minimum'* || $out_text == *'No minimum'* || $out_text == *SEPARATED* ]]; then
  fail "Newton did not converge on the lesson's data"
else echo "ok   Newton converged, and the data are not separable"; fi
expect_text 'softmax by gradient descent 0.9167'
expect_plots chapter-08-regions chapter-08-loss
run_chapter none --lr 0.5 --epochs 50
expect_text 'no reference to compare'
# A train_softmax that never updates b: the verdict names the first number
# that differs (loss[10]: with balanced classes db is 0 at the first step).
WRONG_AT="your numbers first differ from NumPy's at loss[10]: yours 0.713604955"
WRONG_QUOTE="your numbers first differ"   # the notes quote that verdict
# Separated in part (as setosa is in iris): class 0 can be cut off, classes
# 1 and 2 overlap. Newton's gradient vanishes, but it is no converged fit.
printf 'x1,x2,y\n-5,0,0\n-5,1,0\n-6,0.5,0\n0,0,1\n1,1,1\n0,1,1\n1,0,1\n0,0.5,2\n1,0.5,2\n0.5,0,2\n0.5,1,2\n' \
  > "$TMP/partial.csv"
run_chapter none --data "$TMP/partial.csv"
expect_text "2. No minimum: Newton's method"
expect_text 'SEPARATED IN PART: 3 of the 11 samples can be separated from the rest'
load_out
if [[ $out_text == *'converged fit'* ]]; then fail "separated classes called 'the converged fit'"
else echo "ok   separated classes are not called the converged fit"; fi
# ... nor is the loss where Newton's method stopped called the minimum in the loss plot.
LR_PLOT=svg LR_PLOT_DIR="$TMP/plots-partial" "$CHAPTER" --data "$TMP/partial.csv" > /dev/null 2>&1
gp=""
[[ -e $TMP/plots-partial/chapter-08-loss.gp ]] && read_file "$TMP/plots-partial/chapter-08-loss.gp" gp
if [[ $gp == *"title 'where Newton stopped"* && $gp != *'the minimum'* ]]; then
  echo "ok   the loss plot of separated classes names where Newton stopped, not a minimum"
else fail "the loss plot of separated classes speaks of a minimum (or was not drawn)"; fi
# A constant column (as the pixels at the border of digits are): Newton's
# method leaves its weights at 0 and says so; the loss at its answer is the
# loss without the column.
printf 'x1,x2,x3,y\n0,1,5,0\n1,1,3,1\n2,1,4,2\n3,1,1,3\n4,1,2,0\n5,1,0,1\n6,1,6,2\n7,1,2,3\n' > "$TMP/constant.csv"
while IFS=, read -r x1 x2 x3 y; do echo "$x1,$x3,$y"; done < "$TMP/constant.csv" > "$TMP/without.csv"   # x2 left out
# conv_loss_line: the output's line that starts with 'conv_loss ' (or "").
conv_loss_line() {
  local line
  conv_loss=""
  for line in "${out_lines[@]}"; do [[ $line == 'conv_loss '* ]] && conv_loss=$line; done
}
run_chapter none --data "$TMP/without.csv" --classes 4
conv_loss_line
without=$conv_loss
run_chapter none --data "$TMP/constant.csv" --classes 4
expect_text "Newton's method: column 'x2' is constant;"
conv_loss_line
count_lines '^conv_W_[0-3]\[1\] +0\.000000000000$'
if [[ -n $without && $conv_loss == "$without" && $matched == 4 ]]; then
  echo "ok   a constant column: its weights are 0 and the loss is the loss without it ($without)"
else fail "constant column: $(grep '^conv_' "$TMP/out.txt" | head -c 300) against '$without'"; fi
# Other data have no scikit-learn column, so nothing is said about agreeing with it.
expect_lacks 'as far as scikit-learn converged'
# With --data and no --classes, the classes are counted from the labels.
run_chapter none --data "$TMP/constant.csv"
expect_text '(8 samples, 3 features, 4 classes)'
