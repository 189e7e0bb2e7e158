# Chapter 03: 500 epochs of gradient descent agree with the lesson's NumPy loop.
run_chapter png   # the numbers and (with the stubs) the plots, from one run
expect_numbers gd-classification.txt \
  'loss[0]=loss_0:1e-9' 'loss[1]=loss_1:1e-9' 'loss[10]=loss_10:1e-9' 'loss[100]=loss_100:1e-9' \
  'loss[499]=loss_499:1e-9' 'w[0]=w.0:1e-9' 'w[1]=w.1:1e-9' 'b=b.0:1e-9' 'accuracy=accuracy:1e-11'
expect_text 'Training accuracy: 0.9233 (277 of 300 correct)'
expect_plots chapter-03-data chapter-03-loss
# the verdict the notes quote is the one the chapter prints
[[ $WAY == solutions ]] && expect_notes_quote 'your code reproduces'
# Other options train too, and say there is nothing to compare with.
run_chapter none --lr 0.5 --epochs 50
expect_text "no NumPy reference"
# The data set is generated in C, identical to scikit-learn's CSV to the byte.
run_chapter none --epochs 1 --save-data "$TMP/saved.csv"
if cmp -s "$TMP/saved.csv" data/classification.csv; then echo "ok   --save-data writes data/classification.csv byte for byte"
else fail "--save-data differs from data/classification.csv"; fi
run_chapter none --data data/classification.csv
expect_text 'Training accuracy: 0.9233 (277 of 300 correct)'
# Real data (data/breast-cancer.csv). Raw, the lesson's lr 0.1 is 20000 times
# the largest safe rate: exit 3, and the message names that rate.
run_status --data data/breast-cancer.csv
if [[ $rc == 3 && $err_text == *'this data allows --lr up to 4.8e-06; or --standardize'$'\n'* ]]; then
  echo "ok   raw breast cancer at lr 0.1: exit 3, the safe rate named"
else fail "raw breast cancer at lr 0.1: exit $rc, $err_line"; fi
# Standardised, it trains, and equals the lesson's loop on the standardised data.
run_chapter none --data data/breast-cancer.csv --standardize
std_w=() raw_w=()
for ((j = 0; j < 30; j++)); do std_w+=("w[$j]=std_w.$j:1e-9"); raw_w+=("w[$j]=raw_w.$j:1e-9"); done
expect_numbers breast-cancer.txt 'loss[0]=std_loss_0:1e-9' 'loss[1]=std_loss_1:1e-9' 'loss[10]=std_loss_10:1e-9' \
  'loss[100]=std_loss_100:1e-9' 'loss[499]=std_loss_499:1e-9' "${std_w[@]}" 'b=std_b:1e-9' 'accuracy=std_accuracy:1e-11'
expect_text 'below are per standard deviation of their feature.'
expect_text 'Training accuracy: 0.9859 (561 of 569 correct)'
# At lr 3e-5 (above the safe rate: the warning names the two area columns)
# the loss climbs for 163 epochs, then falls: the run is not stopped, and
# ends where the lesson's loop ends.
LR_PLOT=none run_status --data data/breast-cancer.csv --lr 3e-5 --epochs 3000
if [[ $rc == 0 && $err_text == *"2 of 30 columns are too large for gradient descent: 'mean_area', 'worst_area'"* ]]; then
  echo "ok   raw breast cancer at lr 3e-5 runs all 3000 epochs, after a warning naming the area columns"
else fail "raw breast cancer at lr 3e-5: exit $rc, $err_line"; fi
expect_numbers breast-cancer.txt 'loss[2999]=raw_loss_2999:1e-9' "${raw_w[@]}" 'b=raw_b:1e-9' 'accuracy=raw_accuracy:1e-11'
# A constant column is only centred (to 0), never divided by its deviation 0.
awk -F, 'NR == 1 { print; next } { print $1 ",7," $3 }' data/classification.csv > "$TMP/constant.csv"
run_chapter none --data "$TMP/constant.csv" --standardize
expect_text 'Column 2 (x2) is constant: it is only centred, to 0, and adds nothing.'
expect_word 'w[1]' 1 0.000000000000 ours
# Features near 1e150 would allow a rate near 1e-300, far below the smallest
# --lr (1e-12): the warning offers --standardize, no rate.
awk -F, 'NR == 1 { print; next } { printf "%.17g,%.17g,%s\n", $1 * 1e150, $2 * 1e150, $3 }' data/classification.csv \
  > "$TMP/huge.csv"
run_status --data "$TMP/huge.csv"
if [[ $err_text =~ warning:[^$'\n']*standardise\ the\ features && $err_text != *'allows --lr up to'* ]]; then
  echo "ok   features near 1e150: --standardize offered, no rate below --lr's minimum"
else fail "features near 1e150: $err_line"; fi
# A column name with _ is drawn as it is, not as a subscript (gnuplot's
# enhanced text): the labels made of names are noenhanced.
if [[ $WAY != solutions ]]; then
  cut -d, -f1,2,31 data/breast-cancer.csv > "$TMP/names.csv"
  run_chapter png --data "$TMP/names.csv" --standardize
  if has_line "$TMP/plots-png/chapter-03-data.gp" "set xlabel 'mean_radius' noenhanced"; then
    echo "ok   the axis named mean_radius is drawn without a subscript"
  else fail "the axis label of mean_radius is not set xlabel 'mean_radius' noenhanced"; fi
fi
