#!/usr/bin/env bash
# build-docs.sh OUTDIR [EPUB-DIR]: render the notes in docs/ to HTML in
# OUTDIR (and, into EPUB-DIR, as the chapters of scripts/build-epub.sh's book).
#
# Run from the repository root, after the chapter programs have drawn their
# figures into OUTDIR/fig (scripts/docs.sh does both). Page order, which sets
# the previous/next links: docs/index.md, docs/NN-*.md, docs/appendix-*.md.
# Hints, docs/hints/NN-*.md, go to OUTDIR/hints/ without previous/next.
# Every page uses docs/template.html, docs/style.css and the Lua filters in
# docs/filters/ (see docs/dev/NOTES-STYLE.md), in one pandoc run
# (docs/filters/render.lua). Any pandoc warning, missing snippet, missing
# figure or broken link stops the build with a non-zero exit, and no page is
# written: the pages are written to a temporary folder and moved into OUTDIR
# only once pandoc has succeeded, so no half-written page is left behind.
# Needs only bash, coreutils and pandoc (2.17 or later).
set -euo pipefail
export LC_ALL=C

die() { echo "build-docs: $*" >&2; exit 1; }

[[ ($# == 1 || $# == 2) && -n $1 ]] || { echo "usage: scripts/build-docs.sh OUTDIR [EPUB-DIR]" >&2; exit 2; }
out=${1%/} epub_dir=${2:-}
[[ -f docs/index.md && -f docs/template.html ]] ||
  die "run me from the repository root (no docs/index.md or docs/template.html in $PWD)"
command -v pandoc > /dev/null || die "pandoc is not installed (Debian/Ubuntu: sudo apt-get install pandoc)"

shopt -s nullglob
pages=(docs/index.md docs/[0-9][0-9]-*.md docs/appendix-*.md)
hints=(docs/hints/[0-9][0-9]-*.md)

mkdir -p "$out"
tmp=
trap 'rm -f "$tmp"' EXIT
trap 'exit 130' INT TERM

# install SRC DEST: copy atomically.
install_file() {
  tmp="$2.tmp$$"
  cp "$1" "$tmp"
  mv -f "$tmp" "$2"
  tmp=
}

install_file docs/style.css "$out/style.css"
install_file docs/search.js "$out/search.js"

# The fonts, from Debian's packages (make docs installs them), with their
# licence: the notes look the same on every machine.
fonts=/usr/share/texmf/fonts/opentype/public
mkdir -p "$out/fonts"
for f in tex-gyre/texgyrepagella-{regular,italic,bold,bolditalic}.otf tex-gyre-math/texgyrepagella-math.otf; do
  [[ -f $fonts/$f ]] || die "no $fonts/$f (Debian: sudo apt-get install fonts-texgyre fonts-texgyre-math)"
  install_file "$fonts/$f" "$out/fonts/${f##*/}"
done
install_file /usr/share/texmf/doc/fonts/tex-gyre/GUST-FONT-LICENSE.txt "$out/fonts/GUST-FONT-LICENSE.txt"
install_file /usr/share/doc/fonts-texgyre/copyright "$out/fonts/copyright-fonts-texgyre.txt"
install_file /usr/share/doc/fonts-texgyre-math/copyright "$out/fonts/copyright-fonts-texgyre-math.txt"
cat > "$out/fonts/README.txt" <<'EOF'
The fonts of these notes: TeX Gyre Pagella (text) and TeX Gyre Pagella Math
(formulas), by the GUST e-foundry, copied from Debian's packages
fonts-texgyre and fonts-texgyre-math. They are free software under the GUST
Font License (GUST-FONT-LICENSE.txt); the copyright-*.txt files are Debian's
statements of their copyright and licence.
EOF

# Every page in one pandoc run (docs/filters/render.lua): it reads each page
# once and runs the filters on it, writes the pages to $stage, each page's
# text for the search to $index (search.lua), and, with EPUB-DIR, each page as
# a chapter of the book. Only once pandoc has succeeded, without a warning,
# do the pages move into OUTDIR.
stage=$out/.render$$
index=$stage/search
trap 'rm -f "$tmp"; rm -rf "$stage"' EXIT
mkdir -p "$stage/hints" "$index" "$out/hints"
args=()
for md in "${pages[@]}"; do args+=(--metadata=lr-page:"$md"); done
for md in "${hints[@]}"; do args+=(--metadata=lr-hint:"$md"); done
[[ -n $epub_dir ]] && args+=(--metadata=lr-epub-dir:"$epub_dir")
pandoc --from=markdown --to=plain --output=/dev/null --fail-if-warnings \
  --lua-filter=docs/filters/render.lua --metadata=lr-out:"$out" --metadata=lr-stage:"$stage" \
  --metadata=lr-index-dir:"$index" --metadata=lr-search:docs/search.md \
  --metadata=lr-srcroot:"$(realpath -m --relative-to="$out" .)" \
  --metadata=lr-srcroot-hints:"$(realpath -m --relative-to="$out/hints" .)" \
  "${args[@]}" < /dev/null || die "pandoc failed (its message is above): no page written"
mv -f "$stage"/*.html "$out"/
((${#hints[@]} == 0)) || mv -f "$stage"/hints/*.html "$out"/hints/
for md in "${pages[@]}" docs/search.md "${hints[@]}"; do
  name=${md#docs/}
  echo "  $md -> $out/${name%.md}.html"
done

# search-index.js: every section of every page, for search.js.
tmp="$out/search-index.js.tmp$$"
{
  echo "// The notes' text, section by section, for search.html (scripts/build-docs.sh)."
  echo "window.SEARCH_INDEX = ["
  cat "$index"/*.json | sed 's/$/,/'
  echo "];"
} > "$tmp"
mv -f "$tmp" "$out/search-index.js"
tmp=

echo "build-docs: ${#pages[@]} pages and ${#hints[@]} hints in $out/, and search.html"
