#!/usr/bin/env bash
# build-epub.sh SITE EPUB CHAPTERS: the notes as one EPUB 3 book.
#
# Run from the repository root after scripts/build-docs.sh SITE CHAPTERS has
# rendered the site and, into CHAPTERS, each page as a chapter of the book in
# pandoc's JSON (scripts/docs.sh does both). The book holds, in order: the
# index as "About this workbook", the chapters, the appendices, and the hints
# under one "Hints" chapter. Each page went through the same filters as on
# the site (page.lua, snippets.lua, figures.lua), then docs/filters/epub.lua,
# which makes the page a chapter and its links point inside the book, and
# typeset.lua (docs/filters/render.lua runs them); pandoc joins the chapters
# into the book, with MathML formulas, the SVG figures and docs/epub.css. Any
# pandoc warning stops the build, and the book is written under a temporary
# name and renamed when complete. When epubcheck is installed (Debian:
# epubcheck) the book is checked with it too.
set -euo pipefail
export LC_ALL=C

die() { echo "build-epub: $*" >&2; exit 1; }

[[ $# == 3 && -n $1 && -n $2 && -n $3 ]] || { echo "usage: scripts/build-epub.sh SITE EPUB CHAPTERS" >&2; exit 2; }
site=${1%/} epub=$2 chapters=${3%/}
[[ -f docs/index.md && -f docs/epub.css ]] ||
  die "run me from the repository root (no docs/index.md or docs/epub.css in $PWD)"
[[ -d $site/fig ]] || die "no $site/fig: draw the figures first (scripts/docs.sh does)"

shopt -s nullglob
pages=(docs/index.md docs/[0-9][0-9]-*.md docs/appendix-*.md)
hints=(docs/hints/[0-9][0-9]-*.md)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"; rm -f "$epub.tmp$$"' EXIT

# The book's figures: gnuplot's SVGs give the key's sample and the curve the
# same id; a browser does not mind, but an EPUB must be valid XML, so the
# copies in $tmp/site/fig number the repeats.
mkdir -p "$tmp/site/fig"
svgs=("$site"/fig/*.svg)
((${#svgs[@]} == 0)) || perl -e '
  my $dir = shift;
  for my $svg (@ARGV) {
    my %seen;
    open(my $in, "<", $svg) or die "$svg: $!\n";
    (my $name = $svg) =~ s{.*/}{};
    open(my $out, ">", "$dir/$name") or die "$dir/$name: $!\n";
    while (<$in>) {
      s/\bid="([^"]*)"/$seen{$1}++ ? "id=\"$1-$seen{$1}\"" : "id=\"$1\""/ge;
      print $out $_;
    }
    close($out) or die "$dir/$name: $!\n";
  }' "$tmp/site/fig" "${svgs[@]}" || die "cannot copy the figures into the book"

# chapter MD: add its JSON, from CHAPTERS (a hint's is hint-NAME.json), to the book.
chapter() {
  local name=${1##*/}
  name=${name%.md}
  [[ $1 == */hints/* ]] && name=hint-$name
  [[ -f $chapters/$name.json ]] ||
    die "no $chapters/$name.json: render the pages first (scripts/build-docs.sh $site $chapters)"
  parts+=("$chapters/$name.json")
}

parts=()
for md in "${pages[@]}"; do chapter "$md"; done
if ((${#hints[@]} > 0)); then
  pandoc --from=markdown --to=json --output="$tmp/hints.json" <<'EOF'
# Hints {#hints}

One hint per exercise: a nudge towards the answer, without the code. Read
one only after you have tried the exercise and run its tests.
EOF
  parts+=("$tmp/hints.json")
  for md in "${hints[@]}"; do chapter "$md"; done
fi

# The book's title is the index page's (read from its front matter alone).
printf '%s\n' '$title$' > "$tmp/title.txt"
title=$(awk 'NR == 1 && /^---$/ { inside = 1; print; next }
             inside { print } inside && /^(---|\.\.\.)$/ { exit }' docs/index.md |
        pandoc --from=markdown --to=plain --template="$tmp/title.txt")
[[ -n $title ]] || die "docs/index.md has no title"
cat > "$tmp/metadata.yaml" <<EOF
---
title: "${title//\"/\\\"}"
lang: en
creator:
  - role: author
    text: "The authors of Logistic Regression from Scratch, in C"
identifier:
  - scheme: URN
    text: urn:x-logistic-regression-in-c:notes
...
EOF

# The cover, drawn by gnuplot; the formulas' font, TeX Gyre Pagella Math
# (Debian's fonts-texgyre-math), with its licence in a colophon at the end.
gnuplot -e "out='$tmp/cover.png'" docs/cover.gp || die "gnuplot could not draw the cover (docs/cover.gp)"
mathfont=/usr/share/texmf/fonts/opentype/public/tex-gyre-math/texgyrepagella-math.otf
licence=/usr/share/texmf/doc/fonts/tex-gyre-math/GUST-FONT-LICENSE.txt
[[ -f $mathfont && -f $licence ]] || die "no $mathfont (Debian: sudo apt-get install fonts-texgyre-math)"
{
  printf '# Colophon {#colophon}\n\n'
  printf 'The formulas are set in TeX Gyre Pagella Math, by the GUST e-foundry,\n'
  printf 'which is embedded in this book under the GUST Font License:\n\n'
  printf '```\n'; cat "$licence"; printf '```\n'
} | pandoc --from=markdown --to=json --output="$tmp/colophon.json"
parts+=("$tmp/colophon.json")

pandoc "${parts[@]}" --from=json --to=epub3 --output="$epub.tmp$$" \
  --metadata-file="$tmp/metadata.yaml" --template=docs/epub-template.xhtml \
  --epub-cover-image="$tmp/cover.png" --epub-embed-font="$mathfont" \
  --mathml --toc --toc-depth=2 --epub-chapter-level=1 --fail-if-warnings \
  --css=docs/epub.css --resource-path="$tmp/site" ||
  die "pandoc failed, $epub not written"
mv -f "$epub.tmp$$" "$epub"

# Debian's /usr/bin/epubcheck is the jar itself, which runs only where
# binfmt-support is set up: call java directly when we can. epubcheck runs
# for seconds, not hours: the quick compiler alone and the simplest
# collector halve the CPU it takes (the checks are the same), and a young
# generation of 24 MB, not the hundred that Java gives it on a machine with
# gigabytes, touches 20000 fewer pages of memory.
epubcheck=()
if [[ -f /usr/share/java/epubcheck.jar ]] && command -v java > /dev/null; then
  epubcheck=(java -XX:+UseSerialGC -Xmn24m -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:-UsePerfData
             -jar /usr/share/java/epubcheck.jar)
elif command -v epubcheck > /dev/null; then
  epubcheck=(epubcheck)
fi
if ((${#epubcheck[@]} > 0)); then
  "${epubcheck[@]}" --quiet "$epub" > "$tmp/epubcheck.txt" 2>&1 || {
    cat "$tmp/epubcheck.txt" >&2
    die "epubcheck found problems in $epub"
  }
  checked="checked by epubcheck"
else
  checked="not checked: epubcheck is not installed"
fi
echo "build-epub: ${#pages[@]} pages and ${#hints[@]} hints in $epub ($(($(stat -c %s "$epub") / 1024)) kB, $checked)"
