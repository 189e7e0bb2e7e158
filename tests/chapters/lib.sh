# Helpers for the chapter tests, tests/chapters/NN-name.sh. scripts/run-tests.sh
# sources this file and then a chapter's script, with CHAPTER (the program),
# CHECK (build/.../check-output), TMP (an empty folder), WAY (stubs: CHAPTER
# is linked with the stubs as shipped; solutions: with solutions/ as the
# learner's code), WRONG (the chapter linked with a deliberately wrong
# exercise, when tests/chapters/wrong/ has one) and LR_GNUPLOT_TERMINALS
# (gnuplot's terminals, asked once for every chapter step: lib/plot.h) set;
# then it calls expect_way.
# Each helper prints what it checked; any failure makes the script exit
# non-zero.
#
# make test runs these scripts 24 times, so the helpers start no process of
# their own where bash can do the work: a file is read with read or mapfile,
# text is matched with [[ ]], and a run that was made already is not made
# again (run_chapter). Only the chapter and check-output are started. The
# chapters' scripts do the same: a run that must fail goes through run_status
# (its stderr read into err_text), not through grep, wc and cat.
failures=0
declare -A ran_before=()   # run_chapter's earlier runs: "MODE ARGS" -> their output

fail() { echo "FAIL $*"; failures=$((failures + 1)); }

# read_file FILE VAR: the whole of FILE, every byte (up to a NUL), into VAR.
read_file() { IFS= read -r -d '' "$2" < "$1" || true; }

