#!/usr/bin/env bash
# Packs a built govlint binary as a release asset: OUT_DIR/govlint-TARGET.tar.gz holding
# govlint-TARGET/govlint (govlint.exe on Windows), README.md and LICENSE, and beside it
# govlint-TARGET.tar.gz.sha256 in `sha256sum` format. The GitHub Action and the install
# commands in README.md read exactly this layout.
#
#   ci/release-pack.sh TARGET BINARY OUT_DIR
#
# With GNU tar the archive is reproducible: fixed order, owner and modification time
# (SOURCE_DATE_EPOCH, else the commit's time); bsdtar (macOS) lacks those options.
set -euo pipefail

target=${1:?usage: ci/release-pack.sh TARGET BINARY OUT_DIR}
binary=${2:?usage: ci/release-pack.sh TARGET BINARY OUT_DIR}
out=${3:?usage: ci/release-pack.sh TARGET BINARY OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$binary" ] || { echo "ci/release-pack.sh: no binary at $binary" >&2; exit 1; }

exe=govlint
case "$target" in *-windows-*) exe=govlint.exe ;; esac
name="govlint-$target"
archive="$name.tar.gz"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
cp "$binary" "$stage/$name/$exe"
chmod 755 "$stage/$name/$exe"
cp "$root/README.md" "$root/LICENSE" "$stage/$name/"

mkdir -p "$out"
out=$(cd "$out" && pwd)
epoch=${SOURCE_DATE_EPOCH:-$(git -C "$root" log -1 --format=%ct 2>/dev/null || echo 0)}
if tar --version 2>/dev/null | grep -q 'GNU tar'; then
  (cd "$stage" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -cf - "$name") | gzip -n >"$out/$archive"
else
  (cd "$stage" && tar -cf - "$name") | gzip -n >"$out/$archive"
fi
if command -v sha256sum >/dev/null 2>&1; then
  (cd "$out" && sha256sum "$archive" >"$archive.sha256")
else
  (cd "$out" && shasum -a 256 "$archive" >"$archive.sha256")
fi
cat "$out/$archive.sha256"
