# Chapter 12: the data-parallel fits equal the one-process answer within 1e-13 at -np 1, 2 and 3;
# a run killed after its first checkpoint resumes and ends bit for bit where an uninterrupted run ends;
# a dead rank stops the run within 10 s with one line. The mpirun parts run when Open MPI is installed.
# The bound: the P shards add their rows' terms in another order than one process does, which
# moves each sum by a few units in the last place (about 1e-16 of the weights' size); 500 epochs of
# gradient descent damp such differences rather than grow them, and Newton's method ends at the same
# minimum. Measured: at most 2e-15. 1e-13 leaves room for other data, and still catches a lost row.
BOUND=1e-13
# With solutions/ as your code, gradient descent runs on your shard_bounds, shard_sums and
# global_gradient (the column "yours"); the wrong one sends its shard's means, not its sums.
WRONG_AT="at w[0]: yours -0.00162381059, NumPy's 0.342248633; make check EX=12"

# expect_diffs LABEL...: the |diff| column (beside the one-process answer) of each LABEL is <= BOUND
# (check-output: the third number after the label within BOUND of 0).
printf 'zero 0\n' > "$TMP/zero.txt"
expect_diffs() {
  local label specs=() out
  for label in "$@"; do specs+=("$label#3=zero:$BOUND"); done
  out=$("$CHECK" "$TMP/out.txt" "$TMP/zero.txt" "${specs[@]}") || failures=$((failures + 1))
  echo "     ${out//$'\n'/$'\n'     }"
}

# The lesson's data: the numbers, the one-process answers and (with the stubs) the plot, from one run.
run_chapter png
expect_text '1 process (one process, no MPI started)'
expect_numbers gd-classification.txt 'w[0]#1=w.0:1e-9' 'w[1]#1=w.1:1e-9' 'b#1=b.0:1e-9'
expect_numbers sklearn-classification.txt 'coef[0]#1=coef.0:1e-6r' 'coef[1]#1=coef.1:1e-6r' \
  'intercept#1=intercept:1e-6r'
expect_diffs 'w[0]' 'w[1]' b 'coef[0]' 'coef[1]' intercept
expect_text 'converged after 8 steps'
[[ $WAY == solutions ]] && expect_text 'Trained on the shards of your shard_bounds with your shard_sums and global_gradient:'
expect_plots chapter-12-cost-model
# Classes that separate: Newton's gradient vanishes while w runs off; the chapter must say so
# (lib/diagnose, as chapter 6), not "converged". The breast-cancer data separate completely;
# in partial.csv only the 2 samples at x1 > 0 can be cut off (tests/chapters/06-sklearn-comparison.sh).
printf 'x1,x2,y\n0,0.1,0\n0,0.5,1\n0,0.9,0\n0,0.3,1\n0,0.7,1\n0,0.2,0\n0,0.4,0\n0,0.6,1\n1,0.5,1\n2,0.1,1\n' > "$TMP/partial.csv"
run_chapter none --data data/breast-cancer.csv --standardize --method newton
expect_text 'SEPARATED: the classes can be separated completely'
expect_lacks 'converged after'
run_chapter none --data "$TMP/partial.csv" --method newton
expect_text 'SEPARATED IN PART: 2 of the 10 samples can be separated from the rest'
expect_lacks 'converged after'

# ---- checkpoints: killed with SIGKILL, restarted, equal to the bit --------------------------------
# Gradient descent on 20000 rows, a checkpoint every 10 epochs. The run to be killed is given
# --epochs 10000000, so it cannot end before the kill, however slow the machine is to look. Its
# first checkpoint, at some epoch E, is copied aside as it appears; the run goes on for about PAST
# epochs more and is killed, its last checkpoint at some epoch F > E. The run was uninterrupted
# from 0 to F: the copy restarted with --epochs F (the checkpoint's options line holds the data,
# the rows and the rate, not the epochs) must end with the bits of the killed run's last checkpoint.
PAST=100
ckpt_args=(--rows 20000 --features 20 --method gd --every 10)

# nap: a fiftieth of a second, without starting a process (a read that waits on a pipe no one writes).
exec {never}<> <(:)
nap() { read -r -t 0.02 -u "$never" _; }

