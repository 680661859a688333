#!/usr/bin/env bash
# Runs every test: the Swift unit tests, then the end-to-end tests that drive the real binary,
# lint the generated scripts and apply them with the aws CLI against a local moto server
# (started and stopped by the tests, on 127.0.0.1 only).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/setup.sh test
swift build
swift test
ECS_ROLE_WIZARD="$PWD/.build/debug/ecs-role-wizard" .venv/bin/python -m pytest Tests/e2e -q -p no:cacheprovider -n 2
