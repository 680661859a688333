"""The real wizard binary in a real terminal: tmux at 80x24, driven by keys only.

It builds the ECS workshop's two roles by hand, exports aws-cli scripts and JSON, and checks
that the files are byte for byte what `generate` writes for the `ecs-workshop` preset with the
same account and region. It also quits with Ctrl-C mid-flow, checks that the terminal is
restored, and that the next start resumes the draft.
"""
import filecmp
import os
import pathlib
import shlex
import shutil
import subprocess
import time
import uuid

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("ECS_ROLE_WIZARD", str(ROOT / ".build/debug/ecs-role-wizard"))
ACCOUNT, REGION = "123456789012", "us-east-1"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    """One tmux server of our own (its own socket), one 80x24 window running a command."""

    def __init__(self, tmp: pathlib.Path, state: pathlib.Path):
        self.socket = f"erw-{uuid.uuid4().hex[:8]}"
        self.cwd, self.state = tmp, state

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=20).stdout

    def start(self, *args: str, expect: str = "Start from") -> None:
        # The shell keeps the pane open after the wizard exits, so its exit status can be read.
        arguments = "".join(f" {shlex.quote(arg)}" for arg in args)
        command = f"cd {self.cwd} && XDG_STATE_HOME={self.state} LANG=C.UTF-8 {BINARY}{arguments}; echo WIZARD-EXIT=$?; sleep 60"
        # Right after kill-server the old server may still hold the socket, and new-session then
        # fails ("server exited unexpectedly"): try again until the session is there.
        deadline = time.monotonic() + 10
        while True:
            result = subprocess.run(["tmux", "-L", self.socket, "new-session", "-d", "-x", "80", "-y", "24", "-s", "w", command],
                                    capture_output=True, text=True, timeout=20)
            if result.returncode == 0:
                break
            if time.monotonic() > deadline:
                raise AssertionError(f"tmux new-session failed: {result.stderr}")
            time.sleep(0.1)
        self.wait_for(expect)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "w")

    def wait_for(self, text: str, timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.05)
        raise AssertionError(f"{text!r} never appeared; the screen is:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        """tmux key names (Enter, Tab, Down, C-u, Space…), sent one by one."""
        for key in keys:
            self.tmux("send-keys", "-t", "w", key)
            time.sleep(0.03)

    def type(self, text: str) -> None:
        self.tmux("send-keys", "-t", "w", "-l", text)
        time.sleep(0.05)

    def alternate_screen_on(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "w", "#{alternate_on}").strip() == "1"

    def close(self) -> None:
        self.tmux("kill-server")


@pytest.fixture
def terminal(tmp_path):
    term = Terminal(tmp_path, tmp_path / "state")
    yield term
    term.close()


def generate_reference(tmp_path: pathlib.Path) -> pathlib.Path:
    spec = tmp_path / "workshop.yaml"
    out = tmp_path / "reference"
    subprocess.run([BINARY, "init", "--preset", "ecs-workshop", "--account", ACCOUNT, "--region", REGION,
                    "--output", str(spec)], check=True, capture_output=True, timeout=60)
    subprocess.run([BINARY, "generate", str(spec), "--format", "json", "--format", "aws-cli", "--out", str(out)],
                   check=True, capture_output=True, timeout=60)
    return out


def assert_same_tree(left: pathlib.Path, right: pathlib.Path) -> None:
    files = lambda root: sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files(left) == files(right)
    _, mismatch, errors = filecmp.cmpfiles(left, right, files(left), shallow=False)
    assert mismatch == [] and errors == []


def test_workshop_flow_by_keys_writes_what_generate_writes(terminal, tmp_path):
    terminal.start()
    # Start: account, region, then a blank plan.
    terminal.keys("Tab")
    terminal.type(ACCOUNT)
    terminal.keys("Tab")
    terminal.type(REGION)
    terminal.keys("Tab", "Tab", "Tab", "Enter")
    terminal.wait_for("No roles yet")

    # 1 Roles: an execution role and a task role, named as the lab names them.
    terminal.keys("a", "Down", "Enter")
    terminal.wait_for("app-execution-role")
    terminal.keys("r", "C-u")
    terminal.type("retailStoreECSTaskExecutionRole")
    terminal.keys("Enter")
    terminal.keys("a", "Enter")
    terminal.wait_for("app-task-role")
    terminal.keys("r", "C-u")
    terminal.type("retailStoreEcsTaskRole")
    terminal.keys("Enter")
    terminal.wait_for("retailStoreEcsTaskRole")

    # The execution role: ECS task trust, then AmazonECSTaskExecutionRolePolicy found by typing.
    terminal.keys("Up", "Enter")
    terminal.wait_for("ecs-tasks.amazonaws.com")
    terminal.keys("C-n")
    terminal.wait_for("Managed policies")
    terminal.type("AmazonECSTaskExecutionRolePolicy")
    screen = terminal.wait_for("1/10")
    assert "AmazonECSTaskExecutionRolePolicy" in screen
    # Detach and attach it again with Space.
    terminal.keys("Space")
    terminal.wait_for("0/10")
    terminal.keys("Space")
    terminal.wait_for("1/10")

    # The task role: ECS task trust, then the ECS Exec block for the lab's cluster.
    terminal.keys("Escape", "C-p", "C-p")
    terminal.wait_for("Roles of this plan")
    terminal.keys("Down", "Enter")
    terminal.wait_for("ecs-tasks.amazonaws.com")
    terminal.keys("C-n", "C-n")
    terminal.wait_for("Inline policies")
    terminal.keys("a", "Enter", "Space", "Tab")
    terminal.type("retail-store-ecs-cluster")
    terminal.keys("Tab", "Space", "Tab", "C-u")
    terminal.type("retailStoreEcsExecPolicy")
    terminal.keys("Enter")
    terminal.wait_for("retailStoreEcsExecPolicy")

    # 5 Details, 6 Review (no problems), 7 Export: JSON and aws-cli (the defaults) into a folder.
    terminal.keys("C-n", "C-n")
    terminal.wait_for("ready to export")
    terminal.keys("C-n")
    terminal.wait_for("ready to write")
    out = tmp_path / "wizard-out"
    terminal.keys("Tab", "C-u")
    terminal.type(str(out))
    terminal.keys("Enter")
    terminal.wait_for("apply.sh")

    assert_same_tree(out, generate_reference(tmp_path))

    # Everything was exported: q quits without asking, and the terminal is restored.
    terminal.keys("Escape", "q")
    terminal.wait_for("WIZARD-EXIT=0")
    assert not terminal.alternate_screen_on()


def test_ctrl_c_mid_flow_restores_the_terminal_and_the_draft_resumes(terminal):
    terminal.start()
    terminal.keys("Down", "Enter")  # the ecs-workshop preset
    terminal.wait_for("retailStoreEcsTaskRole")
    terminal.keys("a", "Enter")  # one more role: a change the draft must keep
    terminal.wait_for("app-task-role")
    terminal.keys("C-c")
    screen = terminal.wait_for("WIZARD-EXIT=0")
    assert "kept as a draft" in screen
    assert not terminal.alternate_screen_on()

    terminal.tmux("kill-server")
    terminal.start()
    terminal.wait_for("Resume the draft")
    terminal.keys("Enter")
    screen = terminal.wait_for("app-task-role")
    assert "retailStoreECSTaskExec" in screen and "retailStoreEcsTaskRole" in screen


def test_a_spec_that_cannot_be_read_is_named_before_the_screen_opens(terminal, tmp_path):
    terminal.start("missing.yaml", expect="WIZARD-EXIT=1")
    screen = terminal.screen()
    assert "missing.yaml: cannot read the file (no such file)" in screen, screen
    assert not terminal.alternate_screen_on()
