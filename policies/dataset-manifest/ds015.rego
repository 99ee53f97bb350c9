# METADATA
# title: Safety test-question banks are large enough and cover the risks
# description: >-
#   When a manifest records the safety test-question banks, the generated-content bank has at
#   least the minimum number of questions and covers the minimum number of risk types, and the
#   should-refuse and should-not-refuse banks each have at least their minimum number of
#   questions. All thresholds are parameters. A manifest without `test_banks` is not checked.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §8.2-8.3 and Appendix A (GB/T 45654-2025)
# custom:
#   id: DS015
#   severity: error
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation capability"
#     cn-genai: "TC260-003 §8.2-8.3, Appendix A (GB/T 45654-2025)"
#   params: [min_generated_content_questions, min_generated_content_risk_types, min_should_refuse_questions, min_should_not_refuse_questions]
#   secondary_source: >-
#     The defaults (a generated-content bank of at least 2,000 questions covering the 31 risks of
#     Appendix A; should-refuse and should-not-refuse banks of at least 500 questions each) come
#     from secondary summaries of TC260-003 §8.2-8.3, not from the standard's text; set them in
#     govlint.yaml.
#   remediation: >-
#     Record `governance.test_banks.generated_content` (`questions`, `risk_types_covered`),
#     `test_banks.should_refuse.questions` and `test_banks.should_not_refuse.questions` from banks
#     that meet the thresholds.
#   examples:
#     pass: "governance: {test_banks: {generated_content: {questions: 2400, risk_types_covered: 31}, should_refuse: {questions: 600}, should_not_refuse: {questions: 600}}}"
#     fail: "governance: {test_banks: {generated_content: {questions: 800, risk_types_covered: 20}}}"
#   evidence:
#     needs: >-
#       `governance.test_banks` (generated-content, should-refuse and should-not-refuse banks:
#       questions, risk types covered) in the manifest of a safety test-question bank; other
#       datasets have nothing to judge
#   i18n:
#     zh-CN:
#       title: 安全测试题库的规模与风险覆盖须达标
#       description: >-
#         清单记录了安全测试题库时：生成内容测试题库题量应不少于阈值（默认 2000 题）并覆盖附录 A 的全部风险（默认 31 种）；
#         应拒答测试题库和非拒答测试题库各不少于阈值（默认 500 题）。依据《生成式人工智能服务安全基本要求》(TC260-003，
#         GB/T 45654-2025) 8.2 生成内容测试题库、8.3 拒答测试题库要求。阈值均为参数；未记录 `test_banks` 的清单不检查。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于安全评估能力建设的要求。
#       remediation: >-
#         记录 `governance.test_banks.generated_content`（`questions`、`risk_types_covered`）、
#         `test_banks.should_refuse.questions` 与 `test_banks.should_not_refuse.questions`，数值须达到阈值。
#       evidence: >-
#         安全关键词库或测试题库清单中的 `governance.test_banks`（生成内容题库、
#         应拒答与非拒答题库的题量及覆盖的风险类型）；其他数据集无需判断。
#       clauses:
#         caict-roadmap-2024: "安全可信：安全评估能力"
#       messages:
#         "the test banks do not include a `%s` bank": "安全测试题库中没有 `%s` 题库"
#         "the `%s` bank does not record `%s`": "`%s` 题库未记录 `%s`"
#         "%s: %v, below the minimum of %v": "%s：%v，低于最低要求 %v"
#         "the manifest describes no safety test-question banks": "清单未描述安全测试题库"
package govlint.rules.ds015

import data.govlint.lib.dataset
import rego.v1

params := data.govlint.params.ds015

base := ["governance", "test_banks"]

banks := object.get(dataset.gov, "test_banks", null)

# [bank, field, minimum, what]
thresholds := [
	["generated_content", "questions", params.min_generated_content_questions, "generated-content test questions"],
	["generated_content", "risk_types_covered", params.min_generated_content_risk_types, "risk types covered by the generated-content bank"],
	["should_refuse", "questions", params.min_should_refuse_questions, "should-refuse test questions"],
	["should_not_refuse", "questions", params.min_should_not_refuse_questions, "should-not-refuse test questions"],
]

findings contains {"msg": sprintf("the test banks do not include a `%s` bank", [bank]), "path": array.concat(base, [bank])} if {
	is_object(banks)
	some bank in ["generated_content", "should_refuse", "should_not_refuse"]
	not is_object(banks[bank])
}

findings contains {"msg": sprintf("the `%s` bank does not record `%s`", [bank, field]), "path": array.concat(base, [bank, field])} if {
	is_object(banks)
	some [bank, field, _, _] in thresholds
	is_object(banks[bank])
	not is_number(banks[bank][field])
}

findings contains {"msg": sprintf("%s: %v, below the minimum of %v", [what, value, minimum]), "path": array.concat(base, [bank, field])} if {
	is_object(banks)
	some [bank, field, minimum, what] in thresholds
	value := banks[bank][field]
	is_number(value)
	value < minimum
}

# What the rule judges (docs/policies.md, "Evidence"): the manifest of the safety test-question banks; other datasets are
# none of its business.
described if is_object(object.get(dataset.gov, "test_banks", null))

evidence if {
	described
	dataset.cn_market
}

no_subject contains "the manifest describes no safety test-question banks" if not described

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
