# METADATA
# title: Models above the systemic-risk compute threshold have evaluation and red-team records
# description: >-
#   A model whose card declares a cumulative training compute above the threshold (a parameter,
#   by default the 10^25 FLOP presumption of the EU AI Act) or declares itself a general-purpose
#   model with systemic risk has, in any of its cards, an evaluation record (capability or safety
#   results, Hugging Face `model-index` results, CycloneDX performance metrics) and a red-teaming
#   record (`governance.evaluation.red_teaming.performed: true`). The cards of one model are the
#   native manifest and the Hugging Face card or CycloneDX BOM it describes, or cards sharing an id.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 51(2) (10^25 FLOP presumption) and Art. 55(1)(a) (model evaluation incl. adversarial testing)
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, MS-2.7-007 (AI red-teaming)
# custom:
#   id: XR006
#   severity: error
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "security & trustworthiness: model evaluation and red-teaming"
#     eu-ai-act: ["Art. 51(2)", "Art. 55(1)(a)"]
#     nist-ai-600-1: "MS-2.7-007 (AI red-teaming)"
#   params: [compute_threshold_flop]
#   remediation: >-
#     Record the model evaluation (`governance.evaluation.capability[]` or `.safety`, or
#     `model-index` results) and the adversarial testing (`governance.evaluation.red_teaming` with
#     `performed: true`, date, scope and findings) in the model's card.
#   examples:
#     pass: "governance: {training_compute_flop: 3.8e+25, evaluation: {capability: [{benchmark: MMLU, metric: accuracy, value: 0.8}], red_teaming: {performed: true, date: 2025-02-18}}}"
#     fail: "governance: {training_compute_flop: 3.8e+25}"
#   evidence:
#     needs: >-
#       `governance.training_compute_flop` and `governance.systemic_risk` of each model card
#       (else `systemic_risk` in the repository profile) and, for a model above the threshold or
#       with systemic risk, the evaluation and red-teaming records of its cards
#   i18n:
#     zh-CN:
#       title: 训练算力超过系统性风险阈值的模型须具备评估与红队测试记录
#       description: >-
#         模型卡声明的累计训练算力超过阈值（参数，默认为欧盟《人工智能法》第五十一条第二款推定的 10^25 FLOP），或声明属于具有系统性风险的
#         通用人工智能模型时，该模型的任一卡片应有评估记录（能力或安全评估结果、Hugging Face `model-index` 结果、CycloneDX 性能指标）
#         和红队测试记录（`governance.evaluation.red_teaming.performed: true`）。依据欧盟《人工智能法》第五十一条第二款、第五十五条
#         第一款 (a) 项（含对抗测试的模型评估）及 NIST AI 600-1 MS-2.7-007（AI 红队测试），对应《大模型落地路线图研究报告（2024年）》安全可信层的
#         模型评测与红队测试。
#       remediation: >-
#         在模型卡中记录模型评估（`governance.evaluation.capability[]` 或 `.safety`，或 `model-index` 结果）以及对抗测试
#         （`governance.evaluation.red_teaming`，含 `performed: true`、日期、范围与发现）。
#       evidence: >-
#         各模型卡的 `governance.training_compute_flop` 与 `governance.systemic_risk`（
#         否则取仓库画像的 `systemic_risk`）；超过阈值或具有系统性风险的模型，还须有其模型卡中的评测与红队测试记录。
#       clauses:
#         caict-roadmap-2024: "安全可信：模型评测与红队测试"
#       messages:
#         "declares %s FLOP of training compute, above %s": "声明的训练算力为 %s FLOP，超过 %s"
#         "the model %s, but none of its cards records an evaluation": "该模型 %s，但其模型卡均未记录评估"
#         "the model %s, but none of its cards records red-teaming (`governance.evaluation.red_teaming.performed: true`)": "该模型 %s，但其模型卡均未记录红队测试（`governance.evaluation.red_teaming.performed: true`）"
#         "no systemic risk is declared and the training compute is not above the threshold": "已声明无系统性风险，且训练算力未超过阈值"
#         "the declared training compute is below the threshold": "声明的训练算力低于阈值"
#         "the card declares neither its training compute nor whether the model has systemic risk": "模型卡既未声明训练算力，也未声明模型是否具有系统性风险"
package govlint.repository.xr006

import data.govlint.lib.repository
import rego.v1

threshold := data.govlint.params.xr006.compute_threshold_flop

# Cards that put their model under the obligation, with the reason.
triggered contains [c, sprintf("declares %s FLOP of training compute, above %s", [repository.sci(flop), repository.sci(threshold)])] if {
	some c in data.govlint.lib.repository.cards
	flop := c.compute_flop
	is_number(flop)
	flop > threshold
}

triggered contains [c, "is declared a general-purpose AI model with systemic risk"] if {
	some c in data.govlint.lib.repository.cards
	c.systemic_risk == true
	not above_threshold(c)
}

triggered contains [c, "is declared a general-purpose AI model with systemic risk by the repository profile"] if {
	some c in data.govlint.lib.repository.cards
	not declares_risk(c)
	data.govlint.lib.core.profile.systemic_risk == true
	not above_threshold(c)
}

# The card says whether its model has systemic risk (else the repository profile speaks for it).
declares_risk(c) if c.systemic_risk == true

declares_risk(c) if c.no_systemic_risk == true

# Keys of the triggered cards, for `repository.representative`.
triggered_keys := {repository.key(c) | some [c, _] in triggered}

above_threshold(c) if {
	flop := c.compute_flop
	is_number(flop)
	flop > threshold
}

deny contains {
	"msg": sprintf("the model %s, but none of its cards records an evaluation", [why]),
	"file": c.path,
	"index": object.get(c, "index", 0),
	"path": ["governance", "evaluation"],
} if {
	some [c, why] in triggered
	repository.representative(c, triggered_keys)
	not repository.evaluation_recorded(repository.group({repository.key(c)}))
}

deny contains {
	"msg": sprintf("the model %s, but none of its cards records red-teaming (`governance.evaluation.red_teaming.performed: true`)", [why]),
	"file": c.path,
	"index": object.get(c, "index", 0),
	"path": ["governance", "evaluation", "red_teaming"],
} if {
	some [c, why] in triggered
	repository.representative(c, triggered_keys)
	not repository.red_teaming_recorded(repository.group({repository.key(c)}))
}

# What the rule judges (docs/policies.md, "Evidence"): the cards of models under the obligation.
# A card declared without systemic risk (or whose profile says so) and not above the threshold, or
# whose declared compute is below it, is out of it; one that declares neither lacks the evidence.
evidence contains repository.subject(c) if some [c, _] in triggered

not_applicable contains repository.subject_because(c, "no systemic risk is declared and the training compute is not above the threshold") if {
	some c in data.govlint.lib.repository.cards
	not triggered_keys[repository.key(c)]
	no_risk(c)
}

not_applicable contains repository.subject_because(c, "the declared training compute is below the threshold") if {
	some c in data.govlint.lib.repository.cards
	not triggered_keys[repository.key(c)]
	not no_risk(c)
	is_number(c.compute_flop)
}

no_evidence contains repository.subject_because(c, "the card declares neither its training compute nor whether the model has systemic risk") if {
	some c in data.govlint.lib.repository.cards
	not triggered_keys[repository.key(c)]
	not no_risk(c)
	not is_number(c.compute_flop)
}

no_risk(c) if c.no_systemic_risk == true

no_risk(c) if {
	not declares_risk(c)
	data.govlint.lib.core.profile.systemic_risk == false
}
