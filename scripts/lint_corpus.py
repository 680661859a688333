"""The AWS managed policy corpus that `ecs-role-wizard lint` is compared and timed on, and the
two linters run over it. Shared by scripts/compare-parliament.py and scripts/bench_lint.py.

The corpus: every policy of Sources/RoleWizardCore/Resources/managed-policies.tsv (the AWS
managed policies as moto ships them) as NAME.json, pretty-printed with two-space indents, keys
in the order the catalog has them.

parliament is run through its API, one document at a time in one process
(`parliament.analyze_policy_string`, default settings: no community auditors, no private
auditors, no config override), because its command line stops at the first document that
raises. A document that raises gets one EXCEPTION finding and nothing else, as the API gives
nothing else for it.
"""
import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CATALOG = ROOT / "Sources/RoleWizardCore/Resources/managed-policies.tsv"
TOOLS_PYTHON = ROOT / ".venv-tools/bin/python"
DEFAULT_BINARY = ".build/release/ecs-role-wizard"


def ensure_tools_python():
    """Re-runs the calling script under .venv-tools/bin/python when parliament is not importable."""
    try:
        import parliament  # noqa: F401
        return
    except ImportError:
        pass
    # The venv's python is a symlink to the system one: tell them apart by sys.prefix.
    if TOOLS_PYTHON.exists() and pathlib.Path(sys.prefix).resolve() != TOOLS_PYTHON.parent.parent.resolve():
        os.execv(str(TOOLS_PYTHON), [str(TOOLS_PYTHON), *sys.argv])
    raise SystemExit("parliament is not installed: run scripts/tools-venv.sh (it makes .venv-tools)")


def catalog_header():
    """The catalog's `# key: value` comment lines, as a dict (source, count…)."""
    header = {}
    with CATALOG.open() as lines:
        for line in lines:
            if not line.startswith("#"):
                break
            key, _, value = line[1:].strip().partition(": ")
            header[key] = value
    return header


def managed_policies():
    """[(name, document)] in catalog order; documents are the parsed JSON (dicts keep key order)."""
    policies = []
    with CATALOG.open() as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            name, _path, _version, document = line.rstrip("\n").split("\t", 3)
            policies.append((name, json.loads(document)))
    return policies


def write_corpus(folder):
    """Writes every managed policy as FOLDER/NAME.json; returns {name: text written}."""
    folder = pathlib.Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for name, document in managed_policies():
        text = json.dumps(document, indent=2) + "\n"
        (folder / f"{name}.json").write_text(text)
        texts[name] = text
    return texts


def binary_path(argument=None):
    """The ecs-role-wizard binary: the argument, else $ECS_ROLE_WIZARD, else the release build."""
    path = argument or os.environ.get("ECS_ROLE_WIZARD") or str(ROOT / DEFAULT_BINARY)
    if not os.access(path, os.X_OK):
        raise SystemExit(f"{path}: no ecs-role-wizard binary there (swift build -c release --product ecs-role-wizard)")
    return os.path.abspath(path)


def lint_command(binary, folder):
    return [binary, "lint", str(folder), "--format", "json", "--fail-on", "error"]


def run_ours(binary, folder):
    """Runs `ecs-role-wizard lint FOLDER --format json`; returns the parsed report."""
    result = subprocess.run(lint_command(binary, folder), capture_output=True, text=True)
    if result.returncode not in (0, 1):
        raise SystemExit(f"ecs-role-wizard lint exited {result.returncode}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def run_parliament(texts):
    """{name: [finding dicts]} for every document, parliament's API with default settings.

    A finding: {"issue", "severity", "detail", "location"}; a document that raises gets
    [{"issue": "EXCEPTION", "severity": "CRITICAL", "detail": message, "location": {}}].
    """
    import parliament

    results = {}
    for name, text in texts.items():
        try:
            policy = parliament.analyze_policy_string(text, filepath=name)
            findings = []
            for finding in policy.findings:
                finding = parliament.enhance_finding(finding)
                findings.append({"issue": finding.issue, "severity": finding.severity,
                                 "detail": finding.detail, "location": dict(finding.location)})
        except Exception as error:  # parliament raises on data it does not know (ArrayOfARN…)
            findings = [{"issue": "EXCEPTION", "severity": "CRITICAL",
                         "detail": f"{type(error).__name__}: {error}", "location": {}}]
        results[name] = findings
    return results
