# METADATA
# title: Serving containers declare resource requests and limits
# description: >-
#   Every serving container declares CPU and memory requests and limits, and a container that
#   asks for an accelerator declares it as a limit. Without them the scheduler cannot plan
#   capacity, one model server can starve its neighbours, and an out-of-memory kill is the first
#   sign of a sizing error. Kubernetes (every workload kind, KServe, Knative, Argo Rollouts):
#   `resources.requests` and `resources.limits` of the serving containers — the model-server
#   container of KServe resources, the `main` container of an LLMInferenceService, otherwise the
#   containers that declare ports (all of them when none does); init containers and Jobs are
#   not serving containers. A missing request is not reported when the limit is set, because
#   Kubernetes copies the limit into the request. KServe InferenceService components get cpu and
#   memory requests and limits from KServe's defaulting webhook (inferenceservice-config), so
#   only their accelerators are checked. Accelerators (`nvidia.com/gpu`, MIG profiles,
#   `amd.com/gpu`, Intel, Habana, Neuron, TPU): a request needs a matching limit, and a pod pinned
#   to accelerator nodes (a GPU nodeSelector or toleration) must request one. docker-compose:
#   the limits of serving services (a model server, else those that publish ports, or all
#   when none does; not monitoring or utility images) (`deploy.resources.limits.cpus` /
#   `.memory`, or `cpus` /
#   `mem_limit`); compose reservations only steer placement, so requests are not required there.
#   Helm values: the `resources` block beside an image (or the vLLM production stack's
#   `requestCPU`/`requestMemory`/`limitCPU`/`limitMemory` fields) when the values expose one;
#   values that expose none are not reported, since the chart's templates decide. Which
#   resources need a request and a limit are parameters.
# related_resources:
#   - ref: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/
#     description: Kubernetes, resource management for pods and containers (requests default to limits)
#   - ref: https://kubernetes.io/docs/tasks/manage-gpus/scheduling-gpus/
#     description: Kubernetes, scheduling GPUs (extended resources are specified in limits)
#   - ref: https://docs.docker.com/reference/compose-file/deploy/#resources
#     description: Compose deploy specification, resources
# custom:
#   id: DP014
#   severity: warning
#   kinds: [deployment-config]
#   layer: infrastructure
#   stage: application-deployment
#   frameworks:
#     caict-roadmap-2024: "infrastructure: compute planning and resource scheduling"
#     baseline: hygiene
#   params: [requests, limits]
#   remediation: >-
#     Set `resources.requests` and `resources.limits` for cpu and memory on each serving
#     container, and the accelerator (e.g. `nvidia.com/gpu: 1`) under `limits`; in compose, set
#     `deploy.resources.limits.cpus` and `.memory`.
#   examples:
#     pass: "resources: {requests: {cpu: '8', memory: 48Gi}, limits: {cpu: '16', memory: 64Gi, nvidia.com/gpu: '1'}}"
#     fail: "resources: {limits: {nvidia.com/gpu: 1}}"
#   evidence:
#     needs: >-
#       the resource requests and limits of serving containers (Kubernetes, KServe, compose) and
#       the `resources` of Helm values sections
#   i18n:
#     zh-CN:
#       title: 推理服务容器须声明资源请求与上限
#       description: >-
#         每个提供服务的容器都应声明 CPU 与内存的 requests 和 limits；申请 GPU 等加速卡时须在 limits 中声明。
#         否则调度器无法进行容量规划，单个模型服务可能挤占同节点其他服务，直到 OOM 才暴露容量问题，
#         不符合《大模型落地路线图研究报告（2024年）》基础设施层算力规划与资源调度的要求。
#         Kubernetes 中若只设置 limit，请求值默认等于上限，故不重复报告；KServe InferenceService 的
#         CPU/内存由 KServe 默认值补齐，只检查加速卡；docker-compose 检查已发布服务的 limits；
#         Helm values 仅在其暴露 `resources`（或 vLLM production stack 的 requestCPU 等字段）时检查。
#         需要检查的资源种类为可配置参数。
#       remediation: >-
#         为每个服务容器设置 cpu 与 memory 的 `resources.requests` 和 `resources.limits`，加速卡（如
#         `nvidia.com/gpu: 1`）写在 `limits` 下；compose 中设置 `deploy.resources.limits.cpus` 与 `.memory`。
#       evidence: >-
#         服务容器（Kubernetes、KServe、compose）的资源请求与上限，以及 Helm values 各部分的
#         `resources`。
#       clauses:
#         caict-roadmap-2024: "基础设施：算力规划与资源调度"
#       messages:
#         "the top level": "顶层"
#         "request or limit": "request 或 limit"
#         "limit": "limit"
#         "container `%s` has no %s %s (resources.%s.%s)": "容器 `%s` 未设置 %s 的 %s（resources.%s.%s）"
#         "container `%s` requests %v `%s` but sets no limit for it; accelerators are allocated by limit": "容器 `%s` 请求了 %v 个 `%s`，但未为其设置上限；加速卡按 limits 分配"
#         "the pod is pinned to accelerator nodes (%s) but no container requests an accelerator": "Pod 被调度到加速卡节点（%s），但没有容器申请加速卡"
#         "service `%s` has no %s limit (deploy.resources.limits.%s)": "服务 `%s` 未设置 %s 上限（deploy.resources.limits.%s）"
#         "%s has no %s %s (resources.%s.%s)": "%s 未设置 %s 的 %s（resources.%s.%s）"
#         "%s sets `resources` to an empty value: no requests or limits": "%s 将 `resources` 设为空值：既无 requests 也无 limits"
#         "%s has no %s %s (`%s`)": "%s 未设置 %s 的 %s（`%s`）"
#         "no serving container is defined in this document": "该文档未定义服务容器"
package govlint.rules.dp014

