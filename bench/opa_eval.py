#!/usr/bin/env python3
"""The OPA pipeline of the benchmark: real OPA evaluating govlint's Rego policies.

It does what a team would write to run the same policies with OPA: parse each file in Python
(PyYAML with libyaml for YAML and front matter, json for JSON), build the same `input` and the
same `data.govlint.file` context as govlint (path, kind, format, document, documents, Markdown
sections), and evaluate each rule package whose `kinds` (from its `# METADATA`) match the
document. One query per document gathers every matching package's value (the cheapest way
through the bindings: the input crosses into Go once, and a query is prepared once per kind);
it binds the file context with `with`, as govlint does. Repository rules run once over every
artifact, as in govlint. The OPA Go engine comes from the
`opa-golib-python-bindings` wheel (bench/setup.sh installs it).

Kinds and formats come from `bench-manifest.json`, written by generate.py: the peer is spared
classification. Markdown headings are found with a line scan (ATX headings outside fenced
code), cheaper than a CommonMark parser. Both favour the peer.

Usage: opa_eval.py REPO [--policies DIR]... [--conftest] [-j N]
Prints one JSON line: files, documents, evaluations, findings.
"""

import argparse
import json
import os
import re
import sys
from pathlib import Path

import yaml
from opa_bindings import OpaEngine

ROOT = Path(__file__).resolve().parent.parent

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Plain(Loader):
    """YAML as JSON sees it: timestamps stay strings (as in govlint)."""


Plain.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in Loader.yaml_implicit_resolvers.items()
}

HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$")
FENCE = re.compile(r"^ {0,3}(```|~~~)")


def front_matter(text):
    """(front matter text or None, body, line of the body's first line)."""
    t = text.lstrip("\ufeff")
    lines = t.splitlines(keepends=True)
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and lines[i].rstrip() == "---":
        for j in range(i + 1, len(lines)):
            if lines[j].rstrip() in ("---", "..."):
                return "".join(lines[i + 1:j]), "".join(lines[j + 1:]), j + 2
    return None, t, 1


def sections(body, first_line):
    out, fenced, current = [], False, None
    for n, line in enumerate(body.splitlines(), start=first_line):
        if FENCE.match(line):
            fenced = not fenced
        m = None if fenced else HEADING.match(line)
        if m:
            current = {"heading": m.group(2).strip(), "level": len(m.group(1)), "line": n, "words": 0, "text": []}
            out.append(current)
        elif current is not None:
            current["text"].append(line)
            current["words"] += len(line.split())
    for s in out:
        s["text"] = "\n".join(s["text"]).strip()
    return out


def documents(path, fmt):
    """The documents of a file and its Markdown sections."""
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith(".md"):
        fm, body, first = front_matter(text)
        doc = yaml.load(fm, Loader=Plain) if fm is not None else {}
        return [doc if doc is not None else {}], sections(body, first)
    if path.endswith(".json"):
        return [json.loads(text)], []
    return [d for d in yaml.load_all(text, Loader=Plain) if d is not None], []


def doc_format(doc, fmt):
    if isinstance(doc, dict) and str(doc.get("apiVersion", "")).startswith("govlint.dev/"):
        return "native"
    return fmt


def rego_files(dirs):
    for d in dirs:
        for p in sorted(Path(d).rglob("*.rego")):
            if not p.name.endswith("_test.rego"):
                yield p


KINDS = re.compile(r"^#\s+kinds:\s*\[(.*)\]", re.M)
PACKAGE = re.compile(r"^package\s+([\w.]+)", re.M)


# The bundled policies are written for regorus, whose regex syntax is Rust's: its ASCII word
# boundary `(?-u:\b)` is Go's `\b` (ASCII-only already), the one change OPA needs.


def load_engine(dirs, params):
    engine = OpaEngine()
    packages = []
    for p in rego_files(dirs):
        text = p.read_text(encoding="utf-8").replace("(?-u:\\b)", "\\b")
        engine.add_policy(str(p), text)
        pkg = PACKAGE.search(text).group(1)
        kinds = KINDS.search(text)
        packages.append((pkg, [k.strip() for k in kinds.group(1).split(",")] if kinds else None))
    # As govlint gives them: the params, and the profile (none declared in the benchmark: {}).
    engine.add_data({"govlint": {"params": params, "profile": {}}})
    return engine, packages


def default_params():
    params = {}
    for p in sorted((ROOT / "policies" / "params").glob("*.yaml")):
        merge(params, yaml.load(p.read_text(encoding="utf-8"), Loader=Plain) or {})
    return params


def merge(base, over):
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(base.get(k), dict):
            merge(base[k], v)
        else:
            base[k] = v


