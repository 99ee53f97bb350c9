# METADATA
# title: A model derived from a third-party base is re-evaluated after the derivation
# description: >-
#   Fine-tuning, adapting, quantizing or merging a model from another organisation changes its
#   behaviour: the evaluations published for the base do not carry over. When the card's base is
#   third-party (`governance.lineage.third_party_base: true`, or `base_model` belongs to another
#   organisation than `governance.model_id`), the card records an evaluation of the derived model
#   (`governance.evaluation`: capability, safety or red-teaming results, or `model-index`
#   results), dated, and newer than the base: on or after `governance.lineage.derivation_date`
#   and after `governance.lineage.base_model_release_date`. CycloneDX has no field for this; it
#   goes in a native `ModelCard` beside the BOM.
# related_resources:
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, MP-4.1-007 (re-evaluate models fine-tuned or enhanced on top of third-party models) and MG-3.1-003
# custom:
#   id: MC020
#   severity: warning
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     nist-ai-600-1: "MP-4.1-007; MG-3.1-003"
#     caict-roadmap-2024: "algorithm models: fine-tuning and post-tuning evaluation"
#   remediation: >-
#     Evaluate the derived model and record the results with their `date` in
#     `governance.evaluation`; record `governance.lineage.derivation_date` and
#     `base_model_release_date`.
#   examples:
#     pass: "base_model: Qwen/Qwen2.5-7B\ngovernance: {lineage: {third_party_base: true, derivation_date: 2025-02-10}, evaluation: {capability: [{benchmark: C-Eval, value: 0.78, date: 2025-02-14}]}}"
#     fail: "base_model: Qwen/Qwen2.5-7B\ngovernance: {lineage: {third_party_base: true, derivation_date: 2025-02-10}, evaluation: {capability: [{benchmark: C-Eval, value: 0.78, date: 2024-10-01}]}}"
#   evidence:
#     needs: >-
#       `governance.lineage` (third-party base, derivation and base release dates) and dated
#       evaluations, in the card of a model derived from another organisation's base model
#   i18n:
#     zh-CN:
#       title: 基于第三方基础模型衍生的模型须在衍生后重新评测
#       description: >-
#         对其他机构的模型进行微调、适配、量化或合并会改变模型行为，基础模型已发布的评测结论不能直接沿用。当模型卡的基础模型
#         来自第三方（`governance.lineage.third_party_base: true`，或 `base_model` 与 `governance.model_id` 分属不同机构）时，
#         模型卡应记录对衍生模型的评测（`governance.evaluation` 中的能力、安全或红队测试结果，或 `model-index` 结果），注明日期，
#         且日期不早于 `governance.lineage.derivation_date`、晚于 `governance.lineage.base_model_release_date`。依据
#         NIST AI 600-1 MP-4.1-007（对基于第三方模型微调或增强的模型重新评估）与 MG-3.1-003，以及《大模型落地路线图研究报告（2024年）》算法模型层关于微调及微调后评测的要求。
#       remediation: >-
#         对衍生模型开展评测，并在 `governance.evaluation` 中记录结果及日期 `date`；在 `governance.lineage` 中记录
#         `derivation_date` 与 `base_model_release_date`。
#       evidence: >-
#         基于其他组织基座模型派生的模型卡中的 `governance.lineage`（第三方基座、
#         派生日期、基座发布日期）及带日期的评测记录。
#       clauses:
#         caict-roadmap-2024: "算法模型：微调与微调后评测"
#       messages:
#         "the model derives from the third-party base `%s` but records no evaluation of its own": "该模型衍生自第三方基础模型 `%s`，但未记录对其自身的评测"
#         "the evaluations of this model derived from `%s` carry no date, so they cannot be shown to postdate the derivation": "这一衍生自 `%s` 的模型的评测记录均未注明日期，无法证明评测晚于衍生"
#         "neither `lineage.derivation_date` nor `lineage.base_model_release_date` is recorded, so the evaluation cannot be shown to be newer than the base": "`lineage.derivation_date` 与 `lineage.base_model_release_date` 均未记录，无法证明评测晚于基础模型"
#         "the latest evaluation (%s) predates the derivation on %s: re-evaluate the derived model": "最近一次评测（%s）早于 %s 的衍生：请对衍生模型重新评测"
#         "the latest evaluation (%s) is not newer than the base model's release on %s: re-evaluate the derived model": "最近一次评测（%s）不晚于基础模型的发布日期 %s：请对衍生模型重新评测"
#         "the card names no base model": "模型卡未指明基座模型"
#         "the base model is declared the organisation's own (`lineage.third_party_base: false`)": "已声明基座模型为本组织自有（`lineage.third_party_base: false`）"
#         "the base model comes from the card's own organisation (`%s`)": "基座模型来自模型卡所属组织（`%s`）"
package govlint.rules.mc020

