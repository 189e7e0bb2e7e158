# Chapter 03: 500 epochs of gradient descent agree with the lesson's NumPy loop.
run_chapter none
expect_numbers gd-classification.txt \
  'loss[0]=loss_0:1e-9' 'loss[1]=loss_1:1e-9' 'loss[10]=loss_10:1e-9' 'loss[100]=loss_100:1e-9' \
  'loss[499]=loss_499:1e-9' 'w[0]=w.0:1e-9' 'w[1]=w.1:1e-9' 'b=b.0:1e-9' 'accuracy=accuracy:1e-11'
expect_text 'Training accuracy: 0.9233 (277 of 300 correct)'
run_chapter png
expect_plots chapter-03-data chapter-03-loss
# Other options train too, and say there is nothing to compare with.
run_chapter none --lr 0.5 --epochs 50
expect_text "no NumPy reference"
# The data set is generated in C, identical to scikit-learn's CSV to the byte.
run_chapter none --epochs 1 --save-data "$TMP/saved.csv"
if cmp -s "$TMP/saved.csv" data/classification.csv; then echo "ok   --save-data writes data/classification.csv byte for byte"
else fail "--save-data differs from data/classification.csv"; fi
run_chapter none --data data/classification.csv --seed 7
expect_text 'Training accuracy:'
