# METADATA
# title: Corpus spot checks meet the sample sizes and pass rates
# description: >-
#   The training corpus is spot-checked by hand and by automated means before use. The manual
#   check samples at least a minimum number of items, the automated check at least a minimum
#   share of the corpus, and each reaches its pass rate. All four thresholds are parameters.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §9.2 (GB/T 45654-2025)
# custom:
#   id: DS004
#   severity: error
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: training data security assessment"
#     cn-genai: "TC260-003 §9.2 (GB/T 45654-2025)"
#   params: [min_manual_sample_size, min_manual_pass_rate, min_automated_sample_ratio, min_automated_pass_rate]
#   secondary_source: >-
#     The defaults (manual: at least 4,000 items, pass rate at least 0.96; automated: at least
#     10 % of the corpus, pass rate at least 0.98) come from secondary summaries of TC260-003 §9.2,
#     not from the standard's text; set them in govlint.yaml.
#   remediation: >-
#     Record `governance.spot_checks.manual` (`sample_size`, `pass_rate`, `date`) and
#     `governance.spot_checks.automated` (`sample_ratio`, `pass_rate`, `date`) from checks that
#     meet the thresholds.
#   examples:
#     pass: "governance: {spot_checks: {manual: {sample_size: 4000, pass_rate: 0.97}, automated: {sample_ratio: 0.1, pass_rate: 0.99}}}"
#     fail: "governance: {spot_checks: {manual: {sample_size: 500, pass_rate: 0.9}}}"
#   evidence:
#     needs: >-
#       `governance.spot_checks.manual` (sample size, pass rate) and `.automated` (sample ratio,
#       pass rate) in a dataset card or native manifest
#   i18n:
#     zh-CN:
#       title: 训练数据抽检的样本量与合格率须达标
#       description: >-
#         训练数据使用前应进行人工抽检和技术抽检。依据《生成式人工智能服务安全基本要求》(TC260-003，GB/T 45654-2025)
#         9.2 训练数据安全评估：人工抽检随机抽取不少于 4000 条、合格率不低于 96%；技术抽检随机抽取不少于训练数据总量的 10%、
#         合格率不低于 98%。四项阈值均为参数。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于训练数据安全评估的要求。
#       remediation: >-
#         在 `governance.spot_checks.manual` 中记录 `sample_size`、`pass_rate`、`date`，在
#         `governance.spot_checks.automated` 中记录 `sample_ratio`、`pass_rate`、`date`，数值须达到阈值。
#       evidence: >-
#         数据集卡片或原生清单中的 `governance.spot_checks.manual`（抽样数量、
#         合格率）与 `.automated`（抽样比例、合格率）。
#       clauses:
#         caict-roadmap-2024: "安全可信：训练数据安全评估"
#       messages:
#         "the manifest records no corpus spot checks (`governance.spot_checks.manual` and `.automated`)": "清单未记录训练数据抽检（`governance.spot_checks.manual` 与 `.automated`）"
#         "no %s spot check is recorded": "未记录 %s 抽检"
#         "the %s spot check does not record `%s`": "%s 抽检未记录 `%s`"
#         "%s: %v, below the minimum of %v": "%s：%v，低于最低要求 %v"
package govlint.rules.ds004

import rego.v1

params := data.govlint.params.ds004

base := ["governance", "spot_checks"]

checks := object.get(data.govlint.lib.dataset.gov, "spot_checks", null)

# [check, field, minimum, what]
thresholds := [
	["manual", "sample_size", params.min_manual_sample_size, "items checked by hand"],
	["manual", "pass_rate", params.min_manual_pass_rate, "manual pass rate"],
	["automated", "sample_ratio", params.min_automated_sample_ratio, "share of the corpus sampled automatically"],
	["automated", "pass_rate", params.min_automated_pass_rate, "automated pass rate"],
]

findings contains {"msg": "the manifest records no corpus spot checks (`governance.spot_checks.manual` and `.automated`)", "path": base} if {
	not data.govlint.lib.dataset.croissant
	not is_object(checks)
}

findings contains {"msg": sprintf("no %s spot check is recorded", [check]), "path": array.concat(base, [check])} if {
	is_object(checks)
	some check in ["manual", "automated"]
	not is_object(checks[check])
}

findings contains {"msg": sprintf("the %s spot check does not record `%s`", [check, field]), "path": array.concat(base, [check, field])} if {
	some [check, field, _, _] in thresholds
	is_object(checks[check])
	not is_number(checks[check][field])
}

findings contains {"msg": sprintf("%s: %v, below the minimum of %v", [what, value, minimum]), "path": array.concat(base, [check, field])} if {
	some [check, field, minimum, what] in thresholds
	value := checks[check][field]
	is_number(value)
	value < minimum
}

# What the rule judges (docs/policies.md, "Evidence"): the corpus spot checks of a dataset card or native manifest,
# which fails the rule when it states none. Croissant has no field for it (a native
# DatasetManifest that describes the file does), so a Croissant file alone lacks the evidence.
evidence if {
	not data.govlint.lib.dataset.croissant
	data.govlint.lib.dataset.cn_market
}

# TC260-003's corpus requirements bind data for a model offered in China (docs/policies.md,
# "Markets"): elsewhere they do not apply, and where no market is declared the manifest lacks
# the evidence, never an error.
deny contains f if {
	data.govlint.lib.dataset.cn_market
	some f in findings
}

not_applicable contains r if r := data.govlint.lib.dataset.cn_exclusion

no_evidence contains r if {
	not data.govlint.lib.dataset.croissant
	r := data.govlint.lib.dataset.cn_undeclared
}
