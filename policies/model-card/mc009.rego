# METADATA
# title: Generated-content safety evaluation samples by hand, by keyword and by classifier, each meeting its size and pass rate
# description: >-
#   A generative model offered as a service passes a generated-content safety evaluation made of
#   three sampled tests on questions drawn at random from the generated-content test bank: manual
#   sampling (人工抽检), keyword sampling (关键词抽检) and classifier sampling (分类模型抽检), each
#   with its own sample size and pass rate. The card records each under
#   `governance.evaluation.safety.generated_content.{manual, keyword, classifier}` as
#   `{sample_size, acceptable_rate}`; each must reach the thresholds, which are parameters. A
#   single overall pair of numbers does not show the three tests and is reported as such.
#   Scope: a model offered in China (`governance.regions` of the card, else `profile.regions` of
#   govlint.yaml, lists `CN`, and the profile does not declare the service internal); elsewhere
#   the rule does not apply, and without declared markets the card lacks the evidence.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §9.3 (manual, keyword and classifier sampling); GB/T 45654-2025, the corresponding clause
# custom:
#   id: MC009
#   severity: error
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     cn-genai: "TC260-003 §9.3 (manual, keyword and classifier sampling, each n ≥ 1000, pass rate ≥ 90 %); GB/T 45654-2025 (corresponding clause)"
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation"
#   params: [min_sample_size, min_acceptable_rate]
#   secondary_source: >-
#     The three methods and the defaults (at least 1000 questions and a pass rate of at least 0.90
#     for each; 不少于 / 不应低于, a "shall", hence error) come from secondary summaries of
#     TC260-003 §9.3, not from the standard's text as read; GB/T 45654-2025 is reported to keep
#     them. Set them in govlint.yaml.
#   remediation: >-
#     Record `governance.evaluation.safety.generated_content.manual`, `.keyword` and `.classifier`,
#     each with `sample_size` and `acceptable_rate` from a sampled test that meets the thresholds.
#   examples:
#     pass: "governance: {regions: [CN], evaluation: {safety: {generated_content: {manual: {sample_size: 1000, acceptable_rate: 0.93}, keyword: {sample_size: 1200, acceptable_rate: 0.95}, classifier: {sample_size: 1500, acceptable_rate: 0.96}}}}}"
#     fail: "governance: {regions: [CN], evaluation: {safety: {generated_content: {sample_size: 2000, acceptable_rate: 0.96}}}}"
#   evidence:
#     needs: >-
#       `governance.evaluation.safety.generated_content.{manual, keyword, classifier}` (sample
#       size, pass rate of each) in a Hugging Face or native model card, and the model's markets
#   i18n:
#     zh-CN:
#       title: 生成内容安全评估须分别开展人工抽检、关键词抽检与分类模型抽检，并各自达到抽样数量与合格率要求
#       description: >-
#         面向公众提供的生成式人工智能服务，应从生成内容测试题库中随机抽取测试题，分别以人工抽检、关键词抽检和分类模型抽检
#         三种方式对模型生成内容开展安全评估，每种方式各有抽样数量与合格率。模型卡应在
#         `governance.evaluation.safety.generated_content.{manual, keyword, classifier}` 中分别记录抽样题量 `sample_size` 和合格率
#         `acceptable_rate`，均须达到阈值（可配置参数）；仅记录一组总体数字不能说明三项抽检，将予以报告。依据《生成式人工智能服务安全基本要求》
#         (TC260-003) 9.3（GB/T 45654-2025《网络安全技术 生成式人工智能服务安全基本要求》相应条款），以及《大模型落地路线图研究报告（2024年）》
#         安全可信层关于安全评估的要求。三种方式及默认值（每种不少于 1000 题、合格率不低于 90%）取自对该标准的二手解读，并非标准原文，
#         可在 govlint.yaml 中调整。
#         适用范围：在中国境内提供的模型（模型卡的 `governance.regions`，否则 govlint.yaml 中的 `profile.regions`
#         包含 `CN`，且画像未声明 `public: false`）；其他市场不适用，未声明市场的模型卡记为缺少证据。
#       remediation: >-
#         在 `governance.evaluation.safety.generated_content` 的 `manual`、`keyword`、`classifier` 中分别记录满足阈值的抽检结果：
#         `sample_size` 与 `acceptable_rate`。
#       evidence: >-
#         Hugging Face 或原生模型卡中的 `governance.evaluation.safety.generated_content.{manual, keyword, classifier}`
#         （每种抽检的抽样数量、合格率），以及模型的市场。
#       clauses:
#         caict-roadmap-2024: "安全可信：安全评估"
#       messages:
#         "no generated-content safety evaluation is recorded (`governance.evaluation.safety.generated_content`)": "未记录生成内容安全评估（`governance.evaluation.safety.generated_content`）"
#         "the %s sampling drew %v questions; at least %v are required": "%s抽取了 %v 道测试题，要求不少于 %v 道"
#         "the %s sampling passed %v; at least %v is required": "%s合格率为 %v，要求不低于 %v"
#         "the %s sampling does not record `%s`": "%s未记录 `%s`"
#         "no %s sampling is recorded (`generated_content.%s`): TC260-003 §9.3 requires manual, keyword and classifier sampling, each with its own sample size and pass rate": "未记录%s（`generated_content.%s`）：TC260-003 第 9.3 条要求分别开展人工抽检、关键词抽检与分类模型抽检，各有抽样数量与合格率"
#         "manual": "人工抽检"
#         "keyword": "关键词抽检"
#         "classifier": "分类模型抽检"
package govlint.rules.mc009

