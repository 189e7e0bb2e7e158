#!/usr/bin/env bash
# reset.sh NN: put exercises/NN-*.c back to the stub as shipped (from git),
# after showing what would be lost and asking. Your version is kept as a
# backup in .backup/ (which make clean does not touch). "As shipped" means as
# in the last git commit: if you commit your own work, reset restores that.
set -u
ex=${1:-}
[[ -n $ex ]] || { echo "Which exercise? For example: make reset EX=02"; exit 2; }
ex=${ex%%-*}
[[ $ex =~ ^[0-9]{1,2}$ ]] || { echo "EX=$1: expected an exercise number like 03"; exit 2; }
nn=$(printf '%02d' "$((10#$ex))")
file=$(ls exercises/"$nn"-*.c 2> /dev/null | head -n 1)
[[ -n $file ]] || { echo "There is no exercise $nn."; exit 2; }
stub=$(git show "HEAD:$file" 2> /dev/null) || { echo "Cannot find the shipped $file in git; nothing changed."; exit 1; }
if [[ "$stub" == "$(cat "$file")" ]]; then echo "$file is already the shipped stub."; exit 0; fi
echo "This puts $file back as shipped. Your changes:"
git --no-pager diff --stat -- "$file"
if [[ -t 0 ]]; then
  read -r -p "Reset it? Your version is kept in .backup/. [y/N] " answer
  [[ $answer == [yY]* ]] || { echo "Nothing changed."; exit 0; }
elif [[ ${YES:-} != 1 ]]; then
  echo "Not a terminal, so not asking: run make reset EX=$nn YES=1 to go ahead."; exit 1
fi
mkdir -p .backup
backup=".backup/$(basename "$file" .c)-$(date +%Y%m%d-%H%M%S).c"
cp "$file" "$backup"
printf '%s\n' "$stub" > "$file"
echo "Done. Your version is in $backup."
