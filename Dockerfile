# syntax=docker/dockerfile:1
# govlint's container image: the release binary on a small Debian with git (for --staged and
# --changed-since), run as a non-root user.
#
#   docker run --rm -v "$PWD:/repo" -w /repo IMAGE check
#
# The builder runs on the build machine's own platform and links the binary for the image's
# (linux/amd64 or linux/arm64) with zig, as the release workflow builds the Linux archives:
# ci/release-build.sh, glibc 2.17. No emulation is needed to build an arm64 image.

ARG RUST_VERSION=1.95

FROM --platform=$BUILDPLATFORM rust:${RUST_VERSION}-bookworm AS build
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
ARG TARGETARCH
# The commit `govlint --version` names (.git is not sent to the builder).
ARG GOVLINT_BUILD_COMMIT=""
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3-venv \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY ci/requirements-release.txt ci/
RUN python3 -m venv /opt/zig && /opt/zig/bin/pip install --no-cache-dir -r ci/requirements-release.txt
ENV PATH=/opt/zig/bin:$PATH
COPY . .
RUN case "$TARGETARCH" in \
      amd64) target=x86_64-unknown-linux-gnu ;; \
      arm64) target=aarch64-unknown-linux-gnu ;; \
      *) echo "no govlint build for $TARGETARCH" >&2; exit 1 ;; \
    esac \
 && rustup target add "$target" \
 && GOVLINT_BUILD_COMMIT="$GOVLINT_BUILD_COMMIT" ci/release-build.sh "$target" /dist \
 && tar -xzf "/dist/govlint-$target.tar.gz" -C /dist \
 && install -m 755 "/dist/govlint-$target/govlint" /usr/local/bin/govlint

FROM debian:bookworm-slim
# git reads the repository for --staged and --changed-since. The mounted repository belongs to
# another user than the image's; without safe.directory git refuses to open it, and govlint
# would neither see what git ignores nor find the base of --changed-since.
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && git config --system --add safe.directory '*' \
 && useradd --uid 10001 --user-group --create-home --shell /usr/sbin/nologin govlint
COPY --from=build /usr/local/bin/govlint /usr/local/bin/govlint
USER 10001:10001
WORKDIR /repo
ENTRYPOINT ["govlint"]
CMD ["check"]
