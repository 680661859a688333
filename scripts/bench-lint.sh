#!/usr/bin/env bash
# Speed figures (not a test): `ecs-role-wizard lint --format json` over the 1,582 AWS managed
# policies against parliament over the same documents in one Python process, medians in ms and
# their ratio. Prepares what it needs on a Debian machine with Swift: the Debian packages of
# scripts/setup.sh run, python3 with venv, .venv-tools (scripts/tools-venv.sh) and the release
# build. RUNS (default 31) and PARLIAMENT_RUNS (default 2) set the number of timed runs.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh run
if ! command -v python3 >/dev/null || ! python3 -c 'import ensurepip, venv' 2>/dev/null; then
  sudo=()
  [[ $(id -u) == 0 ]] || sudo=(sudo)
  echo "bench-lint: installing python3 and python3-venv" >&2
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq python3 python3-venv >/dev/null
fi
scripts/tools-venv.sh
swift build -c release -q --static-swift-stdlib --product ecs-role-wizard
python3 scripts/bench_lint.py .build/release/ecs-role-wizard --runs "${RUNS:-31}" --parliament-runs "${PARLIAMENT_RUNS:-2}"
