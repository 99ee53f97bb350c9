#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml runs each as `ci/action.sh STEP`; tests/it/install.rs
# runs them the same way, with the variables a runner sets).
#
#   install  Download the release archive of the Action's ref for this runner, verify its
#            SHA-256 against the checksum file published beside it, and put govlint on PATH.
#            When no release exists for the ref (a branch, a commit), say so in the step's
#            outputs (build=true, with the directory and cache key of a build) instead.
#            A checksum that does not match is an error, never a reason to build.
#   build    `cargo install` the Action's own checkout into the build directory, unless the
#            cache restored a build there; put it on PATH.
#   check    Run `govlint check` with annotations, SARIF and a job summary. The exit code goes
#            to the step's outputs, so that the SARIF can be uploaded before the job fails.
#
# Inputs come from the environment, never from text pasted into the script:
#   GOVLINT_REF, GOVLINT_REPOSITORY  the Action's ref and owner/name (github.action_ref and
#                                    github.action_repository; the Action's path, which ends
#                                    in OWNER/NAME/REF under _actions/, is read first, as
#                                    those two can be empty in composite actions)
#   GOVLINT_SERVER_URL               github.server_url (default https://github.com)
#   GOVLINT_DOWNLOAD_URL             base URL of the release downloads, for a mirror
#                                    (default SERVER/OWNER/NAME/releases/download)
#   GOVLINT_PATHS, GOVLINT_ARGS      paths and extra arguments: words split as xargs does,
#                                    so quotes keep a path with spaces whole
#   GOVLINT_SARIF                    where the SARIF report goes
set -euo pipefail

fail() {
  echo "::error title=govlint::$*"
  echo "govlint action: $*" >&2
  exit 1
}

output() {
  echo "$1=$2" >>"${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"
}

# The release target of this runner, or nothing when no prebuilt binary exists for it.
runner_target() {
  case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) echo x86_64-unknown-linux-gnu ;;
    Linux/ARM64) echo aarch64-unknown-linux-gnu ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    Windows/X64) echo x86_64-pc-windows-msvc ;;
    *) ;;
  esac
}

# Sets `repository` and `ref` of the Action.
action_ref() {
  local path=${GITHUB_ACTION_PATH:-}
  path=${path//\\//}
  path=${path%/}
  repository=${GOVLINT_REPOSITORY:-}
  ref=${GOVLINT_REF:-}
  case "$path" in
    */_actions/*/*/*)
      local rest=${path##*/_actions/}
      local owner=${rest%%/*}
      rest=${rest#*/}
      local name=${rest%%/*}
      rest=${rest#*/}
      if [ -n "$owner" ] && [ -n "$name" ] && [ -n "$rest" ] && [ "${rest#*/}" = "$rest" ]; then
        repository="$owner/$name"
        ref=$rest
      fi
      ;;
  esac
}

sha256_of() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$1" | cut -d' ' -f1
  else
    shasum -a 256 "$1" | cut -d' ' -f1
  fi
}

# A digest of the Action's sources, so that a build cached for a branch is not reused once
# the branch has moved on.
source_digest() {
  local root=$1
  (
    cd "$root"
    find Cargo.toml Cargo.lock build.rs src policies schemas templates -type f 2>/dev/null | LC_ALL=C sort | while IFS= read -r f; do
      printf '%s %s\n' "$(sha256_of "$f")" "$f"
    done
  ) >"$tmp/sources"
  sha256_of "$tmp/sources" | cut -c1-16
}

# Fetches $1 into $2; prints the HTTP status (000 when nothing answered).
fetch() {
  curl --silent --show-error --location --retry 3 --retry-delay 2 --connect-timeout 20 \
    --output "$2" --write-out '%{http_code}' "$1" || true
}

