#!/usr/bin/env bash
# docs.sh OUTDIR CHAPTER-PROGRAM...: draw every chapter's figures as SVG into
# OUTDIR/fig by running the chapter programs themselves (so a figure cannot go
# stale), then write the EPUB, OUTDIR/logistic-regression-in-c.epub, with
# scripts/build-epub.sh, and render the site with scripts/build-docs.sh (the
# index links the EPUB, so it comes first).
set -euo pipefail
out=${1%/}; shift
rm -rf "$out/fig"
mkdir -p "$out/fig"
for program in "$@"; do
  LR_PLOT=svg LR_PLOT_DIR="$out/fig" "$program" > /dev/null
done
# The programs also leave the gnuplot scripts that drew the figures; the
# notes show only the pictures.
rm -f "$out"/fig/*.gp
scripts/build-epub.sh "$out" "$out/logistic-regression-in-c.epub"
scripts/build-docs.sh "$out"
