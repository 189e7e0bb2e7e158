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
root=$PWD
build=$BUILD
[[ $build == /* ]] || build=$root/$build
bin=$build/bin
here="$root/tests/bad-input"
appendix="$root/docs/appendix-errors.md"
timing_file=${1:-}
work=$(mktemp -d)
chmod 755 "$work"   # so that the user nobody can run the no-permission case
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
failures=0 runs=0 skips=0

fail() { echo "FAIL $*"; failures=$((failures + 1)); }
# Starting a process is slow on some machines, and this table runs some 500
# programs: they are started by one program, run-batch (tests/bad-input/
# run-batch.c), without a copy of this shell for each, and apart from it the
# checks below start hardly a process of their own.
# trim VAR: strip VAR's leading and trailing blanks.
trim() { local -n s=$1; s=${s#"${s%%[![:space:]]*}"}; s=${s%"${s##*[![:space:]]}"}; }
# read_file VAR FILE: VAR = the file's text, without its final newlines (as $(cat FILE)).
read_file() {
  local -n text=$1
  text=""
  IFS= read -r -d '' text < "$2"
  while [[ $text == *$'\n' ]]; do text=${text%$'\n'}; done
}
# has_option NN OPTION: does chapter NN's --help list OPTION (a line "  OPTION ...")?
has_option() { [[ $'\n'${help[$1]} == *$'\n'"  $2 "* ]]; }
# run_batch NAME: runs the commands of $work/NAME.jobs (one a line, words
# separated by tabs) from $work, their output in $work/NAME/K.out and K.err;
# sets batch_rc[K] and batch_ms[K], the exit status and wall time of command K.
run_batch() {
  local k rc ms
  mkdir "$work/$1"
  batch_rc=() batch_ms=()
  cd "$work" || exit 1
  "$build/tests/run-batch" "$1.jobs" "$work/$1" > "$work/$1.results" || { fail "run-batch $1.jobs exited $?"; exit 1; }
  cd "$root" || exit 1
  while read -r k rc ms; do batch_rc[k]=$rc batch_ms[k]=$ms; done < "$work/$1.results"
}

# ---- the input files ----------------------------------------------------------
# (made with bash's own printf where it can: 1 MB strings by doubling)
cp "$here"/files/*.csv "$here"/files/*.md "$here"/files/*.ckpt "$work"/
printf 'x1,x2,y\n1,2,0\n3,4,1\n' > "$work/unreadable.csv"
chmod 000 "$work/unreadable.csv"
cell=x
for ((i = 0; i < 20; i++)); do cell+=$cell; done   # 2^20 = 1048576 x's
printf 'x1,x2,y\n0.5,%s,0\n' "$cell" > "$work/long-line.csv"
row=1,
for ((i = 0; i < 19; i++)); do row+=$row; done     # 2^19 times "1,"
printf 'x1,x2,y\n%s\n' "${row%,}" > "$work/wide-line.csv"   # 524288 columns, 1048575 bytes
# 10^6 rows: 1000 random rows, written 1000 times (what the case measures is
# the reading of 10^6 rows; awk formatting 10^6 random numbers took about as
# long as the chapter reading them)
awk 'BEGIN { print "x1,x2,y"; s = 12345
             for (i = 0; i < 1000; i++) { s = (s * 1103515245 + 12345) % 2147483648
                                          x1 = s / 2147483648 * 4 - 2; s = (s * 1103515245 + 12345) % 2147483648
                                          x2 = s / 2147483648 * 4 - 2
                                          rows = rows sprintf("%.6f,%.6f,%d\n", x1, x2, (x1 + x2 > 0)) }
             for (i = 0; i < 1000; i++) printf "%s", rows }' > "$work/million-rows.csv"

# ---- the chapters ---------------------------------------------------------------
[[ -x $build/tests/run-batch ]] || { fail "$BUILD/tests/run-batch was not built"; exit 1; }
chapters=()
for src in chapters/[0-9][0-9]-*.c; do
  nn=${src#chapters/}
  nn=${nn%%-*}
  if [[ -x $bin/chapter-$nn ]]; then chapters+=("$nn"); else fail "$BUILD/bin/chapter-$nn was not built"; fi
done
# Each chapter's --help, every line within 80 columns; help[NN] reads each
# option's line together with the lines that continue it (indented to the
# 26th column, under its help), so that its range ends the line it starts.
for nn in "${chapters[@]}"; do printf '%s\t--help\n' "$bin/chapter-$nn"; done > "$work/help.jobs"
run_batch help
declare -A help
k=0
for nn in "${chapters[@]}"; do
  k=$((k + 1))
  wide="" text="" first=1
  while IFS= read -r line; do
    ((${#line} > 80)) && wide+="${wide:+$'\n'}$line"
    if ((first == 0)) && [[ ${#line} -gt 25 && ${line:0:25} =~ ^\ *$ && ${line:25:1} != " " ]]; then text+=" ${line:25}"
    else ((first == 1)) || text+=$'\n'; text+=$line; fi
    first=0
  done < "$work/help/$k.out"
  if [[ ${batch_rc[k]} != 0 ]]; then fail "chapter-$nn --help: exit status ${batch_rc[k]}, expected 0"
  elif [[ -n $wide ]]; then fail "chapter-$nn --help has lines over 80 characters: $wide"
  else echo "ok   chapter-$nn --help: every line within 80 characters"; fi
  help[$nn]=$text
done

# matches NN SELECTOR: does the case apply to chapter NN? (Each answer is
# kept in matched: the same selectors come back case after case.)
declare -A matched ranges
matches() {
  local nn=$1 selector=$2 want answer=0
  [[ $selector == all || $selector == "$nn" ]] && return 0
  [[ $selector == [0-9][0-9] ]] && return 1
  [[ -n ${matched[$nn $selector]:-} ]] && return "${matched[$nn $selector]}"
  IFS=, read -ra wants <<< "$selector"
  for want in "${wants[@]}"; do
    if [[ $want == !* ]]; then has_option "$nn" "${want#!}" && answer=1
    else has_option "$nn" "$want" || answer=1; fi
  done
  matched[$nn $selector]=$answer
  return $answer
}

# range NN OPTION: sets min and max from the option's --help line ("...; MIN
# to MAX"), kept in ranges for the next case.
range() {
  local line
  if [[ -n ${ranges[$1 $2]:-} ]]; then min=${ranges[$1 $2]% *} max=${ranges[$1 $2]#* }; return; fi
  min="" max=""
  while IFS= read -r line; do
    if [[ $line == "  $2 "* && $line =~ \;\ ([^ ]*)\ to\ ([^ ]*)$ ]]; then
      min=${BASH_REMATCH[1]} max=${BASH_REMATCH[2]}
      break
    fi
  done <<< "${help[$1]}"
  ranges[$1 $2]="$min $max"
}

read_file appendix_text "$appendix"
exec {jobs_fd}> "$work/cases.jobs"

# ---- the cases --------------------------------------------------------------------
# First every run is planned: its command goes into cases.jobs, what it must
# print into the arrays below (run_*[R] for command R), and the lines of the
# report, in order, into report: "run R", or a line to print ("FAIL ..." counts).
n_cases=0 report=() nobody=""
run_prog=() run_what=() run_want=() run_status=()
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
    # (whether nobody can run the chapters is asked once)
    as_user=()
    if [[ " ${args[*]} " == *" unreadable.csv "* && $EUID == 0 ]]; then
      if [[ -z $nobody ]]; then
        nobody=no
        command -v setpriv > /dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$bin/$prog" && nobody=yes
      fi
      if [[ $nobody == yes ]]; then
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
      else
        report+=("skip $prog: $what (running as root, which can read any file, and cannot become nobody)")
        skips=$((skips + 1)); continue
      fi
    fi
    range "$nn" "$option"
    want=${message//\{prog\}/$prog}; want=${want//\{min\}/$min}; want=${want//\{max\}/$max}
    want=${want// <NL> /$'\n'}
    [[ -z $shown ]] && shown=$want
    r=$((${#run_prog[@]} + 1))
    run_prog[r]=$prog run_what[r]=$what run_want[r]=$want run_status[r]=$status
    report+=("run $r")
    printf -v job '%s\t' "${env_vars[@]}" "${as_user[@]}" "$bin/$prog" "${args[@]}"
    printf '%s\n' "${job%$'\t'}" >&"$jobs_fd"
  done
  [[ $ran == 0 ]] && { report+=("skip $what: no chapter matches '$selector' yet"); skips=$((skips + 1)); }
  # The learners' table must show this message (as chapter-03 would print it).
  # (Cases for one chapter other than 03 only vary the numbers of another case.)
  if [[ -n $shown && $message != *" ..." && ( $selector != [0-9][0-9] || $selector == 03 ) ]]; then
    while IFS= read -r shown_line; do
      shown_line=${shown_line#chapter-[0-9][0-9]: }; shown_line=${shown_line% (see ./chapter-[0-9][0-9] --help)}
      [[ $appendix_text == *"$shown_line"* ]] || report+=("FAIL docs/appendix-errors.md does not show: $shown_line")
    done <<< "$shown"
  fi
done < "$here/cases.txt"
exec {jobs_fd}>&-

# check_run R: the checks of run R, against what it printed.
check_run() {
  local r=$1 prog=${run_prog[$1]} what=${run_what[$1]} want=${run_want[$1]} status=${run_status[$1]}
  local rc=${batch_rc[$1]} ms=${batch_ms[$1]} got printed ok_message="" seconds timing
  read_file got "$work/cases/$r.err"
  read_file printed "$work/cases/$r.out"
  if [[ $want == *" ..." ]]; then [[ $got != *$'\n'* && $got == "${want% ...}"* ]] && ok_message=1
  else [[ $got == "$want" ]] && ok_message=1; fi
  if [[ $rc != "$status" ]]; then fail "$prog: $what: exit status $rc, expected $status (stderr: ${got:0:300})"
  elif [[ -z $ok_message ]]; then fail "$prog: $what: stderr was"; echo "$got" | sed 's/^/       /'
    echo "     expected"; echo "$want" | sed 's/^/       /'
  elif [[ ${printed,,} =~ (^|[^a-z])(nan|inf)([^a-z]|$) ]]; then fail "$prog: $what: printed nan or inf"
  else echo "ok   $prog: $what (exit $rc)"; fi
  if [[ $what == 10^6* ]]; then
    printf -v seconds '%d.%03d' $((ms / 1000)) $((ms % 1000))
    timing="reading 10^6 rows (and one epoch on them) took ${seconds} s in $prog"
    echo "     $timing"
    [[ -n $timing_file ]] && echo "$timing" > "$timing_file"
  fi
}

run_batch cases
for line in "${report[@]}"; do
  case $line in
    "run "*) check_run "${line#run }";;
    "FAIL "*) fail "${line#FAIL }";;
    *) echo "$line";;
  esac
done

echo "$n_cases cases, $runs runs: $((runs - failures - skips)) passed, $failures failed, $skips skipped"
[[ $n_cases -ge 25 && $failures == 0 ]]
