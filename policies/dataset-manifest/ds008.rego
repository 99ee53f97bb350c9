# METADATA
# title: Hugging Face card tags come from the Hub vocabularies
# description: >-
#   `task_categories`, `size_categories`, `source_datasets` and `annotations_creators` take their
#   values from the Hugging Face vocabularies, so that the Hub (and any catalogue built on these
#   fields) can index the dataset. The vocabularies are parameters, copied from their Hugging Face
#   sources.
# related_resources:
#   - ref: https://huggingface.co/docs/hub/datasets-cards
#   - ref: https://github.com/huggingface/huggingface.js/blob/main/packages/tasks/src/pipelines.ts
#     description: Hub task ids (task_categories)
#   - ref: https://github.com/huggingface/datasets/tree/main/src/datasets/utils/resources
#     description: size_categories.json and creators.json of the datasets library
# custom:
#   id: DS008
#   severity: warning
#   kinds: [dataset-manifest]
#   layer: data-resources
#   stage: capability-building
#   frameworks:
#     caict-roadmap-2024: "data resources: data asset catalogue"
#   params: [task_categories, legacy_task_categories, size_categories, annotations_creators, source_datasets_pattern]
#   remediation: >-
#     Use values from the Hub vocabularies: a task id such as `text-generation`, a size band such as
#     `1M<n<10M`, `original` / `extended|<dataset>` / a dataset id, and one of `found`,
#     `crowdsourced`, `expert-generated`, `machine-generated`, `no-annotation`, `other`.
#   examples:
#     pass: "task_categories: [text-generation]\nsize_categories: [1M<n<10M]"
#     fail: "task_categories: [chatbot]\nsize_categories: [about 2M]"
#   evidence:
#     needs: >-
#       the `task_categories`, `size_categories`, `annotations_creators` and `source_datasets` a
#       Hugging Face dataset card or native manifest sets; a card that sets none, and a Croissant
#       file, have nothing to judge
#   i18n:
#     zh-CN:
#       title: Hugging Face 数据集卡片标签须取自官方词表
#       description: >-
#         `task_categories`、`size_categories`、`source_datasets`、`annotations_creators` 的取值应来自 Hugging Face
#         官方词表（任务类型、规模档位、来源数据集、标注来源），以便 Hub 及基于这些字段的数据资产目录正确编目。词表作为参数
#         提供，出处为 huggingface.js 的 pipelines.ts 和 datasets 库的资源文件。对应《大模型落地路线图研究报告（2024年）》
#         数据资源层的数据资产管理。
#       remediation: >-
#         使用官方词表中的值：任务如 `text-generation`，规模档位如 `1M<n<10M`，来源为 `original` / `extended|<数据集>` /
#         数据集 ID，标注来源为 `found`、`crowdsourced`、`expert-generated`、`machine-generated`、`no-annotation`、`other` 之一。
#       evidence: >-
#         Hugging Face 数据集卡片或原生清单所设置的 `task_categories`、
#         `size_categories`、`annotations_creators` 与 `source_datasets`；
#         未设置这些字段的卡片及 Croissant 文件无需判断。
#       clauses:
#         caict-roadmap-2024: "数据资源：数据资产目录"
#       messages:
#         "`%s` must hold strings; found %s": "`%s` 的取值须为字符串，实际为 %s"
#         "`%s` value `%s` is not in the Hugging Face vocabulary": "`%s` 的取值 `%s` 不在 Hugging Face 官方词表中"
#         "`source_datasets` value `%s` is neither `original`, `extended`, `extended|<dataset>` nor a dataset id": "`source_datasets` 的取值 `%s` 既不是 `original`、`extended`、`extended|<dataset>`，也不是数据集 ID"
#         "the card sets none of the Hugging Face tags": "数据集卡片未设置任何 Hugging Face 标签"
#         "Croissant has no Hugging Face tags": "Croissant 没有 Hugging Face 标签"
package govlint.rules.ds008

import rego.v1

params := data.govlint.params.ds008

vocabularies := {
	"task_categories": {v | some list in [params.task_categories, object.get(params, "legacy_task_categories", [])]; some v in list},
	"size_categories": {v | some v in params.size_categories},
	"annotations_creators": {v | some v in params.annotations_creators},
}

applies if data.govlint.lib.dataset.format in {"huggingface", "native"}

# [field, index or null, value]
values contains [field, i, v] if {
	some field in ["task_categories", "size_categories", "annotations_creators", "source_datasets"]
	is_array(input[field])
	some i, v in input[field]
}

values contains [field, null, v] if {
	some field in ["task_categories", "size_categories", "annotations_creators", "source_datasets"]
	v := input[field]
	not is_array(v)
	v != null
}

value_path(field, null) := [field]

value_path(field, i) := [field, i] if i != null

deny contains {"msg": sprintf("`%s` must hold strings; found %s", [field, json.marshal(v)]), "path": value_path(field, i)} if {
	applies
	some [field, i, v] in values
	not is_string(v)
}

deny contains {"msg": sprintf("`%s` value `%s` is not in the Hugging Face vocabulary", [field, v]), "path": value_path(field, i)} if {
	applies
	some [field, i, v] in values
	is_string(v)
	vocab := vocabularies[field]
	not vocab[v]
}

deny contains {"msg": sprintf("`source_datasets` value `%s` is neither `original`, `extended`, `extended|<dataset>` nor a dataset id", [v]), "path": value_path("source_datasets", i)} if {
	applies
	some ["source_datasets", i, v] in values
	is_string(v)
	not regex.match(params.source_datasets_pattern, v)
}

# What the rule judges (docs/policies.md, "Evidence"): the tag values a card sets. A card that sets
# none, and a Croissant file, are none of its business.
evidence if {
	applies
	some _ in values
}

no_subject contains "the card sets none of the Hugging Face tags" if {
	applies
	not evidence
}

no_subject contains "Croissant has no Hugging Face tags" if not applies
