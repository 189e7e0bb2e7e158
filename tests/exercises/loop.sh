#!/usr/bin/env bash
# loop.sh: the learner's tools around make check, in a copy of the project
# without .git (what a downloaded archive is): make test's bite check passes
# with finished exercises, reset restores from the shipped copy and keeps
# every backup, hint says what is true now and picks the next exercise,
# hints hold no TeX and no answer line, watch says what it watches and how
# to stop, and the first make check builds quietly. Run by make test.
set -u
: "${BUILD:?run this through make test}"
build=$(cd "$BUILD" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
ok() { echo "ok   $*"; }
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# has TEXT OUTPUT / lacks TEXT OUTPUT: fixed-string checks.
has() { grep -qF -- "$1" <<< "$2"; }

tree=$tmp/tree
mkdir -p "$tree"
cp -rp Makefile scripts tests exercises solutions docs lib "$tree"/
cd "$tree" || exit 1
export BUILD=$build PROGRESS=$tmp/progress

# ---- without git: the bite check uses the shipped copy (issue: it fell back
# to the learner's file, so finished exercises failed make test)
cp solutions/[0-9][0-9]-*.c exercises/
for nn in 01 10; do
  if out=$(scripts/check.sh bite $nn 2>&1); then ok "bite check $nn without .git, the exercise finished"
  else fail "bite check $nn without .git, the exercise finished:"; echo "$out" | sed 's/^/     /'; fi
done

# ---- reset without git; two resets in one second; a deleted file
echo "/* mine */" >> exercises/02-cross-entropy.c
out=$(YES=1 scripts/reset.sh 02)
cmp -s exercises/02-cross-entropy.c tests/stubs/02-cross-entropy.c && ok "reset without .git: $out" ||
  fail "reset without .git did not restore the stub: $out"
echo "/* mine again */" >> exercises/02-cross-entropy.c
YES=1 scripts/reset.sh 02 > /dev/null
n=$(ls .backup | grep -c '^02-cross-entropy-')
[[ $n == 2 ]] && ok "two resets in a row keep two backups" || fail "two resets in a row left $n backups, not 2"
rm exercises/03-gradient-descent.c
out=$(scripts/reset.sh 03)
cmp -s exercises/03-gradient-descent.c tests/stubs/03-gradient-descent.c && ok "a deleted exercise comes back: $out" ||
  fail "reset of a deleted exercise: $out"

# ---- hint: the next exercise, what is true now, MORE=1
# Now 01 passes, 02 and 03 are stubs; .progress says 02 passed once.
echo 02-cross-entropy > "$PROGRESS"
out=$(scripts/hint.sh "") && ok "hint exits 0 (as the README says)" || fail "hint exits $?"
has "exercise 02 is the first that does not pass yet" "$out" && ok "hint without EX= picks exercise 02" ||
  fail "hint without EX= does not pick 02: $(head -3 <<< "$out")"
has "passes 0 of its 4 tests" "$out" && ! has "You have passed" "$out" &&
  ok "hint says 02 fails now, though .progress says it passed once" || fail "hint on a failing exercise: $(tail -2 <<< "$out")"
more=$(MORE=1 scripts/hint.sh 02)
has "-- More:" "$more" && ((${#more} > ${#out})) && ok "make hint MORE=1 shows the second part" ||
  fail "make hint MORE=1 shows nothing more"
has "MORE=1" "$out" && ok "the first part says how to get the second" || fail "the hint does not mention MORE=1"
out=$(scripts/reset.sh "" < /dev/null) && ok "reset exits 0 (as the README says)" || fail "reset exits $?"
has "exercise 02 is the first" "$out" && ok "reset without EX= names exercise 02 (and asks)" ||
  fail "reset without EX=: $out"

# ---- watch: a banner saying what it watches and how to stop (fake make and
# inotifywait, so nothing is built or waited for)
mkdir -p "$tmp/bin"
printf '#!/bin/sh\necho "make $*"\n' > "$tmp/bin/make"
printf '#!/bin/sh\nexit 1\n' > "$tmp/bin/inotifywait"
chmod +x "$tmp/bin/make" "$tmp/bin/inotifywait"
out=$(PATH="$tmp/bin:$PATH" scripts/watch.sh "" 2>&1)
has "make --no-print-directory check EX=02" "$out" && has "Stop with Ctrl-C" "$out" && has "Watching exercises/" "$out" &&
  ok "watch without EX= watches 02 and says how to stop" || fail "watch: $out"

# ---- the hints: plain text in a terminal, and a nudge before the recipe
for hint in docs/hints/[0-9][0-9]-*.md; do
  name=$(basename "$hint" .md)
  if grep -nE '\$|\\[a-z]' "$hint" > "$tmp/tex"; then fail "$hint has TeX, shown raw by make hint: $(head -1 "$tmp/tex")"; fi
  grep -q '^<details>' "$hint" || fail "$hint has no second part (<details>) for MORE=1"
  # No code span of the first part longer than 12 characters (other than a
  # name) may be a piece of the answer key.
  sed '/^<details>/,$d' "$hint" | grep -oE '`[^`]{13,}`' | tr -d '`' | grep '[^A-Za-z0-9_]' | while IFS= read -r code; do
    squeezed=${code// /}
    tr -d ' \n' < "solutions/$name.c" | grep -qF -- "$squeezed" && echo "$code"
  done > "$tmp/answers"
  [[ -s $tmp/answers ]] && fail "$hint's first part gives answer code: $(head -1 "$tmp/answers")"
done
grep -q '2.0 \* (double)n' docs/hints/05-l2-regularization.md && fail "hint 05 still claims 2.0 * (double)n is needed"
ok "hints: no TeX, a second part each, no answer line in the first"

# ---- a stub that shows 1 / (1 + exp(-z)) for a sigmoid of its own also
# points to the stable form (exercise 01's lesson), not to the overflow
for stub in tests/stubs/0[2-9]-*.c tests/stubs/[1-9][0-9]-*.c; do
  grep -q '1 / (1 + exp(-z))' "$stub" || continue
  grep -qE 'e\^z / \(1 \+ e\^z\)|stable' "$stub" && ok "$stub points to the stable sigmoid" ||
    fail "$stub shows 1 / (1 + exp(-z)) without the stable form e^z / (1 + e^z) for z < 0"
done

# ---- the first make check builds quietly (one line instead of a cc per file)
cd - > /dev/null || exit 1
cp -rp "$build" "$tmp/b"
rm "$tmp/b/obj/lib/util.o" "$tmp/b/liblr.a"
out=$(make --no-print-directory check EX=02 BUILD="$tmp/b" NO_DEPS=1 EXERCISES="$tree/exercises" 2> "$tmp/err")
# The README quotes the line make adds when an exercise fails: it must be the real one.
line=$(grep '^make: \*\*\*' "$tmp/err")
grep -qF "\`$line\`" README.md && ok "README quotes make's error line as it is: $line" ||
  fail "README does not quote make's error line as it is: $line"
out+=$(< "$tmp/err")
if has "building the library and the tests (once)" "$out" && ! grep -qE '^(cc|gcc|clang|ar) ' <<< "$out"; then
  ok "make check rebuilds the library quietly"
else
  fail "make check's build is not quiet:"; head -5 <<< "$out" | sed 's/^/     /'
fi
exit $((failures > 0))
