"""Helpers for the end-to-end tests: the ecs-role-wizard binary, a moto server, the aws CLI,
and two views of an IAM account that can be compared: what a generated folder plans
(manifest.json and its documents) and what the account holds (read back with the aws CLI).

Every subprocess here is bounded by a timeout.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
# The virtualenv that runs pytest also holds `aws` and `moto_server`.
VENV_BIN = Path(sys.executable).parent

ACCOUNT = "123456789012"  # moto's account
REGION = "us-east-1"

CLI_TIMEOUT = 60
AWS_CALL_TIMEOUT = 90
SCRIPT_TIMEOUT = 300
SHELLCHECK_TIMEOUT = 60


# --- the tool ------------------------------------------------------------------------------

def wizard_path() -> Path:
    return Path(os.environ.get("ECS_ROLE_WIZARD") or REPO / ".build" / "debug" / "ecs-role-wizard")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Runs ecs-role-wizard with ARGS; returns the finished process (no check)."""
    return subprocess.run(
        [str(wizard_path()), *map(str, args)], cwd=cwd, capture_output=True, text=True,
        encoding="utf-8", timeout=CLI_TIMEOUT, stdin=subprocess.DEVNULL)


def run_cli_ok(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    result = run_cli(*args, cwd=cwd)
    assert result.returncode == 0, f"ecs-role-wizard {' '.join(map(str, args))} failed:\n{result.stderr}"
    return result


def list_presets() -> list[str]:
    out = run_cli_ok("presets").stdout
    return [line.split()[0] for line in out.splitlines() if line.strip()]


def init_spec(preset: str, path: Path, *, with_account: bool) -> Path:
    args = ["init", "--preset", preset, "--output", str(path)]
    if with_account:
        args += ["--account", ACCOUNT, "--region", REGION]
    run_cli_ok(*args)
    return path


def generate(spec: Path, out: Path, *formats: str) -> Path:
    args = ["generate", str(spec), "--out", str(out)]
    for fmt in formats or ("aws-cli",):
        args += ["--format", fmt]
    run_cli_ok(*args)
    return out


def shellcheck(*scripts: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["shellcheck", *map(str, scripts)], capture_output=True, text=True,
                          timeout=SHELLCHECK_TIMEOUT, stdin=subprocess.DEVNULL)


def assert_shellcheck_clean(out: Path) -> None:
    result = shellcheck(out / "apply.sh", out / "teardown.sh")
    assert result.returncode == 0 and result.stdout == "", f"shellcheck reports:\n{result.stdout}{result.stderr}"


def file_tree(folder: Path) -> dict[str, bytes]:
    """Every file below FOLDER, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- moto ----------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class MotoServer:
    """A moto server on 127.0.0.1 at a free port, with AWS's managed policies loaded."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.process: subprocess.Popen | None = None
        self.port = 0

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, attempts: int = 3, ready_within: float = 30.0) -> None:
        env = {**os.environ, "MOTO_IAM_LOAD_MANAGED_POLICIES": "true"}
        for _ in range(attempts):
            self.port = free_port()
            with open(self.log_path, "ab") as log:
                self.process = subprocess.Popen(
                    [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.port)],
                    env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            if self._wait_until_ready(ready_within):
                return
            self.stop()  # the port was taken after all, or it did not come up: try another
        raise RuntimeError(f"moto_server did not start; see {self.log_path}:\n{self.log_path.read_text()[-2000:]}")

    def _wait_until_ready(self, within: float) -> bool:
        deadline = time.monotonic() + within
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=2) as reply:
                    if reply.status == 200:
                        return self.process.poll() is None  # our server answered, not someone else's
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            time.sleep(0.2)
        return False

    def reset(self) -> None:
        """Forgets every resource (moto keeps the AWS managed policies)."""
        request = urllib.request.Request(f"{self.endpoint}/moto-api/reset", data=b"", method="POST")
        with urllib.request.urlopen(request, timeout=30) as reply:
            assert reply.status == 200

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None


# --- the aws CLI ---------------------------------------------------------------------------

