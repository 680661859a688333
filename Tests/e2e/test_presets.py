"""Every preset, end to end, against a moto server with the real aws CLI.

For each preset that `ecs-role-wizard presets` lists, once with --account/--region and once
without (the documents then hold {{AccountId}}/{{Region}}, filled in by apply.sh):

  init -> generate --format aws-cli -> shellcheck apply.sh and teardown.sh
  -> apply.sh (from another folder) -> the account holds exactly what manifest.json and its
     documents say, and what the preset's source says (facts below, read from the account)
  -> apply.sh again: succeeds, reports no change, the account is identical (same role ids and
     creation dates, same policy versions)
  -> teardown.sh: no role, instance profile or customer managed policy is left
  -> teardown.sh again: succeeds.
"""

from __future__ import annotations

import pytest

from e2e_support import (
    ACCOUNT, REGION, as_list, assert_account_empty, assert_reports_no_changes, assert_shellcheck_clean,
    file_tree, fingerprint, generate, init_spec, list_presets, load_manifest, planned_state, snapshot, without_ids)

KNOWN_PRESETS = ["ecs-workshop", "s3-bucket-task-role", "ufo-roles", "terraform-module", "ec2-container-instance"]
AWS_POLICY = "arn:aws:iam::aws:policy/"


def test_presets_lists_the_known_presets(wizard):
    assert list_presets() == KNOWN_PRESETS


# --- facts from each preset's source, checked on what apply.sh put into the account -----------

def only_statements(document: dict) -> list[dict]:
    assert document["Version"] == "2012-10-17"
    return document["Statement"]


def assert_trusts(role: dict, service: str) -> None:
    (statement,) = only_statements(role["TrustPolicy"])
    assert statement["Effect"] == "Allow"
    assert statement["Principal"] == {"Service": service}
    assert as_list(statement["Action"]) == ["sts:AssumeRole"]