# load_out [FILE]: $TMP/out.txt (or FILE) into out_text (all of it) and
# out_lines (one element a line). load_err: $TMP/err.txt into err_text, and
# its number of lines (of newlines, as wc -l counts them) into err_count.
load_out() {
  read_file "${1:-$TMP/out.txt}" out_text
  mapfile -t out_lines < "${1:-$TMP/out.txt}"
}
load_err() {
  read_file "$TMP/err.txt" err_text
  local newlines=${err_text//[!$'\n']/}
  err_count=${#newlines}
  err_line=$err_text   # (for a report: without the newlines at its end)
  while [[ $err_line == *$'\n' ]]; do err_line=${err_line%$'\n'}; done
}

# run_status [ARGS...]: a run of the chapter that may stop with an error, with LR_PLOT as the
# caller sets it (LR_PLOT=none run_status --lr 5): its exit status into rc, its stdout into
# $TMP/out.txt (load_out), its stderr into $TMP/err.txt (load_err: err_text, err_count, err_line).
run_status() {
  "$CHAPTER" "$@" > "$TMP/out.txt" 2> "$TMP/err.txt"
  rc=$?
  load_out
  load_err
}

# count_lines REGEX: the number of lines of the output (out_lines) that match REGEX (bash's =~,
# one line at a time, as grep -c counts them), into matched.
count_lines() {
  local line
  matched=0
  for line in "${out_lines[@]}"; do [[ $line =~ $1 ]] && matched=$((matched + 1)); done
}

# has_line FILE TEXT: FILE exists and has a line that starts with TEXT (fixed string).
has_line() {
  local text
  [[ -e $1 ]] || return 1
  read_file "$1" text
  [[ $'\n'$text == *$'\n'"$2"* ]]
}

# run_chapter MODE [ARGS...]: run the chapter with LR_PLOT=MODE; its stdout is
# kept in $TMP/out.txt. It must exit 0 and print nothing on stderr. With
# solutions/ the mode is always none: the plots were checked on the stubs' run.
# A run with the same mode and arguments as an earlier one is not made again:
# its output (already checked: exit 0, nothing on stderr) goes back into
# $TMP/out.txt, to be checked for more. So is a run with LR_PLOT=none after the
# same run with LR_PLOT=png, whose output is the same with a "plot: FILE" line
# for each plot. Never a run that writes a file (--save-data, --checkpoint).
run_chapter() {
  local mode=$1 key
  shift
  [[ ${WAY:-} == solutions ]] && mode=none
  key="$mode $*"
  if [[ " $* " != *" --save-data "* && " $* " != *" --checkpoint "* ]]; then
    [[ $mode == none && -z ${ran_before[$key]+x} && -n ${ran_before[png $*]+x} ]] && key="png $*"
    if [[ -n ${ran_before[$key]+x} ]]; then
      printf '%s' "${ran_before[$key]}" > "$TMP/out.txt"
      echo "ok   ${CHAPTER##*/} $* ran above with LR_PLOT=${key%% *}: its output is checked again"
      load_out
      return
    fi
  fi
  LR_PLOT=$mode LR_PLOT_DIR="$TMP/plots-$mode" "$CHAPTER" "$@" > "$TMP/out.txt" 2> "$TMP/err.txt"
  local rc=$?
  load_err
  if [[ $rc != 0 ]]; then fail "$CHAPTER $* (LR_PLOT=$mode) exited $rc: ${err_text:0:300}"
  elif [[ -n $err_text ]]; then fail "$CHAPTER $* (LR_PLOT=$mode) wrote to stderr: ${err_text:0:300}"
  else echo "ok   ${CHAPTER##*/} $* runs with LR_PLOT=$mode"; fi
  expect_narrow
  [[ $rc == 0 && -z $err_text ]] && ran_before[$key]=$out_text
}

# expect_narrow: no line of $TMP/out.txt is over 80 characters (the terminal's
# width, and what the notes' pages show of an output without scrolling:
# lib/chapter.h's CHAPTER_COLUMNS). Counted in bytes, so a line with a
# two-byte character such as the middle dot has to be shorter.
expect_narrow() {
  local LC_ALL=C k wide=() long=$'[^\n]{81}'
  load_out
  # one regex over the whole output first; the lines only when it matches
  if [[ $out_text =~ $long ]]; then
    for k in "${!out_lines[@]}"; do
      ((${#out_lines[k]} > 80)) && wide+=("line $((k + 1)) has ${#out_lines[k]} characters: ${out_lines[k]:0:60}...")
    done
  fi
  if ((${#wide[@]} == 0)); then echo "ok   every line within 80 characters"
  else fail "a line over 80 characters: $(printf '%s\n' "${wide[@]:0:3}")"; fi
}

# expect_numbers REFERENCE SPEC...: numbers printed vs data/reference/REFERENCE
# (SPEC as in tests/chapters/check-output.c: LABEL[#COL]=KEY[.INDEX]:TOL).
expect_numbers() {
  local ref=$1 out
  shift
  out=$("$CHECK" "$TMP/out.txt" "data/reference/$ref" "$@") || failures=$((failures + 1))
  echo "     ${out//$'\n'/$'\n'     }"
}

# expect_small LABEL TOL: the first number after LABEL in the output is within TOL of 0
# (check-output, against a reference that holds one 0: a largest difference the chapter printed).
expect_small() {
  local out
  [[ -e $TMP/zero.txt ]] || printf 'zero 0\n' > "$TMP/zero.txt"
  out=$("$CHECK" "$TMP/out.txt" "$TMP/zero.txt" "$1=zero:$2") || failures=$((failures + 1))
  echo "     ${out//$'\n'/$'\n'     }"
}

# joined_text: out_text with each line that continues the one before it
# (indented by two spaces or more, after a line that is not empty:
# chapter_print's wrapping) joined to it by one space.
joined_text() {
  local line prev="" k parts=()
  for k in "${!out_lines[@]}"; do
    line=${out_lines[k]}
    if ((k > 0)) && [[ -n $prev && $line =~ ^\ \ +[^\ ] ]]; then
      line=" ${line#"${line%%[! ]*}"}"
      parts[-1]+=$line
    else parts+=("$line"); fi
    prev=$line
  done
  local IFS=$'\n'
  joined="${parts[*]}"
}

# expect_text TEXT: the output contains TEXT (fixed string), on one line or
# across a line and the lines that continue it (indented by two spaces more:
# chapter_print's wrapping), read as one line.
expect_text() {
  local joined
  load_out
  if [[ $out_text == *"$1"* ]] || { joined_text; [[ $joined == *"$1"* ]]; }; then echo "ok   prints: $1"
  else fail "output lacks: $1"; fi
}

# expect_notes_quote PREFIX: the fenced block of the chapter's notes
# (docs/NN-*.md) whose first line starts with PREFIX is lines of the last
# run's output, one after another: for a quote that no output block can
# check, such as the verdict on the learner's code (make docs runs --lib).
expect_notes_quote() {
  local notes=(docs/"${CHAPTER##*/chapter-}"-*.md) line in=0 first=0 quote=() k j
  while IFS= read -r line; do
    if [[ $line == '```'* ]]; then
      ((${#quote[@]} > 0)) && break
      in=$((1 - in)) first=1
      continue
    fi
    if ((in)) && { ((${#quote[@]} > 0)) || { ((first)) && [[ $line == "$1"* ]]; }; }; then quote+=("$line"); fi
    first=0
  done < "${notes[0]}"
  if ((${#quote[@]} == 0)); then fail "${notes[0]} has no block that starts '$1'"; return; fi
  load_out
  for k in "${!out_lines[@]}"; do
    [[ ${out_lines[k]} == "${quote[0]}" ]] || continue
    for j in "${!quote[@]}"; do [[ ${out_lines[k + j]:-} == "${quote[j]}" ]] || continue 2; done
    echo "ok   ${notes[0]} quotes ${#quote[@]} lines as the chapter prints them: ${quote[0]}"
    return
  done
  fail "${notes[0]} quotes ${#quote[@]} lines the chapter does not print so: ${quote[*]}"
}

# expect_lacks TEXT: the output does not contain TEXT (fixed string).
expect_lacks() {
  load_out
  if [[ $out_text == *"$1"* ]]; then fail "output has: $1"; else echo "ok   does not print: $1"; fi
}

# expect_word LABEL COL WORD HEADING: on the one line of the output whose
# first word is LABEL, the COL-th word after the label is WORD (for what
# check-output cannot compare, such as NaN). HEADING is the heading of that
# column, which must be printed too, so the check says which column it reads.
expect_word() {
  local label=$1 col=$2 want=$3 heading=$4 line words lines=()
  load_out
  for line in "${out_lines[@]}"; do
    [[ $line == *"$label"* ]] || continue
    read -ra words <<< "$line"
    [[ ${words[0]-} == "$label" ]] && lines+=("$line")
  done
  if [[ $out_text != *"$heading"* ]]; then fail "no column headed '$heading' in the output"
  elif ((${#lines[@]} == 0)); then fail "no line starts with '$label'"
  elif ((${#lines[@]} > 1)); then fail "more than one line starts with '$label': a label must start one line only"
  else
    read -ra words <<< "${lines[0]}"
    local got=${words[col]-}
    if [[ $got == "$want" ]]; then echo "ok   $label, column $col ($heading): $want"
    else fail "$label, column $col ($heading): expected $want, got '$got'"; fi
  fi
}

# expect_plots NAME...: after run_chapter png, each NAME.png is a non-empty
# PNG image with its NAME.gp script beside it, and nothing else is there.
expect_plots() {
  local LC_ALL=C dir="$TMP/plots-png" name magic file extra=()
  [[ ${WAY:-} == solutions ]] && return 0
  for name in "$@"; do
    magic=""
    [[ -s $dir/$name.png ]] && read -r -N 4 magic < "$dir/$name.png"
    if [[ ! -s $dir/$name.png ]]; then fail "no $name.png"
    elif [[ $magic != $'\x89PNG' ]]; then fail "$name.png is not a PNG"
    elif [[ ! -s $dir/$name.gp ]]; then fail "no $name.gp beside $name.png"
    else echo "ok   $name.png and $name.gp"; fi
  done
  for file in "$dir"/*; do
    [[ $file == *.png || $file == *.gp || ! -e $file ]] || extra+=("${file##*/}")
  done
  ((${#extra[@]} == 0)) || fail "stray files left in the plot folder: ${extra[*]}"
}

# expect_way: what the learner's code changes. With the stubs the chapter says
# in one line that the exercise is not done and runs the library's code; with
# solutions/ it prints the "yours" column and the payoff line (the chapter's
# script above has checked the numbers either way). The wrong exercise must
# give the line where its numbers first differ, and exit status 4; when the
# chapter's script sets WRONG_AT, that line must hold it (where they differ),
# and when it sets WRONG_QUOTE, the notes' block that starts so must be
# lines of that run's output.
# A chapter listed in tests/quick-args.txt runs with its quicker arguments.
expect_way() {
  local nn=${CHAPTER##*/chapter-} args=() number rest
  while read -r number rest; do
    [[ $number == "$nn" ]] && { read -ra args <<< "$rest"; break; }
  done < tests/quick-args.txt
  run_chapter none "${args[@]}"
  if [[ $WAY == stubs ]]; then
    expect_text "exercise $nn is not done yet"
    # the command to run next is never broken across lines by the wrapping
    if [[ $out_text == *"make check EX=$nn to start it"* ]]; then echo "ok   prints, on one line: make check EX=$nn to start it"
    else fail "'make check EX=$nn to start it' is not on one line"; fi
    return
  fi
  expect_text "yours"
  expect_text "your code reproduces"
  run_chapter none --lib "${args[@]}"
  if [[ $out_text == *yours* ]]; then fail "--lib still ran your code"; else echo "ok   --lib runs the library only"; fi
  [[ -x $WRONG ]] || return 0
  LR_PLOT=none "$WRONG" "${args[@]}" > "$TMP/out.txt" 2> "$TMP/err.txt"
  local rc=$?
  expect_narrow
  if [[ $rc != 4 ]]; then fail "${WRONG##*/} with a wrong exercise exited $rc, expected 4"
  else echo "ok   a wrong exercise: exit status 4"; fi
  expect_text "your numbers first differ from"
  [[ -z ${WRONG_AT:-} ]] || expect_text "$WRONG_AT"
  [[ -z ${WRONG_QUOTE:-} ]] || expect_notes_quote "$WRONG_QUOTE"
  # the verdict's commands are never broken across lines by the wrapping
  load_out
  if [[ $out_text == *"make check EX=$nn tests your functions one by one"* ]]; then
    echo "ok   prints, on one line: make check EX=$nn tests your functions one by one"
  else fail "'make check EX=$nn tests your functions one by one' is not on one line"; fi
  if [[ $out_text != *"also runs your exercise"* ]]; then :
  elif [[ $out_text == *$'\n  (make check shows which pass)\n'* ]]; then
    echo "ok   prints, on a line of its own: (make check shows which pass)"
  else fail "'(make check shows which pass)' is not on a line of its own"; fi
}
