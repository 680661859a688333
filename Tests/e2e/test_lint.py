"""`ecs-role-wizard lint` through the real binary: exit statuses, the three output formats,
specs, folders, standard input, and input that is not a policy at all.

Exit status: 0 when no finding reaches --fail-on (default security-warning), 1 when one does,
2 when a file cannot be read (the others are still checked and reported).
"""

from __future__ import annotations

import json
import os
import re
import subprocess

import pytest

from e2e_support import CLI_TIMEOUT, generate, init_spec, run_cli, wizard_path

TEXT_LINE = re.compile(r"^(?P<file>.+?)(?::(?P<line>\d+):(?P<column>\d+))?: (?P<severity>ERROR|SECURITY_WARNING|WARNING|SUGGESTION) (?P<code>[A-Z_]+): \S")

CLEAN = """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject"],
      "Resource": "arn:aws:s3:::orders-config/*"
    }
  ]
}
"""

PASS_ROLE = """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "*"
    }
  ]
}
"""

TYPO = """{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:GetObjcet"],
      "Resource": "arn:aws:s3:::orders-config/*"
    }
  ]
}
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def lint_stdin(data: bytes, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(wizard_path()), "lint", "-", *args], input=data, capture_output=True,
                          timeout=CLI_TIMEOUT)


def findings(result) -> list[re.Match]:
    lines = [line for line in result.stdout.splitlines() if line]
    matches = [TEXT_LINE.match(line) for line in lines]
    assert all(matches), f"lines not in FILE:LINE:COLUMN: SEVERITY CODE: message form:\n{result.stdout}"
    return matches


def test_a_clean_policy_passes(tmp_path):
    result = run_cli("lint", write(tmp_path, "clean.json", CLEAN))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""


def test_exit_status_follows_fail_on(tmp_path):
    policy = write(tmp_path, "pass-role.json", PASS_ROLE)
    result = run_cli("lint", policy)
    assert result.returncode == 1
    [finding] = [m for m in findings(result) if m["code"] == "PASS_ROLE_WITH_STAR"]
    assert (finding["file"], finding["line"], finding["column"], finding["severity"]) == (str(policy), "6", "17", "SECURITY_WARNING")
    assert run_cli("lint", policy, "--fail-on", "error").returncode == 0
    assert run_cli("lint", policy, "--fail-on", "security-warning").returncode == 1
    bad = run_cli("lint", policy, "--fail-on", "sometimes")
    assert bad.returncode != 0 and "sometimes" in bad.stderr


def test_an_unknown_action_names_its_place_and_the_real_one(tmp_path):
    policy = write(tmp_path, "typo.json", TYPO)
    result = run_cli("lint", policy, "--fail-on", "error")
    assert result.returncode == 1
    [finding] = [m for m in findings(result) if m["code"] == "UNKNOWN_ACTION"]
    assert (finding["line"], finding["column"]) == ("6", "34")
    assert '"s3:GetObject"' in result.stdout


def test_unreadable_files_exit_2_and_the_others_are_still_reported(tmp_path):
    policy = write(tmp_path, "pass-role.json", PASS_ROLE)
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00\x01garbage")
    result = run_cli("lint", tmp_path / "missing.json", policy, binary)
    assert result.returncode == 2
    assert "missing.json" in result.stderr and "binary.json" in result.stderr
    assert "PASS_ROLE_WITH_STAR" in result.stdout
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    assert run_cli("lint", empty_folder).returncode == 2


def test_pipes_are_read_and_fifos_in_a_folder_are_skipped(tmp_path):
    """`lint <(aws iam ...)` names a pipe; a named pipe inside a folder would block forever if
    opened, so a folder stands only for its regular files (and the files of its subfolders)."""
    policy = write(tmp_path, "pass-role.json", PASS_ROLE)
    piped = subprocess.run(["bash", "-c", f'"$0" lint <(cat "$1")', str(wizard_path()), str(policy)],
                           capture_output=True, text=True, timeout=CLI_TIMEOUT)
    assert piped.returncode == 1, piped.stderr
    assert "/dev/fd/" in piped.stdout and "PASS_ROLE_WITH_STAR" in piped.stdout
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    write(folder / "sub", "typo.json", TYPO)
    os.mkfifo(folder / "waiting.json")
    (folder / "dir.json").mkdir()
    result = run_cli("lint", folder, "--fail-on", "error")
    assert result.returncode == 1, result.stderr
    assert {m["file"] for m in findings(result)} == {f"{folder}/sub/typo.json"}


def test_devices_and_folders_are_refused_with_a_reason(tmp_path):
    result = run_cli("lint", "/dev/zero")
    assert result.returncode == 2 and "/dev/zero is larger than 32 MB" in result.stderr
    spec = run_cli("validate", "/dev/zero")
    assert spec.returncode == 1 and "/dev/zero: is larger than 32 MB" in spec.stderr
    folder = run_cli("validate", tmp_path)
    assert folder.returncode == 1 and f"{tmp_path}: is a folder, not a file" in folder.stderr
    missing = run_cli("validate", tmp_path / "missing.yaml")
    assert missing.returncode == 1 and "missing.yaml: cannot read the file (no such file)" in missing.stderr


def test_a_spec_on_standard_input(tmp_path):
    spec = init_spec("ecs-workshop", tmp_path / "spec.yaml", with_account=True)
    result = subprocess.run([str(wizard_path()), "validate", "-"], input=spec.read_text(), capture_output=True,
                            text=True, timeout=CLI_TIMEOUT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "<stdin>: valid"
    broken = subprocess.run([str(wizard_path()), "validate", "-"], input="version: 1\nroles: 3\n", capture_output=True,
                            text=True, timeout=CLI_TIMEOUT)
    assert broken.returncode == 1 and broken.stderr.startswith("<stdin>:2:"), broken.stderr


def test_json_output(tmp_path):
    write(tmp_path, "typo.json", TYPO)
    write(tmp_path, "pass-role.json", PASS_ROLE)
    result = run_cli("lint", tmp_path, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    codes = {(f["file"].rsplit("/", 1)[-1], f["code"]) for f in report["findings"]}
    assert ("typo.json", "UNKNOWN_ACTION") in codes and ("pass-role.json", "PASS_ROLE_WITH_STAR") in codes
    for finding in report["findings"]:
        assert set(finding) >= {"file", "line", "column", "severity", "code", "message", "path", "statement", "sid"}
    assert report["summary"]["files"] == 2
    assert report["summary"]["SECURITY_WARNING"] >= 1 and report["summary"]["ERROR"] >= 1


def test_sarif_output(tmp_path):
    write(tmp_path, "typo.json", TYPO)
    write(tmp_path, "pass-role.json", PASS_ROLE)
    result = run_cli("lint", tmp_path, "--format", "sarif")
    assert result.returncode == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0" and "sarif-2.1.0" in sarif["$schema"]
    [run] = sarif["runs"]
    rules = run["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids)) and "UNKNOWN_ACTION" in ids
    assert all(rule["defaultConfiguration"]["level"] in ("error", "warning", "note") for rule in rules)
    assert run["results"], "no results"
    for result_ in run["results"]:
        assert rules[result_["ruleIndex"]]["id"] == result_["ruleId"]
        assert result_["level"] in ("error", "warning", "note") and result_["message"]["text"]
        location = result_["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith(".json")
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1


def test_standard_input_and_yaml(tmp_path):
    result = lint_stdin(PASS_ROLE.encode())
    assert result.returncode == 1 and b"<stdin>:6:17: SECURITY_WARNING PASS_ROLE_WITH_STAR" in result.stdout
    yaml_policy = b"Version: '2012-10-17'\nStatement:\n  - Effect: Allow\n    Action: s3:GetObjcet\n    Resource: '*'\n"
    result = lint_stdin(yaml_policy, "--fail-on", "error")
    assert result.returncode == 1 and b"<stdin>:4:13: ERROR UNKNOWN_ACTION" in result.stdout


def test_presets_and_their_generated_documents_lint_clean(tmp_path, preset):
    spec = init_spec(preset, tmp_path / f"{preset}.yaml", with_account=True)
    result = run_cli("lint", spec)
    assert result.returncode == 0, result.stdout + result.stderr
    out = generate(spec, tmp_path / "out", "json")
    folders = [folder for folder in (out / "roles", out / "policies") if folder.exists()]
    result = run_cli("lint", *folders)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workshop_warning_points_at_its_inline_policy(tmp_path):
    spec = init_spec("ecs-workshop", tmp_path / "workshop.yaml", with_account=True)
    result = run_cli("lint", spec, "--fail-on", "warning")
    assert result.returncode == 1
    [warning] = [m for m in findings(result) if m["code"] == "EXECUTE_COMMAND_IN_TASK_ROLE"]
    line = spec.read_text().splitlines()[int(warning["line"]) - 1]
    assert "retailStoreEcsExecPolicy" in line


HOSTILE = {
    "empty": b"",
    "whitespace": b"   \n\t\n",
    "deep-nesting": b"[" * 100_000 + b"]" * 100_000,
    "deep-objects": b'{"a":' * 50_000 + b"1" + b"}" * 50_000,
    "unterminated-string": b'{"Version": "2012-10-17", "Statement": "',
    "nul-bytes": b'{"Statement\x00": 1}',
    "lone-surrogate": b'{"Version": "\\ud800"}',
    "not-a-policy": b"just some words: and: more: [",
    "deep-yaml": b"x: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
    "yaml-spec-of-nothing": b"roles: 12\n",
    "huge-number": b'{"Version": 1' + b"0" * 10_000 + b"}",
    "shell": b'{"Version": "$(touch /tmp/pwned-lint)", "Statement": [{"Effect": "`id`", "Action": "s3:*;rm -rf /", "Resource": "*"}]}',
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_input_gives_findings_not_crashes(tmp_path, name):
    path = tmp_path / f"{name} $(x).json"
    path.write_bytes(HOSTILE[name])
    result = run_cli("lint", path, "--format", "json")
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Fatal error" not in result.stderr and "Segmentation" not in result.stderr
    if result.returncode != 2:
        json.loads(result.stdout)