WITH = " with data.govlint.file as input.file with data.conftest.file as input.conftest with input as input.doc"


def query(pkgs):
    """One query that evaluates every package of `pkgs` on one document."""
    return "x = {" + ", ".join(f'"{p}": data.{p}' for p in pkgs) + "}" + WITH


RESULT_RULE = re.compile(r"^(deny|violation|warn)(_|$)")


def count(result):
    """Results of deny*/violation*/warn* rules in each package's value."""
    n = 0
    for value in (result or {}).values():
        if isinstance(value, dict):
            for name, v in value.items():
                if RESULT_RULE.match(name):
                    n += len(v) if isinstance(v, list) else int(bool(v))
    return n


def run(repo, entries, dirs, conftest):
    engine, packages = load_engine(dirs, default_params())
    artifact = [(p, k) for p, k in packages if (p == "main" if conftest else p.startswith("govlint.rules."))]
    repository = [] if conftest else [p for p, _ in packages if p.startswith("govlint.repository.")]
    stats = {"files": 0, "documents": 0, "evaluations": 0, "findings": 0}
    everything = []
    queries = {}
    for e in entries:
        path = str(Path(repo) / e["path"])
        docs, secs = documents(path, e["format"])
        stats["files"] += 1
        for i, doc in enumerate(docs):
            fmt = doc_format(doc, e["format"])
            file_ctx = {"path": e["path"], "kind": e["kind"], "format": fmt, "document": i,
                        "documents": len(docs), "sections": secs}
            conf = {"name": e["path"], "dir": os.path.dirname(e["path"])}
            wrapped = {"doc": doc, "file": file_ctx, "conftest": conf}
            stats["documents"] += 1
            everything.append({"path": e["path"], "kind": e["kind"], "format": fmt, "index": i, "document": doc})
            pkgs = [p for p, kinds in artifact if kinds is None or e["kind"] in kinds]
            if not pkgs:
                continue
            if e["kind"] not in queries:
                queries[e["kind"]] = query(pkgs)
            rs = engine.eval_query(queries[e["kind"]], wrapped)
            stats["evaluations"] += len(pkgs)
            if rs:
                stats["findings"] += count(rs[0].get("x"))
    return stats, everything, engine, repository


def worker(job):
    repo, entries, dirs, conftest = job
    stats, everything, _, _ = run(repo, entries, dirs, conftest)
    return stats, everything


def main():
    ap = argparse.ArgumentParser(description="Evaluate govlint's Rego policies with OPA")
    ap.add_argument("repo", type=Path)
    ap.add_argument("--policies", action="append", type=Path, help="policy directory (default: the bundled policies)")
    ap.add_argument("--conftest", action="store_true", help="evaluate package main (a conftest policy set) only")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count(), help="worker processes, each with its own engine (default: one per core)")
    args = ap.parse_args()
    dirs = args.policies or [ROOT / "policies"]
    if args.conftest:
        dirs = dirs + [ROOT / "policies" / "lib"]
    entries = json.loads((args.repo / "bench-manifest.json").read_text())["files"]

    if args.jobs > 1:
        import multiprocessing as mp
        chunks = [entries[i::args.jobs] for i in range(args.jobs)]
        with mp.get_context("fork").Pool(args.jobs) as pool:
            parts = pool.map(worker, [(args.repo, c, dirs, args.conftest) for c in chunks])
        stats = {k: sum(p[0][k] for p in parts) for k in parts[0][0]}
        everything = [a for p in parts for a in p[1]]
        engine, packages = load_engine(dirs, default_params())
        repository = [] if args.conftest else [p for p, _ in packages if p.startswith("govlint.repository.")]
    else:
        stats, everything, engine, repository = run(args.repo, entries, dirs, args.conftest)

    if repository:
        everything.sort(key=lambda a: (a["path"], a["index"]))
        wrapped = {"doc": {"artifacts": everything}, "file": {"path": "", "kind": "repository"},
                   "conftest": {"name": "", "dir": ""}}
        # The repository rules read the artifacts through the lib: a run in which they saw none
        # while there were some would time less work than govlint does, so it stops.
        seen = "n = count(data.govlint.lib.repository.artifacts)" + WITH
        rs = engine.eval_query(query(repository) + "; " + seen, wrapped)
        stats["evaluations"] += len(repository)
        if everything and not (rs and rs[0].get("n")):
            sys.exit("opa_eval.py: the repository rules saw no artifacts under OPA")
        if rs:
            stats["findings"] += count(rs[0].get("x"))
    print(json.dumps(stats))


if __name__ == "__main__":
    sys.exit(main())
