#!/usr/bin/env bash
# Speed figures (not tests): per-key update+render while filtering the managed policy catalog,
# and time to the first frame in tmux against `dialog --checklist` showing the same catalog.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh run
if ! command -v dialog >/dev/null || ! command -v tmux >/dev/null; then
  sudo=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get install -y -qq dialog tmux >/dev/null
fi
swift build -c release -q --static-swift-stdlib --product ecs-role-wizard
swift build -c release -q --static-swift-stdlib --product wizard-bench
.build/release/wizard-bench
python3 scripts/bench_first_frame.py .build/release/ecs-role-wizard "${RUNS:-15}"
