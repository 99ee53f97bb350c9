# METADATA
# title: Users can opt out of training on their input
# description: >-
#   When user input may be used for training, users are offered a way to refuse it. The native
#   `DeploymentManifest` records `governance.training_opt_out.offered: true` (and the `method`,
#   e.g. the settings page). Applies to services in the Chinese scope (not declared
#   `service.public: false`, and `service.regions` absent or including `CN`). Kubernetes, Helm
#   and compose files carry no field for it.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §7 (GB/T 45654-2025)
# custom:
#   id: DP008
#   severity: warning
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     cn-genai: "TC260-003 §7 (service security requirements: a way to refuse the use of input for training); GB/T 45654-2025"
#     caict-roadmap-2024: "security & trustworthiness: user data rights"
#   remediation: >-
#     Offer users a convenient way to refuse the use of their input for training and record
#     `governance.training_opt_out: {offered: true, method: <where users find it>}`.
#   examples:
#     pass: "governance: {training_opt_out: {offered: true, method: Settings > Data controls}}"
#     fail: "governance: {training_opt_out: {offered: false}}"
#   evidence:
#     needs: >-
#       `governance.training_opt_out` in a DeploymentManifest of the service, or declared facts
#       that take the service out of China's public-service rules
#   i18n:
#     zh-CN:
#       title: 须为用户提供拒绝将其输入用于训练的方式
#       description: >-
#         依据《生成式人工智能服务安全基本要求》(TC260-003，已转化为 GB/T 45654-2025) 第 7 章服务安全要求，将使用者输入信息
#         用于训练的，应为使用者提供关闭其输入信息用于训练的方式，且方式应便捷。DeploymentManifest 应记录
#         `governance.training_opt_out.offered: true` 及其方式 `method`。适用于境内公众服务。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于用户数据权益保护的要求。
#       remediation: >-
#         为用户提供便捷的拒绝方式，并记录 `governance.training_opt_out: {offered: true, method: <入口位置>}`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.training_opt_out`；
#         或声明服务不适用境内公众服务规定的事实。
#       clauses:
#         caict-roadmap-2024: "安全可信：用户数据权利"
#       messages:
#         "users are not offered a way to refuse training on their input (governance.training_opt_out.offered: %v)": "未向使用者提供拒绝将其输入信息用于训练的方式（governance.training_opt_out.offered: %v）"
package govlint.rules.dp008

import data.govlint.lib.deploy
import rego.v1

deny contains {
	"msg": sprintf("users are not offered a way to refuse training on their input (governance.training_opt_out.offered: %v)", [v]),
	"path": deploy.gpath(["training_opt_out", "offered"]),
} if {
	data.govlint.lib.deploy.cn_scope
	v := object.get(data.govlint.lib.deploy.governance, ["training_opt_out", "offered"], "missing")
	v != true
}

# What the rule judges (docs/policies.md, "Evidence"): the training opt-out record of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(deploy.g(["training_opt_out"]))
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
