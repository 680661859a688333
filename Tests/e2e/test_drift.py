"""apply.sh converges: after someone changes the account behind its back, running it again
restores exactly the plan (extra attachments detached, missing ones attached, extra inline
policies deleted, changed or deleted ones written again, description, session duration, tags,
trust and permissions boundary put back, a customer managed policy's document restored as a new
default version, instance profile membership repaired), without re-creating the roles, and
reports each repair. One more run then changes nothing.
"""

from __future__ import annotations

import json

import yaml

from e2e_support import (
    ACCOUNT, assert_account_empty, assert_reports_no_changes, generate, init_spec, planned_state, snapshot,
    without_ids)

AWS_POLICY = "arn:aws:iam::aws:policy/"
ALLOW_EVERYTHING = json.dumps({"Version": "2012-10-17",
                               "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
FOREIGN_TRUST = json.dumps({"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::999999999999:root"}, "Action": "sts:AssumeRole"}]})


def role_ids(aws) -> dict:
    """Each role's id: a role deleted and created again gets a new one."""
    return {role["RoleName"]: role["RoleId"] for role in aws("iam", "list-roles")["Roles"]}


def test_apply_restores_a_preset_after_drift(aws, tmp_path, elsewhere):
    out = generate(init_spec("ufo-roles", tmp_path / "spec.yaml", with_account=True), tmp_path / "iam")
    plan = planned_state(out)
    aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    ids = role_ids(aws)

    task, execution = "ufo-task-role", "ufo-execution-role"
    aws.many([  # independent changes, made side by side
        ("iam", "attach-role-policy", "--role-name", task, "--policy-arn", AWS_POLICY + "AdministratorAccess"),
        ("iam", "put-role-policy", "--role-name", task, "--policy-name", "backdoor",
         "--policy-document", ALLOW_EVERYTHING),
        ("iam", "put-role-policy", "--role-name", task, "--policy-name", "CloudwatchWrite",
         "--policy-document", ALLOW_EVERYTHING),
        ("iam", "update-role", "--role-name", task, "--description", "changed behind its back",
         "--max-session-duration", "7200"),
        ("iam", "tag-role", "--role-name", task, "--tags", "Key=owner,Value=mallory"),
        ("iam", "update-assume-role-policy", "--role-name", task, "--policy-document", FOREIGN_TRUST),
        ("iam", "put-role-permissions-boundary", "--role-name", task, "--permissions-boundary",
         AWS_POLICY + "PowerUserAccess"),
        ("iam", "detach-role-policy", "--role-name", execution, "--policy-arn",
         AWS_POLICY + "SecretsManagerReadWrite"),
    ])

    report = aws.run_script_ok(out / "apply.sh", cwd=elsewhere).splitlines()
    for line in [
        f"role {execution}: attached {AWS_POLICY}SecretsManagerReadWrite",
        f"role {task}: trust policy updated",
        f"role {task}: description and session duration updated",
        f"role {task}: tags updated",
        f"role {task}: permissions boundary removed",
        f"role {task}: inline policy CloudwatchWrite written",
        f"role {task}: inline policy backdoor deleted (not in the plan)",
        f"role {task}: detached {AWS_POLICY}AdministratorAccess (not in the plan)",
    ]:
        assert line in report
    repaired = snapshot(aws)
    assert without_ids(repaired) == plan
    assert {name: role["RoleId"] for name, role in repaired["roles"].items()} == ids, "a role was re-created"

    assert_reports_no_changes(aws.run_script_ok(out / "apply.sh", cwd=elsewhere))


FULL_SPEC = {
    "version": 1,
    "roles": [
        {
            "name": "orders-task",
            "kind": "task",
            "path": "/ecs/orders/",
            "description": "What the orders service may call",
            "maxSessionDuration": 7200,
            "permissionsBoundary": "PowerUserAccess",
            "tags": {"team": "orders", "cost-center": "4100"},
            "trust": {"confusedDeputyProtection": True, "accounts": [ACCOUNT]},
            "managedPolicies": ["AmazonSSMReadOnlyAccess"],
            "inlinePolicies": [
                {"name": "logs", "template": "logs-write", "parameters": {"logGroups": ["orders"]}},
            ],
        },
        {"name": "orders-host", "kind": "instance", "path": "/ecs/hosts/", "description": "Container hosts"},
    ],
    "customerManagedPolicies": [{
        "name": "orders-config-read",
        "description": "Read the orders configuration",
        "path": "/ecs/policies/",
        "template": "ssm-parameters",
        "parameters": {"names": ["orders"]},
        "attachTo": ["orders-task", "orders-host"],
    }],
}


