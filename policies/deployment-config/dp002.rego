# METADATA
# title: Complaint and reporting channel is declared
# description: >-
#   A generative AI service sets up a channel for complaints and reports, publishes how they are
#   handled and answers in time. The native `DeploymentManifest` records
#   `governance.complaints`: a channel (`url` or `email`), the handling `process`, and the
#   committed `response_time_hours`. Applies to services in the Chinese scope (not declared
#   `service.public: false`, and `service.regions` absent or including `CN`). Kubernetes, Helm
#   and compose files carry no field for it; the fact goes in a DeploymentManifest beside them.
# related_resources:
#   - ref: http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services (2023), Art 15
# custom:
#   id: DP002
#   severity: error
#   kinds: [deployment-config]
#   layer: application-services
#   stage: operations-management
#   frameworks:
#     cn-genai: "IM Art 15 (complaint and reporting mechanism, timely handling)"
#     caict-roadmap-2024: "application services: user rights protection and feedback"
#   remediation: >-
#     Add `governance.complaints: {url or email, process, response_time_hours}` to the
#     DeploymentManifest.
#   examples:
#     pass: "governance: {complaints: {url: https://assistant.example/report, process: Triage within 4 h, response_time_hours: 48}}"
#     fail: "governance: {complaints: {email: ai@example.com}}"
#   evidence:
#     needs: >-
#       `governance.complaints` (url or email, process, response time) in a DeploymentManifest of
#       the service, or declared facts that take the service out of China's public-service rules
#   i18n:
#     zh-CN:
#       title: 须声明投诉举报渠道
#       description: >-
#         依据《生成式人工智能服务管理暂行办法》第十五条，服务提供者应建立健全投诉、举报机制，设置便捷的投诉、举报入口，
#         公布处理流程和反馈时限，及时受理、处理公众投诉举报并反馈处理结果。DeploymentManifest 应记录
#         `governance.complaints`：渠道（`url` 或 `email`）、处理流程 `process` 与承诺的反馈时限 `response_time_hours`。
#         适用于境内公众服务（未声明 `service.public: false`，且 `service.regions` 未声明或包含 `CN`）。
#         对应《大模型落地路线图研究报告（2024年）》应用服务层关于用户权益保护与反馈机制的要求。
#       remediation: >-
#         在 DeploymentManifest 中添加 `governance.complaints: {url 或 email, process, response_time_hours}`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.complaints`（网址或邮箱、
#         处理流程、响应时限）；或声明服务不适用境内公众服务规定的事实。
#       clauses:
#         caict-roadmap-2024: "应用服务：用户权益保障与反馈"
#       messages:
#         "no complaint and reporting channel is declared (governance.complaints)": "未声明投诉举报渠道（governance.complaints）"
#         "the complaint channel has neither a url nor an email (governance.complaints.url)": "投诉举报渠道既无网址也无电子邮箱（governance.complaints.url）"
#         "the complaint handling process is not described (governance.complaints.process)": "未说明投诉处理流程（governance.complaints.process）"
#         "the committed response time is not a positive number of hours (governance.complaints.response_time_hours: %v)": "承诺的反馈时限不是正数小时数（governance.complaints.response_time_hours: %v）"
package govlint.rules.dp002

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

deny contains {"msg": "no complaint and reporting channel is declared (governance.complaints)", "path": deploy.gpath(["complaints"])} if {
	data.govlint.lib.deploy.cn_scope
	not is_object(deploy.g(["complaints"]))
}

complaints := c if {
	c := deploy.g(["complaints"])
	is_object(c)
}

deny contains {"msg": "the complaint channel has neither a url nor an email (governance.complaints.url)", "path": deploy.gpath(["complaints", "url"])} if {
	data.govlint.lib.deploy.cn_scope
	is_object(complaints)
	not core.present(object.get(complaints, "url", null))
	not core.present(object.get(complaints, "email", null))
}

deny contains {"msg": "the complaint handling process is not described (governance.complaints.process)", "path": deploy.gpath(["complaints", "process"])} if {
	data.govlint.lib.deploy.cn_scope
	is_object(complaints)
	not core.present(object.get(complaints, "process", null))
}

deny contains {
	"msg": sprintf("the committed response time is not a positive number of hours (governance.complaints.response_time_hours: %v)", [v]),
	"path": deploy.gpath(["complaints", "response_time_hours"]),
} if {
	data.govlint.lib.deploy.cn_scope
	is_object(complaints)
	v := object.get(complaints, "response_time_hours", "missing")
	not positive(v)
}

positive(v) if {
	is_number(v)
	v > 0
}

# What the rule judges (docs/policies.md, "Evidence"): the complaint channel of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(deploy.g(["complaints"]))
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
