#!/usr/bin/env bash
# run-tests.sh: the project's own test suite, run by `make test` after it has
# built everything (in $BUILD, warnings as errors). Each step prints ok/FAIL
# lines; the last line counts the steps: "N passed, N failed".
# ONLY=REGEX (make test ONLY=...) runs only the steps whose name matches it,
# e.g. ONLY='chapter 03' or ONLY='solution|stub': for a quick check of one part.
set -u
: "${BUILD:?run this through make test}"
passed=0 failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# step NAME COMMAND...: run one step, count it, show its output indented.
step() {
  local name=$1; shift
  [[ -n ${ONLY:-} && ! $name =~ $ONLY ]] && return 0
  local start=$SECONDS out rc
  out=$("$@" 2>&1); rc=$?
  if [[ $rc == 0 ]]; then
    passed=$((passed + 1)); echo "PASS  $name  ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1)); echo "FAIL  $name"
  fi
  [[ $rc != 0 || ${VERBOSE:-0} == 1 ]] && echo "$out" | sed 's/^/      /'
  return 0
}

# chapter_test SCRIPT WAY: runs a chapter's checks on the chapter linked with
# the stubs as shipped (WAY=stubs: the library's code runs) or with solutions/
# as the learner's code (WAY=solutions: the "yours" column), then the checks
# of tests/chapters/lib.sh for that way (expect_way).
chapter_test() {
  local script=$1 way=$2 nn bin
  nn=$(basename "$script" | cut -d- -f1)
  bin=$BUILD/bin/chapter-$nn
  [[ $way == solutions ]] && bin=$BUILD/bin-solutions/chapter-$nn
  mkdir -p "$tmp/$nn-$way"
  CHAPTER=$bin CHECK="$BUILD/tests/check-output" TMP="$tmp/$nn-$way" WAY=$way WRONG="$BUILD/bin-wrong/chapter-$nn" \
    bash -c 'source tests/chapters/lib.sh; source "$1"; expect_way; exit $((failures > 0))' _ "$script"
}

echo "== sources"
if command -v "${CLANG_FORMAT:-clang-format}" > /dev/null; then
  step "make format-check: every C file matches .clang-format" scripts/format.sh check
else
  echo "SKIP  make format-check: no clang-format here (Debian: apt-get install clang-format)"
fi

step "sizes: chapter files within 350 lines, functions within 60 (scripts/check-lengths.sh)" scripts/check-lengths.sh

echo "== lib tests"
for t in "$BUILD"/tests/test-*; do step "lib: $(basename "$t")" "$t"; done

echo "== exercise suites against solutions/ (must pass)"
for f in exercises/[0-9][0-9]-*.c; do
  nn=$(basename "$f" | cut -d- -f1)
  step "solution $(basename "$f" .c)" scripts/check.sh solutions "$nn"
done

echo "== bite check: exercise suites against the shipped stubs, tests/stubs/ (must fail every test)"
for f in exercises/[0-9][0-9]-*.c; do
  nn=$(basename "$f" | cut -d- -f1)
  step "stub $(basename "$f" .c)" scripts/check.sh bite "$nn"
done

echo "== the learner's loop: messages, limits, hint, reset, watch"
step "wrong answers get the right message (tests/exercises/mistakes.txt)" tests/exercises/mistakes.sh
step "Ctrl-C stops make check at once" tests/exercises/ctrl-c.sh
step "without .git: bite check, reset, hint, watch, a quiet build" tests/exercises/loop.sh

echo "== chapters, headless, numbers checked against data/reference"
step "chapter-test tools: a wrong, missing or duplicated label fails" tests/chapters/selftest.sh
for script in tests/chapters/[0-9][0-9]-*.sh; do
  step "chapter $(basename "$script" .sh), stubs as shipped: the library's code" chapter_test "$script" stubs
  step "chapter $(basename "$script" .sh), solutions/ as your code (and a wrong one)" chapter_test "$script" solutions
done

echo "== bad input and broken plot pipes"
step "bad-input table: exact message and exit status" tests/bad-input/run.sh "$tmp/read-timing.txt"
[[ -s $tmp/read-timing.txt ]] && echo "      ($(cat "$tmp/read-timing.txt"))"
step "plot pipe: gnuplot missing, broken, exiting, rejecting, killed" tests/plot-pipe/run.sh
step "hostile: full stdout, --save-data to links and pipes, Ctrl-C while plotting" tests/hostile/run.sh

echo "== notes"
step "chapter tables: README and docs/index.md list the chapters of chapters/" scripts/check-chapter-tables.sh --selftest
step "make docs (${DOCS:=build/docs})" scripts/docs.sh "$DOCS" "$BUILD"/bin/chapter-*
if command -v chromium > /dev/null && command -v node > /dev/null; then
  step "make docs-check (screenshots in $DOCS-check/)" scripts/docs-check.sh "$DOCS"
else
  echo "SKIP  make docs-check: no chromium or node here (Debian: apt-get install chromium nodejs)"
fi

echo
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