install() {
  local target url base status expected actual bin
  action_ref
  target=$(runner_target)
  local build_root="${RUNNER_TEMP:?RUNNER_TEMP is not set}/govlint-build"
  if [ -z "$target" ]; then
    echo "no release binary is built for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}: govlint is built from source"
    want_build "$build_root"
    return
  fi
  if [ -z "$ref" ] || [ -z "$repository" ]; then
    echo "the Action's ref is not known (a local action?): govlint is built from source"
    want_build "$build_root"
    return
  fi
  base=${GOVLINT_DOWNLOAD_URL:-${GOVLINT_SERVER_URL:-https://github.com}/$repository/releases/download}
  url="${base%/}/$ref/govlint-$target.tar.gz"
  echo "downloading $url"
  status=$(fetch "$url" "$tmp/govlint.tar.gz")
  case "$status" in
    200) ;;
    404)
      echo "no release of govlint for $ref: govlint is built from source"
      want_build "$build_root"
      return
      ;;
    *) fail "downloading $url failed (HTTP $status)" ;;
  esac
  status=$(fetch "$url.sha256" "$tmp/govlint.tar.gz.sha256")
  [ "$status" = 200 ] || fail "downloading $url.sha256 failed (HTTP $status): the archive cannot be verified"
  expected=$(cut -d' ' -f1 <"$tmp/govlint.tar.gz.sha256" | tr 'A-F' 'a-f')
  actual=$(sha256_of "$tmp/govlint.tar.gz")
  [ "${#expected}" = 64 ] || fail "$url.sha256 holds no SHA-256"
  [ "$expected" = "$actual" ] || fail "checksum mismatch for $url: expected $expected, got $actual"
  echo "verified SHA-256 $actual"
  (cd "$tmp" && tar -xzf govlint.tar.gz)
  bin="$RUNNER_TEMP/govlint/bin"
  mkdir -p "$bin"
  local exe=govlint
  case "$target" in *-windows-*) exe=govlint.exe ;; esac
  [ -f "$tmp/govlint-$target/$exe" ] || fail "the archive has no govlint-$target/$exe"
  cp "$tmp/govlint-$target/$exe" "$bin/$exe"
  chmod +x "$bin/$exe"
  "$bin/$exe" --version
  echo "$bin" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
  output build false
}

want_build() {
  local digest
  digest=$(source_digest "${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set}")
  output build true
  output build-root "$1"
  output cache-key "govlint-${RUNNER_OS:-unknown}-${RUNNER_ARCH:-unknown}-${ref:-local}-$digest"
}

build() {
  local root=${GOVLINT_BUILD_ROOT:?GOVLINT_BUILD_ROOT is not set}
  local exe=govlint
  [ "${RUNNER_OS:-}" = Windows ] && exe=govlint.exe
  if [ -x "$root/bin/$exe" ] && "$root/bin/$exe" --version; then
    echo "using the cached build"
  else
    command -v cargo >/dev/null 2>&1 || fail "no release exists for this ref and cargo is not installed to build one"
    action_ref
    # A ref that is a commit id is the commit `govlint --version` names.
    case "$ref" in
      *[!0-9a-fA-F]* | '') ;;
      *) [ "${#ref}" -ge 7 ] && export GOVLINT_BUILD_COMMIT="$ref" ;;
    esac
    cargo install --locked --path "$GITHUB_ACTION_PATH" --root "$root"
  fi
  echo "$root/bin" >>"${GITHUB_PATH:?GITHUB_PATH is not set}"
}

# Splits $1 into words as xargs does (blanks and newlines separate; quotes and backslashes
# keep them together) into the array `words`. Nothing in the text is run or expanded.
split_words() {
  words=()
  [ -n "${1//[[:space:]]/}" ] || return 0
  printf '%s\n' "$1" | xargs printf '%s\0' >"$tmp/words" || fail "cannot split \`$1\` into words (an unmatched quote?)"
  local word
  while IFS= read -r -d '' word; do
    words+=("$word")
  done <"$tmp/words"
}

check() {
  local paths=() args=() summary="${RUNNER_TEMP:?RUNNER_TEMP is not set}/govlint-summary.md"
  local sarif=${GOVLINT_SARIF:-govlint.sarif}
  split_words "${GOVLINT_PATHS:-.}"
  paths=(${words[@]+"${words[@]}"})
  split_words "${GOVLINT_ARGS:-}"
  args=(${words[@]+"${words[@]}"})
  # Left from an earlier run, they would pass for this run's reports.
  rm -f "$summary" "$sarif"
  local code=0
  govlint check ${paths[@]+"${paths[@]}"} ${args[@]+"${args[@]}"} \
    --format github --format "sarif:$sarif" --format "markdown:$summary" || code=$?
  if [ -f "$summary" ]; then
    cat "$summary" >>"${GITHUB_STEP_SUMMARY:-/dev/null}"
  fi
  if [ -f "$sarif" ]; then output sarif-written true; else output sarif-written false; fi
  output exit-code "$code"
  echo "govlint exited with $code"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case "${1:-}" in
  install) install ;;
  build) build ;;
  check) check ;;
  *) echo "usage: ci/action.sh install|build|check" >&2; exit 2 ;;
esac
