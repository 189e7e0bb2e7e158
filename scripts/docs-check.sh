#!/usr/bin/env bash
# docs-check.sh SITE: the browser check of the built notes (make docs-check).
#
# First checks the checker: scripts/docs-check-selftest.sh builds a small
# site with one mistake of each kind and expects scripts/docs-check.mjs to
# report every one. Then opens every page of SITE in headless Chromium with
# scripts/docs-check.mjs; the screenshots go to SITE-check/ (build/docs-check/
# for the default build/docs). Needs Debian's chromium and nodejs.
set -euo pipefail
[[ $# == 1 && -n $1 ]] || { echo "usage: scripts/docs-check.sh SITE" >&2; exit 2; }
site=${1%/}
for tool in chromium node; do
  command -v "$tool" > /dev/null || {
    echo "docs-check: needs $tool (Debian: sudo apt-get install chromium nodejs)" >&2
    exit 2
  }
done
scripts/docs-check-selftest.sh
node scripts/docs-check.mjs "$site" "$site-check"
