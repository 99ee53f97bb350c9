# METADATA
# title: Safety test-question banks are large enough, cover each risk and are updated monthly
# description: >-
#   When a manifest records the safety test-question banks: the generated-content bank has at
#   least the minimum number of questions, covers the 31 risks of Appendix A, and has at least the
#   minimum number of questions for each risk of A.1 and A.2 and for each other risk
#   (`fewest_per_a1_a2_risk`, `fewest_per_other_risk`: the count of the risk with the fewest);
#   the should-refuse bank has at least its minimum of questions, covers the 17 risks of A.1 and
#   A.2 with at least the minimum per risk (`fewest_per_risk`); the should-not-refuse bank has at
#   least its minimum of questions with at least the minimum per topic (`fewest_per_topic`: the
#   aspects of China's system, beliefs, image, culture, customs, ethnic groups, geography,
#   history and heroes, and people's gender, age, occupation and health); the banks are updated
#   at least as often as the parameter says (`update_interval_days`). All thresholds are
#   parameters. The standard says "should not be fewer than" (不宜少于), so the rule is a
#   warning; that a public service in China has the banks at all is XR007's error. A manifest
#   without `test_banks` is not checked.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §8.2-8.3 and Appendix A; GB/T 45654-2025, the corresponding clauses
# custom:
#   id: DS015
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation capability"
#     cn-genai: "TC260-003 §8.2 (≥ 2,000 questions, all 31 risks, ≥ 50 per A.1/A.2 risk, ≥ 20 per other risk), §8.3 (should-refuse ≥ 500, 17 risks, ≥ 20 per risk; should-not-refuse ≥ 500, ≥ 20 per topic), monthly update; GB/T 45654-2025 (corresponding clauses)"
#   params: [min_generated_content_questions, min_generated_content_risk_types, min_per_a1_a2_risk, min_per_other_risk, min_should_refuse_questions, min_should_refuse_risk_types, min_should_refuse_per_risk, min_should_not_refuse_questions, min_should_not_refuse_per_topic, max_update_interval_days]
#   secondary_source: >-
#     The defaults (a generated-content bank of at least 2,000 questions covering the 31 risks of
#     Appendix A, 50 per risk of A.1 and A.2 and 20 per other risk; should-refuse and
#     should-not-refuse banks of at least 500 questions each, the first covering the 17 risks of
#     A.1 and A.2 with 20 per risk, the second 20 per topic; an update at least monthly) come
#     from secondary summaries of TC260-003 §8.2-8.3, not from the standard's text as read; the
#     sizes are worded 不宜少于 there ("should", hence warning). Set them in govlint.yaml.
#   remediation: >-
#     Record `governance.test_banks` with `update_interval_days`, `generated_content`
#     (`questions`, `risk_types_covered`, `fewest_per_a1_a2_risk`, `fewest_per_other_risk`),
#     `should_refuse` (`questions`, `risk_types_covered`, `fewest_per_risk`) and
#     `should_not_refuse` (`questions`, `fewest_per_topic`) from banks that meet the thresholds.
#   examples:
#     pass: "governance: {regions: [CN], test_banks: {update_interval_days: 30, generated_content: {questions: 2400, risk_types_covered: 31, fewest_per_a1_a2_risk: 60, fewest_per_other_risk: 25}, should_refuse: {questions: 600, risk_types_covered: 17, fewest_per_risk: 24}, should_not_refuse: {questions: 600, fewest_per_topic: 22}}}"
#     fail: "governance: {regions: [CN], test_banks: {generated_content: {questions: 800, risk_types_covered: 20}}}"
#   evidence:
#     needs: >-
#       `governance.test_banks` (generated-content, should-refuse and should-not-refuse banks:
#       questions, risks covered, fewest per risk or topic; update interval) in the manifest of a
#       safety test-question bank, and the markets; other datasets have nothing to judge
#   i18n:
#     zh-CN:
#       title: 安全测试题库的规模、逐项风险覆盖与更新频率须达标
#       description: >-
#         清单记录了安全测试题库时：生成内容测试题库题量应不少于阈值（默认 2000 题），覆盖附录 A 的全部 31 种风险，附录 A.1、A.2
#         每种风险不少于阈值（默认 50 题）、其他每种风险不少于阈值（默认 20 题）；应拒答测试题库不少于阈值（默认 500 题），覆盖
#         附录 A.1、A.2 的 17 种风险，每种不少于阈值（默认 20 题）；非拒答测试题库不少于阈值（默认 500 题），涉及我国制度、信仰、
#         形象、文化、习俗、民族、地理、历史、英烈等方面以及个人的性别、年龄、职业、健康等方面，每方面不少于阈值（默认 20 题）；
#         题库至少按参数规定的频率更新（默认每月一次，`update_interval_days`）。`fewest_per_*` 记录题目最少的那种风险或方面的题数。
#         依据《生成式人工智能服务安全基本要求》(TC260-003) 8.2 生成内容测试题库、8.3 拒答测试题库要求（GB/T 45654-2025
#         相应条款）。规模要求的措辞为“不宜少于”，故本规则为警告；面向境内公众的服务是否具备测试题库由 XR007 以错误级别检查。
#         阈值均为参数，取自对该标准的二手解读；未记录 `test_banks` 的清单不检查。
#         对应《大模型落地路线图研究报告（2024年）》安全可信层关于安全评估能力建设的要求。
#       remediation: >-
#         在 `governance.test_banks` 中记录 `update_interval_days`、`generated_content`（`questions`、`risk_types_covered`、
#         `fewest_per_a1_a2_risk`、`fewest_per_other_risk`）、`should_refuse`（`questions`、`risk_types_covered`、`fewest_per_risk`）
#         与 `should_not_refuse`（`questions`、`fewest_per_topic`），数值须达到阈值。
#       evidence: >-
#         安全测试题库清单中的 `governance.test_banks`（生成内容、应拒答与非拒答题库的题量、覆盖的风险、每种风险或方面最少的题数，
#         以及更新间隔）及市场；其他数据集无需判断。
#       clauses:
#         caict-roadmap-2024: "安全可信：安全评估能力"
#       messages:
#         "the test banks do not include a `%s` bank": "安全测试题库中没有 `%s` 题库"
#         "the `%s` bank does not record `%s`": "`%s` 题库未记录 `%s`"
#         "%s: %v, below the minimum of %v": "%s：%v，低于最低要求 %v"
#         "the test banks do not record how often they are updated (`update_interval_days`)": "安全测试题库未记录更新间隔（`update_interval_days`）"
#         "the test banks are updated every %v days; at least every %v days is expected (`update_interval_days`)": "安全测试题库每 %v 天更新一次，应至少每 %v 天更新一次（`update_interval_days`）"
#         "the manifest describes no safety test-question banks": "清单未描述安全测试题库"
#         "generated-content test questions": "生成内容测试题数"
#         "risk types covered by the generated-content bank": "生成内容测试题库覆盖的风险类型数"
#         "generated-content questions of the A.1/A.2 risk with the fewest": "生成内容测试题库中附录 A.1、A.2 题目最少的风险的题数"
#         "generated-content questions of the other risk with the fewest": "生成内容测试题库中其他题目最少的风险的题数"
#         "should-refuse test questions": "应拒答测试题数"
#         "risk types covered by the should-refuse bank": "应拒答测试题库覆盖的风险类型数"
#         "should-refuse questions of the risk with the fewest": "应拒答测试题库中题目最少的风险的题数"
#         "should-not-refuse test questions": "非拒答测试题数"
#         "should-not-refuse questions of the topic with the fewest": "非拒答测试题库中题目最少的方面的题数"
package govlint.rules.ds015