import data.govlint.lib.model
import rego.v1

lineage := model.gov(["lineage"])

release := model.day(model.gov(["lineage", "base_model_release_date"]))

derivation := model.day(model.gov(["lineage", "derivation_date"]))

# The base comes from another organisation: declared, or inferred from the Hub ids.
third_party if model.gov(["lineage", "third_party_base"]) == true

third_party if {
	model.gov(["lineage", "third_party_base"]) == null
	mid := model.gov(["model_id"])
	is_string(mid)
	contains(mid, "/")
	own := lower(split(mid, "/")[0])
	some b in data.govlint.lib.model.base_models
	contains(b, "/")
	lower(split(b, "/")[0]) != own
}

derived if count(data.govlint.lib.model.base_models) > 0

derived if model.filled(lineage)

applies if {
	not data.govlint.lib.model.cdx
	derived
	third_party
}

base_text := concat("`, `", data.govlint.lib.model.base_models) if count(data.govlint.lib.model.base_models) > 0

default base_text := "the base model"

dates := [[d, p] | some [p, d] in data.govlint.lib.model.evaluation_dates]

latest := max({model.day(d) | some [d, _] in dates})

# The latest dated evaluation (the first path, in a stable order, when several share the day).
latest_path := by_text[min(object.keys(by_text))] if {
	by_text := {sprintf("%v", [p]): p | some [d, p] in dates; model.day(d) == latest}
}

deny contains {
	"msg": sprintf("the model derives from the third-party base `%s` but records no evaluation of its own", [base_text]),
	"path": ["governance", "evaluation"],
} if {
	applies
	not data.govlint.lib.model.has_any_evaluation
}

deny contains {
	"msg": sprintf("the evaluations of this model derived from `%s` carry no date, so they cannot be shown to postdate the derivation", [base_text]),
	"path": ["governance", "evaluation"],
} if {
	applies
	data.govlint.lib.model.has_any_evaluation
	count(dates) == 0
}

deny contains {
	"msg": "neither `lineage.derivation_date` nor `lineage.base_model_release_date` is recorded, so the evaluation cannot be shown to be newer than the base",
	"path": ["governance", "lineage", "derivation_date"],
} if {
	applies
	count(dates) > 0
	not derivation
	not release
}

deny contains {
	"msg": sprintf("the latest evaluation (%s) predates the derivation on %s: re-evaluate the derived model", [latest, derivation]),
	"path": latest_path,
} if {
	applies
	predates_derivation
}

predates_derivation if {
	derivation
	latest < derivation
}

deny contains {
	"msg": sprintf("the latest evaluation (%s) is not newer than the base model's release on %s: re-evaluate the derived model", [latest, release]),
	"path": latest_path,
} if {
	applies
	not predates_derivation
	release
	latest <= release
}

# What the rule judges (docs/policies.md, "Evidence"): the card of a model derived from a
# third-party base. A card that names no base model is none of its business; a base declared
# (or identified by the Hub ids) as the organisation's own takes it out; a derived card that says
# neither lacks the evidence to tell.
evidence if applies

no_subject contains "the card names no base model" if {
	not data.govlint.lib.model.cdx
	not derived
}

not_applicable contains "the base model is declared the organisation's own (`lineage.third_party_base: false`)" if {
	not data.govlint.lib.model.cdx
	derived
	model.gov(["lineage", "third_party_base"]) == false
}

not_applicable contains sprintf("the base model comes from the card's own organisation (`%s`)", [mid]) if {
	not data.govlint.lib.model.cdx
	derived
	model.gov(["lineage", "third_party_base"]) == null
	mid := model.gov(["model_id"])
	is_string(mid)
	contains(mid, "/")
	not third_party
	some b in data.govlint.lib.model.base_models
	contains(b, "/")
}
