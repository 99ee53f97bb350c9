# METADATA
# title: Red-teaming is recorded for models with systemic risk
# description: >-
#   Providers of general-purpose models with systemic risk must evaluate them with adversarial
#   testing and document it. When the card declares `governance.systemic_risk: true`, or its
#   `governance.training_compute_flop` exceeds the threshold at which the EU AI Act presumes
#   systemic risk (a parameter), the card records the red-teaming in
#   `governance.evaluation.red_teaming`: `performed: true`, the `date`, and the outcome
#   (`findings` or a `report_url`). A filled "Red teaming" section of the body counts as the
#   record when the block has none. CycloneDX has no field for it; it goes in a native
#   `ModelCard` beside the BOM.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 51(2) (10^25 FLOP presumption) and Art. 55(1)(a) (adversarial testing)
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, MS-2.7 (security and resilience evaluated); MS-2.7-007 (AI red-teaming)
# custom:
#   id: MC011
#   severity: error
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     eu-ai-act: ["Art. 51(2)", "Art. 55(1)(a)"]
#     nist-ai-600-1: "MS-2.7-007 (AI red-teaming)"
#     caict-roadmap-2024: "security & trustworthiness: red teaming and adversarial testing"
#   params: [systemic_risk_flop]
#   remediation: >-
#     Record `governance.evaluation.red_teaming` with `performed: true`, `date`, `performed_by`,
#     `scope` and `findings` (or `report_url`).
#   examples:
#     pass: "governance: {systemic_risk: true, evaluation: {red_teaming: {performed: true, date: 2025-02-18, findings: two jailbreaks fixed}}}"
#     fail: "governance: {training_compute_flop: 3.8e+25}   # no red-teaming record"
#   evidence:
#     needs: >-
#       `governance.systemic_risk` and `governance.training_compute_flop` (the card's, or
#       `systemic_risk` in the repository profile) and, for a model with systemic risk,
#       `governance.evaluation.red_teaming`
#   i18n:
#     zh-CN:
#       title: 具有系统性风险的模型须记录红队测试
#       description: >-
#         具有系统性风险的通用模型的提供者应开展对抗性测试并形成记录。模型卡声明 `governance.systemic_risk: true`，或
#         `governance.training_compute_flop` 超过欧盟《人工智能法》推定具有系统性风险的算力阈值（可配置参数）时，应在
#         `governance.evaluation.red_teaming` 中记录红队测试：`performed: true`、测试日期 `date`，以及结论 `findings` 或报告
#         `report_url`。依据欧盟《人工智能法》第五十一条第2款、第五十五条第1款(a)项，NIST AI 600-1 MS-2.7-007（AI 红队测试），以及
#         《大模型落地路线图研究报告（2024年）》安全可信层关于红队测试的要求。
#       remediation: >-
#         在 `governance.evaluation.red_teaming` 中记录 `performed: true`、`date`、`performed_by`、`scope` 以及 `findings`
#         （或 `report_url`）。
#       evidence: >-
#         `governance.systemic_risk` 与 `governance.training_compute_flop`（模型卡的声明
#         ，或仓库画像中的 `systemic_risk`）；具有系统性风险的模型还须有
#         `governance.evaluation.red_teaming`。
#       clauses:
#         caict-roadmap-2024: "安全可信：红队与对抗测试"
#       messages:
#         "its training compute (%s FLOP) exceeds %s FLOP": "其训练算力（%s FLOP）超过 %s FLOP"
#         "the card declares `systemic_risk: true`": "模型卡声明了 `systemic_risk: true`"
#         "the repository profile declares `systemic_risk: true`": "仓库画像声明了 `systemic_risk: true`"
#         "no red-teaming is recorded, but %s": "未记录红队测试，但 %s"
#         "red-teaming is not recorded as performed (`performed: %v`), but %s": "红队测试未记录为已开展（`performed: %v`），但 %s"
#         "the red-teaming record has no ISO 8601 `date`": "红队测试记录缺少 ISO 8601 格式的 `date`"
#         "the red-teaming record documents no outcome: add `findings` or `report_url`": "红队测试记录未载明测试结论：请补充 `findings` 或 `report_url`"
#         "no systemic risk is declared (`systemic_risk: false`)": "已声明无系统性风险（`systemic_risk: false`）"
#         "its training compute (%s FLOP) is below %s FLOP and no systemic risk is declared": "其训练算力（%s FLOP）低于 %s FLOP，且未声明系统性风险"
package govlint.rules.mc011

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

params := data.govlint.params.mc011

base := ["governance", "evaluation", "red_teaming"]

record := model.gov(["evaluation", "red_teaming"])

flop := model.gov(["training_compute_flop"])

# Whether the model has systemic risk: the card's declaration, else the repository profile's.
systemic := v if {
	v := model.gov(["systemic_risk"])
	is_boolean(v)
}

systemic := v if {
	not is_boolean(model.gov(["systemic_risk"]))
	v := data.govlint.lib.core.profile.systemic_risk
	is_boolean(v)
}

reason := "the card declares `systemic_risk: true`" if model.gov(["systemic_risk"]) == true

reason := "the repository profile declares `systemic_risk: true`" if {
	not is_boolean(model.gov(["systemic_risk"]))
	data.govlint.lib.core.profile.systemic_risk == true
}

reason := sprintf("its training compute (%s FLOP) exceeds %s FLOP", [model.sci(flop), model.sci(params.systemic_risk_flop)]) if {
	not systemic == true
	is_number(flop)
	flop > params.systemic_risk_flop
}

deny contains {"msg": sprintf("no red-teaming is recorded, but %s", [reason]), "path": base} if {
	not data.govlint.lib.model.cdx
	reason
	not is_object(record)
	not model.section_filled(doc, `red[- ]?team|adversarial|红队|对抗`)
}

deny contains {"msg": sprintf("red-teaming is not recorded as performed (`performed: %v`), but %s", [object.get(record, "performed", "missing"), reason]), "path": array.concat(base, ["performed"])} if {
	reason
	is_object(record)
	object.get(record, "performed", null) != true
}

deny contains {"msg": "the red-teaming record has no ISO 8601 `date`", "path": array.concat(base, ["date"])} if {
	reason
	is_object(record)
	record.performed == true
	not model.iso_date(object.get(record, "date", null))
}

deny contains {"msg": "the red-teaming record documents no outcome: add `findings` or `report_url`", "path": array.concat(base, ["findings"])} if {
	reason
	is_object(record)
	record.performed == true
	not model.filled(object.get(record, "findings", null))
	not model.url_like(object.get(record, "report_url", null))
}

# What the rule judges (docs/policies.md, "Evidence"): the red-teaming record of a model with
# systemic risk. A model declared without systemic risk (by its card, else the repository
# profile), or whose declared training compute is below the threshold, is out of it; a card that
# declares neither lacks the evidence to tell.
evidence if reason

not_applicable contains "no systemic risk is declared (`systemic_risk: false`)" if {
	not reason
	systemic == false
}

not_applicable contains sprintf("its training compute (%s FLOP) is below %s FLOP and no systemic risk is declared", [model.sci(flop), model.sci(params.systemic_risk_flop)]) if {
	not reason
	not is_boolean(systemic)
	is_number(flop)
}
