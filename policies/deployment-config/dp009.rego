# METADATA
# title: All four layers of the service are monitored
# description: >-
#   Operating a large-model service means watching four layers: the infrastructure (GPUs, nodes),
#   the data pipeline (input drift), the model at run time (latency, refusals, filter hits) and the
#   application (availability, errors) — each with metrics, alert thresholds and an owner. The
#   native `DeploymentManifest` records `governance.monitoring.{infrastructure, data_pipeline,
#   model_runtime, application}`, each with `metrics`, `thresholds` and `owner`. Applies to every
#   DeploymentManifest. Kubernetes, Helm and compose files carry no field for it (a ServiceMonitor
#   shows that metrics are scraped, not which thresholds alert whom).
# related_resources:
#   - ref: http://www.caict.ac.cn/kxyj/qwfb/
#     description: CAICT, Large Model Deployment Roadmap Research Report (2024), operations management — run-time monitoring
# custom:
#   id: DP009
#   severity: warning
#   kinds: [deployment-config]
#   layer: infrastructure
#   stage: operations-management
#   frameworks:
#     caict-roadmap-2024: "operations management: run-time monitoring of infrastructure, data links and drift, model and application"
#   remediation: >-
#     Add `governance.monitoring.<layer>: {metrics: [...], thresholds: {...}, owner: {name, email}}`
#     for infrastructure, data_pipeline, model_runtime and application.
#   examples:
#     pass: "governance: {monitoring: {infrastructure: {metrics: [gpu_utilization], thresholds: {gpu_memory_utilization: 0.95}, owner: {name: SRE}}, data_pipeline: {…}, model_runtime: {…}, application: {…}}}"
#     fail: "governance: {monitoring: {application: {metrics: [availability]}}}"
#   evidence:
#     needs: >-
#       `governance.monitoring` (infrastructure, data pipeline, model run time, application:
#       metrics, thresholds, owner) in a DeploymentManifest of the service
#   i18n:
#     zh-CN:
#       title: 须对服务的四个层面进行运行监测
#       description: >-
#         《大模型落地路线图研究报告（2024年）》在运营管理阶段要求对大模型应用进行全面的运行监测：基础设施（GPU、节点）、
#         数据链路（输入数据漂移）、模型运行（时延、拒答率、过滤命中）与应用状态（可用性、错误率），每一层都应有监测指标、
#         告警阈值和负责人。DeploymentManifest 应记录 `governance.monitoring` 下的 `infrastructure`、`data_pipeline`、
#         `model_runtime`、`application`，各含 `metrics`、`thresholds` 与 `owner`。
#       remediation: >-
#         为 infrastructure、data_pipeline、model_runtime、application 四层分别添加
#         `governance.monitoring.<层>: {metrics: [...], thresholds: {...}, owner: {name, email}}`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.monitoring`（基础设施、
#         数据链路、模型运行、应用状态：指标、阈值、负责人）。
#       clauses:
#         caict-roadmap-2024: "运营管理：基础设施、数据链路与漂移、模型及应用的运行监测"
#       messages:
#         "no monitoring is declared (governance.monitoring)": "未声明运行监测（governance.monitoring）"
#         "the %s layer is not monitored (governance.monitoring.%s)": "未对 %s 层进行监测（governance.monitoring.%s）"
#         "monitoring of the %s layer has no %s (governance.monitoring.%s.%s)": "%s 层的监测缺少 %s（governance.monitoring.%s.%s）"
package govlint.rules.dp009

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

layers := {
	"infrastructure": "infrastructure",
	"data_pipeline": "data pipeline and drift",
	"model_runtime": "model run time",
	"application": "application status",
}

parts := {"metrics": "metrics", "thresholds": "alert thresholds", "owner": "owner"}

monitoring := m if {
	m := deploy.g(["monitoring"])
	is_object(m)
}

deny contains {"msg": "no monitoring is declared (governance.monitoring)", "path": deploy.gpath(["monitoring"])} if {
	data.govlint.lib.deploy.native
	not is_object(deploy.g(["monitoring"]))
}

deny contains {"msg": sprintf("the %s layer is not monitored (governance.monitoring.%s)", [what, layer]), "path": deploy.gpath(["monitoring", layer])} if {
	data.govlint.lib.deploy.native
	is_object(monitoring)
	some layer, what in layers
	not is_object(object.get(monitoring, layer, null))
}

deny contains {"msg": sprintf("monitoring of the %s layer has no %s (governance.monitoring.%s.%s)", [layers[layer], what, layer, part]), "path": deploy.gpath(["monitoring", layer, part])} if {
	data.govlint.lib.deploy.native
	is_object(monitoring)
	some layer, _ in layers
	entry := object.get(monitoring, layer, null)
	is_object(entry)
	some part, what in parts
	not core.present(object.get(entry, part, null))
}

# What the rule judges (docs/policies.md, "Evidence"): the monitoring record of a DeploymentManifest. Documents
# that run no service are none of its business; a workload without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.native
	is_object(monitoring)
}

no_subject contains r if r := data.govlint.lib.deploy.no_service
