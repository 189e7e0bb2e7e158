#!/usr/bin/env bash
# check-chapter-tables.sh [README INDEX]: the chapter tables of the README
# and of the notes' front page (docs/index.md by default) must list the
# chapters of chapters/NN-name.c, each once, in order, with each row naming
# only its own chapter's files (README: `NN-name.c`; index: the page
# NN-name.html and its program, exercise and hint). Prints what differs and
# exits 1 when they disagree.
#
#   check-chapter-tables.sh --selftest   also checks that the check can fail:
#                                        a row left out, rows swapped, and a
#                                        row naming another chapter's file
#                                        must each be caught (make test)
set -u
export LC_ALL=C

# readme_rows FILE: NN-name of each chapter row ("| 01 sigmoid | ... |"),
# or "NN-name MISMATCH" when the row names another chapter's NN-name.c.
readme_rows() {
  awk -F'|' '/^\| *[0-9][0-9] [a-z0-9-]+ *\|/ {
      split($2, w, " "); name = w[1] "-" w[2]
      line = $0; bad = 0
      while (match(line, /[0-9][0-9]-[a-z0-9-]+\.c/)) {
        if (substr(line, RSTART, RLENGTH) != name ".c") bad = 1
        line = substr(line, RSTART + RLENGTH)
      }
      print name (bad ? " MISMATCH" : "") }' "$1"
}

# index_rows FILE: NN-name of each chapter row ("| 1 | [Title](01-sigmoid.html) | ..."),
# with MISMATCH when the number or another link names a different chapter.
index_rows() {
  awk -F'|' '/^\| *[0-9]+ *\| *\[[^]]*\]\([0-9][0-9]-[a-z0-9-]+\.html\)/ {
      match($3, /\([0-9][0-9]-[a-z0-9-]+\.html\)/); name = substr($3, RSTART + 1, RLENGTH - 7)
      bad = ($2 + 0 != substr(name, 1, 2) + 0)
      line = $0
      while (match(line, /[0-9][0-9]-[a-z0-9-]+\.(c|html|md)/)) {
        found = substr(line, RSTART, RLENGTH); sub(/\.(c|html|md)$/, "", found)
        if (found != name) bad = 1
        line = substr(line, RSTART + RLENGTH)
      }
      print name (bad ? " MISMATCH" : "") }' "$1"
}

# The chapters of chapters/, NN-name, one a line.
chapters=(chapters/[0-9][0-9]-*.c)
chapters=("${chapters[@]##*/}")
chapters=("${chapters[@]%.c}")
printf -v want '%s\n' "${chapters[@]}"
want=${want%$'\n'}

# check README INDEX: 0 when both tables agree with chapters/.
check() {
  local readme=$1 index=$2 got status=0 what file
  for what in README index; do
    if [[ $what == README ]]; then file=$readme got=$(readme_rows "$readme")
    else file=$index got=$(index_rows "$index"); fi
    if [[ $got == "$want" ]]; then
      echo "ok   $file: the chapter table lists the ${#chapters[@]} chapters of chapters/, in order"
    else
      status=1
      echo "FAIL $file: the chapter table differs from chapters/NN-name.c (< chapters/, > the table;"
      echo "     MISMATCH: the row names another chapter's files)"
      diff <(echo "$want") <(echo "$got") | grep '^[<>]' | sed 's/^/       /'
    fi
  done
  return $status
}

if [[ ${1:-} != --selftest ]]; then
  check "${1:-README.md}" "${2:-docs/index.md}"
  exit
fi

check README.md docs/index.md || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
second=${chapters[1]} third=${chapters[2]}
# must_fail WHAT README INDEX: the check must fail on these copies.
must_fail() {
  if check "$2" "$3" > "$tmp/out.txt"; then
    echo "FAIL the check passed a table with $1:"; sed 's/^/     /' "$tmp/out.txt"; exit 1
  fi
  echo "ok   the check catches $1"
}
grep -v "^| ${second%%-*} " README.md > "$tmp/readme-missing.md"
must_fail "a README row left out" "$tmp/readme-missing.md" docs/index.md
awk -v a="(${second}.html)" -v b="(${third}.html)" 'index($0, a) { held = $0; next }
     { print } index($0, b) { print held }' docs/index.md > "$tmp/index-swapped.md"
must_fail "two index rows swapped" README.md "$tmp/index-swapped.md"
sed "/^| ${third%%-*} /s/\`${third}\.c\`/\`${second}.c\`/" README.md > "$tmp/readme-wrong-file.md"
must_fail "a README row naming another chapter's exercise" "$tmp/readme-wrong-file.md" docs/index.md
