#!/usr/bin/env bash
# Builds the fuzz seed corpora from ../shared/corpus (beside the project), without copying them
# into the repository: fuzz/corpus/ is ignored by git.
#   usage: fuzz/seed-corpus.sh [CORPUS_DIR]   (default: ../shared/corpus relative to the project)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-$here/../../shared/corpus}"
[ -d "$src" ] || { echo "no corpus at $src" >&2; exit 2; }
for target in yaml json front_matter; do mkdir -p "$here/corpus/$target"; done
# Each file goes in under a name made from its path, so reruns replace rather than duplicate.
find "$src" -type f \( -name '*.yaml' -o -name '*.yml' \) -size -1024k -print0 |
  while IFS= read -r -d '' f; do cp "$f" "$here/corpus/yaml/$(echo "${f#$src/}" | tr '/' '_')"; done
find "$src" -type f -name '*.json' -size -1024k -print0 |
  while IFS= read -r -d '' f; do cp "$f" "$here/corpus/json/$(echo "${f#$src/}" | tr '/' '_')"; done
find "$src" -type f -name '*.md' -size -1024k -print0 |
  while IFS= read -r -d '' f; do cp "$f" "$here/corpus/front_matter/$(echo "${f#$src/}" | tr '/' '_')"; done
for target in yaml json front_matter; do
  echo "$target: $(ls "$here/corpus/$target" | wc -l) seeds"
done
