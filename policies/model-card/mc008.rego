# METADATA
# title: Model card reports capability results on named benchmarks
# description: >-
#   A model's capabilities are assessed, and the card reports at least one result on a named
#   benchmark: an entry of `governance.evaluation.capability` with a `benchmark` name and a
#   numeric `value`, a Hugging Face `model-index` result with a named dataset and a metric value,
#   or an "Evaluation"/"Benchmarks"/"评测" section of the body with results (a table with scores,
#   score lines, or result plots). A link to results elsewhere is not a result. A CycloneDX
#   component reports them in `modelCard.quantitativeAnalysis.performanceMetrics` (`type` and
#   `value`).
#   Under the EU AI Act the duty does not hold for a model released under a free and
#   open-source licence with public weights (`governance.weights_public: true`) and no systemic
#   risk (Art. 53(2)): for such a card the rule's findings cite its other frameworks only, and
#   the audit report lists the EU requirement as not applicable, with the reason.
# related_resources:
#   - ref: https://eur-lex.europa.eu/eli/reg/2024/1689/oj
#     description: EU AI Act, Art. 53(1)(a) — technical documentation including the testing process and the results of its evaluation (every general-purpose model but, by Art. 53(2), one released under a free and open-source licence with public weights and no systemic risk); Annex XI Section 2, point 1 — evaluation strategies and results (models with systemic risk only)
#   - ref: https://huggingface.co/docs/hub/model-cards#evaluation-results
#     description: Hugging Face model cards, evaluation results
#   - ref: https://cyclonedx.org/docs/1.6/json/#components_items_modelCard_quantitativeAnalysis
#     description: CycloneDX 1.6 quantitativeAnalysis.performanceMetrics
# custom:
#   id: MC008
#   severity: warning
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     eu-ai-act: "Art. 53(1)(a); with systemic risk also Annex XI Section 2, point 1"
#     caict-roadmap-2024: "algorithm models: capability assessment on benchmarks"
#   params: [open_source_licenses, systemic_risk_flop]
#   remediation: >-
#     Record `governance.evaluation.capability` entries ({benchmark, metric, value, date}), or
#     `model-index` results, or an "Evaluation" section with a results table; in CycloneDX, fill
#     `modelCard.quantitativeAnalysis.performanceMetrics`.
#   examples:
#     pass: "governance: {evaluation: {capability: [{benchmark: C-Eval, metric: accuracy, value: 0.78, date: 2025-02-14}]}}"
#     fail: "governance: {evaluation: {capability: [{metric: accuracy, value: 0.78}]}}   # which benchmark?"
#   evidence:
#     needs: >-
#       `governance.evaluation.capability`, `model-index` results or an "Evaluation" section with
#       results, or a CycloneDX component's `quantitativeAnalysis.performanceMetrics`
#   i18n:
#     zh-CN:
#       title: 模型卡须报告在具名基准上的能力评测结果
#       description: >-
#         应对模型能力开展评测，并在模型卡中报告至少一项具名基准上的结果：`governance.evaluation.capability` 中含基准名称
#         `benchmark` 与数值 `value` 的条目、Hugging Face `model-index` 中注明数据集并给出指标值的结果，或正文“Evaluation”
#         “Benchmarks”“评测”等章节中的结果（含分数的表格、分数行或结果图）。仅给出外部链接不算结果。CycloneDX 以
#         `modelCard.quantitativeAnalysis.performanceMetrics` 报告。依据《大模型落地路线图研究报告（2024年）》关于模型能力评估的要求，
#         以及欧盟《人工智能法》第五十三条第1款(a)项（所有通用模型的技术文档含测试过程与评估结果）；具有系统性风险的模型另适用附件十一第2节第1点（评估策略与结果）。
#         依欧盟《人工智能法》第五十三条第2款，以自由开源许可发布、权重公开（`governance.weights_public: true`）且无系统性风险的模型不承担该项义务：此类模型卡的发现只引用规则的其他框架，审计报告将欧盟要求列为不适用并说明理由。
#       remediation: >-
#         记录 `governance.evaluation.capability`（benchmark、metric、value、date），或 `model-index` 评测结果，或在正文
#         “Evaluation”章节给出结果表；CycloneDX 中填写 `modelCard.quantitativeAnalysis.performanceMetrics`。
#       evidence: >-
#         `governance.evaluation.capability`、`model-index` 结果或含结果的“评测”章节，
#         或 CycloneDX 组件的 `quantitativeAnalysis.performanceMetrics`。
#       clauses:
#         caict-roadmap-2024: "算法模型：基准测试能力评估"
#       messages:
#         "the model card reports no capability result on a named benchmark: add `governance.evaluation.capability`, `model-index` results or an \"Evaluation\" section with results": "模型卡未报告任何具名基准上的能力评测结果：请补充 `governance.evaluation.capability`、`model-index` 评测结果，或含结果的“Evaluation”章节"
#         "capability evaluation %d has no %s": "能力评测条目 %d 缺少 %s"
#         "the machine-learning-model component `%v` reports no performance metric (`type` and `value`) in `modelCard.quantitativeAnalysis.performanceMetrics`": "machine-learning-model 组件 `%v` 未在 `modelCard.quantitativeAnalysis.performanceMetrics` 中报告性能指标（`type` 与 `value`）"
package govlint.rules.mc008

import data.govlint.lib.model
import rego.v1

doc := data.govlint.lib.model.body

capability := model.gov(["evaluation", "capability"])

reported if data.govlint.lib.model.named_capability_result

reported if data.govlint.lib.model.named_model_index_result

reported if model.evaluation_reported(doc)

deny contains {
	"msg": "the model card reports no capability result on a named benchmark: add `governance.evaluation.capability`, `model-index` results or an \"Evaluation\" section with results",
	"path": ["governance", "evaluation", "capability"],
} if {
	not data.govlint.lib.model.cdx
	not reported
}

deny contains {
	"msg": sprintf("capability evaluation %d has no %s", [i, what]),
	"path": ["governance", "evaluation", "capability", i, field],
} if {
	not data.govlint.lib.model.cdx
	some i, e in model.as_list(capability)
	is_object(e)
	some [field, what] in [["benchmark", "`benchmark` name"], ["value", "numeric `value`"]]
	not entry_field(e, field)
}

entry_field(e, "benchmark") if model.filled(object.get(e, "benchmark", null))

entry_field(e, "value") if is_number(object.get(e, "value", null))

deny contains {
	"msg": sprintf("the machine-learning-model component `%v` reports no performance metric (`type` and `value`) in `modelCard.quantitativeAnalysis.performanceMetrics`", [object.get(c, "name", "?")]),
	"path": array.concat(path, ["modelCard", "quantitativeAnalysis", "performanceMetrics"]),
} if {
	some [path, c] in data.govlint.lib.model.ml_components
	not metric_reported(c)
}

metric_reported(c) if {
	some m in model.as_list(model.mc(c, ["quantitativeAnalysis", "performanceMetrics"]))
	is_object(m)
	model.filled(object.get(m, "type", null))
	model.filled(object.get(m, "value", null))
}

# What the rule judges (docs/policies.md, "Evidence"): every model card, whatever its format: the capability results on named benchmarks.
# A card that states none of it fails the rule.
evidence := true

# EU AI Act Art. 53(2): a model released under a free and open-source licence, with public
# weights and without systemic risk, is out of the Art. 53(1)(a) duty; the rule's other
# frameworks still hold (see data.govlint.lib.model.eu_open_release).
exempt contains {"framework": "eu-ai-act", "reason": reason} if {
	reason := model.eu_open_release(data.govlint.params.mc008)
}
