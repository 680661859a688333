"""apply.sh checks where it runs before it changes anything: a plan for another account is
refused, a plan that needs a region finds none, and the region it fills in is the caller's
(AWS_REGION before AWS_DEFAULT_REGION)."""

from __future__ import annotations

import yaml

from e2e_support import ACCOUNT, assert_account_empty, generate


def exec_role_spec(tmp_path, **context):
    """One task role with the ECS Exec operator statement: its resources hold the region."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump({"version": 1, **context, "roles": [{
        "name": "exec-task", "kind": "task",
        "inlinePolicies": [{"name": "exec", "template": "ecs-exec",
                            "parameters": {"operatorActions": True, "cluster": "demo"}}],
    }]}, sort_keys=False), encoding="utf-8")
    return generate(spec, tmp_path / "iam")


def test_plan_for_another_account_is_refused(aws, tmp_path, elsewhere):
    out = exec_role_spec(tmp_path, account="111122223333", region="us-east-1")
    result = aws.run_script(out / "apply.sh", cwd=elsewhere)
    assert result.returncode != 0
    assert "111122223333" in result.stderr and ACCOUNT in result.stderr
    assert_account_empty(aws)


def test_plan_without_region_needs_one_at_apply_time(aws, tmp_path, elsewhere):
    out = exec_role_spec(tmp_path)
    env = {k: v for k, v in aws.env.items() if k not in ("AWS_REGION", "AWS_DEFAULT_REGION")}
    result = aws.run_script(out / "apply.sh", cwd=elsewhere, env=env)
    assert result.returncode != 0
    assert "region" in result.stderr
    assert_account_empty(aws)


def test_placeholders_take_the_region_from_aws_region(aws, tmp_path, elsewhere):
    out = exec_role_spec(tmp_path)
    env = {**aws.env, "AWS_REGION": "eu-west-1"}
    result = aws.run_script(out / "apply.sh", cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    document = aws("iam", "get-role-policy", "--role-name", "exec-task", "--policy-name", "exec")["PolicyDocument"]
    resources = [r for s in document["Statement"] for r in (s["Resource"] if isinstance(s["Resource"], list) else [s["Resource"]])]
    assert f"arn:aws:ecs:eu-west-1:{ACCOUNT}:cluster/demo" in resources
    assert not any("us-east-1" in r or "{{" in r for r in resources)
