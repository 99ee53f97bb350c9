# METADATA
# title: Model card states the training compute and the energy or emissions
# description: >-
#   The documentation of a general-purpose model states the computational resources used to
#   train it and its energy consumption. The card gives the training compute as a number
#   (`governance.training_compute_flop`; in the body a FLOP count or GPU-hours, e.g. "7.7M GPU
#   hours") and the energy or emissions (`governance.energy_kwh`, the Hugging Face
#   `co2_eq_emissions` field, or in the body an amount such as "2290 tCO2eq" or "4,200 kWh"). A
#   placeholder such as `co2_eq_emissions: "[More Information Needed]"` does not count. A
#   CycloneDX component states energy and emissions in
#   `modelCard.considerations.environmentalConsiderations.energyConsumptions`; CycloneDX has no
#   training-compute field, which goes in a native `ModelCard` beside the BOM.
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 2(d) computational resources and point 2(e) energy consumption
#   - ref: https://doi.org/10.6028/NIST.AI.600-1
#     description: NIST AI 600-1, MS-2.12 (environmental impact and sustainability; MS-2.12-003 energy and water of training)
#   - ref: https://huggingface.co/docs/hub/model-cards-co2
#     description: Hugging Face model cards, co2_eq_emissions
# custom:
#   id: MC012
#   severity: warning
#   kinds: [model-card]
#   layer: infrastructure
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI Section 1, point 2(d)(e)"
#     nist-ai-600-1: "MS-2.12 (MS-2.12-003)"
#     caict-roadmap-2024: "infrastructure: compute planning and energy efficiency"
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Add `governance.training_compute_flop` (a number, e.g. `9.5e+22`) and
#     `governance.energy_kwh` or `co2_eq_emissions`; in CycloneDX, fill
#     `environmentalConsiderations.energyConsumptions`.
#   examples:
#     pass: "co2_eq_emissions: {emissions: 1850000}\ngovernance: {training_compute_flop: 9.5e+22}"
#     fail: "governance: {training_compute_flop: lots}"
#   evidence:
#     needs: >-
#       `governance.training_compute_flop` and `governance.energy_kwh` (or `co2_eq_emissions`),
#       or a CycloneDX component's `considerations.environmentalConsiderations`
#   i18n:
#     zh-CN:
#       title: 模型卡须说明训练算力与能耗或碳排放
#       description: >-
#         通用模型的技术文档应说明训练所用的计算资源和能耗。模型卡应以数值给出训练算力（`governance.training_compute_flop`；
#         正文中可为 FLOP 数或 GPU 小时数，如“7.7M GPU hours”），并给出能耗或碳排放（`governance.energy_kwh`、Hugging Face
#         `co2_eq_emissions` 字段，或正文中的“2290 tCO2eq”“4,200 kWh”等数值）。占位符不计。CycloneDX 以
#         `environmentalConsiderations.energyConsumptions` 载明能耗与排放。依据欧盟《人工智能法》附件十一第1节第2(d)(e)点、
#         NIST AI 600-1 MS-2.12，以及《大模型落地路线图研究报告（2024年）》基础设施层关于算力规划与能效的要求。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         补充 `governance.training_compute_flop`（数值，如 `9.5e+22`）以及 `governance.energy_kwh` 或 `co2_eq_emissions`；
#         CycloneDX 中填写 `environmentalConsiderations.energyConsumptions`。
#       evidence: >-
#         `governance.training_compute_flop` 与 `governance.energy_kwh`（或
#         `co2_eq_emissions`），或 CycloneDX 组件的
#         `considerations.environmentalConsiderations`。
#       clauses:
#         caict-roadmap-2024: "基础设施：算力规划与能效"
#       messages:
#         "the model card does not state the training compute: add `governance.training_compute_flop` (FLOP, a number)": "模型卡未说明训练算力：请补充 `governance.training_compute_flop`（以 FLOP 计的数值）"
#         "`training_compute_flop` is `%v`; write the cumulative training compute in FLOP as a number (e.g. 9.5e+22)": "`training_compute_flop` 的值为 `%v`；请以数值写明以 FLOP 计的累计训练算力（如 9.5e+22）"
#         "`energy_kwh` is `%v`; write the training energy in kWh as a number": "`energy_kwh` 的值为 `%v`；请以数值写明以 kWh 计的训练能耗"
#         "`co2_eq_emissions` is `%v`, not an amount, and no training energy is stated: add `governance.energy_kwh` or the emissions in grams": "`co2_eq_emissions` 的值为 `%v`，不是排放量数值，且未说明训练能耗：请补充 `governance.energy_kwh` 或以克计的排放量"
#         "the model card states neither the training energy nor the emissions: add `governance.energy_kwh` or `co2_eq_emissions`": "模型卡既未说明训练能耗，也未说明碳排放：请补充 `governance.energy_kwh` 或 `co2_eq_emissions`"
#         "the machine-learning-model component `%v` states no energy consumption or emissions in `modelCard.considerations.environmentalConsiderations`": "machine-learning-model 组件 `%v` 未在 `modelCard.considerations.environmentalConsiderations` 中说明能耗或碳排放"
package govlint.rules.mc012

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

