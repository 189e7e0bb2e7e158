# Sourced by the fake gnuplots: answer the chapters' question "which
# terminals do you have?" (gnuplot -e "... print GPVAL_TERMINALS") like a
# working gnuplot, and exit; the line "probe" goes into FAKE_GNUPLOT_LOG
# when it is set, so that run.sh can count the questions.
case "$*" in
  *GPVAL_TERMINALS*)
    [ -n "${FAKE_GNUPLOT_LOG:-}" ] && echo probe >> "$FAKE_GNUPLOT_LOG"
    echo "dumb png pngcairo svg"
    exit 0
    ;;
esac
