#!/usr/bin/env bash
# docs.sh OUTDIR CHAPTER-PROGRAM...: draw every chapter's figures as SVG into
# OUTDIR/fig by running the chapter programs themselves (so a figure cannot go
# stale), then render the notes with scripts/build-docs.sh.
set -euo pipefail
out=$1; shift
rm -rf "$out/fig"
mkdir -p "$out/fig"
for program in "$@"; do
  LR_PLOT=svg LR_PLOT_DIR="$out/fig" "$program" > /dev/null
done
scripts/build-docs.sh "$out"
