#!/usr/bin/env bash
# docs-check.sh SITE [SHOTS]: the browser check of the built notes (make
# docs-check, and make test with DOCS_CHECK_SHOTS=0).
#
# Opens every page of SITE in headless Chromium with scripts/docs-check.mjs;
# the screenshots go to SHOTS, by default SITE-check/ (build/docs-check/ for
# the default build/docs). It checks the checker too, in the same browser:
# scripts/docs-check-selftest.sh writes a small site with one mistake of each
# kind, docs-check.mjs --selftest checks it beside the notes, and the
# self-test fails unless every mistake was reported. Needs Debian's chromium
# and nodejs.
set -euo pipefail
[[ ($# == 1 || $# == 2) && -n $1 ]] || { echo "usage: scripts/docs-check.sh SITE [SHOTS]" >&2; exit 2; }
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
scripts/docs-check-selftest.sh --write "$selftest"
status=0
node scripts/docs-check.mjs --selftest "$selftest" "$site" "$shots" || status=$?
scripts/docs-check-selftest.sh --judge "$selftest" || ((status != 0)) || status=1
exit "$status"
