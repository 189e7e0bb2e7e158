# Chapter 10: the linear model, the polynomial features and the scaler agree
# with NumPy and scikit-learn; the degree sweep's accuracies agree where the
# optimum is unique (every degree with C = 1; degrees 1-4 with C = 1e10).
run_chapter png   # the numbers and (with the stubs) the plots, from one run
specs=('w[0]=gd_linear_w.0:1e-9' 'w[1]=gd_linear_w.1:1e-9' 'b=gd_linear_b:1e-9'
       'train_acc=gd_linear_train_acc:1e-11' 'test_acc=gd_linear_test_acc:1e-11')
for k in 0 1 2 3 4 5 6 7 8; do specs+=("f3[$k]=features_deg3_row0.$k:1e-12"); done
# Accuracies are printed to 4 decimals; one sample of 300 moves them by 0.0033.
for d in 1 2 3 4; do specs+=("deg_$d#2=train_acc_deg_$d:1e-4" "deg_$d#4=test_acc_deg_$d:1e-4"); done
for d in 1 2 3 4 5 6 7 8; do specs+=("deg_${d}_C1#2=train_acc_deg_${d}_C1:1e-4" "deg_${d}_C1#4=test_acc_deg_${d}_C1:1e-4"); done
expect_numbers poly-moons.txt "${specs[@]}"
# Step 5: the lesson's gradient descent on the raw degree-3 columns (with
# solutions/, the learner's fit_polynomial), beside the NumPy loop.
specs=()
for k in 0 1 2 3 4 5 6 7 8; do specs+=("poly_w[$k]=gd_poly3_w.$k:1e-9"); done
specs+=('poly_b=gd_poly3_b:1e-9' 'poly_loss[999]=gd_poly3_loss_999:1e-9'
        'poly_train_acc=gd_poly3_train_acc:1e-11' 'poly_test_acc=gd_poly3_test_acc:1e-11')
expect_numbers poly-moons.txt "${specs[@]}"
[[ $WAY == solutions ]] && expect_text 'Your poly_expand and fit_polynomial (with your gradient and gd_step) trained it'
# the verdict the notes quote is the one the chapter prints
[[ $WAY == solutions ]] && expect_notes_quote 'your code reproduces'
# (scaler_max_diff: the largest difference over the 9 means and deviations)
expect_small scaler_max_diff 1e-12
expect_text 'Degree 3 without a penalty: training accuracy 0.9767, held-out 0.9667'
expect_plots chapter-10-linear chapter-10-boundary chapter-10-sweep chapter-10-overfit chapter-10-gd
# Other options: another degree and penalty; other data have nothing to compare with.
# The moons are made in C exactly as scikit-learn makes them: --save-data
# writes them from these two runs too (random_state=0, then the lesson's 42).
run_chapter none --degree 5 --lambda 0.1 --seed 0 --save-data "$TMP/moons0.csv"
expect_text 'Degree 5 without a penalty'
expect_text "With L2: lambda = 0.1 (scikit-learn's C = 10)"
if cmp -s "$TMP/moons0.csv" data/reference/generators/moons_b.csv; then
  echo "ok   --seed 0 --save-data writes make_moons(300, noise=0.2, random_state=0) byte for byte"
else fail "--seed 0 --save-data differs from make_moons(random_state=0)"; fi
run_chapter none --test data/moons.csv --save-data "$TMP/moons42.csv"
expect_text 'no scikit-learn reference'
if cmp -s "$TMP/moons42.csv" data/moons.csv; then echo "ok   --save-data writes data/moons.csv byte for byte"
else fail "--save-data differs from data/moons.csv"; fi
# A degree past the sweep is the user's mistake: one line, exit status 2.
run_status --degree 9
if [[ $rc == 2 && $err_count == 1 ]]; then echo "ok   --degree 9 is refused: $err_line"
else fail "--degree 9 gave exit status $rc and: ${err_text:0:300}"; fi
# Features a thousand times larger make the lesson's learning rate diverge:
# one line saying so, exit status 3.
awk -F, 'NR == 1 { print; next } { printf "%.17g,%.17g,%s\n", $1 * 1000, $2 * 1000, $3 }' data/moons.csv > "$TMP/big.csv"
run_status --data "$TMP/big.csv"
diverged=()   # the lines of stderr that say diverged
while IFS= read -r line; do [[ $line == *diverged* ]] && diverged+=("$line"); done <<< "$err_text"
if [[ $rc == 3 && ${#diverged[@]} == 1 ]]; then echo "ok   features x1000 are reported: ${diverged[0]}"
else fail "features x1000 gave exit status $rc and: ${err_text:0:300}"; fi
# Chapter 10 has no --lr: its warning and advice offer only --standardize.
if [[ $err_text == *--lr* ]]; then fail "chapter 10 offers an option it lacks: $err_line"
elif [[ $err_text == *--standardize* ]]; then echo "ok   features x1000: only --standardize is offered"
else fail "features x1000: --standardize is not offered: $err_line"; fi
# A poly_expand with x1 and x2 swapped: the verdict names the first value.
WRONG_AT="your numbers first differ from NumPy's at x1 of sample 0: yours -0.291407343"
# --data without --test holds out a quarter of the file, drawn as
# train_test_split(test_size=0.25, random_state=1) draws it (not the
# generated moons). scikit-learn's degree-3 pipeline (PolynomialFeatures,
# StandardScaler, LogisticRegression(C=1e10)) on that split scores 0.9689
# on the 225 training rows and 0.9733 on the 75 held out.
run_chapter none --data data/moons.csv
expect_text 'held out: 75 of its 300 rows, drawn at random'
expect_text 'Degree 3 without a penalty: training accuracy 0.9689, held-out 0.9733'
# (the same rows under other column names: the chapter shows the header's)
mapfile -t rows < data/moons.csv
rows[0]=height,weight,y
printf '%s\n' "${rows[@]}" > "$TMP/named.csv"
run_chapter none --data "$TMP/named.csv" --test-seed 2
expect_text 'train_test_split(test_size=0.25, random_state=2)'
expect_text 'on height, weight as they are'
expect_text 'height weight^2'
