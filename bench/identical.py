#!/usr/bin/env python3
"""Checks that two govlint binaries find the same things: byte-identical output and exit codes.

Runs `govlint check --format json` (and a few other configurations) with a reference binary
and a candidate binary over the fixtures, the shared corpus and real repositories, and any
extra directories given, and prints the first difference of each case that differs. Every
optimisation of the evaluation is held to this: its findings must not move by a byte.

Usage: identical.py BEFORE AFTER [--extra DIR ...] [--quick]

Runs from the repository root (the fixtures' paths are part of the output). Caches are kept
under a temporary directory, one per binary, so the runs never write into the trees checked.
"""

import argparse
import difflib
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


def configurations(target, quick, cache_root):
    """(label, arguments) of each run on one tree."""
    t = str(target)
    runs = [("bundled", ["check", t, "--format", "json", "--no-progress", "--no-cache"])]
    if quick:
        return runs
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


def run(binary, args, tag):
    args = [a.replace("{bin}", tag) for a in args]
    p = subprocess.run([binary] + args, cwd=ROOT, capture_output=True)
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--extra", action="append", default=[], help="another tree to check (repeatable)")
    ap.add_argument("--quick", action="store_true", help="only the default configuration")
    args = ap.parse_args()
    before, after = str(Path(args.before).resolve()), str(Path(args.after).resolve())
    differ = cases = 0
    with tempfile.TemporaryDirectory(prefix="govlint-identical-") as cache_root:
        for target in targets(args.extra):
            for label, cmd in configurations(target, args.quick, cache_root):
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
