#!/usr/bin/env bash
# check-lengths.sh: the size rules of docs/dev/STYLE.md, which keep a chapter
# readable in one sitting: no .c file under chapters/ longer than 350 lines,
# and no function in chapters/ or lib/ longer than 60 lines (from the line
# that opens it to its closing brace). Prints each file or function over its
# limit as FILE:LINE and exits 1; exits 0 when all are within.
set -u
max_file=350 max_function=60 bad=0
for f in chapters/*.c chapters/*/*.c; do
  [[ -f $f ]] || continue
  n=$(wc -l < "$f")
  if (( n > max_file )); then echo "$f: $n lines, more than $max_file: move a step into chapters/$(basename "$f" .c)/"; bad=1; fi
done
# A function opens on a line that starts in column 0 with a name and ends
# with "{", and closes at the next "}" in column 0.
report=$(awk -v max="$max_function" '
  /^[A-Za-z_].*\) *\{ *$/ && !/^(typedef|struct|enum|union)/ { start = FNR; name = $0; next }
  /^\}/ && start { len = FNR - start + 1
                   if (len > max) { sub(/\(.*/, "", name); n = split(name, w, /[ *]+/)
                                    printf "%s:%d: function %s is %d lines, more than %d: split it into named steps\n", FILENAME, start, w[n], len, max }
                   start = 0 }
' chapters/*.c chapters/*/*.c lib/*.c lib/*/*.c 2>/dev/null)
[[ -n $report ]] && { echo "$report"; bad=1; }
(( bad == 0 )) && echo "lengths: every chapter file within $max_file lines, every function within $max_function"
exit $bad
