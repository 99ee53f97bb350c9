#!/usr/bin/env python3
"""Holds the bundled rules to a field of the wrong type: no rule may fail on one.

Reads the artifacts under each DIR (YAML, JSON, Markdown cards' front matter), writes one copy
of an artifact for every field changed to another type (a number, a list, an object, null,
true), each in a directory of its own, and checks them with govlint in batches. A
`policy-error` on a copy is a rule or a repository helper that failed where the schema check
alone should have spoken; the script prints each failure with the field that caused it and
exits 1 when there is one.

Usage: python3 fuzz/fields.py [--binary PATH] [--limit N] DIR [DIR ...]

`--limit` takes at most N fields of each document, chosen the same way every run (for large
trees such as ../shared/corpus). Needs PyYAML. The copies go to a temporary directory, removed
afterwards.
"""

import argparse
import collections
import copy
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

import yaml

TYPES = {"number": 7, "list": ["x", 1], "object": {"a": 1}, "null": None, "true": True}
BATCH = 250
CONFIGS = ("govlint.yaml", ".govlint.yaml")


def fields(value, path=()):
    """Every field under `value` as (path, value), scalars and containers alike."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from fields(v, path + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from fields(v, path + (i,))
    if path:
        yield path, value


def documents(path):
    """(documents, Markdown body or None) of an artifact file, or None when it is not one."""
    try:
        text = open(path, encoding="utf-8").read()
        if path.endswith(".md"):
            if not text.startswith("---\n"):
                return None
            end = text.index("\n---", 4)
            return [yaml.safe_load(text[4:end])], text[end:]
        if path.endswith((".json", ".jsonld")):
            return [json.loads(text)], None
        if path.endswith((".yaml", ".yml")):
            return list(yaml.safe_load_all(text)), None
    except (ValueError, yaml.YAMLError, UnicodeDecodeError):
        return None
    return None


def render(docs, body, path):
    dump = lambda d: json.dumps(d, default=str)
    if body is not None:
        return "---\n" + dump(docs[0]) + body
    if path.endswith((".json", ".jsonld")):
        return dump(docs[0])
    return "\n---\n".join(dump(d) for d in docs)


def mutants(root, out, limit):
    """Writes the copies under `out`; returns {copy directory: (file, document, field, type)}."""
    made = {}
    # The tree's config applies to every copy (it classifies Helm values, for one); it is not
    # itself changed, as a config of the wrong shape is a tool error, not a rule's.
    for config in CONFIGS:
        if os.path.isfile(os.path.join(root, config)):
            shutil.copy(os.path.join(root, config), os.path.join(out, config))
    for base, _, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(base, name)
            rel = os.path.relpath(path, root)
            read = None if rel in CONFIGS else documents(path)
            if read is None:
                continue
            docs, body = read
            for di, doc in enumerate(docs):
                if doc is None:
                    continue
                chosen = list(fields(doc))
                if limit and len(chosen) > limit:
                    chosen = random.Random(f"{rel}:{di}").sample(chosen, limit)
                for field, value in chosen:
                    for kind, new in TYPES.items():
                        if type(value) is type(new) and value == new:
                            continue
                        changed = copy.deepcopy(docs)
                        target = changed[di]
                        for k in field[:-1]:
                            target = target[k]
                        target[field[-1]] = copy.deepcopy(new)
                        name_dir = f"m{len(made):06d}"
                        dest = os.path.join(out, name_dir, rel)
                        os.makedirs(os.path.dirname(dest), exist_ok=True)
                        with open(dest, "w", encoding="utf-8") as f:
                            f.write(render(changed, body, path))
                        made[name_dir] = (rel, di, list(field), kind)
    return made


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="+")
    ap.add_argument("--binary", default="target/release/govlint")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()
    binary = os.path.abspath(args.binary)
    failures = collections.defaultdict(set)
    total = 0
    for root in args.dirs:
        with tempfile.TemporaryDirectory(prefix="govlint-fields-") as out:
            made = mutants(root, out, args.limit)
            total += len(made)
            names = sorted(made)
            for i in range(0, len(names), BATCH):
                batch = [os.path.join(out, n) for n in names[i : i + BATCH]]
                run = subprocess.run([binary, "check", "--format", "json", *batch], capture_output=True, text=True, cwd=out)
                if run.returncode == 2 or not run.stdout.strip():
                    failures[f"tool error: {run.stderr.strip()[:200]}"].add(root)
                    continue
                for d in json.loads(run.stdout)["diagnostics"]:
                    if d["rule"] != "policy-error":
                        continue
                    copy_dir = next((p for p in d["file"].split(os.sep) if p in made), None)
                    # A repository rule's failure is placed at the config, not at a copy.
                    where = json.dumps(made[copy_dir]) if copy_dir else f"{root} (repository rules)"
                    failures[d["message"][:160]].add(where)
    for message, where in sorted(failures.items(), key=lambda kv: -len(kv[1])):
        print(f"{len(where)} {message}")
        for w in sorted(where)[:5]:
            print(f"    {w}")
    print(f"{total} copies checked, {sum(len(w) for w in failures.values())} failures", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
