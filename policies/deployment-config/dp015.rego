# METADATA
# title: Serving containers have readiness and liveness probes
# description: >-
#   Every serving container has a readiness probe (no traffic before the model is loaded) and a
#   liveness probe (a hung server is restarted). Kubernetes: `readinessProbe` and `livenessProbe`
#   of the serving containers of long-running workloads (the model-server container of KServe
#   resources, the `main` container of an LLMInferenceService, otherwise the containers that
#   declare ports, or all of them when none does; Jobs and init containers are not serving). A
#   `startupProbe` does not replace either. What the platform supplies is not reported: KServe
#   gives the model-server container of an InferenceService or ServingRuntime a TCP readiness
#   probe (raw deployment: the deployment reconciler; serverless: Knative's default probe), but
#   no liveness probe, so only the liveness probe is required there; a model-format shorthand
#   (`predictor.model`) takes its probes from the ServingRuntime, which is checked instead; the
#   LLMInferenceService base template (kserve-config-llm-template) supplies both probes of the
#   `main` container. docker-compose: a `healthcheck` (not disabled) on every serving service (a
#   model server, else those that publish ports, or all when none does; not monitoring or
#   utility images) —
#   compose has one health check for both purposes. Helm values: only where the values expose
#   probes — a section that declares one of `readinessProbe`/`livenessProbe` but not the other,
#   or leaves one empty; charts usually set probes in their templates, so absence is not reported.
# related_resources:
#   - ref: https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/
#     description: Kubernetes, configure liveness, readiness and startup probes
#   - ref: https://kserve.github.io/website/docs/admin-guide/kubernetes-deployment
#     description: KServe raw deployment (default TCP readiness probe on the model-server container)
#   - ref: https://docs.docker.com/reference/compose-file/services/#healthcheck
#     description: Compose services, healthcheck
# custom:
#   id: DP015
#   severity: warning
#   kinds: [deployment-config]
#   layer: infrastructure
#   stage: operations-management
#   frameworks:
#     caict-roadmap-2024: "operations management: service state monitoring"
#     baseline: hygiene
#   remediation: >-
#     Add `readinessProbe` and `livenessProbe` (for vLLM, SGLang and TGI an `httpGet` on
#     `/health`; add a `startupProbe` for slow model loads) to each serving container; in compose,
#     add a `healthcheck`.
#   examples:
#     pass: "readinessProbe: {httpGet: {path: /health, port: 8000}}\nlivenessProbe: {httpGet: {path: /health, port: 8000}}"
#     fail: "containers: [{name: vllm, image: vllm/vllm-openai@sha256:…, ports: [{containerPort: 8000}]}]"
#   evidence:
#     needs: >-
#       the readiness and liveness probes of serving containers, the healthchecks of compose
#       services, and the probes of Helm values sections
#   i18n:
#     zh-CN:
#       title: 推理服务容器须配置就绪与存活探针
#       description: >-
#         每个提供服务的容器都应配置就绪探针（模型加载完成前不接收流量）和存活探针（服务僵死时自动重启），
#         以满足《大模型落地路线图研究报告（2024年）》运营管理阶段对服务状态监测的要求。平台自动补齐的探针
#         不作报告：KServe 会为 InferenceService / ServingRuntime 的模型服务容器添加 TCP 就绪探针（但不加
#         存活探针），故仅要求存活探针；模型格式简写（`predictor.model`）的探针来自 ServingRuntime；
#         LLMInferenceService 的基础模板为 `main` 容器提供两种探针。docker-compose 要求已发布服务配置
#         `healthcheck`；Helm values 仅在其暴露探针配置但缺少其一或为空时报告。
#       remediation: >-
#         为每个服务容器添加 `readinessProbe` 与 `livenessProbe`（vLLM、SGLang、TGI 可对 `/health` 做
#         `httpGet`；模型加载较慢时再加 `startupProbe`）；compose 中添加 `healthcheck`。
#       evidence: >-
#         服务容器的就绪与存活探针、compose 服务的健康检查，以及 Helm values 各部分的探针。
#       clauses:
#         caict-roadmap-2024: "运营管理：服务状态监测"
#       messages:
#         "the top level": "顶层"
#         "container `%s` has no %s": "容器 `%s` 未配置 %s"
#         "container `%s` has no %s (KServe adds only a readiness probe)": "容器 `%s` 未配置 %s（KServe 仅自动添加就绪探针）"
#         "service `%s` declares no healthcheck": "服务 `%s` 未声明 healthcheck"
#         "service `%s` disables its healthcheck": "服务 `%s` 禁用了 healthcheck"
#         "%s sets %s but no %s": "%s 配置了 %s，但未配置 %s"
#         "%s leaves %s empty": "%s 的 %s 为空"
#         "no serving container is defined in this document": "该文档未定义服务容器"
package govlint.rules.dp015

