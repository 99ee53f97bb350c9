# METADATA
# title: Sources with too much illegal or harmful content are excluded
# description: >-
#   Each corpus source records the share of illegal or harmful content measured before use. A
#   source above the limit (a parameter) must be marked `excluded: true`; a source still in use
#   must have a measured rate.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §5.1 (GB/T 45654-2025)
# custom:
#   id: DS003
#   severity: error
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: training data security"
#     cn-genai: "TC260-003 §5.1 (GB/T 45654-2025)"
#   params: [max_harmful_content_rate]
#   secondary_source: >-
#     The default limit (at most 5 % illegal or harmful content per source) comes from secondary
#     summaries of TC260-003 §5.1, not from the standard's text; set it in govlint.yaml.
#   remediation: >-
#     Record `harmful_content_rate` for every source (a fraction, e.g. 0.012), and set
#     `excluded: true` with an `exclusion_reason` on sources above the limit.
#   examples:
#     pass: "governance: {sources: [{id: forum, harmful_content_rate: 0.08, excluded: true}]}"
#     fail: "governance: {sources: [{id: forum, harmful_content_rate: 0.08}]}"
#   evidence:
#     needs: >-
#       `harmful_content_rate` (and `excluded`) of each source used, in `governance.sources[]`; a
#       manifest that records no source lacks the evidence
#   i18n:
#     zh-CN:
#       title: 违法不良信息超标的训练数据来源须予剔除
#       description: >-
#         每个训练数据来源应记录采集前评估的违法不良信息占比。依据《生成式人工智能服务安全基本要求》(TC260-003，
#         GB/T 45654-2025) 5.1，来源训练数据中违法不良信息超过阈值（参数，默认 5%）的，不应采集、使用该来源训练数据，
#         应标记 `excluded: true`；仍在使用的来源必须有实测占比。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于训练数据安全的要求。
#       remediation: >-
#         为每个来源填写 `harmful_content_rate`（0 到 1 的比例，如 0.012）；超过阈值的来源设置 `excluded: true`
#         并填写 `exclusion_reason`。
#       evidence: >-
#         `governance.sources[]` 中每个所用来源的 `harmful_content_rate`（及 `excluded`）
#         ；未记录来源的清单缺少证据。
#       clauses:
#         caict-roadmap-2024: "安全可信：训练数据安全"
#       messages:
#         "source %s has a harmful content rate of %v, above the limit of %v, and is not excluded": "来源 %s 的违法不良信息占比为 %v，超过上限 %v，但未被剔除"
#         "source %s is used but records no measured harmful content rate": "来源 %s 正在使用，但未记录实测的违法不良信息占比"
package govlint.rules.ds003

import data.govlint.lib.dataset
import rego.v1

limit := data.govlint.params.ds003.max_harmful_content_rate

findings contains {
	"msg": sprintf("source %s has a harmful content rate of %v, above the limit of %v, and is not excluded", [label(s, i), s.harmful_content_rate, limit]),
	"path": ["governance", "sources", i, "excluded"],
} if {
	some [i, s] in data.govlint.lib.dataset.sources
	dataset.used(s)
	is_number(s.harmful_content_rate)
	s.harmful_content_rate > limit
}

findings contains {
	"msg": sprintf("source %s is used but records no measured harmful content rate", [label(s, i)]),
	"path": ["governance", "sources", i, "harmful_content_rate"],
} if {
	some [i, s] in data.govlint.lib.dataset.sources
	dataset.used(s)
	not is_number(s.harmful_content_rate)
}

label(s, i) := sprintf("`%s`", [object.get(s, "id", object.get(s, "name", ""))]) if object.get(s, "id", object.get(s, "name", "")) != ""

label(s, i) := sprintf("#%d", [i]) if object.get(s, "id", object.get(s, "name", "")) == ""

# What the rule judges (docs/policies.md, "Evidence"): the sources the data uses; a manifest that
# records none lacks the evidence.
evidence if {
	data.govlint.lib.dataset.cn_market
	some [_, s] in data.govlint.lib.dataset.sources
	dataset.used(s)
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
