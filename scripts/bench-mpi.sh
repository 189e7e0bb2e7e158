#!/usr/bin/env bash
# bench-mpi.sh CHAPTER-12: chapter 12's measurements, run by `make bench`.
#   alpha and beta: the cost of one all-reduce between 2 processes of this machine
#   scaling: gradient descent on n = 1e6 rows, d = 20 at -np 1, 2 and 4 (20 epochs each): the
#            time per epoch and how much of it is spent in the all-reduce
# More processes than cores are oversubscribed (they take turns), and other jobs on the machine
# slow some processes and not others: the all-reduce's time includes waiting for the slowest.
set -u
bin=$1
if ! command -v mpirun > /dev/null; then
  echo "chapter 12: skipped, no Open MPI (Debian: apt-get install libopenmpi-dev openmpi-bin)"; exit 0
fi
# Open MPI refuses to run as root unless told so.
[[ $(id -u) == 0 ]] && export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
echo "chapter 12: $(nproc) cores; -np above that is oversubscribed"
for np in 1 2 4; do
  out=$(LR_PLOT=none mpirun --quiet --oversubscribe -np "$np" "$bin" --rows 1000000 --features 20 \
          --method gd --epochs 20) || { echo "chapter 12: mpirun -np $np failed"; exit 1; }
  # A line the chapter continues starts with two spaces: join it to the line it continues.
  out=$(awk '/^  [^ ]/ { sub(/^ +/, " "); printf "%s", $0; next } NR > 1 { printf "\n" } { printf "%s", $0 }
             END { printf "\n" }' <<< "$out")
  sed -n 's/^time per epoch: /-np '"$np"', n = 1e6, d = 20: time per epoch /p' <<< "$out"
  sed -n 's/^communication: .*; \(.*\)$/-np '"$np"': \1/p' <<< "$out"
  sed -n 's/^This machine, \(.*\)$/-np '"$np"': \1/p; s/^one epoch of gradient descent: /-np '"$np"': one epoch, /p' <<< "$out"
done
