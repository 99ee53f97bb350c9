# METADATA
# title: Unlabeled output only with a user-agreement clause and retained logs
# description: >-
#   A provider may give a user generated content without explicit labels only when the user
#   agreement sets out the user's labeling duties, and it keeps the records of such output for at
#   least six months. When the native `DeploymentManifest` declares
#   `governance.content_labeling.opt_out.allowed: true`, it must name the
#   `user_agreement_clause` and a `log_retention_days` of at least the parameter
#   `min_log_retention_days` (180 days for six months). Nothing is required when opt-out is not
#   allowed. Applies to services in the Chinese scope (not declared `service.public: false`, and
#   `service.regions` absent or including `CN`). Kubernetes, Helm and compose files carry no
#   field for it.
# related_resources:
#   - ref: https://www.cac.gov.cn/2025-03/14/c_1743654684782215.htm
#     description: Measures for Labeling AI-Generated Synthetic Content (2025), Art 9 (logs kept no less than six months)
# custom:
#   id: DP005
#   severity: error
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: application-deployment
#   frameworks:
#     cn-genai: "LM Art 9 (content without explicit labels: user agreement, logs kept ≥ 6 months)"
#     caict-roadmap-2024: "security & trustworthiness: identification of AI-generated content, log retention"
#   params: [min_log_retention_days]
#   remediation: >-
#     With `content_labeling.opt_out.allowed: true`, record the `user_agreement_clause` that sets
#     the user's labeling duties and keep the logs of unlabeled output for at least 180 days
#     (`log_retention_days`); otherwise set `allowed: false`.
#   examples:
#     pass: "governance: {content_labeling: {opt_out: {allowed: true, user_agreement_clause: User Agreement 7.3, log_retention_days: 180}}}"
#     fail: "governance: {content_labeling: {opt_out: {allowed: true, log_retention_days: 30}}}"
#   evidence:
#     needs: >-
#       `governance.content_labeling` in a DeploymentManifest of the service (with `opt_out` when
#       unlabeled output is offered), or declared facts that take the service out of China's
#       public-service rules
#   i18n:
#     zh-CN:
#       title: 提供无显式标识内容须有用户协议条款并留存日志
#       description: >-
#         依据《人工智能生成合成内容标识办法》第九条，用户申请提供没有添加显式标识的生成合成内容的，服务提供者可以在通过
#         用户协议明确用户的标识义务和使用责任后提供，并依法留存提供对象信息等相关日志不少于六个月。DeploymentManifest
#         声明 `governance.content_labeling.opt_out.allowed: true` 时，须记录 `user_agreement_clause`（用户协议条款）及
#         不少于参数 `min_log_retention_days`（默认 180 天，即六个月）的 `log_retention_days`。适用于境内公众服务。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于生成合成内容标识与日志留存的要求。
#       remediation: >-
#         如允许提供无显式标识内容，请记录约定用户标识义务的 `user_agreement_clause`，并将相关日志留存至少 180 天
#         （`log_retention_days`）；否则设置 `allowed: false`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.content_labeling`（提供无标识内容时须含
#         `opt_out`）；或声明服务不适用境内公众服务规定的事实。
#       clauses:
#         caict-roadmap-2024: "安全可信：人工智能生成内容标识、日志留存"
#       messages:
#         "unlabeled output is allowed but no user-agreement clause sets the user's labeling duties (governance.content_labeling.opt_out.user_agreement_clause)": "允许提供无显式标识的内容，但没有用户协议条款明确用户的标识义务（governance.content_labeling.opt_out.user_agreement_clause）"
#         "unlabeled output is allowed but the retention of its logs is not recorded; at least %v days are required (governance.content_labeling.opt_out.log_retention_days)": "允许提供无显式标识的内容，但未记录相关日志的留存期限；要求不少于 %v 天（governance.content_labeling.opt_out.log_retention_days）"
#         "logs of unlabeled output are kept %v days; at least %v are required (governance.content_labeling.opt_out.log_retention_days)": "无显式标识内容的相关日志留存 %v 天，要求不少于 %v 天（governance.content_labeling.opt_out.log_retention_days）"
package govlint.rules.dp005

import data.govlint.lib.core
import data.govlint.lib.deploy
import rego.v1

params := data.govlint.params.dp005

base := ["content_labeling", "opt_out"]

opt_out := v if {
	v := deploy.g(base)
	is_object(v)
	v.allowed == true
}

deny contains {
	"msg": "unlabeled output is allowed but no user-agreement clause sets the user's labeling duties (governance.content_labeling.opt_out.user_agreement_clause)",
	"path": deploy.gpath(array.concat(base, ["user_agreement_clause"])),
} if {
	data.govlint.lib.deploy.cn_scope
	is_object(opt_out)
	not core.present(object.get(opt_out, "user_agreement_clause", null))
}

deny contains {
	"msg": sprintf("unlabeled output is allowed but the retention of its logs is not recorded; at least %v days are required (governance.content_labeling.opt_out.log_retention_days)", [params.min_log_retention_days]),
	"path": deploy.gpath(array.concat(base, ["log_retention_days"])),
} if {
	data.govlint.lib.deploy.cn_scope
	is_object(opt_out)
	not is_number(object.get(opt_out, "log_retention_days", null))
}

deny contains {
	"msg": sprintf("logs of unlabeled output are kept %v days; at least %v are required (governance.content_labeling.opt_out.log_retention_days)", [days, params.min_log_retention_days]),
	"path": deploy.gpath(array.concat(base, ["log_retention_days"])),
} if {
	data.govlint.lib.deploy.cn_scope
	is_object(opt_out)
	days := opt_out.log_retention_days
	is_number(days)
	days < params.min_log_retention_days
}

# What the rule judges (docs/policies.md, "Evidence"): the labeling record (an opt-out, when it offers one) of a DeploymentManifest in the
# Chinese scope. Declared facts (the manifest's own `service`, else the repository profile) take
# a service out of it; documents that run no service are none of its business; a workload
# without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.cn_scope
	is_object(deploy.g(["content_labeling"]))
}

not_applicable contains r if r := data.govlint.lib.deploy.cn_exclusion

no_evidence contains r if r := data.govlint.lib.deploy.cn_undeclared

no_subject contains r if r := data.govlint.lib.deploy.no_service
