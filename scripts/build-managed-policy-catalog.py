#!/usr/bin/env python3
"""Builds the AWS managed policy catalog that ecs-role-wizard ships.

Source: the `moto` package, which carries every AWS managed policy with its path and
default document (moto.iam.aws_managed_policies.aws_managed_policies_data). The output
is a tab-separated file read by ManagedPolicyCatalog.swift:

    # comment lines (source, version, count)
    NAME <TAB> PATH <TAB> DEFAULT_VERSION_ID <TAB> DOCUMENT (compact JSON, one line)

Documents are written with their keys in the order AWS documents them (Version, Id,
Statement; Sid, Effect, Principal, ..., Condition), the order ecs-role-wizard writes, so the
wizard can show a document by re-indenting this text instead of parsing it.

Run it from the repository root with moto installed (scripts/test.sh makes .venv):
    .venv/bin/python scripts/build-managed-policy-catalog.py
"""
import json
import pathlib
import sys

import moto
from moto.iam.aws_managed_policies import aws_managed_policies_data

DOCUMENT_KEYS = ("Version", "Id", "Statement")
STATEMENT_KEYS = ("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
                  "Resource", "NotResource", "Condition")
OUT = pathlib.Path(__file__).resolve().parent.parent / "Sources/RoleWizardCore/Resources/managed-policies.tsv"


def in_order(mapping: dict, keys: tuple) -> dict:
    """The mapping with `keys` first, in that order, then any others as they were."""
    ordered = {key: mapping[key] for key in keys if key in mapping}
    ordered.update((key, value) for key, value in mapping.items() if key not in ordered)
    return ordered


def canonical(document: dict) -> dict:
    document = in_order(document, DOCUMENT_KEYS)
    statement = document.get("Statement")
    if isinstance(statement, list):
        document["Statement"] = [in_order(s, STATEMENT_KEYS) if isinstance(s, dict) else s for s in statement]
    elif isinstance(statement, dict):
        document["Statement"] = in_order(statement, STATEMENT_KEYS)
    return document


def main() -> int:
    data = json.loads(aws_managed_policies_data)
    lines = [
        "# ecs-role-wizard AWS managed policy catalog",
        f"# source: moto {moto.__version__}, moto.iam.aws_managed_policies.aws_managed_policies_data",
        f"# count: {len(data)}",
        "# columns: name, path, default version id, document (compact JSON)",
    ]
    for name in sorted(data, key=str.lower):
        entry = data[name]
        document = json.dumps(canonical(entry["Document"]), separators=(",", ":"), ensure_ascii=False)
        for field in (name, entry["Path"], entry["DefaultVersionId"], document):
            if "\t" in field or "\n" in field:
                raise SystemExit(f"{name}: a field holds a tab or newline; the format cannot carry it")
        lines.append("\t".join((name, entry["Path"], entry["DefaultVersionId"], document)))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(data)} policies from moto {moto.__version__})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