class AwsCli:
    """The real aws CLI, pointed at the moto server, with no profile or credentials of the host."""

    def __init__(self, endpoint: str, config_dir: Path):
        env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        env.update(
            PATH=f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            AWS_ENDPOINT_URL=endpoint,
            AWS_ACCESS_KEY_ID="testing",
            AWS_SECRET_ACCESS_KEY="testing",
            AWS_DEFAULT_REGION=REGION,
            AWS_CONFIG_FILE=str(config_dir / "no-such-config"),
            AWS_SHARED_CREDENTIALS_FILE=str(config_dir / "no-such-credentials"),
            AWS_PAGER="",
        )
        self.env = env

    def run(self, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(VENV_BIN / "aws"), *args, "--output", "json"], env=env or self.env, capture_output=True,
            text=True, encoding="utf-8", timeout=AWS_CALL_TIMEOUT, stdin=subprocess.DEVNULL)

    def __call__(self, *args: str) -> Any:
        """`aws ARGS --output json`, parsed; fails the test when the call fails."""
        result = self.run(*args)
        assert result.returncode == 0, f"aws {' '.join(args)} failed:\n{result.stderr}"
        return json.loads(result.stdout) if result.stdout.strip() else None

    def many(self, calls: list[tuple[str, ...]]) -> list[Any]:
        """Several independent calls at once (each aws CLI start costs ~0.5 s of CPU)."""
        if not calls:
            return []
        with ThreadPoolExecutor(max_workers=3) as pool:
            return list(pool.map(lambda call: self(*call), calls))

    def run_script(self, script: Path, *, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
        """`bash SCRIPT` from CWD, with the aws CLI's environment; returns the finished process."""
        return subprocess.run(
            ["bash", str(script)], cwd=cwd, env=env or self.env, capture_output=True, text=True,
            encoding="utf-8", timeout=SCRIPT_TIMEOUT, stdin=subprocess.DEVNULL)

    def run_script_ok(self, script: Path, *, cwd: Path) -> str:
        result = self.run_script(script, cwd=cwd)
        assert result.returncode == 0, (
            f"{script.name} exited {result.returncode}\n--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        return result.stdout


# --- what the account holds ----------------------------------------------------------------

def snapshot(aws: AwsCli) -> dict:
    """Everything the plans can touch, read back with the aws CLI: every role (with ids, so a
    re-created role shows), every instance profile, every customer managed policy."""
    roles, profiles, policies = aws.many([
        ("iam", "list-roles"), ("iam", "list-instance-profiles"), ("iam", "list-policies", "--scope", "Local")])
    role_names = [r["RoleName"] for r in roles["Roles"]]
    local_policies = policies["Policies"]

    calls = []
    for name in role_names:
        calls += [("iam", "get-role", "--role-name", name),
                  ("iam", "list-attached-role-policies", "--role-name", name),
                  ("iam", "list-role-policies", "--role-name", name),
                  ("iam", "list-role-tags", "--role-name", name)]
    for policy in local_policies:
        calls += [("iam", "get-policy", "--policy-arn", policy["Arn"]),
                  ("iam", "get-policy-version", "--policy-arn", policy["Arn"],
                   "--version-id", policy["DefaultVersionId"])]
    replies = iter(aws.many(calls))

    state: dict = {"roles": {}, "instanceProfiles": {}, "customerManagedPolicies": {}}
    inline_names: dict[str, list[str]] = {}
    for name in role_names:
        role = next(replies)["Role"]
        attached = next(replies)["AttachedPolicies"]
        inline_names[name] = next(replies)["PolicyNames"]
        tags = next(replies)["Tags"]
        state["roles"][name] = {
            "RoleId": role["RoleId"],
            "Arn": role["Arn"],
            "Path": role["Path"],
            "Description": role.get("Description") or None,
            "MaxSessionDuration": role["MaxSessionDuration"],
            "PermissionsBoundary": (role.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn"),
            "Tags": {t["Key"]: t["Value"] for t in tags},
            "TrustPolicy": role["AssumeRolePolicyDocument"],
            "ManagedPolicies": sorted(p["PolicyArn"] for p in attached),
            "InlinePolicies": {},
        }
    for policy in local_policies:
        details = next(replies)["Policy"]
        version = next(replies)["PolicyVersion"]
        state["customerManagedPolicies"][policy["PolicyName"]] = {
            "PolicyId": details["PolicyId"],
            "DefaultVersionId": details["DefaultVersionId"],
            "Arn": details["Arn"],
            "Path": details["Path"],
            "Description": details.get("Description") or None,
            "Document": version["Document"],
        }
    for profile in profiles["InstanceProfiles"]:
        state["instanceProfiles"][profile["InstanceProfileName"]] = {
            "InstanceProfileId": profile["InstanceProfileId"],
            "Arn": profile["Arn"],
            "Path": profile["Path"],
            "Roles": sorted(r["RoleName"] for r in profile["Roles"]),
        }

    inline_calls = [(role, policy) for role, names in inline_names.items() for policy in names]
    documents = aws.many([("iam", "get-role-policy", "--role-name", role, "--policy-name", policy)
                          for role, policy in inline_calls])
    for (role, policy), reply in zip(inline_calls, documents):
        state["roles"][role]["InlinePolicies"][policy] = reply["PolicyDocument"]
    return state


def fingerprint(aws: AwsCli) -> list:
    """The whole account in three calls, ids, creation dates and policy versions included:
    cheap to take before and after a run that must change nothing."""
    return aws.many([
        ("iam", "list-roles"),
        ("iam", "list-instance-profiles"),
        ("iam", "get-account-authorization-details", "--filter", "Role", "LocalManagedPolicy"),
    ])


IDENTITY_KEYS = {"RoleId", "InstanceProfileId", "PolicyId", "DefaultVersionId"}


def without_ids(state: dict) -> dict:
    """The account state without the ids IAM assigns, to compare with a plan."""
    return {kind: {name: {k: v for k, v in entity.items() if k not in IDENTITY_KEYS}
                   for name, entity in entities.items()}
            for kind, entities in state.items()}


def assert_account_empty(aws: AwsCli) -> None:
    roles, profiles, policies = aws.many([
        ("iam", "list-roles"), ("iam", "list-instance-profiles"), ("iam", "list-policies", "--scope", "Local")])
    assert roles["Roles"] == []
    assert profiles["InstanceProfiles"] == []
    assert policies["Policies"] == []


# --- what a generated folder plans ---------------------------------------------------------

def fill(text: str) -> str:
    """Fills the placeholders as apply.sh does against moto in us-east-1."""
    return text.replace("{{AccountId}}", ACCOUNT).replace("{{Region}}", REGION)


def load_manifest(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def load_document(out: Path, relative: str) -> Any:
    return json.loads(fill((out / relative).read_text(encoding="utf-8")))


def planned_state(out: Path) -> dict:
    """What manifest.json and the document files beside it say the account should hold, in
    the shape of `without_ids(snapshot(...))`."""
    manifest = load_manifest(out)
    state: dict = {"roles": {}, "instanceProfiles": {}, "customerManagedPolicies": {}}
    for role in manifest["roles"]:
        state["roles"][role["name"]] = {
            "Arn": fill(role["arn"]),
            "Path": role["path"],
            "Description": role["description"] or None,
            "MaxSessionDuration": role["maxSessionDuration"],
            "PermissionsBoundary": fill(role["permissionsBoundary"]) if role["permissionsBoundary"] else None,
            "Tags": {t["Key"]: t["Value"] for t in role["tags"]},
            "TrustPolicy": load_document(out, role["trustPolicy"]),
            "ManagedPolicies": sorted(fill(arn) for arn in role["managedPolicies"]),
            "InlinePolicies": {p["name"]: load_document(out, p["document"]) for p in role["inlinePolicies"]},
        }
        if "instanceProfile" in role:
            profile = role["instanceProfile"]
            state["instanceProfiles"][profile["name"]] = {
                "Arn": fill(profile["arn"]), "Path": role["path"], "Roles": [role["name"]]}
    for policy in manifest["customerManagedPolicies"]:
        state["customerManagedPolicies"][policy["name"]] = {
            "Arn": fill(policy["arn"]),
            "Path": policy["path"],
            "Description": policy["description"] or None,
            "Document": load_document(out, policy["document"]),
        }
        for role_name in policy["attachedTo"]:  # the manifest agrees with itself
            assert fill(policy["arn"]) in state["roles"][role_name]["ManagedPolicies"]
    return state


# --- what apply.sh says ----------------------------------------------------------------------

CHANGE_WORDS = re.compile(r"\b(created|updated|attached|detached|written|deleted|set|removed|added)\b")
# What apply.sh prints about things that are already as planned.
UNCHANGED_LINE = re.compile(
    r"^(apply\.sh: account \d{12}, partition aws"
    r"|apply\.sh: done"
    r"|policy \S+: unchanged"
    r"|role \S+: exists, trust policy unchanged"
    r"|role \S+: inline policy \S+ unchanged)$")


def assert_reports_no_changes(output: str) -> None:
    for line in output.splitlines():
        assert not CHANGE_WORDS.search(line), f"apply.sh reported a change on an unchanged account: {line!r}"
        assert UNCHANGED_LINE.match(line), f"unexpected apply.sh line on an unchanged account: {line!r}"


def as_list(value: Any) -> list:
    """An IAM Action/Resource field as a list (IAM allows a string or a list)."""
    return value if isinstance(value, list) else [value]
