"""Bad specs and output folders, through the real binary (no AWS needed).

A bad spec makes `generate` (and `validate`) exit 1 with every problem at once on stderr, one
`FILE:LINE:COLUMN: field: message` line each, naming the field and the line it was written
on, and nothing is written: the output folder is not created, or left exactly as it was.
An existing non-empty output folder is replaced only with --force, and then as a whole.
"""

from __future__ import annotations

import re
import textwrap

import pytest

from e2e_support import file_tree, generate, init_spec, list_presets, run_cli, run_cli_ok

# name -> (spec text, [(line, field) expected, in order], text the messages must hold)
BAD_SPECS = {
    "yaml-syntax-error": ("""\
        version: 1
        roles:
          - name: a
            kind: task
           description: [oops
        """, [(5, None)], []),
    "unknown-key": ("""\
        version: 1
        roles:
          - name: orders
            nmae: orders-task
            kind: task
        """, [(4, "roles[0].nmae")], ['"name"']),
    "role-name-with-space": ("""\
        version: 1
        roles:
          - name: my role
            kind: task
        """, [(3, "roles[0].name")], []),
    "session-too-short": ("""\
        version: 1
        roles:
          - name: orders
            kind: task
            maxSessionDuration: 100
        """, [(5, "roles[0].maxSessionDuration")], []),
    "unknown-managed-policy": ("""\
        version: 1
        roles:
          - name: orders
            kind: execution
            managedPolicies:
              - AmazonECSTaskExecutionPolicy
        """, [(6, "roles[0].managedPolicies[0]")], ["AmazonECSTaskExecutionRolePolicy"]),
    "managed-policy-arn-without-service-role": ("""\
        version: 1
        roles:
          - name: orders
            kind: execution
            managedPolicies:
              - arn:aws:iam::aws:policy/AmazonECSTaskExecutionRolePolicy
        """, [(6, "roles[0].managedPolicies[0]")],
        ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"]),
    "tag-value-with-command": ("""\
        version: 1
        roles:
          - name: orders
            kind: task
            tags:
              team: "$(x)"
        """, [(6, "roles[0].tags")], []),
    "role-names-differ-by-case": ("""\
        version: 1
        roles:
          - name: Orders
            kind: task
          - name: orders
            kind: task
        """, [(5, "roles[1].name")], []),
    "eleven-managed-policies": ("""\
        version: 1
        roles:
          - name: many
            kind: task
            managedPolicies:
              - AmazonS3ReadOnlyAccess
              - AmazonSSMReadOnlyAccess
              - SecretsManagerReadWrite
              - CloudWatchLogsFullAccess
              - AmazonDynamoDBReadOnlyAccess
              - AmazonSQSFullAccess
              - AmazonSNSFullAccess
              - AmazonEC2ReadOnlyAccess
              - AmazonRDSReadOnlyAccess
              - AWSLambda_ReadOnlyAccess
              - AmazonKinesisReadOnlyAccess
        """, [((5, 6), "roles[0].managedPolicies")], ["10"]),
    "three-problems": ("""\
        version: 1
        roles:
          - name: my role
            kind: task
            maxSessionDuration: 100
            managedPolicies:
              - AmazonECSTaskExecutionPolicy
        """, [(3, "roles[0].name"), (5, "roles[0].maxSessionDuration"), (7, "roles[0].managedPolicies[0]")], []),
    "duplicate-key": ("""\
        version: 1
        roles:
          - name: orders
            kind: task
            name: orders-again
        """, [(5, None)], ['"name"']),
}


def write_bad_spec(tmp_path, name):
    text, _, _ = BAD_SPECS[name]
    spec = tmp_path / f"{name}.yaml"
    spec.write_text(textwrap.dedent(text), encoding="utf-8")
    return spec


def assert_diagnostics(stderr: str, spec, expected, must_mention) -> None:
    line_format = re.compile(rf"^{re.escape(str(spec))}:(\d+):(\d+): (\S+): (.+)$")
    lines = stderr.splitlines()
    assert len(lines) == len(expected), f"expected {len(expected)} problem(s), got:\n{stderr}"
    for text, (want_line, want_field) in zip(lines, expected):
        match = line_format.match(text)
        assert match, f"not FILE:LINE:COLUMN: field: message: {text!r}"
        line, _column, field, _message = match.groups()
        lines_ok = want_line if isinstance(want_line, tuple) else (want_line,)
        assert int(line) in lines_ok, f"wrong line (want {want_line}): {text!r}"
        if want_field is not None:
            assert field.startswith(want_field), f"wrong field (want {want_field}): {text!r}"
    for needle in must_mention:
        assert needle in stderr


@pytest.mark.parametrize("name", list(BAD_SPECS))
def test_bad_spec_is_reported_at_once_and_nothing_is_written(name, wizard, tmp_path):
    spec = write_bad_spec(tmp_path, name)
    _, expected, must_mention = BAD_SPECS[name]
    out = tmp_path / "out"

    validated = run_cli("validate", spec)
    assert validated.returncode == 1
    assert_diagnostics(validated.stderr, spec, expected, must_mention)

    generated = run_cli("generate", spec, "--format", "aws-cli", "--out", out)
    assert generated.returncode == 1
    assert generated.stderr == validated.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [spec.name], "something was written beside the spec"


def test_bad_spec_leaves_an_existing_folder_as_it_was_even_with_force(wizard, tmp_path):
    spec = write_bad_spec(tmp_path, "three-problems")
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine\n")
    before = file_tree(out)

    result = run_cli("generate", spec, "--out", out, "--force")
    assert result.returncode == 1
    assert file_tree(out) == before


def good_spec(tmp_path):
    return init_spec("ecs-workshop", tmp_path / "spec.yaml", with_account=True)


def test_existing_output_folder_needs_force(wizard, tmp_path):
    spec = good_spec(tmp_path)
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    (out / "keep.txt").write_text("mine\n")
    (out / "sub" / "apply.sh").write_text("echo old\n")
    before = file_tree(out)

    refused = run_cli("generate", spec, "--out", out)
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    assert file_tree(out) == before

    run_cli_ok("generate", spec, "--out", out, "--force")
    after = file_tree(out)
    assert "keep.txt" not in after and "sub/apply.sh" not in after
    assert {"apply.sh", "teardown.sh", "manifest.json"} <= set(after)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "spec.yaml"], "a staging folder was left behind"


