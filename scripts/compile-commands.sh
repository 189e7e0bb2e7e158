#!/usr/bin/env bash
# compile-commands.sh OUT: write OUT (compile_commands.json) for clangd and
# other editors' C tooling: one entry for every .c file under lib/, chapters/,
# exercises/, solutions/, tests/ and fuzz/, compiled with the Makefile's CC
# and CFLAGS (make compile_commands.json passes them). Headers take the flags
# of the sources that include them. Written under a temporary name and
# renamed when complete.
set -euo pipefail
[[ $# == 1 && -n $1 ]] || { echo "usage: scripts/compile-commands.sh OUT" >&2; exit 2; }
out=$1
: "${CC:=cc}" "${CFLAGS:?run this through make compile_commands.json}"
# The flags as the shell would split them (CFLAGS quotes -DLR_ROOT='"..."').
eval "flags=($CFLAGS)"
dir=$(pwd)

# json STRING: STRING as a JSON string literal.
json() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

mapfile -t sources < <(find lib chapters exercises solutions tests fuzz -name '*.c' -type f | LC_ALL=C sort)
tmp="$out.tmp$$"
trap 'rm -f "$tmp"' EXIT
{
  echo "["
  for i in "${!sources[@]}"; do
    src=${sources[$i]}
    args=$(json "$CC")
    for flag in "${flags[@]}"; do args+=", $(json "$flag")"; done
    args+=", \"-c\", $(json "$src"), \"-o\", \"/dev/null\""
    printf '  {"directory": %s, "file": %s, "arguments": [%s]}%s\n' \
      "$(json "$dir")" "$(json "$src")" "$args" "$( ((i + 1 < ${#sources[@]})) && echo ,)"
  done
  echo "]"
} > "$tmp"
mv -f "$tmp" "$out"
trap - EXIT
echo "compile-commands: $out lists ${#sources[@]} C files"
