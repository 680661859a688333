#!/usr/bin/env bash
# Builds ecs-role-wizard (release) and runs it with the given arguments.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh run
# A static standard library and Foundation start a few milliseconds sooner.
swift build -c release -q --static-swift-stdlib
exec .build/release/ecs-role-wizard "$@"
