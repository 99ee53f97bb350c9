#!/usr/bin/env python3
"""Checks that two govlint binaries find the same things: byte-identical output and exit codes.

Runs `govlint check --format json` (and a few other configurations) with a reference binary
and a candidate binary over the fixtures, the shared corpus and real repositories, and any
extra directories given, and prints the first difference of each case that differs. Every
optimisation of the evaluation is held to this: its findings must not move by a byte.

`--outputs` holds a change that must not alter behaviour (a restructuring) to more than the
findings: each tree is also checked with SARIF and human output, in English and in Chinese, and
the audit report (JSON, Markdown, HTML, at a fixed SOURCE_DATE_EPOCH) is written on the example
repository and the corpus; `rules` and `explain` of every rule are compared once.

Usage: identical.py BEFORE AFTER [--extra DIR ...] [--quick | --outputs]

Runs from the repository root (the fixtures' paths are part of the output). Caches are kept
under a temporary directory, one per binary, so the runs never write into the trees checked.
"""

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def targets(extra):
    """The trees checked, as paths relative to the repository root where they can be."""
    out = [Path("fixtures/example-repo")]
    out += sorted(p.relative_to(ROOT) for p in (ROOT / "fixtures/cases").iterdir() if p.is_dir())
    out += sorted(p.relative_to(ROOT) for p in (ROOT / "fixtures/policies").iterdir()
                  if p.is_dir() and p.name != "testsuite")
    if (SHARED / "corpus").is_dir():
        out.append(Path("../shared/corpus"))
        out += sorted(Path("../shared/corpus") / p.name for p in (SHARED / "corpus").iterdir() if p.is_dir())
    else:
        print("note: ../shared/corpus is absent, skipped", file=sys.stderr)
    if (SHARED / "repos").is_dir():
        out += sorted(Path("../shared/repos") / p.name for p in (SHARED / "repos").iterdir() if p.is_dir())
    else:
        print("note: ../shared/repos is absent, skipped", file=sys.stderr)
    out += [Path(e) for e in extra]
    return out


def configurations(target, quick, outputs, cache_root):
    """(label, arguments) of each run on one tree."""
    t = str(target)
    runs = [("bundled", ["check", t, "--format", "json", "--no-progress", "--no-cache"])]
    if quick:
        return runs
    if outputs:
        runs += [
            ("human", ["check", t, "--format", "human", "--color", "never", "--no-progress", "--no-cache"]),
            ("human -v", ["check", t, "--format", "human", "--color", "never", "--no-progress", "--no-cache",
                          "--verbose"]),
            ("human zh-CN", ["check", t, "--format", "human", "--color", "never", "--no-progress", "--no-cache",
                             "--lang", "zh-CN"]),
            ("json zh-CN", ["check", t, "--format", "json", "--no-progress", "--no-cache", "--lang", "zh-CN"]),
            ("sarif zh-CN", ["check", t, "--format", "sarif", "--no-progress", "--no-cache", "--lang", "zh-CN"]),
            ("statistics", ["check", t, "--statistics", "--color", "never", "--no-progress", "--no-cache"]),
            ("junit", ["check", t, "--format", "junit", "--no-progress", "--no-cache"]),
            ("github", ["check", t, "--format", "github", "--no-progress", "--no-cache"]),
            ("markdown", ["check", t, "--format", "markdown", "--no-progress", "--no-cache"]),
            ("gitlab", ["check", t, "--format", "gitlab", "--no-progress", "--no-cache"]),
        ]
        if t in ("fixtures/example-repo", "../shared/corpus"):
            for fmt in ("json", "markdown", "html"):
                for lang in ("en", "zh-CN"):
                    runs.append((f"report {fmt} {lang}", ["report", t, "--format", fmt, "--lang", lang]))
    runs += [
        ("bundled -j1", ["check", t, "--format", "json", "--no-progress", "--no-cache", "-j", "1"]),
        ("policy", ["check", t, "--format", "json", "--no-progress", "--no-cache", "--no-builtin",
                    "-p", "bench/policy"]),
        ("sarif", ["check", t, "--format", "sarif", "--no-progress", "--no-cache"]),
        ("cache cold", ["check", t, "--format", "json", "--no-progress", "--cache-dir", f"{cache_root}/{{bin}}/{t}"]),
        ("cache warm", ["check", t, "--format", "json", "--no-progress", "--cache-dir", f"{cache_root}/{{bin}}/{t}"]),
    ]
    if target.parts[:2] == ("fixtures", "policies"):
        runs.append(("combine", ["check", t, "--format", "json", "--no-progress", "--no-cache", "--combine"]))
    return runs


# The environment of every run: no language or colour picked up from the caller, and a fixed
# report date.
ENV = {k: v for k, v in os.environ.items() if k not in ("GOVLINT_LANG", "LANG", "LC_ALL", "LC_MESSAGES", "NO_COLOR")}
ENV.update({"LANG": "C", "SOURCE_DATE_EPOCH": "1780000000"})


def run(binary, args, tag):
    args = [a.replace("{bin}", tag) for a in args]
    p = subprocess.run([binary] + args, cwd=ROOT, capture_output=True, env=ENV)
    return p.returncode, p.stdout, p.stderr


def global_configurations(binary):
    """(label, arguments) of the runs that check no tree: the rule list and every rule's page."""
    runs = []
    for lang in ("en", "zh-CN"):
        for fmt in ("table", "json", "markdown"):
            runs.append((f"rules {fmt} {lang}", ["rules", "--format", fmt, "--lang", lang]))
    listed = subprocess.run([binary, "rules", "--format", "json"], cwd=ROOT, capture_output=True, env=ENV)
    ids = [r["id"] for r in json.loads(listed.stdout)["rules"]] if listed.returncode == 0 else []
    for rule in ids + ["schema", "NOPE999"]:
        for lang in ("en", "zh-CN"):
            runs.append((f"explain {rule} {lang}", ["explain", rule, "--lang", lang]))
    return runs


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--extra", action="append", default=[], help="another tree to check (repeatable)")
    ap.add_argument("--quick", action="store_true", help="only the default configuration")
    ap.add_argument("--outputs", action="store_true",
                    help="also every output format, both languages, the audit report, rules and explain")
    args = ap.parse_args()
    before, after = str(Path(args.before).resolve()), str(Path(args.after).resolve())
    differ = cases = 0
    with tempfile.TemporaryDirectory(prefix="govlint-identical-") as cache_root:
        plan = [(Path("(none)"), label, cmd) for label, cmd in global_configurations(before)] if args.outputs else []
        for target in targets(args.extra):
            plan += [(target, label, cmd) for label, cmd in configurations(target, args.quick, args.outputs, cache_root)]
        for target, label, cmd in plan:
            cases += 1
            a = run(before, cmd, "before")
            b = run(after, cmd, "after")
            if a == b:
                continue
            differ += 1
            print(f"DIFFERS: {target} [{label}]: exit {a[0]} vs {b[0]}")
            for name, x, y in (("stdout", a[1], b[1]), ("stderr", a[2], b[2])):
                if x != y:
                    diff = difflib.unified_diff(x.decode(errors="replace").splitlines(),
                                                y.decode(errors="replace").splitlines(),
                                                "before", "after", lineterm="", n=2)
                    print(f"  {name}:")
                    for line in list(diff)[:40]:
                        print("    " + line)
    print(f"{cases - differ} of {cases} runs identical")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
