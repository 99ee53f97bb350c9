# METADATA
# title: model-index results are complete
# description: >-
#   Each result of the Hugging Face `model-index` carries what the Hub needs to show and compare
#   it: `task.type`, `dataset.type`, `dataset.name`, and at least one metric, each with `type` and
#   `value`. A result that lacks one of them is dropped or shown without context on the Hub.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/model-cards#evaluation-results
#     description: Hugging Face model cards, evaluation results (model-index)
#   - ref: https://github.com/huggingface/hub-docs/blob/main/modelcard.md
#     description: Model card metadata specification, model-index (required fields)
# custom:
#   id: MC007
#   severity: error
#   kinds: [model-card]
#   layer: algorithm-models
#   stage: capability-building
#   frameworks:
#     baseline: hygiene
#     caict-roadmap-2024: "algorithm models: model evaluation (reproducible, comparable results)"
#   remediation: >-
#     Give every `model-index[].results[]` entry `task.type`, `dataset.type`, `dataset.name` and
#     `metrics:` with `type` and `value` for each metric.
#   examples:
#     pass: "model-index: [{name: m, results: [{task: {type: text-generation}, dataset: {type: cais/mmlu, name: MMLU}, metrics: [{type: accuracy, value: 71.4}]}]}]"
#     fail: "model-index: [{name: m, results: [{task: {type: text-generation}, metrics: [{type: accuracy}]}]}]"
#   evidence:
#     needs: >-
#       the `model-index` results of a Hugging Face card; a card without `model-index` results
#       has nothing to judge
#   i18n:
#     zh-CN:
#       title: model-index 评测结果字段须完整
#       description: >-
#         Hugging Face `model-index` 中的每条评测结果都应包含 `task.type`、`dataset.type`、`dataset.name`，以及至少一项指标，
#         每项指标须有 `type` 和 `value`。缺少其中任何一项，Hugging Face Hub 将无法展示或比较该结果。属于基础规范检查，
#         对应《大模型落地路线图研究报告（2024年）》算法模型层关于模型评测结果可复现、可比较的要求。
#       remediation: >-
#         为每条 `model-index[].results[]` 补全 `task.type`、`dataset.type`、`dataset.name`，并在 `metrics` 中为每项指标给出
#         `type` 与 `value`。
#       evidence: >-
#         Hugging Face 模型卡中的 `model-index` 结果；没有 `model-index` 结果的模型卡无需判断。
#       clauses:
#         caict-roadmap-2024: "算法模型：模型评测（可复现、可比较的结果）"
#       messages:
#         "model-index result %d of `%v` has no `%s`": "model-index 评测结果 %d（`%v`）缺少 `%s`"
#         "model-index result %d of `%v` has no `metrics`": "model-index 评测结果 %d（`%v`）缺少 `metrics`"
#         "metric %d of model-index result %d of `%v` has no `%s`": "model-index 评测结果 %[2]d（`%[3]v`）的第 %[1]d 项指标缺少 `%[4]s`"
#         "model-index result %d of `%v` is not a mapping": "model-index 评测结果 %d（`%v`）不是映射"
#         "the card has no `model-index` results": "模型卡没有 `model-index` 结果"
package govlint.rules.mc007

import data.govlint.lib.model
import rego.v1

required := [["task", "type"], ["dataset", "type"], ["dataset", "name"]]

deny contains {
	"msg": sprintf("model-index result %d of `%v` has no `%s`", [j, entry_name(i), concat(".", field)]),
	"path": array.concat(["model-index", i, "results", j], field),
} if {
	some [[_, i, _, j], r] in data.govlint.lib.model.model_index_results
	is_object(r)
	some field in required
	not text_value(object.get(r, field, null))
}

deny contains {
	"msg": sprintf("model-index result %d of `%v` has no `metrics`", [j, entry_name(i)]),
	"path": ["model-index", i, "results", j, "metrics"],
} if {
	some [[_, i, _, j], r] in data.govlint.lib.model.model_index_results
	is_object(r)
	not non_empty_list(object.get(r, "metrics", null))
}

deny contains {
	"msg": sprintf("metric %d of model-index result %d of `%v` has no `%s`", [k, j, entry_name(i), field]),
	"path": ["model-index", i, "results", j, "metrics", k, field],
} if {
	some [[_, i, _, j], r] in data.govlint.lib.model.model_index_results
	is_object(r)
	is_array(r.metrics)
	some k, m in r.metrics
	some field in ["type", "value"]
	not metric_field(m, field)
}

deny contains {
	"msg": sprintf("model-index result %d of `%v` is not a mapping", [j, entry_name(i)]),
	"path": ["model-index", i, "results", j],
} if {
	some [[_, i, _, j], r] in data.govlint.lib.model.model_index_results
	not is_object(r)
}

entry_name(i) := n if {
	n := input["model-index"][i].name
	is_string(n)
}

entry_name(i) := sprintf("model-index[%d]", [i]) if not is_string(input["model-index"][i].name)

text_value(x) if {
	is_string(x)
	model.filled(x)
}

non_empty_list(x) if {
	is_array(x)
	count(x) > 0
}

metric_field(m, "type") if {
	is_object(m)
	text_value(object.get(m, "type", null))
}

metric_field(m, "value") if {
	is_object(m)
	is_number(object.get(m, "value", null))
}

metric_field(m, "value") if {
	is_object(m)
	text_value(object.get(m, "value", null))
}

# What the rule judges (docs/policies.md, "Evidence"): the `model-index` results; a card without
# any is none of its business.
evidence if some _ in data.govlint.lib.model.model_index_results

no_subject contains "the card has no `model-index` results" if not evidence