def ecs_workshop_facts(state: dict) -> None:
    roles = state["roles"]
    assert set(roles) == {"retailStoreECSTaskExecutionRole", "retailStoreEcsTaskRole"}
    execution, task = roles["retailStoreECSTaskExecutionRole"], roles["retailStoreEcsTaskRole"]
    assert execution["ManagedPolicies"] == [AWS_POLICY + "service-role/AmazonECSTaskExecutionRolePolicy"]
    assert execution["InlinePolicies"] == {}
    assert_trusts(execution, "ecs-tasks.amazonaws.com")
    assert_trusts(task, "ecs-tasks.amazonaws.com")
    assert task["ManagedPolicies"] == []
    (document,) = task["InlinePolicies"].values()
    exec_channels, operator = only_statements(document)
    assert exec_channels["Effect"] == "Allow"
    assert sorted(as_list(exec_channels["Action"])) == [
        "ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
    assert as_list(exec_channels["Resource"]) == ["*"]
    assert operator["Effect"] == "Allow"
    assert sorted(as_list(operator["Action"])) == ["ecs:DescribeTasks", "ecs:ExecuteCommand"]
    assert sorted(as_list(operator["Resource"])) == [
        f"arn:aws:ecs:{REGION}:{ACCOUNT}:cluster/*",
        f"arn:aws:ecs:{REGION}:{ACCOUNT}:task/retail-store-ecs-cluster/*"]


def s3_bucket_task_role_facts(state: dict) -> None:
    assert set(state["roles"]) == {"AmazonECSTaskS3BucketRole"}
    role = state["roles"]["AmazonECSTaskS3BucketRole"]
    assert_trusts(role, "ecs-tasks.amazonaws.com")
    assert role["ManagedPolicies"] == [f"arn:aws:iam::{ACCOUNT}:policy/AmazonECSTaskS3BucketPolicy"]
    assert role["InlinePolicies"] == {}
    assert set(state["customerManagedPolicies"]) == {"AmazonECSTaskS3BucketPolicy"}
    assert state["customerManagedPolicies"]["AmazonECSTaskS3BucketPolicy"]["Document"] == {
        "Version": "2012-10-17",
        "Statement": [{"Sid": "Stmt1465589882000", "Effect": "Allow", "Action": ["s3:GetObject"],
                       "Resource": ["arn:aws:s3:::my-task-secrets-bucket/*"]}],
    }


def ufo_roles_facts(state: dict) -> None:
    roles = state["roles"]
    assert set(roles) == {"ufo-execution-role", "ufo-task-role"}
    execution, task = roles["ufo-execution-role"], roles["ufo-task-role"]
    assert execution["ManagedPolicies"] == sorted([
        AWS_POLICY + "AmazonSSMReadOnlyAccess", AWS_POLICY + "SecretsManagerReadWrite",
        AWS_POLICY + "service-role/AmazonECSTaskExecutionRolePolicy"])
    assert execution["InlinePolicies"] == {}
    assert task["ManagedPolicies"] == []
    assert set(task["InlinePolicies"]) == {"AmazonS3ReadOnlyAccess", "CloudwatchWrite"}
    (s3,) = only_statements(task["InlinePolicies"]["AmazonS3ReadOnlyAccess"])
    assert (s3["Effect"], sorted(as_list(s3["Action"])), as_list(s3["Resource"])) == (
        "Allow", ["s3:Get*", "s3:List*"], ["*"])
    (metrics,) = only_statements(task["InlinePolicies"]["CloudwatchWrite"])
    assert (metrics["Effect"], as_list(metrics["Action"]), as_list(metrics["Resource"])) == (
        "Allow", ["cloudwatch:PutMetricData"], ["*"])


def terraform_module_facts(state: dict) -> None:
    # One inline policy per module input (README: kms_keys, ssm_paths, s3_ro_paths, s3_rw_paths).
    (role,) = state["roles"].values()
    assert role["ManagedPolicies"] == []
    policies = role["InlinePolicies"]
    assert set(policies) == {"kms-decrypt", "ssm-parameters", "s3-read-only", "s3-read-write"}
    (kms,) = only_statements(policies["kms-decrypt"])
    assert as_list(kms["Action"]) == ["kms:Decrypt"]
    assert all(arn.startswith(f"arn:aws:kms:{REGION}:{ACCOUNT}:key/") for arn in as_list(kms["Resource"]))
    ssm_resources = [r for s in only_statements(policies["ssm-parameters"]) for r in as_list(s["Resource"])]
    assert ssm_resources and all(
        r.startswith(f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter/application/") for r in ssm_resources)
    read_only = {a for s in only_statements(policies["s3-read-only"]) for a in as_list(s["Action"])}
    assert read_only == {"s3:ListBucket", "s3:GetBucketLocation", "s3:GetObject"}
    read_write = {a for s in only_statements(policies["s3-read-write"]) for a in as_list(s["Action"])}
    assert {"s3:PutObject", "s3:DeleteObject"} <= read_write


def ec2_container_instance_facts(state: dict) -> None:
    assert set(state["roles"]) == {"ecsInstanceRole"}
    role = state["roles"]["ecsInstanceRole"]
    assert_trusts(role, "ec2.amazonaws.com")
    assert role["ManagedPolicies"] == [AWS_POLICY + "service-role/AmazonEC2ContainerServiceforEC2Role"]
    assert state["instanceProfiles"]["ecsInstanceRole"]["Roles"] == ["ecsInstanceRole"]


PRESET_FACTS = {
    "ecs-workshop": ecs_workshop_facts,
    "s3-bucket-task-role": s3_bucket_task_role_facts,
    "ufo-roles": ufo_roles_facts,
    "terraform-module": terraform_module_facts,
    "ec2-container-instance": ec2_container_instance_facts,
}


def assert_confused_deputy_protection(state: dict, *, expected: bool) -> None:
    """README: task and execution roles get aws:SourceAccount / aws:SourceArn conditions by
    default when the spec has an account and a region; instance roles never do."""
    for name, role in state["roles"].items():
        for statement in only_statements(role["TrustPolicy"]):
            if statement["Principal"] != {"Service": "ecs-tasks.amazonaws.com"}:
                assert "Condition" not in statement, name
                continue
            if expected:
                assert statement["Condition"] == {
                    "StringEquals": {"aws:SourceAccount": ACCOUNT},
                    "ArnLike": {"aws:SourceArn": f"arn:aws:ecs:{REGION}:{ACCOUNT}:*"}}, name
            else:
                assert "Condition" not in statement, name


# --- the lifecycle --------------------------------------------------------------------------

@pytest.mark.parametrize("with_account", [True, False], ids=["account-region", "placeholders"])
def test_preset_applies_converges_and_tears_down(preset, with_account, aws, tmp_path, elsewhere):
    spec = init_spec(preset, tmp_path / "spec.yaml", with_account=with_account)
    out = generate(spec, tmp_path / "build" / "iam")
    assert_shellcheck_clean(out)

    manifest = load_manifest(out)
    documents = "".join(text.decode() for path, text in file_tree(out).items() if path.endswith(".json"))
    if with_account:
        assert (manifest["account"], manifest["region"]) == (ACCOUNT, REGION)
        assert "{{" not in documents
    else:
        assert (manifest["account"], manifest["region"]) == (None, None)
        assert "{{AccountId}}" in documents and "placeholders" in manifest
    plan = planned_state(out)

    first = aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    for role in plan["roles"]:
        assert f"role {role}: created" in first.splitlines()
    applied = snapshot(aws)
    assert without_ids(applied) == plan
    PRESET_FACTS.get(preset, lambda state: None)(applied)
    assert_confused_deputy_protection(applied, expected=with_account)
    before = fingerprint(aws)

    second = aws.run_script_ok(out / "apply.sh", cwd=elsewhere)
    assert_reports_no_changes(second)
    assert fingerprint(aws) == before

    aws.run_script_ok(out / "teardown.sh", cwd=elsewhere)
    assert_account_empty(aws)
    again = aws.run_script_ok(out / "teardown.sh", cwd=elsewhere)
    assert "deleted" not in again