def test_empty_output_folder_is_used_without_force(wizard, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    run_cli_ok("generate", good_spec(tmp_path), "--out", out)
    assert (out / "apply.sh").is_file()


def test_init_does_not_overwrite_a_spec_without_force(wizard, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text("mine\n")
    assert run_cli("init", "--preset", "ufo-roles", "--output", spec).returncode == 1
    assert spec.read_text() == "mine\n"
    run_cli_ok("init", "--preset", "ufo-roles", "--output", spec, "--force")
    assert "ufo-task-role" in spec.read_text()


@pytest.mark.parametrize("with_account", [True, False], ids=["account-region", "placeholders"])
def test_spec_written_back_describes_the_same_plan(with_account, wizard, tmp_path):
    """generate --format spec writes the plan in normal form; generating from that spec gives
    the same documents and manifest, for every preset, from YAML and from JSON."""
    for preset in list_presets():
        folder = tmp_path / preset
        folder.mkdir()
        yaml_out = generate(init_spec(preset, folder / "spec.yaml", with_account=with_account),
                            folder / "from-yaml", "json", "spec")
        json_out = generate(init_spec(preset, folder / "spec.json", with_account=with_account),
                            folder / "from-json", "json")
        again = generate(yaml_out / "spec.yaml", folder / "again", "json")
        documents = {path: text for path, text in file_tree(yaml_out).items() if path != "spec.yaml"}
        assert file_tree(again) == documents, preset
        assert file_tree(json_out) == documents, preset
