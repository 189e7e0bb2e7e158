# Sourced by the fake gnuplots: answer the chapters' question "which
# terminals do you have?" (gnuplot -e "... print GPVAL_TERMINALS") like a
# working gnuplot, and exit.
case "$*" in
  *GPVAL_TERMINALS*) echo "dumb png pngcairo svg"; exit 0 ;;
esac
