# METADATA
# title: Content-safety filters screen input and output
# description: >-
#   A generative AI service screens what users send and what the model returns for illegal and
#   harmful content (keyword libraries, classifiers). The native `DeploymentManifest` records
#   `governance.content_safety.input_filter: true` and `output_filter: true` (and the filter
#   `provider`). Applies to services in the Chinese scope (not declared `service.public: false`,
#   and `service.regions` absent or including `CN`). Kubernetes, Helm and compose files carry no
#   field for it (a guard model or gateway plugin in the workload is not proof that it filters
#   both directions).
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §7 (GB/T 45654-2025)
#   - ref: http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services (2023), Art 4
# custom:
#   id: DP019
#   severity: error
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     cn-genai: "TC260-003 §7 (service security: monitoring of input and output); IM Art 4 (no generation of prohibited content); GB/T 45654-2025"
#     caict-roadmap-2024: "security & trustworthiness: content security protection"
#   remediation: >-
#     Put safety filters on both the input and the output path and record
#     `governance.content_safety: {input_filter: true, output_filter: true, provider}`.
#   examples:
#     pass: "governance: {content_safety: {input_filter: true, output_filter: true, provider: keyword library + classifier}}"
#     fail: "governance: {content_safety: {input_filter: true}}"
#   evidence:
#     needs: >-
#       `governance.content_safety` (input and output filters) in a DeploymentManifest of the
#       service, or declared facts that take the service out of China's public-service rules
#   i18n:
#     zh-CN:
#       title: 须对输入与输出进行内容安全过滤
#       description: >-
#         依据《生成式人工智能服务管理暂行办法》第四条和《生成式人工智能服务安全基本要求》(TC260-003，GB/T 45654-2025) 第 7 章，
#         服务应对使用者输入和模型输出进行违法不良信息检测与过滤（关键词库、分类模型等）。DeploymentManifest 应记录
#         `governance.content_safety.input_filter: true` 与 `output_filter: true`（及过滤能力提供方 `provider`）。适用于境内公众服务。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于内容安全防护的要求。
#       remediation: >-
#         在输入与输出两条链路上部署安全过滤，并记录 `governance.content_safety: {input_filter: true, output_filter: true, provider}`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.content_safety`（输入与输出过滤）
#         ；或声明服务不适用境内公众服务规定的事实。
#       clauses:
#         caict-roadmap-2024: "安全可信：内容安全防护"
#       messages:
#         "no content-safety filtering is declared (governance.content_safety)": "未声明内容安全过滤（governance.content_safety）"
#         "%s is not screened by a content-safety filter (governance.content_safety.%s: %v)": "%s 未经内容安全过滤（governance.content_safety.%s: %v）"
package govlint.rules.dp019

import data.govlint.lib.deploy
import rego.v1

filters := {"input_filter": "user input", "output_filter": "model output"}

deny contains {"msg": "no content-safety filtering is declared (governance.content_safety)", "path": deploy.gpath(["content_safety"])} if {
	data.govlint.lib.deploy.cn_scope
	not is_object(deploy.g(["content_safety"]))
}

deny contains {
	"msg": sprintf("%s is not screened by a content-safety filter (governance.content_safety.%s: %v)", [what, field, v]),
	"path": deploy.gpath(["content_safety", field]),
} if {
	data.govlint.lib.deploy.cn_scope
	safety := deploy.g(["content_safety"])
	is_object(safety)
	some field, what in filters
	v := object.get(safety, field, "missing")
	v != true
}

# What the rule judges (docs/policies.md, "Evidence"): the content-safety filters of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(deploy.g(["content_safety"]))
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
