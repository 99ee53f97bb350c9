# METADATA
# title: Safety keyword library is large enough and covers the risk types
# description: >-
#   When a manifest records the safety keyword library used to filter the corpus and the service,
#   the library holds at least the minimum number of entries and covers the minimum number of
#   security risk types of the standard's appendix. Both thresholds are parameters. A manifest
#   without `keyword_library` is not checked: the library may be recorded with another dataset.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §8.1 and Appendix A (GB/T 45654-2025)
# custom:
#   id: DS014
#   severity: error
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: content security measures"
#     cn-genai: "TC260-003 §8.1, Appendix A.1-A.2 (GB/T 45654-2025)"
#   params: [min_entries, min_risk_types_covered]
#   secondary_source: >-
#     The defaults (at least 10,000 keywords covering the 17 risk types of Appendix A.1 and A.2)
#     come from secondary summaries of TC260-003 §8.1, not from the standard's text; set them in
#     govlint.yaml.
#   remediation: >-
#     Record `governance.keyword_library` with `entries`, `risk_types_covered` and `updated`, from a
#     library that meets the thresholds.
#   examples:
#     pass: "governance: {keyword_library: {entries: 12500, risk_types_covered: 17, updated: 2024-12-01}}"
#     fail: "governance: {keyword_library: {entries: 3000, risk_types_covered: 9}}"
#   evidence:
#     needs: >-
#       `governance.keyword_library` (entries, risk types covered) in the manifest of a safety
#       keyword library; other datasets have nothing to judge
#   i18n:
#     zh-CN:
#       title: 安全关键词库的规模与风险覆盖须达标
#       description: >-
#         清单记录了用于训练数据过滤和服务的安全关键词库时，关键词库规模应不少于阈值（默认 10000 个），并覆盖附录 A.1、A.2 中的
#         安全风险类型（默认 17 种）。依据《生成式人工智能服务安全基本要求》(TC260-003，GB/T 45654-2025) 8.1 关键词库要求。
#         两项阈值均为参数；未记录 `keyword_library` 的清单不检查（关键词库可能登记在其他数据集中）。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于内容安全措施的要求。
#       remediation: >-
#         在 `governance.keyword_library` 中记录 `entries`、`risk_types_covered` 和 `updated`，数值须达到阈值。
#       evidence: >-
#         安全关键词库或测试题库清单中的 `governance.keyword_library`（条目数、
#         覆盖的风险类型数）；其他数据集无需判断。
#       clauses:
#         caict-roadmap-2024: "安全可信：内容安全措施"
#       messages:
#         "the keyword library does not record `%s`": "安全关键词库未记录 `%s`"
#         "%s: %v, below the minimum of %v": "%s：%v，低于最低要求 %v"
#         "the manifest describes no keyword library": "清单未描述关键词库"
package govlint.rules.ds014

import data.govlint.lib.dataset
import rego.v1

params := data.govlint.params.ds014

base := ["governance", "keyword_library"]

library := object.get(dataset.gov, "keyword_library", null)

# [field, minimum, what]
thresholds := [
	["entries", params.min_entries, "keyword library entries"],
	["risk_types_covered", params.min_risk_types_covered, "risk types covered by the keyword library"],
]

findings contains {"msg": sprintf("the keyword library does not record `%s`", [field]), "path": array.concat(base, [field])} if {
	is_object(library)
	some [field, _, _] in thresholds
	not is_number(library[field])
}

findings contains {"msg": sprintf("%s: %v, below the minimum of %v", [what, library[field], minimum]), "path": array.concat(base, [field])} if {
	is_object(library)
	some [field, minimum, what] in thresholds
	is_number(library[field])
	library[field] < minimum
}

# What the rule judges (docs/policies.md, "Evidence"): the manifest of the keyword library; other datasets are
# none of its business.
described if is_object(object.get(dataset.gov, "keyword_library", null))

evidence if {
	described
	dataset.cn_market
}

no_subject contains "the manifest describes no keyword library" if not described

# TC260-003's corpus requirements bind data for a model offered in China (docs/policies.md,
# "Markets"): elsewhere they do not apply, and where no market is declared the manifest lacks
# the evidence, never an error.
deny contains f if {
	dataset.cn_market
	some f in findings
}

not_applicable contains r if r := dataset.cn_exclusion

no_evidence contains r if {
	not dataset.croissant
	r := dataset.cn_undeclared
}
