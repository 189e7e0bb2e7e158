# Chapter 07: three one-vs-rest models of 1000 epochs agree with the lesson-style NumPy code.
run_chapter png   # the numbers and (with the stubs) the plots, from one run
expect_numbers ovr-classification3.txt \
  'w_0[0]=w_0.0:1e-9' 'w_0[1]=w_0.1:1e-9' 'b_0=b_0:1e-9' 'loss_0[999]=final_loss_0:1e-9' \
  'w_1[0]=w_1.0:1e-9' 'w_1[1]=w_1.1:1e-9' 'b_1=b_1:1e-9' 'loss_1[999]=final_loss_1:1e-9' \
  'w_2[0]=w_2.0:1e-9' 'w_2[1]=w_2.1:1e-9' 'b_2=b_2:1e-9' 'loss_2[999]=final_loss_2:1e-9' \
  'true_0#1=confusion.0:0' 'true_0#2=confusion.1:0' 'true_0#3=confusion.2:0' \
  'true_1#1=confusion.3:0' 'true_1#2=confusion.4:0' 'true_1#3=confusion.5:0' \
  'true_2#1=confusion.6:0' 'true_2#2=confusion.7:0' 'true_2#3=confusion.8:0' \
  'precision_0=precision.0:1e-12' 'precision_1=precision.1:1e-12' 'precision_2=precision.2:1e-12' \
  'recall_0=recall.0:1e-12' 'recall_1=recall.1:1e-12' 'recall_2=recall.2:1e-12' \
  'accuracy=accuracy:0'
expect_text 'Training accuracy: 0.9100 (273 of 300 correct)'
[[ $WAY == solutions ]] && expect_text 'Your train_one_vs_rest trained the models'
# the verdict the notes quote is the one the chapter prints
[[ $WAY == solutions ]] && expect_notes_quote 'your code reproduces'
expect_text 'need not add up to 1'
expect_plots chapter-07-regions chapter-07-claims
# Other options train too, and say there is nothing to compare with.
run_chapter none --lr 0.5 --epochs 50
expect_text 'no NumPy reference'
# Two classes, from a CSV of the user's: still runs and plots.
mapfile -t -n 41 rows < data/classification.csv   # the header and 40 rows
printf '%s\n' "${rows[@]}" > "$TMP/two.csv"
run_chapter png --data "$TMP/two.csv" --classes 2 --epochs 100
expect_text 'Training accuracy:'
# The three-class data set is made in C exactly as scikit-learn makes it.
run_chapter none --epochs 1 --save-data "$TMP/three.csv"
if cmp -s "$TMP/three.csv" data/classification3.csv; then echo "ok   --save-data writes data/classification3.csv byte for byte"
else fail "--save-data differs from data/classification3.csv"; fi
# The wrong exercise (tests/chapters/wrong/07-one-vs-rest.c) counts the classes
# from 1 in training.
WRONG_AT="at w_0[0]: yours 3.81197946, NumPy's -2.45067842; make check EX=07"
# On the first 20 samples one is claimed by no model: "1 is", not "1 are".
mapfile -t -n 21 rows < data/classification3.csv
printf '%s\n' "${rows[@]}" > "$TMP/twenty.csv"
run_chapter none --data "$TMP/twenty.csv"
expect_text 'Of these, 1 is claimed by no model'
