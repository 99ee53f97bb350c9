# METADATA
# title: Service logs are retained long enough
# description: >-
#   Network operators keep the logs of their service for at least six months. The native
#   `DeploymentManifest` records `governance.log_retention_days`, which must reach the parameter
#   `min_log_retention_days` (180 days for six months). Applies to every DeploymentManifest (the
#   retention is set by the parameter, so teams under other rules can change it). Kubernetes, Helm
#   and compose files carry no standard field for it (a chart's own `retentionDays` is not a
#   contract govlint can rely on).
# related_resources:
#   - ref: https://www.cac.gov.cn/2026-01/02/c_1769093523928606.htm
#     description: >-
#       Cybersecurity Law of the PRC as amended on 2025-10-28, in force 2026-01-01, Art 23(3) (network logs retained no
#       less than six months; Art 21(3) before the amendment renumbered it)
#   - ref: http://www.cac.gov.cn/2016-11/07/c_1119867116.htm
#     description: Cybersecurity Law of the PRC (2016 text), Art 21(3), in force until 2025-12-31
# custom:
#   id: DP011
#   severity: warning
#   kinds: [deployment-config]
#   layer: security-trustworthiness
#   stage: operations-management
#   frameworks:
#     cn-genai: "PRC Cybersecurity Law (amended 2025-10-28, in force 2026-01-01) Art 23(3), formerly Art 21(3) (logs kept ≥ 6 months), applied to generative AI services"
#     caict-roadmap-2024: "security & trustworthiness: security audit and log retention"
#   params: [min_log_retention_days]
#   secondary_source: >-
#     The article number after the 2025 amendment (Art 23(3); the duty was Art 21(3) of the 2016
#     text, which is primary) comes from compliance notes on the amended law, not from its text as
#     read; the six months are the law's own (180 days by default, a parameter: set 184 to cover
#     any six calendar months).
#   remediation: >-
#     Keep service logs for at least 180 days and record `governance.log_retention_days`.
#   examples:
#     pass: "governance: {log_retention_days: 180}"
#     fail: "governance: {log_retention_days: 30}"
#   evidence:
#     needs: >-
#       `governance.log_retention_days` in a DeploymentManifest of the service
#   i18n:
#     zh-CN:
#       title: 服务日志留存期限须达标
#       description: >-
#         依据《中华人民共和国网络安全法》（2025年10月28日修正，2026年1月1日施行）第二十三条第（三）项（修正前为第二十一条第（三）项），网络运营者应采取监测、记录网络运行状态、网络安全事件的技术措施，
#         并按照规定留存相关的网络日志不少于六个月。DeploymentManifest 应记录 `governance.log_retention_days`，且不少于参数
#         `min_log_retention_days`（默认 180 天）。
#         该项日志留存义务同样适用于生成式人工智能服务的运营；对应《大模型落地路线图研究报告（2024年）》安全可信层关于安全审计与日志留存的要求。
#       remediation: >-
#         将服务日志留存至少 180 天，并记录 `governance.log_retention_days`。
#       evidence: >-
#         服务的 DeploymentManifest 中的 `governance.log_retention_days`。
#       clauses:
#         caict-roadmap-2024: "安全可信：安全审计与日志留存"
#       messages:
#         "the service log retention is not recorded; at least %v days are required (governance.log_retention_days)": "未记录服务日志留存期限；要求不少于 %v 天（governance.log_retention_days）"
#         "service logs are kept %v days; at least %v are required (governance.log_retention_days)": "服务日志留存 %v 天，要求不少于 %v 天（governance.log_retention_days）"
package govlint.rules.dp011

import data.govlint.lib.deploy
import rego.v1

params := data.govlint.params.dp011

deny contains {
	"msg": sprintf("the service log retention is not recorded; at least %v days are required (governance.log_retention_days)", [params.min_log_retention_days]),
	"path": deploy.gpath(["log_retention_days"]),
} if {
	data.govlint.lib.deploy.native
	not is_number(deploy.g(["log_retention_days"]))
}

deny contains {
	"msg": sprintf("service logs are kept %v days; at least %v are required (governance.log_retention_days)", [days, params.min_log_retention_days]),
	"path": deploy.gpath(["log_retention_days"]),
} if {
	data.govlint.lib.deploy.native
	days := deploy.g(["log_retention_days"])
	is_number(days)
	days < params.min_log_retention_days
}

# What the rule judges (docs/policies.md, "Evidence"): the log retention of a DeploymentManifest. Documents
# that run no service are none of its business; a workload without a manifest lacks the evidence.
evidence if {
	data.govlint.lib.deploy.native
	is_number(deploy.g(["log_retention_days"]))
}

no_subject contains r if r := data.govlint.lib.deploy.no_service
