#!/usr/bin/env python3
"""Time to the first frame in tmux (80x24): ecs-role-wizard versus `dialog --checklist`
showing the same managed policy catalog. Prints medians of N runs and their ratio.

    scripts/bench_first_frame.py BINARY [RUNS]
"""
import os
import pathlib
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
CATALOG = ROOT / "Sources/RoleWizardCore/Resources/managed-policies.tsv"


def tmux(*args):
    return subprocess.run(["tmux", "-L", "erw-bench", *args], capture_output=True, text=True)


def first_frame_ms(command: str, marker: str) -> float:
    """Starts `command` in a fresh 80x24 tmux session; ms until `marker` is on screen."""
    tmux("kill-session", "-t", "bench")
    start = time.perf_counter()
    tmux("new-session", "-d", "-x", "80", "-y", "24", "-s", "bench", command)
    deadline = start + 10
    while time.perf_counter() < deadline:
        if marker in tmux("capture-pane", "-p", "-t", "bench").stdout:
            elapsed = (time.perf_counter() - start) * 1000
            tmux("kill-session", "-t", "bench")
            return elapsed
    tmux("kill-session", "-t", "bench")
    raise SystemExit(f"no first frame within 10 s: {command}")


def main() -> int:
    binary = os.path.abspath(sys.argv[1])
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    with tempfile.TemporaryDirectory() as folder:
        items = folder + "/items"
        with open(items, "w") as out:
            for line in CATALOG.read_text().splitlines():
                if not line.startswith("#"):
                    name = line.split("\t", 1)[0]
                    out.write(f"{shlex.quote(name)} '' off ")
        dialog = f"dialog --checklist 'Managed policies' 22 78 16 $(cat {items}); sleep 5"
        wizard = f"XDG_STATE_HOME={folder}/state {shlex.quote(binary)}; sleep 5"
        results = {}
        for label, command, marker in (("printf (tmux baseline)", "printf 'ready\\n'; sleep 5", "ready"),
                                       ("dialog --checklist, 1,582 items", dialog, "Managed policies"),
                                       ("ecs-role-wizard", wizard, "Start from")):
            times = [first_frame_ms(command, marker) for _ in range(runs)]
            results[label] = statistics.median(times)
            print(f"{label:34} median {results[label]:7.1f} ms  (min {min(times):.1f}, max {max(times):.1f}, {runs} runs)")
        tmux("kill-server")
        ratio = results["dialog --checklist, 1,582 items"] / results["ecs-role-wizard"]
        print(f"ecs-role-wizard's first frame is {ratio:.2f}x as fast as dialog's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
