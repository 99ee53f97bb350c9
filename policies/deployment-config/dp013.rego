# METADATA
# title: Serving images are pinned by digest
# description: >-
#   Every container image of a serving workload is referenced by an immutable digest
#   (`image@sha256:…`). A tag — and above all `latest` or no tag at all — can change under a
#   running service, so what was reviewed is not what runs. Reads the containers and init
#   containers of every Kubernetes workload kind, KServe InferenceService components (custom
#   containers and model-format shorthands that name an image), ServingRuntimes,
#   LLMInferenceService templates, Knative Services and Argo Rollouts; the `image` of each
#   docker-compose service (services built locally with `build:` and no `image` are skipped);
#   and the image references of Helm values files (`image:` strings, `image: {repository, tag,
#   digest}` objects, `repository` + `tag` pairs), except in sections a chart switch disables
#   (`enabled: false`). Containers whose image the platform supplies (a KServe shorthand without
#   `image`, the `main` container of an LLMInferenceService) are checked where the image is
#   defined: the ServingRuntime or the platform's configuration. Template expressions and
#   placeholders are reported too: the reviewed file does not name a pinned image. Compose files
#   are read with their variables' defaults (`${IMAGE:-repo@sha256:…}` is pinned), as compose
#   runs them when the variable is not set.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/containers/images/#image-names
#     description: Kubernetes, image names, tags and digests
#   - ref: https://slsa.dev/spec/v1.0/requirements
#     description: SLSA v1.0, immutable references to build artifacts
# custom:
#   id: DP013
#   severity: error
#   kinds: [deployment-config]
#   layer: infrastructure
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "infrastructure: supply-chain security of the serving stack"
#     baseline: hygiene
#   remediation: >-
#     Reference the image by digest, e.g. `ghcr.io/org/server@sha256:<64 hex>` (a tag may stay
#     before the `@` for readability); in Helm values set the chart's `digest` field, or a tag of
#     the form `v1.2.3@sha256:<64 hex>`.
#   examples:
#     pass: "image: vllm/vllm-openai:v0.6.3@sha256:4f0d4a0c5e8c2b2a0c9f7f3b3a2d6e8f1a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d"
#     fail: "image: vllm/vllm-openai:latest"
#   evidence:
#     needs: >-
#       the image of each container of a Kubernetes workload, KServe resource or compose service,
#       and the image references of Helm values
#   i18n:
#     zh-CN:
#       title: 服务镜像须以摘要（digest）固定
#       description: >-
#         推理服务的每个容器镜像都应以不可变的摘要引用（`image@sha256:…`）。标签（尤其是 `latest`
#         或不写标签）可能在服务运行期间被重新指向，导致实际运行的镜像与评审时不一致，属于
#         《大模型落地路线图研究报告（2024年）》基础设施层所关注的供应链安全问题。检查范围包括
#         Kubernetes 各类工作负载的容器与初始化容器、KServe InferenceService / ServingRuntime /
#         LLMInferenceService、Knative Service、Argo Rollout、docker-compose 服务以及 Helm values
#         中的镜像引用（已通过 `enabled: false` 关闭的部分除外）。
#       remediation: >-
#         以摘要引用镜像，例如 `ghcr.io/org/server@sha256:<64 位十六进制>`（可在 `@` 前保留标签以便阅读）；
#         Helm values 中请填写 chart 的 `digest` 字段，或使用 `v1.2.3@sha256:<64 位十六进制>` 形式的标签。
#       evidence: >-
#         Kubernetes 工作负载、KServe 资源或 compose 服务中各容器的镜像，
#         以及 Helm values 中的镜像引用。
#       clauses:
#         caict-roadmap-2024: "基础设施：服务栈的供应链安全"
#       messages:
#         "the top level": "顶层"
#         "image `%s` at the top level %s": "镜像 `%s`（位于顶层）%s"
#         "uses the tag `%s`, not a digest": "使用标签 `%s` 而非摘要"
#         "uses the `latest` tag, not a digest": "使用 `latest` 标签而非摘要"
#         "has no tag or digest (it pulls `latest`)": "既无标签也无摘要（将拉取 `latest`）"
#         "has a malformed digest (expected `@sha256:` and 64 hex digits)": "摘要格式有误（应为 `@sha256:` 加 64 位十六进制数）"
#         "is set by a variable or template, so the file does not pin it": "由变量或模板给出，文件本身未固定镜像"
#         "image `%s` of container `%s` %s": "容器 `%[2]s` 的镜像 `%[1]s` %[3]s"
#         "image `%s` at %s %s": "镜像 `%s`（位于 %s）%s"
#         "no container of this document names an image (a platform, a ServingRuntime or a local build supplies it)": "该文档的容器均未指明镜像（由平台、ServingRuntime 或本地构建提供）"
package govlint.rules.dp013

import data.govlint.lib.deploy
import rego.v1

digest_pattern := `@sha(256:[a-f0-9]{64}|512:[a-f0-9]{128})$`

pinned(ref) if regex.match(digest_pattern, ref)

# The tag of an image reference ("" when there is none).
tag(ref) := t if {
	name := split(ref, "@")[0]
	parts := split(name, "/")
	last := parts[count(parts) - 1]
	contains(last, ":")
	t := substring(last, indexof(last, ":") + 1, -1)
}

default tag(_) := ""

# What is wrong with an unpinned reference. One set by a variable or a template (`${IMAGE}`,
# `{{ .Values.image }}`) names no image in the file; compose files come with their defaults
# already read (`${IMAGE:-repo@sha256:…}` is the pinned default).
problem(ref) := "is set by a variable or template, so the file does not pin it" if {
	regex.match(`\$\{|\$[A-Za-z_]|\{\{`, ref)
} else := "has a malformed digest (expected `@sha256:` and 64 hex digits)" if {
	contains(ref, "@")
} else := "uses the `latest` tag, not a digest" if {
	tag(ref) == "latest"
} else := "has no tag or digest (it pulls `latest`)" if {
	tag(ref) == ""
} else := sprintf("uses the tag `%s`, not a digest", [tag(ref)])

deny contains {"msg": sprintf("image `%s` of container `%s` %s", [c.image, c.name, problem(c.image)]), "path": array.concat(c.path, ["image"])} if {
	some c in data.govlint.lib.deploy.containers
	is_string(c.image)
	trim_space(c.image) != ""
	not pinned(c.image)
}

deny contains {"msg": sprintf("image `%s` at %s %s", [img.ref, deploy.place(img.section), problem(img.ref)]), "path": img.path} if {
	some img in data.govlint.lib.deploy.helm_images
	not pinned(img.ref)
}

# What the rule judges (docs/policies.md, "Evidence"): the image references it reads. A Kubernetes
# or compose document that names no image (a Namespace, a ConfigMap; a KServe shorthand or a local
# build whose image is supplied elsewhere) is none of its business; a Helm values file without
# image references lacks the evidence (the chart may set them).
evidence if {
	some c in data.govlint.lib.deploy.containers
	is_string(c.image)
	trim_space(c.image) != ""
}

evidence if some _ in data.govlint.lib.deploy.helm_images

no_subject contains "no container of this document names an image (a platform, a ServingRuntime or a local build supplies it)" if {
	data.govlint.lib.deploy.format in {"kubernetes", "compose"}
	not evidence
	some _ in data.govlint.lib.deploy.containers
}

no_subject contains r if {
	data.govlint.lib.deploy.format in {"kubernetes", "compose"}
	r := data.govlint.lib.deploy.no_containers
}

no_subject contains r if r := data.govlint.lib.deploy.manifest_no_workload
