#!/usr/bin/env python3
"""Times `ecs-role-wizard lint` and parliament over the 1,582 AWS managed policies.

    scripts/bench_lint.py BINARY [--runs N] [--parliament-runs M] [--corpus DIR]

Writes the corpus once (NAME.json, pretty JSON; see lint_corpus.py), then times whole
processes, start to exit, wall clock:

  - `BINARY lint CORPUS --format json` (output discarded), N runs after one untimed warm-up;
  - parliament in one Python process (.venv-tools/bin/python): import parliament, read every
    file of CORPUS and call `analyze_policy_string` on each (default settings; a document that
    raises is counted and skipped), M runs. It also reports its own time without the
    interpreter start and the import.

The two are interleaved: the N runs of ecs-role-wizard are split into blocks before, between and
after parliament's runs, so that both sample the same stretch of time on a shared machine,
whose speed drifts by tens of percent from minute to minute. Prints the medians in ms and
their ratio, and the same for CPU time (user + system), which other work on a shared machine
disturbs less than wall-clock time. Figures, not a test: scripts/bench-lint.sh runs it.
"""
import argparse
import json
import os
import pathlib
import resource
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import lint_corpus  # noqa: E402


def parliament_once(corpus):
    """The child process: parliament over every file of CORPUS; prints a JSON line of counts."""
    start = time.perf_counter()
    import parliament

    imported = time.perf_counter()
    documents = findings = raised = 0
    for path in sorted(pathlib.Path(corpus).glob("*.json")):
        documents += 1
        try:
            policy = parliament.analyze_policy_string(path.read_text(), filepath=str(path))
            findings += len(policy.findings)
        except Exception:
            raised += 1
    done = time.perf_counter()
    print(json.dumps({"documents": documents, "findings": findings, "raised": raised,
                      "import_ms": (imported - start) * 1000, "analysis_ms": (done - imported) * 1000}))


def timed(command):
    """Wall-clock ms of one process, start to exit, its CPU time (user + system) in ms, and its result."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    # Bytes, decoded after the clock stops: decoding ecs-role-wizard's 3 MB report as text took
    # Python ~10 ms, which is not the tool's time.
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - start) * 1000
    result.stdout, result.stderr = result.stdout.decode(), result.stderr.decode(errors="replace")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000, result


def describe(times, cpu):
    return (f"median {statistics.median(times):8.1f} ms  (min {min(times):.1f}, max {max(times):.1f}, "
            f"{len(times)} run{'s' if len(times) != 1 else ''}; CPU {statistics.median(cpu):.0f} ms)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary", nargs="?", help="ecs-role-wizard (default: $ECS_ROLE_WIZARD, then "
                        + lint_corpus.DEFAULT_BINARY + ")")
    parser.add_argument("--runs", type=int, default=31, help="timed runs of ecs-role-wizard lint (default 31)")
    parser.add_argument("--parliament-runs", type=int, default=2, help="timed runs of parliament (default 2)")
    parser.add_argument("--corpus", help="write the policies here and keep them (default: a temporary folder)")
    parser.add_argument("--parliament-once", metavar="CORPUS", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.parliament_once:
        parliament_once(args.parliament_once)
        return 0
    binary = lint_corpus.binary_path(args.binary)
    if not lint_corpus.TOOLS_PYTHON.exists():
        raise SystemExit("no .venv-tools: run scripts/tools-venv.sh first")

    with tempfile.TemporaryDirectory(prefix="lint-corpus-") as scratch:
        corpus = pathlib.Path(args.corpus) if args.corpus else pathlib.Path(scratch) / "policies"
        count = len(lint_corpus.write_corpus(corpus))
        print(f"corpus: {count:,} AWS managed policies ({lint_corpus.catalog_header().get('source', '?')}) in {corpus}")

        ours_command = [binary, "lint", str(corpus), "--format", "json"]
        _, _, warm = timed(ours_command)  # warm-up: the files and the binary in the page cache
        if warm.returncode not in (0, 1):
            raise SystemExit(f"ecs-role-wizard lint exited {warm.returncode}: {warm.stderr.strip()}")
        summary = json.loads(warm.stdout)["summary"]

        ours, ours_cpu, theirs, theirs_cpu, inner = [], [], [], [], []
        child = [str(lint_corpus.TOOLS_PYTHON), os.path.abspath(__file__), "--parliament-once", str(corpus)]
        blocks = args.parliament_runs + 1
        for block in range(blocks):
            # This block's share of the N runs (the first blocks take one more when N does not divide).
            for _ in range(args.runs // blocks + (1 if block < args.runs % blocks else 0)):
                elapsed, cpu, _ = timed(ours_command)
                ours.append(elapsed)
                ours_cpu.append(cpu)
            if block < args.parliament_runs:
                elapsed, cpu, result = timed(child)
                theirs_cpu.append(cpu)
                if result.returncode != 0:
                    raise SystemExit(f"parliament run failed: {result.stderr.strip()[-400:]}")
                theirs.append(elapsed)
                inner.append(json.loads(result.stdout.strip().splitlines()[-1]))
        print(f"{'ecs-role-wizard lint --format json':38} {describe(ours, ours_cpu)}  "
              f"[{sum(v for k, v in summary.items() if k != 'files'):,} findings]")
        version = subprocess.run([str(lint_corpus.TOOLS_PYTHON), "-c", "import parliament; print(parliament.__version__)"],
                                 capture_output=True, text=True).stdout.strip()
        last = inner[-1]
        print(f"{'parliament ' + version + ' (one process, API)':38} {describe(theirs, theirs_cpu)}  "
              f"[{last['findings']:,} findings, {last['raised']} documents raised; "
              f"import {last['import_ms']:.0f} ms, analysis {statistics.median(i['analysis_ms'] for i in inner):.0f} ms]")

    ratio = statistics.median(theirs) / statistics.median(ours)
    cpu_ratio = statistics.median(theirs_cpu) / statistics.median(ours_cpu)
    print(f"ecs-role-wizard is {ratio:.0f}× faster than parliament (aim: 100×); in CPU time, {cpu_ratio:.0f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
