#!/usr/bin/env bash
# bad-input/run.sh: runs every case of tests/bad-input/cases.txt on every
# chapter it applies to, and checks the exact message and exit status. Also
# checks that docs/appendix-errors.md lists every message, so that the table
# learners read cannot fall behind the programs.
#
#   BUILD=build/strict tests/bad-input/run.sh [TIMING_FILE]
#
# Prints one ok/FAIL/skip line per run and a count; exits non-zero when a
# case failed. The time taken to read (and train one epoch on) the file of
# 10^6 rows is printed, and written to TIMING_FILE when given.
set -u
: "${BUILD:?run this through make test}"
root=$(pwd)
bin=$(cd "$BUILD/bin" && pwd) || exit 1
here="$root/tests/bad-input"
appendix="$root/docs/appendix-errors.md"
timing_file=${1:-}
work=$(mktemp -d)
chmod 755 "$work"   # so that the user nobody can run the no-permission case
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
failures=0 runs=0 skips=0

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# Starting a process is slow on some machines, and this table runs some 500
# programs: apart from them, the checks below start no process of their own.
# trim VAR: strip VAR's leading and trailing blanks.
trim() { local -n s=$1; s=${s#"${s%%[![:space:]]*}"}; s=${s%"${s##*[![:space:]]}"}; }
# read_file VAR FILE: VAR = the file's text, without its final newlines (as $(cat FILE)).
read_file() {
  local -n text=$1
  IFS= read -r -d '' text < "$2"
  while [[ $text == *$'\n' ]]; do text=${text%$'\n'}; done
}
# has_option NN OPTION: does chapter NN's --help list OPTION (a line "  OPTION ...")?
has_option() { [[ $'\n'${help[$1]} == *$'\n'"  $2 "* ]]; }

# ---- the input files ----------------------------------------------------------
cp "$here"/files/*.csv "$here"/files/*.ckpt "$work"/
printf 'x1,x2,y\n1,2,0\n3,4,1\n' > "$work/unreadable.csv"
chmod 000 "$work/unreadable.csv"
{ printf 'x1,x2,y\n0.5,'; head -c 1048576 /dev/zero | tr '\0' 'x'; printf ',0\n'; } > "$work/long-line.csv"
{ printf 'x1,x2,y\n'; head -c 1048574 /dev/zero | tr '\0' '1' | sed 's/1/1,/g; s/,$//' | head -c 1048575; printf '\n'; } > "$work/wide-line.csv"
awk 'BEGIN { print "x1,x2,y"; s = 12345
             for (i = 0; i < 1000000; i++) { s = (s * 1103515245 + 12345) % 2147483648
                                             x1 = s / 2147483648 * 4 - 2; s = (s * 1103515245 + 12345) % 2147483648
                                             x2 = s / 2147483648 * 4 - 2
                                             printf "%.6f,%.6f,%d\n", x1, x2, (x1 + x2 > 0) } }' > "$work/million-rows.csv"

# ---- the chapters ---------------------------------------------------------------
chapters=()
for src in chapters/[0-9][0-9]-*.c; do
  nn=${src#chapters/}
  nn=${nn%%-*}
  if [[ -x $bin/chapter-$nn ]]; then chapters+=("$nn"); else fail "$BUILD/bin/chapter-$nn was not built"; fi
done
# Each chapter's --help, every line within 80 columns; help[NN] reads each
# option's line together with the lines that continue it (indented to the
# 26th column, under its help), so that its range ends the line it starts.
declare -A help
for nn in "${chapters[@]}"; do
  "$bin/chapter-$nn" --help > "$work/help.txt"
  wide="" text="" first=1
  while IFS= read -r line; do
    ((${#line} > 80)) && wide+="${wide:+$'\n'}$line"
    if ((first == 0)) && [[ ${#line} -gt 25 && ${line:0:25} =~ ^\ *$ && ${line:25:1} != " " ]]; then text+=" ${line:25}"
    else ((first == 1)) || text+=$'\n'; text+=$line; fi
    first=0
  done < "$work/help.txt"
  if [[ -n $wide ]]; then fail "chapter-$nn --help has lines over 80 characters: $wide"
  else echo "ok   chapter-$nn --help: every line within 80 characters"; fi
  help[$nn]=$text
done

# matches NN SELECTOR: does the case apply to chapter NN?
matches() {
  local nn=$1 selector=$2 want
  [[ $selector == all || $selector == "$nn" ]] && return 0
  [[ $selector == [0-9][0-9] ]] && return 1
  IFS=, read -ra wants <<< "$selector"
  for want in "${wants[@]}"; do
    if [[ $want == !* ]]; then has_option "$nn" "${want#!}" && return 1
    else has_option "$nn" "$want" || return 1; fi
  done
  return 0
}

# range NN OPTION: sets min and max from the option's --help line ("...; MIN to MAX").
range() {
  local line
  min="" max=""
  while IFS= read -r line; do
    if [[ $line == "  $2 "* && $line =~ \;\ ([^ ]*)\ to\ ([^ ]*)$ ]]; then
      min=${BASH_REMATCH[1]} max=${BASH_REMATCH[2]}
      return
    fi
  done <<< "${help[$1]}"
}

read_file appendix_text "$appendix"

# ---- the cases --------------------------------------------------------------------
n_cases=0
while IFS= read -r line; do
  [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
  n_cases=$((n_cases + 1))
  IFS='|' read -r what selector command status message <<< "$line"
  for field in what selector status command message; do trim "$field"; done
  [[ $message == '""' ]] && message=""   # (nothing on stderr)
  env_vars=(LR_PLOT=none) args=()
  for word in $command; do
    if [[ ${#args[@]} == 0 && $word =~ ^[A-Z_]+= ]]; then env_vars+=("$word"); else args+=("$word"); fi
  done
  option=""
  for word in "${args[@]}"; do [[ $word == --* ]] && { option=${word%%=*}; break; }; done
  ran=0 shown=""
  for nn in "${chapters[@]}"; do
    matches "$nn" "$selector" || continue
    ran=1 runs=$((runs + 1))
    prog="chapter-$nn"
    # root reads any file: run that case as the user nobody, or skip it
    as_user=()
    if [[ " ${args[*]} " == *" unreadable.csv "* && $EUID == 0 ]]; then
      if command -v setpriv > /dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$bin/$prog"; then
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
      else
        echo "skip $prog: $what (running as root, which can read any file, and cannot become nobody)"
        skips=$((skips + 1)); continue
      fi
    fi
    range "$nn" "$option"
    want=${message//\{prog\}/$prog}; want=${want//\{min\}/$min}; want=${want//\{max\}/$max}
    want=${want// <NL> /$'\n'}
    [[ -z $shown ]] && shown=$want
    start=${EPOCHREALTIME/[.,]/}
    (cd "$work" && export "${env_vars[@]}" && exec "${as_user[@]}" "$bin/$prog" "${args[@]}" > "$work/out.txt" 2> "$work/err.txt")
    rc=$?
    ms=$(((${EPOCHREALTIME/[.,]/} - start) / 1000))
    printf -v seconds '%d.%03d' $((ms / 1000)) $((ms % 1000))
    read_file got "$work/err.txt"
    read_file printed "$work/out.txt"
    ok_message=""
    if [[ $want == *" ..." ]]; then [[ $got != *$'\n'* && $got == "${want% ...}"* ]] && ok_message=1
    else [[ $got == "$want" ]] && ok_message=1; fi
    if [[ $rc != "$status" ]]; then fail "$prog: $what: exit status $rc, expected $status (stderr: ${got:0:300})"
    elif [[ -z $ok_message ]]; then fail "$prog: $what: stderr was"; echo "$got" | sed 's/^/       /'
      echo "     expected"; echo "$want" | sed 's/^/       /'
    elif [[ ${printed,,} =~ (^|[^a-z])(nan|inf)([^a-z]|$) ]]; then fail "$prog: $what: printed nan or inf"
    else echo "ok   $prog: $what (exit $rc)"; fi
    if [[ $what == 10^6* ]]; then
      timing="reading 10^6 rows (and one epoch on them) took ${seconds} s in $prog"
      echo "     $timing"
      [[ -n $timing_file ]] && echo "$timing" > "$timing_file"
    fi
  done
  [[ $ran == 0 ]] && { echo "skip $what: no chapter matches '$selector' yet"; skips=$((skips + 1)); }
  # The learners' table must show this message (as chapter-03 would print it).
  # (Cases for one chapter other than 03 only vary the numbers of another case.)
  if [[ -n $shown && $message != *" ..." && ( $selector != [0-9][0-9] || $selector == 03 ) ]]; then
    while IFS= read -r shown_line; do
      shown_line=${shown_line#chapter-[0-9][0-9]: }; shown_line=${shown_line% (see ./chapter-[0-9][0-9] --help)}
      [[ $appendix_text == *"$shown_line"* ]] || fail "docs/appendix-errors.md does not show: $shown_line"
    done <<< "$shown"
  fi
done < "$here/cases.txt"

echo "$n_cases cases, $runs runs: $((runs - failures - skips)) passed, $failures failed, $skips skipped"
[[ $n_cases -ge 25 && $failures == 0 ]]
