"""The `actions` command: searching the IAM catalog from the command line (no AWS needed)."""

from __future__ import annotations

import re

from e2e_support import run_cli, run_cli_ok

ECS_EXEC = ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]


def rows(stdout: str) -> list[list[str]]:
    """Each line split into its columns (two or more spaces apart)."""
    return [re.split(r"\s{2,}", line.rstrip()) for line in stdout.splitlines()]


def test_search_puts_the_exact_name_first_in_aligned_columns(wizard):
    out = run_cli_ok("actions", "s3:getobject").stdout
    lines = out.splitlines()
    assert rows(out)[0] == ["s3:GetObject", "Read", "accesspointobject, object"]
    assert 1 < len(lines) <= 25
    # The access level column starts at the same place on every line.
    starts = {re.search(r"\s{2,}\S", line).end() - 1 for line in lines}
    assert len(starts) == 1, out


def test_a_bare_action_name_is_found_in_its_service(wizard):
    assert rows(run_cli_ok("actions", "decrypt", "--limit", "1").stdout) == [["kms:Decrypt", "Write", "key*"]]


def test_a_pattern_lists_exactly_what_iam_would_match(wizard):
    out = run_cli_ok("actions", "ssmmessages:*").stdout
    assert rows(out) == [[name, "Write", "-"] for name in ECS_EXEC]

    many = run_cli_ok("actions", "s3:Get*", "--limit", "500").stdout.splitlines()
    assert len(many) > 40
    assert all(line.startswith("s3:Get") for line in many)


def test_limit_and_service_narrow_the_list(wizard):
    limited = run_cli_ok("actions", "s3:Get*", "--limit", "3")
    assert len(limited.stdout.splitlines()) == 3
    assert "3 of" in limited.stderr and "--limit" in limited.stderr

    only = run_cli_ok("actions", "Open*", "--service", "ssmmessages").stdout
    assert [row[0] for row in rows(only)] == ["ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"]
    searched = run_cli_ok("actions", "channel", "--service", "ssmmessages").stdout
    assert sorted(row[0] for row in rows(searched)) == ECS_EXEC


def test_no_match_names_the_text_and_suggests_real_names(wizard):
    result = run_cli("actions", "s3:GetObjectzz")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "'s3:GetObjectzz'" in result.stderr
    assert '"s3:GetObject"' in result.stderr

    pattern = run_cli("actions", "kmz:Decrypt*")
    assert pattern.returncode == 1
    assert "'kmz:Decrypt*'" in pattern.stderr and '"kms:Decrypt*"' in pattern.stderr


def test_empty_text_is_a_usage_error(wizard):
    for text in ["", "   "]:
        result = run_cli("actions", text)
        assert result.returncode == 64 and result.stdout == ""
        assert "give some text to search for" in result.stderr


def test_a_misspelt_full_name_lists_neighbours_and_says_what_was_meant(wizard):
    result = run_cli_ok("actions", "s3:GetObjcet")
    assert result.stdout.strip()
    assert '"s3:GetObject"' in result.stderr


def test_an_unknown_service_is_refused_with_close_prefixes(wizard):
    result = run_cli("actions", "getobject", "--service", "s4")
    assert result.returncode == 1
    assert "'s4'" in result.stderr and '"s3"' in result.stderr
