#!/usr/bin/env python3
"""Times two govlint binaries on the same generated repository, interleaved.

On a small machine whose speed drifts from minute to minute, two builds timed in separate runs
of run.py differ by the drift as much as by the change. Here each round runs every tool with
both binaries back to back, in alternating order (before first in even rounds, after first in
odd ones), and OPA with bench/policy once per round; the table gives medians and ranges.

    python3 bench/ab.py BEFORE AFTER --n 10000 --rounds 5 --tools opa,policy,schemas,floor

The repository is generated as run.py generates it (bench/generate.py, seed 1) under --work.
"""

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run  # noqa: E402  (measure, VENV)

ARGS = {
    "govlint": ["--format", "json"],
    "policy": ["--no-builtin", "-p", str(HERE / "policy"), "--format", "json"],
    "schemas": ["--no-builtin", "--format", "json"],
    "floor": ["--parse-only"],
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--n", type=int, default=10000, help="artifacts in the generated repository")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--tools", default="opa,policy,floor", help="comma-separated: opa, " + ", ".join(ARGS))
    ap.add_argument("--work", type=Path, default=Path("/tmp/govlint-bench"))
    args = ap.parse_args()
    tools = args.tools.split(",")
    unknown = [t for t in tools if t != "opa" and t not in ARGS]
    if unknown:
        sys.exit(f"unknown tools: {', '.join(unknown)}")
    repo = args.work / f"repo-{args.n}-s1"
    if not (repo / "bench-manifest.json").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--n", str(args.n), "--seed", "1", "--out", str(repo)], check=True)
    out = args.work / f"ab-{args.n}"
    out.mkdir(parents=True, exist_ok=True)
    bins = [("before", args.before), ("after", args.after)]
    times = {}
    for r in range(args.rounds):
        if "opa" in tools:
            argv = [str(run.VENV / "python"), str(HERE / "opa_eval.py"), str(repo), "--conftest", "--policies", str(HERE / "policy")]
            w, c, p, _ = run.measure([{"argv": argv, "stdout": str(out / "opa.json"), "ok": (0,)}])
            times.setdefault(("opa", ""), []).append((w, c, p))
            print(f"round {r + 1} opa: {w:.2f} s wall, {c:.2f} s CPU", flush=True)
        for tool in (t for t in tools if t != "opa"):
            for name, binary in bins if r % 2 == 0 else bins[::-1]:
                argv = [str(binary), "check", str(repo), *ARGS[tool], "--color", "never"]
                w, c, p, _ = run.measure([{"argv": argv, "stdout": str(out / f"{name}-{tool}.json")}])
                times.setdefault((tool, name), []).append((w, c, p))
                print(f"round {r + 1} {tool} {name}: {w:.2f} s wall, {c:.2f} s CPU", flush=True)
    print("| N | tool | build | wall s | CPU s | peak MiB | wall range |")
    print("| ---: | --- | --- | ---: | ---: | ---: | --- |")
    for (tool, name), v in sorted(times.items()):
        wall = [x[0] for x in v]
        print(f"| {args.n:,} | {tool} | {name} | {statistics.median(wall):.2f} | {statistics.median(x[1] for x in v):.2f} | "
              f"{statistics.median(x[2] for x in v) / 2**20:.0f} | {min(wall):.2f}–{max(wall):.2f} |")


if __name__ == "__main__":
    main()
