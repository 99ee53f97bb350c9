# METADATA
# title: User input logs declare retention, identifiability and sharing
# description: >-
#   A provider must not unlawfully keep input that identifies users, nor give users' input to
#   others. The native `DeploymentManifest` declares `governance.input_logs`: `retention_days`,
#   whether stored input is `identifiable`, and whether it goes to third parties
#   (`third_party_sharing`). Sharing input with third parties is reported unless the stored input
#   is declared not identifiable. Applies to services in the Chinese scope (not declared
#   `service.public: false`, and `service.regions` absent or including `CN`). Kubernetes, Helm
#   and compose files carry no field for it.
# related_resources:
#   - ref: http://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services (2023), Art 11
# custom:
#   id: DP007
#   severity: warning
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: operations-management
#   frameworks:
#     cn-genai: "IM Art 11 (no unlawful retention of identifying input; no unlawful provision of input to others)"
#     caict-roadmap-2024: "security & trustworthiness: personal information protection in operation"
#   remediation: >-
#     Declare `governance.input_logs: {retention_days, identifiable, third_party_sharing}`; stop
#     sharing identifiable input, or de-identify it before it is stored.
#   examples:
#     pass: "governance: {input_logs: {retention_days: 180, identifiable: false, third_party_sharing: false}}"
#     fail: "governance: {input_logs: {retention_days: 365, identifiable: true, third_party_sharing: true}}"
#   evidence:
#     needs: >-
#       `governance.input_logs` (retention, identifiability, third-party sharing) in a
#       DeploymentManifest of the service, or declared facts that take the service out of China's
#       public-service rules
#   i18n:
#     zh-CN:
#       title: 用户输入日志须声明留存期限、可识别性与共享情况
#       description: >-
#         依据《生成式人工智能服务管理暂行办法》第十一条，提供者不得非法留存能够识别使用者身份的输入信息和使用记录，不得非法
#         向他人提供使用者的输入信息和使用记录。DeploymentManifest 应声明 `governance.input_logs`：留存天数
#         `retention_days`、存储的输入是否可识别用户 `identifiable`、是否向第三方提供 `third_party_sharing`。
#         向第三方提供输入而未声明其不可识别的，予以报告。适用于境内公众服务。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于运行阶段个人信息保护的要求。
#       remediation: >-
#         声明 `governance.input_logs: {retention_days, identifiable, third_party_sharing}`；停止共享可识别的输入，
#         或在存储前进行去标识化处理。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.input_logs`（留存期限、
#         可识别性、向第三方提供）；或声明服务不适用境内公众服务规定的事实。
#       clauses:
#         caict-roadmap-2024: "安全可信：运营中的个人信息保护"
#       messages:
#         "user input logging is not declared (governance.input_logs)": "未声明用户输入日志的记录情况（governance.input_logs）"
#         "the retention of user input is not declared (governance.input_logs.retention_days)": "未声明用户输入信息的留存期限（governance.input_logs.retention_days）"
#         "`governance.input_logs.%s` is not declared (true or false)": "未声明 `governance.input_logs.%s`（true 或 false）"
#         "user input is shared with third parties and is not declared de-identified (governance.input_logs.identifiable: %v)": "用户输入信息提供给第三方，但未声明已去标识化（governance.input_logs.identifiable: %v）"
package govlint.rules.dp007

import data.govlint.lib.deploy
import rego.v1

base := ["input_logs"]

logs := v if {
	v := deploy.g(base)
	is_object(v)
}

deny contains {"msg": "user input logging is not declared (governance.input_logs)", "path": deploy.gpath(base)} if {
	data.govlint.lib.deploy.cn_scope
	not is_object(deploy.g(base))
}

deny contains {"msg": "the retention of user input is not declared (governance.input_logs.retention_days)", "path": deploy.gpath(["input_logs", "retention_days"])} if {
	data.govlint.lib.deploy.cn_scope
	is_object(logs)
	not is_number(object.get(logs, "retention_days", null))
}

deny contains {"msg": sprintf("`governance.input_logs.%s` is not declared (true or false)", [field]), "path": deploy.gpath(["input_logs", field])} if {
	data.govlint.lib.deploy.cn_scope
	is_object(logs)
	some field in ["identifiable", "third_party_sharing"]
	not is_boolean(object.get(logs, field, null))
}

deny contains {
	"msg": sprintf("user input is shared with third parties and is not declared de-identified (governance.input_logs.identifiable: %v)", [object.get(logs, "identifiable", "missing")]),
	"path": deploy.gpath(["input_logs", "third_party_sharing"]),
} if {
	data.govlint.lib.deploy.cn_scope
	is_object(logs)
	logs.third_party_sharing == true
	object.get(logs, "identifiable", null) != false
}

# What the rule judges (docs/policies.md, "Evidence"): the user input logging record of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(logs)
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
