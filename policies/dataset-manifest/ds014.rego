# METADATA
# title: Safety keyword library is large enough, covers each risk and is updated weekly
# description: >-
#   When a manifest records the safety keyword library used to filter the training data and the
#   service, the library holds at least the minimum number of keywords, covers the 17 security
#   risks of the standard's Appendix A.1 and A.2, has at least the minimum number of keywords for
#   each risk of A.1 and of A.2 (`fewest_per_a1_risk`, `fewest_per_a2_risk`: the count of the
#   risk with the fewest), and is updated at least as often as the parameter says
#   (`update_interval_days`). All thresholds are parameters. The standard says "should not be
#   fewer than" (不宜少于) for the sizes, so the rule is a warning; that a public service in China
#   has a keyword library at all is XR007's error. A manifest without `keyword_library` is not
#   checked: the library may be recorded with another dataset.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §8.1 and Appendix A.1-A.2; GB/T 45654-2025, the corresponding clause
# custom:
#   id: DS014
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: content security measures"
#     cn-genai: "TC260-003 §8.1, Appendix A.1-A.2 (≥ 10,000 keywords; ≥ 200 per A.1 risk, ≥ 100 per A.2 risk; weekly update); GB/T 45654-2025 (corresponding clause)"
#   params: [min_entries, min_risk_types_covered, min_per_a1_risk, min_per_a2_risk, max_update_interval_days]
#   secondary_source: >-
#     The defaults (at least 10,000 keywords covering the 17 risks of Appendix A.1 and A.2, at
#     least 200 keywords for each A.1 risk and 100 for each A.2 risk, updated at least weekly)
#     come from secondary summaries of TC260-003 §8.1, not from the standard's text as read; the
#     sizes are worded 不宜少于 there ("should", hence warning). Set them in govlint.yaml.
#   remediation: >-
#     Record `governance.keyword_library` with `entries`, `risk_types_covered`,
#     `fewest_per_a1_risk`, `fewest_per_a2_risk`, `update_interval_days` and `updated`, from a
#     library that meets the thresholds.
#   examples:
#     pass: "governance: {regions: [CN], keyword_library: {entries: 12500, risk_types_covered: 17, fewest_per_a1_risk: 240, fewest_per_a2_risk: 130, update_interval_days: 7, updated: 2024-12-01}}"
#     fail: "governance: {regions: [CN], keyword_library: {entries: 3000, risk_types_covered: 9, fewest_per_a1_risk: 50, update_interval_days: 30}}"
#   evidence:
#     needs: >-
#       `governance.keyword_library` (entries, risk types covered, fewest keywords per A.1 and A.2
#       risk, update interval) in the manifest of a safety keyword library, and the markets;
#       other datasets have nothing to judge
#   i18n:
#     zh-CN:
#       title: 安全关键词库的规模、逐项风险覆盖与更新频率须达标
#       description: >-
#         清单记录了用于训练数据过滤和服务的安全关键词库时，关键词总数应不少于阈值（默认 10000 个），覆盖附录 A.1、A.2 中的
#         17 种安全风险，附录 A.1 每种风险的关键词不少于阈值（默认 200 个）、A.2 每种风险不少于阈值（默认 100 个）
#         （`fewest_per_a1_risk`、`fewest_per_a2_risk` 记录关键词最少的那种风险的数量），并至少按参数规定的频率更新（默认每周一次，
#         `update_interval_days`）。依据《生成式人工智能服务安全基本要求》(TC260-003) 8.1 关键词库要求（GB/T 45654-2025 相应条款）。
#         规模要求的措辞为“不宜少于”，故本规则为警告；面向境内公众的服务是否具备关键词库由 XR007 以错误级别检查。阈值均为参数，
#         取自对该标准的二手解读；未记录 `keyword_library` 的清单不检查（关键词库可能登记在其他数据集中）。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于内容安全措施的要求。
#       remediation: >-
#         在 `governance.keyword_library` 中记录 `entries`、`risk_types_covered`、`fewest_per_a1_risk`、`fewest_per_a2_risk`、
#         `update_interval_days` 和 `updated`，数值须达到阈值。
#       evidence: >-
#         安全关键词库清单中的 `governance.keyword_library`（关键词数、覆盖的风险数、A.1 与 A.2 每种风险最少的关键词数、
#         更新间隔）及市场；其他数据集无需判断。
#       clauses:
#         caict-roadmap-2024: "安全可信：内容安全措施"
#       messages:
#         "the keyword library does not record `%s`": "安全关键词库未记录 `%s`"
#         "%s: %v, below the minimum of %v": "%s：%v，低于最低要求 %v"
#         "the keyword library is updated every %v days; at least every %v days is expected (`update_interval_days`)": "安全关键词库每 %v 天更新一次，应至少每 %v 天更新一次（`update_interval_days`）"
#         "the manifest describes no keyword library": "清单未描述关键词库"
#         "keyword library entries": "关键词库条目数"
#         "risk types covered by the keyword library": "关键词库覆盖的风险类型数"
#         "keywords of the A.1 risk with the fewest": "附录 A.1 中关键词最少的风险的关键词数"
#         "keywords of the A.2 risk with the fewest": "附录 A.2 中关键词最少的风险的关键词数"
package govlint.rules.ds014

import rego.v1

params := data.govlint.params.ds014

base := ["governance", "keyword_library"]

library := object.get(data.govlint.lib.dataset.gov, "keyword_library", null)

# [field, minimum, what]
thresholds := [
	["entries", params.min_entries, "keyword library entries"],
	["risk_types_covered", params.min_risk_types_covered, "risk types covered by the keyword library"],
	["fewest_per_a1_risk", params.min_per_a1_risk, "keywords of the A.1 risk with the fewest"],
	["fewest_per_a2_risk", params.min_per_a2_risk, "keywords of the A.2 risk with the fewest"],
]

findings contains {"msg": sprintf("the keyword library does not record `%s`", [field]), "path": array.concat(base, [field])} if {
	is_object(library)
	some field in array.concat([f | some [f, _, _] in thresholds], ["update_interval_days"])
	not is_number(library[field])
}

findings contains {"msg": sprintf("%s: %v, below the minimum of %v", [what, library[field], minimum]), "path": array.concat(base, [field])} if {
	is_object(library)
	some [field, minimum, what] in thresholds
	is_number(library[field])
	library[field] < minimum
}

findings contains {
	"msg": sprintf("the keyword library is updated every %v days; at least every %v days is expected (`update_interval_days`)", [library.update_interval_days, params.max_update_interval_days]),
	"path": array.concat(base, ["update_interval_days"]),
} if {
	is_number(library.update_interval_days)
	library.update_interval_days > params.max_update_interval_days
}

# What the rule judges (docs/policies.md, "Evidence"): the manifest of the keyword library; other datasets are
# none of its business.
described if is_object(object.get(data.govlint.lib.dataset.gov, "keyword_library", null))

evidence if {
	described
	data.govlint.lib.dataset.cn_market
}

no_subject contains "the manifest describes no keyword library" if not described

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
