#!/usr/bin/env bash
# fuzz/run.sh FUZZER SECONDS WORKDIR: run the libFuzzer target on the CSV
# reader for SECONDS, starting from the seed corpus in fuzz/corpus (read only;
# new inputs go to WORKDIR/corpus, a crashing input to WORKDIR/crash-*).
# Ends with one line: executions, time, and whether anything crashed. Exits
# non-zero on a crash; then add the input to fuzz/corpus/ (named for what it
# found) and its message to tests/bad-input/cases.txt once it is fixed.
set -u
fuzzer=$1 seconds=$2 work=$3
mkdir -p "$work/corpus"
"$fuzzer" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 -artifact_prefix="$work/" \
  "$work/corpus" fuzz/corpus > "$work/fuzz.log" 2>&1
status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/fuzz.log")
crashes=$(ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2> /dev/null)
if [[ $status != 0 || -n $crashes ]]; then
  grep -v '^INFO\|^#' "$work/fuzz.log" | tail -30
  echo "fuzz: FAILED after ${runs:-?} executions; the input is in: ${crashes:-$work/fuzz.log}"
  exit 1
fi
echo "fuzz: ${runs:-?} executions in $seconds s, corpus $(ls "$work/corpus" | wc -l) inputs, no crash"
