#!/usr/bin/env bash
# docs-check.sh [--epub] SITE [SHOTS]: the browser check of the built notes
# (make docs-check, and make test with DOCS_CHECK_SHOTS=0).
#
# Opens every page of SITE in headless Chromium with scripts/docs-check.mjs;
# the screenshots go to SHOTS, by default SITE-check/ (build/docs-check/ for
# the default build/docs). It checks the checker too, in the same browser:
# scripts/docs-check-selftest.sh writes a small site with one mistake of each
# kind, docs-check.mjs --selftest checks it beside the notes, and the
# self-test fails unless every mistake was reported. Needs Debian's chromium
# and nodejs.
#
# --epub (make test, after scripts/docs.sh --epub-later): meanwhile write the
# EPUB from the chapters in SITE/.book/ and check it with epubcheck
# (scripts/build-epub.sh), beside the browser: the two need nothing of each
# other, and epubcheck's Java takes seconds to start.
set -euo pipefail
epub=
[[ ${1:-} == --epub ]] && { epub=1; shift; }
[[ ($# == 1 || $# == 2) && -n $1 ]] || { echo "usage: scripts/docs-check.sh [--epub] SITE [SHOTS]" >&2; exit 2; }
site=${1%/}
shots=${2:-$site-check}
for tool in chromium node; do
  command -v "$tool" > /dev/null || {
    echo "docs-check: needs $tool (Debian: sudo apt-get install chromium nodejs)" >&2
    exit 2
  }
done
selftest=$(mktemp -d)
trap 'rm -rf "$selftest"' EXIT
if [[ -n $epub ]]; then
  [[ -d $site/.book ]] || { echo "docs-check: no $site/.book/: run scripts/docs.sh --epub-later $site first" >&2; exit 2; }
  scripts/build-epub.sh "$site" "$site/logistic-regression-in-c.epub" "$site/.book" > "$selftest/epub.txt" 2>&1 &
  epub_pid=$!
fi
scripts/docs-check-selftest.sh --write "$selftest"
status=0
node scripts/docs-check.mjs --selftest "$selftest" "$site" "$shots" || status=$?
scripts/docs-check-selftest.sh --judge "$selftest" || ((status != 0)) || status=1
if [[ -n $epub ]]; then
  epub_status=0
  wait "$epub_pid" || epub_status=$?
  cat "$selftest/epub.txt"
  ((epub_status == 0)) || ((status != 0)) || status=1
fi
exit "$status"
