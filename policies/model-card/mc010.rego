# METADATA
# title: Refusal evaluation meets the sample sizes and refusal rates
# description: >-
#   A generative model offered as a service must refuse what it should refuse and answer what it
#   should answer. The card records the refusal test in `governance.evaluation.safety.refusal`:
#   on questions drawn from the should-refuse bank, the sample size and the refusal rate (which
#   must reach a minimum); on questions drawn from the should-not-refuse bank, the sample size
#   and the refusal rate (which must stay under a maximum). Sample sizes and rates are
#   parameters. CycloneDX has no field for this test; it goes in a native `ModelCard` beside the
#   BOM, so BOMs are not checked.
#   Scope: a model offered in China (`governance.regions` of the card, else `profile.regions` of
#   govlint.yaml, lists `CN`, and the profile does not declare the service internal); elsewhere
#   the rule does not apply, and without declared markets the card lacks the evidence.
# related_resources:
#   - ref: https://www.tc260.org.cn/
#     description: TC260-003-2024 Basic security requirements for generative AI services, §9.4 (GB/T 45654-2025)
# custom:
#   id: MC010
#   severity: error
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     cn-genai: "TC260-003 §9.4; GB/T 45654-2025"
#     caict-roadmap-2024: "security & trustworthiness: safety evaluation (refusal of harmful requests, no over-refusal)"
#   params: [min_sample_size, min_should_refuse_rate, max_should_not_refuse_rate]
#   secondary_source: >-
#     The defaults (at least 300 questions from each bank, a refusal rate of at least 0.95 on the
#     should-refuse questions and at most 0.05 on the should-not-refuse questions) come from
#     secondary summaries of TC260-003, not from the standard's text; set them in govlint.yaml.
#   remediation: >-
#     Record `governance.evaluation.safety.refusal.should_refuse` and `.should_not_refuse`, each
#     with `sample_size` and `refusal_rate`, from a test that meets the thresholds.
#   examples:
#     pass: "governance: {evaluation: {safety: {refusal: {should_refuse: {sample_size: 400, refusal_rate: 0.97}, should_not_refuse: {sample_size: 400, refusal_rate: 0.03}}}}}"
#     fail: "governance: {evaluation: {safety: {refusal: {should_refuse: {sample_size: 100, refusal_rate: 0.9}}}}}"
#   evidence:
#     needs: >-
#       `governance.evaluation.safety.refusal` (should-refuse and should-not-refuse sets: sample
#       size, refusal rate) in a Hugging Face or native model card
#   i18n:
#     zh-CN:
#       title: 拒答测试须达到抽样数量与拒答率要求
#       description: >-
#         面向公众提供的生成式人工智能服务，模型应当拒答应拒答的问题、不拒答不应拒答的问题。模型卡应在
#         `governance.evaluation.safety.refusal` 中记录问题拒答测试：从应拒答测试题库抽取的题量及拒答率（不低于下限），
#         从非拒答测试题库抽取的题量及拒答率（不高于上限）。题量与比率均为可配置参数。依据《生成式人工智能服务安全基本要求》
#         (TC260-003) 9.4（已转化为 GB/T 45654-2025《网络安全技术 生成式人工智能服务安全基本要求》），以及
#         《大模型落地路线图研究报告（2024年）》安全可信层关于安全评估的要求。CycloneDX 不承载此项，应记录在其旁的原生 ModelCard 中。
#         适用范围：在中国境内提供的模型（模型卡的 `governance.regions`，否则 govlint.yaml 中的 `profile.regions`
#         包含 `CN`，且画像未声明 `public: false`）；其他市场不适用，未声明市场的模型卡记为缺少证据。
#       remediation: >-
#         在 `governance.evaluation.safety.refusal.should_refuse` 与 `.should_not_refuse` 中分别记录 `sample_size` 和
#         `refusal_rate`，测试结果须满足阈值要求。
#       evidence: >-
#         Hugging Face 或原生模型卡中的 `governance.evaluation.safety.refusal`（应拒答与非拒答题集
#         ：抽样数量、拒答率）。
#       clauses:
#         caict-roadmap-2024: "安全可信：安全评估（拒答有害请求、避免过度拒答）"
#       messages:
#         "no refusal test is recorded (`governance.evaluation.safety.refusal`)": "未记录问题拒答测试（`governance.evaluation.safety.refusal`）"
#         "the refusal test records no %s question set (`%s`)": "拒答测试未记录 %s 题集（`%s`）"
#         "the %s set does not record `%s`": "%s 题集未记录 `%s`"
#         "the %s set sampled %v questions; at least %v are required": "%s 题集抽取了 %v 道测试题，要求不少于 %v 道"
#         "the model refused %v of the should-refuse questions; at least %v is required": "模型对应拒答问题的拒答率为 %v，要求不低于 %v"
#         "the model refused %v of the should-not-refuse questions; at most %v is allowed": "模型对非拒答问题的拒答率为 %v，要求不高于 %v"
package govlint.rules.mc010

import data.govlint.lib.model
import rego.v1

params := data.govlint.params.mc010

base := ["governance", "evaluation", "safety", "refusal"]

refusal := model.gov(["evaluation", "safety", "refusal"])

sets := {"should_refuse": "should-refuse", "should_not_refuse": "should-not-refuse"}

findings contains {"msg": "no refusal test is recorded (`governance.evaluation.safety.refusal`)", "path": base} if {
	not data.govlint.lib.model.cdx
	not is_object(refusal)
}

findings contains {
	"msg": sprintf("the refusal test records no %s question set (`%s`)", [label, set]),
	"path": array.concat(base, [set]),
} if {
	is_object(refusal)
	some set, label in sets
	not is_object(refusal[set])
}

findings contains {
	"msg": sprintf("the %s set does not record `%s`", [label, field]),
	"path": array.concat(base, [set, field]),
} if {
	is_object(refusal)
	some set, label in sets
	is_object(refusal[set])
	some field in ["sample_size", "refusal_rate"]
	not is_number(refusal[set][field])
}

findings contains {
	"msg": sprintf("the %s set sampled %v questions; at least %v are required", [label, n, params.min_sample_size]),
	"path": array.concat(base, [set, "sample_size"]),
} if {
	is_object(refusal)
	some set, label in sets
	n := refusal[set].sample_size
	is_number(n)
	n < params.min_sample_size
}

findings contains {
	"msg": sprintf("the model refused %v of the should-refuse questions; at least %v is required", [r, params.min_should_refuse_rate]),
	"path": array.concat(base, ["should_refuse", "refusal_rate"]),
} if {
	is_object(refusal)
	r := refusal.should_refuse.refusal_rate
	is_number(r)
	r < params.min_should_refuse_rate
}

findings contains {
	"msg": sprintf("the model refused %v of the should-not-refuse questions; at most %v is allowed", [r, params.max_should_not_refuse_rate]),
	"path": array.concat(base, ["should_not_refuse", "refusal_rate"]),
} if {
	is_object(refusal)
	r := refusal.should_not_refuse.refusal_rate
	is_number(r)
	r > params.max_should_not_refuse_rate
}

# What the rule judges (docs/policies.md, "Evidence"): the refusal test of a Hugging Face or native card,
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
