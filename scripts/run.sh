#!/usr/bin/env bash
# Builds ecs-role-wizard (release) and runs it with the given arguments.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh run
swift build -c release -q
exec .build/release/ecs-role-wizard "$@"
