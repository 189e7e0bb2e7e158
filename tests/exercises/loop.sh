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
# has TEXT OUTPUT: a fixed-string check.
has() { [[ $2 == *"$1"* ]]; }

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
shopt -s nullglob
backups=(.backup/02-cross-entropy-*)
shopt -u nullglob
n=${#backups[@]}
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

# ---- check.sh keeps what it compiled (make hint and make reset ask about
# the same file again), but a file put back with an old time (cp -p) is
# compiled again: its text is compared, not its time
cp -p solutions/02-cross-entropy.c exercises/
read -r st p total <<< "$(scripts/check.sh status 02)"
[[ $st == pass ]] && ok "an answer put back with an old time is compiled again: $st $p $total" ||
  fail "an answer put back with an old time (cp -p): $st $p $total, not pass"
cp tests/stubs/02-cross-entropy.c exercises/

# ---- the hints: plain text in a terminal, and a nudge before the recipe.
# One awk reads every hint (and its answer key, spaces and newlines taken
# out) and prints what is wrong, one line per problem: TeX, shown raw by make
# hint; no second part (<details>) for MORE=1; a code span of the first part
# longer than 12 characters, other than a name, that is a piece of the
# answer key (the first such span; spans found as grep -oE '`[^`]{13,}`'
# finds them).
while IFS= read -r line; do fail "$line"; done < <(awk '
  function report() {
    if (file == "") return
    if (tex != "") print file " has TeX, shown raw by make hint: " tex
    if (!details) print file " has no second part (<details>) for MORE=1"
    if (answer != "") print file "'"'"'s first part gives answer code: " answer
  }
  FNR == 1 {
    report()
    file = FILENAME; tex = answer = ""; details = 0
    key = FILENAME; sub(/.*\//, "", key); sub(/\.md$/, ".c", key); key = "solutions/" key
    solution = ""
    while ((getline text < key) > 0) { gsub(/ /, "", text); solution = solution text }
    close(key)
  }
  tex == "" && /\$|\\[a-z]/ { tex = FNR ":" $0 }
  /^<details>/ { details = 1 }
  !details && answer == "" {
    s = $0
    while ((p = index(s, "`")) > 0) {
      s = substr(s, p + 1)
      if ((q = index(s, "`")) == 0) break
      if (q <= 13) continue   # too short: the next span may start at that backquote
      code = substr(s, 1, q - 1); s = substr(s, q + 1)
      squeezed = code; gsub(/ /, "", squeezed)
      if (code ~ /[^A-Za-z0-9_]/ && index(solution, squeezed) > 0) { answer = code; break }
    }
  }
  END { report() }' docs/hints/[0-9][0-9]-*.md)
[[ $(< docs/hints/05-l2-regularization.md) =~ 2.0\ \*\ \(double\)n ]] && fail "hint 05 still claims 2.0 * (double)n is needed"
ok "hints: no TeX, a second part each, no answer line in the first"

# ---- a stub that shows 1 / (1 + exp(-z)) for a sigmoid of its own also
# points to the stable form (exercise 01's lesson), not to the overflow
for stub in tests/stubs/0[2-9]-*.c tests/stubs/[1-9][0-9]-*.c; do
  text=$(< "$stub")
  [[ $text == *"1 / (1 + exp(-z))"* ]] || continue
  [[ $text =~ e\^z\ /\ \(1\ \+\ e\^z\)|stable ]] && ok "$stub points to the stable sigmoid" ||
    fail "$stub shows 1 / (1 + exp(-z)) without the stable form e^z / (1 + e^z) for z < 0"
done

# ---- the first make check builds quietly (one line instead of a cc per file),
# in a copy of what it builds (the objects and the library), one object gone.
# It runs as in a terminal of its own: without make test's MAKELEVEL, make
# writes its error line as a learner sees it ("make: ***", not "make[2]: ***").
cd - > /dev/null || exit 1
mkdir "$tmp/b"
cp -rp "$build/obj" "$build/liblr.a" "$tmp/b"/
rm "$tmp/b/obj/lib/util.o" "$tmp/b/liblr.a"
out=$(env -u MAKELEVEL -u MAKEFLAGS -u MFLAGS make --no-print-directory check EX=02 BUILD="$tmp/b" NO_DEPS=1 \
        EXERCISES="$tree/exercises" 2> "$tmp/err")
# The README quotes the line make adds when an exercise fails: it must be the real one,
# but for the Makefile's line number (which moves whenever the Makefile grows above check:).
err=$(< "$tmp/err")
line="" readme=$(< README.md)
[[ $err =~ (^|$'\n')(make: \*\*\*[^$'\n']*) ]] && line=${BASH_REMATCH[2]}
pre=${line%%Makefile:*}Makefile: post=${line#*Makefile:}
post=${post#"${post%%[!0-9]*}"}
[[ -n $line && $line == *Makefile:[0-9]* && $readme =~ \`"$pre"[0-9]+"$post"\` ]] &&
  ok "README quotes make's error line as it is (but for the Makefile's line number): $line" ||
  fail "README does not quote make's error line as it is: ${line:-(make wrote none)}"
out+=$err
if has "building the library and the tests (once)" "$out" && ! [[ $out =~ (^|$'\n')(cc|gcc|clang|ar)\  ]]; then
  ok "make check rebuilds the library quietly"
else
  fail "make check's build is not quiet:"; head -5 <<< "$out" | sed 's/^/     /'
fi

# ---- an exercise that does not compile: the chapters link its stub as
# shipped in its place (the Makefile's rule for BUILD/yours/), built so that
# its TODO() reports that the exercise does not compile, and say so.
echo 'this line is not C' >> "$tree/exercises/01-sigmoid.c"
out=$(env -u MAKELEVEL -u MAKEFLAGS -u MFLAGS make -s --no-print-directory -C "$tree" NO_DEPS=1 \
        BUILD="$tmp/standin" "$tmp/standin/yours/01-sigmoid.o" 2>&1)
printf '#include "exercises.h"\n#include "yours.h"\nint main(void) {\n    yours_begin();\n    (void)sigmoid(1.0);\n    return yours_end(1, "uses lib/");\n}\n' > "$tmp/standin/main.c"
# shellcheck disable=SC2086
if $CC $CFLAGS -I"$tree/lib" -I"$tree/exercises" -o "$tmp/standin/main" "$tmp/standin/main.c" \
     "$tmp/standin/yours/01-sigmoid.o" "$build/liblr.a" $LDLIBS 2>&1; then
  out+=$'\n'$("$tmp/standin/main" 2>&1)
fi
if has "exercises/01-sigmoid.c does not compile yet" "$out" && has "exercise 01 does not compile, so this run uses lib/" "$out"; then
  ok "an exercise that does not compile: its stub stands in, and the chapter says so"
else
  fail "an exercise that does not compile:"; sed 's/^/     /' <<< "$out"
fi

# ---- make inside make (make check's own build, or a make that a learner's
# recipe runs) compiles with the project's flags once, not once per level.
line=$(env -u MAKELEVEL -u MAKEFLAGS -u MFLAGS make -s --no-print-directory NO_DEPS=1 BUILD="$tmp/nest" \
         --eval='nested: ; @$(MAKE) -n -B --no-print-directory NO_DEPS=1 BUILD=$(BUILD) $(BUILD)/obj/lib/util.o' \
         nested 2>&1 | grep -e ' -c lib/util.c')
rest=${line//-Ilib /}
if [[ -n $line && $((${#line} - ${#rest})) == 6 ]]; then ok "a make inside make passes -Ilib once: ${line:0:60}..."
else fail "a make inside make repeats the project's flags: ${line:-(no compile line)}"; fi
exit $((failures > 0))