# checkpoint_epoch FILE: the epoch FILE's checkpoint holds, into ckpt_epoch ("" when there is none).
checkpoint_epoch() {
  local line
  ckpt_epoch=""
  [[ -e $1 ]] && while read -r line; do [[ $line == "epoch "* ]] && ckpt_epoch=${line#epoch }; done < "$1"
}

# watch_checkpoints FILE PID: copies FILE's first checkpoint to FILE.first as it appears (its epoch
# into first_epoch), then waits until FILE is PAST epochs further on (each wait at most 10 s, and
# none once PID has ended).
watch_checkpoints() {
  local k content
  first_epoch=""
  for ((k = 0; k < 500; k++)); do [[ -e $1 ]] && break; kill -0 "$2" 2> /dev/null || return; nap; done
  [[ -e $1 ]] || return
  read_file "$1" content   # (written whole by a rename, so never half a checkpoint)
  printf '%s' "$content" > "$1.first"
  checkpoint_epoch "$1.first"
  first_epoch=$ckpt_epoch
  [[ $first_epoch =~ ^[0-9]+$ ]] || return
  for ((k = 0; k < 500; k++)); do
    checkpoint_epoch "$1"
    [[ $ckpt_epoch =~ ^[0-9]+$ ]] && ((ckpt_epoch >= first_epoch + PAST)) && return
    kill -0 "$2" 2> /dev/null || return
    nap
  done
}

# check_resumed WHAT KILLED [LAUNCH...]: KILLED was stopped by a kill, its last checkpoint at epoch
# F, after its first (KILLED.first, at epoch E < F); KILLED.first restarted with --epochs F ends
# with the same bits as KILLED.
check_resumed() {
  local what=$1 killed=$2
  shift 2
  checkpoint_epoch "$killed"
  # (a kill during a write may leave KILLED.tmp half written: KILLED is the last whole one)
  if [[ ! $first_epoch =~ ^[0-9]+$ || ! $ckpt_epoch =~ ^[0-9]+$ ]] || ((ckpt_epoch <= first_epoch || ckpt_epoch >= 10000000)); then
    fail "$what: no checkpoints at two epochs before the end (first '$first_epoch', last '$ckpt_epoch')"
    return
  fi
  local end=$ckpt_epoch
  echo "ok   $what: killed with its checkpoint at epoch $end, before the end (--epochs 10000000); its first was at $first_epoch"
  LR_PLOT=none "$@" "$CHAPTER" "${ckpt_args[@]}" --epochs "$end" --checkpoint "$killed.first" > "$TMP/resume.txt" 2> "$TMP/err.txt" ||
    { load_err; fail "$what: the restart failed: $err_text"; }
  load_out "$TMP/resume.txt"
  [[ $out_text == *"Resuming from $killed.first at epoch $first_epoch."* ]] || fail "$what: the restart did not say it resumed at $first_epoch"
  if cmp -s "$killed" "$killed.first"; then echo "ok   $what: resumed from epoch $first_epoch to $end, the same weights as the uninterrupted run, bit for bit"
  else fail "$what: the resumed weights differ from the uninterrupted run's: $(diff "$killed" "$killed.first" | head -4)"; fi
}

# Checkpoints are the library's code (lib/checkpoint, and fit_gd, which your code does not replace):
# the stubs' step checks them. With solutions/ the restart would also run your gradient descent on
# the 20000 rows, for a check your code cannot change.
if [[ $WAY == stubs ]]; then
  LR_PLOT=none "$CHAPTER" "${ckpt_args[@]}" --epochs 10000000 --checkpoint "$TMP/killed.ckpt" > /dev/null 2>&1 &
  pid=$!
  watch_checkpoints "$TMP/killed.ckpt" $pid
  kill -KILL $pid 2> /dev/null   # (it is killed even when no checkpoint came: it would run on)
  wait $pid 2> /dev/null
  rc=$?
  if [[ $rc == 137 ]]; then check_resumed "one process, SIGKILL" "$TMP/killed.ckpt"
  else fail "one process: the run to be killed ended by itself, exit $rc"; fi
  # A finished run started again resumes at --epochs: nothing to train, and a loss, not NaN.
  run_chapter none --rows 1000 --features 2 --method gd --epochs 20 --checkpoint "$TMP/done.ckpt"
  run_chapter none --rows 1000 --features 2 --method gd --epochs 20 --checkpoint "$TMP/done.ckpt"
  expect_text "That is --epochs already: nothing is left to train"
  expect_text 'Gradient descent, 20 epochs at lr 0.1: loss 0.'
  expect_lacks 'loss nan'
else echo "skip a killed run and its restart with your code: the stubs' step checks them"; fi

if ! command -v mpirun > /dev/null; then
  echo "skip the mpirun runs: Open MPI is not installed (Debian: apt-get install libopenmpi-dev openmpi-bin)"
  return 0
fi
# Open MPI refuses to run as root unless told; these two variables tell it (or: mpirun --allow-run-as-root).
((EUID == 0)) && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
# Open MPI's own start-up allocations are never freed (many in plugins it unloads, so a
# suppression file cannot name them): under `make test SANITIZE=1` LeakSanitizer is off for the
# mpirun runs only. AddressSanitizer and UBSan stay on; our code's leaks are checked by the
# one-process runs above, which take the same paths except lib/mpi/comm-mpi.c.
# mpi_yield_when_idle: a process waiting in the all-reduce gives its core away instead of
# spinning on it (the same messages, far less CPU on a machine with fewer cores than processes).
# pml ob1, btl self,vader: what Open MPI chooses on one machine anyway (ob1 carrying the messages
# through shared memory), named, so that no process also starts the TCP transport, which it then
# leaves unused (about 15% of a launch's CPU: mpirun -np 2 of MPI_Init and MPI_Finalize alone).
MPIRUN=(env ASAN_OPTIONS=detect_leaks=0 mpirun --quiet --oversubscribe --mca mpi_yield_when_idle 1
  --mca pml ob1 --mca btl self,vader)

# ---- -np 1, 2, 3: the one-process answer within the bound ------------------------------------
# (with solutions/ as your code, -np 2 and 3: your shards; -np 1 holds one shard, as one process does)
nps=(1 2 3)
[[ $WAY == solutions ]] && nps=(2 3)
for np in "${nps[@]}"; do
  LR_PLOT=none "${MPIRUN[@]}" -np $np "$CHAPTER" > "$TMP/out.txt" 2> "$TMP/err.txt"
  rc=$?
  load_err
  if [[ $rc != 0 || -n $err_text ]]; then fail "mpirun -np $np: exit $rc: ${err_text:0:300}"; continue; fi
  expect_text "$np process$([[ $np == 1 ]] || echo es) (Open MPI)"
  expect_diffs 'w[0]' 'w[1]' b 'coef[0]' 'coef[1]' intercept
done
expect_text '300 rows in 3 shards of 100, 100, 100 rows'
expect_text 'one all-reduce costs alpha'
# Separation and a killed rank are the library's code (lib/diagnose, lib/checkpoint) over the
# shards: the stubs' step checks them under mpirun; each launch costs about 1 s of CPU.
if [[ $WAY == solutions ]]; then
  echo "skip separation and a killed rank under mpirun with your code: the stubs' step checks them"
  return 0
fi
# ---- separation seen over the shards: the margins the last step moved, counted on every process
for args in "data/breast-cancer.csv --standardize|SEPARATED: the classes can be separated completely" \
            "$TMP/partial.csv|SEPARATED IN PART: 2 of the 10 samples can be separated from the rest"; do
  read -ra data <<< "${args%%|*}"
  LR_PLOT=none "${MPIRUN[@]}" -np 2 "$CHAPTER" --data "${data[@]}" --method newton > "$TMP/out.txt" 2> "$TMP/err.txt"
  rc=$?
  load_err
  if [[ $rc != 0 || -n $err_text ]]; then fail "mpirun -np 2 --data ${data[*]}: exit $rc: ${err_text:0:300}"; continue; fi
  expect_text "${args#*|}"
  expect_lacks 'converged after'
done

# ---- one rank killed: the run stops within 10 s with one line; the restart ends bit for bit --------
LR_PLOT=none "${MPIRUN[@]}" -np 2 "$CHAPTER" "${ckpt_args[@]}" --epochs 10000000 --checkpoint "$TMP/killed2.ckpt" \
  > /dev/null 2> "$TMP/err.txt" &
pid=$!
rank1=""
watch_checkpoints "$TMP/killed2.ckpt" $pid
if [[ -n $first_epoch ]]; then
  children=()   # mpirun's, from each of its threads
  for list in /proc/$pid/task/*/children; do read -ra more < "$list"; children+=("${more[@]}"); done 2> /dev/null
  for child in "${children[@]}"; do   # the process whose rank is 1
    while IFS= read -r -d '' var; do [[ $var == OMPI_COMM_WORLD_RANK=1 ]] && rank1=$child; done < "/proc/$child/environ"
  done 2> /dev/null
fi
start=$SECONDS
if [[ -n $rank1 ]]; then kill -KILL "$rank1"; else kill -TERM $pid 2> /dev/null; fi   # (mpirun stops every rank)
wait $pid
rc=$?
took=$((SECONDS - start))
load_err
if [[ -z $rank1 ]]; then fail "could not find rank 1 to kill"
elif [[ $rc != 0 && $took -le 10 && $err_count == 1 && $err_text == *'another process of this run died'* ]]; then
  echo "ok   rank 1 killed: exit $rc after ${took} s with: ${err_text%$'\n'}"
else fail "rank 1 killed: exit $rc after ${took} s, stderr: ${err_text:0:600}"; fi
check_resumed "mpirun -np 2, rank 1 SIGKILLed" "$TMP/killed2.ckpt" "${MPIRUN[@]}" -np 2