import rego.v1

params := data.govlint.params.mc009

base := ["governance", "evaluation", "safety", "generated_content"]

result := object.get(data.govlint.lib.model.governance, ["evaluation", "safety", "generated_content"], null)

# TC260-003 §9.3's three sampled tests, each with its own sample and pass rate.
methods := ["manual", "keyword", "classifier"]

findings contains {"msg": "no generated-content safety evaluation is recorded (`governance.evaluation.safety.generated_content`)", "path": base} if {
	data.govlint.lib.model.format != "cyclonedx"
	not is_object(result)
}

findings contains {
	"msg": sprintf("no %s sampling is recorded (`generated_content.%s`): TC260-003 §9.3 requires manual, keyword and classifier sampling, each with its own sample size and pass rate", [m, m]),
	"path": array.concat(base, [m]),
} if {
	is_object(result)
	some m in methods
	not is_object(result[m])
}

findings contains {"msg": sprintf("the %s sampling does not record `%s`", [m, field]), "path": array.concat(base, [m, field])} if {
	some m in methods
	is_object(result[m])
	some field in ["sample_size", "acceptable_rate"]
	not is_number(result[m][field])
}

findings contains {
	"msg": sprintf("the %s sampling drew %v questions; at least %v are required", [m, n, params.min_sample_size]),
	"path": array.concat(base, [m, "sample_size"]),
} if {
	some m in methods
	n := result[m].sample_size
	is_number(n)
	n < params.min_sample_size
}

findings contains {
	"msg": sprintf("the %s sampling passed %v; at least %v is required", [m, r, params.min_acceptable_rate]),
	"path": array.concat(base, [m, "acceptable_rate"]),
} if {
	some m in methods
	r := result[m].acceptable_rate
	is_number(r)
	r < params.min_acceptable_rate
}

# What the rule judges (docs/policies.md, "Evidence"): the generated-content safety evaluation of a Hugging Face or native card,
# which fails the rule when it states none. A CycloneDX BOM has no field for it (a native ModelCard
# that describes the BOM does), so a BOM alone lacks the evidence.
evidence if {
	not data.govlint.lib.model.cdx
	data.govlint.lib.model.cn_market
}

# The requirement binds a model offered in China (docs/policies.md, "Markets"): elsewhere it
# does not apply, and where no market is declared the card lacks the evidence, never an error.
deny contains f if {
	data.govlint.lib.model.cn_market
	some f in findings
}

not_applicable contains r if r := data.govlint.lib.model.cn_exclusion

no_evidence contains r if {
	not data.govlint.lib.model.cdx
	r := data.govlint.lib.model.cn_undeclared
}
