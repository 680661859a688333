#!/usr/bin/env bash
# Installs what building and testing ecs-role-wizard needs on a Debian machine with Swift:
#   setup.sh run    Debian packages for the wizard (ncurses)
#   setup.sh test   also tmux, shellcheck, and a Python virtualenv (.venv) with moto, awscli, pytest
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mode=${1:-test}

packages=(libncurses-dev pkg-config)
if [[ $mode == test ]]; then packages+=(tmux shellcheck python3-venv); fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
# python3-venv only matters when python3 cannot make a virtualenv by itself (pyenv builds can).
if [[ " ${missing[*]} " == *" python3-venv "* ]] && python3 -m venv --help >/dev/null 2>&1; then
  missing=("${missing[@]/python3-venv}")
  read -r -a missing <<<"${missing[*]}"
fi
if ((${#missing[@]})); then
  sudo=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  echo "setup: installing ${missing[*]}" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if [[ $mode == test ]]; then
  stamp=.venv/.requirements
  if [[ ! -x .venv/bin/python ]] || ! cmp -s scripts/requirements-test.txt "$stamp"; then
    echo "setup: preparing .venv (moto, awscli, pytest)" >&2
    python3 -m venv .venv
    .venv/bin/pip install -q --disable-pip-version-check -r scripts/requirements-test.txt
    cp scripts/requirements-test.txt "$stamp"
  fi
fi