import data.govlint.lib.deploy
import rego.v1

params := data.govlint.params.dp014

obj(x) := x if is_object(x)

default obj(_) := {}

set_in(m, r) if deploy.quantity(object.get(obj(m), r, null))

resources(c) := obj(object.get(c, "resources", {}))

# --- Kubernetes ---------------------------------------------------------------------------

k8s_serving contains c if {
	data.govlint.lib.deploy.format == "kubernetes"
	some c in data.govlint.lib.deploy.containers
	c.serving
}

# What is missing for resource `r`, given the request and limit maps; one finding per resource.
missing(requests, limits, r) := "request or limit" if {
	r in params.requests
	not set_in(requests, r)
	not set_in(limits, r)
}

missing(requests, limits, r) := "request or limit" if {
	not r in params.requests
	r in params.limits
	not set_in(limits, r)
	not set_in(requests, r)
}

missing(requests, limits, r) := "limit" if {
	r in params.limits
	set_in(requests, r)
	not set_in(limits, r)
}

wanted contains r if some r in params.requests

wanted contains r if some r in params.limits

# Where to point: the limit when one is wanted, else the request.
slot(r) := "limits" if r in params.limits

slot(r) := "requests" if not r in params.limits

deny contains {
	"msg": sprintf("container `%s` has no %s %s (resources.%s.%s)", [c.name, r, what, slot(r), r]),
	"path": array.concat(c.path, ["resources", slot(r), r]),
} if {
	some c in k8s_serving
	not "resources" in c.supplied
	res := resources(c.container)
	some r in wanted
	what := missing(object.get(res, "requests", {}), object.get(res, "limits", {}), r)
}

# An accelerator request without a limit: Kubernetes only schedules extended resources by limit.
deny contains {
	"msg": sprintf("container `%s` requests %v `%s` but sets no limit for it; accelerators are allocated by limit", [c.name, q, r]),
	"path": array.concat(c.path, ["resources", "limits", r]),
} if {
	data.govlint.lib.deploy.format == "kubernetes"
	some c in data.govlint.lib.deploy.containers
	some r, q in obj(resources(c.container).requests)
	deploy.accelerator(r)
	not set_in(resources(c.container).limits, r)
}

pod_requests_accelerator(pod) if {
	some c in data.govlint.lib.deploy.containers
	c.pod.path == pod.path
	res := resources(c.container)
	some part in [obj(object.get(res, "limits", {})), obj(object.get(res, "requests", {}))]
	some r, q in part
	deploy.accelerator(r)
	deploy.quantity(q)
}

