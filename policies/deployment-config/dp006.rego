# METADATA
# title: Illegal-content handling is defined end to end
# description: >-
#   When illegal content is found, the provider stops its generation and transmission and removes
#   it, rectifies the model, reports to the authorities, acts against users who misuse the
#   service, and keeps records. The native `DeploymentManifest` describes each step under
#   `governance.illegal_content`: `stop_generation`, `model_remediation`, `reporting`,
#   `user_sanctions` and `records`. Applies to services in the Chinese scope (not declared
#   `service.public: false`, and `service.regions` absent or including `CN`). Kubernetes, Helm
#   and compose files carry no field for it.
# related_resources:
#   - ref: http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services (2023), Art 14
# custom:
#   id: DP006
#   severity: error
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: operations-management
#   frameworks:
#     cn-genai: "IM Art 14 (stop generation and transmission, remove, rectify the model, report; warn, limit or suspend users; keep records)"
#     caict-roadmap-2024: "security & trustworthiness: content security incident handling"
#   remediation: >-
#     Describe each step under `governance.illegal_content`: `stop_generation`,
#     `model_remediation`, `reporting`, `user_sanctions`, `records`.
#   examples:
#     pass: "governance: {illegal_content: {stop_generation: Output filter stops the stream, model_remediation: Weekly fine-tune, reporting: CAC reporting portal, user_sanctions: [warning, suspension], records: SIEM, 3 years}}"
#     fail: "governance: {illegal_content: {stop_generation: Output filter stops the stream}}"
#   evidence:
#     needs: >-
#       `governance.illegal_content` (stop generation, model remediation, reporting, user
#       sanctions, records) in a DeploymentManifest of the service, or declared facts that take
#       the service out of China's public-service rules
#   i18n:
#     zh-CN:
#       title: 须完整规定违法内容处置措施
#       description: >-
#         依据《生成式人工智能服务管理暂行办法》第十四条，发现违法内容的，提供者应当及时采取停止生成、停止传输、消除等处置措施，
#         采取模型优化训练等措施进行整改，并向有关主管部门报告；发现使用者利用服务从事违法活动的，应依法采取警示、限制功能、
#         暂停或者终止服务等处置措施，保存有关记录。DeploymentManifest 应在 `governance.illegal_content` 下分别描述
#         `stop_generation`、`model_remediation`、`reporting`、`user_sanctions` 与 `records`。适用于境内公众服务。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于内容安全事件处置的要求。
#       remediation: >-
#         在 `governance.illegal_content` 下逐项描述：`stop_generation`（停止生成与传输）、`model_remediation`（模型整改）、
#         `reporting`（向主管部门报告）、`user_sanctions`（对用户的处置）、`records`（记录保存）。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.illegal_content`（停止生成、
#         模型整改、报告、用户处置、记录）；或声明服务不适用境内公众服务规定的事实。
#       clauses:
#         caict-roadmap-2024: "安全可信：内容安全事件处置"
#       messages:
#         "illegal-content handling is not described (governance.illegal_content)": "未说明违法内容处置措施（governance.illegal_content）"
#         "illegal-content handling does not describe %s (governance.illegal_content.%s)": "违法内容处置措施未说明 %s（governance.illegal_content.%s）"
package govlint.rules.dp006

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

steps := {
	"stop_generation": "stopping generation and transmission of the content",
	"model_remediation": "rectifying the model",
	"reporting": "reporting to the authorities",
	"user_sanctions": "measures against the users involved",
	"records": "the records kept",
}

deny contains {"msg": "illegal-content handling is not described (governance.illegal_content)", "path": deploy.gpath(["illegal_content"])} if {
	data.govlint.lib.deploy.cn_scope
	not is_object(deploy.g(["illegal_content"]))
}

deny contains {"msg": sprintf("illegal-content handling does not describe %s (governance.illegal_content.%s)", [what, step]), "path": deploy.gpath(["illegal_content", step])} if {
	data.govlint.lib.deploy.cn_scope
	handling := deploy.g(["illegal_content"])
	is_object(handling)
	some step, what in steps
	not core.present(object.get(handling, step, null))
}

# What the rule judges (docs/policies.md, "Evidence"): the illegal-content handling of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(deploy.g(["illegal_content"]))
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
