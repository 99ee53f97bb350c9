#!/usr/bin/env bash
# Builds the release binary of govlint for one target and packs it as the release workflow
# attaches it: OUT_DIR/govlint-TARGET.tar.gz (the binary, README.md) and its SHA-256 in
# OUT_DIR/govlint-TARGET.tar.gz.sha256, in `sha256sum` format (see ci/release-pack.sh).
#
#   ci/release-build.sh TARGET [OUT_DIR]      (OUT_DIR defaults to dist/)
#
# GOVLINT_SOURCE names another source tree to build (the crate as `cargo package` made it);
# the build goes to CARGO_TARGET_DIR when it is set.
#
# Linux targets are built with cargo-zigbuild against glibc 2.17, so that one binary runs on
# every distribution of the last ten years (CentOS 7 and later) whatever the builder's glibc;
# zig also cross-compiles the C inside (libgit2, mimalloc) for aarch64. Other targets are
# built by cargo on a runner of their own OS.
set -euo pipefail

target=${1:?usage: ci/release-build.sh TARGET [OUT_DIR]}
out=${2:-dist}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "${GOVLINT_SOURCE:-$root}"

case "$target" in
  *-linux-gnu)
    # The suffix names the oldest glibc the binary may need; the artifacts land in
    # target/$target/release all the same.
    cargo zigbuild --release --locked --target "$target.2.17"
    ;;
  *)
    cargo build --release --locked --target "$target"
    ;;
esac

exe=govlint
case "$target" in *-windows-*) exe=govlint.exe ;; esac
binary="${CARGO_TARGET_DIR:-target}/$target/release/$exe"
[ -f "$binary" ] || { echo "ci/release-build.sh: $binary was not built" >&2; exit 1; }

"$root/ci/release-pack.sh" "$target" "$binary" "$out"
