# METADATA
# title: Model card states intended uses and out-of-scope uses
# description: >-
#   Providers must tell downstream users what the model is for and what it must not be used
#   for. The card states intended uses (`governance.intended_uses`, or a Markdown section such as
#   "Intended Use", "Uses"/"Direct Use", "Downstream Use", or a labelled line "**Intended Use
#   Cases** …") and out-of-scope uses (`governance.out_of_scope_uses`, a published acceptable use
#   policy in `governance.acceptable_use_policy_url`, an "Out-of-Scope Use" or "Misuse" section,
#   a labelled "**Out-of-scope** …" line, or the acceptable use policy of a gated repository's
#   `extra_gated_prompt`). Sections that hold only template placeholders do not count. A
#   CycloneDX component states its intended uses in `modelCard.considerations.useCases`;
#   CycloneDX has no field for out-of-scope uses, which go in a native `ModelCard` beside the BOM.
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Annex XI Section 1, point 1(a)(b) and Annex XII, point 1(a)(b) — tasks, intended uses, acceptable use policies
#   - ref: https://www.cac.gov.cn/2023-07/13/c_1690898327029107.htm
#     description: Interim Measures for the Management of Generative AI Services, Art. 10
#   - ref: https://huggingface.co/docs/hub/model-card-annotated
#     description: Hugging Face annotated model card, "Uses" section
# custom:
#   id: MC003
#   severity: error
#   kinds: [model-card]
#   layer: application-services
#   stage: application-deployment
#   frameworks:
#     eu-ai-act: ["Annex XI Section 1, point 1(a)(b)", "Annex XII, point 1(a)(b)"]
#     cn-genai: "Interim Measures Art. 10 (intended users, occasions and uses made explicit and public)"
#     caict-roadmap-2024: "application services: scenario definition and use boundaries"
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Add `governance.intended_uses` and `governance.out_of_scope_uses` (or
#     `acceptable_use_policy_url`), or fill the card's "Direct Use" and "Out-of-Scope Use"
#     sections; in a CycloneDX BOM, fill `modelCard.considerations.useCases`.
#   examples:
#     pass: "governance: {intended_uses: [customer support chat], out_of_scope_uses: [medical advice]}"
#     fail: "governance: {intended_uses: [customer support chat]}   # no out-of-scope uses"
#   evidence:
#     needs: >-
#       `governance.intended_uses` and `governance.out_of_scope_uses` (or
#       `acceptable_use_policy_url`), "Intended Use" and "Out-of-Scope Use" sections, or a
#       CycloneDX component's `modelCard.considerations.useCases`
#   i18n:
#     zh-CN:
#       title: 模型卡须说明预期用途与不适用用途
#       description: >-
#         提供者应向下游使用者说明模型适用于哪些任务、人群和场合，以及不得或不宜用于哪些用途。模型卡应载明预期用途
#         （`governance.intended_uses`，或“Intended Use”“Direct Use”“用途”等章节、带标签的说明行）和不适用用途
#         （`governance.out_of_scope_uses`、可访问的可接受使用政策 `acceptable_use_policy_url`，或“Out-of-Scope Use”等章节）。
#         仅含模板占位符的章节不计。依据《生成式人工智能服务管理暂行办法》第十条（明确并公开服务的适用人群、场合、用途），
#         欧盟《人工智能法》附件十一第1节第1(a)(b)点、附件十二第1(a)(b)点，以及《大模型落地路线图研究报告（2024年）》
#         应用服务层关于场景界定的要求。CycloneDX 物料清单以 `modelCard.considerations.useCases` 载明预期用途。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         补充 `governance.intended_uses` 与 `governance.out_of_scope_uses`（或 `acceptable_use_policy_url`），
#         或填写模型卡的“Direct Use”“Out-of-Scope Use”章节；CycloneDX 中填写 `modelCard.considerations.useCases`。
#       evidence: >-
#         `governance.intended_uses` 与 `governance.out_of_scope_uses`（或
#         `acceptable_use_policy_url`）、“预期用途”与“超出范围的用途”章节，
#         或 CycloneDX 组件的 `modelCard.considerations.useCases`。
#       clauses:
#         caict-roadmap-2024: "应用服务：场景定义与使用边界"
#       messages:
#         "the model card states no intended uses: add `governance.intended_uses` or fill an \"Intended Use\"/\"Direct Use\" section": "模型卡未说明预期用途：请补充 `governance.intended_uses`，或填写“Intended Use”/“Direct Use”章节"
#         "the model card states no out-of-scope uses: add `governance.out_of_scope_uses` or `acceptable_use_policy_url`, or fill an \"Out-of-Scope Use\" section": "模型卡未说明不适用用途：请补充 `governance.out_of_scope_uses` 或 `acceptable_use_policy_url`，或填写“Out-of-Scope Use”章节"
#         "the machine-learning-model component `%v` states no intended uses in `modelCard.considerations.useCases`": "machine-learning-model 组件 `%v` 未在 `modelCard.considerations.useCases` 中说明预期用途"
package govlint.rules.mc003

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

deny contains {
	"msg": "the model card states no intended uses: add `governance.intended_uses` or fill an \"Intended Use\"/\"Direct Use\" section",
	"path": ["governance", "intended_uses"],
} if {
	not data.govlint.lib.model.cdx
	not model.intended_uses_stated(doc)
}

deny contains {
	"msg": "the model card states no out-of-scope uses: add `governance.out_of_scope_uses` or `acceptable_use_policy_url`, or fill an \"Out-of-Scope Use\" section",
	"path": ["governance", "out_of_scope_uses"],
} if {
	not data.govlint.lib.model.cdx
	not model.out_of_scope_stated(doc)
}

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` states no intended uses in `modelCard.considerations.useCases`", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "considerations", "useCases"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	not model.filled(model.mc(c, ["considerations", "useCases"]))
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the intended and out-of-scope uses.
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the documentation duties of Art. 53(1)(a) and
# (b), whose contents Annex XI Section 1 and Annex XII list; the rule's other frameworks still
# hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc003)
}
