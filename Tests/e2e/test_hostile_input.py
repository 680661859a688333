"""Values that shells, the aws CLI or apply.sh's own templating could misread must reach IAM
verbatim and run nothing.

A hand-written spec puts command substitutions, backticks, quotes, a backslash, `;`, `|`,
`&&`, a newline, a tab and a leading `file:///etc/passwd` (which the aws CLI would read as a
file if it got it as a plain argument) into a description; command substitutions and quotes
into a role path; spaces, `=`, `+`, `@`, `:`, `/` and non-ASCII letters into tags; and command
substitutions into an inline policy's condition. Each `touch` names a marker file under the
test's tmp folder: none may exist at the end. The output folder's name is hostile too.
"""

from __future__ import annotations

import yaml

from e2e_support import (
    ACCOUNT, assert_account_empty, assert_reports_no_changes, assert_shellcheck_clean, file_tree, fingerprint,
    generate, planned_state, run_cli, run_cli_ok, snapshot, without_ids)


def write_spec(path, spec: dict):
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_hostile_values_reach_iam_verbatim_and_run_nothing(aws, tmp_path, elsewhere):
    markers = tmp_path / "markers"
    markers.mkdir()
    m = {n: markers / f"MARKER{n}" for n in range(1, 7)}
    role_name = "Hostile+Role=1,a.b@c-d"
    policy_name = "guard+rail=1,x.y@z-w"
    description = (
        f"file:///etc/passwd\n"
        f"$(touch {m[1]}) `touch {m[2]}` 'single' \"double\" back\\slash ; | && cat\tafter-tab Zürich")
    # IAM paths are printable ASCII without spaces: ${IFS} stands in for the space.
    path = f"/we$(touch${{IFS}}{m[3]})ird/`touch${{IFS}}{m[6]}`/'q\"\\;|&/"
    tags = {
        "city": "Zürich",
        "spaces": "a b  c",
        "symbols": "k=v+w@x:y/z",
        "empty": "",
        "team name:x": "v",
    }
    condition_value = f"$(touch {m[4]}) `touch {m[5]}` ' \" \\"
    spec = write_spec(tmp_path / "hostile.yaml", {
        "version": 1,
        "roles": [{
            "name": role_name,
            "kind": "task",
            "description": description,
            "path": path,
            "tags": tags,
            "inlinePolicies": [{
                "name": policy_name,
                "statements": [{
                    "Effect": "Allow",
                    "Action": "s3:GetObject",
                    "Resource": "*",
                    "Condition": {"StringEquals": {"aws:PrincipalTag/team": condition_value}},
                }],
            }],
        }],
    })

    run_cli_ok("validate", spec)
    # The scripts run from `elsewhere`: a relative `touch` in the folder name would land there.
    out = generate(spec, tmp_path / "out dir $(touch MARKER7) `touch MARKER8`")
    assert_shellcheck_clean(out)

    # The plan written back as a spec describes the same roles.
    normal = generate(spec, tmp_path / "normal", "spec")
    again = generate(normal / "spec.yaml", tmp_path / "again", "aws-cli")
    assert file_tree(again) == file_tree(out)

    first = aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    assert f"role {role_name}: created" in first.splitlines()
    state = snapshot(aws)
    assert without_ids(state) == planned_state(out)
    role = state["roles"][role_name]
    assert role["Description"] == description
    assert role["Path"] == path
    assert role["Arn"] == f"arn:aws:iam::{ACCOUNT}:role{path}{role_name}"
    assert role["Tags"] == tags
    (statement,) = role["InlinePolicies"][policy_name]["Statement"]
    assert statement["Condition"] == {"StringEquals": {"aws:PrincipalTag/team": condition_value}}

    before = fingerprint(aws)
    second = aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    assert_reports_no_changes(second)
    assert fingerprint(aws) == before

    aws.run_script_ok(out / "teardown.sh", cwd=elsewhere)
    assert_account_empty(aws)
    assert sorted(markers.iterdir()) == [], "a value from the spec ran as a command"
    assert sorted(elsewhere.iterdir()) == [], "the output folder's name ran as a command"


def test_placeholder_lookalikes_in_paths_and_descriptions_are_kept_or_refused(aws, tmp_path, elsewhere):
    """`{{AccountId}}` / `{{Region}}` written in a path or description are text, not placeholders
    (only documents hold placeholders). The tool may refuse them at validation; if it accepts
    them, apply.sh must converge and keep them verbatim."""
    role_path = "/team-{{AccountId}}/"
    description = "Runs in {{Region}} for {{AccountId}}"
    policy_path = "/x-{{Region}}/"
    spec = write_spec(tmp_path / "braces.yaml", {
        "version": 1,
        "roles": [{"name": "literal-braces", "kind": "task", "path": role_path, "description": description}],
        "customerManagedPolicies": [{
            "name": "braces-policy", "path": policy_path,
            "statements": [{"Effect": "Allow", "Action": "s3:ListAllMyBuckets", "Resource": "*"}],
            "attachTo": ["literal-braces"],
        }],
    })
    if run_cli("validate", spec).returncode == 1:
        return  # refused with a diagnostic: fine
    out = generate(spec, tmp_path / "out")

    aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    second = aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    assert_reports_no_changes(second)
    state = snapshot(aws)
    role = state["roles"]["literal-braces"]
    assert (role["Path"], role["Description"]) == (role_path, description)
    policy = state["customerManagedPolicies"]["braces-policy"]
    assert policy["Path"] == policy_path
    assert role["ManagedPolicies"] == [policy["Arn"]]
