# METADATA
# title: Generated-content safety evaluation meets the sample size and pass rate
# description: >-
#   A generative model offered as a service must pass a generated-content safety evaluation on a
#   random sample of test questions. The card records the sample size and the acceptable-answer
#   rate; both must reach the thresholds, which are parameters.
#   Scope: a model offered in China (`governance.regions` of the card, else `profile.regions` of
#   govlint.yaml, lists `CN`, and the profile does not declare the service internal); elsewhere
#   the rule does not apply, and without declared markets the card lacks the evidence.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §9.3 (GB/T 45654-2025)
# custom:
#   id: MC009
#   severity: error
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     cn-genai: "TC260-003 §9.3; GB/T 45654-2025"
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation"
#   params: [min_sample_size, min_acceptable_rate]
#   secondary_source: >-
#     The defaults (at least 1000 questions, an acceptable-answer rate of at least 0.90) come from
#     secondary summaries of TC260-003, not from the standard's text; set them in govlint.yaml.
#   remediation: >-
#     Record `governance.evaluation.safety.generated_content` with `sample_size` and
#     `acceptable_rate` from a test that meets the thresholds.
#   examples:
#     pass: "governance: {evaluation: {safety: {generated_content: {sample_size: 2000, acceptable_rate: 0.96}}}}"
#     fail: "governance: {evaluation: {safety: {generated_content: {sample_size: 200, acceptable_rate: 0.8}}}}"
#   evidence:
#     needs: >-
#       `governance.evaluation.safety.generated_content` (sample size, acceptable-answer rate) in
#       a Hugging Face or native model card
#   i18n:
#     zh-CN:
#       title: 生成内容安全评估须达到抽样数量与合格率要求
#       description: >-
#         面向公众提供的生成式人工智能服务，应以随机抽取的测试题对模型生成内容开展安全评估。模型卡应在
#         `governance.evaluation.safety.generated_content` 中记录抽样题量 `sample_size` 和合格率 `acceptable_rate`，两者均须
#         达到阈值（可配置参数）。依据《生成式人工智能服务安全基本要求》(TC260-003) 9.3（已转化为 GB/T 45654-2025
#         《网络安全技术 生成式人工智能服务安全基本要求》），以及《大模型落地路线图研究报告（2024年）》安全可信层关于安全评估的要求。
#         默认值（不少于 1000 题、合格率不低于 90%）取自对该标准的二手解读，并非标准原文，可在 govlint.yaml 中调整。
#         适用范围：在中国境内提供的模型（模型卡的 `governance.regions`，否则 govlint.yaml 中的 `profile.regions`
#         包含 `CN`，且画像未声明 `public: false`）；其他市场不适用，未声明市场的模型卡记为缺少证据。
#       remediation: >-
#         在 `governance.evaluation.safety.generated_content` 中记录满足阈值的测试结果：`sample_size` 与 `acceptable_rate`。
#       evidence: >-
#         Hugging Face 或原生模型卡中的 `governance.evaluation.safety.generated_content`
#         （抽样数量、合格率）。
#       clauses:
#         caict-roadmap-2024: "安全可信：安全评估"
#       messages:
#         "no generated-content safety evaluation is recorded (`governance.evaluation.safety.generated_content`)": "未记录生成内容安全评估（`governance.evaluation.safety.generated_content`）"
#         "the safety evaluation sampled %v questions; at least %v are required": "生成内容安全评估抽取了 %v 道测试题，要求不少于 %v 道"
#         "the acceptable-answer rate is %v; at least %v is required": "生成内容合格率为 %v，要求不低于 %v"
#         "the safety evaluation does not record `%s`": "生成内容安全评估未记录 `%s`"
package govlint.rules.mc009

import data.govlint.lib.model
import rego.v1

params := data.govlint.params.mc009

base := ["governance", "evaluation", "safety", "generated_content"]

result := object.get(model.governance, ["evaluation", "safety", "generated_content"], null)

findings contains {"msg": "no generated-content safety evaluation is recorded (`governance.evaluation.safety.generated_content`)", "path": base} if {
	model.format != "cyclonedx"
	not is_object(result)
}

findings contains {
	"msg": sprintf("the safety evaluation sampled %v questions; at least %v are required", [result.sample_size, params.min_sample_size]),
	"path": array.concat(base, ["sample_size"]),
} if {
	is_number(result.sample_size)
	result.sample_size < params.min_sample_size
}

findings contains {
	"msg": sprintf("the acceptable-answer rate is %v; at least %v is required", [result.acceptable_rate, params.min_acceptable_rate]),
	"path": array.concat(base, ["acceptable_rate"]),
} if {
	is_number(result.acceptable_rate)
	result.acceptable_rate < params.min_acceptable_rate
}

findings contains {"msg": sprintf("the safety evaluation does not record `%s`", [field]), "path": array.concat(base, [field])} if {
	is_object(result)
	some field in ["sample_size", "acceptable_rate"]
	not is_number(result[field])
}

# What the rule judges (docs/policies.md, "Evidence"): the generated-content safety evaluation of a Hugging Face or native card,
# which fails the rule when it states none. A CycloneDX BOM has no field for it (a native ModelCard
# that describes the BOM does), so a BOM alone lacks the evidence.
evidence if {
	not model.cdx
	model.cn_market
}

# The requirement binds a model offered in China (docs/policies.md, "Markets"): elsewhere it
# does not apply, and where no market is declared the card lacks the evidence, never an error.
deny contains f if {
	model.cn_market
	some f in findings
}

not_applicable contains r if r := model.cn_exclusion

no_evidence contains r if {
	not model.cdx
	r := model.cn_undeclared
}
