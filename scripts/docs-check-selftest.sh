#!/usr/bin/env bash
# docs-check-selftest.sh: check that the browser check can fail.
#
# Writes a small site with one good page and one mistake of each kind that
# scripts/docs-check.mjs must catch, runs the check on it, and fails unless
# the good page passes and every mistake is reported, on its page, with its
# own message. Mistakes that cannot hide one another share a page (each page
# load costs the browser a third of a second of processor time): each is
# written between <!-- KIND --> and <!-- /KIND --> comments, its message
# names its own element, and no other mistake on its page could print that
# message (take one out, and the self-test fails). A page too wide changes
# the measures of everything on it: the page width (wide) shares its page only
# with the squeezed table, which is too wide on a phone itself (its culprit
# is named, so the wide div is still told apart).
#
#   docs-check-selftest.sh --write DIR   only write the site, into DIR/site
#   docs-check-selftest.sh --judge DIR   only judge the check's report on it,
#                                        DIR/report.txt and DIR/status
# scripts/docs-check.sh uses these two: `node scripts/docs-check.mjs
# --selftest DIR` checks this site in the same browser as the notes (one
# browser started, not two), and writes that report.
set -euo pipefail
mode=all
case ${1:-} in
  --write | --judge)
    [[ $# == 2 && -n $2 ]] || { echo "usage: scripts/docs-check-selftest.sh [--write|--judge DIR]" >&2; exit 2; }
    mode=${1#--} dir=$2 ;;
  "") tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT; dir=$tmp ;;
  *) echo "usage: scripts/docs-check-selftest.sh [--write|--judge DIR]" >&2; exit 2 ;;
esac
site=$dir/site

# page-name<TAB>message that the check must print for it. (A page too wide
# is reported as "390 px: the page is N px wide in a 390 px window: " and
# the elements that reach out of it, "ELEMENT reaches N px".)
expected=$'figures.html\timage did not load: fig/none.svg
figures.html\timage without alt text: fig/dot.svg
figures.html\timage without a caption: fig/dot.svg
figures.html\tfetches from the network: https://example.invalid/x.png
figures.html\tfigure lettering
figures.html\tfigure text outside the figure (
text.html\tlink to a missing file nowhere.html
text.html\tlink to a missing anchor index.html#nowhere
text.html\tconsole error: broken on purpose
text.html\tid used twice: same
text.html\tTeX left in the text: \\frac
text.html\tanswer to exercise 04 shown unfolded
text.html\twith no scroll cue: pre#no-cue
text.html\tinline code broken inside a token
text.html\tprogram output differs from what "./chapter-99 --fast" prints, from line 2
formulas.html\tformula renders 0 x 0 px: math#empty
formulas.html\tformula renders 0 x 0 px: math#folded-empty
formulas.html\tformula with an error
formulas.html\tformula clipped by its box
formulas.html\ta line begins with "," after a formula
wide.html\tdiv "Eight hundred pixels wide." reaches
wide.html\ttable column squeezed
(site)\tfigure drawn but shown on no page: fig/unused.svg
(site)\tsearch for "Hessian" finds nothing'

# judge: the report ($dir/report.txt, the check's exit status in $dir/status)
# must fail every bad page with its message, and pass the good one.
judge() {
  local status name message line lines found all
  fail() {
    echo "docs-check-selftest: $*" >&2
    sed 's/^/    /' "$dir/report.txt" >&2
    exit 1
  }
  [[ -f $dir/report.txt && -f $dir/status ]] || { echo "docs-check-selftest: no report of the check in $dir" >&2; exit 1; }
  read -r status < "$dir/status"
  # The check's report as page<TAB>problem lines ("ok" for a page that passed).
  awk '/^(ok|FAIL) / { page = $2; if ($1 == "ok") print page "\tok"; next }
       /^      / { sub(/^ +/, ""); print page "\t" $0 }' "$dir/report.txt" > "$dir/found.txt"
  [[ $status == 1 ]] || fail "the check exited with $status on a site with mistakes (expected 1)"
  mapfile -t found < "$dir/found.txt"
  # reported NAME MESSAGE: the report has a line for page NAME that holds MESSAGE.
  reported() {
    local line
    for line in "${found[@]}"; do [[ $line == "$1"$'\t'*"$2"* ]] && return 0; done
    return 1
  }
  printf -v all '\n%s' "${found[@]}"
  [[ $all$'\n' == *$'\nindex.html\tok\n'* ]] || fail "the good page did not pass"
  mapfile -t lines <<< "$expected"
  for line in "${lines[@]}"; do
    name=${line%%$'\t'*} message=${line#*$'\t'}
    reported "$name" "$message" || fail "$name: expected a problem '$message', which the check did not report"
  done
  echo "docs-check-selftest: the check caught all ${#lines[@]} kinds of mistake and passed the good page"
}
if [[ $mode == judge ]]; then
  judge
  exit
fi

rm -rf "$site"
mkdir -p "$site/fig"

# page NAME BODY: a page shaped like the notes' (viewport, stylesheet).
page() {
  cat > "$site/$1.html" <<EOF
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$1</title><link rel="stylesheet" href="style.css"></head>
<body><div class="page"><main id="text">
$2
</main></div></body></html>
EOF
}
# (without the fonts, which the real site has and this one does not need)
sed "/^@font-face/,/^}/d" docs/style.css > "$site/style.css"
cat > "$site/fig/dot.svg" <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><circle cx="10" cy="10" r="8"/></svg>
EOF
# Lettering: 12 units in an 800-unit figure shown full width is 6 px on a
# phone; 20 units in a 300-unit one stays 20 px at 1280 and 20 px at 390.
cat > "$site/fig/small-text.svg" <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 200"><g font-family="Sans" font-size="12.00"><text x="10" y="100">small</text></g></svg>
EOF
cat > "$site/fig/big-text.svg" <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100"><g font-family="Sans" font-size="20.00"><text x="10" y="50">big</text></g></svg>
EOF
# Text past the edge: a title 20 units high that starts at 150 of 300 units
# and runs on for about 400 (the lettering itself is big enough).
cat > "$site/fig/text-outside.svg" <<'EOF'
<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100"><g font-family="Sans" font-size="20.00"><text x="150" y="50">a title far too long for its figure</text></g></svg>
EOF

good='<h2 id="a">A</h2><p>A formula, <math><mi>x</mi><mo>=</mo><mn>1</mn></math>, a
<a href="#a">link here</a>, <a href="figures.html#b">one away</a> and a figure:</p>
<figure><a class="zoom" href="fig/dot.svg"><img src="fig/dot.svg" alt="A dot."></a>
<figcaption>A dot.</figcaption></figure>
<details><summary>Folded</summary><p><math><mi>y</mi></math></p></details>
<details><summary>The answer (try exercise 05 first)</summary>
<div class="listing" data-answers="05"><pre><code>return 5;</code></pre></div></details>
<details><summary>The answer (try exercise
13 first: pandoc may break the line there)</summary>
<div class="listing" data-answers="13"><pre><code>return 13;</code></pre></div></details>
<pre>a line of code much longer than the box it is in, which scrolls, with its cue: a shadow on the edge</pre>
<figure><img src="fig/big-text.svg" alt="Big text."><figcaption>Big text.</figcaption></figure>
<p>Code breaks between tokens: <code><span class="tok">--seed,</span> <span class="tok">--samples</span></code>.</p>
<pre data-program="./chapter-99 --fast">line one
...
line four</pre>'
page index "$good"
# mistake KIND HTML: one mistake, between comments that name its kind.
mistake() { printf '<!-- %s -->%s<!-- /%s -->\n' "$1" "$2" "$1"; }
page figures "$(
  echo '<p id="b">The good page links here.</p>'
  mistake missing-image '<figure><img src="fig/none.svg" alt="Nothing."><figcaption>Nothing.</figcaption></figure>'
  mistake no-alt '<figure><img src="fig/dot.svg"><figcaption>A dot.</figcaption></figure>'
  mistake no-caption '<p><img src="fig/dot.svg" alt="A dot."></p>'
  mistake network '<figure><img src="https://example.invalid/x.png" alt="A remote picture."><figcaption>Remote.</figcaption></figure>'
  mistake small-figure '<figure><img src="fig/small-text.svg" alt="Small text." style="width: 100%"><figcaption>Small text.</figcaption></figure>'
  mistake text-outside '<figure><img src="fig/text-outside.svg" alt="A title cut off."><figcaption>A title cut off.</figcaption></figure>'
)"
page text "$(
  mistake missing-file '<p><a href="nowhere.html">a page that is not there</a></p>'
  mistake missing-anchor '<p><a href="index.html#nowhere">an anchor that is not there</a></p>'
  mistake console '<script>console.error("broken on purpose")</script>'
  mistake twice '<p id="same">one</p><p id="same">two</p>'
  mistake raw-tex '<p>A formula pandoc missed: \frac{1}{2}.</p>'
  mistake answer '<div class="listing" data-answers="04"><pre><code>return 1;</code></pre></div>
<details><summary>The library'"'"'s version (try exercise 03 first)</summary>
<div class="listing" data-answers="03"><pre><code>return 3;</code></pre></div></details>'
  mistake pre-no-cue '<pre id="no-cue" style="background: #eee">a line of code much longer than the box it is in, which scrolls, but nothing shows that it does</pre>'
  mistake code-in-token '<p style="width: 4em"><code style="overflow-wrap: anywhere">flip_y_is_a_token</code></p>'
  mistake output-differs '<pre data-program="./chapter-99 --fast">line one
line three</pre>'
)"
page formulas "$(
  mistake empty-math '<p>An empty formula: <math id="empty"></math>.</p>'
  mistake folded-empty-math '<details><summary>Folded</summary><p><math id="folded-empty"><mrow></mrow></math></p></details>'
  mistake math-error '<p><math><merror><mtext>\foo</mtext></merror></math></p>'
  mistake clipped-math '<div style="overflow: hidden; height: 0.5em"><math><mover accent="true"><mi>p</mi><mo>^</mo></mover></math></div>'
  mistake punct-after-math '<p style="width: 100px"><math><mspace width="96px" height="10px"></mspace></math>, then a comma.</p>'
)"
page wide "$(
  mistake wide '<div style="width: 800px">Eight hundred pixels wide.</div>'
  mistake squeezed-table '<table style="width: 600px"><tr><td style="width: 40px">A first column so narrow that its words run down the page one or two at a time</td><td>The other column.</td></tr></table>'
)"
mkdir -p "$site/output"
printf 'line one\nline two\nline three\nline four\n' > "$site/output/chapter-99_--fast.txt"
cp "$site/fig/dot.svg" "$site/fig/unused.svg"
page search '<p>A search page that finds nothing.</p><ol id="search-results"></ol>'

[[ $mode == write ]] && exit 0
# (no screenshots: they would go with the site)
status=0
DOCS_CHECK_SHOTS=0 node scripts/docs-check.mjs "$site" "$dir/shots" > "$dir/report.txt" 2>&1 || status=$?
echo "$status" > "$dir/status"
judge
