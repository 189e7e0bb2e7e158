# Helpers for the chapter tests, tests/chapters/NN-name.sh. scripts/run-tests.sh
# sources this file and then a chapter's script, with CHAPTER (the program),
# CHECK (build/.../check-output), TMP (an empty folder), WAY (stubs: CHAPTER
# is linked with the stubs as shipped; solutions: with solutions/ as the
# learner's code) and WRONG (the chapter linked with a deliberately wrong
# exercise, when tests/chapters/wrong/ has one) set; then it calls expect_way.
# Each helper prints what it checked; any failure makes the script exit
# non-zero.
failures=0

fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# run_chapter MODE [ARGS...]: run the chapter with LR_PLOT=MODE; its stdout is
# kept in $TMP/out.txt. It must exit 0 and print nothing on stderr.
run_chapter() {
  local mode=$1; shift
  [[ ${WAY:-} == solutions ]] && mode=none   # the plots were checked on the stubs' run
  LR_PLOT=$mode LR_PLOT_DIR="$TMP/plots-$mode" "$CHAPTER" "$@" > "$TMP/out.txt" 2> "$TMP/err.txt"
  local rc=$?
  if [[ $rc != 0 ]]; then fail "$CHAPTER $* (LR_PLOT=$mode) exited $rc: $(head -c 300 "$TMP/err.txt")"
  elif [[ -s $TMP/err.txt ]]; then fail "$CHAPTER $* (LR_PLOT=$mode) wrote to stderr: $(head -c 300 "$TMP/err.txt")"
  else echo "ok   $(basename "$CHAPTER") $* runs with LR_PLOT=$mode"; fi
  expect_narrow
}

# expect_narrow: no line of $TMP/out.txt is over 80 characters (the terminal's
# width, and what the notes' pages show of an output without scrolling:
# lib/chapter.h's CHAPTER_COLUMNS).
expect_narrow() {
  local wide
  wide=$(awk 'length($0) > 80 { printf "line %d has %d characters: %.60s...\n", NR, length($0), $0 }' "$TMP/out.txt")
  if [[ -z $wide ]]; then echo "ok   every line within 80 characters"
  else fail "a line over 80 characters: $(head -3 <<< "$wide")"; fi
}

# expect_numbers REFERENCE SPEC...: numbers printed vs data/reference/REFERENCE
# (SPEC as in tests/chapters/check-output.c: LABEL[#COL]=KEY[.INDEX]:TOL).
expect_numbers() {
  local ref=$1; shift
  local out
  out=$("$CHECK" "$TMP/out.txt" "data/reference/$ref" "$@") || failures=$((failures + 1))
  echo "$out" | sed 's/^/     /'
}

# expect_text TEXT: the output contains TEXT (fixed string), on one line or
# across a line and the lines that continue it (indented by two spaces more:
# chapter_print's wrapping), read as one line.
expect_text() {
  local joined
  joined=$(awk 'NR > 1 && /^  +[^ ]/ && length(prev) > 0 { sub(/^ +/, " "); printf "%s", $0; prev = $0; next }
                NR > 1 { printf "\n" } { printf "%s", $0; prev = $0 } END { printf "\n" }' "$TMP/out.txt")
  if grep -qF -- "$1" "$TMP/out.txt" || grep -qF -- "$1" <<< "$joined"; then echo "ok   prints: $1"
  else fail "output lacks: $1"; fi
}

# expect_word LABEL COL WORD HEADING: on the one line of the output whose
# first word is LABEL, the COL-th word after the label is WORD (for what
# check-output cannot compare, such as NaN). HEADING is the heading of that
# column, which must be printed too, so the check says which column it reads.
expect_word() {
  local label=$1 col=$2 want=$3 heading=$4 lines got
  lines=$(awk -v label="$label" '$1 == label' "$TMP/out.txt")
  if ! grep -qF -- "$heading" "$TMP/out.txt"; then fail "no column headed '$heading' in the output"
  elif [[ -z $lines ]]; then fail "no line starts with '$label'"
  elif [[ $lines == *$'\n'* ]]; then fail "more than one line starts with '$label': a label must start one line only"
  else
    got=$(awk -v col="$col" '{ print $(col + 1) }' <<< "$lines")
    if [[ $got == "$want" ]]; then echo "ok   $label, column $col ($heading): $want"
    else fail "$label, column $col ($heading): expected $want, got '$got'"; fi
  fi
}

# expect_plots NAME...: after run_chapter png, each NAME.png is a non-empty
# PNG image with its NAME.gp script beside it.
expect_plots() {
  local dir="$TMP/plots-png" name
  [[ ${WAY:-} == solutions ]] && return 0
  for name in "$@"; do
    if [[ ! -s $dir/$name.png ]]; then fail "no $name.png"
    elif [[ $(head -c 4 "$dir/$name.png" | od -An -c | tr -d ' ') != '211PNG' ]]; then fail "$name.png is not a PNG"
    elif [[ ! -s $dir/$name.gp ]]; then fail "no $name.gp beside $name.png"
    else echo "ok   $name.png ($(wc -c < "$dir/$name.png") bytes) and $name.gp"; fi
  done
  local extra
  extra=$(ls "$dir" | grep -v -e '\.png$' -e '\.gp$')
  [[ -z $extra ]] || fail "stray files left in the plot folder: $extra"
}

# expect_way: what the learner's code changes. With the stubs the chapter says
# in one line that the exercise is not done and runs the library's code; with
# solutions/ it prints the "yours" column and the payoff line (the chapter's
# script above has checked the numbers either way). The wrong exercise must
# give the line where its numbers first differ, and exit status 4; when the
# chapter's script sets WRONG_AT, that line must hold it (where they differ).
# A chapter listed in tests/quick-args.txt runs with its quicker arguments.
expect_way() {
  local nn args
  nn=$(basename "$CHAPTER" | sed 's/chapter-//')
  read -ra args <<< "$(awk -v nn="$nn" '$1 == nn { $1 = ""; print }' tests/quick-args.txt)"
  run_chapter none "${args[@]}"
  if [[ $WAY == stubs ]]; then
    expect_text "exercise $nn is not done yet"
    return
  fi
  expect_text "yours"
  expect_text "your code reproduces"
  run_chapter none --lib "${args[@]}"
  if grep -q -e yours "$TMP/out.txt"; then fail "--lib still ran your code"; else echo "ok   --lib runs the library only"; fi
  [[ -x $WRONG ]] || return 0
  LR_PLOT=none "$WRONG" "${args[@]}" > "$TMP/out.txt" 2> "$TMP/err.txt"
  local rc=$?
  expect_narrow
  if [[ $rc != 4 ]]; then fail "$(basename "$WRONG") with a wrong exercise exited $rc, expected 4"
  else echo "ok   a wrong exercise: exit status 4"; fi
  expect_text "your numbers first differ from"
  [[ -z ${WRONG_AT:-} ]] || expect_text "$WRONG_AT"
}