def test_apply_restores_every_setting_of_a_full_spec(aws, tmp_path, elsewhere):
    """Paths, boundary, tags, session duration, a customer managed policy on two roles and an
    instance role, without account or region (placeholders filled at apply time)."""
    spec = tmp_path / "full.yaml"
    spec.write_text(yaml.safe_dump(FULL_SPEC, sort_keys=False), encoding="utf-8")
    out = generate(spec, tmp_path / "iam")
    plan = planned_state(out)
    aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    ids = role_ids(aws)

    policy_arn = plan["customerManagedPolicies"]["orders-config-read"]["Arn"]
    for bucket in ["a", "b", "c", "d"]:  # now five versions, IAM's limit: apply.sh must make room
        aws("iam", "create-policy-version", "--policy-arn", policy_arn, "--set-as-default", "--policy-document",
            json.dumps({"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Action": "s3:*", "Resource": f"arn:aws:s3:::{bucket}/*"}]}))
    aws.many([  # independent changes, made side by side
        ("iam", "detach-role-policy", "--role-name", "orders-host", "--policy-arn", policy_arn),
        ("iam", "untag-role", "--role-name", "orders-task", "--tag-keys", "team"),
        ("iam", "delete-role-permissions-boundary", "--role-name", "orders-task"),
        ("iam", "delete-role-policy", "--role-name", "orders-task", "--policy-name", "logs"),
        ("iam", "update-role", "--role-name", "orders-host", "--description", ""),
        ("iam", "remove-role-from-instance-profile", "--instance-profile-name", "orders-host",
         "--role-name", "orders-host"),
    ])
    aws("iam", "tag-role", "--role-name", "orders-task", "--tags", "Key=cost-center,Value=9999", "Key=extra,Value=x")

    report = aws.run_script_ok(out / "apply.sh", cwd=elsewhere).splitlines()
    for line in [
        "policy orders-config-read: document updated",
        f"role orders-host: attached {policy_arn}",
        "role orders-task: tags updated",
        "role orders-task: permissions boundary set",
        "role orders-task: inline policy logs written",
        "role orders-host: description and session duration updated",
        "instance profile orders-host: role added",
    ]:
        assert line in report
    repaired = snapshot(aws)
    assert without_ids(repaired) == plan
    assert {name: role["RoleId"] for name, role in repaired["roles"].items()} == ids, "a role was re-created"

    assert_reports_no_changes(aws.run_script_ok(out / "apply.sh", cwd=elsewhere))
    aws.run_script_ok(out / "teardown.sh", cwd=elsewhere)
    assert_account_empty(aws)


def test_apply_replaces_a_foreign_role_in_the_instance_profile(aws, tmp_path, elsewhere):
    """An instance profile holds at most one role: when another role took the planned role's
    place, apply.sh has to take it out before the planned role can go back in."""
    out = generate(init_spec("ec2-container-instance", tmp_path / "spec.yaml", with_account=True), tmp_path / "iam")
    aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    aws("iam", "create-role", "--role-name", "intruder", "--assume-role-policy-document", json.dumps({
        "Version": "2012-10-17", "Statement": [{
            "Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
    aws("iam", "remove-role-from-instance-profile", "--instance-profile-name", "ecsInstanceRole",
        "--role-name", "ecsInstanceRole")
    aws("iam", "add-role-to-instance-profile", "--instance-profile-name", "ecsInstanceRole", "--role-name", "intruder")

    aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    profile = aws("iam", "get-instance-profile", "--instance-profile-name", "ecsInstanceRole")["InstanceProfile"]
    assert [r["RoleName"] for r in profile["Roles"]] == ["ecsInstanceRole"]
