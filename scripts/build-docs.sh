#!/usr/bin/env bash
# build-docs.sh OUTDIR: render the notes in docs/ to HTML in OUTDIR.
#
# Run from the repository root, after the chapter programs have drawn their
# figures into OUTDIR/fig (scripts/docs.sh does both). Page order, which sets
# the previous/next links: docs/index.md, docs/NN-*.md, docs/appendix-*.md.
# Hints, docs/hints/NN-*.md, go to OUTDIR/hints/ without previous/next.
# Every page uses docs/template.html, docs/style.css and the Lua filters in
# docs/filters/ (see docs/dev/NOTES-STYLE.md). Any pandoc warning, missing
# snippet, missing figure or broken link stops the build with a non-zero
# exit; a page is written to a temporary name and renamed only once pandoc
# has succeeded, so no half-written page is left behind.
# Needs only bash, coreutils and pandoc (2.17 or later).
set -euo pipefail
export LC_ALL=C

die() { echo "build-docs: $*" >&2; exit 1; }

[[ $# == 1 && -n $1 ]] || { echo "usage: scripts/build-docs.sh OUTDIR" >&2; exit 2; }
out=${1%/}
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

# render MD HTML [PANDOC-ARGS...]: one page, written under a temporary name.
render() {
  local md=$1 html=$2
  shift 2
  local dir
  dir=$(dirname "$html")
  tmp="$html.tmp$$"
  pandoc "$md" --output="$tmp" \
    --from=markdown --to=html5 --standalone --template=docs/template.html \
    --mathml --toc --toc-depth=2 --fail-if-warnings \
    --metadata=lang:en \
    --metadata=lr-srcroot:"$(realpath -m --relative-to="$dir" .)" \
    --metadata=lr-pagedir:"$dir" \
    --metadata=lr-search-href:"${html#"$out"/}" \
    --metadata=lr-search-out:"$index/$(tr / - <<< "${html#"$out"/}").json" \
    "${book[@]}" \
    --lua-filter=docs/filters/page.lua \
    --lua-filter=docs/filters/snippets.lua \
    --lua-filter=docs/filters/figures.lua \
    --lua-filter=docs/filters/search.lua \
    --lua-filter=docs/filters/typeset.lua \
    "$@" || { rm -f "$tmp"; die "$md: pandoc failed, $html not written"; }
  mv -f "$tmp" "$html"
  tmp=
  echo "  $md -> $html"
}

install_file docs/style.css "$out/style.css"
install_file docs/search.js "$out/search.js"

# Every page lists every other in its contents; each page's text goes to
# $index for the search (search.lua), joined into search-index.js at the end.
book=()
for md in "${pages[@]}"; do book+=(--metadata=lr-book:"$md"); done
index=$(mktemp -d)
trap 'rm -f "$tmp"; rm -rf "$index"' EXIT

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

# Pages render side by side, as many at a time as there are processors;
# each is a background job, and the build fails if any of them did.
jobs_max=$(nproc 2> /dev/null || echo 2)
pids=()
start_render() {
  while (($(jobs -rp | wc -l) >= jobs_max)); do wait -n || true; done
  render "$@" &
  pids+=($!)
}

for i in "${!pages[@]}"; do
  md=${pages[$i]}
  args=()
  if ((i > 0)); then
    args+=(--metadata=lr-index:docs/index.md --metadata=lr-prev:"${pages[i - 1]}")
  fi
  if ((i + 1 < ${#pages[@]})); then
    args+=(--metadata=lr-next:"${pages[i + 1]}")
  fi
  name=$(basename "$md" .md)
  start_render "$md" "$out/$name.html" "${args[@]}"
done

if ((${#hints[@]} > 0)); then
  mkdir -p "$out/hints"
  for md in "${hints[@]}"; do
    name=$(basename "$md" .md)
    args=(--metadata=lr-root:../ --metadata=lr-index:docs/index.md)
    if [[ -f docs/$name.md ]]; then
      args+=(--metadata=lr-up:"docs/$name.md")
    fi
    start_render "$md" "$out/hints/$name.html" "${args[@]}"
  done
fi
failed=0
for pid in "${pids[@]}"; do wait "$pid" || failed=1; done
((failed == 0)) || die "a page failed (its message is above)"

render docs/search.md "$out/search.html" --metadata=lr-index:docs/index.md \
  --metadata=lr-search-page:1

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
