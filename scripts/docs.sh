#!/usr/bin/env bash
# docs.sh [--quick] [--epub-later] OUTDIR CHAPTER-PROGRAM...: everything
# `make docs` makes.
#   1. Every chapter's figures, as SVG in OUTDIR/fig, drawn by running the
#      chapter programs themselves (so a figure cannot go stale), with --lib
#      (here and in 2.): the notes show the library's results, whatever
#      state the learner's exercises are in. With --quick (make test, which
#      writes its notes to a folder of its own), a chapter listed in
#      tests/quick-args.txt (one that times itself) draws them with its
#      quicker arguments: the same figures, from fewer measurements.
#   2. The output of every command that the notes show the output of (a
#      block ```{.output program="./chapter-06 --option"}), run once without
#      plots and kept in OUTDIR/output/ (stdout and stderr, as a terminal
#      shows them); make docs-check compares the notes with it, line by line.
#   3. The site (scripts/build-docs.sh), beside 2., and with it each page
#      as a chapter of the book; then the EPUB,
#      OUTDIR/logistic-regression-in-c.epub (scripts/build-epub.sh). The
#      index links the EPUB, so an empty file stands in for it until it is
#      written (and is removed if it never is). With --epub-later the book's
#      chapters are kept in OUTDIR/.book/ and the EPUB is not written: make
#      test writes and checks it beside the browser check of the pages
#      (scripts/docs-check.sh --epub), which needs only the pages.
set -euo pipefail
declare -A quick=()
later=
while [[ ${1:-} == --* ]]; do
  case $1 in
    --quick)
      while read -r nn words; do
        [[ $nn =~ ^[0-9][0-9]$ ]] && quick[chapter-$nn]=$words
      done < tests/quick-args.txt ;;
    --epub-later) later=1 ;;
    *) echo "usage: scripts/docs.sh [--quick] [--epub-later] OUTDIR CHAPTER-PROGRAM..." >&2; exit 2 ;;
  esac
  shift
done
out=${1%/}; shift
rm -rf "$out/fig" "$out/output"
mkdir -p "$out/fig" "$out/output"
# The chapters draw side by side, as many at a time as there are processors.
jobs_max=$(nproc 2> /dev/null || echo 2)
# gnuplot's terminals, asked once: each chapter takes them from
# LR_GNUPLOT_TERMINALS (lib/plot.h) instead of starting a gnuplot to ask.
# Empty when gnuplot does not answer: each chapter then asks itself, and says
# what is wrong.
terminals=${LR_GNUPLOT_TERMINALS:-$(gnuplot -e "set print '-'; print GPVAL_TERMINALS" 2> /dev/null || true)}
declare -A programs
pids=()
for program in "$@"; do
  while jobs -rp > "$out/fig/.running" && mapfile -t running < "$out/fig/.running" &&
    ((${#running[@]} >= jobs_max)); do wait -n || true; done
  # (the quicker arguments are words: no quoting in tests/quick-args.txt)
  # shellcheck disable=SC2086
  LR_GNUPLOT_TERMINALS=$terminals LR_PLOT=svg LR_PLOT_DIR="$out/fig" "$program" --lib ${quick[${program##*/}]:-} > /dev/null &
  pids+=($!)
  programs[${program##*/}]=$program
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || { echo "docs: ${*:i+1:1} failed while drawing its figures" >&2; exit 1; }
done
# The programs also leave the gnuplot scripts that drew the figures; the
# notes show only the pictures.
rm -f "$out"/fig/*.gp "$out/fig/.running"

# output_name COMMAND: sets file to its file in OUTDIR/output, without .txt
# (as docs-check.mjs names it: each run of other characters becomes one _,
# and leading dots and underscores go).
shopt -s extglob
output_name() {
  file=${1//+([^A-Za-z0-9.-])/_}
  file=${file##+([._])}
}
outputs() {
  local command name args program file
  while read -r command; do
    [[ -n $command ]] || continue
    read -r name args <<< "$command"
    program=${programs[${name#./}]:-}
    if [[ -z $program ]]; then
      echo "docs: the notes show the output of '$command', but ${name#./} is not a chapter program" >&2
      return 1
    fi
    output_name "$command"
    # (the options are words: no quoting in a command the notes show)
    # shellcheck disable=SC2086
    # (stderr too, in the order a terminal shows it: a warning the run prints
    # is part of what the notes quote, not noise in make docs)
    LR_PLOT=none "$program" --lib $args > "$out/output/$file.txt" 2>&1 || {
      echo "docs: '$command', whose output the notes show, failed" >&2
      return 1
    }
  done < <(grep -ho 'program="[^"]*"' docs/*.md docs/hints/*.md | sed 's/^program="//; s/"$//' | sort -u)
}
outputs &
outputs_job=$!

epub=$out/logistic-regression-in-c.epub
if [[ -n $later ]]; then
  chapters=$out/.book
  rm -rf "$chapters"
  mkdir -p "$chapters"
else
  chapters=$(mktemp -d)
  trap 'rm -rf "$chapters"' EXIT
fi
placeholder=
[[ -e $epub ]] || { : > "$epub"; placeholder=1; }
status=0
scripts/build-docs.sh "$out" "$chapters" || status=$?
wait "$outputs_job" || status=1
if [[ -n $later ]]; then
  ((status != 0)) || echo "docs: the EPUB's chapters are in $chapters/ (scripts/build-epub.sh writes the book)"
else
  ((status != 0)) || scripts/build-epub.sh "$out" "$epub" "$chapters" || status=$?
fi
if ((status != 0)) && [[ -n $placeholder && ! -s $epub ]]; then rm -f "$epub"; fi
exit "$status"
