#!/usr/bin/env bash
# format.sh check|fix: the C sources against .clang-format (make format-check,
# make format). Covers every .c and .h under lib/, chapters/, exercises/,
# solutions/, tests/ and fuzz/.
#   check  lists each file clang-format would change, with how many of its
#          lines, and the totals; exits 1 when any file would change, 2 when
#          clang-format cannot run
#   fix    rewrites those files in place
# CLANG_FORMAT names the program (default clang-format; Debian's package
# clang-format, version 14 or later).
set -u
mode=${1:-}
[[ $mode == check || $mode == fix ]] || { echo "usage: scripts/format.sh check|fix" >&2; exit 2; }
cf=${CLANG_FORMAT:-clang-format}
mapfile -t files < <(find lib chapters exercises solutions tests fuzz -name '*.[ch]' -type f | LC_ALL=C sort)

if [[ $mode == fix ]]; then
  "$cf" -i --style=file "${files[@]}" || exit 1
  echo "format: ${#files[@]} files formatted with .clang-format"
  exit 0
fi

# clang-format --dry-run reports each place it would change as
# FILE:LINE:COL: warning: code should be clang-formatted; count the lines.
report=$("$cf" --dry-run --style=file "${files[@]}" 2>&1) || { echo "$report" >&2; exit 2; }
places=$(grep -oE '^[^:]+:[0-9]+:[0-9]+: warning: code should be clang-formatted' <<< "$report" | cut -d: -f1,2 | sort -u)
if [[ -z $places ]]; then
  echo "format-check: all ${#files[@]} files match .clang-format"
  exit 0
fi
cut -d: -f1 <<< "$places" | uniq -c | awk '{ print $2 ": " $1 ($1 == 1 ? " line" : " lines") " would change" }'
changed=$(cut -d: -f1 <<< "$places" | uniq | wc -l)
echo "format-check: $changed of ${#files[@]} files, $(wc -l <<< "$places") lines, differ from .clang-format;" \
     "make format rewrites them (to see how: clang-format FILE | diff FILE -)"
exit 1