import rego.v1

params := data.govlint.params.ds015

base := ["governance", "test_banks"]

banks := object.get(data.govlint.lib.dataset.gov, "test_banks", null)

# [bank, field, minimum, what]
thresholds := [
	["generated_content", "questions", params.min_generated_content_questions, "generated-content test questions"],
	["generated_content", "risk_types_covered", params.min_generated_content_risk_types, "risk types covered by the generated-content bank"],
	["generated_content", "fewest_per_a1_a2_risk", params.min_per_a1_a2_risk, "generated-content questions of the A.1/A.2 risk with the fewest"],
	["generated_content", "fewest_per_other_risk", params.min_per_other_risk, "generated-content questions of the other risk with the fewest"],
	["should_refuse", "questions", params.min_should_refuse_questions, "should-refuse test questions"],
	["should_refuse", "risk_types_covered", params.min_should_refuse_risk_types, "risk types covered by the should-refuse bank"],
	["should_refuse", "fewest_per_risk", params.min_should_refuse_per_risk, "should-refuse questions of the risk with the fewest"],
	["should_not_refuse", "questions", params.min_should_not_refuse_questions, "should-not-refuse test questions"],
	["should_not_refuse", "fewest_per_topic", params.min_should_not_refuse_per_topic, "should-not-refuse questions of the topic with the fewest"],
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

findings contains {"msg": "the test banks do not record how often they are updated (`update_interval_days`)", "path": array.concat(base, ["update_interval_days"])} if {
	is_object(banks)
	not is_number(banks.update_interval_days)
}

findings contains {
	"msg": sprintf("the test banks are updated every %v days; at least every %v days is expected (`update_interval_days`)", [banks.update_interval_days, params.max_update_interval_days]),
	"path": array.concat(base, ["update_interval_days"]),
} if {
	is_number(banks.update_interval_days)
	banks.update_interval_days > params.max_update_interval_days
}

# What the rule judges (docs/policies.md, "Evidence"): the manifest of the safety test-question banks; other datasets are
# none of its business.
described if is_object(object.get(data.govlint.lib.dataset.gov, "test_banks", null))

evidence if {
	described
	data.govlint.lib.dataset.cn_market
}

no_subject contains "the manifest describes no safety test-question banks" if not described

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
