#!/usr/bin/env bash
# need.sh PACKAGE THING: make sure a Debian package is installed.
# THING is a command name or a file path that the package provides. When it is
# missing, say so; where apt-get exists (and NO_DEPS is not 1), install it,
# after saying exactly what will run.
set -u
package=$1 thing=$2
if [[ $thing == /* ]]; then [[ -e $thing ]] && exit 0; else command -v "$thing" > /dev/null && exit 0; fi

echo "This step needs the Debian package '$package', which is not installed."
if [[ ${NO_DEPS:-0} == 1 ]] || ! command -v apt-get > /dev/null; then
  echo "Install it with:  sudo apt-get install $package"
  exit 1
fi
sudo=""
if [[ $(id -u) != 0 ]]; then
  command -v sudo > /dev/null || { echo "Install it as root with:  apt-get install $package"; exit 1; }
  sudo="sudo"
fi
echo "Installing it now with:  $sudo apt-get install -y $package   (set NO_DEPS=1 to stop this)"
$sudo apt-get install -y "$package" || { $sudo apt-get update && $sudo apt-get install -y "$package"; } || {
  echo "Could not install $package; please install it yourself and run make again."
  exit 1
}
