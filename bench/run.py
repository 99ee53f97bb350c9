#!/usr/bin/env python3
"""Runs govlint and its peers side by side on the same generated repositories.

For each size N it generates a repository (bench/generate.py, seeded), then runs every tool
on it in turn, alternating, several times, and prints a Markdown table of the medians: wall
time, CPU time (user + system of the tool and its children, from wait4), peak memory (the
largest of the peak RSS from wait4 and the RSS of the whole process tree sampled every 20 ms,
which counts worker processes together), files per second, and each tool's wall time as a
multiple of govlint's.

Tools:
  govlint            govlint check with the bundled rule packs (JSON output to a file)
  govlint-policy     govlint check --no-builtin -p bench/policy (a team's conftest policy set)
  govlint-cached     govlint check --cache with the bundled packs, the cache warmed by an untimed
                     run first (a repeat run over an unchanged repository)
  govlint-schemas    govlint check --no-builtin: the bundled JSON Schemas and no Rego, the work
                     check-jsonschema does
  opa                real OPA evaluating the bundled Rego policies (bench/opa_eval.py)
  opa-policy         real OPA evaluating bench/policy (bench/opa_eval.py --conftest)
  check-jsonschema   check-jsonschema validating the same documents against the bundled schemas
  floor              govlint check --parse-only: reading, parsing and classifying, nothing else

Extras (--extras): a pre-commit-sized run on three files, and `--changed-since` with one
changed file in a git repository of 10,000 artifacts.

Usage: run.py [--sizes 1000,10000] [--reps 3] [--tools ...] [--work DIR] [--govlint BIN]
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
VENV = HERE / ".venv" / "bin"
ALL_TOOLS = ["govlint", "govlint-policy", "govlint-cached", "govlint-schemas", "opa", "opa-policy", "check-jsonschema",
             "floor"]
PAGE = os.sysconf("SC_PAGE_SIZE")


# ------------------------------------------------------------------------------------------
# Measuring one run


def tree_rss(root):
    """Resident memory of `root` and all its descendants, in bytes."""
    children, rss = {}, {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        children.setdefault(int(fields[1]), []).append(int(pid))
        rss[int(pid)] = int(fields[21]) * PAGE
    total, stack = 0, [root]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def measure(cmds, cwd=None):
    """Runs commands one after the other; returns wall s, CPU s, peak bytes, exit codes."""
    wall = cpu = 0.0
    peak = 0
    codes = []
    for cmd in cmds:
        out = open(cmd.get("stdout", os.devnull), "wb")
        start = time.perf_counter()
        proc = subprocess.Popen(cmd["argv"], cwd=cwd, stdout=out, stderr=subprocess.PIPE)
        sampled = 0
        while True:
            pid, status, ru = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            sampled = max(sampled, tree_rss(proc.pid))
            time.sleep(0.02)
        wall += time.perf_counter() - start
        out.close()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err = proc.stderr.read().decode(errors="replace")
        if proc.returncode not in cmd.get("ok", (0, 1)):
            sys.exit(f"{' '.join(map(str, cmd['argv'][:4]))}… exited {proc.returncode}:\n{err[-2000:]}")
        cpu += ru.ru_utime + ru.ru_stime
        peak = max(peak, sampled, ru.ru_maxrss * 1024)
        codes.append(proc.returncode)
    return wall, cpu, peak, codes


# ------------------------------------------------------------------------------------------
# Inputs for check-jsonschema: it reads YAML and JSON files, one document each, and resolves
# `$ref`s by URL. Front matter is extracted and multi-document files are split (not timed), and
# the schemas' `https://govlint.dev/schemas/` references are made relative to local copies.


def prepare_jsonschema(repo, manifest, out):
    if out.exists():
        shutil.rmtree(out)
    (out / "schemas").mkdir(parents=True)
    for s in (ROOT / "schemas").glob("*.json"):
        text = s.read_text(encoding="utf-8").replace("https://govlint.dev/schemas/", "./")
        text = re.sub(r'\s*"\$id":\s*"[^"]*",', "", text, count=1)
        (out / "schemas" / s.name).write_text(text, encoding="utf-8")
    groups = {}
    for e in manifest:
        src = repo / e["path"]
        text = src.read_text(encoding="utf-8")
        if e["path"].endswith(".md"):
            m = re.match(r"\ufeff?\s*---\r?\n(.*?)\r?\n(?:---|\.\.\.)\s*\r?\n", text, re.S)
            dst = out / "docs" / (e["path"] + ".yaml")
            dst.parent.mkdir(parents=True, exist_ok=True)
            dst.write_text(m.group(1) if m else "{}", encoding="utf-8")
            groups.setdefault(e["schema"], []).append(dst)
        elif e["path"].endswith((".yaml", ".yml")) and re.search(r"(?m)^---\s*$", text):
            parts = [p for p in re.split(r"(?m)^---\s*$", text) if p.strip() and not all(
                l.strip().startswith("#") or not l.strip() for l in p.splitlines())]
            for i, part in enumerate(parts):
                dst = out / "docs" / f"{e['path']}.{i}.yaml"
                dst.parent.mkdir(parents=True, exist_ok=True)
                dst.write_text(part, encoding="utf-8")
                native = re.search(r"(?m)^apiVersion:\s*govlint\.dev/", part)
                schema = "deployment-config.native.schema.json" if native else e["schema"]
                groups.setdefault(schema, []).append(dst)
        else:
            groups.setdefault(e["schema"], []).append(src)
    return groups


def jsonschema_cmds(groups, out):
    cmds = []
    for schema, files in sorted(groups.items()):
        # Keep each command line well under the kernel's limit.
        for i in range(0, len(files), 4000):
            cmds.append({
                "argv": [str(VENV / "check-jsonschema"), "--schemafile", str(out / "schemas" / schema),
                         "--base-uri", (out / "schemas" / schema).as_uri(), *map(str, files[i:i + 4000])],
                "ok": (0, 1),
            })
    return cmds


# ------------------------------------------------------------------------------------------


def commands(tool, repo, args, scratch, cjs):
    gl = str(args.govlint)
    json_out = str(scratch / f"{tool}.json")
    if tool == "govlint":
        return [{"argv": [gl, "check", str(repo), "--format", "json", "--color", "never"], "stdout": json_out}]
    if tool == "govlint-policy":
        return [{"argv": [gl, "check", str(repo), "--no-builtin", "-p", str(HERE / "policy"), "--format", "json",
                          "--color", "never"], "stdout": json_out}]
    if tool == "govlint-cached":
        return [{"argv": [gl, "check", str(repo), "--cache", "--cache-dir", str(scratch / "cache"), "--format", "json",
                          "--color", "never"], "stdout": json_out}]
    if tool == "govlint-schemas":
        return [{"argv": [gl, "check", str(repo), "--no-builtin", "--format", "json", "--color", "never"],
                 "stdout": json_out}]
    if tool == "floor":
        return [{"argv": [gl, "check", str(repo), "--parse-only", "--format", "json", "--color", "never"],
                 "stdout": json_out}]
    if tool == "opa":
        return [{"argv": [str(VENV / "python"), str(HERE / "opa_eval.py"), str(repo)], "stdout": json_out, "ok": (0,)}]
    if tool == "opa-policy":
        return [{"argv": [str(VENV / "python"), str(HERE / "opa_eval.py"), str(repo), "--conftest", "--policies",
                          str(HERE / "policy")], "stdout": json_out, "ok": (0,)}]
    if tool == "check-jsonschema":
        return cjs()
    raise SystemExit(f"unknown tool {tool}")


def findings_of(tool, scratch):
    """How many findings the tool reported (a sanity check that the tools did the work)."""
    p = scratch / f"{tool}.json"
    if not p.exists():
        return ""
    try:
        d = json.loads(p.read_text())
    except ValueError:
        return ""
    if "diagnostics" in d:
        return str(len(d["diagnostics"]))
    return str(d.get("findings", ""))


def fmt_row(cells):
    return "| " + " | ".join(cells) + " |"


def bench_size(n, args, rows):
    repo = args.work / f"repo-{n}-s{args.seed}"
    if not (repo / "bench-manifest.json").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--n", str(n), "--seed", str(args.seed),
                        "--out", str(repo)], check=True)
    manifest = json.loads((repo / "bench-manifest.json").read_text())["files"]
    scratch = args.work / f"out-{n}"
    scratch.mkdir(parents=True, exist_ok=True)
    cjs_cache = {}

    def cjs():
        if "cmds" not in cjs_cache:
            out = args.work / f"cjs-{n}"
            cjs_cache["cmds"] = jsonschema_cmds(prepare_jsonschema(repo, manifest, out), out)
        return cjs_cache["cmds"]

    tools = [t for t in args.tools if n <= args.peer_max or t.startswith("govlint") or t == "floor"]
    results = {t: [] for t in tools}
    if "govlint-cached" in tools:
        shutil.rmtree(scratch / "cache", ignore_errors=True)
        measure(commands("govlint-cached", repo, args, scratch, cjs))  # warms the cache, untimed
    for rep in range(args.reps):
        for tool in tools:
            cmds = commands(tool, repo, args, scratch, cjs)
            r = measure(cmds)
            results[tool].append(r)
            print(f"  N={n} rep {rep + 1} {tool}: {r[0]:.2f} s wall, {r[1]:.2f} s CPU, {r[2] / 2**20:.0f} MiB",
                  file=sys.stderr, flush=True)
    base = statistics.median(r[0] for r in results["govlint"]) if "govlint" in results else None
    for tool in tools:
        wall = statistics.median(r[0] for r in results[tool])
        cpu = statistics.median(r[1] for r in results[tool])
        peak = max(r[2] for r in results[tool])
        ratio = (f"{wall / base:.1f}×" if wall / base >= 10 else f"{wall / base:.2f}×") if base else ""
        rows.append(fmt_row([f"{n:,}", tool, f"{wall:.2f}", f"{cpu:.2f}", f"{peak / 2**20:.0f}",
                             f"{n / wall:,.0f}", ratio, findings_of(tool, scratch)]))


def extras(args):
    """Pre-commit on three files; --changed-since with one changed file on 10,000 artifacts."""
    n = 10_000
    repo = args.work / f"git-{n}-s{args.seed}"
    if not (repo / ".git").exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--n", str(n), "--seed", str(args.seed),
                        "--out", str(repo)], check=True)
        git = ["git", "-C", str(repo), "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
        subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
        subprocess.run(git + ["add", "-A"], check=True)
        subprocess.run(git + ["commit", "-q", "-m", "generated"], check=True)
    manifest = json.loads((repo / "bench-manifest.json").read_text())["files"]
    three = [str(repo / e["path"]) for e in manifest[:3]]
    changed = repo / manifest[0]["path"]
    original = changed.read_text(encoding="utf-8")
    gl = str(args.govlint)
    cache = args.work / "cache-git"
    shutil.rmtree(cache, ignore_errors=True)
    # Warms the cache on the unchanged repository, untimed.
    measure([{"argv": [gl, "check", str(repo), "--cache", "--cache-dir", str(cache), "--color", "never"]}], cwd=repo)
    cases = [
        ("pre-commit: `govlint check` on 3 files", [gl, "check", *three, "--color", "never"]),
        ("`--changed-since HEAD`, 1 file changed of 10,000 (bundled rules)",
         [gl, "check", str(repo), "--changed-since", "HEAD", "--color", "never"]),
        ("`--changed-since HEAD --cache`, 1 file changed of 10,000 (bundled rules, cache warm)",
         [gl, "check", str(repo), "--changed-since", "HEAD", "--cache", "--cache-dir", str(cache), "--color", "never"]),
        ("`--changed-since HEAD`, 1 file changed of 10,000 (`--no-builtin -p bench/policy`)",
         [gl, "check", str(repo), "--changed-since", "HEAD", "--no-builtin", "-p", str(HERE / "policy"),
          "--color", "never"]),
    ]
    rows = []
    try:
        changed.write_text(original + "\n<!-- edited -->\n", encoding="utf-8")
        for label, argv in cases:
            runs = [measure([{"argv": argv}], cwd=repo) for _ in range(args.reps)]
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            peak = max(r[2] for r in runs)
            rows.append(fmt_row([label, f"{wall * 1000:.0f}", f"{cpu * 1000:.0f}", f"{peak / 2**20:.0f}"]))
            print(f"  {label}: {wall * 1000:.0f} ms", file=sys.stderr, flush=True)
    finally:
        changed.write_text(original, encoding="utf-8")
    return rows


def main():
    ap = argparse.ArgumentParser(description="govlint side-by-side benchmark")
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated artifact counts")
    ap.add_argument("--reps", type=int, default=3, help="runs of each tool per size (alternating)")
    ap.add_argument("--tools", default=",".join(ALL_TOOLS), help="comma-separated subset of " + ", ".join(ALL_TOOLS))
    ap.add_argument("--peer-max", type=int, default=10_000,
                    help="largest N at which tools other than govlint and the floor run")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=Path("/tmp/govlint-bench"), help="where repositories are generated")
    ap.add_argument("--govlint", type=Path, default=ROOT / "target" / "release" / "govlint")
    ap.add_argument("--extras", action="store_true", help="also time pre-commit and --changed-since runs")
    ap.add_argument("--no-table", action="store_true", help="only the extras")
    args = ap.parse_args()
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    args.work.mkdir(parents=True, exist_ok=True)
    if not args.govlint.exists():
        sys.exit(f"{args.govlint} not found: build it with `cargo build --release`")
    if not (VENV / "python").exists():
        sys.exit("the peers are not installed: run bench/setup.sh")

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start; "
          f"govlint: {args.govlint}; reps: {args.reps}; seed: {args.seed}\n")
    if not args.no_table:
        rows = []
        for n in (int(s.replace("_", "")) for s in args.sizes.split(",")):
            bench_size(n, args, rows)
        print(fmt_row(["N", "tool", "wall s", "CPU s", "peak MiB", "files/s", "wall vs govlint", "findings"]))
        print(fmt_row(["---:", "---", "---:", "---:", "---:", "---:", "---:", "---:"]))
        print("\n".join(rows))
        print()
    if args.extras:
        rows = extras(args)
        print(fmt_row(["run", "wall ms", "CPU ms", "peak MiB"]))
        print(fmt_row(["---", "---:", "---:", "---:"]))
        print("\n".join(rows))
    print(f"\nload average {os.getloadavg()[0]:.1f} at the end (other work on the machine skews the numbers)")


if __name__ == "__main__":
    main()