deny contains {
	"msg": sprintf("the pod is pinned to accelerator nodes (%s) but no container requests an accelerator", [nodes[0][1]]),
	"path": array.concat(first, ["resources", "limits"]),
} if {
	data.govlint.lib.deploy.format == "kubernetes"
	some pod in data.govlint.lib.deploy.pod_specs
	pod.platform != "batch"
	nodes := deploy.accelerator_nodes(pod)
	count(nodes) > 0
	not pod_requests_accelerator(pod)
	paths := sort([c.path | some c in data.govlint.lib.deploy.containers; c.pod.path == pod.path; c.serving])
	count(paths) > 0
	first := paths[0]
}

# --- docker-compose -----------------------------------------------------------------------

# Compose spellings of a limit: the Compose Deploy spec, then the legacy service keys.
compose_limit_keys := {"cpu": ["cpus", "cpus"], "memory": ["memory", "mem_limit"]}

deny contains {
	"msg": sprintf("service `%s` has no %s limit (deploy.resources.limits.%s)", [c.name, r, keys[0]]),
	"path": array.concat(c.path, ["deploy", "resources", "limits", keys[0]]),
} if {
	data.govlint.lib.deploy.format == "compose"
	some c in data.govlint.lib.deploy.containers
	c.serving
	some r in params.limits
	keys := compose_limit_keys[r]
	not deploy.quantity(object.get(c.container, ["deploy", "resources", "limits", keys[0]], null))
	not deploy.quantity(object.get(c.container, keys[1], null))
}

# --- Helm values --------------------------------------------------------------------------

# vLLM production-stack shorthands for a model's resources.
simplified := {
	"requests": {"cpu": "requestCPU", "memory": "requestMemory"},
	"limits": {"cpu": "limitCPU", "memory": "limitMemory"},
}

has_simplified(section) if {
	some part in simplified
	some key in part
	key in object.keys(section)
}

# A section with a non-empty `resources` block.
helm_full contains s if {
	some s in data.govlint.lib.deploy.helm_sections
	count(obj(s.section.resources)) > 0
}

deny contains {
	"msg": sprintf("%s has no %s %s (resources.%s.%s)", [deploy.place(s.path), r, what, slot(r), r]),
	"path": array.concat(s.path, ["resources", slot(r), r]),
} if {
	some s in helm_full
	res := obj(s.section.resources)
	some r in wanted
	what := missing(object.get(res, "requests", {}), object.get(res, "limits", {}), r)
}

# `resources: {}` with nothing else: the chart renders no resources at all.
deny contains {
	"msg": sprintf("%s sets `resources` to an empty value: no requests or limits", [deploy.place(s.path)]),
	"path": array.concat(s.path, ["resources"]),
} if {
	some s in data.govlint.lib.deploy.helm_sections
	"resources" in object.keys(s.section)
	count(obj(s.section.resources)) == 0
	not has_simplified(s.section)
}

deny contains {
	"msg": sprintf("%s has no %s %s (`%s`)", [deploy.place(s.path), r, what, key]),
	"path": array.concat(s.path, [key]),
} if {
	some s in data.govlint.lib.deploy.helm_sections
	count(obj(object.get(s.section, "resources", {}))) == 0
	has_simplified(s.section)
	some r in wanted
	what := missing(sim(s.section, "requests", r), sim(s.section, "limits", r), r)
	key := object.get(simplified, [slot(r), r], r)
}

# The shorthand fields of a section as a Kubernetes-style map for `r`.
sim(section, kind, r) := {r: v} if {
	v := section[simplified[kind][r]]
	deploy.quantity(v)
}

default sim(_, _, _) := {}

# What the rule judges (docs/policies.md, "Evidence"): the resources of serving containers and of
# Helm sections that set them. A Kubernetes or compose document without a serving container is none
# of its business; Helm values that set no resources lack the evidence (the chart may set them).
evidence if some _ in k8s_serving

evidence if {
	data.govlint.lib.deploy.format == "compose"
	some c in data.govlint.lib.deploy.containers
	c.serving
}

evidence if {
	some s in data.govlint.lib.deploy.helm_sections
	"resources" in object.keys(s.section)
}

evidence if {
	some s in data.govlint.lib.deploy.helm_sections
	has_simplified(s.section)
}

no_subject contains "no serving container is defined in this document" if {
	data.govlint.lib.deploy.format in {"kubernetes", "compose"}
	not evidence
}

no_subject contains r if r := data.govlint.lib.deploy.manifest_no_workload
