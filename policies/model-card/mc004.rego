# METADATA
# title: Model card describes the architecture and the parameter count
# description: >-
#   The technical documentation of a general-purpose model gives its architecture and number of
#   parameters. The card states the architecture (`governance.architecture`; in the body an
#   "Architecture" section, a labelled "Model Architecture"/"Model type" line, or a sentence
#   naming it, e.g. "a Transformer-based language model") and the parameter count
#   (`governance.parameter_count`, which must be an integer such as 7615616512, not "7.6B"; in
#   the body "7.61B parameters", "70亿参数" or a "Params" table column). A CycloneDX component
#   states the architecture in `modelCard.modelParameters.modelArchitecture` or
#   `architectureFamily`; CycloneDX has no parameter-count field, which goes in a native
#   `ModelCard` beside the BOM.
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 1(d) and Annex XII, point 1(f) — architecture and number of parameters
#   - ref: https://cyclonedx.org/docs/1.6/json/#components_items_modelCard_modelParameters
#     description: CycloneDX 1.6 modelParameters (architectureFamily, modelArchitecture)
# custom:
#   id: MC004
#   severity: error
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Annex XI Section 1, point 1(d); Annex XII, point 1(f)"
#     caict-roadmap-2024: "algorithm models: model selection (architecture and scale)"
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Add `governance.architecture` (e.g. `decoder-only transformer, 28 layers, GQA`) and
#     `governance.parameter_count` as an integer; in CycloneDX, fill
#     `modelCard.modelParameters.modelArchitecture`.
#   examples:
#     pass: "governance: {architecture: decoder-only transformer, parameter_count: 7615616512}"
#     fail: "governance: {architecture: decoder-only transformer, parameter_count: 7.6B}"
#   evidence:
#     needs: >-
#       `governance.architecture` and `governance.parameter_count` (or an "Architecture"
#       section), or a CycloneDX component's `modelParameters.modelArchitecture` /
#       `architectureFamily`
#   i18n:
#     zh-CN:
#       title: 模型卡须说明模型架构与参数量
#       description: >-
#         通用模型的技术文档应说明模型架构和参数数量。模型卡应载明架构（`governance.architecture`，或正文中的“Architecture”
#         章节、“Model type”等标签行、“基于 Transformer 的语言模型”一类表述）和参数量（`governance.parameter_count`，
#         须为整数，如 7615616512，而非“7.6B”；正文中可为“7.61B parameters”“70亿参数”或表格中的“Params”列）。
#         CycloneDX 以 `modelParameters.modelArchitecture` 或 `architectureFamily` 载明架构。依据欧盟《人工智能法》附件十一
#         第1节第1(d)点、附件十二第1(f)点，以及《大模型落地路线图研究报告（2024年）》算法模型层关于模型选型的要求。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         补充 `governance.architecture`（如“decoder-only transformer，28 层，GQA”）和整数形式的
#         `governance.parameter_count`；CycloneDX 中填写 `modelCard.modelParameters.modelArchitecture`。
#       evidence: >-
#         `governance.architecture` 与 `governance.parameter_count`（或“架构”章节）
#         ，或 CycloneDX 组件的 `modelParameters.modelArchitecture` /
#         `architectureFamily`。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型选型（架构与规模）"
#       messages:
#         "the model card does not describe the architecture: add `governance.architecture` or an \"Architecture\" section": "模型卡未说明模型架构：请补充 `governance.architecture` 或“Architecture”章节"
#         "the model card does not state the parameter count: add `governance.parameter_count` as an integer": "模型卡未说明参数量：请以整数形式补充 `governance.parameter_count`"
#         "`parameter_count` is `%v`; write the total number of parameters as an integer (e.g. 7615616512)": "`parameter_count` 的值为 `%v`；请以整数写明参数总量（如 7615616512）"
#         "the machine-learning-model component `%v` does not describe its architecture in `modelCard.modelParameters.modelArchitecture` or `architectureFamily`": "machine-learning-model 组件 `%v` 未在 `modelCard.modelParameters.modelArchitecture` 或 `architectureFamily` 中说明模型架构"
package govlint.rules.mc004

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

count_value := model.gov(["parameter_count"])

deny contains {
	"msg": "the model card does not describe the architecture: add `governance.architecture` or an \"Architecture\" section",
	"path": ["governance", "architecture"],
} if {
	not data.govlint.lib.model.cdx
	not model.architecture_stated(doc)
}

deny contains {
	"msg": "the model card does not state the parameter count: add `governance.parameter_count` as an integer",
	"path": ["governance", "parameter_count"],
} if {
	not data.govlint.lib.model.cdx
	count_value == null
	not model.parameter_count_stated(doc)
}

deny contains {
	"msg": sprintf("`parameter_count` is `%v`; write the total number of parameters as an integer (e.g. 7615616512)", [count_value]),
	"path": ["governance", "parameter_count"],
} if {
	not data.govlint.lib.model.cdx
	count_value != null
	not model.integer(count_value)
}

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` does not describe its architecture in `modelCard.modelParameters.modelArchitecture` or `architectureFamily`", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "modelParameters", "modelArchitecture"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	not model.filled(model.mc(c, ["modelParameters", "modelArchitecture"]))
	not model.filled(model.mc(c, ["modelParameters", "architectureFamily"]))
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the architecture and the parameter count.
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the documentation duties of Art. 53(1)(a) and
# (b), whose contents Annex XI Section 1 and Annex XII list; the rule's other frameworks still
# hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc004)
}
