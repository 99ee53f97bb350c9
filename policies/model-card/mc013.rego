# METADATA
# title: Model card states limitations, biases and risks
# description: >-
#   Users must be told what the model cannot do reliably and which biases, risks and harms it
#   carries. The card states its limitations (`governance.limitations`, a "Limitations" section
#   such as "Bias, Risks, and Limitations", "Ethical Considerations and Limitations",
#   "Limitations and biases", "局限性", or a labelled "**Limitations:** …" line) and its biases and
#   risks (`governance.bias_risks`, a section or label about bias, risks, ethics, harms or safety,
#   or a limitations text that discusses biases or harmful output). Sections holding only template
#   placeholders do not count. A CycloneDX component states them in
#   `modelCard.considerations.technicalLimitations` and `ethicalConsiderations` (or
#   `fairnessAssessments`).
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-card-annotated
#     description: Hugging Face annotated model card, "Bias, Risks, and Limitations"
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 53(1)(b)(i) — information that gives downstream providers a good understanding of the capabilities and limitations of the model; Annex XII (its minimum elements); Art. 53(2) — not for a model released under a free and open-source licence with public weights and no systemic risk
#   - ref: https://cyclonedx.org/docs/1.6/json/#components_items_modelCard_considerations
#     description: CycloneDX 1.6 modelCard considerations
# custom:
#   id: MC013
#   severity: warning
#   kinds: [model-card]
#   layer: security-trustworthiness
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Art. 53(1)(b)(i); Annex XII"
#     caict-roadmap-2024: "security & trustworthiness: disclosure of model limitations, bias and risks"
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Add `governance.limitations` and `governance.bias_risks`, or fill the card's "Bias, Risks,
#     and Limitations" section; in CycloneDX, fill `considerations.technicalLimitations` and
#     `ethicalConsiderations`.
#   examples:
#     pass: "governance: {limitations: [knowledge cut-off Nov 2024], bias_risks: [weaker in Cantonese]}"
#     fail: "governance: {limitations: [knowledge cut-off Nov 2024]}   # no bias or risks"
#   evidence:
#     needs: >-
#       `governance.limitations` and `governance.bias_risks` (or "Limitations" and "Bias, Risks"
#       sections), or a CycloneDX component's `considerations.technicalLimitations` and
#       `ethicalConsiderations`
#   i18n:
#     zh-CN:
#       title: 模型卡须说明局限性、偏见与风险
#       description: >-
#         应向使用者说明模型不能可靠完成的事项及其存在的偏见、风险与危害。模型卡应载明局限性（`governance.limitations`，
#         或“Bias, Risks, and Limitations”“Limitations and biases”“局限性”等章节、“**Limitations:** …”标签行）以及偏见与风险
#         （`governance.bias_risks`，或关于偏见、风险、伦理、危害、安全的章节，或讨论偏见、有害输出的局限性说明）。仅含模板
#         占位符的章节不计。CycloneDX 以 `considerations.technicalLimitations` 与 `ethicalConsiderations`（或
#         `fairnessAssessments`）载明。依据 Hugging Face 模型卡模板、欧盟《人工智能法》第五十三条第1款(b)项(i)目及附件十二（使下游提供者充分了解模型的能力与局限），以及
#         《大模型落地路线图研究报告（2024年）》安全可信层关于风险披露的要求。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         补充 `governance.limitations` 与 `governance.bias_risks`，或填写模型卡的“Bias, Risks, and Limitations”章节；
#         CycloneDX 中填写 `considerations.technicalLimitations` 与 `ethicalConsiderations`。
#       evidence: >-
#         `governance.limitations` 与 `governance.bias_risks`（或“局限”“偏见与风险”章节）
#         ，或 CycloneDX 组件的 `considerations.technicalLimitations` 与
#         `ethicalConsiderations`。
#       clauses:
#         caict-roadmap-2024: "安全可信：模型局限、偏见与风险披露"
#       messages:
#         "the model card states no limitations: add `governance.limitations` or a \"Limitations\" section": "模型卡未说明局限性：请补充 `governance.limitations` 或“Limitations”章节"
#         "the model card states no biases or risks: add `governance.bias_risks` or a \"Bias, Risks, and Limitations\" section": "模型卡未说明偏见与风险：请补充 `governance.bias_risks` 或“Bias, Risks, and Limitations”章节"
#         "the machine-learning-model component `%v` states no technical limitations in `modelCard.considerations.technicalLimitations`": "machine-learning-model 组件 `%v` 未在 `modelCard.considerations.technicalLimitations` 中说明技术局限性"
#         "the machine-learning-model component `%v` states no ethical considerations or fairness assessments (biases, risks) in `modelCard.considerations`": "machine-learning-model 组件 `%v` 未在 `modelCard.considerations` 中说明伦理考量或公平性评估（偏见、风险）"
package govlint.rules.mc013

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

deny contains {
	"msg": "the model card states no limitations: add `governance.limitations` or a \"Limitations\" section",
	"path": ["governance", "limitations"],
} if {
	not data.govlint.lib.model.cdx
	not model.limitations_stated(doc)
}

deny contains {
	"msg": "the model card states no biases or risks: add `governance.bias_risks` or a \"Bias, Risks, and Limitations\" section",
	"path": ["governance", "bias_risks"],
} if {
	not data.govlint.lib.model.cdx
	not model.bias_risks_stated(doc)
}

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` states no technical limitations in `modelCard.considerations.technicalLimitations`", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "considerations", "technicalLimitations"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	not model.filled(model.mc(c, ["considerations", "technicalLimitations"]))
}

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` states no ethical considerations or fairness assessments (biases, risks) in `modelCard.considerations`", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "considerations", "ethicalConsiderations"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	not model.filled(model.mc(c, ["considerations", "ethicalConsiderations"]))
	not model.filled(model.mc(c, ["considerations", "fairnessAssessments"]))
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the limitations, biases and risks.
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the Art. 53(1)(b) duty; the rule's other
# frameworks still hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc013)
}