flop := model.gov(["training_compute_flop"])

energy := model.gov(["energy_kwh"])

deny contains {
	"msg": "the model card does not state the training compute: add `governance.training_compute_flop` (FLOP, a number)",
	"path": ["governance", "training_compute_flop"],
} if {
	not data.govlint.lib.model.cdx
	flop == null
	not model.compute_stated(doc)
}

deny contains {
	"msg": sprintf("`training_compute_flop` is `%v`; write the cumulative training compute in FLOP as a number (e.g. 9.5e+22)", [flop]),
	"path": ["governance", "training_compute_flop"],
} if {
	not data.govlint.lib.model.cdx
	flop != null
	not is_number(flop)
}

deny contains {
	"msg": sprintf("`energy_kwh` is `%v`; write the training energy in kWh as a number", [energy]),
	"path": ["governance", "energy_kwh"],
} if {
	not data.govlint.lib.model.cdx
	energy != null
	not is_number(energy)
}

deny contains {
	"msg": msg,
	"path": path,
} if {
	not data.govlint.lib.model.cdx
	energy == null
	not data.govlint.lib.model.has_co2_field
	not model.emissions_stated(doc)
	[msg, path] := missing_energy
}

missing_energy := [sprintf("`co2_eq_emissions` is `%v`, not an amount, and no training energy is stated: add `governance.energy_kwh` or the emissions in grams", [input.co2_eq_emissions]), ["co2_eq_emissions"]] if {
	object.get(input, "co2_eq_emissions", null) != null
}

missing_energy := ["the model card states neither the training energy nor the emissions: add `governance.energy_kwh` or `co2_eq_emissions`", ["governance", "energy_kwh"]] if {
	object.get(input, "co2_eq_emissions", null) == null
}

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` states no energy consumption or emissions in `modelCard.considerations.environmentalConsiderations`", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "considerations", "environmentalConsiderations"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	not cdx_energy(c)
}

cdx_energy(c) if {
	some e in model.as_list(model.mc(c, ["considerations", "environmentalConsiderations", "energyConsumptions"]))
	is_object(e)
	some p in [["activityEnergyCost", "value"], ["co2CostEquivalent", "value"]]
	is_number(object.get(e, p, null))
}

cdx_energy(c) if {
	some e in model.as_list(model.mc(c, ["considerations", "environmentalConsiderations", "energyConsumptions"]))
	is_object(e)
	some provider in model.as_list(object.get(e, "energyProviders", null))
	is_object(provider)
	is_number(object.get(provider, ["energyProvided", "value"], null))
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the training compute and the energy or emissions.
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the documentation duties of Art. 53(1)(a) and
# (b), whose contents Annex XI Section 1 and Annex XII list; the rule's other frameworks still
# hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc012)
}