import data.govlint.lib.deploy
import rego.v1

probes := ["readinessProbe", "livenessProbe"]

# --- Kubernetes ---------------------------------------------------------------------------

missing(c, probe) := sprintf("container `%s` has no %s (KServe adds only a readiness probe)", [c.name, probe]) if {
	"readinessProbe" in c.supplied
} else := sprintf("container `%s` has no %s", [c.name, probe])

deny contains {"msg": missing(c, probe), "path": array.concat(c.path, [probe])} if {
	data.govlint.lib.deploy.format == "kubernetes"
	some c in data.govlint.lib.deploy.containers
	c.serving
	some probe in probes
	not probe in c.supplied
	not is_object(c.container[probe])
}

# --- docker-compose -----------------------------------------------------------------------

disabled(hc) if hc.disable == true

disabled(hc) if hc.test == "NONE"

disabled(hc) if {
	is_array(hc.test)
	hc.test[0] == "NONE"
}

deny contains {"msg": sprintf("service `%s` declares no healthcheck", [c.name]), "path": array.concat(c.path, ["healthcheck"])} if {
	data.govlint.lib.deploy.format == "compose"
	some c in data.govlint.lib.deploy.containers
	c.serving
	not is_object(c.container.healthcheck)
}

deny contains {"msg": sprintf("service `%s` disables its healthcheck", [c.name]), "path": array.concat(c.path, ["healthcheck"])} if {
	data.govlint.lib.deploy.format == "compose"
	some c in data.govlint.lib.deploy.containers
	c.serving
	disabled(c.container.healthcheck)
}

# --- Helm values --------------------------------------------------------------------------

deny contains {"msg": sprintf("%s sets %s but no %s", [deploy.place(s.path), other, probe]), "path": array.concat(s.path, [probe])} if {
	some s in data.govlint.lib.deploy.helm_sections
	some probe in probes
	some other in probes
	other != probe
	other in object.keys(s.section)
	not probe in object.keys(s.section)
}

deny contains {"msg": sprintf("%s leaves %s empty", [deploy.place(s.path), probe]), "path": array.concat(s.path, [probe])} if {
	some s in data.govlint.lib.deploy.helm_sections
	some probe in probes
	probe in object.keys(s.section)
	v := s.section[probe]
	not non_empty(v)
}

non_empty(v) if {
	is_object(v)
	count(v) > 0
}

# What the rule judges (docs/policies.md, "Evidence"): the probes or healthchecks of serving
# containers, and Helm sections that set a probe. A Kubernetes or compose document without a serving
# container is none of its business; Helm values that set no probe lack the evidence.
evidence if {
	data.govlint.lib.deploy.format in {"kubernetes", "compose"}
	some c in data.govlint.lib.deploy.containers
	c.serving
}

evidence if {
	some s in data.govlint.lib.deploy.helm_sections
	some probe in probes
	probe in object.keys(s.section)
}

no_subject contains "no serving container is defined in this document" if {
	data.govlint.lib.deploy.format in {"kubernetes", "compose"}
	not evidence
}

no_subject contains r if r := data.govlint.lib.deploy.manifest_no_workload
